package complete

import (
	"github.com/csshell/csshell/engine/syntax"
)

// cursorCommand is the command the cursor word belongs to, as the parser
// reads the input: the innermost command whose elements hold the word.
type cursorCommand struct {
	cmd *syntax.Command // nil when the word is in no command (an expression, a key, a type…)
	// elem is the index in cmd.Elements of the element holding the word:
	// 0 is the command name.
	elem int
	// text is what was parsed: the input, with a placeholder word at the
	// cursor when nothing is typed there yet.
	text string
	// redirect is set when the word is the target of a redirection (a
	// file path), of any command or expression.
	redirect bool
	// startsStatement is set when a statement begins at the word: a
	// keyword typed there may be the start of a command name (for →
	// ForEach-Object).
	startsStatement bool
}

// atName reports whether the cursor word is the command name.
func (c cursorCommand) atName() bool { return c.cmd != nil && c.elem == 0 }

// placeholder stands for the word not typed yet, so that the parser
// places it: a new command, an argument, a comma-list item, the value of
// -Name:, a hashtable key… The space after it keeps it apart from text
// that follows the cursor.
const placeholder = "csshellCursorWord "

// findCommand parses the input and finds the command element the cursor
// word starts.
func findCommand(input string, w word, cursor int) cursorCommand {
	text, pos := input, w.start
	if w.empty() {
		text, pos = input[:cursor]+placeholder+input[cursor:], cursor
	}
	out := cursorCommand{text: text}
	root, _ := syntax.Parse(&syntax.Source{Text: text}) // a partial tree is what completion reads
	var inner syntax.PipelineElement
	syntax.Inspect(root, func(n syntax.Node) bool {
		e := n.Ext()
		if e.Start > pos || pos > e.End {
			return false
		}
		if pe, ok := n.(syntax.PipelineElement); ok && pos < e.End {
			inner, out.redirect = pe, false
		}
		if r, ok := n.(*syntax.Redirection); ok && r.Target != nil && r.Target.Ext().Start == pos {
			out.redirect = true
		}
		if _, ok := n.(syntax.Statement); ok && e.Start == pos {
			out.startsStatement = true
		}
		return true
	})
	if out.redirect {
		return out
	}
	cmd, ok := inner.(*syntax.Command)
	if !ok {
		return out
	}
	for i, el := range cmd.Elements {
		if e := el.Ext(); e.Start <= pos && pos < e.End {
			if argumentNode(el, pos).Ext().Start != pos {
				return out // inside a nested expression: a key, an index, a type
			}
			out.cmd, out.elem = cmd, i
			return out
		}
	}
	return out
}

// argumentNode is the part of a command element that holds pos: the
// value after -Name:, the item of a comma list, else the element.
func argumentNode(el syntax.CommandElement, pos int) syntax.Node {
	var n syntax.Node = el
	if cp, ok := el.(*syntax.CommandParameter); ok {
		if cp.Argument == nil || pos < cp.Argument.Ext().Start {
			return cp
		}
		n = cp.Argument
	}
	if arr, ok := n.(*syntax.ArrayLiteral); ok {
		for _, item := range arr.Elements {
			if e := item.Ext(); e.Start <= pos && pos < e.End {
				return item
			}
		}
	}
	return n
}

// afterStopParsing reports whether the word follows a --% token of the
// command: everything after it is passed verbatim.
func afterStopParsing(toks []syntax.Token, cmd *syntax.Command, w word) bool {
	for _, t := range toks[:w.limit] {
		if t.Extent.Start >= cmd.Start && t.Kind == syntax.TokOperator && t.Value == "--%" {
			return true
		}
	}
	return false
}
