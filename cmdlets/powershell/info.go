package powershell

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// registerInfoCmdlets adds Get-Command, Get-Help, the alias cmdlets and the
// module cmdlets, and the CommandInfo table view.
func registerInfoCmdlets(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: "System.Management.Automation.CommandInfo", Kind: format.TableView,
		Columns: []format.Column{
			{Label: "CommandType", Property: "CommandType", Width: 15, Align: format.AlignLeft},
			{Label: "Name", Property: "DisplayName", Width: 50, Align: format.AlignLeft},
			{Label: "Version", Property: "Version", Width: 10, Align: format.AlignLeft},
			{Label: "Source", Property: "Source", Align: format.AlignLeft},
		}})
	gcm := newGetCommandParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Command", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Gets all commands.",
		Description: "The Get-Command cmdlet gets all commands that are available in the session, including cmdlets, aliases, functions and scripts. Get-Command * gets them all.",
		DefaultSet:  "CmdletSet",
		Params:      gcm.infos(),
		Outputs:     []string{"System.Management.Automation.CommandInfo"},
		Examples:    []engine.Example{{Title: "Get cmdlets by verb", Code: "Get-Command -Verb Get -Noun *Alias*", Remarks: "Lists the commands whose verb is Get and whose noun contains Alias."}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getCommand(c, gcm) }),
	})
	rt.SetAliases("Get-Command", "gcm")
	registerHelpCmdlets(rt)
	registerAliasCmdlets(rt)
	registerModuleCmdlets(rt)
}

// moduleVersion is the version Get-Command and Get-Module show for a
// module, as pwsh 7.4.6 reports them: Microsoft.PowerShell.Core, a
// snap-in, System.Management.Automation's assembly version (the release
// and revision 500 for GA builds: PowerShell.Common.props'
// PSCoreFileVersion); the other pwsh modules their manifests'
// ModuleVersion (src/Modules/*/*.psd1) and, for the gallery modules 7.4.6
// ships, the version src/Modules/PSGalleryModules.csproj pins. A module
// csshell knows no version of shows none. (Get-Module asks the versioned
// modules itself; commandVersion does for Get-Command.)
func moduleVersion(module string) string {
	switch strings.ToLower(module) {
	case "microsoft.powershell.core":
		return engine.PSVersion + ".500"
	case "microsoft.powershell.utility", "microsoft.powershell.management", "microsoft.powershell.security",
		"microsoft.powershell.host":
		return "7.0.0.0"
	case "psreadline":
		// pwsh 7.4.6 ships PSReadLine 2.3.5 (PSGalleryModules.csproj since
		// 7.4.2); cmdlets/psreadline follows it.
		return "2.3.5"
	case "microsoft.powershell.archive":
		return "1.2.5"
	}
	return ""
}

// commandVersion is the Version of a command of module: the loaded
// version of a versioned module, else moduleVersion.
func commandVersion(rt *engine.Runtime, module string) string {
	if vm, ok := rt.VersionedModule(module); ok {
		return vm.Version()
	}
	return moduleVersion(module)
}

