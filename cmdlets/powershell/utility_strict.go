package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerStrictMode adds Set-StrictMode.
func registerStrictMode(rt *engine.Runtime) {
	p := newStrictModeParams()
	rt.Register(&engine.Cmdlet{
		Name: "Set-StrictMode", Module: "Microsoft.PowerShell.Core",
		Synopsis: "Establishes and enforces coding rules in expressions, scripts, and script blocks.",
		Description: "The Set-StrictMode cmdlet configures strict mode for the current scope and all child scopes, and turns it " +
			"on and off. When strict mode is on, PowerShell generates a terminating error when the content of an expression, " +
			"script, or script block violates basic best-practice coding rules. Version 1.0 prohibits references to " +
			"uninitialized variables, except in strings; 2.0 also prohibits them in strings and prohibits references to " +
			"non-existent properties of an object; 3.0 (Latest) also prohibits out of bounds array indexes.",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "Turn on strict mode as version 1.0", Code: "Set-StrictMode -Version 1.0; $a -gt 5",
				Remarks: "Reading the unset variable $a is an error."},
			{Title: "Use the latest rules", Code: "Set-StrictMode -Version Latest",
				Remarks: "Also prohibits missing properties and out-of-bounds indexes."},
			{Title: "Turn strict mode off", Code: "Set-StrictMode -Off"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return setStrictMode(c, p) }),
	})
}

// strictModeParams are Set-StrictMode's parameters.
type strictModeParams struct {
	version engine.Param[string]
	off     engine.Param[bool]
}

func newStrictModeParams() *strictModeParams {
	return &strictModeParams{
		version: engine.Declare[string](&engine.ParamInfo{Name: "Version", Type: "String", Aliases: []string{"v"}, Sets: []engine.ParamSet{{Name: "Version", Position: -1, Mandatory: true}},
			Help: "Specifies the conditions that cause an error in strict mode: 1.0, 2.0, 3.0 or Latest."}),
		off: engine.Declare[bool](&engine.ParamInfo{Name: "Off", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "Off", Position: -1, Mandatory: true}},
			Help: "Disables strict mode for the current scope and all child scopes."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *strictModeParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.version.Info(), p.off.Info()}
}

// setStrictMode runs Set-StrictMode in the caller's scope.
func setStrictMode(c *engine.Call, p *strictModeParams) error {
	if p.off.Get(c) || c.Set == "Off" {
		c.Scope().SetStrictMode(0)
		return nil
	}
	raw := p.version.Get(c)
	v, ok := strictVersion(raw)
	if !ok {
		return engine.NewError("InvalidData", "ParameterArgumentValidationError", raw,
			"Cannot validate argument on parameter 'Version'. The %s version is not valid. Specify a version number, such as 1.0, 2.0, or 3.0, or Latest.", raw).
			WithException("System.Management.Automation.ParameterBindingValidationException")
	}
	c.Scope().SetStrictMode(v)
	return nil
}

// strictVersion reads a -Version argument: Latest, or a version whose major
// number is 1, 2 or 3 ("2", "2.0").
func strictVersion(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "latest") {
		return 3, true
	}
	major, _, _ := strings.Cut(s, ".")
	n, err := value.ConvertToName(major, "int")
	if err != nil {
		return 0, false
	}
	switch v := n.(int32); v {
	case 1, 2, 3:
		return int(v), true
	}
	return 0, false
}
