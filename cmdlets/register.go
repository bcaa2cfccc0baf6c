// Package cmdlets holds csshell's built-in cmdlets, one file per family,
// each with its metadata (parameters, help, examples) beside its code.
// Register wires them all into a runtime; nothing registers itself.
package cmdlets

import "github.com/csshell/csshell/engine"

// Register adds every built-in cmdlet, its aliases and the known module
// names to rt.
func Register(rt *engine.Runtime) {
	registerObjectCmdlets(rt)
	registerWriteCmdlets(rt)
	registerUtilityCmdlets(rt)
	registerOutputCmdlets(rt)
	registerFileCmdlets(rt)
	registerInfoCmdlets(rt)
	registerCsvCmdlets(rt)
	for _, m := range []string{"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management",
		"Microsoft.PowerShell.Host", "Microsoft.PowerShell.Security", "PSReadLine",
		"MicrosoftTeams", "SkypeOnlineConnector", "LyncOnlineConnector"} {
		rt.AddModule(m)
	}
}

// alias registers several aliases for one command.
func alias(rt *engine.Runtime, command string, aliases ...string) {
	for _, a := range aliases {
		rt.SetAlias(a, command)
	}
}

// messageError is an error whose text is a user-facing PowerShell message
// (capitalised and punctuated, unlike Go error strings).
type messageError string

func (e messageError) Error() string { return string(e) }
