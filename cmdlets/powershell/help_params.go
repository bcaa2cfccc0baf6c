package powershell

import "github.com/csshell/csshell/engine"

// getHelpParams are Get-Help's parameters; -Path, -Category, -Component,
// -Functionality, -Role and -ShowWindow are accepted and not read.
type getHelpParams struct {
	name                                     engine.Param[string]
	path, category, component, functionality *engine.ParamInfo
	role                                     *engine.ParamInfo
	full, detailed, examples                 engine.Param[bool]
	parameter                                engine.Param[[]string]
	online                                   engine.Param[bool]
	showWindow                               *engine.ParamInfo
}

func newGetHelpParams() *getHelpParams {
	return &getHelpParams{
		name: engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipelineByName: true}}, Help: "Gets help about the specified command or concept.",
			Complete: completeAboutTopics}),
		path:          &engine.ParamInfo{Name: "Path", Type: "String", Sets: outSetsAll(), Help: "Gets help that explains how the cmdlet works in the specified provider path."},
		category:      &engine.ParamInfo{Name: "Category", Type: "String[]", Sets: outSetsAll(), Help: "Displays help only for items in the specified category and their aliases."},
		component:     &engine.ParamInfo{Name: "Component", Type: "String[]", Sets: outSetsAll(), Help: "Displays commands with the specified component value."},
		functionality: &engine.ParamInfo{Name: "Functionality", Type: "String[]", Sets: outSetsAll(), Help: "Displays help for items with the specified functionality."},
		role:          &engine.ParamInfo{Name: "Role", Type: "String[]", Sets: outSetsAll(), Help: "Displays help customized for the specified user role."},
		full:          engine.Declare[bool](&engine.ParamInfo{Name: "Full", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "AllUsersView", Position: -1}}, Help: "Displays the entire help article for a cmdlet."}),
		detailed:      engine.Declare[bool](&engine.ParamInfo{Name: "Detailed", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "DetailedView", Position: -1, Mandatory: true}}, Help: "Adds parameter descriptions and examples to the basic help display."}),
		examples:      engine.Declare[bool](&engine.ParamInfo{Name: "Examples", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "Examples", Position: -1, Mandatory: true}}, Help: "Displays only the name, synopsis, and examples."}),
		parameter:     engine.Declare[[]string](&engine.ParamInfo{Name: "Parameter", Type: "String[]", Sets: []engine.ParamSet{{Name: "Parameters", Position: -1, Mandatory: true}}, Help: "Displays only the detailed descriptions of the specified parameters. Wildcards are permitted."}),
		online:        engine.Declare[bool](&engine.ParamInfo{Name: "Online", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "Online", Position: -1, Mandatory: true}}, Help: "Displays the online version of a help article in the default browser."}),
		showWindow:    &engine.ParamInfo{Name: "ShowWindow", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "ShowWindow", Position: -1, Mandatory: true}}, Help: "Displays the help topic in a window for easier reading."},
	}
}

// infos is the declaration list, in the module's order.
func (p *getHelpParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.name.Info(), p.path, p.category, p.component, p.functionality, p.role,
		p.full.Info(), p.detailed.Info(), p.examples.Info(), p.parameter.Info(), p.online.Info(), p.showWindow}
}