// commandObject wraps a CommandInfo as the object Get-Command emits: typed
// CmdletInfo/FunctionInfo/AliasInfo/ExternalScriptInfo, with the
// *engine.CommandInfo as its base.
func commandObject(rt *engine.Runtime, ci *engine.CommandInfo) *value.Object {
	kind := ci.Kind.String()
	typ := map[engine.CommandKind]string{engine.KindCmdlet: "CmdletInfo", engine.KindFunction: "FunctionInfo",
		engine.KindAlias: "AliasInfo", engine.KindScript: "ExternalScriptInfo"}[ci.Kind]
	o := value.NewObject("System.Management.Automation."+typ, "System.Management.Automation.CommandInfo", "System.Object")
	name := ci.Name
	display := name
	module := ci.Module
	switch ci.Kind {
	case engine.KindAlias:
		display = name + " -> " + ci.Definition
		if ci.Cmdlet != nil {
			module = ""
		}
	case engine.KindScript:
		name = fsBase(ci.Definition)
		display = name
	}
	o.Set("HelpUri", "")
	o.Set("ResolvedCommandName", nil)
	o.Set("DisplayName", display)
	o.Set("CommandType", kind)
	o.Set("Name", name)
	o.Set("Definition", commandDefinition(ci))
	o.Set("Version", commandVersion(rt, module))
	o.Set("Source", module)
	o.Set("ModuleName", module)
	o.Set("Visibility", "Public")
	if ci.Kind == engine.KindAlias {
		o.Set("ResolvedCommandName", ci.Definition)
		o.Set("ReferencedCommand", ci.Definition)
		o.Set("Options", "None")
	}
	if ci.Cmdlet != nil && ci.Kind == engine.KindCmdlet {
		o.Set("Verb", ci.Cmdlet.Verb())
		o.Set("Noun", ci.Cmdlet.Noun())
		o.Set("HelpFile", "")
		o.Set("ImplementingType", "")
	}
	if m := ci.Meta(); m != nil && ci.Kind != engine.KindAlias {
		params := value.NewHashtable()
		for _, p := range m.Params {
			params.Set(p.Name, p.Type)
		}
		o.Set("Parameters", params)
		sets := map[string]bool{}
		var names []any
		for _, s := range syntaxSets(m) {
			if !sets[s] {
				sets[s] = true
				names = append(names, s)
			}
		}
		o.Set("ParameterSets", names)
	}
	if ci.Kind == engine.KindFunction && ci.Function != nil {
		o.Set("ScriptBlock", ci.Function.Block)
		o.Set("Options", "None")
	}
	if ci.Kind == engine.KindScript {
		o.Set("Path", ci.Definition)
		o.Set("Source", ci.Definition)
		o.Set("Version", "")
	}
	o.Base = ci
	if ci.Kind != engine.KindScript {
		// CommandInfo.ToString() is the name: "$(Get-Command Get-Date)".
		o.Stringer = func(*value.Object) string { return name }
	}
	return o
}

// commandDefinition is the Definition of a command: the syntax for a
// cmdlet, the body for a function, the target for an alias, the path for a
// script.
func commandDefinition(ci *engine.CommandInfo) string {
	switch ci.Kind {
	case engine.KindCmdlet:
		if m := ci.Meta(); m != nil {
			return "\n" + strings.Join(syntaxLines(ci.Name, m, true), "\n\n") + "\n"
		}
	}
	return ci.Definition
}

// commandTypeOrder sorts Get-Command output: aliases, functions, cmdlets,
// scripts.
func commandTypeOrder(k engine.CommandKind) int {
	switch k {
	case engine.KindAlias:
		return 0
	case engine.KindFunction:
		return 1
	case engine.KindCmdlet:
		return 2
	}
	return 3
}

// allCommands lists every alias, function and cmdlet of the session.
func allCommands(rt *engine.Runtime, sc *engine.Scope) []*engine.CommandInfo {
	var out []*engine.CommandInfo
	for _, a := range rt.Aliases() {
		if ci, ok := rt.LookupCommand(a[0]); ok {
			ci.Name = a[0]
			ci.Kind = engine.KindAlias
			ci.Definition = a[1]
			out = append(out, ci)
		} else {
			out = append(out, &engine.CommandInfo{Name: a[0], Kind: engine.KindAlias, Definition: a[1]})
		}
	}
	for _, f := range sc.Functions() {
		out = append(out, engine.FunctionInfoFor(f))
	}
	for _, c := range rt.Cmdlets() {
		out = append(out, engine.CommandInfoFor(c))
	}
	return out
}

