package powershell

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHelpWrap checks the word wrap against GenerateLinesWithWordWrap's
// rules (pwsh's ComplexWriter.cs).
func TestHelpWrap(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		line          string
		first, follow int
		want          []string
	}{
		{"fits", "abc def", 7, 7, []string{"abc def"}},
		{"breaks between words", "aaa bbb ccc", 8, 8, []string{"aaa bbb ", "ccc"}},
		// A word is placed with the blank after it: "bbbbb" would fit
		// after "aaaa " in 10 cells, "bbbbb " does not.
		{"a word carries its blank", "aaaa bbbbb cc", 10, 10, []string{"aaaa ", "bbbbb cc"}},
		{"the last word has no blank", "aaaa bbbbb", 10, 10, []string{"aaaa bbbbb"}},
		// A word longer than a line starts where the line is and is cut.
		{"long word cut", "ab cdefghij k", 5, 5, []string{"ab cd", "efghi", "j k"}},
		{"hanging: later lines narrower", "aa bb cc dd", 6, 3, []string{"aa bb ", "cc ", "dd"}},
		{"empty", "", 5, 5, []string{""}},
	}
	for _, tt := range tests {
		if got := helpWrap(tt.line, tt.first, tt.follow); !slices.Equal(got, tt.want) {
			t.Errorf("%s: helpWrap(%q, %d, %d) = %q, want %q", tt.name, tt.line, tt.first, tt.follow, got, tt.want)
		}
	}
}

// TestHelpBlockHanging checks a frame with a hanging first line: the
// first line at the frame's indentation, the others further in.
func TestHelpBlockHanging(t *testing.T) {
	t.Parallel()
	got := helpBlock{indent: 4, hanging: 2, text: "1. one two three four"}.layout(14)
	want := []string{"    1. one ", "      two ", "      three ", "      four"}
	if !slices.Equal(got, want) {
		t.Errorf("layout = %q, want %q", got, want)
	}
}

// wideFunction has comment-based help with long paragraphs.
const wideFunction = `function Set-Wide {
<#
.SYNOPSIS
Sets the conferencing bridge of every user that the organization moved to the new region last quarter.
.DESCRIPTION
The Set-Wide function reads the list of users, finds each one's conferencing bridge, and moves the bridge assignment to the bridge of the region the user now belongs to, writing one line per user.
.PARAMETER Identity
Specifies the user principal names of the users whose conferencing bridge is moved to the new region's bridge, one user after the other.
#>
[CmdletBinding()]
param([Parameter(Position = 0)][string[]]$Identity, [switch]$PassThru)
}`

// helpRun runs script in a session whose console is width columns wide.
func helpRun(t *testing.T, width int, script string) string {
	t.Helper()
	var buf bytes.Buffer
	rt := newTestRuntime(&buf)
	rt.Host().Width = width
	rt.Execute(context.Background(), "<test>", wideFunction)
	buf.Reset()
	rt.Execute(context.Background(), "<test>", script)
	return buf.String()
}

