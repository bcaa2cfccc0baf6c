package powershell

import (
	"sort"
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// psVariableType is the type name of Get-Variable's output.
const psVariableType = "System.Management.Automation.PSVariable"

// variableOptions are the ScopedItemOptions names.
var variableOptions = []string{"None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"}

// registerVariableCmdlets adds Get-, Set-, New-, Remove- and
// Clear-Variable with their aliases and the PSVariable view.
func registerVariableCmdlets(rt *engine.Runtime) {
	sh := newVarShared()
	get, set, nv := newGetVarParams(sh), newSetVarParams(sh), newNewVarParams(sh)
	rm := newFoundVarParams(sh, foundVarHelp{
		name:    "Specifies the name of the variable to be removed (wildcards allowed).",
		include: "Specifies an array of items that this cmdlet deletes in the operation.",
		exclude: "Specifies an array of items that this cmdlet omits in the operation.",
		force:   "Indicates that the cmdlet removes a variable even if it is read-only.",
	})
	clr := newFoundVarParams(sh, foundVarHelp{
		name:    "Specifies the name of the variable to be cleared (wildcards allowed).",
		include: "Specifies an array of items that this cmdlet includes in the operation.",
		exclude: "Specifies an array of items that this cmdlet omits in the operation.",
		force:   "Allows the cmdlet to clear a variable even if it is read-only.",
	})
	clrPassThru := engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the cleared variable."))
	rt.Register(&engine.Cmdlet{
		Name: "Get-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Gets the variables in the current console.",
		Description: "The Get-Variable cmdlet gets the PowerShell variables in the current console, by name (wildcards allowed), sorted by name. With -ValueOnly it gets only their values.",
		Params:      get.infos(),
		Examples:    []engine.Example{{Title: "Get variables by name", Code: "Get-Variable -Name m*"}},
		Outputs:     []string{psVariableType},
		OutputType:  variableOutput,
		New:         engine.ProcessOnly(func(c *engine.Call) error { return getVariable(c, get) }),
	})
	rt.SetAliases("Get-Variable", "gv")
	rt.Register(&engine.Cmdlet{
		Name: "Set-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Sets the value of a variable. Creates the variable if one with the requested name does not exist.",
		Description:           "The Set-Variable cmdlet assigns a value to a specified variable or changes the current value. If the variable does not exist, the cmdlet creates it.",
		SupportsShouldProcess: true,
		Params:                set.infos(),
		Examples:              []engine.Example{{Title: "Set a variable", Code: "Set-Variable -Name desc -Value 'A description'"}},
		New:                   func() engine.Processor { return &setVariable{p: set} },
	})
	rt.SetAliases("Set-Variable", "set", "sv")
	rt.Register(&engine.Cmdlet{
		Name: "New-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Creates a new variable.",
		Description:           "The New-Variable cmdlet creates a new variable. It fails when a variable with that name already exists in the scope, unless -Force is given.",
		SupportsShouldProcess: true,
		Params:                nv.infos(),
		Examples:              []engine.Example{{Title: "Create a variable", Code: "New-Variable -Name days -Value 7"}},
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return newVariable(c, nv) }),
	})
	rt.SetAliases("New-Variable", "nv")
	rt.Register(&engine.Cmdlet{
		Name: "Remove-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Deletes a variable and its value.",
		Description:           "The Remove-Variable cmdlet deletes a variable and its value from the scope in which it is defined.",
		SupportsShouldProcess: true,
		Params:                rm.infos(),
		Examples:              []engine.Example{{Title: "Remove a variable", Code: "Remove-Variable -Name Smp"}},
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return removeVariable(c, rm) }),
	})
	rt.SetAliases("Remove-Variable", "rv")
	rt.Register(&engine.Cmdlet{
		Name: "Clear-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Deletes the value of a variable.",
		Description:           "The Clear-Variable cmdlet deletes the data stored in a variable, but it does not delete the variable. The value becomes $null.",
		SupportsShouldProcess: true,
		Params:                clr.infos(clrPassThru.Info()),
		Examples:              []engine.Example{{Title: "Clear a variable", Code: "Clear-Variable my*"}},
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return clearVariable(c, clr, clrPassThru) }),
	})
	rt.SetAliases("Clear-Variable", "clv")
	rt.Formats.Register(format.View{TypeName: psVariableType, Kind: format.TableView, Columns: []format.Column{
		{Property: "Name", Width: 30, Align: format.AlignLeft}, {Property: "Value", Align: format.AlignLeft}}})
}

