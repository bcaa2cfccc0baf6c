package complete

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/csshell/csshell/engine/value"
)

// historyLines completes a "#text" comment from the session's history,
// as pwsh's CompleteComment does: "#" and a number is the entry with that
// id; "#" and other text made of word characters and dashes matches the
// lines that contain it (pattern *text*, any case), newest first, and a
// bare "#" lists them all. Any other comment completes nothing. The line
// replaces the whole comment.
func (c *Completer) historyLines(comment string) []Suggestion {
	text, ok := strings.CutPrefix(comment, "#")
	if !ok || !historyWord(text) {
		return nil
	}
	entries := c.src.History()
	// An id is a number that fits pwsh's int; a longer one is text.
	if id, err := strconv.ParseInt(text, 10, 32); err == nil && text != "" && allDigits(text) {
		for _, e := range entries {
			if e.ID == id && e.CommandLine != "" {
				return []Suggestion{{Text: e.CommandLine, Description: historyDescription(e)}}
			}
		}
		return nil
	}
	pattern := "*" + text + "*"
	var out []Suggestion
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		if e.CommandLine != "" && value.Like(e.CommandLine, pattern, false) {
			out = append(out, Suggestion{Text: e.CommandLine, Description: historyDescription(e)})
		}
	}
	// PSReadLine drops repeated lines from the menu (by list text, any
	// case); the newest stays.
	return dedupe(out)
}

// historyWord reports whether text matches [\w-]*, .NET's word
// characters (letters, marks, digits, connector punctuation) and dashes.
func historyWord(text string) bool {
	for _, r := range text {
		if !(r == '-' || unicode.In(r, unicode.L, unicode.Mn, unicode.Nd, unicode.Pc)) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// historyDescription is the menu description of a history entry.
func historyDescription(e HistoryEntry) string {
	return "History Id " + strconv.FormatInt(e.ID, 10)
}