// TestGetHelpWrapsToTheWindow: at every width Get-Help's lines fit in the
// window less one column, wrapped lines keep their section's (4) or
// parameter description's (8) indentation, and no word is broken.
func TestGetHelpWrapsToTheWindow(t *testing.T) {
	t.Parallel()
	wide := helpRun(t, 400, "Get-Help Set-Wide -Full")
	for _, width := range []int{40, 60, 80, 120} {
		got := helpRun(t, width, "Get-Help Set-Wide -Full")
		for _, l := range strings.Split(got, "\n") {
			if n := utf8.RuneCountInString(l); n > width-1 {
				t.Errorf("width %d: line of %d cells: %q", width, n, l)
			}
		}
		if strings.Join(strings.Fields(got), "") != strings.Join(strings.Fields(wide), "") {
			t.Errorf("width %d: the text differs from the unwrapped help:\n%s", width, got)
		}
		// A word is only ever cut when it is longer than a line.
		wideWords := strings.Fields(wide)
		for _, w := range strings.Fields(got) {
			if slices.Contains(wideWords, w) {
				continue
			}
			if !slices.ContainsFunc(wideWords, func(x string) bool { return len(x) > width-9 && strings.Contains(x, w) }) {
				t.Errorf("width %d: word %q broken though it fits a line:\n%s", width, w, got)
			}
		}
		lines := strings.Split(got, "\n")
		i := slices.IndexFunc(lines, func(s string) bool { return strings.HasPrefix(s, "    The Set-Wide function") })
		if i < 0 || !strings.HasPrefix(lines[i+1], "    ") || strings.HasPrefix(lines[i+1], "     ") {
			t.Errorf("width %d: DESCRIPTION does not continue at 4:\n%s", width, got)
		}
		j := slices.IndexFunc(lines, func(s string) bool { return strings.HasPrefix(s, "        Specifies the user principal") })
		if j < 0 || !strings.HasPrefix(lines[j+1], "        ") || strings.HasPrefix(lines[j+1], "         ") {
			t.Errorf("width %d: the parameter's description does not continue at 8:\n%s", width, got)
		}
	}
}

// TestGetHelpSyntaxWraps: a long syntax line wraps at a word boundary and
// continues at the section's indentation (pwsh's syntax frame has no
// hanging indentation).
func TestGetHelpSyntaxWraps(t *testing.T) {
	t.Parallel()
	got := helpRun(t, 40, "Get-Help Set-Wide")
	want := "SYNTAX\n    Set-Wide [[-Identity] <String[]>]\n    [-PassThru] [<CommonParameters>]\n"
	if !strings.Contains(got, want) {
		t.Errorf("SYNTAX at 40 columns: want %q in\n%s", want, got)
	}
}

// TestGetHelpOutStringWidth: the help is laid out again at the width of
// Out-String -Width.
func TestGetHelpOutStringWidth(t *testing.T) {
	t.Parallel()
	got := helpRun(t, 120, "Get-Help Set-Wide -Full | Out-String -Width 50")
	long := 0
	for _, l := range strings.Split(got, "\n") {
		if n := utf8.RuneCountInString(l); n > 50 {
			t.Errorf("line of %d cells under -Width 50: %q", n, l)
		}
		long = max(long, utf8.RuneCountInString(l))
	}
	if long < 45 {
		t.Errorf("lines no longer than %d: not laid out at 50?\n%s", long, got)
	}
}

// TestHelpPages: help (the function) hands long help to the host's pager
// on a terminal; Get-Help never pages, nor does help for a listing.
func TestHelpPages(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		script string
		paged  bool
	}{
		{"help Get-Content", true},
		{"help Get-Content -Parameter Path", true},
		{"Get-Help Get-Content", false},
		{"Get-Help Get-Content -Full", false},
		{"help Get-Cont*", false},
	} {
		var buf bytes.Buffer
		rt := newTestRuntime(&buf)
		var pages []string
		rt.Host().Page = func(text string) error { pages = append(pages, text); return nil }
		rt.Execute(context.Background(), "<test>", tt.script)
		switch {
		case tt.paged && (len(pages) != 1 || buf.Len() != 0):
			t.Errorf("%s: paged %d times, wrote %q; want one page and no output", tt.script, len(pages), buf.String())
		case !tt.paged && (len(pages) != 0 || buf.Len() == 0):
			t.Errorf("%s: paged %d times, wrote %q; want output and no page", tt.script, len(pages), buf.String())
		}
		if tt.script == "help Get-Content" && len(pages) == 1 {
			if !strings.Contains(pages[0], "\nPARAMETERS\n") {
				t.Errorf("help Get-Content: the page is not the full view:\n%s", pages[0])
			}
			for _, l := range strings.Split(pages[0], "\n") {
				if utf8.RuneCountInString(l) > 119 {
					t.Errorf("paged line wider than the console less one: %q", l)
				}
			}
		}
	}
}