// targetScope resolves -Scope relative to the caller's scope.
func targetScope(c *engine.Call, scope engine.Param[string]) (*engine.Scope, error) {
	sc := c.Scope()
	if !scope.Given(c) {
		return sc, nil
	}
	s := strings.TrimSpace(scope.Get(c))
	switch strings.ToLower(s) {
	case "local", "private":
		return sc, nil
	case "global", "script":
		// The engine exports no script-scope lookup; the outermost scope
		// stands in for it (they are the same outside script files).
		for sc.Parent() != nil {
			sc = sc.Parent()
		}
		return sc, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return nil, engine.NewError("InvalidArgument", "ArgumentException", s,
			"The scope number '%s' exceeds the number of active scopes. (Parameter 'scopeID')", s).WithException("System.ArgumentOutOfRangeException")
	}
	for i := 0; i < n; i++ {
		if sc.Parent() == nil {
			return nil, engine.NewError("InvalidArgument", "ArgumentOutOfRange", s,
				"The scope number '%d' exceeds the number of active scopes. (Parameter 'scopeID')\nActual value was %d.", n, n).
				WithException("System.Management.Automation.PSArgumentOutOfRangeException")
		}
		sc = sc.Parent()
	}
	return sc, nil
}

// visibleVars lists the variables seen from sc (all of them when -Scope is
// given explicitly only the ones of that scope and its parents).
func visibleVars(sc *engine.Scope) []*engine.Variable {
	vars := sc.Variables()
	sort.SliceStable(vars, func(i, j int) bool { return strings.ToLower(vars[i].Name) < strings.ToLower(vars[j].Name) })
	return vars
}

// filtered applies -Include and -Exclude to a variable name.
func (f varFilter) filtered(c *engine.Call, name string) bool {
	if inc := f.include.Get(c); len(inc) > 0 && !value.LikeAny(name, inc) {
		return false
	}
	if exc := f.exclude.Get(c); len(exc) > 0 && value.LikeAny(name, exc) {
		return false
	}
	return true
}

// varObject is the PSVariable object of a variable.
func varObject(v *engine.Variable) *value.Object {
	o := value.NewObject(psVariableType, "System.Object")
	o.Set("Name", v.Name)
	o.Set("Description", v.Description)
	o.Set("Value", v.Value)
	o.Set("Visibility", "Public")
	o.Set("Module", nil)
	o.Set("ModuleName", "")
	opt := "None"
	switch {
	case v.Constant:
		opt = "Constant"
	case v.ReadOnly:
		opt = "ReadOnly"
	}
	o.Set("Options", opt)
	o.Set("Attributes", []any{})
	return o
}

// notFound is the error for a missing variable.
func varNotFound(name string) *engine.ErrorRecord {
	return engine.NewError("ObjectNotFound", "VariableNotFound", name, "Cannot find a variable with the name '%s'.", name).
		WithException("System.Management.Automation.ItemNotFoundException")
}

