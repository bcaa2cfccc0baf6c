package storage

import (
	"errors"
	"slices"
	"sort"
	"testing"
)

// The storage conformance suite: every Store implementation must pass
// runConformance. It is run against an in-memory and an on-disk Badger.

func TestConformanceInMemory(t *testing.T) {
	runConformance(t, func(t *testing.T) Store {
		s, err := OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestConformanceOnDisk(t *testing.T) {
	runConformance(t, func(t *testing.T) Store {
		s, err := Open(t.TempDir() + "/tenant")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

// conformanceCase is one behaviour every store must have; each gets a
// freshly opened (demo-seeded) store.
type conformanceCase struct {
	name string
	run  func(t *testing.T, s Store)
}

var conformanceCases []conformanceCase

// conformance registers cases (called from the conformance_*_test files).
func conformance(cases ...conformanceCase) bool {
	conformanceCases = append(conformanceCases, cases...)
	return true
}

func runConformance(t *testing.T, open func(t *testing.T) Store) {
	for _, c := range conformanceCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, open(t))
		})
	}
}

// view and update fail the test on error.
func view(t *testing.T, s Store, fn func(r Reader) error) {
	t.Helper()
	if err := s.View(fn); err != nil {
		t.Fatal(err)
	}
}

func update(t *testing.T, s Store, fn func(w Writer) error) {
	t.Helper()
	if err := s.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// find returns the UPNs FindUsers gives for identity.
func find(t *testing.T, s Store, identity string) []string {
	t.Helper()
	var upns []string
	view(t, s, func(r Reader) error {
		users, err := r.FindUsers(identity)
		for _, u := range users {
			upns = append(upns, u.UserPrincipalName)
		}
		return err
	})
	return upns
}

// search returns the UPNs SearchUsers gives for prefix.
func search(t *testing.T, s Store, prefix string, limit int) []string {
	t.Helper()
	var upns []string
	view(t, s, func(r Reader) error {
		users, err := r.SearchUsers(prefix, limit)
		for _, u := range users {
			upns = append(upns, u.UserPrincipalName)
		}
		return err
	})
	return upns
}

// user loads one user by UPN.
func user(t *testing.T, s Store, upn string) *User {
	t.Helper()
	var u *User
	view(t, s, func(r Reader) error {
		users, err := r.FindUsers(upn)
		if err == nil && len(users) != 1 {
			err = errors.New("want one user for " + upn)
		}
		if err == nil {
			u = users[0]
		}
		return err
	})
	return u
}

func count(t *testing.T, s Store) int {
	t.Helper()
	var n int
	view(t, s, func(r Reader) error {
		var err error
		n, err = r.CountUsers()
		return err
	})
	return n
}

func eq(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

// sorted returns a sorted copy.
func sorted(s []string) []string {
	c := slices.Clone(s)
	sort.Strings(c)
	return c
}

// newUser is a plain directory user for tests.
func newUser(upn, name string) *User {
	return &User{
		ID: UserIDFor(upn), UserPrincipalName: upn, DisplayName: name,
		SipAddress: "sip:" + upn, PrimarySmtpAddress: upn, HasMailbox: true,
		Provider: ProviderMicrosoft, AudioConferencingLicense: true,
		Created: DemoCreated, Modified: DemoCreated,
	}
}

// demoUPNs are the twelve demo users, in UPN order.
var demoUPNs = sorted([]string{
	"admin@contoso.onmicrosoft.com", "pilar.ackerman@contoso.com", "amos.marble@contoso.com",
	"ken.myer@contoso.com", "david.longmuir@contoso.com", "lee.gu@contoso.com",
	"megan.bowen@contoso.com", "nestor.wilke@contoso.com", "alex.wilber@contoso.com",
	"isaiah.langer@contoso.com", "adele.vance@contoso.com", "grady.archie@contoso.com",
})

// checkIndexes checks, for a Badger store, that the secondary indexes are
// exactly the entries the users imply: none missing, none stale.
func checkIndexes(t *testing.T, s Store) {
	t.Helper()
	view(t, s, func(r Reader) error {
		tx, ok := r.(*tx)
		if !ok {
			return nil
		}
		want := map[string]string{}
		err := tx.each([]byte{nsUser}, true, false, func(_, v []byte) (bool, error) {
			var u User
			if err := decode(v, &u); err != nil {
				return false, err
			}
			for _, e := range userIndex(&u) {
				want[string(e.key)] = string(e.val)
			}
			return true, nil
		})
		if err != nil {
			return err
		}
		got := map[string]string{}
		for _, ns := range []byte{nsIdxUPN, nsIdxSIP, nsIdxName, nsIdxAlias, nsIdxWord, nsIdxConf} {
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
