package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/internal/transcript"
)

// runColored runs script on a host that shows colour (or not) and
// returns what it wrote.
func runColored(t *testing.T, color bool, script string) string {
	t.Helper()
	var buf bytes.Buffer
	rt := transcript.NewRuntime(&buf, cmdlets.Register)
	rt.Host().Color = color
	rt.ExecuteInput(context.Background(), "<prompt>", script)
	return buf.String()
}

// TestStreamColors checks the warning, verbose and debug lines against
// pwsh 7.4's console host (WriteWarningLine and co.): the prefix and the
// message in $PSStyle.Formatting.<stream>, then $PSStyle.Reset, on a
// terminal that renders ANSI; plain under PlainText or without colour.
func TestStreamColors(t *testing.T) {
	script := "Write-Verbose 'v' -Verbose; Write-Warning 'w'; Write-Debug 'd' -Debug"
	want := "\x1b[33;1mVERBOSE: v\x1b[0m\n\x1b[33;1mWARNING: w\x1b[0m\n\x1b[33;1mDEBUG: d\x1b[0m\n"
	if got := runColored(t, true, script); got != want {
		t.Errorf("colour terminal:\ngot  %q\nwant %q", got, want)
	}
	plain := "VERBOSE: v\nWARNING: w\nDEBUG: d\n"
	if got := runColored(t, false, script); got != plain {
		t.Errorf("no colour:\ngot  %q\nwant %q", got, plain)
	}
	if got := runColored(t, true, "$PSStyle.OutputRendering = 'PlainText'; "+script); got != plain {
		t.Errorf("PlainText:\ngot  %q\nwant %q", got, plain)
	}
	got := runColored(t, true, "$PSStyle.Formatting.Verbose = $PSStyle.Foreground.Cyan; Write-Verbose 'v' -Verbose")
	if got != "\x1b[36mVERBOSE: v\x1b[0m\n" {
		t.Errorf("changed style: %q", got)
	}
}

// TestErrorColors checks ConciseView's sequences (the ErrorRecord view
// of PowerShellCore_format_ps1xml.cs): label and message in
// Formatting.Error, the position lines in ErrorAccent with the offending
// span accented, Reset at the end.
func TestErrorColors(t *testing.T) {
	got := runColored(t, true, "Write-Error 'boom'")
	if want := "\x1b[31;1mWrite-Error: \x1b[31;1mboom\x1b[0m\n"; got != want {
		t.Errorf("one line:\ngot  %q\nwant %q", got, want)
	}
	got = runColored(t, true, "\n$x = 1 +")
	for _, part := range []string{"\x1b[31;1mParserError: \n", "\x1b[36;1mLine |\n", "\x1b[36;1m   2 | \x1b[0m",
		"\x1b[36;1m     | \x1b[31;1m", "\x1b[0m\n"} {
		if !strings.Contains(got, part) {
			t.Errorf("parse error lacks %q:\n%q", part, got)
		}
	}
	if got := runColored(t, false, "Write-Error 'boom'"); got != "Write-Error: boom\n" {
		t.Errorf("no colour: %q", got)
	}
}
