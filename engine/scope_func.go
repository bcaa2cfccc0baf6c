package engine

import (
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// LookupFunction finds a function by name through the scope chain, as a
// command name in scope s would.
func (s *Scope) LookupFunction(name string) *Function { return s.lookupFunc(name) }

// DefineFunction defines (or replaces) a function in this scope from a
// script block (${function:f} = {…}, Set-Item function:f).
func (s *Scope) DefineFunction(name string, sb *ScriptBlock) *Function {
	fn := &Function{Name: name, Block: sb}
	if sb != nil && sb.Ast != nil {
		fn.Help = sb.Ast.HelpText
	}
	s.defineFunc(fn)
	return fn
}

// RemoveFunction removes a function from the nearest scope that defines
// it; false when none does.
func (s *Scope) RemoveFunction(name string) bool {
	key := lowerKey(name)
	for sc := s; sc != nil; sc = sc.parent {
		if _, ok := sc.funcs[key]; ok {
			delete(sc.funcs, key)
			return true
		}
	}
	return false
}

// functionBody turns what is assigned to a function (a script block, or
// text to parse) into a script block.
func (f *frame) functionBody(name string, v any) (*ScriptBlock, error) {
	switch t := v.(type) {
	case *ScriptBlock:
		return t, nil
	case *value.Object:
		if sb, ok := t.Base.(*ScriptBlock); ok {
			return sb, nil
		}
	}
	ast, err := Parse(name, value.ToString(v))
	if err != nil {
		return nil, err
	}
	return newScriptBlock(ast, f.script), nil
}

// notWritable is pwsh's error for assigning a read-only or constant
// variable (a SessionStateUnauthorizedAccessException, category
// WriteError).
func (f *frame) notWritable(at syntax.Node, name string) *ErrorRecord {
	rec := f.errAt(at, "System.Management.Automation.SessionStateUnauthorizedAccessException", "VariableNotWritable",
		"Cannot overwrite variable "+name+" because it is read-only or constant.")
	rec.Category = "WriteError"
	rec.TargetObject = name
	return rec
}

// LocalVariables returns the variables defined in this very scope (what
// Get-Variable -Scope lists).
func (s *Scope) LocalVariables() []*Variable {
	out := make([]*Variable, 0, len(s.vars))
	for _, v := range s.vars {
		out = append(out, v)
	}
	return out
}
