package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
)

// The common parameters Write-Information and Write-Progress read
// themselves: the Call has no method for the information or progress
// preference a call was given. Their declaration is the engine's own.
var (
	informationAction = engine.Declare[string](commonParam("InformationAction"))
	progressAction    = engine.Declare[string](commonParam("ProgressAction"))
)

// commonParam is the engine's declaration of the common parameter name.
func commonParam(name string) *engine.ParamInfo {
	for _, p := range binding.CommonParams() {
		if p.Name == name {
			return p
		}
	}
	panic("powershell: no common parameter " + name)
}

// writeHostParams are Write-Host's parameters.
type writeHostParams struct {
	object                           engine.Param[any]
	noNewline                        engine.Param[bool]
	separator                        engine.Param[any]
	foregroundColor, backgroundColor engine.Param[string]
}

func newWriteHostParams() *writeHostParams {
	return &writeHostParams{
		object: engine.Declare[any](&engine.ParamInfo{Name: "Object", Type: "Object", Aliases: []string{"Msg", "Message"}, AllowNull: true, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromRemainingArgs: true}},
			Help: "Objects to display in the host."}),
		noNewline:       engine.Declare[bool](engine.NamedParam("NoNewline", "SwitchParameter", "The string representations of the input objects are concatenated to form the output; no newline is added after the last one.")),
		separator:       engine.Declare[any](engine.NamedParam("Separator", "Object", "Specifies a separator string to insert between objects displayed by the host.")),
		foregroundColor: engine.Declare[string](&engine.ParamInfo{Name: "ForegroundColor", Type: "String", ValidateSet: consoleColors, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the text color."}),
		backgroundColor: engine.Declare[string](&engine.ParamInfo{Name: "BackgroundColor", Type: "String", ValidateSet: consoleColors, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the background color."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *writeHostParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.object.Info(), p.noNewline.Info(), p.separator.Info(), p.foregroundColor.Info(), p.backgroundColor.Info()}
}

// writeErrorParams are Write-Error's parameters.
type writeErrorParams struct {
	exception, errorRecord                 engine.Param[any]
	message, category, errorID             engine.Param[string]
	targetObject                           engine.Param[any]
	recommendedAction                      engine.Param[string]
	categoryActivity, categoryReason       engine.Param[string]
	categoryTargetName, categoryTargetType engine.Param[string]
}

func newWriteErrorParams() *writeErrorParams {
	ne, we, er := "NoException", "WithException", "ErrorRecord"
	return &writeErrorParams{
		exception: engine.Declare[any](&engine.ParamInfo{Name: "Exception", Type: "Object", Sets: []engine.ParamSet{{Name: we, Position: -1, Mandatory: true}}, Help: "Specifies an exception object (or its message) that represents the error."}),
		message: engine.Declare[string](&engine.ParamInfo{Name: "Message", Type: "String", Aliases: []string{"Msg"}, AllowNull: true, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: ne, Position: 0, Mandatory: true, FromPipeline: true}, {Name: we, Position: -1}},
			Help: "Specifies the message text of the error."}),
		errorRecord:        engine.Declare[any](&engine.ParamInfo{Name: "ErrorRecord", Type: "Object", Sets: []engine.ParamSet{{Name: er, Position: -1, Mandatory: true}}, Help: "Specifies an error record object that represents the error."}),
		category:           engine.Declare[string](&engine.ParamInfo{Name: "Category", Type: "String", ValidateSet: errorCategories, Sets: []engine.ParamSet{{Name: ne, Position: -1}, {Name: we, Position: -1}}, Help: "Specifies the category of the error."}),
		errorID:            engine.Declare[string](engine.NamedParamInSets("ErrorId", "String", "Specifies an ID string to identify the error.", ne, we)),
		targetObject:       engine.Declare[any](engine.NamedParamInSets("TargetObject", "Object", "Specifies the object that was being processed when the error occurred.", ne, we)),
		recommendedAction:  engine.Declare[string](engine.NamedParam("RecommendedAction", "String", "Specifies the action that the user should take to resolve or prevent the error.")),
		categoryActivity:   engine.Declare[string](&engine.ParamInfo{Name: "CategoryActivity", Type: "String", Aliases: []string{"Activity"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the action that caused the error."}),
		categoryReason:     engine.Declare[string](&engine.ParamInfo{Name: "CategoryReason", Type: "String", Aliases: []string{"Reason"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies how or why the activity caused the error."}),
		categoryTargetName: engine.Declare[string](&engine.ParamInfo{Name: "CategoryTargetName", Type: "String", Aliases: []string{"TargetName"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the name of the object that was being processed when the error occurred."}),
		categoryTargetType: engine.Declare[string](&engine.ParamInfo{Name: "CategoryTargetType", Type: "String", Aliases: []string{"TargetType"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the type of the object that was being processed when the error occurred."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *writeErrorParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.exception.Info(), p.message.Info(), p.errorRecord.Info(), p.category.Info(), p.errorID.Info(), p.targetObject.Info(),
		p.recommendedAction.Info(), p.categoryActivity.Info(), p.categoryReason.Info(), p.categoryTargetName.Info(), p.categoryTargetType.Info()}
}

// writeProgressParams are Write-Progress's parameters.
type writeProgressParams struct {
	activity, status                      engine.Param[string]
	id, percentComplete, secondsRemaining engine.Param[int]
	currentOperation                      engine.Param[string]
	parentID                              engine.Param[int]
	completed                             engine.Param[bool]
	sourceID                              engine.Param[int]
}

func newWriteProgressParams() *writeProgressParams {
	return &writeProgressParams{
		activity:         engine.Declare[string](&engine.ParamInfo{Name: "Activity", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}, Help: "Specifies the first line of text in the heading above the status bar."}),
		status:           engine.Declare[string](&engine.ParamInfo{Name: "Status", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}, Help: "Specifies the second line of text in the heading above the status bar."}),
		id:               engine.Declare[int](&engine.ParamInfo{Name: "Id", Type: "Int32", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 2}}, Help: "Specifies an ID that distinguishes each progress bar from the others."}),
		percentComplete:  engine.Declare[int](&engine.ParamInfo{Name: "PercentComplete", Type: "Int32", ValidateRange: &[2]float64{-1, 100}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Specifies the percentage of the activity that is completed."}),
		secondsRemaining: engine.Declare[int](engine.NamedParam("SecondsRemaining", "Int32", "Specifies the projected number of seconds remaining until the activity is completed.")),
		currentOperation: engine.Declare[string](engine.NamedParam("CurrentOperation", "String", "Specifies the line of text below the progress bar.")),
		parentID:         engine.Declare[int](engine.NamedParam("ParentId", "Int32", "Specifies the parent activity of the current activity.")),
		completed:        engine.Declare[bool](engine.NamedParam("Completed", "SwitchParameter", "Indicates whether the progress bar is visible.")),
		sourceID:         engine.Declare[int](engine.NamedParam("SourceId", "Int32", "Specifies the source of the record.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *writeProgressParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.activity.Info(), p.status.Info(), p.id.Info(), p.percentComplete.Info(), p.secondsRemaining.Info(),
		p.currentOperation.Info(), p.parentID.Info(), p.completed.Info(), p.sourceID.Info()}
}
