package shell

import (
	"bytes"
	"testing"
)

func TestSGRStripper(t *testing.T) {
	var b bytes.Buffer
	s := &sgrStripper{w: &b}
	for _, part := range []string{"\x1b[31mred\x1b[0m ", "\x1b", "[1;3", "3mbold\x1b[0m \x1b[2Kkeep"} {
		s.Write([]byte(part))
	}
	if got := b.String(); got != "red bold \x1b[2Kkeep" {
		t.Errorf("got %q", got)
	}
}

func TestColorEnabled(t *testing.T) {
	env := map[string]string{}
	get := func(k string) string { return env[k] }
	if !colorEnabled(get, true) || colorEnabled(get, false) {
		t.Error("terminal decides when no variable is set")
	}
	env["NO_COLOR"] = "1"
	if colorEnabled(get, true) {
		t.Error("NO_COLOR ignored")
	}
	env["NO_COLOR"], env["TERM"] = "", "dumb"
	if colorEnabled(get, true) {
		t.Error("TERM=dumb ignored")
	}
}

// Write-Host's -ForegroundColor names are ConsoleColors: Yellow is
// bright yellow whatever the text (no special case for a "VERBOSE: "
// prefix: the streams have their own $PSStyle colours in the engine).
func TestColorizeConsoleColors(t *testing.T) {
	if got := colorize("VERBOSE: x", "Yellow", ""); got != "\x1b[93mVERBOSE: x\x1b[0m" {
		t.Errorf("Yellow: %q", got)
	}
	if got := colorize("x", "DarkYellow", "DarkBlue"); got != "\x1b[33;44mx\x1b[0;0m" {
		t.Errorf("DarkYellow on DarkBlue: %q", got)
	}
	if got := colorize("WARNING: x", "Yellow", ""); got != "\x1b[93mWARNING: x\x1b[0m" {
		t.Errorf("warning: %q", got)
	}
	if got := colorize("oops", "Red", ""); got != "\x1b[91moops\x1b[0m" {
		t.Errorf("error: %q", got)
	}
}
