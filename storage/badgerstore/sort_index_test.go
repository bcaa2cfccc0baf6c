package badgerstore

import (
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// TestSortIndexMigration: a schema-5 store (no display-name order index)
// is given the index of every user when it is opened, and pages by name.
func TestSortIndexMigration(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := storagetest.Count(t, s)
	s.Close()

	if n := rollBackIndex(t, dir, storage.NSIdxSort, 5, nil); n != want {
		t.Errorf("a new store has %d display-name order entries for %d users", n, want)
	}

	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckInvariants(); err != nil { // every index entry is the one its user calls for
		t.Fatal(err)
	}
	var names []string
	storagetest.View(t, s, func(r storage.Reader) error {
		if v, _ := r.(*tx).getU64(storage.SchemaKey()); v != storage.SchemaVersion {
			t.Errorf("schema %d after the migration", v)
		}
		return r.ScanUsersSorted(true, false, "", func(u *storage.User, _ string) error {
			names = append(names, storage.SortName(u))
			return nil
		})
	})
	if len(names) != want {
		t.Fatalf("%d users by name, want %d", len(names), want)
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] > names[i] {
			t.Errorf("not in name order: %q before %q", names[i-1], names[i])
		}
	}
}
