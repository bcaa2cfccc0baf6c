//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"strings"
	"testing"
	"time"

	prompt "github.com/c-bata/go-prompt"
)

// BenchmarkKeystrokeToRender measures, on the real binary in a pty, the
// time from writing one key to reading back the redrawn line that shows
// it. go-prompt polls its input every 10 ms, which bounds the figure from
// below.
func BenchmarkKeystrokeToRender(b *testing.B) {
	benchRoundTrip(b, func(s *session, i int) (string, string) {
		c := string(rune('a' + i%26))
		return c, c
	})
}

// BenchmarkTabToMenu measures a Tab that opens the completion menu for a
// command-name prefix: key, completer, menu drawn.
func BenchmarkTabToMenu(b *testing.B) {
	benchRoundTrip(b, func(s *session, i int) (string, string) {
		s.key("\x15") // Ctrl-U: empty line
		s.typeText("Get-CsOnlineDial")
		return "\t", "Get-CsOnlineDialIn"
	})
}

// benchRoundTrip runs csshell in a pty and times step's key until the
// output shows want.
func benchRoundTrip(b *testing.B, step func(s *session, i int) (key, want string)) {
	if csshellBin == "" {
		b.Skipf("no binary: %v", buildErr)
	}
	s := startSession(b, b.TempDir())
	s.waitFor(psPrompt)
	var total time.Duration
	for i := 0; i < b.N; i++ {
		if i%40 == 0 {
			s.key("\x15")
		}
		key, want := step(s, i)
		s.markNow()
		start := time.Now()
		s.master.Write([]byte(key))
		for !strings.Contains(s.screen(), want) {
			if time.Since(start) > 5*time.Second {
				b.Fatalf("no render of %q", want)
			}
			time.Sleep(200 * time.Microsecond)
		}
		total += time.Since(start)
		time.Sleep(15 * time.Millisecond) // let go-prompt settle before the next key
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/key")
	b.StopTimer()
}

// BenchmarkSuggestTyping is the completer adapter's cost on an ordinary
// key: nothing is computed until Tab.
func BenchmarkSuggestTyping(b *testing.B) {
	s := &suggester{complete: func(string, int) completion { return completion{} }}
	for i := 0; i < b.N; i++ {
		s.suggest(prompt.Key(-1), "Get-CsOnlineUser -Identity ann", 30)
	}
}
