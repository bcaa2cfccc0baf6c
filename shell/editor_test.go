//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"testing"

	prompt "github.com/c-bata/go-prompt"
	"github.com/csshell/csshell/engine"
)

// keyed is an editor whose options bind chords as Set-PSReadLineKeyHandler
// would.
func keyed(entries []string, o engine.ReadLineOptions) *editor {
	e := searchEditor(entries)
	e.handlers = func(chord string) string { return keyHandler(o, chord) }
	e.moveToEnd = func() bool { return o.HistorySearchCursorMovesToEnd }
	return e
}

func typeInto(e *editor, b *prompt.Buffer, text string) {
	b.InsertText(text, false, true)
	e.framed(shownState{text: b.Text(), cursor: len([]rune(b.Document().TextBeforeCursor()))})
}

func TestKeyHandlerHistorySearchBackward(t *testing.T) {
	o := engine.DefaultReadLineOptions()
	o.KeyHandlers = []engine.KeyHandler{{Chord: "UpArrow", Function: "HistorySearchBackward"},
		{Chord: "DownArrow", Function: "HistorySearchForward"}}
	e := keyed([]string{"Get-Date", "Write-Output x", "Get-Process", "Get-Date"}, o)
	b := prompt.NewBuffer()
	typeInto(e, b, "get-")
	steps := []struct{ key, line string }{
		{"\x1b[A", "Get-Date"}, {"\x1b[A", "Get-Process"}, {"\x1b[A", "Get-Process"},
		{"\x1b[B", "Get-Date"}, {"\x1b[B", "get-"},
	}
	for i, st := range steps {
		press(t, e, b, st.key)
		if b.Text() != st.line {
			t.Fatalf("step %d: %q, want %q", i, b.Text(), st.line)
		}
		if i < 4 && b.Document().TextBeforeCursor() != b.Text()[:4] {
			t.Errorf("step %d: cursor not after the prefix: %q", i, b.Document().TextBeforeCursor())
		}
	}
	// With HistorySearchCursorMovesToEnd the cursor goes to the end.
	o.HistorySearchCursorMovesToEnd = true
	e = keyed([]string{"Get-Date"}, o)
	b = prompt.NewBuffer()
	typeInto(e, b, "Get")
	press(t, e, b, "\x1b[A")
	if b.Document().TextAfterCursor() != "" {
		t.Errorf("cursor not at the end: %q after it", b.Document().TextAfterCursor())
	}
}

func TestKeyHandlersMapToEditorKeys(t *testing.T) {
	o := engine.DefaultReadLineOptions()
	o.KeyHandlers = []engine.KeyHandler{
		{Chord: "Ctrl+d", Function: "DeleteChar"},
		{Chord: "Tab", Function: "MenuComplete"},
		{Chord: "Ctrl+j", Function: "AddLine"},
		{Chord: "Ctrl+UpArrow", Function: "PreviousHistory"},
		{Chord: "F7", Function: "SomethingNotCarriedOut"},
	}
	o.UnboundChords = []string{"Ctrl+r"}
	e := keyed([]string{"one", "two"}, o)
	b := prompt.NewBuffer()
	typeInto(e, b, "abc")
	b.CursorLeft(2)
	e.framed(shownState{text: "abc", cursor: 1})
	if out := press(t, e, b, "\x04"); string(out) != string(codeNoop) || len(e.pushback) != 1 || string(e.pushback[0]) != "\x1b[3~" {
		t.Errorf("Ctrl+d as DeleteChar: %q then %q", out, e.pushback)
	}
	e.pushback = nil
	if out := press(t, e, b, "\t"); string(out) != "\t" {
		t.Errorf("Tab as MenuComplete: %q", out)
	}
	if out := press(t, e, b, "\n"); string(out) != string(codeNewline) || b.Text() != "a\nbc" {
		t.Errorf("Ctrl+j as AddLine: %q, line %q", out, b.Text())
	}
	if out := press(t, e, b, "\x12"); string(out) != string(codeNoop) || e.search.active {
		t.Errorf("Ctrl+r after Remove-PSReadLineKeyHandler: %q, search %v", out, e.search.active)
	}
	if out := press(t, e, b, "\x1b[1;5A"); string(out) != string(codeNoop) || string(e.pushback[0]) != "\x1b[A" {
		t.Errorf("Ctrl+UpArrow as PreviousHistory: %q then %q", out, e.pushback)
	}
	if out := press(t, e, b, "\x1b[18~"); string(out) != "\x1b[18~" {
		t.Errorf("a function the editor does not carry out leaves the key alone: %q", out)
	}
	if got := chordOf([]byte("\x1bf")); got != "Alt+f" {
		t.Errorf("chordOf(ESC f) = %q", got)
	}
}
