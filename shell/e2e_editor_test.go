//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"strings"
	"testing"

	"github.com/hinshun/vt10x"
)

// The line editor as a PSReadLine user meets it (issue 15), asserted on
// the emulated screen.

func TestE2EReverseSearch(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	s.line("Write-Output date-one")
	s.waitFor("\ndate-one\n")
	s.line("Write-Output other")
	s.waitFor("\nother\n")
	s.line("Write-Output date-two")
	s.waitFor("\ndate-two\n")
	s.waitEditing()
	s.typeText("typed")
	s.key("\x12") // Ctrl+R: an empty search under the line
	s.waitRows(promptLine(s, "typed"), "bck-i-search: _")
	s.typeText("date")
	vt := s.waitRows(promptLine(s, "Write-Output date-two"), "bck-i-search: date_")
	// The cursor is on the match.
	if c := vt.Cursor(); c.X != len([]rune(promptLine(s, "Write-Output "))) {
		t.Errorf("cursor at column %d, want on the match", c.X)
	}
	s.key("\x12") // an older match
	s.waitRows(promptLine(s, "Write-Output date-one"), "bck-i-search: date_")
	s.key("\x13") // Ctrl+S: newer again, searching forward now
	s.waitRows(promptLine(s, "Write-Output date-two"), "fwd-i-search: date_")
	s.key("\x1b") // Esc: the line as it was, no search line
	vt = s.waitScreen("the line restored", func(vt vt10x.Terminal) bool {
		_, r := lastPromptRow(vt)
		return r == promptLine(s, "typed") && !strings.Contains(screenText(vt), "bck-i-search")
	})
	s.key("\x15") // Ctrl+U
	s.key("\x12")
	s.typeText("one")
	s.waitRows(promptLine(s, "Write-Output date-one"), "bck-i-search: one_")
	s.markNow()
	s.key("\r") // Enter runs the entry found
	s.waitFor("\ndate-one\n")
	_ = vt
}

func TestE2EMultiLineEntryRecalledWhole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := startSession(t, dir)
	s.waitFor(psPrompt)
	s.line("foreach ($i in 1..2) {")
	s.waitRows(promptLine(s, "foreach ($i in 1..2) {"), ">>")
	s.line("  \"n$i\"")
	s.markNow()
	s.line("}")
	s.waitFor("\nn1\nn2\n")
	s.waitEditing()
	// Up gives the whole entry back, on three lines, and one Enter runs it.
	s.key("\x1b[A")
	s.waitRows(promptLine(s, "foreach ($i in 1..2) {"), `>>   "n$i"`, ">> }")
	// Edit it: Up moves to the line above, End, type; Enter runs.
	s.key("\x1b[A") // the previous Up recalled history, so this one goes on: nothing older
	s.key("\x1b[D") // Left: now editing
	s.key("\x1b[A") // up one line
	s.key("\x05")   // Ctrl+E: end of that line
	s.typeText(" + '!'")
	s.waitRows(promptLine(s, "foreach ($i in 1..2) {"), `>>   "n$i" + '!'`, ">> }")
	s.markNow()
	s.key("\r")
	s.waitFor("\nn1!\nn2!\n")
	s.line("exit")
	s.wait()

	// After a restart the entry comes back whole too.
	s2 := startSession(t, dir)
	s2.waitFor(psPrompt)
	s2.waitEditing()
	s2.key("\x1b[A") // exit
	s2.key("\x1b[A") // the edited entry
	s2.waitRows(promptLine(s2, "foreach ($i in 1..2) {"), `>>   "n$i" + '!'`, ">> }")
	s2.markNow()
	s2.key("\r")
	s2.waitFor("\nn1!\nn2!\n")
}

