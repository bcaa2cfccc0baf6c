package engine

import (
	"github.com/csshell/csshell/engine/syntax"
)

// strictState is a scope's Set-StrictMode setting: set records that the
// scope itself chose a version (0 is -Off), which hides its parents'.
type strictState struct {
	set     bool
	version int
}

// SetStrictMode sets the strict-mode version of this scope and the scopes
// it creates (Set-StrictMode): 0 turns it off, 1 prohibits reading unset
// variables, 2 also reading missing properties, 3 (Latest) also indexes out
// of range.
func (s *Scope) SetStrictMode(version int) {
	s.strict = strictState{set: true, version: version}
}

// StrictMode returns the strict-mode version in effect in this scope: the
// one of the nearest scope that set one, else 0.
func (s *Scope) StrictMode() int {
	for sc := s; sc != nil; sc = sc.parent {
		if sc.strict.set {
			return sc.strict.version
		}
	}
	return 0
}

// strictExempt are the automatic variables pwsh always defines that
// csshell does not hold as variables: reading them never fails.
var strictExempt = map[string]bool{
	"args": true, "input": true, "myinvocation": true, "psboundparameters": true,
	"psculture": true, "psuiculture": true, "consolefilename": true, "stacktrace": true,
	"psdefaultparametervalues": true, "psemailserver": true, "outputencoding": true,
	"errorview": true, "psstyle": true, "profile": true, "psnativecommandargumentpassing": true,
	"psnativecommanduseerroractionpreference": true, "enabledexperimentalfeatures": true,
	"pssessionoption": true, "pssessionapplicationname": true, "pssessionconfigurationname": true,
}

// undefinedVar is what reading the unset variable x gives: $null, or in
// strict mode (version 1 only outside strings) the VariableIsUndefined
// error.
func (f *frame) undefinedVar(x *syntax.VariableExpr, inString bool) (any, error) {
	v := f.scope.StrictMode()
	if v == 0 || (v == 1 && inString) {
		return nil, nil
	}
	_, rest := splitScope(x.Name)
	if strictExempt[lowerKey(rest)] {
		return nil, nil
	}
	rec := f.errAt(x, "System.Management.Automation.RuntimeException", "VariableIsUndefined",
		"The variable '$"+x.Name+"' cannot be retrieved because it has not been set.")
	return nil, rec
}

// errPropertyStrict is strict mode's error for reading a missing property.
func (f *frame) errPropertyStrict(n syntax.Node, name string) error {
	rec := f.errAt(n, "System.Management.Automation.PropertyNotFoundException", "PropertyNotFoundStrict",
		"The property '"+name+"' cannot be found on this object. Verify that the property exists.")
	rec.Category = "NotSpecified"
	return rec
}

// errIndexStrict is strict mode's (version 3) error for an index out of
// range.
func (f *frame) errIndexStrict(n syntax.Node) error {
	rec := f.errAt(n, "System.IndexOutOfRangeException", "System.IndexOutOfRangeException", "Index was outside the bounds of the array.")
	rec.Category = "OperationStopped"
	return rec
}
