//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"io"
	"strconv"
	"strings"

	prompt "github.com/c-bata/go-prompt"
)

// The colours csshell gives go-prompt are not drawn: they mark what each
// piece of text go-prompt writes is (its prompt, the line, a menu row…),
// so frameWriter can tell the parts of a frame apart.
const (
	markPrefix      = prompt.Brown
	markInput       = prompt.Purple
	markPreview     = prompt.Fuchsia
	markItem        = prompt.Green
	markSelected    = prompt.Red
	markDescription = prompt.Yellow
	markSelDesc     = prompt.Blue
	markThumb       = prompt.Turquoise
	markTrack       = prompt.DarkGray
)

// markerOptions are the go-prompt options that set the marker colours.
func markerOptions() []prompt.Option {
	return []prompt.Option{
		prompt.OptionPrefixTextColor(markPrefix),
		prompt.OptionInputTextColor(markInput),
		prompt.OptionPreviewSuggestionTextColor(markPreview),
		prompt.OptionSuggestionTextColor(markItem),
		prompt.OptionSelectedSuggestionTextColor(markSelected),
		prompt.OptionDescriptionTextColor(markDescription),
		prompt.OptionSelectedDescriptionTextColor(markSelDesc),
		prompt.OptionScrollbarThumbColor(markThumb),
		prompt.OptionScrollbarBGColor(markTrack),
	}
}

// frameWriter is go-prompt's ConsoleWriter and csshell's renderer.
// go-prompt lays a frame out for one line of text; frameWriter records
// what it writes and, at Flush, draws the frame itself from that and the
// editor's state: the entry on as many lines as it has (continuation
// prompt on each further line), token colours, the inline prediction,
// the search line and the menu (go-prompt's rows, redrawn under the
// entry). Frames it does not recognise (leaving the editor) are passed on.
type frameWriter struct {
	out  io.Writer
	vt   prompt.ConsoleWriter // go-prompt's writer, for frames passed on
	view func(text string, cursor int, preview string, menu []menuRow) (editorView, shownState)
	doc  func() (text string, cursor int)
	// framed hears of every frame drawn and what it showed.
	framed func(shownState)

	ops []func(prompt.ConsoleWriter)
	// goTo and hid tell the frames apart: only "window too small" moves
	// the cursor absolutely, only Render hides it.
	fg, bg  prompt.Color
	pieces  []piece
	goTo    bool
	hid     bool
	cleared bool
	curRow  int // the cursor's row below the prompt's first row
}

// piece is one WriteStr of a frame and its marker colours.
type piece struct {
	fg, bg prompt.Color
	text   string
}

var _ prompt.ConsoleWriter = (*frameWriter)(nil)

func (f *frameWriter) record(op func(prompt.ConsoleWriter)) { f.ops = append(f.ops, op) }

// WriteRaw records raw bytes.
func (f *frameWriter) WriteRaw(data []byte) {
	d := append([]byte(nil), data...)
	f.record(func(w prompt.ConsoleWriter) { w.WriteRaw(d) })
}

// Write records text.
func (f *frameWriter) Write(data []byte) { f.WriteStr(string(data)) }

// WriteRawStr records raw text.
func (f *frameWriter) WriteRawStr(data string) {
	f.record(func(w prompt.ConsoleWriter) { w.WriteRawStr(data) })
}

// WriteStr records text with the current marker colours.
func (f *frameWriter) WriteStr(data string) {
	f.pieces = append(f.pieces, piece{f.fg, f.bg, data})
	f.record(func(w prompt.ConsoleWriter) { w.WriteStr(data) })
}

// EraseScreen records an erase (Ctrl+L's ClearScreen, "window too
// small").
func (f *frameWriter) EraseScreen() {
	f.cleared = true
	f.record(prompt.ConsoleWriter.EraseScreen)
}

// EraseUp records an erase.
func (f *frameWriter) EraseUp() { f.record(prompt.ConsoleWriter.EraseUp) }

// EraseDown records an erase.
func (f *frameWriter) EraseDown() { f.record(prompt.ConsoleWriter.EraseDown) }

// EraseStartOfLine records an erase.
func (f *frameWriter) EraseStartOfLine() { f.record(prompt.ConsoleWriter.EraseStartOfLine) }

// EraseEndOfLine records an erase.
func (f *frameWriter) EraseEndOfLine() { f.record(prompt.ConsoleWriter.EraseEndOfLine) }

// EraseLine records an erase.
func (f *frameWriter) EraseLine() { f.record(prompt.ConsoleWriter.EraseLine) }

// ShowCursor records the cursor shown.
func (f *frameWriter) ShowCursor() { f.record(prompt.ConsoleWriter.ShowCursor) }

// HideCursor records the cursor hidden: Render does so, BreakLine not.
func (f *frameWriter) HideCursor() {
	f.hid = true
	f.record(prompt.ConsoleWriter.HideCursor)
}

// CursorGoTo records an absolute move (only the "window too small"
// frame uses one).
func (f *frameWriter) CursorGoTo(row, col int) {
	f.goTo = true
	f.record(func(w prompt.ConsoleWriter) { w.CursorGoTo(row, col) })
}

// CursorUp records a move.
func (f *frameWriter) CursorUp(n int) { f.record(func(w prompt.ConsoleWriter) { w.CursorUp(n) }) }

