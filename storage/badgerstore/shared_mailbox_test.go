package badgerstore

import (
	"errors"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	badger "github.com/dgraph-io/badger/v4"
)

// sharedMailboxMarked reports whether s carries the shared-mailbox mark.
func sharedMailboxMarked(t *testing.T, s storage.Store) bool {
	t.Helper()
	var marked bool
	storagetest.View(t, s, func(r storage.Reader) error {
		var err error
		_, marked, err = r.(*tx).getRaw(storage.CounterKey(storage.CounterSharedMailbox))
		return err
	})
	return marked
}

// changeCity sets a user's city through PutUser, in a group as the bulk
// paths do.
func changeCity(s *Badger, upn, city string) error {
	g := s.NewGroup()
	err := g.UpdateDeferred(func(w storage.Writer) error {
		u, err := w.(*tx).AddressOwner(upn)
		if err != nil || u == nil {
			return errors.Join(err, storage.ErrNotFound)
		}
		u.City = city
		return w.PutUser(u)
	})
	return errors.Join(err, g.Sync())
}

// TestSharedMailboxMark: schema step 7 marks a store (from before it)
// whose mailbox-address index names another user for a user's address —
// what the step-2 migration leaves when two users shared one — and there
// the second holder's changes stay refused; a store without such an
// address, and a new one, are not marked.
func TestSharedMailboxMark(t *testing.T) {
	fresh, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	if sharedMailboxMarked(t, fresh) {
		t.Error("a new store is marked as holding a shared mailbox address")
	}
	fresh.Close()

	for _, share := range []bool{false, true} {
		dir, ken, am := newDemoStore(t)
		// Back to schema 6 (NSPending holds nothing: nothing else goes),
		// Amos sharing Ken's address as a migrated store may hold it:
		// indexed for Ken only.
		var plant func(*badger.Txn) error
		if share {
			plant = amosTakesKensAddress(am, ken, true)
		}
		rollBackIndex(t, dir, storage.NSPending, 6, plant)
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if got := sharedMailboxMarked(t, s); got != share {
			t.Errorf("shared %v: marked %v after schema step 7", share, got)
		}
		err = changeCity(s, amos, "Elsewhere")
		if share != errors.Is(err, storage.ErrDuplicate) {
			t.Errorf("shared %v: a change to Amos: %v", share, err)
		}
		if err := changeCity(s, storagetest.Ken, "Elsewhere"); err != nil {
			t.Errorf("shared %v: a change to Ken: %v", share, err)
		}
		s.Close()
	}
}

// TestKeptMailboxNotLookedUp: in an unmarked store a change that keeps a
// user's mailbox address does not look it up again — an index entry
// planted for another user does not refuse it — while in a marked store
// it does, and a new address always is.
func TestKeptMailboxNotLookedUp(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ken := storagetest.UserByUPN(t, s, storagetest.Ken)
	storagetest.Update(t, s, func(w storage.Writer) error {
		return w.(*tx).set(storage.SMTPKey(amos), []byte(ken.ID))
	})
	if err := changeCity(s, amos, "Elsewhere"); err != nil {
		t.Errorf("unmarked store, Amos keeping his address: %v", err)
	}
	storagetest.Update(t, s, func(w storage.Writer) error {
		return w.(*tx).putU64(storage.CounterKey(storage.CounterSharedMailbox), 1)
	})
	if err := changeCity(s, amos, "Paris"); !errors.Is(err, storage.ErrDuplicate) {
		t.Errorf("marked store, Amos keeping his address: %v", err)
	}
	err = s.Update(func(w storage.Writer) error {
		u := storagetest.UserByUPN(t, s, amos)
		u.PrimarySmtpAddress = ken.PrimarySmtpAddress
		return w.PutUser(u)
	})
	if !errors.Is(err, storage.ErrDuplicate) {
		t.Errorf("Amos taking Ken's address: %v", err)
	}
}
