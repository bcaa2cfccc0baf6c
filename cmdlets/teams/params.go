package teams

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// This file holds the small helpers the cmdlets' typed parameter handles
// share.

// handle returns a pointer to h, for an optional handle (nil: the cmdlet
// does not declare the parameter).
func handle[T any](h engine.Param[T]) *engine.Param[T] { return &h }

// intParam is an integer parameter whose bound value, as the binder left
// it, is also quoted by error messages (Raw); Or, from engine.Param[int],
// gives the default when it is unbound or $null.
type intParam struct {
	engine.Param[int]
	raw engine.Param[any]
}

// declareInt returns the handle of an integer parameter p.
func declareInt(p *engine.ParamInfo) intParam {
	return intParam{Param: engine.Declare[int](p), raw: engine.Declare[any](p)}
}

// Raw is the bound value as the binder converted it (nil when unbound).
func (p intParam) Raw(c *engine.Call) any { return p.raw.Get(c) }

// textOf is a bound value as text, "" for nil.
func textOf(v any) string {
	if v == nil {
		return ""
	}
	return value.ToString(v)
}
