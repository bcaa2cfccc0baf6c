package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// inCommand completes a word that is not a variable, member or comment:
// a command name at command position, a parameter name after '-', or an
// argument value; in an expression, operators after '-'.
func (c *Completer) inCommand(toks []syntax.Token, w word) result {
	none := result{start: w.start}
	cmd := findCommand(toks, w)
	isString := w.tok.Kind == syntax.TokStringLiteral || w.tok.Kind == syntax.TokStringExpandable
	if cmd.atName {
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
	if !cmd.isCommand() {
		if w.tok.Kind == syntax.TokParameter || w.tok.Kind == syntax.TokOperator {
			return result{start: w.start, items: operators(w.text)}
		}
		return none
	}
	for _, t := range toks[cmd.first:w.limit] {
		if t.Kind == syntax.TokOperator && t.Value == "--%" {
			return none // after the stop-parsing token everything is passed verbatim
		}
	}
	meta := c.src.CommandMeta(cmd.name.Value)
	dash := w.tok.Kind == syntax.TokParameter || isDashWord(w.tok)
	if meta == nil {
		if dash {
			return none
		}
		vw := newValueWord(w.text)
		return result{start: w.start, items: c.values("", nil, vw, false)}
	}
	sig := newSignature(meta)
	els := elements(toks, cmd, w)
	ln := bindLine(sig, els)
	name := meta.Name
	if name == "" {
		name = cmd.name.Value
	}
	if dash && !w.empty() {
		colon := strings.HasSuffix(w.tok.Text, ":")
		if colon && len(w.text) == len(w.tok.Text) {
			// -Name:<cursor>: the value, typed right after the colon.
			return result{start: w.start + len(w.text), items: c.values(name, ln.target, valueWord{}, true)}
		}
		prefix := strings.TrimSuffix(strings.TrimPrefix(w.text, "-"), ":")
		return result{start: w.start, items: paramNames(sig, ln, prefix)}
	}
	colon := false
	for _, e := range els {
		if e.cursor && e.param && e.attached {
			colon = true
		}
	}
	return result{start: w.start, items: c.values(name, ln.target, newValueWord(w.text), colon)}
}

// operatorNames are PowerShell's dash operators, offered after '-' in an
// expression.
var operatorNames = []string{
	"-and", "-as", "-band", "-bnot", "-bor", "-bxor", "-ceq", "-cge", "-cgt", "-cle", "-clike", "-clt", "-cmatch",
	"-cne", "-cnotlike", "-cnotmatch", "-contains", "-creplace", "-csplit", "-eq", "-f", "-ge", "-gt", "-in",
	"-is", "-isnot", "-join", "-le", "-like", "-lt", "-match", "-ne", "-not", "-notcontains", "-notin",
	"-notlike", "-notmatch", "-or", "-replace", "-shl", "-shr", "-split", "-xor",
}

// operators completes a dash operator.
func operators(typed string) []Suggestion {
	if !strings.HasPrefix(typed, "-") {
		return nil
	}
	var out []Suggestion
	for _, op := range operatorNames {
		if hasPrefixFold(op, typed) {
			out = append(out, Suggestion{Text: op, Description: "Operator"})
		}
	}
	return out
}
