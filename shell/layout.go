package shell

import (
	"fmt"
	"strings"

	runewidth "github.com/mattn/go-runewidth"
)

// editorView is everything one frame of the line editor shows: the
// prompt, the entry (on as many lines as it has), the cursor, the
// inline prediction, the completion menu and the search status line.
// It is drawn by drawView, a pure function, so the layout is tested
// without a terminal.
type editorView struct {
	Prefix       string // the first line's prompt, e.g. "PS /home/admin> "
	Continuation string // the prompt of every further line, e.g. ">> "
	Text         string // the entry; "\n" separates its lines
	Cursor       int    // the cursor, in runes of Text
	Prediction   string // grey text shown after the cursor (at the end only)
	Menu         []menuRow
	MenuX        int    // the column the menu is aligned on, when it fits
	Status       string // a line under the entry (the search prompt)
	StatusError  bool   // the status is a failing search
	Emphasis     [2]int // a rune span of Text shown emphasised (a search match)
	Colors       *tokenColors
	PromptError  bool // the entry does not parse: the prompt's last '>' in the error colour
	Cols         int
}

// menuRow is one completion menu line as go-prompt formatted it (item and
// description padded to the menu's width).
type menuRow struct {
	Text, Description string
	Selected, Thumb   bool
}

// screenWriter lays text out on a terminal Cols wide, tracking where the
// cursor is relative to the first row drawn, and writes the bytes to b.
type screenWriter struct {
	b        strings.Builder
	cols     int
	row, col int // col == cols: the terminal's pending wrap
}

// text writes s and follows the terminal's automatic wrapping. A control
// character (an unbound key's escape sequence go-prompt inserted, a
// pasted ESC) is shown as '?', as go-prompt's own writer shows it: the
// entry's text never reaches the terminal as a command.
func (w *screenWriter) text(s string) {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
			r = '?'
		}
		rw := runewidth.RuneWidth(r)
		if w.col+rw > w.cols {
			w.row++
			w.col = 0
		}
		w.b.WriteRune(r)
		w.col += rw
	}
}

// raw writes an escape sequence that does not move the cursor.
func (w *screenWriter) raw(s string) { w.b.WriteString(s) }

// newline ends the current row, erasing what an earlier frame left
// after the end of it.
func (w *screenWriter) newline() {
	w.b.WriteString("\x1b[K\r\n")
	w.row++
	w.col = 0
}

// settle makes a line that ends exactly at the right margin take its next
// row, so the cursor can sit after its last character: a space forces the
// terminal's pending wrap, then the row is cleared.
func (w *screenWriter) settle() {
	if w.col == w.cols {
		w.b.WriteString(" \r\x1b[K")
		w.row++
		w.col = 0
	}
}

// moveTo moves the cursor to (row, col) with relative moves only, so a
// scroll of the screen since the frame began does not matter.
func (w *screenWriter) moveTo(row, col int) {
	c := w.col
	if c >= w.cols {
		c = w.cols - 1
	}
	switch {
	case row < w.row:
		fmt.Fprintf(&w.b, "\x1b[%dA", w.row-row)
	case row > w.row:
		fmt.Fprintf(&w.b, "\x1b[%dB", row-w.row)
	}
	if col != c {
		w.b.WriteString("\r")
		if col > 0 {
			fmt.Fprintf(&w.b, "\x1b[%dC", col)
		}
	}
	w.row, w.col = row, col
}

