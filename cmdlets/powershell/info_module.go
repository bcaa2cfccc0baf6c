package powershell

import (
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

var (
	importedMu      sync.Mutex
	importedModules = map[*engine.Runtime]map[string]string{}
)

// registerModuleCmdlets adds Import-Module and Get-Module.
func registerModuleCmdlets(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: "System.Management.Automation.PSModuleInfo", Kind: format.TableView,
		Columns: []format.Column{
			{Label: "ModuleType", Property: "ModuleType", Width: 10, Align: format.AlignLeft},
			{Label: "Version", Property: "Version", Width: 10, Align: format.AlignLeft},
			{Label: "PreRelease", Property: "PreRelease", Width: 10, Align: format.AlignLeft},
			{Label: "Name", Property: "Name", Width: 35, Align: format.AlignLeft},
			{Label: "ExportedCommands", Property: "ExportedCommands", Align: format.AlignLeft},
		}})
	rt.Register(&engine.Cmdlet{
		Name: "Import-Module", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Adds modules to the current session.",
		Description: "The Import-Module cmdlet adds one or more modules to the current session. The modules you import must be installed on the local computer.",
		DefaultSet:  "Name",
		Params: []*engine.ParamInfo{
			{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: "Name", Position: 0, Mandatory: true, FromPipeline: true}}, Help: "Specifies the names of the modules to import."},
			{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "This parameter causes a module to be loaded, or reloaded, over top of the current one."},
			{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns objects that represent the imported modules."},
			{Name: "DisableNameChecking", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Suppresses the message that warns you when you import a cmdlet or function whose name includes an unapproved verb."},
			{Name: "Global", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Imports modules into the global session state."},
			{Name: "Prefix", Type: "String", Sets: outSetsAll(), Help: "Specifies a prefix that this cmdlet adds to the nouns in the names of imported module members."},
			{Name: "Function", Type: "String[]", Sets: outSetsAll(), Help: "Specifies an array of functions that this cmdlet imports from the module."},
			{Name: "Cmdlet", Type: "String[]", Sets: outSetsAll(), Help: "Specifies an array of cmdlets that this cmdlet imports from the module."},
			{Name: "Alias", Type: "String[]", Sets: outSetsAll(), Help: "Specifies the aliases that this cmdlet imports from the module."},
			{Name: "MinimumVersion", Type: "Version", Aliases: []string{"Version"}, Sets: outSetsAll(), Help: "Specifies a minimum version."},
			{Name: "RequiredVersion", Type: "Version", Sets: outSetsAll(), Help: "Specifies a version of the module that this cmdlet imports."},
			{Name: "Scope", Type: "String", ValidateSet: []string{"Local", "Global"}, Sets: outSetsAll(), Help: "Specifies a scope to import the module."},
			{Name: "NoClobber", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Prevents importing commands that have the same names as existing commands in the current session."},
			{Name: "UseWindowsPowerShell", Type: "SwitchParameter", Aliases: []string{"UseWinPS"}, Sets: outSetsAll(), Help: "Loads the module using Windows PowerShell Compatibility functionality."},
		},
		Examples: []engine.Example{{Title: "Import the Teams module", Code: "Import-Module MicrosoftTeams", Remarks: ""}},
		New:      engine.ProcessOnly(importModule),
	})
	rt.SetAliases("Import-Module", "ipmo")
	rt.Register(&engine.Cmdlet{
		Name: "Get-Module", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "List the modules imported in the current session or that can be imported from the PSModulePath.",
		Description: "The Get-Module cmdlet lists the PowerShell modules that have been imported, or that can be imported, into a PowerShell session.",
		DefaultSet:  "Loaded",
		Params: []*engine.ParamInfo{
			{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true}}, Help: "Specifies names or name patterns of modules that this cmdlet gets."},
			{Name: "ListAvailable", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "Available", Position: -1, Mandatory: true}}, Help: "Indicates that this cmdlet gets all installed modules."},
			{Name: "All", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet gets all modules in each module folder."},
			{Name: "Refresh", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet refreshes the cache of installed commands."},
		},
		Outputs: []string{"System.Management.Automation.PSModuleInfo"},
		New:     engine.ProcessOnly(getModule),
	})
	rt.SetAliases("Get-Module", "gmo")
}

// moduleObject describes a known module.
func moduleObject(rt *engine.Runtime, name string) *value.Object {
	o := value.NewObject("System.Management.Automation.PSModuleInfo", "System.Object")
	kind := "Script"
	if strings.HasPrefix(name, "Microsoft.PowerShell.") {
		kind = "Manifest"
		if name == "Microsoft.PowerShell.Core" {
			kind = "Binary"
		}
	}
	var cmds []string
	for _, c := range rt.Cmdlets() {
		if strings.EqualFold(c.Module, name) {
			cmds = append(cmds, c.Name)
		}
	}
	sort.Strings(cmds)
	exported := make([]any, len(cmds))
	for i, c := range cmds {
		exported[i] = c
	}
	o.Set("ModuleType", kind)
	o.Set("Version", moduleVersion(name))
	o.Set("PreRelease", "")
	o.Set("Name", name)
	o.Set("ExportedCommands", exported)
	o.Set("Path", "")
	o.Set("Description", "")
	return o
}

// importModule is Import-Module.
func importModule(c *engine.Call) error {
	rt := c.Runtime()
	for _, raw := range c.Strings("Name") {
		name := raw
		if ext := strings.ToLower(filepath.Ext(raw)); ext == ".psd1" || ext == ".psm1" || ext == ".dll" {
			name = strings.TrimSuffix(filepath.Base(fsSlashes(raw)), filepath.Ext(raw))
		}
		known, ok := rt.Module(name)
		if !ok {
			rec := engine.NewError("ResourceUnavailable", "Modules_ModuleNotFound", raw,
				"The specified module '%s' was not loaded because no valid module file was found in any module directory.", raw).
				WithException("System.IO.FileNotFoundException")
			if err := c.WriteError(rec); err != nil {
				return err
			}
			continue
		}
		importedMu.Lock()
		set := importedModules[rt]
		if set == nil {
			set = map[string]string{}
			importedModules[rt] = set
		}
		set[strings.ToLower(known)] = known
		importedMu.Unlock()
		if c.Switch("PassThru") {
			if err := c.WriteObject(moduleObject(rt, known)); err != nil {
				return err
			}
		}
	}
	return nil
}

// getModule is Get-Module.
func getModule(c *engine.Call) error {
	rt := c.Runtime()
	var names []string
	if c.Switch("ListAvailable") {
		names = rt.Modules()
	} else {
		importedMu.Lock()
		for _, n := range importedModules[rt] {
			names = append(names, n)
		}
		importedMu.Unlock()
		sort.Strings(names)
	}
	pats := c.Strings("Name")
	for _, n := range names {
		if len(pats) > 0 {
			ok := false
			for _, p := range pats {
				if value.Like(n, p, false) {
					ok = true
				}
			}
			if !ok {
				continue
			}
		}
		if err := c.WriteObject(moduleObject(rt, n)); err != nil {
			return err
		}
	}
	return nil
}
