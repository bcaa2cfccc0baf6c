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
	scope := engine.NamedParam("Scope", "String", "Specifies the scope: Global, Local, Script, or a number relative to the current scope (0 is the current scope).")
	nameAt0 := func(typ string, mandatory bool, help string) *engine.ParamInfo {
		return &engine.ParamInfo{Name: "Name", Type: typ, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: mandatory, FromPipelineByName: true}}, Help: help}
	}
	option := &engine.ParamInfo{Name: "Option", Type: "String[]", ValidateSet: variableOptions, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
		Help: "Specifies the value of the Options property of the variable: None, ReadOnly, Constant, Private, AllScope."}
	rt.Register(&engine.Cmdlet{
		Name: "Get-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Gets the variables in the current console.",
		Description: "The Get-Variable cmdlet gets the PowerShell variables in the current console, by name (wildcards allowed), sorted by name. With -ValueOnly it gets only their values.",
		Params: []*engine.ParamInfo{
			nameAt0("String[]", false, "Specifies the name of the variable."),
			engine.NamedParam("ValueOnly", "SwitchParameter", "Indicates that this cmdlet gets only the value of the variable."),
			engine.NamedParam("Include", "String[]", "Specifies an array of items that this cmdlet includes in the operation."),
			engine.NamedParam("Exclude", "String[]", "Specifies an array of items that this cmdlet excludes from the operation."),
			scope,
		},
		Examples: []engine.Example{{Title: "Get variables by name", Code: "Get-Variable -Name m*"}},
		Outputs:  []string{psVariableType},
		New:      engine.ProcessOnly(getVariable),
	})
	rt.SetAliases("Get-Variable", "gv")
	rt.Register(&engine.Cmdlet{
		Name: "Set-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Sets the value of a variable. Creates the variable if one with the requested name does not exist.",
		Description:           "The Set-Variable cmdlet assigns a value to a specified variable or changes the current value. If the variable does not exist, the cmdlet creates it.",
		SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			nameAt0("String[]", true, "Specifies the variable name."),
			{Name: "Value", Type: "Object", AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true,
				Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the value of the variable."},
			engine.NamedParam("Include", "String[]", "Specifies an array of items that this cmdlet includes in the operation."),
			engine.NamedParam("Exclude", "String[]", "Specifies an array of items that this cmdlet excludes from the operation."),
			engine.NamedParam("Description", "String", "Specifies the description of the variable."),
			option,
			engine.NamedParam("Force", "SwitchParameter", "Allows you to create a variable with the same name as an existing read-only variable, or to change the value of a read-only variable."),
			engine.NamedParam("Visibility", "String", "Determines whether the variable is visible outside of the session in which it was created."),
			engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the new variable."),
			scope,
		},
		Examples: []engine.Example{{Title: "Set a variable", Code: "Set-Variable -Name desc -Value 'A description'"}},
		New:      func() engine.Processor { return &setVariable{} },
	})
	rt.SetAliases("Set-Variable", "set", "sv")
	rt.Register(&engine.Cmdlet{
		Name: "New-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Creates a new variable.",
		Description:           "The New-Variable cmdlet creates a new variable. It fails when a variable with that name already exists in the scope, unless -Force is given.",
		SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			nameAt0("String", true, "Specifies a name for the new variable."),
			{Name: "Value", Type: "Object", AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true,
				Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the initial value of the variable."},
			engine.NamedParam("Description", "String", "Specifies a description of the variable."),
			option,
			engine.NamedParam("Visibility", "String", "Determines whether the variable is visible outside of the session in which it was created."),
			engine.NamedParam("Force", "SwitchParameter", "Indicates that the cmdlet creates a variable with the same name as an existing variable."),
			engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the new variable."),
			scope,
		},
		Examples: []engine.Example{{Title: "Create a variable", Code: "New-Variable -Name days -Value 7"}},
		New:      engine.ProcessOnly(newVariable),
	})
	rt.SetAliases("New-Variable", "nv")
	rt.Register(&engine.Cmdlet{
		Name: "Remove-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Deletes a variable and its value.",
		Description:           "The Remove-Variable cmdlet deletes a variable and its value from the scope in which it is defined.",
		SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			nameAt0("String[]", true, "Specifies the name of the variable to be removed (wildcards allowed)."),
			engine.NamedParam("Include", "String[]", "Specifies an array of items that this cmdlet deletes in the operation."),
			engine.NamedParam("Exclude", "String[]", "Specifies an array of items that this cmdlet omits in the operation."),
			engine.NamedParam("Force", "SwitchParameter", "Indicates that the cmdlet removes a variable even if it is read-only."),
			scope,
		},
		Examples: []engine.Example{{Title: "Remove a variable", Code: "Remove-Variable -Name Smp"}},
		New:      engine.ProcessOnly(removeVariable),
	})
	rt.SetAliases("Remove-Variable", "rv")
	rt.Register(&engine.Cmdlet{
		Name: "Clear-Variable", Module: "Microsoft.PowerShell.Utility",
		Synopsis:              "Deletes the value of a variable.",
		Description:           "The Clear-Variable cmdlet deletes the data stored in a variable, but it does not delete the variable. The value becomes $null.",
		SupportsShouldProcess: true,
		Params: []*engine.ParamInfo{
			nameAt0("String[]", true, "Specifies the name of the variable to be cleared (wildcards allowed)."),
			engine.NamedParam("Include", "String[]", "Specifies an array of items that this cmdlet includes in the operation."),
			engine.NamedParam("Exclude", "String[]", "Specifies an array of items that this cmdlet omits in the operation."),
			engine.NamedParam("Force", "SwitchParameter", "Allows the cmdlet to clear a variable even if it is read-only."),
			engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the cleared variable."),
			scope,
		},
		Examples: []engine.Example{{Title: "Clear a variable", Code: "Clear-Variable my*"}},
		New:      engine.ProcessOnly(clearVariable),
	})
	rt.SetAliases("Clear-Variable", "clv")
	rt.Formats.Register(format.View{TypeName: psVariableType, Kind: format.TableView, Columns: []format.Column{
		{Property: "Name", Width: 30, Align: format.AlignLeft}, {Property: "Value", Align: format.AlignLeft}}})
}

