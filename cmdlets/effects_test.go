package cmdlets_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/effectstest"
)

// effectsSession is a tenant session in a temporary directory whose
// effects are logged, with Set-Thing: a cmdlet that commits an unsynced
// change and writes a line about it, so that any effect before the next
// barrier fails the test.
func effectsSession(t *testing.T) (*tenanttest.Session, *effectstest.Log) {
	t.Helper()
	s := tenanttest.NewMemorySession(t, "", false)
	log := effectstest.Install(t, s.RT)
	s.RT.Register(&engine.Cmdlet{
		Name: "Set-Thing",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			log.Change()
			return c.WriteObject("changed")
		}),
	})
	s.RT.SetLocation(t.TempDir())
	return s, log
}

// written is the effects of writing one file through the open handler.
func written(name, mode string) []string {
	return []string{"open " + name + " " + mode, "write " + name, "sync " + name, "close " + name}
}

// TestFileEffectsRunTheBarrierFirst: every cmdlet that writes a file, and
// redirection, opens it through the runtime's handler straight after the
// barrier (never while a change is unsynced), writes after the barrier,
// and syncs the file before closing it; Checkpoint-Tenant replaces its
// file atomically after the barrier.
func TestFileEffectsRunTheBarrierFirst(t *testing.T) {
	s, log := effectsSession(t)
	steps := []struct {
		script string
		want   []string
	}{
		{"Set-Thing | Out-File a.txt", written("a.txt", "trunc")},
		{"Set-Thing | Out-File a.txt -Append", written("a.txt", "append")},
		{"Set-Thing | Set-Content b.txt", written("b.txt", "trunc")},
		{"Set-Thing | Add-Content b.txt", written("b.txt", "append")},
		{"Set-Thing | Out-Null; Set-Content b.txt -Value 1 -AsByteStream", written("b.txt", "trunc")},
		{"Set-Thing | Out-Null; Clear-Content b.txt", written("b.txt", "trunc")},
		// Export-Csv opens its file in Begin, before the change: the rows
		// still wait for the barrier.
		{"Set-Thing | Export-Csv c.csv", written("c.csv", "trunc")},
		{"Set-Thing | Export-Csv c.csv -Append", written("c.csv", "append")},
		{"Set-Thing | Tee-Object -FilePath d.txt | Out-Null", written("d.txt", "trunc")},
		{"Set-Thing | Tee-Object -FilePath d.txt -Append | Out-Null", written("d.txt", "append")},
		{"Set-Thing | Out-Null; New-Item e.txt -Value x | Out-Null", written("e.txt", "trunc")},
		{"Set-Thing | Out-Null; Copy-Item a.txt f.txt", written("f.txt", "trunc")},
		{"Set-Thing > g.txt", written("g.txt", "trunc")},
		{"Set-Thing >> g.txt", written("g.txt", "append")},
		{"Set-Thing | Out-Null; Checkpoint-Tenant -Path s.cssnap", []string{"replace s.cssnap"}},
	}
	for _, st := range steps {
		log.Reset()
		if out := s.Run(st.script); out != "" {
			t.Errorf("%s: output %q", st.script, out)
		}
		log.Check()
		if got := log.Effects(); strings.Join(got, "|") != strings.Join(st.want, "|") {
			t.Errorf("%s:\neffects %q\nwant    %q", st.script, got, st.want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(s.RT.Location(), "a.txt")); string(data) != "changed\nchanged\n" {
		t.Errorf("a.txt = %q", data)
	}
}

// TestFileEffectsStopWhenTheBarrierFails: when the change cannot be made
// durable, no cmdlet opens its file, and the run fails.
func TestFileEffectsStopWhenTheBarrierFails(t *testing.T) {
	s, log := effectsSession(t)
	log.FailBarrier(errors.New("disk on fire"))
	for _, script := range []string{
		"Set-Thing | Out-File a.txt",
		"Set-Thing | Set-Content b.txt",
		"Set-Thing | Export-Csv c.csv",
		"Set-Thing | Tee-Object -FilePath d.txt",
		"New-Item e.txt -Value x",
		"Checkpoint-Tenant -Path s.cssnap",
	} {
		// Nothing can be shown either (the host's streams wait for the
		// barrier too): the run's result carries the failure.
		res := s.RT.Execute(context.Background(), "<test>", script)
		if res.Err == nil && !res.Failed {
			t.Errorf("%s succeeded despite a failed barrier", script)
		}
	}
	if got := log.Effects(); len(got) != 0 {
		t.Errorf("effects despite a failed barrier: %q", got)
	}
	entries, _ := os.ReadDir(s.RT.Location())
	if len(entries) != 0 {
		t.Errorf("files written: %v", entries)
	}
}
