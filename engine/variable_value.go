package engine

import (
	"context"

	"github.com/csshell/csshell/engine/syntax"
)

// VariableValue reads $name as a top-level statement of the session would:
// automatic variables computed on demand ($PWD as a PathInfo, $Error,
// $Host, $true …) and scope or drive qualifiers (global:, script:, env:)
// included. It has no side effects and never fails: ok is false when the
// variable is not set (or cannot be read under the session's strict mode).
// Tools that must not run code, such as tab completion, use it to learn a
// variable's real value.
func (rt *Runtime) VariableValue(name string) (any, bool) {
	f := rt.newFrame(context.Background())
	v, err := f.readVar(&syntax.VariableExpr{Name: name}, true)
	if err != nil {
		return nil, false
	}
	if v != nil {
		return v, true
	}
	// $null: the variable is set to it, or is not set at all.
	qual, rest := splitScope(name)
	switch qual {
	case "env", "function":
		return nil, false
	}
	return nil, lowerKey(rest) == "null" || f.scope.Lookup(rest) != nil
}
