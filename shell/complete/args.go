package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
)

// commandArgs turns a command's arguments into what the binder's Partial
// takes, as the engine turns them when it runs the command, but without
// evaluating anything: literals keep their value (so that a positional
// value picks the parameter it fits, as it would at run time), anything
// else is Unknown. The element at the cursor is Unknown too (it is still
// being typed); when the word there is a parameter name being typed it is
// a bare -Name, which Partial leaves out. cur is its index in the
// returned arguments, -1 when the cursor is on the command name.
func commandArgs(cc cursorCommand, typingName bool) (args []binding.Arg, cur int) {
	els := cc.cmd.Elements[1:]
	args = make([]binding.Arg, len(els))
	for i, el := range els {
		text := cc.text[el.Ext().Start:el.Ext().End]
		if cp, ok := el.(*syntax.CommandParameter); ok {
			args[i] = binding.Arg{Name: cp.Name, IsParam: true, Colon: cp.Colon, HasValue: cp.Argument != nil,
				Text: "-" + cp.Name, Unknown: true}
			continue
		}
		args[i] = literalArg(el, text)
	}
	cur = cc.elem - 1
	if cur >= 0 && typingName {
		name := strings.TrimPrefix(args[cur].Text, "-")
		if cp, ok := els[cur].(*syntax.CommandParameter); ok {
			name = cp.Name
		}
		args[cur] = binding.Arg{Name: name, IsParam: true, Text: "-" + name, Unknown: true}
	} else if cur >= 0 {
		args[cur].Value, args[cur].Unknown = nil, true
	}
	return args, cur
}

// literalArg is a value argument: its value when it is a literal the
// engine would bind as is, else Unknown.
func literalArg(el syntax.CommandElement, text string) binding.Arg {
	a := binding.Arg{HasValue: true, Text: text}
	switch e := el.(type) {
	case *syntax.StringConstant:
		a.Value = e.Value
	case *syntax.NumberExpr:
		a.Value = binding.NumberLiteral{Value: e.Value, Text: e.Raw}
	case *syntax.ScriptBlockExpr:
		a.Value = scriptBlockText(text)
	default:
		a.Unknown = true
	}
	return a
}

// scriptBlockText stands for a script block literal: the binder only asks
// whether a value is a script block.
type scriptBlockText string

// ScriptText returns the block's source text.
func (s scriptBlockText) ScriptText() string { return string(s) }
