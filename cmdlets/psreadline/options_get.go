package psreadline

import (
	"path/filepath"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// typeOptions is the type of Get-PSReadLineOption's output.
const typeOptions = "Microsoft.PowerShell.PSConsoleReadLineOptions"

// addToHistoryHandlerText is how a handler shows: a .NET delegate, which
// a script block is converted to.
const addToHistoryHandlerText = "System.Func`2[System.String,System.Object]"

// handlerTypes are the delegate types of the handler options, as the
// options view shows a handler that is set.
var handlerTypes = map[string]string{
	"AddToHistoryHandler":      addToHistoryHandlerText,
	"CommandValidationHandler": "System.Action`1[System.Management.Automation.Language.CommandAst]",
}

// commandsToValidateScriptBlockArguments are the commands whose script
// block arguments ValidateAndAcceptLine checks (not settable).
var commandsToValidateScriptBlockArguments = []any{"ForEach-Object", "%", "Invoke-Command", "icm", "Measure-Command",
	"New-Module", "nmo", "Register-EngineEvent", "Register-ObjectEvent", "Register-WMIEvent", "Set-PSBreakpoint", "sbp",
	"Start-Job", "sajb", "Trace-Command", "trcm", "Use-Transaction", "Where-Object", "?", "where"}

// optionsObject is the PSConsoleReadLineOptions object of the session's
// options.
func optionsObject(rt *engine.Runtime, o engine.ReadLineOptions) *value.Object {
	obj := value.NewObject(typeOptions, "System.Object")
	obj.Set("EditMode", o.EditMode)
	obj.Set("ContinuationPrompt", o.ContinuationPrompt)
	obj.Set("ContinuationPromptColor", o.Colors["ContinuationPrompt"])
	obj.Set("ExtraPromptLineCount", o.ExtraPromptLineCount)
	switch {
	case o.AddToHistoryHandler != nil:
		obj.Set("AddToHistoryHandler", o.AddToHistoryHandler)
	case o.AddToHistoryDefault:
		obj.Set("AddToHistoryHandler", addToHistoryHandlerText)
	default:
		obj.Set("AddToHistoryHandler", nil)
	}
	obj.Set("CommandValidationHandler", scriptOrNil(o.CommandValidationHandler))
	obj.Set("CommandsToValidateScriptBlockArguments", append([]any(nil), commandsToValidateScriptBlockArguments...))
	obj.Set("HistoryNoDuplicates", o.HistoryNoDuplicates)
	obj.Set("MaximumHistoryCount", o.MaximumHistoryCount)
	obj.Set("MaximumKillRingCount", o.MaximumKillRingCount)
	obj.Set("HistorySearchCursorMovesToEnd", o.HistorySearchCursorMovesToEnd)
	obj.Set("ShowToolTips", o.ShowToolTips)
	obj.Set("DingTone", o.DingTone)
	obj.Set("CompletionQueryItems", o.CompletionQueryItems)
	obj.Set("WordDelimiters", o.WordDelimiters)
	obj.Set("DingDuration", o.DingDuration)
	obj.Set("BellStyle", o.BellStyle)
	obj.Set("HistorySearchCaseSensitive", o.HistorySearchCaseSensitive)
	obj.Set("ViModeIndicator", o.ViModeIndicator)
	obj.Set("ViModeChangeHandler", scriptOrNil(o.ViModeChangeHandler))
	obj.Set("HistorySavePath", historySavePath(rt, o))
	obj.Set("HistorySaveStyle", o.HistorySaveStyle)
	obj.Set("PredictionSource", o.PredictionSource)
	obj.Set("PredictionViewStyle", o.PredictionViewStyle)
	obj.Set("AnsiEscapeTimeout", o.AnsiEscapeTimeout)
	if o.PromptText == nil {
		obj.Set("PromptText", nil)
	} else {
		texts := make([]any, len(o.PromptText))
		for i, t := range o.PromptText {
			texts[i] = t
		}
		obj.Set("PromptText", texts)
	}
	for _, k := range colorKeys {
		if k.key != "ContinuationPrompt" {
			obj.Set(k.property, o.Colors[k.key])
		}
	}
	obj.Set("TerminateOrphanedConsoleApps", false)
	return obj
}

// scriptOrNil keeps a nil script block a PowerShell $null.
func scriptOrNil(sb *engine.ScriptBlock) any {
	if sb == nil {
		return nil
	}
	return sb
}

// historySavePath is the history file: the one set, else the shell's,
// $XDG_STATE_HOME/csshell/history (XDG's default ~/.local/state when
// $XDG_STATE_HOME is unset or relative).
func historySavePath(rt *engine.Runtime, o engine.ReadLineOptions) string {
	if o.HistorySavePath != "" {
		return o.HistorySavePath
	}
	getenv := func(string) string { return "" }
	if h := rt.Host(); h != nil && h.Getenv != nil {
		getenv = h.Getenv
	}
	base := getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(base) {
		home := getenv("HOME")
		if home == "" {
			return "/dev/null"
		}
		base = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(base, "csshell", "history")
}

// optionsView is PSReadLine.format.ps1xml's PSReadLine-Options list: the
// options, then each colour shown by VTColorUtils.FormatColor — drawn in
// its colour when rt's terminal shows colour, plain text otherwise (pwsh
// strips escape sequences from redirected output). (Its
// ViModeChangeHandler row, shown only when one is set, is left out: the
// formatter has no per-item condition.)
func optionsView(rt *engine.Runtime) format.View {
	var cols []format.Column
	for _, p := range []string{"EditMode", "AddToHistoryHandler", "HistoryNoDuplicates", "HistorySavePath", "HistorySaveStyle",
		"HistorySearchCaseSensitive", "HistorySearchCursorMovesToEnd", "MaximumHistoryCount", "ContinuationPrompt",
		"ExtraPromptLineCount", "PromptText", "BellStyle", "DingDuration", "DingTone", "CommandsToValidateScriptBlockArguments",
		"CommandValidationHandler", "CompletionQueryItems", "MaximumKillRingCount", "ShowToolTips", "ViModeIndicator"} {
		col := format.Column{Property: p}
		if delegate, ok := handlerTypes[p]; ok {
			// A handler is a .NET delegate (a script block converted to
			// one): it shows as its type.
			col = format.Column{Label: p, Value: func(item any) (any, error) {
				if v, _ := value.GetMember(item, p); v == nil {
					return nil, nil
				}
				return delegate, nil
			}}
		}
		cols = append(cols, col)
	}
	for _, p := range []string{"WordDelimiters", "AnsiEscapeTimeout", "PredictionSource", "PredictionViewStyle", "TerminateOrphanedConsoleApps"} {
		cols = append(cols, format.Column{Property: p})
	}
	for _, p := range []string{"CommandColor", "CommentColor", "ContinuationPromptColor", "DefaultTokenColor", "EmphasisColor",
		"ErrorColor", "InlinePredictionColor", "KeywordColor", "ListPredictionColor", "ListPredictionSelectedColor",
		"ListPredictionTooltipColor", "MemberColor", "NumberColor", "OperatorColor", "ParameterColor", "SelectionColor",
		"StringColor", "TypeColor", "VariableColor"} {
		cols = append(cols, format.Column{Label: p, Value: func(item any) (any, error) {
			v, _ := value.GetMember(item, p)
			return formatColor(value.ToString(v), rt.OutputStyle(true) != (format.Style{})), nil
		}})
	}
	return format.View{TypeName: typeOptions, Kind: format.ListView, Columns: cols}
}
