package psreadline

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// setOptionParams are Set-PSReadLineOption's parameters, in PSReadLine's
// order. All are named and optional; an option not given is left as it
// is.
type setOptionParams struct {
	editMode                      engine.Param[any]
	continuationPrompt            engine.Param[any]
	historyNoDuplicates           engine.Param[bool]
	addToHistoryHandler           engine.Param[any]
	commandValidationHandler      engine.Param[any]
	historySearchCursorMovesToEnd engine.Param[bool]
	maximumHistoryCount           engine.Param[int]
	maximumKillRingCount          engine.Param[int]
	showToolTips                  engine.Param[bool]
	extraPromptLineCount          engine.Param[int]
	dingTone                      engine.Param[int]
	dingDuration                  engine.Param[int]
	bellStyle                     engine.Param[any]
	completionQueryItems          engine.Param[int]
	wordDelimiters                engine.Param[any]
	historySearchCaseSensitive    engine.Param[bool]
	historySaveStyle              engine.Param[any]
	historySavePath               engine.Param[string]
	ansiEscapeTimeout             engine.Param[int]
	promptText                    engine.Param[[]string]
	viModeIndicator               engine.Param[any]
	viModeChangeHandler           engine.Param[any]
	predictionSource              engine.Param[any]
	predictionViewStyle           engine.Param[any]
	colors                        engine.Param[any]
	terminateOrphanedConsoleApps  engine.Param[bool]
}

