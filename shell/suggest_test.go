package shell

import (
	"reflect"
	"strings"
	"testing"

	prompt "github.com/c-bata/go-prompt"
)

// fakeCompleter answers from a table keyed by the text before the cursor.
func fakeCompleter(table map[string]completion) completeFunc {
	return func(input string, cursor int) completion {
		return table[input[:cursor]]
	}
}

// accept applies a menu item the way go-prompt does: delete the word
// before the cursor (text after the last separator), insert the item.
func accept(line, item string) string {
	b := prompt.NewBuffer()
	b.InsertText(line, false, true)
	w := b.Document().GetWordBeforeCursorUntilSeparator(wordSeparators)
	if w != "" {
		b.DeleteBeforeCursor(len([]rune(w)))
	}
	b.InsertText(item, false, true)
	return b.Text()
}

// TestMenuItemsAccept checks, for each kind of completion, that accepting
// a menu item through go-prompt's word replacement gives the line the
// completer meant.
func TestMenuItemsAccept(t *testing.T) {
	cases := []struct {
		name, line string
		start      int // byte offset of the completer's span
		item, want string
	}{
		{"command", "get-csonl", 0, "Get-CsOnlineUser", "Get-CsOnlineUser"},
		{"command after pipe", "Get-Date|sort-o", 9, "Sort-Object", "Get-Date|Sort-Object"},
		{"command in block", "1..3 | % {write-h", 10, "Write-Host", "1..3 | % {Write-Host"},
		{"parameter", "Get-CsOnlineUser -Iden", 17, "-Identity", "Get-CsOnlineUser -Identity"},
		{"param colon value", "Set-X -Enabled:$t", 15, "$true", "Set-X -Enabled:$true"},
		{"quoted identity", "Get-CsOnlineUser -Identity 'Ann Sm", 27, "'Ann Smith'", "Get-CsOnlineUser -Identity 'Ann Smith'"},
		{"quoted identity, other case", "Get-CsOnlineUser -Identity 'ann sm", 27, "'Ann Smith'", "Get-CsOnlineUser -Identity 'ann Smith'"},
		{"value quoted when needed", "Get-CsOnlineUser -Identity ann", 27, "'Ann Smith'", "Get-CsOnlineUser -Identity 'Ann Smith'"},
		{"path", "./scripts/bu", 0, "./scripts/bulk.ps1", "./scripts/bulk.ps1"},
		{"path value", "Import-Csv -Path ./data/us", 17, "./data/users.csv", "Import-Csv -Path ./data/users.csv"},
		{"variable", "Write-Output $us", 13, "$users", "Write-Output $users"},
		{"env variable", "$env:PA", 0, "$env:PATH", "$env:PATH"},
		{"member whole", "$u.Disp", 0, "$u.DisplayName", "$u.DisplayName"},
		{"member tail", "$u.Disp", 3, "DisplayName", "$u.DisplayName"},
		{"member in script block", "ls | % { $_.Na", 9, "$_.Name", "ls | % { $_.Name"},
		{"after paren", "(Get-Da", 1, "Get-Date", "(Get-Date"},
		{"after equals", "$x=get-d", 3, "Get-Date", "$x=Get-Date"},
	}
	for _, c := range cases {
		items := menuItems(c.line, len(c.line), completion{Start: c.start, End: len(c.line), Items: []completionItem{{Text: c.item}}})
		if len(items) != 1 {
			t.Fatalf("%s: %d items", c.name, len(items))
		}
		if got := accept(c.line, items[0].Text); got != c.want {
			t.Errorf("%s: accepting %q on %q gives %q, want %q", c.name, items[0].Text, c.line, got, c.want)
		}
	}
}

func TestSuggesterTabOpensAndCachesMenu(t *testing.T) {
	calls := 0
	items := []completionItem{{Text: "Get-CsOnlineUser"}, {Text: "Get-CsOnlineDialInConferencingUser"}}
	s := &suggester{complete: func(in string, cur int) completion {
		calls++
		if strings.HasPrefix(strings.ToLower(in[:cur]), "get-cs") {
			return completion{Start: 0, End: cur, Items: items}
		}
		return completion{}
	}}
	// Typing never shows a menu.
	if got := s.suggest(prompt.Key(-1), "Get-Cs", 6); got != nil {
		t.Fatalf("menu while typing: %v", got)
	}
	if got := s.suggest(prompt.Escape, "", 0); got != nil {
		t.Fatalf("menu on reset: %v", got)
	}
	if calls != 0 {
		t.Fatalf("completer called %d times while typing", calls)
	}
	first := s.suggest(prompt.Tab, "Get-CsOnline", 12)
	if len(first) != 2 {
		t.Fatalf("Tab: %v", first)
	}
	// Further Tabs, Shift-Tab, Up and Down on the same line: the same list,
	// without asking the completer again.
	for _, k := range []prompt.Key{prompt.Tab, prompt.Down, prompt.Up, prompt.BackTab, prompt.Tab} {
		if got := s.suggest(k, "Get-CsOnline", 12); !reflect.DeepEqual(got, first) {
			t.Fatalf("key %v: list changed to %v", k, got)
		}
	}
	if calls != 1 {
		t.Errorf("completer called %d times, want 1", calls)
	}
	// Up on a changed line (history) closes the menu.
	if got := s.suggest(prompt.Up, "Get-Date", 8); got != nil {
		t.Errorf("menu kept after history recall: %v", got)
	}
}