// CursorDown records a move.
func (f *frameWriter) CursorDown(n int) { f.record(func(w prompt.ConsoleWriter) { w.CursorDown(n) }) }

// CursorForward records a move.
func (f *frameWriter) CursorForward(n int) {
	f.record(func(w prompt.ConsoleWriter) { w.CursorForward(n) })
}

// CursorBackward records a move.
func (f *frameWriter) CursorBackward(n int) {
	f.record(func(w prompt.ConsoleWriter) { w.CursorBackward(n) })
}

// AskForCPR records a cursor position request.
func (f *frameWriter) AskForCPR() { f.record(prompt.ConsoleWriter.AskForCPR) }

// SaveCursor records a save.
func (f *frameWriter) SaveCursor() { f.record(prompt.ConsoleWriter.SaveCursor) }

// UnSaveCursor records a restore.
func (f *frameWriter) UnSaveCursor() { f.record(prompt.ConsoleWriter.UnSaveCursor) }

// ScrollDown records a scroll (go-prompt makes room for its menu; the
// frame drawn makes its own room).
func (f *frameWriter) ScrollDown() { f.record(prompt.ConsoleWriter.ScrollDown) }

// ScrollUp records a scroll.
func (f *frameWriter) ScrollUp() { f.record(prompt.ConsoleWriter.ScrollUp) }

// SetTitle does nothing: csshell never sets the terminal's title.
func (f *frameWriter) SetTitle(string) {}

// ClearTitle does nothing: there is no title to clear.
func (f *frameWriter) ClearTitle() {}

// SetColor records the marker colours of the text that follows.
func (f *frameWriter) SetColor(fg, bg prompt.Color, bold bool) { f.fg, f.bg = fg, bg }

// Flush draws the frame recorded since the last Flush.
func (f *frameWriter) Flush() error {
	pieces, ops, goTo, hid, cleared := f.pieces, f.ops, f.goTo, f.hid, f.cleared
	f.pieces, f.ops, f.goTo, f.hid, f.cleared = nil, nil, false, false, false
	if cleared {
		// The screen is cleared: the prompt starts again at the top.
		io.WriteString(f.out, "\x1b[H\x1b[2J")
		f.curRow = 0
	}
	input, hasInput := "", false
	for _, p := range pieces {
		if p.fg == markInput {
			input, hasInput = p.text, true
			break
		}
	}
	switch {
	case hasInput && !hid && strings.HasSuffix(input, "\n"):
		// BreakLine: the line is finished (Enter, Ctrl-C, Ctrl-D).
		text := strings.TrimSuffix(input, "\n")
		v, _ := f.view(text, len([]rune(text)), "", nil)
		v.Prediction, v.Status, v.Menu, v.Emphasis = "", "", nil, [2]int{}
		f.draw(v, shownState{})
		_, err := io.WriteString(f.out, "\r\n")
		f.curRow = 0
		return err
	case hasInput || goTo:
		// Render (or "window too small": draw the entry anyway).
		text, cursor := f.doc()
		if hasInput && text != input {
			text, cursor = input, len([]rune(input))
		}
		preview := ""
		var menu []menuRow
		if hasInput {
			preview, menu = readMenu(pieces)
		}
		v, s := f.view(text, cursor, preview, menu)
		return f.draw(v, s)
	}
	for _, op := range ops {
		op(f.vt)
	}
	return f.vt.Flush()
}

// draw writes the view from the prompt's first row.
func (f *frameWriter) draw(v editorView, s shownState) error {
	var b strings.Builder
	b.WriteString("\x1b[?25l")
	if f.curRow > 0 {
		b.WriteString("\x1b[" + strconv.Itoa(f.curRow) + "A")
	}
	body, row := drawView(v)
	b.WriteString(body)
	b.WriteString("\x1b[?25h")
	f.curRow = row
	_, err := io.WriteString(f.out, b.String())
	if f.framed != nil {
		f.framed(s)
	}
	return err
}

// readMenu reads go-prompt's menu rows and the selected item's preview
// out of a frame's pieces.
func readMenu(pieces []piece) (preview string, rows []menuRow) {
	for _, p := range pieces {
		switch {
		case p.fg == markPreview:
			preview = p.text
		case p.fg == markItem || p.fg == markSelected:
			rows = append(rows, menuRow{Text: p.text, Selected: p.fg == markSelected})
		case (p.fg == markDescription || p.fg == markSelDesc) && len(rows) > 0:
			rows[len(rows)-1].Description = p.text
		case p.bg == markThumb && len(rows) > 0:
			rows[len(rows)-1].Thumb = true
		}
	}
	return preview, rows
}

// applyPreview is the line as shown while a menu item is selected: the
// item in place of the word before the cursor, the cursor after it.
func applyPreview(text string, cursor int, preview string) (string, int) {
	r := []rune(text)
	before := string(r[:cursor])
	start := strings.LastIndexAny(before, wordSeparators) + 1
	head := before[:start] + preview
	return head + string(r[cursor:]), len([]rune(head))
}

// menuColumn is the column a menu aligns on: the cursor's.
func menuColumn(v editorView) int {
	_, col := cursorPlace(v)
	return col
}