func newSetOptionParams() *setOptionParams {
	named := engine.NamedParam
	nullable := func(p *engine.ParamInfo) *engine.ParamInfo { p.AllowNull = true; return p }
	return &setOptionParams{
		editMode: engine.Declare[any](enumEditMode.param("EditMode",
			"Specifies the command line editing mode, which resets the key bindings to the mode's defaults: Windows, Emacs (the default on Linux and macOS) or Vi.")),
		continuationPrompt: engine.Declare[any](func() *engine.ParamInfo {
			p := named("ContinuationPrompt", "String", "Specifies the string shown at the start of the lines after the first of a multi-line input. The default is '>> '; an empty string is allowed.")
			p.AllowEmptyString = true
			return p
		}()),
		historyNoDuplicates: engine.Declare[bool](named("HistoryNoDuplicates", "SwitchParameter",
			"Recalls a repeated command only once from history (the default). -HistoryNoDuplicates:$false recalls every copy; the history file keeps them all.")),
		addToHistoryHandler: engine.Declare[any](nullable(named("AddToHistoryHandler", "ScriptBlock",
			"Specifies a script block that decides whether a command line is added to history: it gets the line and returns $true or MemoryAndFile, MemoryOnly, or $false or SkipAdding. $null adds every line."))),
		commandValidationHandler: engine.Declare[any](nullable(named("CommandValidationHandler", "ScriptBlock",
			"Specifies a script block called from ValidateAndAcceptLine with the command's syntax tree; an exception it throws is shown and the line is not accepted."))),
		historySearchCursorMovesToEnd: engine.Declare[bool](named("HistorySearchCursorMovesToEnd", "SwitchParameter",
			"Moves the cursor to the end of the commands recalled by history search.")),
		maximumHistoryCount: engine.Declare[int](func() *engine.ParamInfo {
			p := named("MaximumHistoryCount", "Int32", "Specifies the maximum number of commands kept in PSReadLine's history. The default is $MaximumHistoryCount, 4096.")
			p.ValidateRange = &[2]float64{1, 2147483647}
			return p
		}()),
		maximumKillRingCount: engine.Declare[int](named("MaximumKillRingCount", "Int32", "Specifies the maximum number of items kept in the kill ring. The default is 10.")),
		showToolTips: engine.Declare[bool](named("ShowToolTips", "SwitchParameter",
			"Shows the tooltips of the possible completions (the default).")),
		extraPromptLineCount: engine.Declare[int](named("ExtraPromptLineCount", "Int32",
			"Specifies how many lines the prompt spans beyond the first, so the whole prompt is drawn again after completions are listed.")),
		dingTone:     engine.Declare[int](named("DingTone", "Int32", "Specifies the tone of the audible bell, in Hertz. The default is 1221.")),
		dingDuration: engine.Declare[int](named("DingDuration", "Int32", "Specifies the length of the audible bell, in milliseconds. The default is 50.")),
		bellStyle: engine.Declare[any](enumBellStyle.param("BellStyle",
			"Specifies how PSReadLine responds to errors and ambiguous input: None, Visual (the text flashes) or Audible (the default).")),
		completionQueryItems: engine.Declare[int](named("CompletionQueryItems", "Int32",
			"Specifies how many completions may be shown before the user is asked whether to show them all. The default is 100.")),
		wordDelimiters: engine.Declare[any](named("WordDelimiters", "String",
			"Specifies the characters that delimit words for functions like ForwardWord or KillWord.")),
		historySearchCaseSensitive: engine.Declare[bool](named("HistorySearchCaseSensitive", "SwitchParameter",
			"Makes history search case-sensitive.")),
		historySaveStyle: engine.Declare[any](enumHistorySaveStyle.param("HistorySaveStyle",
			"Specifies when history is saved: SaveIncrementally (after each command, the default), SaveAtExit or SaveNothing.")),
		historySavePath: engine.Declare[string](func() *engine.ParamInfo {
			p := named("HistorySavePath", "String", "Specifies the path of the history file.")
			p.ValidateNotNullOrEmpty = true
			return p
		}()),
		ansiEscapeTimeout: engine.Declare[int](func() *engine.ParamInfo {
			p := named("AnsiEscapeTimeout", "Int32", "Specifies how long, in milliseconds, to wait for the rest of an escape sequence. The default is 100.")
			p.ValidateRange = &[2]float64{25, 1000}
			return p
		}()),
		promptText: engine.Declare[[]string](func() *engine.ParamInfo {
			p := named("PromptText", "String[]", "Specifies the end of the prompt that is drawn in the Error colour while the input has a parse error; a second string replaces it then.")
			p.ValidateNotNull = true
			return p
		}()),
		viModeIndicator: engine.Declare[any](enumViModeStyle.param("ViModeIndicator",
			"Specifies how the current Vi mode is shown: None (the default), Prompt, Cursor or Script.")),
		viModeChangeHandler: engine.Declare[any](named("ViModeChangeHandler", "ScriptBlock",
			"Specifies the script block run when the Vi mode changes; requires -ViModeIndicator Script.")),
		predictionSource: engine.Declare[any](enumPredictionSource.param("PredictionSource",
			"Specifies where predictive suggestions come from: None, History, Plugin or HistoryAndPlugin (the default).")),
		predictionViewStyle: engine.Declare[any](enumPredictionViewStyle.param("PredictionViewStyle",
			"Specifies how predictions are shown: InlineView (the default) or ListView.")),
		colors: engine.Declare[any](named("Colors", "Hashtable",
			"Specifies the colours of the input's tokens and of PSReadLine's other elements, as a hashtable of token kinds (Command, Comment, ContinuationPrompt, Default, Emphasis, Error, InlinePrediction, Keyword, ListPrediction, ListPredictionSelected, ListPredictionTooltip, Member, Number, Operator, Parameter, Selection, String, Type, Variable) to a ConsoleColor, an escape sequence or an RGB value.")),
		terminateOrphanedConsoleApps: engine.Declare[bool](named("TerminateOrphanedConsoleApps", "SwitchParameter",
			"Terminates the console applications left attached to the console after Ctrl+C (Windows only).")),
	}
}

// infos is the declaration list.
func (p *setOptionParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.editMode.Info(), p.continuationPrompt.Info(), p.historyNoDuplicates.Info(), p.addToHistoryHandler.Info(),
		p.commandValidationHandler.Info(), p.historySearchCursorMovesToEnd.Info(), p.maximumHistoryCount.Info(), p.maximumKillRingCount.Info(),
		p.showToolTips.Info(), p.extraPromptLineCount.Info(), p.dingTone.Info(), p.dingDuration.Info(), p.bellStyle.Info(),
		p.completionQueryItems.Info(), p.wordDelimiters.Info(), p.historySearchCaseSensitive.Info(), p.historySaveStyle.Info(),
		p.historySavePath.Info(), p.ansiEscapeTimeout.Info(), p.promptText.Info(), p.viModeIndicator.Info(), p.viModeChangeHandler.Info(),
		p.predictionSource.Info(), p.predictionViewStyle.Info(), p.colors.Info(), p.terminateOrphanedConsoleApps.Info()}
}

