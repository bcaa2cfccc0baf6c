package badgerstore

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	badger "github.com/dgraph-io/badger/v4"
)

const amos = "amos.marble@contoso.com"

// TestSMTPAddressUnique: a primary SMTP address another user holds is
// refused (whatever its case or an "SMTP:" prefix) with a DuplicateError,
// and nothing changes.
func TestSMTPAddressUnique(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, addr := range []string{storagetest.Ken, "KEN.MYER@Contoso.com", "SMTP:ken.myer@contoso.com", " ken.myer@contoso.com "} {
		err := s.Update(func(w storage.Writer) error {
			u := storagetest.UserByUPN(t, s, amos)
			u.PrimarySmtpAddress, u.HasMailbox = addr, true
			return w.PutUser(u)
		})
		var dup *storage.DuplicateError
		if !errors.As(err, &dup) || dup.What != "primary SMTP address" || !errors.Is(err, storage.ErrDuplicate) {
			t.Errorf("%q: %v", addr, err)
		}
		if got := storagetest.UserByUPN(t, s, amos).PrimarySmtpAddress; got != amos {
			t.Errorf("%q: Amos's address is now %q", addr, got)
		}
	}
	// A new user taking Ken's address is refused too.
	err = s.Update(func(w storage.Writer) error {
		u := storagetest.NewUser("sara.davis@contoso.com", "Sara Davis")
		u.PrimarySmtpAddress, u.HasMailbox = storagetest.Ken, true
		return w.PutUser(u)
	})
	if !errors.Is(err, storage.ErrDuplicate) {
		t.Errorf("new user with Ken's address: %v", err)
	}
	// Ken moving his own address, then Amos taking the old one, works.
	storagetest.Update(t, s, func(w storage.Writer) error {
		u := storagetest.UserByUPN(t, s, storagetest.Ken)
		u.PrimarySmtpAddress = "kmyer@contoso.com"
		return w.PutUser(u)
	})
	storagetest.Update(t, s, func(w storage.Writer) error {
		u := storagetest.UserByUPN(t, s, amos)
		u.PrimarySmtpAddress = storagetest.Ken
		return w.PutUser(u)
	})
	checkIndexes(t, s)
}

// newDemoStore makes a demo store on disk and returns its directory, Ken
// and Amos; the store is closed.
func newDemoStore(t *testing.T) (dir string, ken, am *storage.User) {
	t.Helper()
	dir = t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return dir, storagetest.UserByUPN(t, s, storagetest.Ken), storagetest.UserByUPN(t, s, amos)
}

// amosTakesKensAddress is a rollBackIndex step that files Amos's record
// with Ken's mailbox address, as a store from before the mailbox-address
// index could hold it; with dropOwn Amos's own index entry goes too (the
// index then names Ken alone for the address, as the migration left it).
func amosTakesKensAddress(am, ken *storage.User, dropOwn bool) func(*badger.Txn) error {
	return func(txn *badger.Txn) error {
		shared := *am
		shared.PrimarySmtpAddress = ken.PrimarySmtpAddress
		val, err := json.Marshal(&shared)
		if err != nil {
			return err
		}
		if dropOwn {
			if err := txn.Delete(storage.SMTPKey(am.PrimarySmtpAddress)); err != nil {
				return err
			}
		}
		return txn.Set(storage.UserKey(am.ID), val)
	}
}

// TestSMTPIndexMigration: a store at schema 1 (no mailbox-address index)
// holding two users with one address opens at the newest schema with the
// index built; the address stays indexed for its first holder, nothing is
// changed, the other holder can take a new address, and deleting or
// changing the other never drops the first holder's entry.
func TestSMTPIndexMigration(t *testing.T) {
	dir, ken, am := newDemoStore(t)
	// Turn the store back into a schema-1 store, with Amos sharing Ken's
	// address as the old code allowed.
	n := rollBackIndex(t, dir, storage.NSIdxSMTP, 1, amosTakesKensAddress(am, ken, false))
	if n == 0 {
		t.Error("a new store has no mailbox-address index")
	}

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	first, second := ken, am
	if am.ID < ken.ID {
		first, second = am, ken
	}
	storagetest.View(t, s, func(r storage.Reader) error {
		tx := r.(*tx)
		if v, _ := tx.getU64(storage.SchemaKey()); v != storage.SchemaVersion {
			t.Errorf("schema %d after the migration", v)
		}
		owner, ok, err := tx.getRaw(storage.SMTPKey(ken.PrimarySmtpAddress))
		if err != nil || !ok || string(owner) != first.ID {
			t.Errorf("shared address indexed for %q (%v, %v), want %q", owner, ok, err, first.ID)
		}
		// Every other user with a mailbox is indexed.
		return r.ScanUsers("", 0, func(u *storage.User) error {
			if u.PrimarySmtpAddress == "" || u.PrimarySmtpAddress == ken.PrimarySmtpAddress {
				return nil
			}
			if id, ok, _ := tx.getRaw(storage.SMTPKey(u.PrimarySmtpAddress)); !ok || string(id) != u.ID {
				t.Errorf("%s: indexed %q, %v", u.UserPrincipalName, id, ok)
			}
			return nil
		})
	})
	if got := storagetest.UserByUPN(t, s, amos).PrimarySmtpAddress; got != ken.PrimarySmtpAddress {
		t.Errorf("the migration changed a record: Amos's address is %q", got)
	}
	// The second holder cannot be changed while it keeps the address.
	err = s.Update(func(w storage.Writer) error {
		u := storagetest.UserByUPN(t, s, second.UserPrincipalName)
		u.City = "Elsewhere"
		return w.PutUser(u)
	})
	if !errors.Is(err, storage.ErrDuplicate) {
		t.Errorf("change of the second holder: %v", err)
	}
	// Giving it a new address works and leaves the first holder indexed.
	storagetest.Update(t, s, func(w storage.Writer) error {
		u := storagetest.UserByUPN(t, s, second.UserPrincipalName)
		u.PrimarySmtpAddress = "someone.new@contoso.com"
		return w.PutUser(u)
	})
	checkIndexes(t, s)
	// Deleting the first holder removes its entry; the address is free.
	storagetest.Update(t, s, func(w storage.Writer) error { return w.DeleteUser(first.ID) })
	checkIndexes(t, s)
}

// TestSharedAddressDeleteKeepsOwner: deleting the unindexed holder of a
// shared address (left by the migration) keeps the owner's entry.
func TestSharedAddressDeleteKeepsOwner(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ken := storagetest.UserByUPN(t, s, storagetest.Ken)
	am := storagetest.UserByUPN(t, s, amos)
	storagetest.Update(t, s, func(w storage.Writer) error {
		// Plant the record as a pre-index store held it.
		shared := *am
		shared.PrimarySmtpAddress = ken.PrimarySmtpAddress
		if err := w.(*tx).del(storage.SMTPKey(am.PrimarySmtpAddress)); err != nil {
			return err
		}
		return w.(*tx).putJSON(storage.UserKey(am.ID), &shared)
	})
	storagetest.Update(t, s, func(w storage.Writer) error { return w.DeleteUser(am.ID) })
	storagetest.View(t, s, func(r storage.Reader) error {
		owner, ok, err := r.(*tx).getRaw(storage.SMTPKey(ken.PrimarySmtpAddress))
		if err != nil || !ok || string(owner) != ken.ID {
			t.Errorf("Ken's address entry after Amos's deletion: %q %v %v", owner, ok, err)
		}
		return nil
	})
	checkIndexes(t, s)
}
