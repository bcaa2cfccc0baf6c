package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// word is what the cursor is on: the token being typed, or an empty word
// when the cursor follows whitespace or a separator such as '|' or '{'.
type word struct {
	idx   int          // index of the token under the cursor; -1 for an empty word
	tok   syntax.Token // that token (zero for an empty word)
	start int          // where the typed text starts: the span start
	text  string       // the typed text, input[start:cursor]
	// limit is the index of the first token that is not before the word:
	// the context is read from toks[:limit].
	limit int
}

// empty reports whether nothing is typed yet.
func (w word) empty() bool { return w.idx < 0 }

// separators are the token kinds after which, with the cursor right at
// their end, a new word starts.
var separators = map[syntax.TokenKind]bool{
	syntax.TokNewLine: true, syntax.TokSemi: true, syntax.TokLCurly: true, syntax.TokRCurly: true,
	syntax.TokLParen: true, syntax.TokRParen: true, syntax.TokAtParen: true, syntax.TokDollarParen: true,
	syntax.TokAtCurly: true, syntax.TokLBracket: true, syntax.TokRBracket: true, syntax.TokPipe: true,
	syntax.TokComma: true, syntax.TokRedirection: true, syntax.TokLineContinuation: true,
	syntax.TokColonColon: true, syntax.TokEOF: true,
}

// locate finds the word at the cursor. ok is false when the cursor is
// somewhere nothing can be completed: inside a multi-character operator
// or bracket such as "$(" or "&&".
func locate(input string, toks []syntax.Token, cursor int) (w word, ok bool) {
	w = word{idx: -1, start: cursor, limit: len(toks)}
	for i, t := range toks {
		if t.Kind == syntax.TokEOF {
			w.limit = i
			break
		}
		if t.Extent.Start >= cursor {
			w.limit = i
			break
		}
		if cursor > t.Extent.End {
			continue
		}
		// t.Start < cursor <= t.End: the cursor is in t or right after it.
		if t.Kind == syntax.TokOperator && t.Text == ":" && i > 0 && toks[i-1].Kind == syntax.TokVariable &&
			toks[i-1].Extent.End == t.Extent.Start && cursor == t.Extent.End {
			// "$env:" reads as $env and ':'; it is a scope-qualified name being typed.
			v := toks[i-1]
			w.idx, w.tok, w.start, w.limit = i-1, v, v.Extent.Start, i-1
			w.text = input[w.start:cursor]
			return w, true
		}
		if separators[t.Kind] || isSymbolOperator(t) || isClosedBlockComment(t) {
			if cursor < t.Extent.End {
				return w, false
			}
			w.limit = i + 1
			return w, true
		}
		w.idx, w.tok, w.start, w.limit = i, t, t.Extent.Start, i
		w.text = input[w.start:cursor]
		return w, true
	}
	return w, true
}

// isSymbolOperator reports an operator that is punctuation ("=", "+",
// "&&", "..") rather than a dash word ("-eq") the user may still be typing.
func isSymbolOperator(t syntax.Token) bool {
	return t.Kind == syntax.TokOperator && !strings.HasPrefix(t.Text, "-")
}

// isClosedBlockComment reports a terminated <# … #> comment, after which
// a new word may start; a line comment runs to the end of the line.
func isClosedBlockComment(t syntax.Token) bool {
	return t.Kind == syntax.TokComment && strings.HasPrefix(t.Text, "<#") && !t.Unterminated &&
		len(t.Text) >= 4 && strings.HasSuffix(t.Text, "#>")
}

// isDashWord reports a bareword the user is typing as a parameter name
// that the tokenizer did not take as one: a lone "-", or "-*Action".
func isDashWord(t syntax.Token) bool {
	return t.Kind == syntax.TokGeneric && strings.HasPrefix(t.Text, "-") &&
		(t.Text == "-" || strings.ContainsAny(t.Text[1:2], "*?"))
}