// enumArgs are the enum-typed values of one call, converted.
type enumArgs struct {
	editMode, bellStyle, historySaveStyle, viModeIndicator, predictionSource, predictionViewStyle *string
}

// convertEnums converts the enum parameters given, as pwsh's binder does
// before the cmdlet runs: an unknown name fails the call, nothing set.
func (p *setOptionParams) convertEnums(c *engine.Call) (enumArgs, error) {
	var out enumArgs
	for _, e := range []struct {
		param engine.Param[any]
		typ   enumType
		dst   **string
	}{
		{p.editMode, enumEditMode, &out.editMode},
		{p.bellStyle, enumBellStyle, &out.bellStyle},
		{p.historySaveStyle, enumHistorySaveStyle, &out.historySaveStyle},
		{p.viModeIndicator, enumViModeStyle, &out.viModeIndicator},
		{p.predictionSource, enumPredictionSource, &out.predictionSource},
		{p.predictionViewStyle, enumPredictionViewStyle, &out.predictionViewStyle},
	} {
		raw, ok := e.param.Lookup(c)
		if !ok {
			continue
		}
		name, err := e.typ.convert(e.param.Name(), raw)
		if err != nil {
			return out, err
		}
		*e.dst = &name
	}
	return out, nil
}

// setOption is Set-PSReadLineOption: the options given are set in
// PSReadLine's order (SetOptionsInternal), so an option that fails leaves
// the ones before it set.
func setOption(c *engine.Call, p *setOptionParams) error {
	enums, err := p.convertEnums(c)
	if err != nil {
		return err
	}
	var failed error
	c.Runtime().UpdateReadLineOptions(func(o *engine.ReadLineOptions) {
		failed = p.apply(c, o, enums)
	})
	return failed
}

// apply sets the options given on o.
func (p *setOptionParams) apply(c *engine.Call, o *engine.ReadLineOptions, enums enumArgs) error {
	if v, ok := p.continuationPrompt.Lookup(c); ok && v != nil {
		o.ContinuationPrompt = value.ToString(v)
	}
	if v, ok := p.historyNoDuplicates.Lookup(c); ok {
		o.HistoryNoDuplicates = v
	}
	if v, ok := p.historySearchCursorMovesToEnd.Lookup(c); ok {
		o.HistorySearchCursorMovesToEnd = v
	}
	if v, ok := p.addToHistoryHandler.Lookup(c); ok {
		o.AddToHistoryDefault = false
		o.AddToHistoryHandler = scriptBlock(v)
	}
	if v, ok := p.commandValidationHandler.Lookup(c); ok {
		o.CommandValidationHandler = scriptBlock(v)
	}
	if v, ok := p.maximumHistoryCount.Lookup(c); ok {
		o.MaximumHistoryCount = v
	}
	if v, ok := p.maximumKillRingCount.Lookup(c); ok {
		o.MaximumKillRingCount = v
	}
	if enums.editMode != nil {
		// A mode's own bindings replace every binding, the user's too.
		o.EditMode = *enums.editMode
		o.KeyHandlers, o.UnboundChords = nil, nil
	}
	if v, ok := p.showToolTips.Lookup(c); ok {
		o.ShowToolTips = v
	}
	if v, ok := p.extraPromptLineCount.Lookup(c); ok {
		o.ExtraPromptLineCount = v
	}
	if v, ok := p.dingTone.Lookup(c); ok {
		o.DingTone = v
	}
	if v, ok := p.dingDuration.Lookup(c); ok {
		o.DingDuration = v
	}
	if enums.bellStyle != nil {
		o.BellStyle = *enums.bellStyle
	}
	if v, ok := p.completionQueryItems.Lookup(c); ok {
		o.CompletionQueryItems = v
	}
	if v, ok := p.wordDelimiters.Lookup(c); ok && v != nil {
		o.WordDelimiters = value.ToString(v)
	}
	if v, ok := p.historySearchCaseSensitive.Lookup(c); ok {
		o.HistorySearchCaseSensitive = v
	}
	if enums.historySaveStyle != nil {
		o.HistorySaveStyle = *enums.historySaveStyle
	}
	if enums.viModeIndicator != nil {
		o.ViModeIndicator = *enums.viModeIndicator
	}
	if v, ok := p.viModeChangeHandler.Lookup(c); ok && v != nil {
		if o.ViModeIndicator != "Script" {
			return engine.NewError("NotSpecified", "System.Management.Automation.ParameterBindingException", nil,
				"ViModeChangeHandler option requires ViModeStyle.Script").
				WithException("System.Management.Automation.ParameterBindingException")
		}
		o.ViModeChangeHandler = scriptBlock(v)
	}
	if v, ok := p.historySavePath.Lookup(c); ok {
		o.HistorySavePath = c.ResolvePath(v)
	}
	if v, ok := p.ansiEscapeTimeout.Lookup(c); ok {
		o.AnsiEscapeTimeout = v
	}
	if v, ok := p.promptText.Lookup(c); ok {
		o.PromptText = promptText(v)
	}
	if enums.predictionSource != nil {
		o.PredictionSource = *enums.predictionSource
	}
	if enums.predictionViewStyle != nil {
		warnListViewTooSmall(c, *enums.predictionViewStyle)
		o.PredictionViewStyle = *enums.predictionViewStyle
	}
	if v, ok := p.colors.Lookup(c); ok && v != nil {
		if err := setColors(o, v); err != nil {
			return err
		}
	}
	if _, ok := p.terminateOrphanedConsoleApps.Lookup(c); ok {
		return thrown("System.PlatformNotSupportedException",
			"The 'TerminateOrphanedConsoleApps' option is not supported on non-Windows platforms.")
	}
	return nil
}

