// Package psreadline is the PSReadLine module as pwsh 7.4 ships it
// (2.3.4): the cmdlets users put in their $PROFILE to set the line
// editor's options and key bindings — Set-/Get-PSReadLineOption and
// Set-/Get-/Remove-PSReadLineKeyHandler — with PSReadLine's parameters,
// defaults, output and error texts. The options live in the session
// (engine.ReadLineOptions), where the shell's line editor reads them; the
// README says which ones the editor honours.
package psreadline
