package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerAliasCmdlets adds Get-Alias, Set-Alias, New-Alias and
// Remove-Alias.
func registerAliasCmdlets(rt *engine.Runtime) {
	gal := newGetAliasParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Alias", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Gets the aliases for the current session.",
		Description: "The Get-Alias cmdlet gets the aliases in the current session. This includes built-in aliases, aliases that you have set or imported, and aliases that you have added to your PowerShell profile.",
		DefaultSet:  "Default",
		Params:      gal.infos(),
		Outputs:     []string{"System.Management.Automation.AliasInfo"},
		Examples:    []engine.Example{{Title: "Get the aliases of a cmdlet", Code: "Get-Alias -Definition Get-ChildItem", Remarks: "Lists the aliases of Get-ChildItem."}},
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getAlias(c, gal) }),
	})
	rt.SetAliases("Get-Alias", "gal")
	for _, name := range []string{"Set-Alias", "New-Alias"} {
		syn := "Creates or changes an alias for a cmdlet or other command in the current PowerShell session."
		if name == "New-Alias" {
			syn = "Creates a new alias."
		}
		isNew := name == "New-Alias"
		p := newSetAliasParams()
		rt.Register(&engine.Cmdlet{
			Name: name, Module: "Microsoft.PowerShell.Utility",
			Synopsis: syn, Description: syn, SupportsShouldProcess: true,
			Params: p.infos(),
			New:    engine.ProcessOnly(func(c *engine.Call) error { return setAlias(c, p, isNew) }),
		})
	}
	rt.SetAliases("Set-Alias", "sal")
	rt.SetAliases("New-Alias", "nal")
	removeName := engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the name of the alias to be removed."})
	rt.Register(&engine.Cmdlet{
		Name: "Remove-Alias", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Remove an alias from the current session.",
		Description: "The Remove-Alias cmdlet removes an alias from the current PowerShell session.",
		Params: []*engine.ParamInfo{
			removeName.Info(),
			{Name: "Scope", Type: "String", Sets: outSetsAll(), Help: "Specifies the scope from which the alias is removed."},
			{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that the cmdlet removes an alias, including aliases with the Option property set to ReadOnly."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			for _, n := range removeName.Get(c) {
				if !c.Runtime().RemoveAlias(n) {
					rec := engine.NewError("ObjectNotFound", "ItemNotFoundException", n, "No alias named '%s' was found in the specified scope.", n).
						WithException("System.Management.Automation.ItemNotFoundException")
					if err := c.WriteError(rec); err != nil {
						return err
					}
				}
			}
			return nil
		}),
	})
}

// aliasObject describes one alias as an AliasInfo.
func aliasObject(rt *engine.Runtime, name, target string) *value.Object {
	ci, ok := rt.LookupCommand(name)
	if !ok {
		ci = &engine.CommandInfo{Name: name, Kind: engine.KindAlias, Definition: target}
	}
	ci.Name, ci.Kind, ci.Definition = name, engine.KindAlias, target
	return commandObject(rt, ci)
}

// getAlias is Get-Alias.
func getAlias(c *engine.Call, prm *getAliasParams) error {
	rt := c.Runtime()
	all := rt.Aliases()
	// writeMatches writes the aliases (not -Exclude'd) whose name
	// (field 0) or definition (field 1) matches each pattern; a pattern
	// without wildcards that matches none is an error naming the field.
	writeMatches := func(patterns []string, field int, fieldName string) error {
		for _, pat := range patterns {
			found := false
			for _, a := range all {
				if value.Like(a[field], pat, false) && !value.LikeAny(a[0], prm.exclude.Get(c)) {
					found = true
					if err := c.WriteObject(aliasObject(rt, a[0], a[1])); err != nil {
						return err
					}
				}
			}
			if !found && !value.HasWildcard(pat) {
				rec := engine.NewError("ObjectNotFound", "ItemNotFoundException", pat, "This command cannot find a matching alias because an alias with the %s '%s' does not exist.", fieldName, pat).
					WithException("System.Management.Automation.ItemNotFoundException")
				if err := c.WriteError(rec); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if prm.definition.Given(c) {
		return writeMatches(prm.definition.Get(c), 1, "definition")
	}
	names := prm.name.Get(c)
	if len(names) == 0 {
		names = []string{"*"}
	}
	return writeMatches(names, 0, "name")
}

// setAlias is Set-Alias and New-Alias.
func setAlias(c *engine.Call, prm *setAliasParams, isNew bool) error {
	rt := c.Runtime()
	name, target := prm.name.Get(c), prm.value.Get(c)
	if isNew && !prm.force.Get(c) {
		if _, ok := rt.ResolveAlias(name); ok {
			return c.WriteError(engine.NewError("ResourceExists", "AliasAlreadyExists", name, "Alias not allowed because an alias with the name '%s' already exists.", name).
				WithException("System.Management.Automation.SessionStateUnauthorizedAccessException"))
		}
	}
	if ok, err := c.ShouldProcess("Name: "+name+" Value: "+target, strings.TrimSuffix(c.Cmdlet.Name, "-Alias")+" Alias"); err != nil || !ok {
		return err
	}
	rt.SetAlias(name, target)
	if prm.passThru.Get(c) {
		return c.WriteObject(aliasObject(rt, name, target))
	}
	return nil
}
