package badgerstore

import (
	"errors"
	"fmt"
	"testing"

	"github.com/csshell/csshell/storage"
)

// TestEncodeUsers: every user made is added once, record and index
// entries, whatever encoder made it; an error from the maker or from add
// stops it and is returned (and nothing hangs).
func TestEncodeUsers(t *testing.T) {
	const n = 3*encodeBatchUsers + 7
	maker := func(failAt int) func() (*storage.User, error) {
		i := 0
		return func() (*storage.User, error) {
			i++
			if i == failAt {
				return nil, errors.New("maker failed")
			}
			upn := fmt.Sprintf("user%06d@contoso.com", i)
			return &storage.User{ID: storage.UserIDFor(upn), UserPrincipalName: upn, SipAddress: "sip:" + upn}, nil
		}
	}
	records := map[string]int{}
	entries := 0
	err := encodeUsers(n, maker(-1), func(k, v []byte) error {
		entries++
		if string(k) > "" && k[0] == storage.UserKey("x")[0] {
			records[string(k)]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != n {
		t.Fatalf("%d user records, want %d", len(records), n)
	}
	for k, c := range records {
		if c != 1 {
			t.Fatalf("%q added %d times", k, c)
		}
	}
	if entries <= n {
		t.Fatalf("%d entries for %d users: index entries missing", entries, n)
	}
	if err := encodeUsers(n, maker(n/2), func(k, v []byte) error { return nil }); err == nil || err.Error() != "maker failed" {
		t.Fatalf("maker's failure: %v", err)
	}
	added := 0
	stop := errors.New("add failed")
	err = encodeUsers(n, maker(-1), func(k, v []byte) error {
		if added++; added == 100 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || added != 100 {
		t.Fatalf("add's failure: %v after %d entries", err, added)
	}
}
