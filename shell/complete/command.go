package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
)

// inCommand completes a word that is not a variable, member or comment:
// a command name at command position, a parameter name after '-', or an
// argument value; in an expression, operators after '-'. The command and
// the element under the cursor come from the parser's tree, and what the
// element binds to from the binder's Partial.
func (c *Completer) inCommand(input string, toks []syntax.Token, w word, cursor int) result {
	none := result{start: w.start}
	cc := findCommand(input, w, cursor)
	isString := w.tok.Kind == syntax.TokStringLiteral || w.tok.Kind == syntax.TokStringExpandable
	if cc.redirect {
		vw := newValueWord(w.text)
		return result{start: w.start, items: c.paths(vw.value, vw.quote, anyPath)}
	}
	if cc.atName() {
		switch {
		case isString:
			vw := newValueWord(w.text)
			return result{start: w.start, items: c.paths(vw.value, vw.quote, scriptPaths)}
		case looksLikePath(w.text):
			return result{start: w.start, items: c.paths(unescapeBare(w.text), 0, scriptPaths)}
		case w.empty() || w.tok.Kind == syntax.TokGeneric || w.tok.Kind == syntax.TokKeyword:
			return result{start: w.start, items: c.commandNames(w.text)}
		}
		return none
	}
	if cc.cmd == nil {
		if w.tok.Kind == syntax.TokKeyword && cc.startsStatement {
			return result{start: w.start, items: c.commandNames(w.text)}
		}
		if w.tok.Kind == syntax.TokParameter || w.tok.Kind == syntax.TokOperator {
			return result{start: w.start, items: operators(w.text)}
		}
		return none
	}
	if afterStopParsing(toks, cc.cmd, w) {
		return none // after the stop-parsing token everything is passed verbatim
	}
	name := commandName(cc)
	meta := c.src.CommandMeta(name)
	dash := w.tok.Kind == syntax.TokParameter || isDashWord(w.tok)
	// -Name:<cursor>: the value, typed right after the colon.
	colonValue := dash && strings.HasSuffix(w.tok.Text, ":") && len(w.text) == len(w.tok.Text)
	if meta == nil {
		if dash && !colonValue {
			return none
		}
		vw := newValueWord(w.text)
		return result{start: w.start, items: c.values("", nil, vw, false)}
	}
	if meta.Name != "" {
		name = meta.Name
	}
	args, cur := commandArgs(cc, dash && !colonValue)
	pb := binding.Partial(meta, args, cur)
	switch {
	case colonValue:
		at := w.start + len(w.text)
		if items, ok := c.pipelineMembers(cc, name, pb, cur, valueWord{}, at); ok {
			return result{start: at, items: items}
		}
		return result{start: at, items: c.values(name, pb.Target, valueWord{}, true)}
	case dash:
		prefix := strings.TrimSuffix(strings.TrimPrefix(w.text, "-"), ":")
		return result{start: w.start, items: paramNames(pb, prefix)}
	}
	vw := newValueWord(w.text)
	if items, ok := c.pipelineMembers(cc, name, pb, cur, vw, w.start); ok {
		return result{start: w.start, items: items} // a property of the objects coming down the pipeline
	}
	colon := pb.Args[cur].Role == binding.ArgNameValue // -Name:value, the value being typed
	return result{start: w.start, items: c.values(name, pb.Target, vw, colon)}
}

// commandName is the name the command is invoked by: a bareword or
// string's value, else the element's text.
func commandName(cc cursorCommand) string {
	el := cc.cmd.Elements[0]
	if s, ok := el.(*syntax.StringConstant); ok {
		return s.Value
	}
	return cc.text[el.Ext().Start:el.Ext().End]
}

// operators completes a dash operator.
func operators(typed string) []Suggestion {
	if !strings.HasPrefix(typed, "-") {
		return nil
	}
	var out []Suggestion
	for _, op := range syntax.DashOperators() {
		if hasPrefixFold(op, typed) {
			out = append(out, Suggestion{Text: op, Description: "Operator"})
		}
	}
	return out
}
