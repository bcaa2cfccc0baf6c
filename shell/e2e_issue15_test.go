//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hinshun/vt10x"
)

// One pty test per point of issue 15 that the other files do not cover:
// what an admin used to pwsh 7.4 with PSReadLine sees on the screen.

// shortDir is a temporary directory with a short name, so the prompt
// and the entry fit on one row.
func shortDir(t *testing.T) string {
	t.Helper()
	d, err := os.MkdirTemp("", "cs")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(d) })
	return d
}

// afterRow is the screen below the last prompt row ending with text.
func afterRow(vt vt10x.Terminal, text string) []string {
	rs := rows(vt)
	for i := len(rs) - 1; i >= 0; i-- {
		if strings.HasPrefix(rs[i], psPrompt) && strings.HasSuffix(rs[i], text) {
			return rs[i+1:]
		}
	}
	return nil
}

// 1: <command> -? shows help instead of running.
func TestE2EQuestionMarkShowsHelp(t *testing.T) {
	t.Parallel()
	s := startSession(t, shortDir(t))
	s.waitFor(psPrompt)
	s.markNow()
	s.line("Set-CsOnlineDialInConferencingUser -?")
	s.waitFor("\nNAME\n    Set-CsOnlineDialInConferencingUser\n")
	s.waitFor("\nSYNTAX\n")
	if strings.Contains(s.screen(), "cannot be found") {
		t.Errorf("-? was taken for a parameter:\n%s", s.screen())
	}
}

// 5: property names after a pipe, and a quoted value in one Tab.
func TestE2ECompletionAfterPipeAndQuotedValue(t *testing.T) {
	t.Parallel()
	s := startSession(t, shortDir(t))
	s.waitFor(psPrompt)
	s.waitEditing()
	s.typeText("Get-CsOnlineDialInConferencingUser | Select-Object Displ")
	s.key("\t")
	s.waitRows(promptLine(s, "Get-CsOnlineDialInConferencingUser | Select-Object DisplayName"))
	s.key("\x15")
	s.typeText("Get-CsOnlineDialInConferencingUser | Where-Object { $_.BridgeN")
	s.key("\t")
	s.waitRows(promptLine(s, "Get-CsOnlineDialInConferencingUser | Where-Object { $_.BridgeName"))
	s.key("\x15")
	s.typeText("Get-CsOnlineDialInConferencingBridge -Name ")
	s.key("\t")
	// Two bridges: no lone quote, the menu offers the quoted names and
	// Down takes the first whole.
	vt := s.waitScreen("the quoted bridge names", func(vt vt10x.Terminal) bool {
		return strings.Contains(strings.Join(afterRow(vt, "-Name"), "\n"), "'Conference Bridge'")
	})
	if _, r := lastPromptRow(vt); strings.HasSuffix(r, "'") {
		t.Errorf("a lone quote: %q", r)
	}
	s.key("\x1b[B")
	s.waitRows(promptLine(s, "Get-CsOnlineDialInConferencingBridge -Name 'Conference Bridge'"))
}

// 6: the mandatory prompt's header and a quiet Ctrl+C.
func TestE2EMandatoryPromptCtrlC(t *testing.T) {
	t.Parallel()
	s := startSession(t, shortDir(t))
	s.waitFor(psPrompt)
	s.line("function Ask { param([Parameter(Mandatory)][string]$Name) $Name }; Write-Output 1 | Ask")
	s.waitRows("cmdlet Ask at command pipeline position 2",
		"Supply values for the following parameters:", "Name:")
	s.key("\x03")
	s.waitEditing()
	s.line("$?")
	vt := s.waitScreen("$? after Ctrl+C", func(vt vt10x.Terminal) bool {
		out := afterRow(vt, "$?")
		return len(out) > 0 && out[0] == "False"
	})
	if strings.Contains(screenText(vt), "context canceled") || strings.Contains(screenText(vt), "Exception") {
		t.Errorf("Ctrl+C at the prompt printed an error:\n%s", screenText(vt))
	}
}

// 7: Get-Help wraps at word boundaries to the window.
func TestE2EHelpWrapsToTheWindow(t *testing.T) {
	t.Parallel()
	s := startSessionWith(t, shortDir(t), []string{"COLUMNS=60"})
	s.waitFor(psPrompt)
	s.line("Get-Help Set-CsOnlineDialInConferencingUser -Parameter SendEmailTo*")
	vt := s.waitScreen("the parameter's help", func(vt vt10x.Terminal) bool {
		return strings.Contains(screenText(vt), "Accept wildcard characters?")
	})
	all := rows(vt)
	start := rowIndex(all, []string{"-SendEmailToAddress <String>"})
	if start < 0 {
		t.Fatalf("no '-SendEmailToAddress <String>' line:\n%s", strings.Join(all, "\n"))
	}
	out := all[start:]
	// Greedy word wrap at the width less one: no row reaches the last
	// column, and the first word of a continued paragraph would not have
	// fitted on the row before.
	for i, r := range out {
		if len([]rune(r)) >= 60 {
			t.Errorf("row reaches the window's last column: %q", r)
		}
		if i == 0 || r == "" || out[i-1] == "" || strings.HasPrefix(r, psPrompt) ||
			strings.Contains(strings.TrimSpace(r), "  ") || strings.Contains(strings.TrimSpace(out[i-1]), "  ") {
			continue // not paragraph text (the attribute table's rows)
		}
		prevIndent := len(out[i-1]) - len(strings.TrimLeft(out[i-1], " "))
		indent := len(r) - len(strings.TrimLeft(r, " "))
		first := strings.Fields(r)[0]
		if indent == prevIndent && indent > 0 && len([]rune(out[i-1]))+1+len([]rune(first)) <= 59 {
			t.Errorf("%q would have fitted on the row before: %q", first, out[i-1])
		}
	}
	text := strings.Join(out, "\n")
	for _, w := range []string{"Required?", "Position?", "Accept wildcard characters?"} {
		if !strings.Contains(text, w) {
			t.Errorf("attribute table without %q:\n%s", w, text)
		}
	}
}

