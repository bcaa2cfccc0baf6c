package format

import (
	"strings"
	"testing"
)

// spanRegistry is the view of Format-Table.Tests.ps1's "headers that
// span multiple rows" cases: three labelled columns of fixed widths.
func spanRegistry(w1, w2, w3 int, aligns ...Align) *Registry {
	if aligns == nil {
		aligns = []Align{AlignLeft, AlignLeft, AlignLeft}
	}
	r := NewRegistry()
	r.Register(View{TypeName: "Test.Format", Kind: TableView, Columns: []Column{
		{Label: "LongLongHeader", Property: "First", Width: w1, Align: aligns[0]},
		{Label: "Header2", Property: "Second", Width: w2, Align: aligns[1]},
		{Label: "Header3", Property: "Third", Width: w3, Align: aligns[2]},
	}})
	return r
}

// TestHeaderSpansRows checks pwsh 7.4's rule for a label longer than its
// column: it wraps within the column (TableWriter.GenerateTableRow), the
// other columns are blank up to the last one with text on that line.
// Expected tables from Format-Table.Tests.ps1.
func TestHeaderSpansRows(t *testing.T) {
	row := typed([]string{"Test.Format"}, "First", i32(1), "Second", i32(2), "Third", i32(3))
	cases := []struct {
		widths [3]int
		want   string
	}{
		{[3]int{7, 7, 7}, "\nLongLon Header2 Header3\ngHeader\n------- ------- -------\n1       2       3\n\n"},
		{[3]int{4, 7, 4}, "\nLong Header2 Head\nLong         er3\nHead\ner\n---- ------- ----\n1    2       3\n\n"},
		{[3]int{4, 4, 7}, "\nLong Head Header3\nLong er2\nHead\ner\n---- ---- -------\n1    2    3\n\n"},
		{[3]int{14, 7, 3}, "\nLongLongHeader Header2 Hea\n                       der\n                       3\n-------------- ------- ---\n1              2       3\n\n"},
	}
	for _, c := range cases {
		got := writeAll(t, spanRegistry(c.widths[0], c.widths[1], c.widths[2]), 120, row)
		if got != c.want {
			t.Errorf("widths %v:\ngot  %q\nwant %q", c.widths, got, c.want)
		}
	}
	// Right-aligned and wide values (the "Format-Table should correctly
	// render rows" case "wide values", center read as left here).
	wide := typed([]string{"Test.Format"}, "First", "12345", "Second", "12345678", "Third", "123456")
	got := writeAll(t, spanRegistry(4, 7, 5, AlignLeft, AlignRight, AlignLeft), 120, wide)
	want := "\nLong Header2 Heade\nLong         r3\nHead\ner\n---- ------- -----\n123… …345678 1234…\n\n"
	if got != want {
		t.Errorf("wide values:\ngot  %q\nwant %q", got, want)
	}
}

// manyColumns is a Format-Table with ten columns of a conferencing user.
func manyColumns() ([]any, []Column) {
	names := []string{"DisplayName", "SipAddress", "ConferenceId", "ServiceNumber", "TollFreeServiceNumber",
		"BridgeName", "AllowTollFreeDialIn", "AllowPstnOnlyMeeting", "LeaderPin", "TenantId"}
	var items []any
	for _, u := range []string{"Adele Vance", "Alex Wilber", "Megan Bowen"} {
		kv := []any{}
		for _, n := range names {
			v := any(n + " of " + u)
			switch n {
			case "ConferenceId":
				v = i32(3371945)
			case "AllowTollFreeDialIn", "AllowPstnOnlyMeeting":
				v = true
			}
			kv = append(kv, n, v)
		}
		items = append(items, obj(kv...))
	}
	return items, propColumns(names...)
}

