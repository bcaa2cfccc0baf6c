//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/syntax"
)

// view builds the frame for the entry text with the cursor at rune
// offset cursor, the menu item preview (when one is selected) and the
// menu rows go-prompt laid out; it also returns what the frame shows, for
// the editor's next decisions.
func (r *repl) view(text string, cursor int, preview string, menu []menuRow) (editorView, shownState) {
	opts := r.rt.ReadLineOptions()
	prefix, _ := r.prefix()
	v := editorView{Prefix: prefix, Continuation: opts.ContinuationPrompt, Cols: r.tty.Width(), Menu: menu}
	if r.color {
		v.Colors = newTokenColors(opts.Colors)
	}
	shown := shownState{text: text, cursor: cursor, menu: len(menu) > 0}
	v.Text, v.Cursor = text, cursor
	if len(menu) > 0 {
		r := []rune(text)
		before := string(r[:cursor])
		start := len([]rune(before[:strings.LastIndexAny(before, wordSeparators)+1]))
		v.MenuX = menuColumn(editorView{Prefix: prefix, Continuation: v.Continuation, Text: text, Cursor: start, Cols: v.Cols})
	}
	if preview != "" {
		v.Text, v.Cursor = applyPreview(text, cursor, preview)
		shown.selected = true
	}
	r.ed.mu.Lock()
	search := r.ed.search
	r.ed.mu.Unlock()
	switch {
	case search.active:
		v.Status, v.StatusError = search.status(), search.failing
		v.Emphasis = search.matchSpan()
	case r.color && len(menu) == 0 && cursor == len([]rune(text)) && predictsFromHistory(opts.PredictionSource):
		// Without colour a prediction could not be told from typed text.
		shown.prediction = predict(r.ed.entries(), text)
		v.Prediction = shown.prediction
	}
	v.PromptError = doesNotParse(text)
	return v, shown
}

// predictsFromHistory reports whether the prediction source includes the
// history.
func predictsFromHistory(source string) bool {
	return strings.EqualFold(source, "History") || strings.EqualFold(source, "HistoryAndPlugin")
}

// predict is PSReadLine's history prediction for the line typed: the rest
// of the newest one-line entry that starts with it (ignoring case).
func predict(history []string, text string) string {
	if strings.TrimSpace(text) == "" || strings.Contains(text, "\n") {
		return ""
	}
	for i := len(history) - 1; i >= 0; i-- {
		e := history[i]
		if len(e) > len(text) && strings.EqualFold(e[:len(text)], text) && !strings.Contains(e, "\n") {
			return e[len(text):]
		}
	}
	return ""
}

// doesNotParse reports an entry with a syntax error that more lines
// would not fix.
func doesNotParse(text string) bool {
	incomplete, err := parseEntry(text)
	return err && !incomplete
}

// isIncomplete reports an entry that needs more lines (an open brace,
// quote, here-string, a trailing pipe…): Enter adds a line.
func isIncomplete(text string) bool {
	incomplete, _ := parseEntry(text)
	return incomplete
}

// parseEntry parses the entry as the executor will: err is set when it
// does not parse, incomplete when more lines would be needed.
func parseEntry(text string) (incomplete, err bool) {
	if strings.TrimSpace(text) == "" {
		return false, false
	}
	_, e := engine.Parse("<prompt>", text)
	return e != nil && syntax.IsIncomplete(e), e != nil
}