// 8: Get-History / r, #<text><Tab>, and Set-PSReadLineOption taking effect.
func TestE2EHistoryCommandsAndReadLineOptions(t *testing.T) {
	t.Parallel()
	s := startSession(t, shortDir(t))
	s.waitFor(psPrompt)
	s.line("Write-Output ('first' + '-entry')")
	s.waitFor("\nfirst-entry\n")
	s.line("Get-History | Select-Object -Last 1 -ExpandProperty CommandLine")
	s.waitFor("\nWrite-Output ('first' + '-entry')\n")
	s.markNow()
	s.line("r 1")
	s.waitFor("\nfirst-entry\n")
	s.waitEditing()
	s.typeText("#first")
	s.key("\t")
	s.waitRows(promptLine(s, "Write-Output ('first' + '-entry')"))
	s.key("\x15")
	s.markNow()
	s.line("(Get-Module PSReadLine).Name")
	s.waitFor("\nPSReadLine\n") // an interactive session has it loaded, as pwsh
	s.line("Set-PSReadLineOption -ContinuationPrompt '... '")
	s.waitEditing()
	s.typeText("if (1) {")
	s.key("\r")
	s.waitRows(promptLine(s, "if (1) {"), "...")
	s.key("\x03")
	s.line("Set-PSReadLineKeyHandler -Chord UpArrow -Function HistorySearchBackward")
	s.waitEditing()
	s.typeText("Write")
	s.key("\x1b[A")
	s.waitRows(promptLine(s, "Write-Output ('first' + '-entry')"))
}

// 9: table headers in $PSStyle's colour, never split; verbose yellow;
// a large range streams.
func TestE2EOutputLook(t *testing.T) {
	t.Parallel()
	s := startSessionWith(t, shortDir(t), []string{"NO_COLOR=", "TERM=xterm-256color", "COLUMNS=50"})
	s.waitFor(psPrompt)
	s.line("Get-CsOnlineDialInConferencingBridge | Format-Table Name, DefaultServiceNumber, Region, IsDefault, Identity")
	vt := s.waitScreen("the table", func(vt vt10x.Terminal) bool {
		return strings.Contains(screenText(vt), "Conference Bridge")
	})
	y := -1
	for i, r := range rows(vt) {
		if strings.HasPrefix(r, "Name ") {
			y = i
		}
		if len([]rune(r)) > 50 {
			t.Errorf("a row wider than the window: %q", r)
		}
	}
	if y < 0 {
		t.Fatalf("no header row:\n%s", screenText(vt))
	}
	if g, ok := cellAt(vt, y, "Name"); !ok || (g.FG != vt10x.Color(10) && g.FG != vt10x.Color(2)) { // TableHeader `e[32;1m: bold green
		t.Errorf("header coloured %d, want green", g.FG)
	}
	s.line("Write-Verbose 'loud' -Verbose")
	vt = s.waitRows("VERBOSE: loud")
	y = rowIndex(rows(vt), []string{"VERBOSE: loud"})
	if g, _ := cellAt(vt, y, "VERBOSE"); g.FG != vt10x.Color(11) && g.FG != vt10x.Color(3) {
		t.Errorf("verbose coloured %d, want yellow", g.FG)
	}
	s.markNow()
	s.line("1..100000000 | Select-Object -First 3")
	s.waitFor("\n1\n2\n3\n")
}

// 10: Get-Command shows a Version; -ResetLeaderPin:yes stays in history.
func TestE2EVersionsAndSwitchNotMasked(t *testing.T) {
	t.Parallel()
	dir := shortDir(t)
	s := startSession(t, dir)
	s.waitFor(psPrompt)
	s.line("Get-Command Get-CsOnlineDialInConferencingUser")
	vt := s.waitScreen("Get-Command's table", func(vt vt10x.Terminal) bool {
		return strings.Contains(screenText(vt), "MicrosoftTeams")
	})
	out := strings.Join(afterRow(vt, "Get-CsOnlineDialInConferencingUser"), "\n")
	if !strings.Contains(out, "Version") || !strings.Contains(out, "7.7.0") {
		t.Errorf("no Version column:\n%s", out)
	}
	s.line("Set-CsOnlineDialInConferencingUser -Identity nobody@contoso.com -ResetLeaderPin:yes -WhatIf -ErrorAction SilentlyContinue")
	s.line("exit")
	s.wait()
	data, err := os.ReadFile(filepath.Join(dir, "state", "csshell", "history"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "-ResetLeaderPin:yes") {
		t.Errorf("the switch's value was masked:\n%s", data)
	}
}