// getCommand is Get-Command.
func getCommand(c *engine.Call, prm *getCommandParams) error {
	rt := c.Runtime()
	names := prm.name.Get(c)
	types := map[string]bool{}
	for _, t := range prm.commandType.Get(c) {
		types[strings.ToLower(t)] = true
	}
	typeOK := func(k engine.CommandKind) bool {
		if len(types) == 0 || types["all"] {
			return true
		}
		switch k {
		case engine.KindAlias:
			return types["alias"]
		case engine.KindFunction:
			return types["function"] || types["filter"]
		case engine.KindCmdlet:
			return types["cmdlet"]
		}
		return types["externalscript"] || types["script"]
	}
	moduleOK := func(ci *engine.CommandInfo) bool {
		mods := prm.module.Get(c)
		if len(mods) == 0 {
			return true
		}
		for _, m := range mods {
			if value.Like(ci.Module, m, false) {
				return true
			}
		}
		return false
	}
	verbNounOK := func(ci *engine.CommandInfo) bool {
		verbs, nouns := prm.verb.Get(c), prm.noun.Get(c)
		if len(verbs) == 0 && len(nouns) == 0 {
			return true
		}
		if ci.Kind == engine.KindAlias {
			return false
		}
		verb, noun, _ := strings.Cut(ci.Name, "-")
		match := func(s string, pats []string) bool { return len(pats) == 0 || value.LikeAny(s, pats) }
		return match(verb, verbs) && match(noun, nouns)
	}
	var found []*engine.CommandInfo
	if len(names) == 0 {
		for _, ci := range allCommands(rt, c.Scope()) {
			if typeOK(ci.Kind) && moduleOK(ci) && verbNounOK(ci) {
				found = append(found, ci)
			}
		}
		sortCommands(found)
	} else {
		for _, n := range names {
			if !value.HasWildcard(n) {
				ci, ok := rt.LookupCommandIn(c.Scope(), n)
				if ok && !typeOK(ci.Kind) {
					// -CommandType Cmdlet finds the cmdlet a function of
					// the same name hides.
					ok = false
					for _, other := range allCommands(rt, c.Scope()) {
						if strings.EqualFold(other.Name, n) && typeOK(other.Kind) {
							ci, ok = other, true
							break
						}
					}
				}
				if !ok || !typeOK(ci.Kind) || !moduleOK(ci) {
					rec := engine.NewError("ObjectNotFound", "CommandNotFoundException", n,
						"The term '%s' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.", n).
						WithException("System.Management.Automation.CommandNotFoundException")
					if err := c.WriteError(rec); err != nil {
						return err
					}
					continue
				}
				found = append(found, ci)
				continue
			}
			var batch []*engine.CommandInfo
			for _, ci := range allCommands(rt, c.Scope()) {
				if value.Like(ci.Name, n, false) && typeOK(ci.Kind) && moduleOK(ci) && verbNounOK(ci) {
					batch = append(batch, ci)
				}
			}
			sortCommands(batch)
			found = append(found, batch...)
		}
	}
	if n := prm.totalCount.Or(c, -1); n >= 0 && n < len(found) {
		found = found[:n]
	}
	for _, ci := range found {
		var out any = commandObject(rt, ci)
		if prm.syntax.Get(c) {
			out = commandSyntaxText(rt, ci)
		}
		if err := c.WriteObject(out); err != nil {
			return err
		}
	}
	return nil
}

// sortCommands orders commands by type, then name.
func sortCommands(list []*engine.CommandInfo) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := commandTypeOrder(list[i].Kind), commandTypeOrder(list[j].Kind)
		if a != b {
			return a < b
		}
		return strings.ToLower(list[i].Name) < strings.ToLower(list[j].Name)
	})
}

// commandSyntaxText is what Get-Command -Syntax prints for a command.
func commandSyntaxText(rt *engine.Runtime, ci *engine.CommandInfo) string {
	if ci.Kind == engine.KindAlias {
		return ci.Name + " (alias) -> " + ci.Definition + "\n"
	}
	m := ci.Meta()
	if m == nil {
		return ci.Name + "\n"
	}
	name := ci.Name
	if ci.Kind == engine.KindScript {
		name = fsBase(ci.Definition)
	}
	return "\n" + strings.Join(syntaxLines(name, m, true), "\n\n") + "\n"
}

// syntaxSets returns the parameter-set names of m, the default first.
func syntaxSets(m *binding.Meta) []string {
	var sets []string
	seen := map[string]bool{}
	for _, p := range m.Params {
		for _, s := range p.Sets {
			if s.Name == engine.AllSets || seen[strings.ToLower(s.Name)] {
				continue
			}
			seen[strings.ToLower(s.Name)] = true
			sets = append(sets, s.Name)
		}
	}
	if len(sets) == 0 {
		return []string{engine.AllSets}
	}
	if m.DefaultSet != "" {
		for i, s := range sets {
			if strings.EqualFold(s, m.DefaultSet) && i > 0 {
				sets = append([]string{s}, append(sets[:i:i], sets[i+1:]...)...)
				break
			}
		}
	}
	return sets
}

