package storagetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
)

var _ = conformance(
	conformanceCase{"FindUsersForms", func(t *testing.T, s storage.Store) {
		k := []string{Ken}
		for _, id := range []string{
			storage.UserIDFor(Ken), strings.ToUpper(storage.UserIDFor(Ken)), Ken, "KEN.Myer@Contoso.COM", "  ken.myer@contoso.com ",
			"sip:ken.myer@contoso.com", "SIP:Ken.Myer@contoso.com", `contoso\ken.myer`, `CONTOSO\Ken.Myer`,
			"Ken Myer", "ken myer",
		} {
			Eq(t, "FindUsers("+id+")", Find(t, s, id), k)
		}
		Eq(t, `contoso\admin`, Find(t, s, `contoso\admin`), []string{"admin@contoso.onmicrosoft.com"})
		for _, id := range []string{"", "nobody@contoso.com", `fabrikam\ken.myer`, `contoso\nobody`, "Ken", "ken.myer",
			"sip:nobody@contoso.com", "00000000-0000-0000-0000-000000000000"} {
			Eq(t, "FindUsers("+id+")", Find(t, s, id), nil)
		}
	}},
	conformanceCase{"AddressOwnerUPNAndSIPOnly", func(t *testing.T, s storage.Store) {
		owner := func(address string) string {
			var upn string
			View(t, s, func(r storage.Reader) error {
				u, err := r.AddressOwner(address)
				if u != nil {
					upn = u.UserPrincipalName
				}
				return err
			})
			return upn
		}
		for _, a := range []string{Ken, "KEN.Myer@Contoso.COM", " ken.myer@contoso.com ", "sip:ken.myer@contoso.com", "SIP:Ken.Myer@contoso.com"} {
			if got := owner(a); got != Ken {
				t.Errorf("AddressOwner(%q) = %q, want %q", a, got, Ken)
			}
		}
		// Not addresses: a display name, an alias, an object id, nothing.
		for _, a := range []string{"Ken Myer", `contoso\ken.myer`, storage.UserIDFor(Ken), "", "nobody@contoso.com"} {
			if got := owner(a); got != "" {
				t.Errorf("AddressOwner(%q) = %q, want none", a, got)
			}
		}
	}},
	conformanceCase{"FindUsersSharedDisplayName", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error { return w.PutUser(NewUser("ken.myer2@contoso.com", "KEN MYER")) })
		Eq(t, "shared name (UPN order)", Find(t, s, "Ken Myer"), []string{"ken.myer2@contoso.com", Ken})
		Eq(t, "by UPN", Find(t, s, "ken.myer2@contoso.com"), []string{"ken.myer2@contoso.com"})
	}},
	conformanceCase{"IndexesFollowChanges", func(t *testing.T, s storage.Store) {
		u := UserByUPN(t, s, Ken)
		oldConf := u.Conferencing.ConferenceID
		u.UserPrincipalName = "kenneth.myer@contoso.com"
		u.SipAddress = "sip:kmyer@contoso.com"
		u.DisplayName = "Kenneth Myers"
		u.Conferencing.BridgeID = storage.DemoEMEABridgeID
		u.Conferencing.ConferenceID = "1234567"
		Update(t, s, func(w storage.Writer) error { return w.PutUser(u) })
		for _, gone := range []string{Ken, "sip:ken.myer@contoso.com", "Ken Myer", `contoso\ken.myer`} {
			Eq(t, "old "+gone, Find(t, s, gone), nil)
		}
		now := []string{"kenneth.myer@contoso.com"}
		for _, id := range []string{"kenneth.myer@contoso.com", "sip:kmyer@contoso.com", "kmyer@contoso.com", "Kenneth Myers", `contoso\kenneth.myer`, u.ID} {
			Eq(t, "new "+id, Find(t, s, id), now)
		}
		Eq(t, "search ken.", Search(t, s, "ken.", 0), nil)
		Eq(t, "search kenneth.", Search(t, s, "kenneth.", 0), now)
		Eq(t, "search myer", Search(t, s, "myer", 0), now)
		Eq(t, "search myers", Search(t, s, "myers", 0), now)
		Eq(t, "search kmy", Search(t, s, "kmy", 0), now)
		View(t, s, func(r storage.Reader) error {
			if _, ok, _ := r.ConferenceIDOwner(storage.DemoBridgeID, oldConf); ok {
				t.Error("old conference id still held")
			}
			if id, ok, _ := r.ConferenceIDOwner(storage.DemoEMEABridgeID, "1234567"); !ok || id != u.ID {
				t.Error("new conference id not held")
			}
			return nil
		})
		// Disabling frees the conference id.
		u.Conferencing = nil
		Update(t, s, func(w storage.Writer) error { return w.PutUser(u) })
		View(t, s, func(r storage.Reader) error {
			if _, ok, _ := r.ConferenceIDOwner(storage.DemoEMEABridgeID, "1234567"); ok {
				t.Error("conference id of a disabled user still held")
			}
			return nil
		})
		if n := Count(t, s); n != 12 {
			t.Errorf("count = %d", n)
		}
		Check(t, s)
	}},
	conformanceCase{"DeleteUser", func(t *testing.T, s storage.Store) {
		u := UserByUPN(t, s, Ken)
		Update(t, s, func(w storage.Writer) error { return w.DeleteUser(u.ID) })
		for _, id := range []string{Ken, u.ID, "sip:" + Ken, "Ken Myer", `contoso\ken.myer`} {
			Eq(t, "deleted "+id, Find(t, s, id), nil)
		}
		Eq(t, "search ken", Search(t, s, "ken", 0), nil)
		View(t, s, func(r storage.Reader) error {
			if _, err := r.User(u.ID); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("User after delete: %v", err)
			}
			if _, ok, _ := r.ConferenceIDOwner(storage.DemoBridgeID, u.Conferencing.ConferenceID); ok {
				t.Error("conference id of a deleted user still held")
			}
			return nil
		})
		if n := Count(t, s); n != 11 {
			t.Errorf("count = %d", n)
		}
		err := s.Update(func(w storage.Writer) error { return w.DeleteUser(u.ID) })
		if !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		Check(t, s)
		// The UPN is free again.
		Update(t, s, func(w storage.Writer) error { return w.PutUser(NewUser(Ken, "Ken Myer")) })
	}},
	conformanceCase{"Duplicates", func(t *testing.T, s storage.Store) {
		kenU := UserByUPN(t, s, Ken)
		other := func(upn string) *storage.User { u := NewUser(upn, "Other"); u.ID = storage.NewID(); return u }
		cases := map[string]*storage.User{
			"upn": other("KEN.MYER@contoso.com"),
			"sip": func() *storage.User {
				u := other("other@contoso.com")
				u.SipAddress = "SIP:ken.myer@contoso.com"
				return u
			}(),
			"conference id": func() *storage.User {
				u := other("other@contoso.com")
				u.Conferencing = &storage.Conferencing{BridgeID: storage.DemoBridgeID, ConferenceID: kenU.Conferencing.ConferenceID}
				return u
			}(),
		}
		for name, u := range cases {
			err := s.Update(func(w storage.Writer) error { return w.PutUser(u) })
			var dup *storage.DuplicateError
			if !errors.Is(err, storage.ErrDuplicate) || !errors.As(err, &dup) {
				t.Errorf("%s: err = %v, want ErrDuplicate", name, err)
			}
		}
		Eq(t, "other", Find(t, s, "other@contoso.com"), nil)
		if n := Count(t, s); n != 12 {
			t.Errorf("count = %d", n)
		}
		// The same conference id on another bridge is fine.
		u := NewUser("other@contoso.com", "Other")
		u.Conferencing = &storage.Conferencing{BridgeID: storage.DemoEMEABridgeID, ConferenceID: kenU.Conferencing.ConferenceID}
		Update(t, s, func(w storage.Writer) error { return w.PutUser(u) })
		// Rewriting a user with its own values is no duplicate.
		Update(t, s, func(w storage.Writer) error { return w.PutUser(kenU) })
		err := s.Update(func(w storage.Writer) error {
			return w.PutBridge(&storage.Bridge{ID: storage.NewID(), Name: "emea BRIDGE"})
		})
		if !errors.Is(err, storage.ErrDuplicate) {
			t.Errorf("bridge name: %v", err)
		}
		for _, bad := range []*storage.User{{UserPrincipalName: "x@contoso.com"}, {ID: storage.NewID()}} {
			if err := s.Update(func(w storage.Writer) error { return w.PutUser(bad) }); err == nil {
				t.Errorf("PutUser(%+v) = nil", bad)
			}
		}
	}},
	conformanceCase{"ScanAndCount", func(t *testing.T, s storage.Store) {
		if n := Count(t, s); n != 12 {
			t.Errorf("count = %d", n)
		}
		scan := func(after string, limit int) (upns []string) {
			View(t, s, func(r storage.Reader) error {
				return r.ScanUsers(after, limit, func(u *storage.User) error {
					upns = append(upns, u.UserPrincipalName)
					return nil
				})
			})
			return upns
		}
		Eq(t, "all", scan("", 0), DemoUPNs)
		Eq(t, "first 3", scan("", 3), DemoUPNs[:3])
		Eq(t, "after 3rd", scan(DemoUPNs[2], 2), DemoUPNs[3:5])
		Eq(t, "after 3rd, upper", scan(strings.ToUpper(DemoUPNs[2]), 2), DemoUPNs[3:5])
		Eq(t, "after a non-user", scan("b", 0), DemoUPNs[4:])
		Eq(t, "after last", scan(DemoUPNs[11], 0), nil)
		stop := errors.New("stop")
		n := 0
		err := s.View(func(r storage.Reader) error {
			return r.ScanUsers("", 0, func(*storage.User) error { n++; return stop })
		})
		if err != stop || n != 1 {
			t.Errorf("fn error: %v after %d", err, n)
		}
		// fn may write while scanning.
		Update(t, s, func(w storage.Writer) error {
			return w.ScanUsers("", 0, func(u *storage.User) error {
				u.City = "Anywhere"
				return w.PutUser(u)
			})
		})
		if UserByUPN(t, s, Ken).City != "Anywhere" {
			t.Error("write during scan lost")
		}
	}},
	conformanceCase{"SearchUsers", func(t *testing.T, s storage.Store) {
		Eq(t, "ke", Search(t, s, "ke", 0), []string{Ken})
		Eq(t, "KEN", Search(t, s, "KEN", 0), []string{Ken})
		Eq(t, "sip:ken", Search(t, s, "sip:ken", 0), []string{Ken})
		Eq(t, "my", Search(t, s, "my", 0), []string{Ken})
		Eq(t, "ken m", Search(t, s, "ken m", 0), []string{Ken})
		Eq(t, "a", Search(t, s, "a", 0), []string{"adele.vance@contoso.com", "admin@contoso.onmicrosoft.com",
			"alex.wilber@contoso.com", "amos.marble@contoso.com", "grady.archie@contoso.com", "pilar.ackerman@contoso.com"})
		// With a limit, the first matches in index (word) order are kept:
		// "ackerman" and "adele" come before "admin".
		Eq(t, "a limit 2", Search(t, s, "a", 2), []string{"adele.vance@contoso.com", "pilar.ackerman@contoso.com"})
		Eq(t, "empty", Search(t, s, "", 0), DemoUPNs)
		Eq(t, "empty limit", Search(t, s, "", 4), DemoUPNs[:4])
		Eq(t, "none", Search(t, s, "zz", 0), nil)
		Eq(t, "onmicrosoft is no word start", Search(t, s, "onmicrosoft", 0), nil)
		Eq(t, "contoso", Search(t, s, "contoso", 0), []string{"admin@contoso.onmicrosoft.com"})
		for _, upn := range Search(t, s, "m", 0) {
			if !strings.Contains(strings.ToLower(UserByUPN(t, s, upn).DisplayName+" "+upn), "m") {
				t.Errorf("m matched %s", upn)
			}
		}
	}},
	conformanceCase{"ValuesAreCopies", func(t *testing.T, s storage.Store) {
		var first *storage.User
		View(t, s, func(r storage.Reader) error {
			var err error
			first, err = r.User(storage.UserIDFor(Ken))
			return err
		})
		first.DisplayName = "Changed"
		first.Conferencing.PIN.Hash[0] ^= 0xFF
		again := UserByUPN(t, s, Ken)
		if again.DisplayName != "Ken Myer" || again.Conferencing.PIN.Hash[0] == first.Conferencing.PIN.Hash[0] {
			t.Error("a returned user shares memory with the store")
		}
	}},
)
