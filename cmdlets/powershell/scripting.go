package powershell

import "github.com/csshell/csshell/engine"

// registerScriptingCmdlets adds the commands admins' scripts call around
// their work: Select-String, ConvertTo-Html, the archive cmdlets,
// Get-Credential, pause, the session's history and transcript, and
// Out-GridView (which fails as on pwsh for Linux).
func registerScriptingCmdlets(rt *engine.Runtime) {
	registerSelectString(rt)
	registerConvertToHTML(rt)
	registerArchiveCmdlets(rt)
	registerGetCredential(rt)
	registerPause(rt)
	registerHistoryCmdlets(rt)
	registerTranscriptCmdlets(rt)
}
