package teams

import "github.com/csshell/csshell/engine"

// sharedParam is a parameter several cmdlets declare alike (-Tenant,
// -AsJob, -SendEmail…) and read through code they share. Each cmdlet gets
// a declaration of its own from Info, because a declaration carries its
// help and the real module's pages describe such a parameter each in their
// own words (help/*.md); the shared code reads the parameter through the
// family, which finds the running cmdlet's declaration. A cmdlet that does
// not declare it (or whose module version withdrew it) reads it as not
// given.
type sharedParam[T any] struct {
	name string
	decl func() *engine.ParamInfo
}

// share makes the family of the declarations decl makes; each call of
// decl must return a new ParamInfo.
func share[T any](decl func() *engine.ParamInfo) *sharedParam[T] {
	p := decl()
	engine.Declare[T](p) // the Go type is checked once, at start-up
	return &sharedParam[T]{name: p.Name, decl: decl}
}

// Info is a new declaration, for one cmdlet's Params.
func (s *sharedParam[T]) Info() *engine.ParamInfo {
	return engine.Declare[T](s.decl()).Info()
}

// of is the running cmdlet's declaration of the parameter.
func (s *sharedParam[T]) of(c *engine.Call) (engine.Param[T], bool) {
	if c.Cmdlet != nil {
		for _, p := range c.Cmdlet.Params {
			if p.Name == s.name {
				return engine.Declare[T](p), true
			}
		}
	}
	return engine.Param[T]{}, false
}

// Declared reports whether the running cmdlet declares the parameter.
func (s *sharedParam[T]) Declared(c *engine.Call) bool {
	_, ok := s.of(c)
	return ok
}

// Given reports whether the parameter is bound in this call.
func (s *sharedParam[T]) Given(c *engine.Call) bool {
	h, ok := s.of(c)
	return ok && h.Given(c)
}

// Get returns the bound value, or T's zero value.
func (s *sharedParam[T]) Get(c *engine.Call) T {
	v, _ := s.Lookup(c)
	return v
}

// Lookup returns the bound value and whether it is bound.
func (s *sharedParam[T]) Lookup(c *engine.Call) (T, bool) {
	h, ok := s.of(c)
	if !ok {
		var zero T
		return zero, false
	}
	return h.Lookup(c)
}

// paramReader reads one parameter of the running cmdlet: through the
// cmdlet's own handle (engine.Param) or a shared family.
type paramReader[T any] interface {
	Info() *engine.ParamInfo
	Declared(c *engine.Call) bool
	Given(c *engine.Call) bool
	Get(c *engine.Call) T
	Lookup(c *engine.Call) (T, bool)
}
