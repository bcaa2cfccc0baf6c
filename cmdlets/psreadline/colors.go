package psreadline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// colorKeys are the -Colors keys (token kinds) in PSReadLine's order,
// each with the Get-PSReadLineOption property that shows it.
var colorKeys = []struct{ key, property string }{
	{"ContinuationPrompt", "ContinuationPromptColor"},
	{"Emphasis", "EmphasisColor"},
	{"Error", "ErrorColor"},
	{"Default", "DefaultTokenColor"},
	{"Comment", "CommentColor"},
	{"Keyword", "KeywordColor"},
	{"String", "StringColor"},
	{"Operator", "OperatorColor"},
	{"Variable", "VariableColor"},
	{"Command", "CommandColor"},
	{"Parameter", "ParameterColor"},
	{"Type", "TypeColor"},
	{"Number", "NumberColor"},
	{"Member", "MemberColor"},
	{"Selection", "SelectionColor"},
	{"InlinePrediction", "InlinePredictionColor"},
	{"ListPrediction", "ListPredictionColor"},
	{"ListPredictionSelected", "ListPredictionSelectedColor"},
	{"ListPredictionTooltip", "ListPredictionTooltipColor"},
}

// colorKey returns the canonical -Colors key for key (case-insensitive).
func colorKey(key string) (string, bool) {
	for _, k := range colorKeys {
		if strings.EqualFold(k.key, key) {
			return k.key, true
		}
	}
	return "", false
}

// consoleForeground are the escape sequences of the ConsoleColors, in
// enum order, as VTColorUtils maps them.
var consoleForeground = []string{
	"\x1b[30m", "\x1b[34m", "\x1b[32m", "\x1b[36m", "\x1b[31m", "\x1b[35m", "\x1b[33m", "\x1b[37m",
	"\x1b[90m", "\x1b[94m", "\x1b[92m", "\x1b[96m", "\x1b[91m", "\x1b[95m", "\x1b[93m", "\x1b[97m",
}

// consoleColorNames are the ConsoleColor names in enum order.
var consoleColorNames = []string{"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
	"DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"}

// invalidColorValue is PSReadLine's error for a colour it cannot read.
func invalidColorValue(v any) error {
	return &argumentError{fmt.Sprintf("'%s' is not a valid color value.  It must be a ConsoleColor, ANSI escape sequence, or RGB value with optional leading '#'.",
		value.ToString(v))}
}

// escapeSequence converts a -Colors value as VTColorUtils.AsEscapeSequence
// does: a ConsoleColor (the enum or its name) becomes its sequence, a
// string starting with ESC is taken as it is, and six hex digits (with an
// optional '#') are an RGB colour — a 256-colour index when below 256.
func escapeSequence(v any) (string, error) {
	if o, ok := v.(*value.Object); ok && o.Base != nil {
		v = o.Base
	}
	switch x := v.(type) {
	case value.EnumValue:
		if x.T == value.TConsoleColor && x.V >= 0 && int(x.V) < len(consoleForeground) {
			return consoleForeground[x.V], nil
		}
	case string:
		for i, n := range consoleColorNames {
			if strings.EqualFold(n, x) {
				return consoleForeground[i], nil
			}
		}
		if strings.HasPrefix(x, "\x1b") {
			return x, nil
		}
		s := strings.TrimPrefix(x, "#")
		if len(s) == 6 {
			if rgb, err := strconv.ParseUint(s, 16, 32); err == nil {
				if rgb < 256 {
					return "\x1b[38;5;" + strconv.FormatUint(rgb, 10) + "m", nil
				}
				return fmt.Sprintf("\x1b[38;2;%d;%d;%dm", rgb>>16&0xff, rgb>>8&0xff, rgb&0xff), nil
			}
		}
	}
	return "", invalidColorValue(v)
}

// ansiReset ends a colour.
const ansiReset = "\x1b[0m"

// formatColor is VTColorUtils.FormatColor, how Get-PSReadLineOption
// shows a colour: the sequence written as text in quotes (ESC as `e),
// drawn in the colour itself when decorate is set (the terminal); plain
// otherwise, as pwsh strips the sequences from redirected output.
func formatColor(seq string, decorate bool) string {
	text := `"` + strings.ReplaceAll(seq, "\x1b", "`e") + `"`
	if !decorate {
		return text
	}
	return seq + text + ansiReset
}
