package powershell

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
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
	ipmo := newImportModuleParams()
	rt.Register(&engine.Cmdlet{
		Name: "Import-Module", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Adds modules to the current session.",
		Description: "The Import-Module cmdlet adds one or more modules to the current session. The modules you import must be installed on the local computer.",
		DefaultSet:  "Name",
		Params:      ipmo.infos(),
		Examples:    []engine.Example{{Title: "Import the Teams module", Code: "Import-Module MicrosoftTeams", Remarks: ""}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return importModule(c, ipmo) }),
	})
	rt.SetAliases("Import-Module", "ipmo")
	gmo := newGetModuleParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Module", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "List the modules imported in the current session or that can be imported from the PSModulePath.",
		Description: "The Get-Module cmdlet lists the PowerShell modules that have been imported, or that can be imported, into a PowerShell session.",
		DefaultSet:  "Loaded",
		Params:      gmo.infos(),
		Outputs:     []string{"System.Management.Automation.PSModuleInfo"},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getModule(c, gmo) }),
	})
	rt.SetAliases("Get-Module", "gmo")
	registerExportModuleMember(rt)
}

// moduleObject describes a known module.
func moduleObject(rt *engine.Runtime, name string) *value.Object {
	o := value.NewObject("System.Management.Automation.PSModuleInfo", "System.Object")
	if m, ok := rt.ScriptModule(name); ok {
		exported := make([]any, len(m.Exported))
		for i, e := range m.Exported {
			exported[i] = e
		}
		o.Set("ModuleType", "Script")
		o.Set("Version", "0.0")
		o.Set("PreRelease", "")
		o.Set("Name", m.Name)
		o.Set("ExportedCommands", exported)
		o.Set("Path", m.Path)
		o.Set("Description", "")
		return o
	}
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
	version := moduleVersion(name)
	if vm, ok := rt.VersionedModule(name); ok {
		version = vm.Version()
	}
	o.Set("Version", version)
	o.Set("PreRelease", "")
	o.Set("Name", name)
	o.Set("ExportedCommands", exported)
	o.Set("Path", "")
	o.Set("Description", "")
	return o
}

// importModule is Import-Module.
func importModule(c *engine.Call, prm *importModuleParams) error {
	rt := c.Runtime()
	for _, raw := range prm.name.Get(c) {
		name := raw
		if ext := strings.ToLower(filepath.Ext(raw)); ext == ".psd1" || ext == ".psm1" || ext == ".dll" {
			name = strings.TrimSuffix(filepath.Base(fsSlashes(raw)), filepath.Ext(raw))
		}
		if strings.EqualFold(filepath.Ext(raw), ".psm1") {
			if err := importScriptModule(c, prm, raw); err != nil {
				return err
			}
			continue
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
		if vm, ok := rt.VersionedModule(known); ok {
			spec := engine.ModuleVersionSpec{Required: prm.required.Get(c), Minimum: prm.minimum.Get(c), Maximum: prm.maximum.Get(c)}
			if err := importVersion(c, vm, known, spec); err != nil {
				return err
			}
		}
		rt.MarkImported(known)
		if prm.passThru.Get(c) {
			if err := c.WriteObject(moduleObject(rt, known)); err != nil {
				return err
			}
		}
	}
	return nil
}

// importVersion loads the version of a versioned module that spec asks
// for. Without a version it loads the newest unless the module is already
// imported (Import-Module does nothing then, as pwsh without -Force).
func importVersion(c *engine.Call, vm engine.VersionedModule, name string, spec engine.ModuleVersionSpec) error {
	if spec.Empty() {
		if c.Runtime().IsImported(name) && vm.Active() {
			return nil
		}
	} else if spec.Matches(vm.Version()) && spec.Required == "" {
		return nil
	}
	if _, ok := vm.Load(spec); !ok {
		return c.WriteError(engine.ModuleVersionNotFound(name, spec))
	}
	return nil
}

// importScriptModule imports a .psm1 file: its code runs in the module's
// scope and its exports join the session (engine/module.go).
func importScriptModule(c *engine.Call, prm *importModuleParams, raw string) error {
	rt := c.Runtime()
	full := rt.ResolvePath(raw)
	if st, err := os.Stat(full); err != nil || st.IsDir() {
		return c.WriteError(engine.NewError("ResourceUnavailable", "Modules_ModuleNotFound", raw,
			"The specified module '%s' was not loaded because no valid module file was found in any module directory.", raw).
			WithException("System.IO.FileNotFoundException"))
	}
	m, err := c.ImportScriptModule(full)
	if err != nil {
		return err
	}
	rt.MarkImported(m.Name)
	if prm.passThru.Get(c) {
		return c.WriteObject(moduleObject(rt, m.Name))
	}
	return nil
}

// registerExportModuleMember adds Export-ModuleMember.
func registerExportModuleMember(rt *engine.Runtime) {
	list := func(name, help string, pos int) engine.Param[[]string] {
		p := &engine.ParamInfo{Name: name, Type: "String[]", Help: help, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: pos, FromPipeline: pos == 0, FromPipelineByName: true}}}
		return engine.Declare[[]string](p)
	}
	fn := list("Function", "Specifies the functions that are exported from the script module file. Wildcard characters are permitted.", 0)
	cmd := list("Cmdlet", "Specifies the cmdlets that are exported from the script module file. Wildcard characters are permitted.", -1)
	vars := list("Variable", "Specifies the variables that are exported from the script module file. Wildcard characters are permitted.", -1)
	alias := list("Alias", "Specifies the aliases that are exported from the script module file. Wildcard characters are permitted.", -1)
	rt.Register(&engine.Cmdlet{
		Name: "Export-ModuleMember", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Specifies the module members that are exported.",
		Description: "The Export-ModuleMember cmdlet specifies the module members that are exported from a script module (.psm1) file. " +
			"Without it, a script module exports all its functions and no variables or aliases; once it is called, only the members " +
			"it names are exported. It can be called only from inside a module.",
		Params:   []*engine.ParamInfo{fn.Info(), cmd.Info(), vars.Info(), alias.Info()},
		Examples: []engine.Example{{Title: "Export one function", Code: "Export-ModuleMember -Function Get-Report"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			m := c.CurrentModule()
			if m == nil {
				return engine.NewError("PermissionDenied", "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", nil,
					"The Export-ModuleMember cmdlet can only be called from inside a module.").
					WithException("System.InvalidOperationException")
			}
			m.Export(fn.Get(c), vars.Get(c), alias.Get(c))
			return nil
		}),
	})
}

// getModule is Get-Module.
func getModule(c *engine.Call, prm *getModuleParams) error {
	rt := c.Runtime()
	var names []string
	if prm.listAvailable.Get(c) {
		names = rt.Modules()
	} else {
		names = rt.ImportedModules()
	}
	pats := prm.name.Get(c)
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
