package pester_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/cmdlets/pester"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
)

// fixed is the clock of the transcripts: every duration prints as 0ms.
func fixed() time.Time { return tenanttest.Clock }

// newSession makes a runtime with every cmdlet module over an in-memory
// demo tenant, Pester's clock fixed, in a new temporary location.
func newSession(t *testing.T, buf *bytes.Buffer) (*engine.Runtime, string) {
	t.Helper()
	rt := transcript.NewRuntime(buf, func(rt *engine.Runtime) {
		cmdlets.Register(rt)
		tn := tenanttest.Connect(t, tenanttest.OpenMemory(t))
		cmdlets.RegisterTenant(rt, tn)
		pester.Register(rt, pester.Options{Isolate: tn.Throwaway, Now: fixed})
	})
	dir := t.TempDir()
	rt.SetLocation(dir)
	return rt, dir
}

// TestTranscripts runs the transcripts of testdata/transcripts (the
// internal/transcript format) in a session whose location is a new
// temporary folder, shown as /tests in the outputs. Set
// CSSHELL_UPDATE_TRANSCRIPTS=1 and -v to see actual outputs.
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "transcripts", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			runTranscript(t, file)
		})
	}
}

// runTranscript runs one transcript file.
func runTranscript(t *testing.T, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	rt, dir := newSession(t, &buf)
	update := os.Getenv("CSSHELL_UPDATE_TRANSCRIPTS") != ""
	var report strings.Builder
	for _, st := range transcript.Parse(string(data)) {
		buf.Reset()
		rt.Execute(context.Background(), "<transcript>", st.Input)
		got := strings.ReplaceAll(buf.String(), dir, "/tests")
		got = strings.TrimLeft(strings.TrimRight(strings.ReplaceAll(got, "\r\n", "\n"), "\n"), "\n")
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
