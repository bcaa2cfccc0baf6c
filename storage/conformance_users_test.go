package storage

import (
	"errors"
	"strings"
	"testing"
)

const ken = "ken.myer@contoso.com"

var _ = conformance(
	conformanceCase{"FindUsersForms", func(t *testing.T, s Store) {
		k := []string{ken}
		for _, id := range []string{
			UserIDFor(ken), strings.ToUpper(UserIDFor(ken)), ken, "KEN.Myer@Contoso.COM", "  ken.myer@contoso.com ",
			"sip:ken.myer@contoso.com", "SIP:Ken.Myer@contoso.com", `contoso\ken.myer`, `CONTOSO\Ken.Myer`,
			"Ken Myer", "ken myer",
		} {
			eq(t, "FindUsers("+id+")", find(t, s, id), k)
		}
		eq(t, `contoso\admin`, find(t, s, `contoso\admin`), []string{"admin@contoso.onmicrosoft.com"})
		for _, id := range []string{"", "nobody@contoso.com", `fabrikam\ken.myer`, `contoso\nobody`, "Ken", "ken.myer",
			"sip:nobody@contoso.com", "00000000-0000-0000-0000-000000000000"} {
			eq(t, "FindUsers("+id+")", find(t, s, id), nil)
		}
	}},
	conformanceCase{"FindUsersSharedDisplayName", func(t *testing.T, s Store) {
		update(t, s, func(w Writer) error { return w.PutUser(newUser("ken.myer2@contoso.com", "KEN MYER")) })
		eq(t, "shared name (UPN order)", find(t, s, "Ken Myer"), []string{"ken.myer2@contoso.com", ken})
		eq(t, "by UPN", find(t, s, "ken.myer2@contoso.com"), []string{"ken.myer2@contoso.com"})
	}},
	conformanceCase{"IndexesFollowChanges", func(t *testing.T, s Store) {
		u := user(t, s, ken)
		oldConf := u.Conferencing.ConferenceID
		u.UserPrincipalName = "kenneth.myer@contoso.com"
		u.SipAddress = "sip:kmyer@contoso.com"
		u.DisplayName = "Kenneth Myers"
		u.Conferencing.BridgeID = DemoEMEABridgeID
		u.Conferencing.ConferenceID = "1234567"
		update(t, s, func(w Writer) error { return w.PutUser(u) })
		for _, gone := range []string{ken, "sip:ken.myer@contoso.com", "Ken Myer", `contoso\ken.myer`} {
			eq(t, "old "+gone, find(t, s, gone), nil)
		}
		now := []string{"kenneth.myer@contoso.com"}
		for _, id := range []string{"kenneth.myer@contoso.com", "sip:kmyer@contoso.com", "kmyer@contoso.com", "Kenneth Myers", `contoso\kenneth.myer`, u.ID} {
			eq(t, "new "+id, find(t, s, id), now)
		}
		eq(t, "search ken.", search(t, s, "ken.", 0), nil)
		eq(t, "search kenneth.", search(t, s, "kenneth.", 0), now)
		eq(t, "search myer", search(t, s, "myer", 0), now)
		eq(t, "search myers", search(t, s, "myers", 0), now)
		eq(t, "search kmy", search(t, s, "kmy", 0), now)
		view(t, s, func(r Reader) error {
			if _, ok, _ := r.ConferenceIDOwner(DemoBridgeID, oldConf); ok {
				t.Error("old conference id still held")
			}
			if id, ok, _ := r.ConferenceIDOwner(DemoEMEABridgeID, "1234567"); !ok || id != u.ID {
				t.Error("new conference id not held")
			}
			return nil
		})
		// Disabling frees the conference id.
		u.Conferencing = nil
		update(t, s, func(w Writer) error { return w.PutUser(u) })
		view(t, s, func(r Reader) error {
			if _, ok, _ := r.ConferenceIDOwner(DemoEMEABridgeID, "1234567"); ok {
				t.Error("conference id of a disabled user still held")
			}
			return nil
		})
		if n := count(t, s); n != 12 {
			t.Errorf("count = %d", n)
		}
		checkIndexes(t, s)
	}},
	conformanceCase{"DeleteUser", func(t *testing.T, s Store) {
		u := user(t, s, ken)
		update(t, s, func(w Writer) error { return w.DeleteUser(u.ID) })
		for _, id := range []string{ken, u.ID, "sip:" + ken, "Ken Myer", `contoso\ken.myer`} {
			eq(t, "deleted "+id, find(t, s, id), nil)
		}
		eq(t, "search ken", search(t, s, "ken", 0), nil)
		view(t, s, func(r Reader) error {
			if _, err := r.User(u.ID); !errors.Is(err, ErrNotFound) {
				t.Errorf("User after delete: %v", err)
			}
			if _, ok, _ := r.ConferenceIDOwner(DemoBridgeID, u.Conferencing.ConferenceID); ok {
				t.Error("conference id of a deleted user still held")
			}
			return nil
		})
		if n := count(t, s); n != 11 {
			t.Errorf("count = %d", n)
		}
		err := s.Update(func(w Writer) error { return w.DeleteUser(u.ID) })
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		checkIndexes(t, s)
		// The UPN is free again.
		update(t, s, func(w Writer) error { return w.PutUser(newUser(ken, "Ken Myer")) })
	}},
	conformanceCase{"Duplicates", func(t *testing.T, s Store) {
		kenU := user(t, s, ken)
		other := func(upn string) *User { u := newUser(upn, "Other"); u.ID = NewID(); return u }
		cases := map[string]*User{
			"upn": other("KEN.MYER@contoso.com"),
			"sip": func() *User { u := other("other@contoso.com"); u.SipAddress = "SIP:ken.myer@contoso.com"; return u }(),
			"conference id": func() *User {
				u := other("other@contoso.com")
				u.Conferencing = &Conferencing{BridgeID: DemoBridgeID, ConferenceID: kenU.Conferencing.ConferenceID}
				return u
			}(),
		}
		for name, u := range cases {
			err := s.Update(func(w Writer) error { return w.PutUser(u) })
			var dup *DuplicateError
			if !errors.Is(err, ErrDuplicate) || !errors.As(err, &dup) {
				t.Errorf("%s: err = %v, want ErrDuplicate", name, err)
			}
		}
		eq(t, "other", find(t, s, "other@contoso.com"), nil)
		if n := count(t, s); n != 12 {
			t.Errorf("count = %d", n)
		}
		// The same conference id on another bridge is fine.
		u := newUser("other@contoso.com", "Other")
		u.Conferencing = &Conferencing{BridgeID: DemoEMEABridgeID, ConferenceID: kenU.Conferencing.ConferenceID}
		update(t, s, func(w Writer) error { return w.PutUser(u) })
		// Rewriting a user with its own values is no duplicate.
		update(t, s, func(w Writer) error { return w.PutUser(kenU) })
		err := s.Update(func(w Writer) error { return w.PutBridge(&Bridge{ID: NewID(), Name: "emea BRIDGE"}) })
		if !errors.Is(err, ErrDuplicate) {
			t.Errorf("bridge name: %v", err)
		}
		for _, bad := range []*User{{UserPrincipalName: "x@contoso.com"}, {ID: NewID()}} {
			if err := s.Update(func(w Writer) error { return w.PutUser(bad) }); err == nil {
				t.Errorf("PutUser(%+v) = nil", bad)
			}
		}
	}},
	conformanceCase{"ScanAndCount", func(t *testing.T, s Store) {
		if n := count(t, s); n != 12 {
			t.Errorf("count = %d", n)
		}
		scan := func(after string, limit int) (upns []string) {
			view(t, s, func(r Reader) error {
				return r.ScanUsers(after, limit, func(u *User) error {
					upns = append(upns, u.UserPrincipalName)
					return nil
				})
			})
			return upns
		}
		eq(t, "all", scan("", 0), demoUPNs)
		eq(t, "first 3", scan("", 3), demoUPNs[:3])
		eq(t, "after 3rd", scan(demoUPNs[2], 2), demoUPNs[3:5])
		eq(t, "after 3rd, upper", scan(strings.ToUpper(demoUPNs[2]), 2), demoUPNs[3:5])
		eq(t, "after a non-user", scan("b", 0), demoUPNs[4:])
		eq(t, "after last", scan(demoUPNs[11], 0), nil)
		stop := errors.New("stop")
		n := 0
		err := s.View(func(r Reader) error {
			return r.ScanUsers("", 0, func(*User) error { n++; return stop })
		})
		if err != stop || n != 1 {
			t.Errorf("fn error: %v after %d", err, n)
		}
		// fn may write while scanning.
		update(t, s, func(w Writer) error {
			return w.ScanUsers("", 0, func(u *User) error {
				u.City = "Anywhere"
				return w.PutUser(u)
			})
		})
		if user(t, s, ken).City != "Anywhere" {
			t.Error("write during scan lost")
		}
	}},
	conformanceCase{"SearchUsers", func(t *testing.T, s Store) {
		eq(t, "ke", search(t, s, "ke", 0), []string{ken})
		eq(t, "KEN", search(t, s, "KEN", 0), []string{ken})
		eq(t, "sip:ken", search(t, s, "sip:ken", 0), []string{ken})
		eq(t, "my", search(t, s, "my", 0), []string{ken})
		eq(t, "ken m", search(t, s, "ken m", 0), []string{ken})
		eq(t, "a", search(t, s, "a", 0), []string{"adele.vance@contoso.com", "admin@contoso.onmicrosoft.com",
			"alex.wilber@contoso.com", "amos.marble@contoso.com", "grady.archie@contoso.com", "pilar.ackerman@contoso.com"})
		// With a limit, the first matches in index (word) order are kept:
		// "ackerman" and "adele" come before "admin".
		eq(t, "a limit 2", search(t, s, "a", 2), []string{"adele.vance@contoso.com", "pilar.ackerman@contoso.com"})
		eq(t, "empty", search(t, s, "", 0), demoUPNs)
		eq(t, "empty limit", search(t, s, "", 4), demoUPNs[:4])
		eq(t, "none", search(t, s, "zz", 0), nil)
		eq(t, "onmicrosoft is no word start", search(t, s, "onmicrosoft", 0), nil)
		eq(t, "contoso", search(t, s, "contoso", 0), []string{"admin@contoso.onmicrosoft.com"})
		for _, upn := range search(t, s, "m", 0) {
			if !strings.Contains(strings.ToLower(user(t, s, upn).DisplayName+" "+upn), "m") {
				t.Errorf("m matched %s", upn)
			}
		}
	}},
	conformanceCase{"ValuesAreCopies", func(t *testing.T, s Store) {
		var first *User
		view(t, s, func(r Reader) error {
			var err error
			first, err = r.User(UserIDFor(ken))
			return err
		})
		first.DisplayName = "Changed"
		first.Conferencing.PIN.Hash[0] ^= 0xFF
		again := user(t, s, ken)
		if again.DisplayName != "Ken Myer" || again.Conferencing.PIN.Hash[0] == first.Conferencing.PIN.Hash[0] {
			t.Error("a returned user shares memory with the store")
		}
	}},
)
