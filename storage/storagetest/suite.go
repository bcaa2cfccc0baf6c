// Package storagetest is the conformance suite of storage.Store: the
// behaviour every implementation must have, written against the
// interfaces only. An implementation's test runs it:
//
//	func TestConformance(t *testing.T) {
//		storagetest.Run(t, func(t *testing.T) storage.Store { return openFreshDemoStore(t) })
//	}
//
// A store that also implements Checker has its own invariants (for
// badgerstore: the index entries are exactly those its users imply)
// checked after the changes the cases make. The helpers (View, Update,
// Find, …) are exported for the implementation's own tests.
package storagetest

import (
	"errors"
	"slices"
	"sort"
	"testing"

	"github.com/csshell/csshell/storage"
)

// Checker is implemented by a store under test that can check its own
// invariants; Check fails t when they do not hold.
type Checker interface {
	Check(t *testing.T)
}

// conformanceCase is one behaviour every store must have; each gets a
// freshly opened (demo-seeded) store.
type conformanceCase struct {
	name string
	run  func(t *testing.T, s storage.Store)
}

var conformanceCases []conformanceCase

// conformance registers cases (called from the files of this package).
func conformance(cases ...conformanceCase) bool {
	conformanceCases = append(conformanceCases, cases...)
	return true
}

// Run runs every conformance case, in parallel, each against a store
// open returns: a freshly opened store holding the demo tenant, closed by
// open's own t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) storage.Store) {
	for _, c := range conformanceCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t, open(t))
		})
	}
}

// Check runs s's own invariant checks when s is a Checker.
func Check(t *testing.T, s storage.Store) {
	t.Helper()
	if c, ok := s.(Checker); ok {
		c.Check(t)
	}
}

// View runs fn in s.View and fails the test on error.
func View(t *testing.T, s storage.Store, fn func(r storage.Reader) error) {
	t.Helper()
	if err := s.View(fn); err != nil {
		t.Fatal(err)
	}
}

// Update runs fn in s.Update and fails the test on error.
func Update(t *testing.T, s storage.Store, fn func(w storage.Writer) error) {
	t.Helper()
	if err := s.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// Find returns the UPNs FindUsers gives for identity.
func Find(t *testing.T, s storage.Store, identity string) []string {
	t.Helper()
	var upns []string
	View(t, s, func(r storage.Reader) error {
		users, err := r.FindUsers(identity)
		for _, u := range users {
			upns = append(upns, u.UserPrincipalName)
		}
		return err
	})
	return upns
}

// Search returns the UPNs SearchUsers gives for prefix.
func Search(t *testing.T, s storage.Store, prefix string, limit int) []string {
	t.Helper()
	var upns []string
	View(t, s, func(r storage.Reader) error {
		users, err := r.SearchUsers(prefix, limit)
		for _, u := range users {
			upns = append(upns, u.UserPrincipalName)
		}
		return err
	})
	return upns
}

// UserByUPN loads the one user with that UPN, failing the test otherwise.
func UserByUPN(t *testing.T, s storage.Store, upn string) *storage.User {
	t.Helper()
	var u *storage.User
	View(t, s, func(r storage.Reader) error {
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

// Count returns how many users s holds.
func Count(t *testing.T, s storage.Store) int {
	t.Helper()
	var n int
	View(t, s, func(r storage.Reader) error {
		var err error
		n, err = r.CountUsers()
		return err
	})
	return n
}

// Eq fails the test when got and want differ.
func Eq(t *testing.T, what string, got, want []string) {
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

// NewUser is a plain directory user (mailbox, licence, no conferencing).
func NewUser(upn, name string) *storage.User {
	return &storage.User{
		ID: storage.UserIDFor(upn), UserPrincipalName: upn, DisplayName: name,
		SipAddress: "sip:" + upn, PrimarySmtpAddress: upn, HasMailbox: true,
		Provider: storage.ProviderMicrosoft, AudioConferencingLicense: true,
		Created: storage.DemoCreated, Modified: storage.DemoCreated,
	}
}

// Ken is a demo user conferencing on the default bridge (Finance).
const Ken = "ken.myer@contoso.com"

// DemoUPNs are the twelve demo users, in UPN order.
var DemoUPNs = sorted([]string{
	"admin@contoso.onmicrosoft.com", "pilar.ackerman@contoso.com", "amos.marble@contoso.com",
	"ken.myer@contoso.com", "david.longmuir@contoso.com", "lee.gu@contoso.com",
	"megan.bowen@contoso.com", "nestor.wilke@contoso.com", "alex.wilber@contoso.com",
	"isaiah.langer@contoso.com", "adele.vance@contoso.com", "grady.archie@contoso.com",
})
