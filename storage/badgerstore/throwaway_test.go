package badgerstore

import (
	"testing"

	"github.com/csshell/csshell/storage"
)

// TestCloneInMemory: the copy holds the whole tenant, under the same
// secret (the mail the original sealed opens in the copy); a change to
// the copy never reaches the original.
func TestCloneInMemory(t *testing.T) {
	orig, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	cp, err := orig.CloneInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	count := func(s storage.Store) int {
		n := 0
		if err := s.View(func(r storage.Reader) error {
			return r.ScanUsers("", 0, func(*storage.User) error { n++; return nil })
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count(orig)
	if before == 0 || count(cp) != before {
		t.Fatalf("users: original %d, copy %d", before, count(cp))
	}
	if !bytesEqual(cp.(*Badger).secret, orig.secret) {
		t.Errorf("the copy has another secret")
	}
	var victim string
	cp.View(func(r storage.Reader) error {
		return r.ScanUsers("", 1, func(u *storage.User) error { victim = u.ID; return nil })
	})
	if err := cp.Update(func(w storage.Writer) error { return w.DeleteUser(victim) }); err != nil {
		t.Fatal(err)
	}
	if count(cp) != before-1 || count(orig) != before {
		t.Errorf("after deleting from the copy: original %d, copy %d (were %d)", count(orig), count(cp), before)
	}
	if cp.Dir() != "" {
		t.Errorf("the copy is on disk: %q", cp.Dir())
	}
}

// bytesEqual compares two keys.
func bytesEqual(a, b []byte) bool { return string(a) == string(b) }
