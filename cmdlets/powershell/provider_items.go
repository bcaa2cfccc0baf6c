package powershell

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// provItem is one item of a flat provider (Alias, Environment, Function,
// Variable): its name, the object Get-Item shows, and the value
// Get-Content reads.
type provItem struct {
	name    string
	obj     any
	content any
}

// provItems lists a provider's items, sorted by name, as seen from the
// calling scope.
func provItems(c *engine.Call, provider string) []provItem {
	rt := c.Runtime()
	var out []provItem
	switch provider {
	case engine.AliasProvider:
		for _, a := range rt.Aliases() {
			out = append(out, provItem{name: a[0], obj: aliasObject(rt, a[0], a[1]), content: a[1]})
		}
	case engine.EnvironmentProvider:
		if env := c.Host().Environ; env != nil {
			for _, kv := range env() {
				k, v, _ := strings.Cut(kv, "=")
				if k == "" || v == "" {
					continue
				}
				out = append(out, provItem{name: k, obj: value.NewDictionaryEntry(k, v), content: v})
			}
		}
	case engine.FunctionProvider:
		for _, fn := range c.Scope().Functions() {
			out = append(out, provItem{name: fn.Name, obj: commandObject(rt, engine.FunctionInfoFor(fn)), content: fn.Block})
		}
	case engine.VariableProvider:
		for _, v := range c.Scope().Variables() {
			out = append(out, provItem{name: v.Name, obj: varObject(v), content: v.Value})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].name) < strings.ToLower(out[j].name) })
	return out
}

// provMatch returns the items whose name matches pattern (wildcards
// unless literal); a name without wildcards finds at most one item.
func provMatch(c *engine.Call, ip engine.ItemPath, literal bool) []provItem {
	var out []provItem
	wild := !literal && value.HasWildcard(ip.Path)
	for _, it := range provItems(c, ip.Provider) {
		if wild && value.Like(it.name, ip.Path, false) || !wild && strings.EqualFold(it.name, ip.Path) {
			out = append(out, it)
		}
	}
	return out
}

// provPathNotFound is pwsh's error for a missing item of a flat provider:
// "Cannot find path 'x' because it does not exist." with the item's name.
func provPathNotFound(ip engine.ItemPath) *engine.ErrorRecord {
	return engine.PathNotFoundError(ip.Path)
}

// provRemove removes one item of a flat provider.
func provRemove(c *engine.Call, ip engine.ItemPath, name string) error {
	switch ip.Provider {
	case engine.AliasProvider:
		c.Runtime().RemoveAlias(name)
	case engine.EnvironmentProvider:
		if set := c.Host().Setenv; set != nil {
			return set(name, "")
		}
	case engine.FunctionProvider:
		c.Scope().RemoveFunction(name)
	case engine.VariableProvider:
		for sc := c.Scope(); sc != nil; sc = sc.Parent() {
			if v := sc.Local(name); v != nil {
				if v.Constant || v.ReadOnly {
					return notRemovable(v.Name)
				}
				sc.Remove(name)
				return nil
			}
		}
	}
	return nil
}

// provSet creates or changes one item of a flat provider (Set-Item,
// Set-Content, New-Item, and redirection to variable:).
func provSet(c *engine.Call, ip engine.ItemPath, v any) error {
	return engine.SetProviderItem(c, ip, v)
}

// itemNotFound is the error of the content cmdlets for a wildcard path
// that matches nothing.
func itemNotFound(raw string) *engine.ErrorRecord {
	return engine.NewError("ObjectNotFound", "ItemNotFound", raw,
		"An object at the specified path %s does not exist, or has been filtered by the -Include or -Exclude parameter.", raw).
		WithException("System.Exception")
}

// provGetContent writes the content of the provider items a path names:
// a variable's value, an environment variable, a function's script block,
// an alias's definition.
func provGetContent(c *engine.Call, ip engine.ItemPath, literal bool) error {
	items := provMatch(c, ip, literal)
	if len(items) == 0 {
		if !literal && value.HasWildcard(ip.Path) {
			return c.WriteError(itemNotFound(ip.Path))
		}
		return c.WriteError(provPathNotFound(ip))
	}
	for _, it := range items {
		if err := c.WriteObject(it.content); err != nil {
			return err
		}
	}
	return nil
}

// provTargets finds the items a path of a flat provider names and hands
// them to onProv: the drive itself ("function:") names all of them; a
// missing item is PathNotFound unless the path has wildcards.
func provTargets(c *engine.Call, ip engine.ItemPath, literal bool, onProv func(ip engine.ItemPath, items []provItem) error) error {
	if onProv == nil {
		return c.WriteError(notFileSystemError(ip.Path, ip.Provider))
	}
	var items []provItem
	if ip.Path == "" {
		items = provItems(c, ip.Provider)
	} else {
		items = provMatch(c, ip, literal)
		if len(items) == 0 && (literal || !value.HasWildcard(ip.Path)) {
			return c.WriteError(provPathNotFound(ip))
		}
	}
	return onProv(ip, items)
}

