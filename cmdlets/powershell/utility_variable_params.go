package powershell

import "github.com/csshell/csshell/engine"

// varShared are the declarations every variable cmdlet shares: one
// -Scope (and for Set- and New-Variable one -Option), declared once and
// listed by each cmdlet.
type varShared struct {
	scope  engine.Param[string]
	option engine.Param[[]string]
}

func newVarShared() varShared {
	return varShared{
		scope: engine.Declare[string](engine.NamedParam("Scope", "String", "Specifies the scope: Global, Local, Script, or a number relative to the current scope (0 is the current scope).")),
		option: engine.Declare[[]string](&engine.ParamInfo{Name: "Option", Type: "String[]", ValidateSet: variableOptions, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
			Help: "Specifies the value of the Options property of the variable: None, ReadOnly, Constant, Private, AllScope."}),
	}
}

// varName is the -Name at position 0 of the variable cmdlets.
func varName(typ string, mandatory bool, help string) *engine.ParamInfo {
	return &engine.ParamInfo{Name: "Name", Type: typ, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: mandatory, FromPipelineByName: true}}, Help: help}
}

// varValue is the -Value at position 1 of Set- and New-Variable.
func varValue(help string) engine.Param[any] {
	return engine.Declare[any](&engine.ParamInfo{Name: "Value", Type: "Object", AllowNull: true, AllowEmptyString: true, AllowEmptyCollection: true,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, FromPipeline: true, FromPipelineByName: true}}, Help: help})
}

// varFilter is -Include and -Exclude of a variable cmdlet.
type varFilter struct {
	include, exclude engine.Param[[]string]
}

func newVarFilter(includeHelp, excludeHelp string) varFilter {
	return varFilter{
		include: engine.Declare[[]string](engine.NamedParam("Include", "String[]", includeHelp)),
		exclude: engine.Declare[[]string](engine.NamedParam("Exclude", "String[]", excludeHelp)),
	}
}

// getVarParams are Get-Variable's parameters.
type getVarParams struct {
	name      engine.Param[[]string]
	valueOnly engine.Param[bool]
	varFilter
	scope engine.Param[string]
}

func newGetVarParams(sh varShared) *getVarParams {
	return &getVarParams{
		name:      engine.Declare[[]string](varName("String[]", false, "Specifies the name of the variable.")),
		valueOnly: engine.Declare[bool](engine.NamedParam("ValueOnly", "SwitchParameter", "Indicates that this cmdlet gets only the value of the variable.")),
		varFilter: newVarFilter("Specifies an array of items that this cmdlet includes in the operation.", "Specifies an array of items that this cmdlet excludes from the operation."),
		scope:     sh.scope,
	}
}

// infos is the declaration list, in pwsh's order.
func (p *getVarParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.valueOnly.Info(), p.include.Info(), p.exclude.Info(), p.scope.Info()}
}

// setVarParams are Set-Variable's parameters.
type setVarParams struct {
	name  engine.Param[[]string]
	value engine.Param[any]
	varFilter
	description engine.Param[string]
	option      engine.Param[[]string]
	force       engine.Param[bool]
	visibility  engine.Param[string]
	passThru    engine.Param[bool]
	scope       engine.Param[string]
}

func newSetVarParams(sh varShared) *setVarParams {
	return &setVarParams{
		name:        engine.Declare[[]string](varName("String[]", true, "Specifies the variable name.")),
		value:       varValue("Specifies the value of the variable."),
		varFilter:   newVarFilter("Specifies an array of items that this cmdlet includes in the operation.", "Specifies an array of items that this cmdlet excludes from the operation."),
		description: engine.Declare[string](engine.NamedParam("Description", "String", "Specifies the description of the variable.")),
		option:      sh.option,
		force:       engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Allows you to create a variable with the same name as an existing read-only variable, or to change the value of a read-only variable.")),
		visibility:  engine.Declare[string](engine.NamedParam("Visibility", "String", "Determines whether the variable is visible outside of the session in which it was created.")),
		passThru:    engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the new variable.")),
		scope:       sh.scope,
	}
}

// infos is the declaration list, in pwsh's order.
func (p *setVarParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.value.Info(), p.include.Info(), p.exclude.Info(), p.description.Info(), p.option.Info(),
		p.force.Info(), p.visibility.Info(), p.passThru.Info(), p.scope.Info()}
}

// newVarParams are New-Variable's parameters.
type newVarParams struct {
	name        engine.Param[string]
	value       engine.Param[any]
	description engine.Param[string]
	option      engine.Param[[]string]
	visibility  engine.Param[string]
	force       engine.Param[bool]
	passThru    engine.Param[bool]
	scope       engine.Param[string]
}

func newNewVarParams(sh varShared) *newVarParams {
	return &newVarParams{
		name:        engine.Declare[string](varName("String", true, "Specifies a name for the new variable.")),
		value:       varValue("Specifies the initial value of the variable."),
		description: engine.Declare[string](engine.NamedParam("Description", "String", "Specifies a description of the variable.")),
		option:      sh.option,
		visibility:  engine.Declare[string](engine.NamedParam("Visibility", "String", "Determines whether the variable is visible outside of the session in which it was created.")),
		force:       engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Indicates that the cmdlet creates a variable with the same name as an existing variable.")),
		passThru:    engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the new variable.")),
		scope:       sh.scope,
	}
}

// infos is the declaration list, in pwsh's order.
func (p *newVarParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.value.Info(), p.description.Info(), p.option.Info(), p.visibility.Info(),
		p.force.Info(), p.passThru.Info(), p.scope.Info()}
}

// foundVarParams are the parameters Remove-Variable and Clear-Variable
// share (Clear-Variable also declares -PassThru, which only it reads).
type foundVarParams struct {
	name engine.Param[[]string]
	varFilter
	force engine.Param[bool]
	scope engine.Param[string]
}

// foundVarHelp is the help of foundVarParams' own declarations.
type foundVarHelp struct{ name, include, exclude, force string }

func newFoundVarParams(sh varShared, h foundVarHelp) *foundVarParams {
	return &foundVarParams{
		name:      engine.Declare[[]string](varName("String[]", true, h.name)),
		varFilter: newVarFilter(h.include, h.exclude),
		force:     engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", h.force)),
		scope:     sh.scope,
	}
}

// infos is the declaration list, in pwsh's order: the cmdlet's own extra
// declarations go before -Scope.
func (p *foundVarParams) infos(extra ...*engine.ParamInfo) []*engine.ParamInfo {
	out := []*engine.ParamInfo{p.name.Info(), p.include.Info(), p.exclude.Info(), p.force.Info()}
	return append(append(out, extra...), p.scope.Info())
}