// getVariable runs Get-Variable.
func getVariable(c *engine.Call, p *getVarParams) error {
	sc, err := targetScope(c, p.scope)
	if err != nil {
		return err
	}
	names := p.name.Get(c)
	if len(names) == 0 {
		names = []string{"*"}
	}
	vars := visibleVars(sc)
	if p.scope.Given(c) {
		// An explicit scope lists only that scope's own variables.
		vars = sc.LocalVariables()
		sort.SliceStable(vars, func(i, j int) bool { return strings.ToLower(vars[i].Name) < strings.ToLower(vars[j].Name) })
	}
	for _, n := range names {
		found := false
		for _, v := range vars {
			if !value.Like(v.Name, n, false) || !p.filtered(c, v.Name) {
				continue
			}
			found = true
			var out any = varObject(v)
			if p.valueOnly.Get(c) {
				out = v.Value
			}
			if err := c.WriteObject(out); err != nil {
				return err
			}
		}
		if !found && !value.HasWildcard(n) {
			if err := c.WriteError(varNotFound(n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseOptions reads -Option.
func parseOptions(c *engine.Call, option engine.Param[[]string]) (readOnly, constant bool) {
	for _, o := range option.Get(c) {
		switch strings.ToLower(o) {
		case "readonly":
			readOnly = true
		case "constant":
			constant = true
		}
	}
	return
}

// notWritable is the error for assigning a read-only or constant variable.
func notWritable(name string) *engine.ErrorRecord {
	return engine.NewError("WriteError", "VariableNotWritable", name,
		"Cannot overwrite variable %s because it is read-only or constant.", name).
		WithException("System.Management.Automation.SessionStateUnauthorizedAccessException")
}

// setVariable is one Set-Variable invocation; with pipeline input the
// values are collected and assigned at the end, as pwsh does.
type setVariable struct {
	p     *setVarParams
	piped []any
	got   bool
}

func (s *setVariable) Begin(c *engine.Call) error { return nil }

func (s *setVariable) Process(c *engine.Call) error {
	if c.HasInput {
		s.got = true
		s.piped = append(s.piped, c.Input)
		return nil
	}
	return s.assign(c, s.p.value.Get(c))
}

func (s *setVariable) End(c *engine.Call) error {
	if !s.got {
		return nil
	}
	var v any = s.piped
	if len(s.piped) == 1 {
		v = s.piped[0]
	}
	return s.assign(c, v)
}

func (s *setVariable) assign(c *engine.Call, val any) error {
	p := s.p
	sc, err := targetScope(c, p.scope)
	if err != nil {
		return err
	}
	ro, constant := parseOptions(c, p.option)
	for _, name := range p.name.Get(c) {
		if !p.filtered(c, name) {
			continue
		}
		if ok, err := c.ShouldProcess("Name: "+name+" Value: "+value.ToString(val), "Set variable"); err != nil || !ok {
			if err != nil {
				return err
			}
			continue
		}
		v := sc.Local(name)
		if v != nil {
			if v.Constant || (v.ReadOnly && !p.force.Get(c)) {
				if err := c.WriteError(notWritable(name)); err != nil {
					return err
				}
				continue
			}
			if constant {
				if err := c.WriteError(engine.NewError("WriteError", "VariableCannotBeMadeConstant", name,
					"Existing variable %s cannot be made constant. Variables can be made constant only at creation time.", name).
					WithException("System.Management.Automation.SessionStateUnauthorizedAccessException")); err != nil {
					return err
				}
				continue
			}
		} else {
			v = sc.SetLocal(name, nil)
			v.Constant = constant
		}
		if p.value.Given(c) || c.HasInput || s.got {
			v.Value = val
		}
		if p.option.Given(c) {
			v.ReadOnly = ro
		}
		if desc, ok := p.description.Lookup(c); ok {
			v.Description = desc
		}
		if p.passThru.Get(c) {
			if err := c.WriteObject(varObject(v)); err != nil {
				return err
			}
		}
	}
	return nil
}

// newVariable runs New-Variable.
func newVariable(c *engine.Call, p *newVarParams) error {
	sc, err := targetScope(c, p.scope)
	if err != nil {
		return err
	}
	name := p.name.Get(c)
	if ok, err := c.ShouldProcess("Name: "+name+" Value: "+value.ToString(p.value.Get(c)), "New variable"); err != nil || !ok {
		return err
	}
	v := sc.Local(name)
	if v != nil {
		if !p.force.Get(c) {
			return c.WriteError(engine.NewError("ResourceExists", "VariableAlreadyExists", name,
				"A variable with name '%s' already exists.", name).WithException("System.Management.Automation.SessionStateException"))
		}
		if v.Constant || v.ReadOnly {
			return c.WriteError(notWritable(name))
		}
	}
	ro, constant := parseOptions(c, p.option)
	v = sc.SetLocal(name, p.value.Get(c))
	if c.HasInput && !p.value.Given(c) {
		v.Value = c.Input
	}
	v.ReadOnly, v.Constant = ro, constant
	v.Description = p.description.Get(c)
	if p.passThru.Get(c) {
		return c.WriteObject(varObject(v))
	}
	return nil
}

// foundVar is a variable findVars found, with the scope that holds it.
type foundVar struct {
	v  *engine.Variable
	sc *engine.Scope
}

// findVars finds the variables a -Name pattern names, with the scope that
// holds each.
func findVars(c *engine.Call, p *foundVarParams, sc *engine.Scope, pattern string) []foundVar {
	var out []foundVar
	seen := map[string]bool{}
	for s := sc; s != nil; s = s.Parent() {
		for _, v := range s.Variables() {
			key := strings.ToLower(v.Name)
			if seen[key] || s.Local(v.Name) != v {
				continue
			}
			if value.Like(v.Name, pattern, false) && p.filtered(c, v.Name) {
				seen[key] = true
				out = append(out, foundVar{v, s})
			}
		}
		if p.scope.Given(c) {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].v.Name) < strings.ToLower(out[j].v.Name) })
	return out
}

// eachFoundVar is the loop Remove-Variable and Clear-Variable share: for
// each -Name it finds the variables (a name without wildcards that matches
// none is an error), writes the error blocked makes for a constant or, without
// -Force, read-only variable, asks ShouldProcess for action and runs act on
// each variable it may change.
func eachFoundVar(c *engine.Call, p *foundVarParams, action string, blocked func(name string) *engine.ErrorRecord, act func(f foundVar) error) error {
	sc, err := targetScope(c, p.scope)
	if err != nil {
		return err
	}
	for _, n := range p.name.Get(c) {
		found := findVars(c, p, sc, n)
		if len(found) == 0 && !value.HasWildcard(n) {
			if err := c.WriteError(varNotFound(n)); err != nil {
				return err
			}
			continue
		}
		for _, f := range found {
			if f.v.Constant || (f.v.ReadOnly && !p.force.Get(c)) {
				if err := c.WriteError(blocked(f.v.Name)); err != nil {
					return err
				}
				continue
			}
			if ok, err := c.ShouldProcess("Name: "+f.v.Name, action); err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
			if err := act(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// removeVariable runs Remove-Variable.
func removeVariable(c *engine.Call, p *foundVarParams) error {
	return eachFoundVar(c, p, "Remove variable", notRemovable, func(f foundVar) error {
		f.sc.Remove(f.v.Name)
		return nil
	})
}

// notRemovable is the error for removing a constant or read-only variable.
func notRemovable(name string) *engine.ErrorRecord {
	return engine.NewError("WriteError", "VariableNotRemovable", name,
		"Cannot remove variable %s because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.", name).
		WithException("System.Management.Automation.SessionStateUnauthorizedAccessException")
}

// clearVariable runs Clear-Variable.
func clearVariable(c *engine.Call, p *foundVarParams, passThru engine.Param[bool]) error {
	return eachFoundVar(c, p, "Clear variable", notWritable, func(f foundVar) error {
		f.v.Value = nil
		if passThru.Get(c) {
			return c.WriteObject(varObject(f.v))
		}
		return nil
	})
}
