package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// Variable is a PowerShell variable: its value, an optional type constraint
// ([int]$x = …), and its options.
type Variable struct {
	Name        string
	Value       any
	Constraint  *value.Type
	ReadOnly    bool
	Constant    bool
	Description string
	// Private variables ($private:x) are invisible to child scopes.
	Private bool
	// empty marks a variable assigned the output of a command that wrote
	// nothing (AutomationNull): it reads as $null, but enumerates as
	// nothing. It counts only while Value is nil.
	empty bool
}

// read is the variable's value as an expression sees it.
func (v *Variable) read() any {
	if v.empty && v.Value == nil {
		return automationNull
	}
	return v.Value
}

// Scope is one level of PowerShell's dynamic scoping: global, script, and
// one per function or script-block call. Functions defined in a scope are
// visible to it and its children.
type Scope struct {
	parent   *Scope
	vars     map[string]*Variable
	funcs    map[string]*Function
	isScript bool // a script scope boundary ($script:)
	strict   strictState
	// mod is set on a script module's own scope (module.go).
	mod *Module
}

// NewScope makes a child scope of parent (nil for the global scope).
func NewScope(parent *Scope, isScript bool) *Scope {
	return &Scope{parent: parent, vars: make(map[string]*Variable, 4), isScript: isScript}
}

// lowerKey returns s in lower case without allocating when it already is.
func lowerKey(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// Lookup finds a variable by name, searching this scope and its parents.
func (s *Scope) Lookup(name string) *Variable {
	key := lowerKey(name)
	for sc := s; sc != nil; sc = sc.parent {
		if v, ok := sc.vars[key]; ok && (!v.Private || sc == s) {
			return v
		}
	}
	return nil
}

// Local returns the variable defined in this very scope, or nil.
func (s *Scope) Local(name string) *Variable {
	return s.vars[lowerKey(name)]
}

// SetLocal creates or updates a variable in this scope (no constraint
// checks; used for automatic variables and parameters).
func (s *Scope) SetLocal(name string, v any) *Variable {
	key := lowerKey(name)
	if old, ok := s.vars[key]; ok {
		old.Value = v
		old.empty = false
		return old
	}
	nv := &Variable{Name: name, Value: v}
	s.vars[key] = nv
	return nv
}

// Remove deletes a variable from this scope.
func (s *Scope) Remove(name string) bool {
	key := lowerKey(name)
	if _, ok := s.vars[key]; ok {
		delete(s.vars, key)
		return true
	}
	return false
}

// Parent returns the enclosing scope.
func (s *Scope) Parent() *Scope { return s.parent }

// scriptScope returns the nearest script scope (or the global one).
func (s *Scope) scriptScope() *Scope {
	sc := s
	for sc.parent != nil && !sc.isScript {
		sc = sc.parent
	}
	return sc
}

// global returns the outermost scope.
func (s *Scope) global() *Scope {
	sc := s
	for sc.parent != nil {
		sc = sc.parent
	}
	return sc
}

// Variables returns every variable visible from s, inner ones shadowing outer.
func (s *Scope) Variables() []*Variable {
	seen := map[string]bool{}
	var out []*Variable
	for sc := s; sc != nil; sc = sc.parent {
		for k, v := range sc.vars {
			if !seen[k] {
				seen[k] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// lookupFunc finds a function by name through the scope chain.
func (s *Scope) lookupFunc(name string) *Function {
	key := lowerKey(name)
	for sc := s; sc != nil; sc = sc.parent {
		if f, ok := sc.funcs[key]; ok {
			return f
		}
	}
	return nil
}

// defineFunc defines a function in this scope.
func (s *Scope) defineFunc(f *Function) {
	if s.funcs == nil {
		s.funcs = map[string]*Function{}
	}
	s.funcs[lowerKey(f.Name)] = f
}

// Functions returns every function visible from s.
func (s *Scope) Functions() []*Function {
	seen := map[string]bool{}
	var out []*Function
	for sc := s; sc != nil; sc = sc.parent {
		for k, f := range sc.funcs {
			if !seen[k] {
				seen[k] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// splitScope splits "script:x" into ("script", "x"); a name without a known
// qualifier returns ("", name).
func splitScope(name string) (qual, rest string) {
	i := strings.IndexByte(name, ':')
	if i <= 0 {
		return "", name
	}
	q := strings.ToLower(name[:i])
	switch q {
	case "global", "script", "local", "private", "using", "env", "variable", "function":
		return q, name[i+1:]
	}
	return "", name
}
