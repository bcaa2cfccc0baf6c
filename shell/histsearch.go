package shell

import (
	"strings"
	"unicode"
	"unicode/utf8"

	prompt "github.com/c-bata/go-prompt"
)

// historySearch is PSReadLine's incremental history search (Ctrl+R
// ReverseSearchHistory, Ctrl+S ForwardSearchHistory). While it is active
// the editor takes every key: text extends the search, Backspace shortens
// it, Ctrl+R/Ctrl+S find the next older/newer entry containing it
// (case-insensitively), Enter runs the entry found, Esc or Ctrl+G puts
// back the line as it was, and any other key keeps the entry found and is
// then handled as usual. The line under the entry reads
// "bck-i-search: <text>_" ("fwd-i-search: " forward).
type historySearch struct {
	active  bool
	forward bool
	list    []string // the history, oldest first
	query   string
	pos     int // the entry found (len(list) before the first match)
	start   int // rune offset of the match in list[pos]
	failing bool
	// original is the line when the search began, restored by Esc.
	original string
}

// begin starts a search from the newest entry (oldest for forward).
func (h *historySearch) begin(list []string, forward bool, line string) {
	*h = historySearch{active: true, forward: forward, list: list, original: line, pos: len(list)}
	if forward {
		h.pos = -1
	}
}

// found is the entry the search shows, if any.
func (h *historySearch) found() (string, bool) {
	if h.pos < 0 || h.pos >= len(h.list) {
		return "", false
	}
	return h.list[h.pos], true
}

// status is the search prompt line.
func (h *historySearch) status() string {
	p := "bck-i-search: "
	if h.forward {
		p = "fwd-i-search: "
	}
	return p + h.query + "_"
}

// find moves to the next entry containing the query, starting at from
// and going the search's way; it reports whether one was found (the
// position stays otherwise).
func (h *historySearch) find(from int) bool {
	needle := strings.ToLower(h.query)
	step := -1
	if h.forward {
		step = 1
	}
	for i := from; i >= 0 && i < len(h.list); i += step {
		if j := strings.Index(strings.ToLower(h.list[i]), needle); j >= 0 {
			h.pos = i
			h.start = utf8.RuneCountInString(strings.ToLower(h.list[i])[:j])
			h.failing = false
			return true
		}
	}
	h.failing = true
	return false
}

// again looks for the next match beyond the one shown.
func (h *historySearch) again(forward bool) {
	h.forward = forward
	if h.forward {
		h.find(h.pos + 1)
	} else {
		h.find(h.pos - 1)
	}
}

// refine re-runs the search for a changed query from the entry shown
// (which stays when it still matches) or, when shortened, from the
// newest end again.
func (h *historySearch) refine(shorter bool) {
	if h.query == "" {
		h.failing = false
		return
	}
	from := h.pos
	if shorter || from < 0 || from >= len(h.list) {
		from = len(h.list) - 1
		if h.forward {
			from = 0
		}
	}
	h.find(from)
}

// matchSpan is the rune span of the match in the entry shown.
func (h *historySearch) matchSpan() [2]int {
	if _, ok := h.found(); !ok || h.query == "" || h.failing {
		return [2]int{}
	}
	return [2]int{h.start, h.start + utf8.RuneCountInString(h.query)}
}

// searchKey handles a key while the search is active (e.mu held) and
// returns what go-prompt gets.
func (e *editor) searchKey(k []byte) []byte {
	h := &e.search
	switch key := prompt.GetKey(k); {
	case key == prompt.ControlR:
		h.again(false)
		return codeSearchShow
	case key == prompt.ControlS:
		h.again(true)
		return codeSearchShow
	case key == prompt.Backspace || key == prompt.ControlH:
		if h.query != "" {
			_, n := utf8.DecodeLastRuneInString(h.query)
			h.query = h.query[:len(h.query)-n]
			h.refine(true)
		}
		return codeSearchShow
	case len(k) == 1 && (k[0] == '\r' || k[0] == '\n'):
		h.active = false
		e.pushback = append(e.pushback, k)
		return codeSearchAccept
	case key == prompt.Escape && len(k) == 1, key == prompt.ControlG:
		h.active = false
		return codeSearchRestore
	case key == prompt.ControlC:
		h.active = false
		e.pushback = append(e.pushback, k)
		return codeSearchRestore
	case key == prompt.NotDefined && printable(k):
		h.query += string(k)
		h.refine(false)
		return codeSearchShow
	}
	h.active = false
	e.pushback = append(e.pushback, k)
	return codeSearchAccept
}

// printable reports whether a key is text.
func printable(k []byte) bool {
	s := string(k)
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return false
		}
	}
	return true
}

// searchShow puts the entry found in the buffer, the cursor on the
// match (the line stays when nothing matches).
func (e *editor) searchShow(b *prompt.Buffer) {
	e.mu.Lock()
	h := e.search
	e.mu.Unlock()
	entry, ok := h.found()
	if !ok {
		if h.query == "" {
			setBuffer(b, h.original)
		}
		return
	}
	setBufferAt(b, entry, h.start)
}

// searchAccept keeps the entry found, the cursor at its end.
func (e *editor) searchAccept(b *prompt.Buffer) {
	e.mu.Lock()
	h := e.search
	e.mu.Unlock()
	if entry, ok := h.found(); ok {
		setBuffer(b, entry)
	}
}

// searchRestore puts back the line as it was before the search.
func (e *editor) searchRestore(b *prompt.Buffer) {
	e.mu.Lock()
	orig := e.search.original
	e.mu.Unlock()
	setBuffer(b, orig)
}

// setBuffer replaces the whole line, cursor at the end.
func setBuffer(buf *prompt.Buffer, text string) {
	d := buf.Document()
	if n := len([]rune(d.TextAfterCursor())); n > 0 {
		buf.Delete(n)
	}
	if n := len([]rune(d.TextBeforeCursor())); n > 0 {
		buf.DeleteBeforeCursor(n)
	}
	buf.InsertText(text, false, true)
}