// provNewItem is New-Item on a flat provider (New-Item function:f -Value
// {…}, New-Item variable:x -Value 5): it sets the item and writes it.
func provNewItem(c *engine.Call, ip engine.ItemPath, prm *newItemParams) error {
	if prm.name.Given(c) && prm.name.Get(c) != "" {
		ip.Path = prm.name.Get(c)
	}
	if ip.Path == "" {
		return engine.NewError("InvalidArgument", "NewItemNoPath", nil, "Cannot bind argument to parameter 'Path' because it is an empty string.").
			WithException("System.Management.Automation.ParameterBindingValidationException")
	}
	if len(provMatch(c, ip, true)) > 0 && !prm.force.Get(c) {
		return c.WriteError(engine.NewError("InvalidArgument", "Argument", ip.Path, "The item at path '%s' already exists.", ip.Path).
			WithException("System.Management.Automation.PSArgumentException"))
	}
	if ok, err := c.ShouldProcess("Item: "+ip.Path, "New Item"); err != nil || !ok {
		return err
	}
	if err := provSet(c, ip, prm.value.Get(c)); err != nil {
		return c.WriteError(engine.AsRecord(err))
	}
	for _, it := range provMatch(c, ip, true) {
		return c.WriteObject(it.obj)
	}
	return nil
}

// registerSetItem adds Set-Item (si) for the Alias, Environment, Function
// and Variable drives.
func registerSetItem(rt *engine.Runtime) {
	paths := newItemPaths(true)
	val := engine.Declare[any](&engine.ParamInfo{Name: "Value", Type: "Object", AllowNull: true,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies a new value for the item."})
	passThru := engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Passes an object that represents the item to the pipeline."))
	rt.Register(&engine.Cmdlet{
		Name: "Set-Item", Module: "Microsoft.PowerShell.Management",
		Synopsis: "Changes the value of an item to the value specified in the command.",
		Description: "The Set-Item cmdlet changes the value of an item, such as a variable (variable:x), an environment variable (env:X), " +
			"a function (function:f, from a script block, a function or text) or an alias (alias:a). Without -Value a function is removed. " +
			"The file system does not support it.",
		DefaultSet: "Path", SupportsShouldProcess: true,
		Params:   append(paths.infos(), val.Info(), passThru.Info()),
		Examples: []engine.Example{{Title: "Define a function", Code: "Set-Item function:Get-Two -Value { 2 }"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			raws, _ := paths.args(c)
			for _, raw := range raws {
				ip, err := c.ResolveItemPath(raw)
				if err != nil {
					if err := c.WriteError(engine.AsRecord(err)); err != nil {
						return err
					}
					continue
				}
				if ip.IsFileSystem() {
					if err := c.WriteError(engine.NewError("NotImplemented", "NotSupported", raw,
						"Provider operation stopped because the provider does not support this operation.").
						WithException("System.Management.Automation.PSNotSupportedException")); err != nil {
						return err
					}
					continue
				}
				if ok, err := c.ShouldProcess("Item: "+ip.Path, "Set Item"); err != nil {
					return err
				} else if !ok {
					continue
				}
				v := val.Get(c)
				if ip.Provider == engine.FunctionProvider {
					if !val.Given(c) && !c.HasInput {
						c.Scope().RemoveFunction(ip.Path)
						continue
					}
					switch t := v.(type) {
					case *engine.CommandInfo:
						if t.Function != nil {
							v = t.Function.Block
						}
					case *value.Object:
						if sb, ok := value.GetMember(t, "ScriptBlock"); ok && sb != nil {
							v = sb
						}
					}
					switch v.(type) {
					case *engine.ScriptBlock, string:
					default:
						if err := c.WriteError(engine.NewError("InvalidArgument", "Argument", ip.Path,
							"The value of a function must be a script block, a function, or a string that can be converted to a script block.").
							WithException("System.Management.Automation.PSArgumentException")); err != nil {
							return err
						}
						continue
					}
				}
				if err := provSet(c, ip, v); err != nil {
					if err := c.WriteError(engine.AsRecord(err)); err != nil {
						return err
					}
					continue
				}
				if passThru.Get(c) {
					for _, it := range provMatch(c, ip, true) {
						if err := c.WriteObject(it.obj); err != nil {
							return err
						}
					}
				}
			}
			return nil
		}),
	})
	rt.SetAliases("Set-Item", "si")
}