func TestE2EColoursAndPrediction(t *testing.T) {
	t.Parallel()
	s := startSessionWith(t, t.TempDir(), []string{"NO_COLOR=", "TERM=xterm-256color"})
	s.waitFor(psPrompt)
	s.line("Get-Date -Date 2024-05-06 -Format yyyy")
	s.waitFor("2024")
	s.waitEditing()
	s.typeText("Get-Da")
	// The rest of the history entry shows after the cursor, dimmed.
	vt := s.waitRows(promptLine(s, "Get-Date -Date 2024-05-06 -Format yyyy"))
	y, _ := lastPromptRow(vt)
	if c := vt.Cursor(); c.X != len(promptLine(s, "Get-Da")) || c.Y != y {
		t.Errorf("cursor at %d,%d; want after the typed text", c.X, c.Y)
	}
	cmd, _ := cellAt(vt, y, "Get-Da")
	pred, _ := cellAt(vt, y, "te -Date")
	if cmd.FG != vt10x.Color(11) { // PSReadLine's CommandColor "\e[93m": bright yellow
		t.Errorf("command coloured %d, want 11 (bright yellow)", cmd.FG)
	}
	if pred.FG == cmd.FG {
		t.Errorf("the prediction is coloured as typed text")
	}
	// → accepts it; Enter runs it.
	s.key("\x1b[C")
	s.markNow()
	s.key("\r")
	s.waitFor("2024")
	// Token colours: parameter, string, variable, number.
	s.waitEditing()
	s.typeText(`$v = 'x' -f 42`)
	vt = s.waitRows(promptLine(s, `$v = 'x' -f 42`))
	y, _ = lastPromptRow(vt)
	for _, c := range []struct {
		text string
		fg   vt10x.Color
	}{{"$v", 10}, {"'x'", 6}, {"42", 15}, {"-f", 8}} {
		g, ok := cellAt(vt, y, c.text)
		if !ok || g.FG != c.fg {
			t.Errorf("%s coloured %d, want %d", c.text, g.FG, c.fg)
		}
	}
	// An entry that cannot parse: the prompt's '>' turns red.
	s.key("\x15")
	s.typeText("Get-Date )")
	vt = s.waitRows(promptLine(s, "Get-Date )"))
	y, _ = lastPromptRow(vt)
	if g, _ := cellAt(vt, y, "> Get-Date"); g.FG != vt10x.Color(9) {
		t.Errorf("prompt of a line that does not parse coloured %d, want 9 (red)", g.FG)
	}
}

func TestE2EMenuKeys(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	s.line("$menuA1 = 'a1'; $menuA2 = 'a2'; $menuA3 = 'a3'")
	s.waitEditing()
	s.typeText("$menuA")
	s.key("\t") // opens the menu
	s.waitRows(promptLine(s, "$menuA"))
	s.waitScreen("the menu", func(vt vt10x.Terminal) bool { return strings.Contains(screenText(vt), "$menuA3") })
	s.key("\x1b[B") // Down selects the first item
	s.waitRows(promptLine(s, "$menuA1"))
	s.key("\x1b[B")
	s.waitRows(promptLine(s, "$menuA2"))
	s.key("\x1b[A") // Up goes back, not to history
	s.waitRows(promptLine(s, "$menuA1"))
	s.key("\x1b[C") // Right: next item
	s.waitRows(promptLine(s, "$menuA2"))
	s.key("\x1b") // Esc: back to what was typed, menu closed
	s.waitScreen("the typed text back", func(vt vt10x.Terminal) bool {
		y, r := lastPromptRow(vt)
		return r == promptLine(s, "$menuA") && !strings.Contains(strings.Join(rows(vt)[y+1:], "\n"), "$menuA3")
	})
	s.key("\t")
	s.key("\x1b[B")
	s.waitRows(promptLine(s, "$menuA1"))
	s.key("\r") // Enter takes the item; the line does not run yet
	s.waitScreen("the item taken", func(vt vt10x.Terminal) bool {
		y, r := lastPromptRow(vt)
		return r == promptLine(s, "$menuA1") && !strings.Contains(strings.Join(rows(vt)[y+1:], "\n"), "$menuA3")
	})
	s.markNow()
	s.key("\r")
	s.waitFor("\na1\n")
}

// promptLine is the prompt row showing text (the session's location is
// its directory).
func promptLine(s *session, text string) string {
	return "PS " + s.cmd.Dir + "> " + text
}

// Ctrl-C stops a command; the next prompt starts on a line of its own,
// not after the ^C the terminal echoed.
func TestE2ECtrlCPromptOnFreshLine(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	s.line("Write-Host -NoNewline ('wait' + 'ing'); Start-Sleep -Seconds 30")
	s.waitFor("\nwaiting")
	s.key("\x03")
	vt := s.waitScreen("a fresh prompt", func(vt vt10x.Terminal) bool {
		y, r := lastPromptRow(vt)
		return y > 0 && r == strings.TrimSpace(promptLine(s, "")) && !strings.HasPrefix(rows(vt)[y-1], psPrompt)
	})
	for _, r := range rows(vt) {
		if strings.Contains(r, "^C"+psPrompt) || strings.Contains(r, "waiting"+psPrompt) {
			t.Errorf("the prompt follows other text: %q", r)
		}
	}
}
