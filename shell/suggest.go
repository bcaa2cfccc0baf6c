package shell

import (
	"strings"
	"unicode/utf8"

	prompt "github.com/c-bata/go-prompt"
)

// wordSeparators is go-prompt's completion word separator set: an
// accepted menu item replaces the text after the last of these before the
// cursor. They are the characters that end a PowerShell argument-mode
// token; '.', '$', ':' and '/' are deliberately absent so that
// `$user.Disp`, `$env:PA` and `./scripts/a` stay one word and the menu
// shows whole items.
const wordSeparators = " \t\n|;(){},="

// completion is one answer of the completer, in byte offsets of the input:
// items replace input[Start:End].
type completion struct {
	Start, End int
	Items      []completionItem
}

// completionItem is one candidate and its menu description.
type completionItem struct {
	Text, Description string
}

// completeFunc is the completer as the prompt sees it (cursor and offsets
// in bytes).
type completeFunc func(input string, cursor int) completion

// suggester adapts the completer to go-prompt with PSReadLine-like
// behaviour: nothing is shown while typing; the first Tab completes a
// single candidate in place, or inserts the candidates' common prefix and
// opens the menu; further Tabs (Shift-Tab backwards) cycle through it and
// Up/Down move in it; any other key accepts the selected item. While the
// menu is open the completer's answer is cached by input text and cursor,
// so go-prompt always sees the same list for the same line and its
// selection index can never fall out of range (go-prompt #151/#204/#211).
type suggester struct {
	complete completeFunc
	// context returns the pending lines of a multi-line command, so the
	// completer sees what came before the current line.
	context func() string

	open     bool
	suppress bool // the Tab binding completed in place: no menu this time
	// docText and docCursor (runes) are the document go-prompt last
	// asked about: the buffer the next frame shows.
	docText   string
	docCursor int
	key       string
	cursor    int
	list      []prompt.Suggest
}

// byteCursor converts go-prompt's rune cursor to a byte offset in text.
func byteCursor(text string, runes int) int {
	i := 0
	for n := 0; n < runes && i < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}

// query runs the completer on the line, prefixed by the pending lines of
// a multi-line command, and returns the answer in the line's offsets.
func (s *suggester) query(text string, cursor int) completion {
	prefix := ""
	if s.context != nil {
		prefix = s.context()
	}
	c := s.complete(prefix+text, len(prefix)+cursor)
	c.Start -= len(prefix)
	c.End -= len(prefix)
	if c.Start < 0 || c.Start > cursor {
		c.Start = cursor
	}
	if c.End < cursor || c.End > len(text) {
		c.End = cursor
	}
	return c
}

// Suggest is the prompt.Completer.
func (s *suggester) Suggest(d prompt.Document) []prompt.Suggest {
	s.docText, s.docCursor = d.Text, len([]rune(d.TextBeforeCursor()))
	return s.suggest(d.LastKeyStroke(), d.Text, byteCursor(d.Text, len([]rune(d.TextBeforeCursor()))))
}

// lastDoc is the buffer go-prompt last asked about: text and cursor in
// runes.
func (s *suggester) lastDoc() (string, int) { return s.docText, s.docCursor }

// suggest answers go-prompt after key left text with the cursor at byte
// offset cursor.
func (s *suggester) suggest(key prompt.Key, text string, cursor int) []prompt.Suggest {
	same := s.open && text == s.key && cursor == s.cursor
	switch key {
	case prompt.Tab, prompt.BackTab:
		if s.suppress {
			s.suppress = false
			s.open = false
			return nil
		}
	case prompt.Up, prompt.Down:
		if same {
			return s.list
		}
		s.open = false
		return nil
	default:
		s.open = false
		return nil
	}
	if same {
		return s.list
	}
	c := s.query(text, cursor)
	s.list = menuItems(text, cursor, c)
	s.key, s.cursor, s.open = text, cursor, len(s.list) > 0
	return s.list
}

// menuItems turns a completion into go-prompt suggestions whose Text,
// put in place of go-prompt's word (the text after the last separator
// before the cursor), yields the completer's replacement of
// text[Start:cursor].
func menuItems(text string, cursor int, c completion) []prompt.Suggest {
	if len(c.Items) == 0 {
		return nil
	}
	before := text[:cursor]
	wordStart := strings.LastIndexAny(before, wordSeparators) + 1
	out := make([]prompt.Suggest, 0, len(c.Items))
	for _, it := range c.Items {
		t := it.Text
		if c.Start >= wordStart {
			t = before[wordStart:c.Start] + t
		} else {
			// The span reaches over a separator (a quoted value with a
			// space): go-prompt cannot delete that far, so keep the
			// user's text up to the word and insert the rest.
			crossed := before[c.Start:wordStart]
			if len(t) >= len(crossed) && strings.EqualFold(t[:len(crossed)], crossed) {
				t = t[len(crossed):]
			}
		}
		out = append(out, prompt.Suggest{Text: t, Description: it.Description})
	}
	return out
}

// OnTab is the Tab key binding, run after go-prompt's own handling of the
// key. When the menu was not open, it completes in place: a single
// candidate replaces the completer's span exactly (even across spaces and
// quotes), and several candidates first get their longest common prefix
// inserted, case-normalised, as PSReadLine's Complete does; the menu then
// opens when go-prompt asks for suggestions.
func (s *suggester) OnTab(buf *prompt.Buffer) {
	if s.open {
		return
	}
	d := buf.Document()
	cursor := byteCursor(d.Text, len([]rune(d.TextBeforeCursor())))
	c := s.query(d.Text, cursor)
	switch {
	case len(c.Items) == 1:
		replaceSpan(buf, d.Text, cursor, c.Start, c.End, c.Items[0].Text)
		s.suppress = true
	case len(c.Items) > 1:
		lcp := commonPrefixFold(c.Items)
		typed := d.Text[c.Start:cursor]
		// Values that need quotes all start with the quote: alone, it is
		// no progress ('Conference Bridge', 'EMEA Bridge' share just "'"),
		// and PSReadLine drops it too (MenuComplete's unambiguous prefix
		// loses its first quote), so the menu opens on the whole values.
		if _, n := utf8.DecodeRuneInString(lcp); n == len(lcp) && strings.ContainsAny(lcp, "'\"‘’‚‛“”„") {
			lcp = ""
		}
		if len(lcp) > len(typed) && strings.HasPrefix(strings.ToLower(lcp), strings.ToLower(typed)) {
			replaceSpan(buf, d.Text, cursor, c.Start, cursor, lcp)
		}
	}
}

// replaceSpan replaces text[start:end] (bytes; cursor between them) with
// repl in the buffer and leaves the cursor after it.
func replaceSpan(buf *prompt.Buffer, text string, cursor, start, end int, repl string) {
	if n := utf8.RuneCountInString(text[start:cursor]); n > 0 {
		buf.DeleteBeforeCursor(n)
	}
	if n := utf8.RuneCountInString(text[cursor:end]); n > 0 {
		buf.Delete(n)
	}
	buf.InsertText(repl, false, true)
}

// commonPrefixFold is the longest prefix shared by every item's text,
// compared case-insensitively and spelled as the first item spells it.
func commonPrefixFold(items []completionItem) string {
	p := items[0].Text
	for _, it := range items[1:] {
		n := 0
		a, b := p, it.Text
		for n < len(a) && n < len(b) {
			ra, sa := utf8.DecodeRuneInString(a[n:])
			rb, sb := utf8.DecodeRuneInString(b[n:])
			if sa != sb || !strings.EqualFold(string(ra), string(rb)) {
				break
			}
			n += sa
		}
		p = p[:n]
	}
	return p
}
