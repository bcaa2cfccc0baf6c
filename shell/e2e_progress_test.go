//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"strings"
	"testing"

	"github.com/hinshun/vt10x"
)

// progressRow is the row of the screen that starts with prefix, or -1.
func progressRow(vt vt10x.Terminal, prefix string) int {
	for i, r := range rows(vt) {
		if strings.HasPrefix(r, prefix) {
			return i
		}
	}
	return -1
}

// TestE2EProgressViews runs Write-Progress in a real terminal and reads
// the emulated screen: the Minimal bar is one row, narrower than the
// window, its filled part in reverse video and the rest not, gone once
// the command ends; $PSStyle.Progress.View = 'Classic' draws the block
// with the "ooo" thermometer instead, gone too.
func TestE2EProgressViews(t *testing.T) {
	t.Parallel()
	s := startSessionWith(t, shortDir(t), []string{"NO_COLOR=", "TERM=xterm-256color", "COLUMNS=60"})
	s.waitFor(psPrompt)
	s.line("foreach ($i in 1..6) { Write-Progress -Activity Working -Status \"item $i\" -PercentComplete 50; Start-Sleep -Milliseconds 300 }; 'done'")
	vt := s.waitScreen("the Minimal bar", func(vt vt10x.Terminal) bool { return progressRow(vt, "Working [item") >= 0 })
	y := progressRow(vt, "Working [item")
	bar := strings.TrimRight(rows(vt)[y], " ")
	if n := len([]rune(bar)); n >= 60 || !strings.HasSuffix(bar, "]") {
		t.Errorf("bar %q (%d cells) not within the window", bar, n)
	}
	filled, _ := cellAt(vt, y, "item")
	vt.Lock()
	empty := vt.Cell(len([]rune(bar))-2, y)
	vt.Unlock()
	if filled.BG == vt10x.DefaultBG || empty.BG != vt10x.DefaultBG {
		t.Errorf("reverse video: filled part bg %d, rest bg %d", filled.BG, empty.BG)
	}
	vt = s.waitRows("done")
	if progressRow(vt, "Working [") >= 0 {
		t.Errorf("bar left on the screen:\n%s", screenText(vt))
	}
	s.line("$PSStyle.Progress.View = 'Classic'; foreach ($i in 1..6) { Write-Progress -Activity Copying -Status \"file $i\" -PercentComplete 50; Start-Sleep -Milliseconds 300 }; 'copied'")
	vt = s.waitScreen("the Classic block", func(vt vt10x.Terminal) bool { return progressRow(vt, "    [ooo") >= 0 })
	if progressRow(vt, " Copying") < 0 || progressRow(vt, "    file ") < 0 {
		t.Errorf("classic block incomplete:\n%s", screenText(vt))
	}
	vt = s.waitRows("copied")
	if progressRow(vt, "    [ooo") >= 0 {
		t.Errorf("classic block left on the screen:\n%s", screenText(vt))
	}
}
