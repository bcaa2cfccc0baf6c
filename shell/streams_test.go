package shell

import (
	"bytes"
	"testing"

	"github.com/csshell/csshell/engine"
)

// pwsh's console host draws no progress bar when stdout is redirected,
// even when stderr is a terminal.
func TestNoProgressWhenStdoutRedirected(t *testing.T) {
	env := func(string) string { return "" }
	var out, errw bytes.Buffer
	if s := setupStreams(engine.NewHost(nil, &out, &errw), env, false, true); s.progress != nil {
		t.Error("a progress bar with stdout redirected")
	}
	if s := setupStreams(engine.NewHost(nil, &out, &errw), env, true, true); s.progress == nil {
		t.Error("no progress bar on a terminal")
	}
	dumb := func(k string) string {
		if k == "TERM" {
			return "dumb"
		}
		return ""
	}
	if s := setupStreams(engine.NewHost(nil, &out, &errw), dumb, true, true); s.progress != nil {
		t.Error("a progress bar on TERM=dumb")
	}
}
