package badgerstore

import (
	"errors"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// The storage conformance suite, run against an in-memory and an on-disk
// Badger, with the index check after every change.

func TestConformanceInMemory(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store {
		s, err := OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return checked{s}
	})
}

func TestConformanceOnDisk(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store {
		s, err := Open(t.TempDir() + "/tenant")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return checked{s}
	})
}

// checked is a Badger whose invariants storagetest checks
// (storagetest.Checker).
type checked struct{ *Badger }

// Check checks the secondary indexes.
func (c checked) Check(t *testing.T) { t.Helper(); checkIndexes(t, c.Badger) }

// checkEmpty checks the state ResetEmpty leaves, indexes included.
func checkEmpty(t *testing.T, s *Badger) {
	t.Helper()
	storagetest.CheckEmpty(t, checked{s})
}

// checkIndexes checks that the secondary indexes are exactly the entries
// the users imply: none missing, none stale.
func checkIndexes(t *testing.T, s storage.Store) {
	t.Helper()
	storagetest.View(t, s, func(r storage.Reader) error {
		tx := r.(*tx)
		want := map[string]string{}
		err := tx.each([]byte{storage.NSUser}, true, false, func(_, v []byte) (bool, error) {
			var u storage.User
			if err := decode(v, &u); err != nil {
				return false, err
			}
			for _, e := range storage.UserIndex(&u) {
				want[string(e.Key)] = string(e.Val)
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		got := map[string]string{}
		for _, ns := range storage.IndexNamespaces() {
			err := tx.each([]byte{ns}, true, false, func(k, v []byte) (bool, error) {
				got[string(k)] = string(v)
				return true, nil
			})
			if err != nil {
				return err
			}
		}
		for k, v := range want {
			if g, ok := got[k]; !ok || g != v {
				t.Errorf("index entry %q = %q, %v; want %q", k, g, ok, v)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("stale index entry %q", k)
			}
		}
		return nil
	})
}

// TestBulkResetPath: 2500 synthetic users do not fit one Badger
// transaction, so a one-transaction reset fails with ErrTooBig and changes
// nothing, and ResetEmpty / ResetDemo take the batched BulkReset path.
func TestBulkResetPath(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, kind := range []storage.ResetKind{storage.ResetKindEmpty, storage.ResetKindDemo} {
		if err := storage.AddSyntheticUsers(s, 2500); err != nil {
			t.Fatal(err)
		}
		err := s.Update(func(w storage.Writer) error { return storage.ApplyReset(w, kind) })
		if !errors.Is(err, storage.ErrTooBig) {
			t.Fatalf("a one-transaction %s reset of 2500 users: %v, want ErrTooBig", kind, err)
		}
		if n := storagetest.Count(t, s); n != 2512 {
			t.Fatalf("the failed reset changed the store: %d users", n)
		}
		if err := s.BulkReset(kind, 0, nil); err != nil {
			t.Fatal(err)
		}
		if kind == storage.ResetKindEmpty {
			checkEmpty(t, s)
			if err := storage.ResetDemo(s); err != nil {
				t.Fatal(err)
			}
		}
		storagetest.Eq(t, "users", storagetest.Search(t, s, "", 0), storagetest.DemoUPNs)
		checkIndexes(t, s)
	}
}
