package shell

import (
	"strings"
	"testing"

	"github.com/hinshun/vt10x"
)

// drawOn plays a frame into an emulated terminal cols×rows wide whose
// cursor starts at the top-left corner.
func drawOn(t *testing.T, v editorView, cols int) vt10x.Terminal {
	t.Helper()
	v.Cols = cols
	out, _ := drawView(v)
	vt := vt10x.New(vt10x.WithSize(cols, 12))
	vt.Write([]byte(out))
	return vt
}

func TestLayoutMultiLineEntry(t *testing.T) {
	v := editorView{Prefix: "PS /> ", Continuation: ">> ", Text: "if ($a) {\n  'x'\n}", Cursor: 12}
	vt := drawOn(t, v, 40)
	got := rows(vt)[:4]
	want := []string{"PS /> if ($a) {", ">>   'x'", ">> }", ""}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("rows %q, want %q", got, want)
	}
	// Cursor 12 is after the two spaces of the second line.
	if c := vt.Cursor(); c.Y != 1 || c.X != 5 {
		t.Errorf("cursor at %d,%d, want 5,1", c.X, c.Y)
	}
}

func TestLayoutWrapsAndSettlesAtTheMargin(t *testing.T) {
	// "PS> " + 16 characters fills a 20-column row exactly: the cursor
	// after it belongs on the next row.
	v := editorView{Prefix: "PS> ", Text: strings.Repeat("a", 16), Cursor: 16}
	vt := drawOn(t, v, 20)
	if c := vt.Cursor(); c.Y != 1 || c.X != 0 {
		t.Errorf("cursor at %d,%d, want 0,1", c.X, c.Y)
	}
	v.Text, v.Cursor = strings.Repeat("b", 30), 5
	vt = drawOn(t, v, 20)
	if r := rows(vt); r[0] != "PS> "+strings.Repeat("b", 16) || r[1] != strings.Repeat("b", 14) {
		t.Errorf("wrapped rows %q", r[:2])
	}
	if c := vt.Cursor(); c.Y != 0 || c.X != 9 {
		t.Errorf("cursor at %d,%d, want 9,0", c.X, c.Y)
	}
}

func TestLayoutMenuStatusAndPrediction(t *testing.T) {
	v := editorView{Prefix: "PS> ", Text: "Get-D", Cursor: 5, MenuX: 4,
		Menu: []menuRow{{Text: "Get-Date ", Description: "x"}, {Text: "Get-Disk ", Description: "y", Selected: true}}}
	vt := drawOn(t, v, 40)
	r := rows(vt)
	if r[1] != "    Get-Date x" || r[2] != "    Get-Disk y" {
		t.Errorf("menu rows %q", r[:3])
	}
	if c := vt.Cursor(); c.Y != 0 || c.X != 9 {
		t.Errorf("cursor at %d,%d, want 9,0 (back on the entry)", c.X, c.Y)
	}
	v = editorView{Prefix: "PS> ", Text: "x", Cursor: 1, Status: "bck-i-search: x_"}
	if r := rows(drawOn(t, v, 40)); r[1] != "bck-i-search: x_" {
		t.Errorf("status row %q", r[1])
	}
	// A prediction is shown only with colours, and never wraps.
	v = editorView{Prefix: "PS> ", Text: "Get", Cursor: 3, Prediction: "-Date -Format yyyy", Colors: newTokenColors(map[string]string{"InlinePrediction": "\x1b[90m"})}
	vt = drawOn(t, v, 14)
	if r := rows(vt); r[0] != "PS> Get-Date" || r[1] != "" {
		t.Errorf("prediction rows %q", r[:2])
	}
	if g := vt.Cell(8, 0); g.FG != vt10x.Color(8) {
		t.Errorf("prediction colour %d, want 8", g.FG)
	}
}

// A frame never erases the screen from its top corner: tmux (with
// scroll-on-clear) would copy the screen into the scrollback on every
// keystroke of a prompt on the first row (the "doubled line after
// clear").
func TestLayoutNeverClearsFromTheCorner(t *testing.T) {
	for _, v := range []editorView{
		{Prefix: "PS> ", Text: "", Cursor: 0},
		{Prefix: "PS> ", Text: "a\nb", Cursor: 3, Menu: []menuRow{{Text: "x"}}},
	} {
		v.Cols = 40
		out, _ := drawView(v)
		if strings.HasPrefix(out, "\r\x1b[J") || strings.HasPrefix(out, "\x1b[J") {
			t.Errorf("frame starts by erasing the screen: %q", out)
		}
		if !strings.Contains(out, "\x1b[J") {
			t.Errorf("frame leaves an earlier frame's rows: %q", out)
		}
	}
}

// Text in the entry never reaches the terminal as control sequences: a
// pasted clear-screen or an unbound key's escape sequence is shown, as
// go-prompt's writer shows it, with '?' for each control character.
func TestLayoutShowsControlCharacters(t *testing.T) {
	v := editorView{Prefix: "PS> ", Text: "a\x1b[2Jb\x07\u009bc", Cursor: 9, Cols: 40}
	out, _ := drawView(v)
	if strings.Contains(out, "\x1b[2J") || strings.ContainsRune(out, '\x07') || strings.ContainsRune(out, '\u009b') {
		t.Errorf("control characters written: %q", out)
	}
	vt := drawOn(t, v, 40)
	if r := rows(vt)[0]; r != "PS> a?[2Jb??c" {
		t.Errorf("row %q", r)
	}
	if c := vt.Cursor(); c.X != len("PS> a?[2Jb??c") {
		t.Errorf("cursor at %d, want after the text", c.X)
	}
	// Bytes that are not UTF-8 (a Latin-1 paste) are one rune each, as in
	// go-prompt's buffer: no panic, the cursor where the buffer has it.
	v = editorView{Prefix: "PS> ", Text: "x\xe9\xff\nyz", Cursor: 5, Cols: 40}
	vt = drawOn(t, v, 40)
	if c := vt.Cursor(); c.Y != 1 || c.X != 1 {
		t.Errorf("cursor at %d,%d, want 1,1 (after the y)", c.X, c.Y)
	}
}
