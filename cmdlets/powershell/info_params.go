package powershell

import "github.com/csshell/csshell/engine"

// getCommandParams are Get-Command's parameters; -ShowCommandInfo,
// -ArgumentList, -All, -ListImported, -ParameterName and -ParameterType
// are accepted and not read.
type getCommandParams struct {
	name, verb, noun, module, commandType engine.Param[[]string]
	totalCount                            engine.Param[int]
	syntax                                engine.Param[bool]
	showCommandInfo, argumentList, all    *engine.ParamInfo
	listImported, parameterName           *engine.ParamInfo
	parameterType                         *engine.ParamInfo
}

func newGetCommandParams() *getCommandParams {
	return &getCommandParams{
		name:   engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: "AllCommandSet", Position: 0, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies an array of names. This cmdlet gets only commands that have the specified name. Wildcard characters are permitted."}),
		verb:   engine.Declare[[]string](&engine.ParamInfo{Name: "Verb", Type: "String[]", Sets: []engine.ParamSet{{Name: "CmdletSet", Position: -1, FromPipelineByName: true}}, Help: "Specifies an array of command verbs."}),
		noun:   engine.Declare[[]string](&engine.ParamInfo{Name: "Noun", Type: "String[]", Sets: []engine.ParamSet{{Name: "CmdletSet", Position: -1, FromPipelineByName: true}}, Help: "Specifies an array of command nouns."}),
		module: engine.Declare[[]string](&engine.ParamInfo{Name: "Module", Type: "String[]", Aliases: []string{"PSSnapin"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipelineByName: true}}, Help: "Specifies an array of modules."}),
		commandType: engine.Declare[[]string](&engine.ParamInfo{Name: "CommandType", Type: "String[]", Aliases: []string{"Type"}, Sets: []engine.ParamSet{{Name: "AllCommandSet", Position: -1, FromPipelineByName: true}},
			ValidateSet: []string{"Alias", "Function", "Filter", "Cmdlet", "ExternalScript", "Application", "Script", "Configuration", "All"}, Help: "Specifies the types of commands that this cmdlet gets."}),
		totalCount:      engine.Declare[int](&engine.ParamInfo{Name: "TotalCount", Type: "Int32", Sets: outSetsAll(), Help: "Specifies the number of commands to get."}),
		syntax:          engine.Declare[bool](&engine.ParamInfo{Name: "Syntax", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet gets only the syntax of the command."}),
		showCommandInfo: &engine.ParamInfo{Name: "ShowCommandInfo", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet displays command information."},
		argumentList:    &engine.ParamInfo{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Help: "Specifies an array of arguments."},
		all:             &engine.ParamInfo{Name: "All", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet gets all commands, including commands of the same type that have the same name."},
		listImported:    &engine.ParamInfo{Name: "ListImported", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet gets only commands in the current session."},
		parameterName:   &engine.ParamInfo{Name: "ParameterName", Type: "String[]", Sets: outSetsAll(), Help: "Specifies an array of parameter names."},
		parameterType:   &engine.ParamInfo{Name: "ParameterType", Type: "PSTypeName[]", Sets: outSetsAll(), Help: "Specifies an array of parameter types."},
	}
}

// infos is the declaration list, in the module's order.
func (p *getCommandParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.verb.Info(), p.noun.Info(), p.module.Info(), p.commandType.Info(),
		p.totalCount.Info(), p.syntax.Info(), p.showCommandInfo, p.argumentList, p.all, p.listImported,
		p.parameterName, p.parameterType}
}

// getAliasParams are Get-Alias's parameters; -Scope is accepted and not
// read.
type getAliasParams struct {
	name, definition, exclude engine.Param[[]string]
	scope                     *engine.ParamInfo
}

func newGetAliasParams() *getAliasParams {
	return &getAliasParams{
		name:       engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: "Default", Position: 0, FromPipeline: true, FromPipelineByName: true}}, Help: "Specifies the aliases that this cmdlet gets. Wildcard characters are permitted."}),
		definition: engine.Declare[[]string](&engine.ParamInfo{Name: "Definition", Type: "String[]", Sets: []engine.ParamSet{{Name: "Definition", Position: -1}}, Help: "Gets the aliases for the specified item."}),
		exclude:    engine.Declare[[]string](&engine.ParamInfo{Name: "Exclude", Type: "String[]", Sets: outSetsAll(), Help: "Omits the specified items."}),
		scope:      &engine.ParamInfo{Name: "Scope", Type: "String", Sets: outSetsAll(), Help: "Specifies the scope for which this cmdlet gets aliases."},
	}
}

// infos is the declaration list, in the module's order.
func (p *getAliasParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.definition.Info(), p.exclude.Info(), p.scope}
}

// setAliasParams are the parameters of Set-Alias and New-Alias;
// -Description, -Option and -Scope are accepted and not read.
type setAliasParams struct {
	name, value         engine.Param[string]
	description, option *engine.ParamInfo
	passThru            engine.Param[bool]
	scope               *engine.ParamInfo
	force               engine.Param[bool]
}

