//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"strings"
	"time"

	"github.com/hinshun/vt10x"
)

// The editor tests assert what the terminal shows, not the bytes sent to
// it: the session's whole output is played into a VT100 emulator
// (hinshun/vt10x) of the pseudo-terminal's size, and the test reads its
// screen — rows, cursor, each cell's colour.

// vtScreen is the emulated terminal after all the output so far.
func (s *session) vtScreen() vt10x.Terminal {
	s.mu.Lock()
	data := append([]byte(nil), s.out.Bytes()...)
	s.mu.Unlock()
	vt := vt10x.New(vt10x.WithSize(s.cols, s.rows))
	vt.Write(data)
	return vt
}

// rows are the screen's rows, trailing blanks removed.
func rows(vt vt10x.Terminal) []string {
	vt.Lock()
	defer vt.Unlock()
	cols, n := vt.Size()
	out := make([]string, n)
	for y := 0; y < n; y++ {
		var b strings.Builder
		for x := 0; x < cols; x++ {
			c := vt.Cell(x, y).Char
			if c == 0 {
				c = ' '
			}
			b.WriteRune(c)
		}
		out[y] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// screenText is the screen's rows joined by newlines.
func screenText(vt vt10x.Terminal) string {
	return strings.Join(rows(vt), "\n")
}

// waitScreen waits until the screen satisfies ok.
func (s *session) waitScreen(what string, ok func(vt vt10x.Terminal) bool) vt10x.Terminal {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		vt := s.vtScreen()
		if ok(vt) {
			return vt
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screenText(vt))
		}
		time.Sleep(30 * time.Millisecond)
	}
}

// waitRows waits until the screen has consecutive rows equal to want
// (compared after trimming trailing blanks).
func (s *session) waitRows(want ...string) vt10x.Terminal {
	s.t.Helper()
	return s.waitScreen(strings.Join(want, "⏎"), func(vt vt10x.Terminal) bool {
		return rowIndex(rows(vt), want) >= 0
	})
}

// rowIndex is the first row where want's rows start, or -1.
func rowIndex(screen, want []string) int {
	for i := 0; i+len(want) <= len(screen); i++ {
		match := true
		for j, w := range want {
			if screen[i+j] != w {
				match = false
				break
			}
		}
		if match {
			return i
		}
	}
	return -1
}

// lastPromptRow is the last row starting with the prompt.
func lastPromptRow(vt vt10x.Terminal) (int, string) {
	rs := rows(vt)
	for i := len(rs) - 1; i >= 0; i-- {
		if strings.HasPrefix(rs[i], psPrompt) {
			return i, rs[i]
		}
	}
	return -1, ""
}

// cellAt finds text on row y, after the prompt's "> " when the row has
// one, and returns the cell of its first rune.
func cellAt(vt vt10x.Terminal, y int, text string) (vt10x.Glyph, bool) {
	r := rows(vt)[y]
	from := 0
	if p := strings.Index(r, "> "); p >= 0 && !strings.HasPrefix(text, "> ") {
		from = p + 2
	}
	i := strings.Index(r[from:], text)
	if i < 0 {
		return vt10x.Glyph{}, false
	}
	i += from
	vt.Lock()
	defer vt.Unlock()
	return vt.Cell(len([]rune(r[:i])), y), true
}
