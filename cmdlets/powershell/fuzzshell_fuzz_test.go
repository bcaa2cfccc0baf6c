package powershell

import (
	"bytes"
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/engine"
)

// fuzzShell is one runtime with the core cmdlets, shared by the fuzz
// inputs of a process (one at a time), its location a directory of its
// own that outlives each input's t.
type fuzzShell struct {
	mu  sync.Mutex
	rt  *engine.Runtime
	out *bytes.Buffer
	dir string
}

var fuzzShellOnce struct {
	sync.Once
	s   *fuzzShell
	err error
}

// sharedFuzzShell returns the process's fuzz shell.
func sharedFuzzShell(tb testing.TB) *fuzzShell {
	fuzzShellOnce.Do(func() {
		dir, err := os.MkdirTemp("", "csshell-fuzz")
		if err != nil {
			fuzzShellOnce.err = err
			return
		}
		var buf bytes.Buffer
		rt := newTestRuntime(&buf)
		rt.SetLocation(dir)
		fuzzShellOnce.s = &fuzzShell{rt: rt, out: &buf, dir: dir}
	})
	if fuzzShellOnce.err != nil {
		tb.Fatal(fuzzShellOnce.err)
	}
	return fuzzShellOnce.s
}

// fuzzDeadline is how long one fuzz input may run before it counts as a
// hang: far beyond what any input of the bounded sizes the targets accept
// needs, so it is a watchdog, not a timing assertion.
const fuzzDeadline = 30 * time.Second

// run executes script (the caller holds s.mu) and fails t when it hangs
// or ends in a Go panic the engine caught (an internal error).
func (s *fuzzShell) run(t *testing.T, script string) string {
	t.Helper()
	s.out.Reset()
	s.rt.ClearErrors()
	ctx, cancel := context.WithTimeout(context.Background(), fuzzDeadline)
	defer cancel()
	s.rt.Execute(ctx, "<fuzz>", script)
	if ctx.Err() != nil {
		t.Fatalf("still running after %v: %s", fuzzDeadline, script)
	}
	out := s.out.String()
	if strings.Contains(out, "internal error") {
		t.Fatalf("a Go panic inside: %s\n%s", script, out)
	}
	for _, e := range s.rt.Errors() {
		if rec, ok := e.(*engine.ErrorRecord); ok && rec.ErrorID == "InternalError" {
			t.Fatalf("a Go panic inside: %s\n%s", script, rec.Message)
		}
	}
	return out
}
