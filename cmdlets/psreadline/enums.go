package psreadline

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
)

// enumType is one of PSReadLine's enums, which its parameters take by
// name (case-insensitive) or number, as pwsh's binder converts them.
type enumType struct {
	fullName string
	names    []string
	values   []int // nil: 0, 1, 2… in order
}

// The enums of the option cmdlets' parameters (Cmdlets.cs).
var (
	enumEditMode            = enumType{fullName: "Microsoft.PowerShell.EditMode", names: []string{"Windows", "Emacs", "Vi"}}
	enumBellStyle           = enumType{fullName: "Microsoft.PowerShell.BellStyle", names: []string{"None", "Visual", "Audible"}}
	enumViModeStyle         = enumType{fullName: "Microsoft.PowerShell.ViModeStyle", names: []string{"None", "Prompt", "Cursor", "Script"}}
	enumViMode              = enumType{fullName: "Microsoft.PowerShell.ViMode", names: []string{"Insert", "Command"}}
	enumHistorySaveStyle    = enumType{fullName: "Microsoft.PowerShell.HistorySaveStyle", names: []string{"SaveIncrementally", "SaveAtExit", "SaveNothing"}}
	enumPredictionSource    = enumType{fullName: "Microsoft.PowerShell.PredictionSource", names: []string{"None", "History", "Plugin", "HistoryAndPlugin"}, values: []int{1, 2, 4, 6}}
	enumPredictionViewStyle = enumType{fullName: "Microsoft.PowerShell.PredictionViewStyle", names: []string{"InlineView", "ListView"}}
)

// shortName is the type name Get-Help and the syntax show.
func (e enumType) shortName() string { return e.fullName[strings.LastIndexByte(e.fullName, '.')+1:] }

// complete lists the names for tab completion.
func (e enumType) complete(prefix string) []string {
	var out []string
	for _, n := range e.names {
		if strings.HasPrefix(strings.ToLower(n), strings.ToLower(prefix)) {
			out = append(out, n)
		}
	}
	return out
}

// value returns the number of member i.
func (e enumType) value(i int) int {
	if e.values == nil {
		return i
	}
	return e.values[i]
}

// param declares a named parameter of this enum type.
func (e enumType) param(name, help string) *engine.ParamInfo {
	return engine.WithCompleter(engine.NamedParam(name, e.shortName(), help), e.complete)
}

// convert reads a bound value as a member's name, or returns the binder's
// error for a value the enum has no member for.
func (e enumType) convert(param string, raw any) (string, error) {
	if raw == nil {
		return "", bindError(param, fmt.Sprintf("Cannot convert null to type \"%s\".", e.fullName))
	}
	s := strings.TrimSpace(fmt.Sprint(raw))
	if n, err := strconv.Atoi(s); err == nil {
		for i, name := range e.names {
			if e.value(i) == n {
				return name, nil
			}
		}
	}
	for _, name := range e.names {
		if strings.EqualFold(name, s) {
			return name, nil
		}
	}
	return "", bindError(param, fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"",
		s, e.fullName, s, strings.Join(e.names, ", ")))
}

// bindError is pwsh's "Cannot bind parameter" error.
func bindError(param, msg string) error {
	return engine.NewError("InvalidArgument", "CannotConvertArgumentNoMessage", nil, "Cannot bind parameter '%s'. %s", param, msg).
		WithException("System.Management.Automation.ParameterBindingException")
}

// thrown is the error record of a .NET exception thrown from a cmdlet,
// as pwsh makes it: the exception's type is the error id.
func thrown(exception, msg string) error {
	return engine.NewError("NotSpecified", exception, nil, "%s", msg).WithException(exception)
}
