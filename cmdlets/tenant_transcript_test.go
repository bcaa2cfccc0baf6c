package cmdlets

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
)

// tenantClock is the fixed time tenant transcripts run at.
var tenantClock = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// tenantSetup returns a transcript setup that registers every cmdlet and a
// fresh demo tenant from open, signed in as the Global Administrator.
func tenantSetup(t *testing.T, open func() (storage.Store, error)) func(*engine.Runtime) {
	return func(rt *engine.Runtime) {
		Register(rt)
		store, err := open()
		if err != nil {
			t.Fatalf("open tenant store: %v", err)
		}
		t.Cleanup(func() { store.Close() })
		tenant, err := NewTenant(store)
		if err != nil {
			t.Fatalf("connect: %v", err)
		}
		tenant.SetClock(func() time.Time { return tenantClock })
		RegisterTenant(rt, tenant)
	}
}

// TestTenantTranscripts runs the tenant transcripts (testdata/tenant)
// against an in-memory store and against an on-disk one: each file starts
// from a fresh demo tenant.
func TestTenantTranscripts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "tenant", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no tenant transcripts: %v", err)
	}
	for _, kind := range []string{"memory", "disk"} {
		kind := kind
		t.Run(kind, func(t *testing.T) {
			for _, file := range files {
				file := file
				t.Run(filepath.Base(file), func(t *testing.T) {
					t.Parallel()
					open := func() (storage.Store, error) { return storage.OpenInMemory() }
					if kind == "disk" {
						dir := filepath.Join(t.TempDir(), "tenant")
						open = func() (storage.Store, error) { return storage.Open(dir) }
					}
					transcript.RunFile(t, file, tenantSetup(t, open))
				})
			}
		})
	}
}
