package complete

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/csshell/csshell/engine/syntax"
)

// Suggestion is one completion: Text replaces the Result's span.
type Suggestion struct {
	Text        string
	Description string
}

// Result is a completion: the byte span [Start, End) of the input that
// each item's Text replaces, and the items in menu order. End is the
// cursor: text after the cursor is kept, as go-prompt keeps it. With no
// items Start == End == cursor.
type Result struct {
	Start, End int
	Items      []Suggestion
}

// Completer completes PowerShell input against a Source. The same input,
// cursor and session state give the same Result; the only state it keeps
// is the last Complete hook answer, reused for a moment (see hookMemo).
// It is safe for concurrent use if the Source is.
type Completer struct {
	src  Source
	now  func() time.Time
	memo hookMemo
}

// New returns a completer over src.
func New(src Source) *Completer { return &Completer{src: src, now: time.Now} }

// result is a completion inside the package: where the replaced span
// starts (it ends at the cursor) and the items.
type result struct {
	start int
	items []Suggestion
}

// Complete completes the input at byte offset cursor (clamped to the
// input, and moved back to a character boundary). It never panics: on an
// internal failure it returns no items.
func (c *Completer) Complete(input string, cursor int) (res Result) {
	cursor = clampCursor(input, cursor)
	res = Result{Start: cursor, End: cursor}
	if c == nil || c.src == nil {
		return res
	}
	defer func() {
		if recover() != nil {
			res = Result{Start: cursor, End: cursor}
		}
	}()
	r := c.complete(input, cursor, 0)
	if len(r.items) == 0 || r.start < 0 || r.start > cursor {
		return res
	}
	res.Start, res.Items = r.start, capItems(r.items)
	return res
}

// clampCursor keeps the cursor inside the input, on a rune boundary.
func clampCursor(input string, cursor int) int {
	if cursor < 0 {
		return 0
	}
	if cursor > len(input) {
		return len(input)
	}
	for cursor > 0 && cursor < len(input) && !utf8.RuneStart(input[cursor]) {
		cursor--
	}
	return cursor
}

// complete dispatches on the token under the cursor.
func (c *Completer) complete(input string, cursor, depth int) result {
	toks := syntax.Tokenize(input)
	w, ok := locate(input, toks, cursor)
	if !ok {
		return result{start: cursor}
	}
	if w.empty() {
		return c.inCommand(input, toks, w, cursor)
	}
	switch w.tok.Kind {
	case syntax.TokComment:
		if strings.HasPrefix(w.tok.Text, "#") && len(w.text) == len(w.tok.Text) {
			return result{start: w.start, items: c.historyLines(w.text)} // #text: a line of the history
		}
		return result{start: cursor}
	case syntax.TokVariable, syntax.TokSplattedVariable:
		return result{start: w.start, items: c.variableNames(w.text)}
	case syntax.TokUnknown:
		if strings.HasPrefix(w.text, "$") || strings.HasPrefix(w.text, "@") {
			return result{start: w.start, items: c.variableNames(w.text)}
		}
		return result{start: cursor}
	case syntax.TokDot:
		return result{start: cursor, items: c.members(input, toks, w)}
	case syntax.TokMember:
		return result{start: w.start, items: c.members(input, toks, w)}
	case syntax.TokStringLiteral, syntax.TokStringExpandable,
		syntax.TokHereStringLiteral, syntax.TokHereStringExpandable:
		return c.inString(input, toks, w, cursor, depth)
	}
	return c.inCommand(input, toks, w, cursor)
}
