package badgerstore

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// recordFsyncs records, until the test ends, the base names of the files
// the store fsyncs.
func recordFsyncs(t *testing.T) *[]string {
	var synced []string
	fsyncHook = func(name string) { synced = append(synced, filepath.Base(name)) }
	t.Cleanup(func() { fsyncHook = nil })
	return &synced
}

// TestLargeRecordDurable: a commit holding a value above the value
// threshold (a mail body over 64 KB goes to the value log, not the
// memtable log) returns only after the value log is fsynced too, not just
// the .mem — and a commit of small values after it still fsyncs the
// value log Badger writes through its map (its size never changes, so
// "did it grow" cannot tell). Issue 9, break 11.
func TestLargeRecordDurable(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "tenant"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "a@contoso.com", Body: "small"}) })
	synced := recordFsyncs(t)
	big := strings.Repeat("x", valueThreshold+1<<10)
	for round := range 3 {
		*synced = nil
		storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "a@contoso.com", Body: big}) })
		vlogs := filesWith(t, s.Dir(), vlogExt)
		newest := filepath.Base(newestLog(vlogs))
		if newest == "" {
			t.Fatal("no value log")
		}
		if !slices.Contains(*synced, newest) {
			t.Errorf("round %d: the commit returned without fsyncing the value log %s (fsynced: %v)", round, newest, *synced)
		}
		if !slices.ContainsFunc(*synced, func(n string) bool { return strings.HasSuffix(n, memExt) }) {
			t.Errorf("round %d: no memtable log fsynced: %v", round, *synced)
		}
	}
	// Deferred commits are fsynced, value log included, by Sync.
	*synced = nil
	if err := s.UpdateDeferred(func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "a@contoso.com", Body: big}) }); err != nil {
		t.Fatal(err)
	}
	if len(*synced) != 0 {
		t.Errorf("UpdateDeferred fsynced %v", *synced)
	}
	if err := s.Sync(); err != nil {
		t.Fatal(err)
	}
	if newest := filepath.Base(newestLog(filesWith(t, s.Dir(), vlogExt))); !slices.Contains(*synced, newest) {
		t.Errorf("Sync did not fsync the value log %s: %v", newest, *synced)
	}
}

// TestNewLogDirectorySynced: the commit after which Badger started a new
// log file fsyncs the directory too, so the new file's name is as durable
// as its contents; commits that start none do not.
func TestNewLogDirectorySynced(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "tenant"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	synced := recordFsyncs(t)
	big := strings.Repeat("x", valueThreshold+1<<10)
	dir := filepath.Base(s.Dir())
	logs := len(filesWith(t, s.Dir(), vlogExt))
	for i := 0; i < 40 && logs < 3; i++ {
		*synced = nil
		storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "a@contoso.com", Body: big}) })
		n := len(filesWith(t, s.Dir(), vlogExt))
		if got := slices.Contains(*synced, dir); got != (n != logs) {
			t.Fatalf("commit %d: value logs %d -> %d, directory fsynced: %v (%v)", i, logs, n, got, *synced)
		}
		logs = n
	}
	if logs < 3 {
		t.Fatalf("Badger started no new value log (%d)", logs)
	}
}
