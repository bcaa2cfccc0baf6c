// Package powershell holds the core PowerShell cmdlets csshell provides,
// each tagged with the module pwsh ships it in (Microsoft.PowerShell.Core,
// .Utility, .Management, .Host, .Security): objects, output and
// formatting, files and locations, CSV and JSON, help and command
// discovery, variables. Nothing here knows the tenant or its store.
package powershell

import "github.com/csshell/csshell/engine"

// Modules are the PowerShell modules whose cmdlets this package provides
// (PSReadLine is listed because scripts import it).
var Modules = []string{"Microsoft.PowerShell.Core", "Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management",
	"Microsoft.PowerShell.Host", "Microsoft.PowerShell.Security", "PSReadLine"}

// Register adds every core cmdlet, its aliases and the module names to rt.
func Register(rt *engine.Runtime) {
	registerObjectCmdlets(rt)
	registerWriteCmdlets(rt)
	registerUtilityCmdlets(rt)
	registerOutputCmdlets(rt)
	registerFileCmdlets(rt)
	registerInfoCmdlets(rt)
	registerCsvCmdlets(rt)
	registerScriptingCmdlets(rt)
	for _, m := range Modules {
		rt.AddModule(m)
	}
}
