//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"testing"

	prompt "github.com/c-bata/go-prompt"
)

// searchEditor is an editor over a fixed history, its line being typed.
func searchEditor(entries []string) *editor {
	return &editor{
		entries:     func() []string { return entries },
		noDuplicate: func() bool { return true },
		incomplete:  isIncomplete,
	}
}

// press routes one key through the editor and applies what go-prompt
// would get to b (the private sequences through their bindings).
func press(t *testing.T, e *editor, b *prompt.Buffer, key string) []byte {
	t.Helper()
	e.mu.Lock()
	out := e.decide([]byte(key))
	e.mu.Unlock()
	for _, bind := range e.bindings() {
		if string(bind.ASCIICode) == string(out) {
			bind.Fn(b)
		}
	}
	e.framed(shownState{text: b.Text(), cursor: len([]rune(b.Document().TextBeforeCursor()))})
	return out
}

func TestIncrementalSearch(t *testing.T) {
	entries := []string{"Get-CsOnlineUser -Identity ann", "Get-Date", "Get-CsOnlineUser | Select DisplayName",
		"if ($x) {\n 1\n}", "get-csonlineuser -Identity bob"}
	e := searchEditor(entries)
	b := prompt.NewBuffer()
	b.InsertText("typed", false, true)
	e.framed(shownState{text: "typed", cursor: 5})
	press(t, e, b, "\x12") // Ctrl+R
	if !e.search.active || e.search.status() != "bck-i-search: _" {
		t.Fatalf("Ctrl+R did not start a search: %+v", e.search)
	}
	for _, k := range "onlineuser" {
		press(t, e, b, string(k))
	}
	if b.Text() != entries[4] || e.search.status() != "bck-i-search: onlineuser_" {
		t.Fatalf("after typing: %q (%s)", b.Text(), e.search.status())
	}
	if got := b.Document().TextBeforeCursor(); got != "get-cs" {
		t.Errorf("cursor not on the match: before it %q", got)
	}
	press(t, e, b, "\x12")
	if b.Text() != entries[2] {
		t.Errorf("second Ctrl+R: %q, want %q", b.Text(), entries[2])
	}
	press(t, e, b, "\x12")
	press(t, e, b, "\x12") // nothing older: stays, failing
	if b.Text() != entries[0] || !e.search.failing {
		t.Errorf("past the oldest: %q failing=%v", b.Text(), e.search.failing)
	}
	press(t, e, b, "\x13") // Ctrl+S: newer again
	if b.Text() != entries[2] {
		t.Errorf("Ctrl+S: %q, want %q", b.Text(), entries[2])
	}
	press(t, e, b, "\x1b") // Esc restores the line typed before
	if e.search.active || b.Text() != "typed" {
		t.Errorf("Esc: active=%v line %q", e.search.active, b.Text())
	}
	// Enter runs the entry found: the match is kept and Enter follows.
	press(t, e, b, "\x12")
	for _, k := range "$x" {
		press(t, e, b, string(k))
	}
	if out := press(t, e, b, "\r"); string(out) != string(codeSearchAccept) || b.Text() != entries[3] {
		t.Fatalf("Enter in search: %q line %q", out, b.Text())
	}
	if out := press(t, e, b, string(e.pushback[0])); string(out) != "\r" {
		t.Errorf("the Enter after the search is %q, want a plain Enter (the entry is complete)", out)
	}
}

func TestSearchBackspaceAndOtherKeys(t *testing.T) {
	e := searchEditor([]string{"Get-Date", "Get-CsOnlineUser", "Get-CsOnlineUser"})
	b := prompt.NewBuffer()
	press(t, e, b, "\x12")
	for _, k := range "datex" {
		press(t, e, b, string(k))
	}
	if !e.search.failing || b.Text() != "Get-Date" {
		t.Fatalf("no match for datex: failing=%v line %q", e.search.failing, b.Text())
	}
	press(t, e, b, "\x7f")
	if e.search.failing || e.search.query != "date" {
		t.Errorf("Backspace: %+v", e.search)
	}
	// An arrow key ends the search with the entry and is then handled.
	if out := press(t, e, b, "\x1b[D"); string(out) != string(codeSearchAccept) || e.search.active {
		t.Errorf("Left in search: %q active=%v", out, e.search.active)
	}
	if string(e.pushback[0]) != "\x1b[D" {
		t.Errorf("the key that ended the search is not handled next: %q", e.pushback)
	}
	// Duplicates are skipped (HistoryNoDuplicates).
	e2 := searchEditor([]string{"a1", "b", "a1"})
	if got := e2.historyList(); len(got) != 2 || got[0] != "b" || got[1] != "a1" {
		t.Errorf("historyList without duplicates: %q", got)
	}
}