func newSetAliasParams() *setAliasParams {
	return &setAliasParams{
		name:        engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the name of the alias."}),
		value:       engine.Declare[string](&engine.ParamInfo{Name: "Value", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}}, Help: "Specifies the name of the cmdlet or command element that is being aliased."}),
		description: &engine.ParamInfo{Name: "Description", Type: "String", Sets: outSetsAll(), Help: "Specifies a description of the alias."},
		option:      &engine.ParamInfo{Name: "Option", Type: "String", Sets: outSetsAll(), ValidateSet: []string{"None", "ReadOnly", "Constant", "Private", "AllScope", "Unspecified"}, Help: "Sets the Options property of the alias."},
		passThru:    engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns an object representing the alias."}),
		scope:       &engine.ParamInfo{Name: "Scope", Type: "String", Sets: outSetsAll(), Help: "Specifies the scope in which this alias is valid."},
		force:       engine.Declare[bool](&engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Allows the cmdlet to change an alias that already exists."}),
	}
}

// infos is the declaration list, in the module's order.
func (p *setAliasParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.value.Info(), p.description, p.option, p.passThru.Info(), p.scope, p.force.Info()}
}

// importModuleParams are Import-Module's parameters; only -Name and
// -PassThru are read, the others (-Force and rest) are accepted.
type importModuleParams struct {
	name     engine.Param[[]string]
	force    *engine.ParamInfo
	passThru engine.Param[bool]
	// minimum, required and maximum choose the version of a module that
	// has several (engine.VersionedModule).
	minimum, required, maximum engine.Param[string]
	rest                       []*engine.ParamInfo
}

func newImportModuleParams() *importModuleParams {
	return &importModuleParams{
		name:     engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: "Name", Position: 0, Mandatory: true, FromPipeline: true}}, Help: "Specifies the names of the modules to import."}),
		force:    &engine.ParamInfo{Name: "Force", Type: "SwitchParameter", Sets: outSetsAll(), Help: "This parameter causes a module to be loaded, or reloaded, over top of the current one."},
		passThru: engine.Declare[bool](&engine.ParamInfo{Name: "PassThru", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Returns objects that represent the imported modules."}),
		minimum:  engine.Declare[string](&engine.ParamInfo{Name: "MinimumVersion", Type: "Version", Aliases: []string{"Version"}, Sets: outSetsAll(), Help: "Specifies a minimum version."}),
		required: engine.Declare[string](&engine.ParamInfo{Name: "RequiredVersion", Type: "Version", Sets: outSetsAll(), Help: "Specifies a version of the module that this cmdlet imports."}),
		maximum:  engine.Declare[string](&engine.ParamInfo{Name: "MaximumVersion", Type: "String", Sets: outSetsAll(), Help: "Specifies a maximum version."}),
		rest: []*engine.ParamInfo{
			{Name: "DisableNameChecking", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Suppresses the message that warns you when you import a cmdlet or function whose name includes an unapproved verb."},
			{Name: "Global", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Imports modules into the global session state."},
			{Name: "Prefix", Type: "String", Sets: outSetsAll(), Help: "Specifies a prefix that this cmdlet adds to the nouns in the names of imported module members."},
			{Name: "Function", Type: "String[]", Sets: outSetsAll(), Help: "Specifies an array of functions that this cmdlet imports from the module."},
			{Name: "Cmdlet", Type: "String[]", Sets: outSetsAll(), Help: "Specifies an array of cmdlets that this cmdlet imports from the module."},
			{Name: "Alias", Type: "String[]", Sets: outSetsAll(), Help: "Specifies the aliases that this cmdlet imports from the module."},
			{Name: "Scope", Type: "String", ValidateSet: []string{"Local", "Global"}, Sets: outSetsAll(), Help: "Specifies a scope to import the module."},
			{Name: "NoClobber", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Prevents importing commands that have the same names as existing commands in the current session."},
			{Name: "UseWindowsPowerShell", Type: "SwitchParameter", Aliases: []string{"UseWinPS"}, Sets: outSetsAll(), Help: "Loads the module using Windows PowerShell Compatibility functionality."},
		},
	}
}

// infos is the declaration list, in the module's order.
func (p *importModuleParams) infos() []*engine.ParamInfo {
	return append([]*engine.ParamInfo{p.name.Info(), p.force, p.passThru.Info(), p.minimum.Info(), p.required.Info(), p.maximum.Info()}, p.rest...)
}

// getModuleParams are Get-Module's parameters; -All and -Refresh are
// accepted and not read.
type getModuleParams struct {
	name          engine.Param[[]string]
	listAvailable engine.Param[bool]
	all, refresh  *engine.ParamInfo
}

func newGetModuleParams() *getModuleParams {
	return &getModuleParams{
		name:          engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true}}, Help: "Specifies names or name patterns of modules that this cmdlet gets."}),
		listAvailable: engine.Declare[bool](&engine.ParamInfo{Name: "ListAvailable", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "Available", Position: -1, Mandatory: true}}, Help: "Indicates that this cmdlet gets all installed modules."}),
		all:           &engine.ParamInfo{Name: "All", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet gets all modules in each module folder."},
		refresh:       &engine.ParamInfo{Name: "Refresh", Type: "SwitchParameter", Sets: outSetsAll(), Help: "Indicates that this cmdlet refreshes the cache of installed commands."},
	}
}

// infos is the declaration list, in the module's order.
func (p *getModuleParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.listAvailable.Info(), p.all, p.refresh}
}
