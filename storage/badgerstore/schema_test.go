package badgerstore

import (
	"errors"
	"fmt"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	badger "github.com/dgraph-io/badger/v4"
)

func TestSchemaListConsistent(t *testing.T) {
	for i, m := range migrations {
		if m.To != i+1 || m.Name == "" {
			t.Errorf("migration %d: To %d, Name %q", i, m.To, m.Name)
		}
	}
	if supportedSchema() != storage.SchemaVersion {
		t.Errorf("the migrations lead to %d, SchemaVersion is %d", supportedSchema(), storage.SchemaVersion)
	}
}

// setSchema writes a schema version straight into a closed store's directory.
func setSchema(t *testing.T, dir string, v uint64) {
	t.Helper()
	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set(storage.SchemaKey(), storage.AppendU64(nil, v)) }); err != nil {
		t.Fatal(err)
	}
}

func TestSchemaNewer(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	setSchema(t, dir, storage.SchemaVersion+1)
	_, err = Open(dir)
	var se *storage.SchemaError
	if !errors.As(err, &se) || se.Found != storage.SchemaVersion+1 || se.Supported != storage.SchemaVersion {
		t.Fatalf("Open of a newer store: %v", err)
	}
	want := fmt.Sprintf("The tenant store '%s' was written by a newer csshell (schema version %d; this csshell supports up to %d).",
		dir, storage.SchemaVersion+1, storage.SchemaVersion)
	if err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	// The failed Open released the lock.
	setSchema(t, dir, storage.SchemaVersion)
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestSchemaForeignStore(t *testing.T) {
	dir := t.TempDir() + "/other"
	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(txn *badger.Txn) error { return txn.Set([]byte("someone else's"), []byte("data")) })
	db.Close()
	_, err = Open(dir)
	var se *storage.SchemaError
	if !errors.As(err, &se) || se.Found != 0 {
		t.Fatalf("Open of a foreign store: %v", err)
	}
	if want := "The tenant store '" + dir + "' is not a csshell tenant store."; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

// TestMigrationsRunOnce adds a step after the newest: it runs on the first
// Open only, in order after the others, and the stored version follows.
func TestMigrationsRunOnce(t *testing.T) {
	saved := migrations
	defer func() { migrations = saved }()
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir) // at the newest version
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	runs := 0
	migrations = append(append([]migration(nil), saved...), migration{To: storage.SchemaVersion + 1, Name: "rename departments", apply: func(w *tx) error {
		runs++
		return w.ScanUsers("", 0, func(u *storage.User) error {
			u.Department = "v2 " + u.Department
			return w.PutUser(u)
		})
	}})
	for range 2 {
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := storagetest.UserByUPN(t, s, storagetest.Ken).Department; got != "v2 Finance" {
			t.Errorf("department = %q", got)
		}
		storagetest.View(t, s, func(r storage.Reader) error {
			if v, _ := r.(*tx).getU64(storage.SchemaKey()); v != storage.SchemaVersion+1 {
				t.Errorf("stored version %d", v)
			}
			return nil
		})
		s.Close()
	}
	if runs != 1 {
		t.Errorf("the added step ran %d times", runs)
	}
	// A new store is stamped with the newest version and runs no step:
	// the demo tenant is seeded afterwards, at the newest layout.
	runs = 0
	m, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if runs != 0 || storagetest.UserByUPN(t, m, storagetest.Ken).Department != "Finance" {
		t.Errorf("new store: %d runs, department %q", runs, storagetest.UserByUPN(t, m, storagetest.Ken).Department)
	}
	storagetest.View(t, m, func(r storage.Reader) error {
		if v, _ := r.(*tx).getU64(storage.SchemaKey()); v != storage.SchemaVersion+1 {
			t.Errorf("new store: stored version %d", v)
		}
		return nil
	})
}

// TestPendingResetFinishedOnOpen: a bulk reset cut short (marker written,
// batches partly done) is completed by the next Open.
func TestPendingResetFinishedOnOpen(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	storagetest.Update(t, s, func(w storage.Writer) error {
		if err := w.PutUser(storagetest.NewUser("extra@contoso.com", "Extra")); err != nil {
			return err
		}
		return w.(*tx).set(storage.PendingKey(), []byte(storage.ResetKindEmpty))
	})
	s.Close()
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkEmpty(t, s)
	storagetest.View(t, s, func(r storage.Reader) error {
		if ok, _ := r.(*tx).has(storage.PendingKey()); ok {
			t.Error("marker left")
		}
		return nil
	})
}
