package pester_test

import (
	"bytes"
	"strings"
	"testing"
)

// TestColours: on a terminal the lines carry Pester's theme (Describe
// Green, passed DarkGreen, failed Red, times DarkGray, discovery Magenta,
// the summary's Failed Red when something failed).
func TestColours(t *testing.T) {
	var buf bytes.Buffer
	rt, dir := newSession(t, &buf)
	h := rt.Host()
	h.Color = true
	h.Colorize = func(text, fg, bg string) string { return "<" + fg + ">" + text + "</>" }
	write(t, dir, "c.Tests.ps1", "Describe 'd' { Context 'c' { It 'ok' { 1 | Should -Be 1 } }; It 'bad' { 1 | Should -Be 2 }; It 'skip' -Skip { } }")
	out := run(t, rt, &buf, "Invoke-Pester -Output Detailed")
	for _, want := range []string{
		"<Magenta>Pester v5.7.1</>",
		"<Magenta>Running tests.</>",
		"<Green>Describing d</>",
		"<Cyan> Context c</>",
		"<DarkGreen>   [+] ok</><DarkGray> 0ms (0ms|0ms)</>",
		"<Red>  [-] bad</><DarkGray> 0ms (0ms|0ms)</>",
		"<Red>   Expected 2, but got 1.</>",
		"<Yellow>  [!] skip</>",
		"<White>Tests completed in 0ms</>",
		"<White>Tests Passed: 1, </><Red>Failed: 1, </><Yellow>Skipped: 1, </><DarkGray>Inconclusive: 0, </><DarkGray>NotRun: 0</>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}
