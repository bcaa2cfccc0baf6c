package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// inString handles a cursor inside (or right after) a string token. In a
// double-quoted string a $(…) still open at the cursor is completed as
// code, and a $name just before the cursor as a variable; otherwise the
// string is an argument value (with the user's quote kept) when it stands
// where a value goes, and nothing is completed.
func (c *Completer) inString(input string, toks []syntax.Token, w word, cursor, depth int) result {
	none := result{start: w.start}
	expandable := w.tok.Kind == syntax.TokStringExpandable || w.tok.Kind == syntax.TokHereStringExpandable
	inside := w.tok.Unterminated || len(w.text) < len(w.tok.Text)
	if expandable && inside {
		if off, ok := openSubexpression(w.text); ok && depth < maxDepth {
			sub := w.text[off:] // the code typed so far inside $( … )
			r := c.complete(sub, len(sub), depth+1)
			r.start += w.start + off
			return r
		}
		if j := trailingVariable(w.text); j > 0 {
			return result{start: w.start + j, items: c.variableNames(w.text[j:])}
		}
	}
	if w.tok.Kind == syntax.TokHereStringLiteral || w.tok.Kind == syntax.TokHereStringExpandable ||
		(!w.tok.Unterminated && inside) {
		return none // a here-string, or the middle of a closed string
	}
	return c.inCommand(input, toks, w, cursor)
}

// maxDepth bounds the completion of code nested in strings.
const maxDepth = 4

// openSubexpression finds a "$(" in the text of a double-quoted string
// (opening quote included) that is still open at its end, and returns the
// offset just after it.
func openSubexpression(text string) (int, bool) {
	var open []int
	for i := 1; i < len(text); i++ {
		switch text[i] {
		case '`':
			i++
		case '$':
			if i+1 < len(text) && text[i+1] == '(' {
				open = append(open, i+2)
				i++
			}
		case '(':
			if len(open) > 0 {
				open = append(open, -1) // a plain paren inside $( … )
			}
		case ')':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	for k := len(open) - 1; k >= 0; k-- {
		if open[k] >= 0 {
			return open[k], true
		}
	}
	return 0, false
}

// trailingVariable returns the offset of a "$name" (or "${name") that
// ends the text, or -1. An escaped `$ is no variable.
func trailingVariable(text string) int {
	j := strings.LastIndexByte(text, '$')
	if j <= 0 || text[j-1] == '`' {
		return -1
	}
	rest := text[j+1:]
	if strings.HasPrefix(rest, "{") {
		if strings.Contains(rest, "}") {
			return -1
		}
		return j
	}
	for _, r := range rest {
		if !(r == '_' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f) {
			return -1
		}
	}
	return j
}
