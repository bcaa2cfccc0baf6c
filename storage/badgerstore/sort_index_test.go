package badgerstore

import (
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	badger "github.com/dgraph-io/badger/v4"
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

	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{storage.NSIdxSort}})
		var keys [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		it.Close()
		if len(keys) != want {
			t.Errorf("a new store has %d display-name order entries for %d users", len(keys), want)
		}
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return txn.Set(storage.SchemaKey(), storage.AppendU64(nil, 5))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
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
