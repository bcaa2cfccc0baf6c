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

// intParam is an integer parameter, read as the cmdlets always read one:
// its default when unbound or bound to $null (engine.Param[int].Or would
// give 0 for $null), and its bound value as the binder left it for the
// error messages that quote it.
type intParam struct {
	engine.Param[int]
	raw engine.Param[any]
}

// declareInt returns the handle of an integer parameter p.
func declareInt(p *engine.ParamInfo) intParam {
	return intParam{Param: engine.Declare[int](p), raw: engine.Declare[any](p)}
}

// Or is the bound value, or def when the parameter is unbound, $null or
// not a number.
func (p intParam) Or(c *engine.Call, def int) int { return intOr(p.raw.Get(c), def) }

// Raw is the bound value as the binder converted it (nil when unbound).
func (p intParam) Raw(c *engine.Call) any { return p.raw.Get(c) }

// intOr is a bound integer value as an int, or def when it is nil or not
// a number.
func intOr(v any, def int) int {
	if v == nil {
		return def
	}
	n, err := value.ConvertTo(v, value.TLong)
	if err != nil {
		return def
	}
	return int(n.(int64))
}

// textOf is a bound value as text, "" for nil.
func textOf(v any) string {
	if v == nil {
		return ""
	}
	return value.ToString(v)
}