// targetScope resolves -Scope relative to the caller's scope.
func targetScope(c *engine.Call) (*engine.Scope, error) {
	sc := c.Scope()
	if !c.Has("Scope") {
		return sc, nil
	}
	s := strings.TrimSpace(c.String("Scope"))
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
func filtered(c *engine.Call, name string) bool {
	if inc := c.Strings("Include"); len(inc) > 0 && !value.LikeAny(name, inc) {
		return false
	}
	if exc := c.Strings("Exclude"); len(exc) > 0 && value.LikeAny(name, exc) {
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
func getVariable(c *engine.Call) error {
	sc, err := targetScope(c)
	if err != nil {
		return err
	}
	names := c.Strings("Name")
	if len(names) == 0 {
		names = []string{"*"}
	}
	vars := visibleVars(sc)
	for _, n := range names {
		found := false
		for _, v := range vars {
			if !value.Like(v.Name, n, false) || !filtered(c, v.Name) {
				continue
			}
			found = true
			var out any = varObject(v)
			if c.Switch("ValueOnly") {
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
func parseOptions(c *engine.Call) (readOnly, constant bool) {
	for _, o := range c.Strings("Option") {
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
	return s.assign(c, c.Get("Value"))
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
	sc, err := targetScope(c)
	if err != nil {
		return err
	}
	ro, constant := parseOptions(c)
	for _, name := range c.Strings("Name") {
		if ok, err := c.ShouldProcess("Name: "+name+" Value: "+value.ToString(val), "Set variable"); err != nil || !ok {
			if err != nil {
				return err
			}
			continue
		}
		v := sc.Local(name)
		if v != nil {
			if v.Constant || (v.ReadOnly && !c.Switch("Force")) {
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
		if c.Has("Value") || c.HasInput || s.got {
			v.Value = val
		}
		if c.Has("Option") {
			v.ReadOnly = ro
		}
		if c.Has("Description") {
			v.Description = c.String("Description")
		}
		if c.Switch("PassThru") {
			if err := c.WriteObject(varObject(v)); err != nil {
				return err
			}
		}
	}
	return nil
}

// newVariable runs New-Variable.
func newVariable(c *engine.Call) error {
	sc, err := targetScope(c)
	if err != nil {
		return err
	}
	name := c.String("Name")
	if ok, err := c.ShouldProcess("Name: "+name+" Value: "+value.ToString(c.Get("Value")), "New variable"); err != nil || !ok {
		return err
	}
	v := sc.Local(name)
	if v != nil {
		if !c.Switch("Force") {
			return c.WriteError(engine.NewError("ResourceExists", "VariableAlreadyExists", name,
				"A variable with name '%s' already exists.", name).WithException("System.Management.Automation.SessionStateException"))
		}
		if v.Constant || v.ReadOnly {
			return c.WriteError(notWritable(name))
		}
	}
	ro, constant := parseOptions(c)
	v = sc.SetLocal(name, c.Get("Value"))
	if c.HasInput && !c.Has("Value") {
		v.Value = c.Input
	}
	v.ReadOnly, v.Constant = ro, constant
	v.Description = c.String("Description")
	if c.Switch("PassThru") {
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
func findVars(c *engine.Call, sc *engine.Scope, pattern string) []foundVar {
	var out []foundVar
	seen := map[string]bool{}
	for s := sc; s != nil; s = s.Parent() {
		for _, v := range s.Variables() {
			key := strings.ToLower(v.Name)
			if seen[key] || s.Local(v.Name) != v {
				continue
			}
			if value.Like(v.Name, pattern, false) && filtered(c, v.Name) {
				seen[key] = true
				out = append(out, foundVar{v, s})
			}
		}
		if c.Has("Scope") {
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
func eachFoundVar(c *engine.Call, action string, blocked func(name string) *engine.ErrorRecord, act func(f foundVar) error) error {
	sc, err := targetScope(c)
	if err != nil {
		return err
	}
	for _, n := range c.Strings("Name") {
		found := findVars(c, sc, n)
		if len(found) == 0 && !value.HasWildcard(n) {
			if err := c.WriteError(varNotFound(n)); err != nil {
				return err
			}
			continue
		}
		for _, f := range found {
			if f.v.Constant || (f.v.ReadOnly && !c.Switch("Force")) {
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
func removeVariable(c *engine.Call) error {
	return eachFoundVar(c, "Remove variable", notRemovable, func(f foundVar) error {
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
func clearVariable(c *engine.Call) error {
	return eachFoundVar(c, "Clear variable", notWritable, func(f foundVar) error {
		f.v.Value = nil
		if c.Switch("PassThru") {
			return c.WriteObject(varObject(f.v))
		}
		return nil
	})
}