// drawView writes the view from the start of the prompt's first row and
// leaves the terminal cursor on the editor's cursor. It returns the bytes
// and the cursor's row below the first row.
func drawView(v editorView) (string, int) {
	if v.Cols < 1 {
		v.Cols = 80
	}
	// Bytes that are not UTF-8 (a key go-prompt inserted as it came)
	// become U+FFFD one for one, so rune offsets stay the buffer's and
	// byte offsets stay on rune boundaries.
	v.Text = string([]rune(v.Text))
	w := &screenWriter{cols: v.Cols}
	// The frame is written over the previous one and what is left of
	// that is erased after it: erasing the whole screen from its top
	// corner (as "\r\x1b[J" on the first row would) makes terminals such
	// as tmux (scroll-on-clear) copy the screen into the scrollback.
	w.raw("\r")
	lines := strings.Split(v.Text, "\n")
	spans := v.Colors.paint(v.Text)
	curRow, curCol := 0, 0
	runeAt := 0 // rune index of the current line's start
	byteAt := 0
	for i, line := range lines {
		if i > 0 {
			w.newline()
		}
		prompt := v.Prefix
		if i > 0 {
			prompt = v.Continuation
		}
		v.Colors.writePrompt(w, prompt, i == 0 && v.PromptError, i > 0)
		n := len([]rune(line))
		if v.Cursor >= runeAt && v.Cursor <= runeAt+n {
			// The cursor is on this line: remember where, laying out
			// the text before it first.
			before := string([]rune(line)[:v.Cursor-runeAt])
			v.Colors.writeSpans(w, line[:len(before)], byteAt, spans, v.emphasisBytes())
			if w.col == w.cols {
				w.settle()
			}
			curRow, curCol = w.row, w.col
			v.Colors.writeSpans(w, line[len(before):], byteAt+len(before), spans, v.emphasisBytes())
		} else {
			v.Colors.writeSpans(w, line, byteAt, spans, v.emphasisBytes())
		}
		runeAt += n + 1
		byteAt += len(line) + 1
	}
	if v.Prediction != "" && v.Cursor == len([]rune(v.Text)) {
		// The prediction fits in what is left of the row; it never wraps.
		room := v.Cols - w.col - 1
		if room > 0 {
			p := runewidth.Truncate(v.Prediction, room, "")
			v.Colors.write(w, "InlinePrediction", p)
		}
	}
	w.settle()
	if v.Status != "" {
		w.newline()
		v.Colors.writeStatus(w, v.Status, v.StatusError)
		w.settle()
	}
	if len(v.Menu) > 0 {
		width := 0
		for _, r := range v.Menu {
			if n := runewidth.StringWidth(r.Text+r.Description) + 1; n > width {
				width = n
			}
		}
		x := v.MenuX
		if x+width > v.Cols {
			x = v.Cols - width
		}
		if x < 0 {
			x = 0
		}
		for _, r := range v.Menu {
			w.newline()
			if x > 0 {
				w.moveTo(w.row, x)
			}
			v.Colors.writeMenuRow(w, r, v.Cols-x)
		}
	}
	w.raw("\x1b[J")
	w.moveTo(curRow, curCol)
	return w.b.String(), curRow
}

// emphasisBytes is the emphasised span in bytes of Text.
func (v editorView) emphasisBytes() [2]int {
	if v.Emphasis[1] <= v.Emphasis[0] {
		return [2]int{}
	}
	r := []rune(v.Text)
	if v.Emphasis[1] > len(r) {
		return [2]int{}
	}
	return [2]int{len(string(r[:v.Emphasis[0]])), len(string(r[:v.Emphasis[1]]))}
}

// cursorPlace is the (row, col) of rune offset cursor in the view's
// layout without menu or status: where the menu aligns.
func cursorPlace(v editorView) (int, int) {
	v.Text = string([]rune(v.Text))
	w := &screenWriter{cols: v.Cols}
	if w.cols < 1 {
		w.cols = 80
	}
	lines := strings.Split(v.Text, "\n")
	at := 0
	for i, line := range lines {
		if i > 0 {
			w.newline()
		}
		if i == 0 {
			w.text(v.Prefix)
		} else {
			w.text(v.Continuation)
		}
		n := len([]rune(line))
		if v.Cursor <= at+n {
			w.text(string([]rune(line)[:v.Cursor-at]))
			return w.row, w.col
		}
		w.text(line)
		at += n + 1
	}
	return w.row, w.col
}
