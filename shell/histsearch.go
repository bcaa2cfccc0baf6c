package shell

import (
	"strings"

	prompt "github.com/c-bata/go-prompt"
)

// recalledNewline stands for a line break when a multi-line history entry
// is put back on the single-line prompt (go-prompt cannot edit several
// lines); the executor turns it back into "\n" before running the text.
const recalledNewline = "␤"

// toPromptLine is a history entry as the prompt shows it.
func toPromptLine(entry string) string {
	return strings.ReplaceAll(entry, "\n", recalledNewline)
}

// fromPromptLine is the text the prompt submitted, with recalled line
// breaks restored.
func fromPromptLine(line string) string {
	return strings.ReplaceAll(line, recalledNewline, "\n")
}

// historySearch is Ctrl-R: PSReadLine's HistorySearchBackward adapted to
// go-prompt's key bindings, which see only the buffer. The first press
// takes the current line as the search text; each press then replaces the
// line with the next older history entry that contains the search text
// (case-insensitively), skipping entries equal to the line shown. When no
// older entry matches, the line is left as it is. Editing the line (so it
// no longer equals the entry shown) or running a command starts a new
// search.
type historySearch struct {
	entries func() []string

	term  string
	pos   int    // index of the entry shown; the next search looks below it
	shown string // the line as this search last left it
	on    bool
}

// Reset ends the current search.
func (h *historySearch) Reset() { h.on = false }

// Backward is the Ctrl-R binding.
func (h *historySearch) Backward(buf *prompt.Buffer) {
	entries := h.entries()
	text := buf.Text()
	if !h.on || text != h.shown {
		h.term, h.pos, h.on = text, len(entries), true
	}
	if h.pos > len(entries) {
		h.pos = len(entries)
	}
	needle := strings.ToLower(fromPromptLine(h.term))
	for i := h.pos - 1; i >= 0; i-- {
		e := entries[i]
		if !strings.Contains(strings.ToLower(e), needle) || toPromptLine(e) == text {
			continue
		}
		h.pos = i
		h.shown = toPromptLine(e)
		setBuffer(buf, h.shown)
		return
	}
	h.shown = text
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
