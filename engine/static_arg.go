package engine

import (
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
)

// StaticArg is a command's value argument as the binder sees it without
// running anything: a string or number literal keeps its value (so a
// positional value picks the parameter it fits, as it would at run time),
// a script block literal counts as a script block, and anything else is
// Unknown. text is the element's source text. Completion and history
// masking both bind command lines this way (binding.Partial).
func StaticArg(el syntax.CommandElement, text string) binding.Arg {
	a := binding.Arg{HasValue: true, Text: text}
	switch e := el.(type) {
	case *syntax.StringConstant:
		a.Value = e.Value
	case *syntax.NumberExpr:
		a.Value = binding.NumberLiteral{Value: e.Value, Text: e.Raw}
	case *syntax.ScriptBlockExpr:
		a.Value = staticScriptBlock(text)
	default:
		a.Unknown = true
	}
	return a
}

// StaticParamArg is a -Name or -Name:value argument as the binder sees it
// without running anything (its value, if attached, is Unknown).
func StaticParamArg(p *syntax.CommandParameter) binding.Arg {
	return binding.Arg{Name: p.Name, IsParam: true, Colon: p.Colon, HasValue: p.Argument != nil,
		Text: "-" + p.Name, Unknown: true}
}

// staticScriptBlock stands for a script block literal: the binder only
// asks whether a value is a script block.
type staticScriptBlock string

// ScriptText returns the block's source text.
func (s staticScriptBlock) ScriptText() string { return string(s) }
