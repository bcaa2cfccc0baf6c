package shell

import (
	"testing"

	prompt "github.com/c-bata/go-prompt"
)

func TestHistorySearchBackward(t *testing.T) {
	entries := []string{"Get-CsOnlineUser -Identity ann", "Get-Date", "Get-CsOnlineUser | Select DisplayName", "if ($x) {\n 1\n}", "get-csonlineuser -Identity bob"}
	h := &historySearch{entries: func() []string { return entries }}
	b := prompt.NewBuffer()
	b.InsertText("onlineuser", false, true)
	want := []string{entries[4], entries[2], entries[0], entries[0]}
	for i, w := range want {
		h.Backward(b)
		if b.Text() != w {
			t.Fatalf("press %d: %q, want %q", i+1, b.Text(), w)
		}
	}
	// Editing the line starts a new search with the new text.
	b.InsertText("x", false, true)
	setBuffer(b, "$x")
	h.Backward(b)
	if b.Text() != "if ($x) {␤ 1␤}" {
		t.Errorf("multi-line entry shown as %q", b.Text())
	}
	if fromPromptLine(b.Text()) != entries[3] {
		t.Errorf("recalled entry does not run as typed: %q", fromPromptLine(b.Text()))
	}
}