// TestTableFitsEveryWidth renders default-looking and many-column tables
// at the widths of issue 15 and checks that no line is wider than the
// screen (the terminal never wraps a header or a row), that the dashes
// stand under their labels, and that truncated cells end with "…".
func TestTableFitsEveryWidth(t *testing.T) {
	items, cols := manyColumns()
	for _, width := range []int{20, 40, 80, 120} {
		for _, autosize := range []bool{false, true} {
			out, err := FormatTable(nil, items, TableOptions{Columns: cols, AutoSize: autosize, Width: width})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.Trim(out, "\n"), "\n")
			dash := -1
			for i, l := range lines {
				if n := cells(l); n > width {
					t.Errorf("width %d: line %d is %d cells: %q", width, i, n, l)
				}
				if dash < 0 && strings.HasPrefix(l, "-") {
					dash = i
				}
			}
			if dash < 1 {
				t.Fatalf("width %d: no dash line:\n%s", width, out)
			}
			// Every row below the dashes: a cell cut short ends with "…".
			for _, l := range lines[dash+1:] {
				for _, cell := range strings.Split(l, " ") {
					if strings.Contains(cell, "…") && !strings.HasSuffix(cell, "…") {
						t.Errorf("width %d: ellipsis inside a cell: %q", width, l)
					}
				}
			}
			if width == 120 && !strings.Contains(lines[0], "DisplayName") {
				t.Errorf("width 120: first label missing: %q", lines[0])
			}
			if width <= 40 && !strings.Contains(out, "…") {
				t.Errorf("width %d: nothing truncated:\n%s", width, out)
			}
		}
	}
}

// TestDroppedColumns checks ColumnWidthManager.TrimToFit: columns that do
// not fit are dropped from the right, the last kept one shrunk.
func TestDroppedColumns(t *testing.T) {
	items := []any{obj("Name", "Conference Bridge", "Identity", "9884626f-dcfb-49f4-8025-912f5bc68fdc", "Region", "NOAM")}
	out, _ := FormatTable(nil, items, TableOptions{Width: 40, AutoSize: true})
	want := "\nName              Identity\n----              --------\nConference Bridge 9884626f-dcfb-49f4-80…\n\n"
	if out != want {
		t.Errorf("got  %q\nwant %q", out, want)
	}
}

// TestHeaderStyleBytes checks the sequences of a decorated header against
// PSStyle.Tests.ps1 ("Truncation for strings with escape sequences"):
// each label cell, separator and padding included, in TableHeader, the
// dashes padded inside their accent, every cell closed by Reset, cells
// with sequences of their own cut by visible width and closed by Reset.
func TestHeaderStyleBytes(t *testing.T) {
	st := Style{TableHeader: "\x1b[32;1m", CustomTableHeaderLabel: "\x1b[32;1;3m", FormatAccent: "\x1b[32;1m", Reset: "\x1b[0m"}
	type demo struct {
		name, role string
		tenure     int
	}
	colors := map[int]string{2: "\x1b[32m", 6: "\x1b[33m", 13: "\x1b[31m"}
	var items []any
	for _, d := range []demo{{"Bob Saggat", "Developer", 2}, {"John Seymour", "Sw Engineer", 6}, {"Billy Bob Thornton", "Senior DevOps Engineer", 13}} {
		items = append(items, obj("Name", d.name, "Role", d.role, "Tenure", i32(d.tenure)))
	}
	cols := []Column{
		{Label: "Name", Width: 10, Value: func(it any) (any, error) {
			v, _ := member(it, "Name")
			n, _ := member(it, "Tenure")
			return colors[int(n.(int32))] + v.(string) + "\x1b[39m", nil
		}},
		{Label: "Role", Property: "Role", Width: 15},
		{Label: "YIR", Property: "Tenure", Width: 3},
	}
	out, err := FormatTable(nil, items, TableOptions{Columns: cols, Style: st})
	if err != nil {
		t.Fatal(err)
	}
	want := "\x1b[32;1mName      \x1b[0m\x1b[32;1m Role           \x1b[0m\x1b[32;1m YIR\x1b[0m\n" +
		"\x1b[32;1m----      \x1b[0m \x1b[32;1m----           \x1b[0m \x1b[32;1m---\x1b[0m\n" +
		"\x1b[32mBob Saggat\x1b[39m\x1b[0m Developer         2\n" +
		"\x1b[33mJohn Seym…\x1b[0m Sw Engineer       6\n" +
		"\x1b[31mBilly Bob…\x1b[0m Senior DevOps …  13\n"
	if got := strings.Trim(out, "\n") + "\n"; got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	// A view's label that is no property of the object takes
	// CustomTableHeaderLabel after the separator (right-aligned labels
	// padded inside it).
	r := testRegistry()
	p := typed([]string{"Test.Proc"}, "Id", i32(7), "Name", "pwsh", "CPU", 1.5)
	var b strings.Builder
	w := NewWriter(r, &b, Options{Width: 80, Style: st})
	w.Write(p)
	w.Close()
	head := strings.Split(strings.TrimLeft(b.String(), "\n"), "\n")[0]
	wantHead := "\x1b[32;1m    Id\x1b[0m \x1b[32;1;3mProcessName \x1b[0m \x1b[32;1;3m  CPU(s)\x1b[0m"
	if head != wantHead {
		t.Errorf("custom label header:\ngot  %q\nwant %q", head, wantHead)
	}
}

