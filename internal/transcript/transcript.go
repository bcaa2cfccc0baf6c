// Package transcript runs transcript tests: files that read like a
// PowerShell session, with each "PS> " input followed by the exact output
// (both streams, in order) that it must produce.
//
//	PS> 1 + 2
//	3
//	PS> function f {
//	>> 'x' }
//	PS> f
//	x
//
// Each "PS> " line and the ">> " lines after it form one input; all inputs
// of a file run in one session, in order. Leading blank lines of an
// output are not compared (PowerShell starts tables with one). Lines
// before the first "PS> " are comments. Setting CSSHELL_UPDATE_TRANSCRIPTS
// logs the actual outputs instead of failing.
package transcript

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// Step is one input of a transcript and the output it must give.
type Step struct {
	Line  int
	Input string
	Want  string
}

// Parse splits a transcript into steps.
func Parse(text string) []Step {
	var steps []Step
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var cur *Step
	var out []string
	flush := func() {
		if cur != nil {
			cur.Want = strings.TrimRight(strings.Join(out, "\n"), "\n")
			steps = append(steps, *cur)
		}
		out = nil
	}
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "PS> "):
			flush()
			cur = &Step{Line: i + 1, Input: strings.TrimPrefix(l, "PS> ")}
		case cur != nil && strings.HasPrefix(l, ">> ") && len(out) == 0:
			cur.Input += "\n" + strings.TrimPrefix(l, ">> ")
		case cur != nil && l == ">>" && len(out) == 0:
			cur.Input += "\n"
		case cur != nil:
			out = append(out, l)
		}
	}
	flush()
	return steps
}

// NewRuntime makes a runtime over one buffer for both output streams, with
// a private environment, set up by setup (usually cmdlets.Register).
func NewRuntime(buf *bytes.Buffer, setup func(*engine.Runtime)) *engine.Runtime {
	h := engine.NewHost(strings.NewReader(""), buf, buf)
	h.Width = 120
	env := map[string]string{"CSSHELL_TEST": "1"}
	h.Getenv = func(k string) string { return env[k] }
	h.Setenv = func(k, v string) error { env[k] = v; return nil }
	h.Environ = func() []string {
		var out []string
		for k, v := range env {
			out = append(out, k+"="+v)
		}
		return out
	}
	rt := engine.New(h)
	if setup != nil {
		setup(rt)
	}
	return rt
}

// RunDir runs every *.txt transcript in dir as a subtest.
func RunDir(t *testing.T, dir string, setup func(*engine.Runtime)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no transcripts in %s", dir)
	}
	for _, file := range files {
		file := file
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			RunFile(t, file, setup)
		})
	}
}

// RunFile runs one transcript file.
func RunFile(t *testing.T, file string, setup func(*engine.Runtime)) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	update := os.Getenv("CSSHELL_UPDATE_TRANSCRIPTS") != ""
	var buf bytes.Buffer
	rt := NewRuntime(&buf, setup)
	rt.SetLocation(t.TempDir())
	var report strings.Builder
	for _, st := range Parse(string(data)) {
		buf.Reset()
		rt.Execute(context.Background(), "<transcript>", st.Input)
		got := strings.TrimLeft(strings.TrimRight(strings.ReplaceAll(buf.String(), "\r\n", "\n"), "\n"), "\n")
		want := strings.TrimLeft(st.Want, "\n")
		if update {
			report.WriteString("PS> " + strings.ReplaceAll(st.Input, "\n", "\n>> ") + "\n" + got + "\n")
			continue
		}
		if got != want {
			t.Errorf("%s:%d: PS> %s\n--- got ---\n%s\n--- want ---\n%s", file, st.Line, st.Input, got, want)
		}
	}
	if update {
		t.Logf("actual transcript:\n%s", report.String())
	}
}

// Count returns how many steps the transcripts in dir hold.
func Count(dir string) int {
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			n += len(Parse(string(data)))
		}
	}
	return n
}