// syntaxTypeNames maps .NET type names to the accelerators Get-Command
// -Syntax shows.
var syntaxTypeNames = map[string]string{
	"string": "string", "int32": "int", "int": "int", "int64": "long", "long": "long", "boolean": "bool", "bool": "bool",
	"double": "double", "hashtable": "hashtable", "scriptblock": "scriptblock", "datetime": "datetime", "psobject": "psobject",
	"object": "Object", "char": "char", "byte": "byte", "decimal": "decimal", "uint32": "uint", "pscredential": "pscredential",
	"switchparameter": "switch", "switch": "switch", "timespan": "timespan", "guid": "guid", "regex": "regex",
}

// helpTypeNames maps accelerators to the .NET names Get-Help shows.
var helpTypeNames = map[string]string{
	"string": "String", "int": "Int32", "int32": "Int32", "long": "Int64", "int64": "Int64", "bool": "Boolean", "boolean": "Boolean",
	"double": "Double", "hashtable": "Hashtable", "scriptblock": "ScriptBlock", "datetime": "DateTime", "psobject": "PSObject",
	"object": "Object", "char": "Char", "byte": "Byte", "decimal": "Decimal", "switch": "SwitchParameter", "switchparameter": "SwitchParameter",
	"pscredential": "PSCredential", "timespan": "TimeSpan", "guid": "Guid", "uint32": "UInt32", "securestring": "SecureString",
}

// paramTypeName is a parameter's type as syntax shows it (lower: Get-Command
// style accelerators; else Get-Help's .NET names).
func paramTypeName(t string, lower bool) string {
	if t == "" {
		t = "Object"
	}
	suffix := ""
	for strings.HasSuffix(t, "[]") {
		t, suffix = strings.TrimSuffix(t, "[]"), suffix+"[]"
	}
	table := helpTypeNames
	if lower {
		table = syntaxTypeNames
	}
	if n, ok := table[strings.ToLower(t)]; ok {
		return n + suffix
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return t + suffix
}

// syntaxLines renders one line per parameter set in pwsh's notation.
func syntaxLines(name string, m *binding.Meta, lower bool) []string {
	var lines []string
	for _, set := range syntaxSets(m) {
		type entry struct {
			p   *binding.ParamInfo
			set binding.ParamSet
		}
		var positional, named []entry
		for _, p := range m.Params {
			s, ok := p.InSet(set)
			if set == engine.AllSets {
				if len(p.Sets) == 0 {
					continue
				}
				s, ok = p.Sets[0], true
			}
			if !ok {
				continue
			}
			if s.Position >= 0 && !p.IsSwitch() {
				positional = append(positional, entry{p, s})
			} else {
				named = append(named, entry{p, s})
			}
		}
		sort.SliceStable(positional, func(i, j int) bool { return positional[i].set.Position < positional[j].set.Position })
		parts := []string{name}
		for _, e := range append(positional, named...) {
			parts = append(parts, syntaxParam(e.p, e.set, lower))
		}
		if m.SupportsShouldProcess {
			parts = append(parts, "[-WhatIf]", "[-Confirm]")
		}
		if m.CmdletBinding {
			parts = append(parts, "[<CommonParameters>]")
		}
		lines = append(lines, strings.Join(parts, " "))
	}
	return lines
}

// syntaxParam renders one parameter: "[-Name] <string>", "[-Force]", …
func syntaxParam(p *binding.ParamInfo, s binding.ParamSet, lower bool) string {
	if p.IsSwitch() {
		if s.Mandatory {
			return "-" + p.Name
		}
		return "[-" + p.Name + "]"
	}
	typ := "<" + paramTypeName(p.Type, lower) + ">"
	if len(p.ValidateSet) > 0 {
		typ = "{" + strings.Join(p.ValidateSet, " | ") + "}"
	}
	nameText := "-" + p.Name
	if s.Position >= 0 {
		nameText = "[-" + p.Name + "]"
	}
	text := nameText + " " + typ
	if !s.Mandatory {
		text = "[" + text + "]"
	}
	return text
}