// scriptBlock is a bound script block, nil for $null.
func scriptBlock(v any) *engine.ScriptBlock {
	if o, ok := v.(*value.Object); ok && o.Base != nil {
		v = o.Base
	}
	sb, _ := v.(*engine.ScriptBlock)
	return sb
}

// promptText is -PromptText as PSReadLine keeps it: each of the first two
// strings that holds an escape sequence is made to end with a reset.
func promptText(texts []string) []string {
	out := append([]string(nil), texts...)
	for i := 0; i < len(out) && i < 2; i++ {
		if strings.Contains(out[i], "\x1b") && !strings.HasSuffix(out[i], ansiReset) {
			out[i] += ansiReset
		}
	}
	return out
}

// setColors sets -Colors: each string key names a token kind, and the
// first bad key or value stops with PSReadLine's ArgumentException (the
// colours before it are set). Keys that are not strings are skipped.
func setColors(o *engine.ReadLineOptions, v any) error {
	if obj, ok := v.(*value.Object); ok && obj.Base != nil {
		v = obj.Base
	}
	h, ok := v.(*value.Hashtable)
	if !ok {
		return nil
	}
	for i, k := range h.Keys() {
		name, ok := k.(string)
		if !ok {
			continue
		}
		key, ok := colorKey(name)
		if !ok {
			return thrown("System.ArgumentException", fmt.Sprintf("'%s' is not a valid color property", name))
		}
		seq, err := escapeSequence(h.Values()[i])
		if err != nil {
			return thrown("System.ArgumentException", err.Error())
		}
		o.Colors[key] = seq
	}
	return nil
}

// List view's smallest window (PredictionListView.MinWindowWidth/Height).
const (
	listViewMinWidth  = 50
	listViewMinHeight = 5
)

// warnListViewTooSmall is PSReadLine's warning when the list view is
// chosen in a window too narrow for it (csshell knows the width only).
func warnListViewTooSmall(c *engine.Call, viewStyle string) {
	if viewStyle != "ListView" {
		return
	}
	if w := c.Host().Width; w > 0 && w < listViewMinWidth {
		c.WriteWarning(fmt.Sprintf("The prediction 'ListView' is temporarily disabled because the current window size of the console is too small. To use the 'ListView', please make sure the 'WindowWidth' is not less than '%d' and the 'WindowHeight' is not less than '%d'.",
			listViewMinWidth, listViewMinHeight))
	}
}