func TestSuggesterOnTab(t *testing.T) {
	s := &suggester{complete: fakeCompleter(map[string]completion{
		"Get-CsOnlineUser -Identity 'ann s": {Start: 27, End: 33, Items: []completionItem{{Text: "'Ann Smith'"}}},
		"get-csonline":                      {Start: 0, End: 12, Items: []completionItem{{Text: "Get-CsOnlineUser"}, {Text: "Get-CsOnlineDialInConferencingUser"}}},
		"get-cso":                           {Start: 0, End: 7, Items: []completionItem{{Text: "Get-CsOnlineUser"}, {Text: "Get-CsOnlineDialInConferencingUser"}}},
		"Set-X -BridgeName ":                {Start: 18, End: 18, Items: []completionItem{{Text: "'Conference Bridge'"}, {Text: "'EMEA Bridge'"}}},
		"Set-X -BridgeName 'c":              {Start: 18, End: 20, Items: []completionItem{{Text: "'Conference Bridge'"}}},
		"Set-X -BridgeName e":               {Start: 18, End: 19, Items: []completionItem{{Text: "'EMEA Bridge'"}}},
		"Set-X -BridgeName 'Conf":           {Start: 18, End: 23, Items: []completionItem{{Text: "'Conference Bridge'"}, {Text: "'Conference Bridge 2'"}}},
	})}
	run := func(line string) (string, bool) {
		b := prompt.NewBuffer()
		b.InsertText(line, false, true)
		s.open, s.suppress = false, false
		s.OnTab(b)
		return b.Text(), s.suppress
	}
	// A single candidate replaces the whole span, across the space.
	if got, sup := run("Get-CsOnlineUser -Identity 'ann s"); got != "Get-CsOnlineUser -Identity 'Ann Smith'" || !sup {
		t.Errorf("single: %q suppress=%v", got, sup)
	}
	// Several: the common prefix, case-normalised; the menu then opens.
	if got, sup := run("get-cso"); got != "Get-CsOnline" || sup {
		t.Errorf("prefix: %q suppress=%v", got, sup)
	}
	if got, _ := run("get-csonline"); got != "get-csonline" {
		t.Errorf("no longer prefix: %q", got)
	}
	// Quoted values: never a lone opening quote (their only common
	// prefix); one candidate goes in whole and quoted; a longer shared
	// prefix keeps its quote.
	for line, want := range map[string]string{
		"Set-X -BridgeName ":      "Set-X -BridgeName ",
		"Set-X -BridgeName 'c":    "Set-X -BridgeName 'Conference Bridge'",
		"Set-X -BridgeName e":     "Set-X -BridgeName 'EMEA Bridge'",
		"Set-X -BridgeName 'Conf": "Set-X -BridgeName 'Conference Bridge",
	} {
		if got, _ := run(line); got != want {
			t.Errorf("OnTab on %q gives %q, want %q", line, got, want)
		}
	}
}

func TestQueryWithPendingLines(t *testing.T) {
	var seen string
	s := &suggester{
		complete: func(in string, cur int) completion {
			seen = in[:cur]
			return completion{Start: cur - 2, End: cur, Items: []completionItem{{Text: "$item"}}}
		},
		context: func() string { return "foreach ($item in 1..3) {\n" },
	}
	c := s.query("  $i", 4)
	if seen != "foreach ($item in 1..3) {\n  $i" || c.Start != 2 || c.End != 4 {
		t.Errorf("seen %q, span %d..%d", seen, c.Start, c.End)
	}
}

func TestByteCursor(t *testing.T) {
	if got := byteCursor("héllo", 2); got != 3 {
		t.Errorf("byteCursor = %d", got)
	}
	if got := byteCursor("ab", 5); got != 2 {
		t.Errorf("byteCursor past end = %d", got)
	}
}
