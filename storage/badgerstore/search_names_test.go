package badgerstore

import (
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	badger "github.com/dgraph-io/badger/v4"
)

// searchNames returns the UPNs SearchUserNames gives for prefix.
func searchNames(t *testing.T, s storage.Store, prefix string, limit int) []string {
	t.Helper()
	var upns []string
	storagetest.View(t, s, func(r storage.Reader) error {
		names, err := r.SearchUserNames(prefix, limit)
		for _, n := range names {
			upns = append(upns, n.UserPrincipalName)
		}
		return err
	})
	return upns
}

// wordValues returns the values of a user's search-word entries.
func wordValues(t *testing.T, s storage.Store, u *storage.User) map[string]bool {
	t.Helper()
	got := map[string]bool{}
	storagetest.View(t, s, func(r storage.Reader) error {
		for _, e := range storage.UserIndexParts(u, storage.IndexNames) {
			if e.Key[0] != storage.NSIdxWord {
				continue
			}
			v, ok, err := r.(*tx).getRaw(e.Key)
			if err != nil || !ok {
				t.Errorf("no search-word entry %q (%v)", e.Key, err)
				continue
			}
			got[string(v)] = true
		}
		return nil
	})
	return got
}

// TestSearchUserNames: SearchUserNames finds what SearchUsers finds, in
// the same order, with each UPN as stored (case kept) and the id, for
// UPN, SIP, display-name and empty prefixes and a limit.
func TestSearchUserNames(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sara := storagetest.NewUser("Sara.Davis@contoso.com", "Sara Davis")
	storagetest.Update(t, s, func(w storage.Writer) error { return w.PutUser(sara) })
	for _, c := range []struct {
		prefix string
		limit  int
	}{{"sara", 0}, {"SIP:sara", 0}, {"davis", 0}, {"a", 0}, {"a", 3}, {"", 0}, {"", 5}, {"zz", 0}} {
		storagetest.Eq(t, c.prefix, searchNames(t, s, c.prefix, c.limit), storagetest.Search(t, s, c.prefix, c.limit))
	}
	storagetest.Eq(t, "sara", searchNames(t, s, "sara", 0), []string{"Sara.Davis@contoso.com"})
	storagetest.View(t, s, func(r storage.Reader) error {
		names, err := r.SearchUserNames("davis", 0)
		if err == nil && (len(names) != 1 || names[0].ID != sara.ID) {
			t.Errorf("davis: %+v, want Sara's id %s", names, sara.ID)
		}
		return err
	})
	// A change of the UPN's case alone rewrites the entries.
	storagetest.Update(t, s, func(w storage.Writer) error {
		u := storagetest.UserByUPN(t, s, "sara.davis@contoso.com")
		u.UserPrincipalName = "SARA.DAVIS@contoso.com"
		return w.PutUser(u)
	})
	storagetest.Eq(t, "after the case change", searchNames(t, s, "sara", 0), []string{"SARA.DAVIS@contoso.com"})
	checkIndexes(t, s)
}

// TestSearchWordsCaseMigration: a store from before schema 8, whose
// search-word entries hold the UPN lower-cased, opens with every entry of
// a user with capitals in the UPN holding it as stored; the other users'
// entries, lower-case either way, stay as they were.
func TestSearchWordsCaseMigration(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	sara := storagetest.NewUser("Sara.Davis@contoso.com", "Sara Davis")
	storagetest.Update(t, s, func(w storage.Writer) error { return w.PutUser(sara) })
	ken := storagetest.UserByUPN(t, s, storagetest.Ken)
	s.Close()
	lower := storage.LowerUPN(sara.UserPrincipalName)
	// Back to schema 7 (NSPending holds nothing: nothing else goes), with
	// Sara's entries in the older form.
	rollBackIndex(t, dir, storage.NSPending, storage.SchemaWordUPNCase-1, func(txn *badger.Txn) error {
		for _, e := range storage.UserIndexParts(sara, storage.IndexNames) {
			if e.Key[0] == storage.NSIdxWord {
				if err := txn.Set(e.Key, []byte(lower)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := wordValues(t, s, sara); len(got) != 1 || !got[sara.UserPrincipalName] {
		t.Errorf("Sara's search-word values after the migration: %v", got)
	}
	if got := wordValues(t, s, ken); len(got) != 1 || !got[storagetest.Ken] {
		t.Errorf("Ken's search-word values after the migration: %v", got)
	}
	storagetest.Eq(t, "sara", searchNames(t, s, "sara", 0), []string{sara.UserPrincipalName})
	checkIndexes(t, s)
}
