package teams

import (
	"os"
	"strings"
	"testing"
)

// retiredItemsMarkdown renders the retired items of surfaceItems as the
// README's table.
func retiredItemsMarkdown() string {
	var b strings.Builder
	b.WriteString("| item | kind | in today's module | retired | instead |\n| --- | --- | --- | --- | --- |\n")
	for _, it := range surfaceItems {
		if it.retired == "" {
			continue
		}
		item := it.name
		switch it.kind {
		case parameterItem:
			item = it.cmdlet + " -" + it.name
		case propertyItem:
			item = it.cmdlet + "." + it.name
		}
		status := "still accepted"
		if it.removed != "" {
			status = "gone from " + it.removed
			if it.choice {
				status += "*"
			}
		}
		b.WriteString("| `" + item + "` | " + strings.ToLower(it.kind.String()) + " | " + status + " | " +
			strings.ReplaceAll(it.retired, "|", "\\|") + " | " + strings.ReplaceAll(it.replacement, "|", "\\|") + " |\n")
	}
	return b.String()
}

// TestREADMERetiredItems keeps the README's table of retired items the
// one surfaceItems renders (one source of truth).
func TestREADMERetiredItems(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- retired-items: generated from cmdlets/teams/surface.go -->\n", "<!-- retired-items end -->"
	text := string(data)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no retired-items table between %q and %q", begin, end)
	}
	if got, want := text[i+len(begin):j], retiredItemsMarkdown(); got != want {
		t.Errorf("README.md's retired-items table is not the one surface.go renders; replace it with:\n%s", want)
	}
}
