package complete

import (
	"strings"

	"github.com/csshell/csshell/engine"
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
	args = staticArgs(els, cc.text)
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

// staticArgs turns command elements (after the name) into binder
// arguments without evaluating them: literals keep their value, anything
// else is Unknown.
func staticArgs(els []syntax.CommandElement, text string) []binding.Arg {
	args := make([]binding.Arg, len(els))
	for i, el := range els {
		if cp, ok := el.(*syntax.CommandParameter); ok {
			args[i] = engine.StaticParamArg(cp)
			continue
		}
		args[i] = engine.StaticArg(el, text[el.Ext().Start:el.Ext().End])
	}
	return args
}
