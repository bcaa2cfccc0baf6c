package badgerstore

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/storage"
)

// copyStore copies a store directory (flat) and its key file.
func copyStore(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(from, "*"))
	for _, p := range paths {
		if fi, err := os.Stat(p); err != nil || fi.IsDir() || filepath.Base(p) == "LOCK" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, filepath.Base(p)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if data, err := os.ReadFile(storage.KeyFile(from)); err == nil {
		if err := os.WriteFile(storage.KeyFile(to), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestInterruptedStreamTables: a table the MANIFEST does not name that
// holds data found nowhere else is refused as a cut MANIFEST — unless a
// stream marker names exactly its version (a streamed reset killed before
// its tables were recorded), when the store opens and the table is gone.
func TestInterruptedStreamTables(t *testing.T) {
	dir := storeWithUsers(t, 50)
	old := filepath.Join(t.TempDir(), "tenant")
	copyStore(t, dir, old) // the store before the newer table
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := storage.AddSyntheticUsers(s, 50); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, p := range filesWith(t, old, sstExt) {
		known[filepath.Base(p)] = true
	}
	var newer string
	var version uint64
	for _, p := range filesWith(t, dir, sstExt) {
		if v, err := checkTable(p, true); err == nil && !known[filepath.Base(p)] && v > version {
			newer, version = p, v
		}
	}
	if newer == "" {
		t.Fatal("no newer table")
	}
	data, err := os.ReadFile(newer)
	if err != nil {
		t.Fatal(err)
	}
	orphan := filepath.Join(old, "999999"+sstExt)
	if err := os.WriteFile(orphan, data, 0o600); err != nil {
		t.Fatal(err)
	}

	refused := func(what string) {
		t.Helper()
		s, err := Open(old)
		if err == nil {
			s.Close()
			t.Fatalf("%s: the store opened", what)
		}
		var d *storage.DamagedError
		if !errors.As(err, &d) {
			t.Fatalf("%s: %v, want a DamagedError", what, err)
		}
	}
	refused("no marker")
	if err := writeStreamMarker(old, version+1); err != nil {
		t.Fatal(err)
	}
	refused("a marker of another version")
	if err := os.WriteFile(filepath.Join(old, streamMarkerName), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	refused("a damaged marker")

	if err := writeStreamMarker(old, version); err != nil {
		t.Fatal(err)
	}
	opensWith(t, old, 50)
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Errorf("the interrupted stream's table is still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(old, streamMarkerName)); !os.IsNotExist(err) {
		t.Errorf("the stale marker is still there (no reset pending): %v", err)
	}
}