// TestCellsIgnoreEscapes checks that sequences take no room and wide
// characters two cells.
func TestCellsIgnoreEscapes(t *testing.T) {
	for s, want := range map[string]int{"\x1b[31mabc\x1b[0m": 3, "日本": 4, "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\": 4, "a…": 2} {
		if got := cells(s); got != want {
			t.Errorf("cells(%q) = %d, want %d", s, got, want)
		}
	}
	if got := fitField("日本語", 5, AlignLeft, true); got != "日本…" {
		t.Errorf("wide cut: %q", got)
	}
}

// TestWrapWithEscapes checks the word wrap of text with escape sequences
// against PSStyle.Tests.ps1 ("Word wrapping for string with escape
// sequences", "Splitting multi-line string with escape sequences",
// "Wrapping long word with escape sequences", "Truncation for strings with
// escape sequences - WideView"): each piece starts with the sequences seen
// so far and ends with Reset.
func TestWrapWithEscapes(t *testing.T) {
	st := Style{TableHeader: "\x1b[32;1m", FormatAccent: "\x1b[32;1m", Reset: "\x1b[0m"}
	list := func(o any, width int) string {
		out, err := FormatList(nil, []any{o}, ListOptions{Width: width, Style: st})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Trim(out, "\n")
	}
	cases := []struct{ got, want string }{
		{list(obj("LongDescription", "\x1b[33mPowerShell scripting language"), 35),
			"\x1b[32;1mLongDescription : \x1b[0m\x1b[33mPowerShell \x1b[0m\n" +
				"                  \x1b[33mscripting \x1b[0m\n" +
				"                  \x1b[33mlanguage\x1b[0m"},
		{list(obj("b", "\x1b[33mPowerShell is a task automation and configuration management program from Microsoft,\nconsisting of a command-line shell and the associated scripting language"), 120),
			"\x1b[32;1mb : \x1b[0m\x1b[33mPowerShell is a task automation and configuration management program from Microsoft,\x1b[0m\n" +
				"    \x1b[33mconsisting of a command-line shell and the associated scripting language\x1b[0m"},
		{list(obj("b", "\x1b[33mC:\\repos\\PowerShell\\src\\powershell-win-core\\bin\\Debug\\net8.0\\win7-x64\\publish\\pwsh.exe"), 40),
			"\x1b[32;1mb : \x1b[0m\x1b[33mC:\\repos\\PowerShell\\src\\powershell-w\x1b[0m\n" +
				"    \x1b[33min-core\\bin\\Debug\\net8.0\\win7-x64\\pu\x1b[0m\n" +
				"    \x1b[33mblish\\pwsh.exe\x1b[0m"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d:\ngot\n%q\nwant\n%q", i, c.got, c.want)
		}
	}
	var items []any
	for _, n := range []string{"\x1b[32mBob Saggat\x1b[39m", "\x1b[33mJohn Seymour\x1b[39m", "\x1b[31mBilly Bob Thorton\x1b[39m"} {
		items = append(items, obj("Name", n))
	}
	items = append(items, items...)
	out, err := FormatWide(nil, items, "Name", 2, 47)
	if err != nil {
		t.Fatal(err)
	}
	want := "\x1b[32mBob Saggat\x1b[39m             \x1b[0m \x1b[33mJohn Seymour\x1b[39m\x1b[0m\n" +
		"\x1b[31mBilly Bob Thorton\x1b[39m      \x1b[0m \x1b[32mBob Saggat\x1b[39m\x1b[0m\n" +
		"\x1b[33mJohn Seymour\x1b[39m           \x1b[0m \x1b[31mBilly Bob Thorton\x1b[39m\x1b[0m"
	if got := strings.Trim(out, "\n"); got != want {
		t.Errorf("wide:\ngot\n%q\nwant\n%q", got, want)
	}
}
