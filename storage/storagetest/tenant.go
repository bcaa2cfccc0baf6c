package storagetest

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
)

var _ = conformance(
	conformanceCase{"TenantAndSettings", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error {
			tn, _ := w.Tenant()
			tn.ConferencingStatus = "Disabled"
			if err := w.PutTenant(tn); err != nil {
				return err
			}
			st, _ := w.Settings()
			st.PinLength = 8
			st.AllowedDialOutExternalDomains = []string{"fabrikam.com"}
			return w.PutSettings(st)
		})
		View(t, s, func(r storage.Reader) error {
			tn, _ := r.Tenant()
			st, _ := r.Settings()
			if tn.ConferencingStatus != "Disabled" || st.PinLength != 8 || !reflect.DeepEqual(st.AllowedDialOutExternalDomains, []string{"fabrikam.com"}) {
				t.Errorf("tenant %+v settings %+v", tn, st)
			}
			return nil
		})
	}},
	conformanceCase{"Bridges", func(t *testing.T, s storage.Store) {
		apac := &storage.Bridge{ID: storage.NewID(), Name: "APAC Bridge", Region: "APAC", IsDefault: true}
		Update(t, s, func(w storage.Writer) error { return w.PutBridge(apac) })
		View(t, s, func(r storage.Reader) error {
			b, err := r.BridgeByName("apac bridge")
			if err != nil || b.ID != apac.ID {
				t.Errorf("BridgeByName = %+v, %v", b, err)
			}
			if b, err := r.Bridge(apac.ID); err != nil || b.Name != "APAC Bridge" {
				t.Errorf("Bridge = %+v, %v", b, err)
			}
			all, _ := r.Bridges()
			defaults := 0
			for _, b := range all {
				if b.IsDefault {
					defaults++
				}
			}
			if len(all) != 3 || defaults != 1 {
				t.Errorf("%d bridges, %d default", len(all), defaults)
			}
			if _, err := r.BridgeByName("nope"); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("unknown name: %v", err)
			}
			if _, err := r.Bridge(storage.NewID()); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("unknown id: %v", err)
			}
			return nil
		})
		// Renaming a bridge to its own name is fine.
		apac.Region = "APJ"
		Update(t, s, func(w storage.Writer) error { return w.PutBridge(apac) })
		Update(t, s, func(w storage.Writer) error { return w.DeleteBridge(apac.ID) })
		if err := s.Update(func(w storage.Writer) error { return w.DeleteBridge(apac.ID) }); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
	}},
	conformanceCase{"ServiceNumbers", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error {
			return w.PutServiceNumber(&storage.ServiceNumber{Number: "+13125550100", City: "Chicago", Type: storage.NumberToll, PrimaryLanguage: "en-US"})
		})
		View(t, s, func(r storage.Reader) error {
			for _, form := range []string{"13125550100", "+13125550100", "tel:+13125550100", "TEL:13125550100"} {
				if n, err := r.ServiceNumber(form); err != nil || n.Number != "13125550100" || n.City != "Chicago" {
					t.Errorf("ServiceNumber(%s) = %+v, %v", form, n, err)
				}
			}
			all, _ := r.ServiceNumbers()
			if len(all) != 6 {
				t.Errorf("%d numbers", len(all))
			}
			return nil
		})
		Update(t, s, func(w storage.Writer) error { return w.DeleteServiceNumber("tel:+13125550100") })
		View(t, s, func(r storage.Reader) error {
			if _, err := r.ServiceNumber("13125550100"); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("after delete: %v", err)
			}
			return nil
		})
		if err := s.Update(func(w storage.Writer) error { return w.DeleteServiceNumber("1") }); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("delete unknown: %v", err)
		}
	}},
	conformanceCase{"DialOutPolicies", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error {
			if err := w.PutDialOutPolicy(&storage.DialOutPolicy{Identity: "global", AllowPSTNConferencingDialOutType: "DomesticOnly"}); err != nil {
				return err
			}
			return w.PutDialOutPolicy(&storage.DialOutPolicy{Identity: "Tag:Custom", AllowPSTNConferencingDialOutType: "Disabled"})
		})
		View(t, s, func(r storage.Reader) error {
			p, _ := r.DialOutPolicies()
			if len(p) != 14 || p[0].Identity != "global" || p[0].AllowPSTNConferencingDialOutType != "DomesticOnly" || p[13].Identity != "Tag:Custom" {
				t.Errorf("policies: %d, first %+v, last %+v", len(p), p[0], p[len(p)-1])
			}
			return nil
		})
	}},
	conformanceCase{"MailAndAudit", func(t *testing.T, s storage.Store) {
		for i := 1; i <= 5; i++ {
			Update(t, s, func(w storage.Writer) error {
				m := &storage.Mail{To: fmt.Sprintf("u%d@contoso.com", i), Kind: storage.MailInfo, Body: "b", Sent: storage.DemoCreated}
				if err := w.AddMail(m); err != nil {
					return err
				}
				if m.Seq != uint64(i) {
					t.Errorf("mail seq = %d, want %d", m.Seq, i)
				}
				a := &storage.AuditRecord{Cmdlet: "Set-X", Target: fmt.Sprint(i), Time: storage.DemoCreated,
					Changes: []storage.Change{{Property: "P", Old: "a", New: "b"}}}
				if err := w.AddAudit(a); err != nil {
					return err
				}
				if a.Seq != uint64(i) {
					t.Errorf("audit seq = %d, want %d", a.Seq, i)
				}
				return nil
			})
		}
		View(t, s, func(r storage.Reader) error {
			tos := func(ms []*storage.Mail) (out []string) {
				for _, m := range ms {
					out = append(out, m.To)
				}
				return out
			}
			all, _ := r.Mail(0, nil)
			Eq(t, "all mail", tos(all), []string{"u1@contoso.com", "u2@contoso.com", "u3@contoso.com", "u4@contoso.com", "u5@contoso.com"})
			last2, _ := r.Mail(2, nil)
			Eq(t, "last 2", tos(last2), []string{"u4@contoso.com", "u5@contoso.com"})
			odd, _ := r.Mail(2, func(m *storage.Mail) bool { return m.Seq%2 == 1 })
			Eq(t, "last 2 odd", tos(odd), []string{"u3@contoso.com", "u5@contoso.com"})
			many, _ := r.Mail(50, nil)
			if len(many) != 5 {
				t.Errorf("Mail(50) = %d", len(many))
			}
			recs, _ := r.Audit(3, nil)
			var targets []string
			for _, a := range recs {
				targets = append(targets, a.Target)
			}
			Eq(t, "last 3 audit", targets, []string{"3", "4", "5"})
			if !reflect.DeepEqual(recs[0].Changes, []storage.Change{{Property: "P", Old: "a", New: "b"}}) || !recs[0].Time.Equal(storage.DemoCreated) {
				t.Errorf("audit record = %+v", recs[0])
			}
			none, _ := r.Audit(0, func(*storage.AuditRecord) bool { return false })
			if len(none) != 0 {
				t.Errorf("filtered audit = %d", len(none))
			}
			return nil
		})
	}},
	conformanceCase{"UpdateRollsBack", func(t *testing.T, s storage.Store) {
		boom := errors.New("boom")
		err := s.Update(func(w storage.Writer) error {
			if err := w.PutUser(NewUser("temp@contoso.com", "Temp")); err != nil {
				return err
			}
			if err := w.DeleteUser(storage.UserIDFor(Ken)); err != nil {
				return err
			}
			if err := w.AddMail(&storage.Mail{To: "x"}); err != nil {
				return err
			}
			if err := w.AddAudit(&storage.AuditRecord{Cmdlet: "x"}); err != nil {
				return err
			}
			st, _ := w.Settings()
			st.PinLength = 9
			if err := w.PutSettings(st); err != nil {
				return err
			}
			// The transaction sees its own writes.
			if got := len(mustFind(w, "temp@contoso.com")); got != 1 {
				t.Errorf("own write not visible: %d", got)
			}
			return boom
		})
		if err != boom {
			t.Fatalf("Update = %v, want fn's error", err)
		}
		Eq(t, "temp", Find(t, s, "temp@contoso.com"), nil)
		Eq(t, "ken", Find(t, s, Ken), []string{Ken})
		View(t, s, func(r storage.Reader) error {
			m, _ := r.Mail(0, nil)
			a, _ := r.Audit(0, nil)
			st, _ := r.Settings()
			if len(m) != 0 || len(a) != 0 || st.PinLength != 5 {
				t.Errorf("rolled back: %d mail, %d audit, PinLength %d", len(m), len(a), st.PinLength)
			}
			return nil
		})
		// The sequence numbers were rolled back too.
		Update(t, s, func(w storage.Writer) error {
			m := &storage.Mail{To: "y"}
			err := w.AddMail(m)
			if m.Seq != 1 {
				t.Errorf("seq after rollback = %d", m.Seq)
			}
			return err
		})
	}},
	conformanceCase{"DeleteAll", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "x"}) })
		Update(t, s, func(w storage.Writer) error { return w.DeleteAll() })
		View(t, s, func(r storage.Reader) error {
			if _, err := r.Tenant(); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("tenant: %v", err)
			}
			n, _ := r.CountUsers()
			b, _ := r.Bridges()
			sn, _ := r.ServiceNumbers()
			p, _ := r.DialOutPolicies()
			m, _ := r.Mail(0, nil)
			a, _ := r.Audit(0, nil)
			if n+len(b)+len(sn)+len(p)+len(m)+len(a) != 0 {
				t.Errorf("left: %d users %d bridges %d numbers %d policies %d mail %d audit", n, len(b), len(sn), len(p), len(m), len(a))
			}
			if st, err := r.Settings(); err != nil || !reflect.DeepEqual(st, storage.NewDefaultSettings()) {
				t.Errorf("settings after DeleteAll = %+v, %v", st, err)
			}
			return nil
		})
		Eq(t, "search", Search(t, s, "k", 0), nil)
		Eq(t, "find", Find(t, s, "Ken Myer"), nil)
		Update(t, s, storage.SeedDemo)
		if n := Count(t, s); n != 12 {
			t.Errorf("reseeded: %d users", n)
		}
	}},
	conformanceCase{"ResetDemo", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error {
			if err := w.DeleteUser(storage.UserIDFor(Ken)); err != nil {
				return err
			}
			if err := w.AddAudit(&storage.AuditRecord{Cmdlet: "x"}); err != nil {
				return err
			}
			return w.PutUser(NewUser("extra@contoso.com", "Extra"))
		})
		if err := storage.ResetDemo(s); err != nil {
			t.Fatal(err)
		}
		Eq(t, "users", Search(t, s, "", 0), DemoUPNs)
		View(t, s, func(r storage.Reader) error {
			a, _ := r.Audit(0, nil)
			if len(a) != 0 {
				t.Errorf("audit after reset = %d", len(a))
			}
			return nil
		})
	}},
	conformanceCase{"ResetEmpty", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error {
			if err := w.AddMail(&storage.Mail{To: "x"}); err != nil {
				return err
			}
			return w.AddAudit(&storage.AuditRecord{Cmdlet: "x"})
		})
		if err := storage.ResetEmpty(s); err != nil {
			t.Fatal(err)
		}
		CheckEmpty(t, s)
	}},
	conformanceCase{"BigResets", func(t *testing.T, s storage.Store) {
		// More users than one transaction of a small store holds: a store
		// whose Update then fails must fail with ErrTooBig, change
		// nothing, and reset through its BulkReset.
		if err := storage.AddSyntheticUsers(s, 2500); err != nil {
			t.Fatal(err)
		}
		for _, kind := range []storage.ResetKind{storage.ResetKindEmpty, storage.ResetKindDemo} {
			err := s.Update(func(w storage.Writer) error { return storage.ApplyReset(w, kind) })
			if err != nil && !errors.Is(err, storage.ErrTooBig) {
				t.Fatalf("a one-transaction %s reset of 2500 users: %v, want nil or ErrTooBig", kind, err)
			}
			if n := Count(t, s); err != nil && n != 2512 {
				t.Fatalf("the failed %s reset changed the store: %d users", kind, n)
			}
			if err := storage.ResetDemo(s); err != nil {
				t.Fatal(err)
			}
			if err := storage.AddSyntheticUsers(s, 2500); err != nil {
				t.Fatal(err)
			}
		}
		if err := storage.ResetEmpty(s); err != nil {
			t.Fatal(err)
		}
		CheckEmpty(t, s)
		if err := storage.AddSyntheticUsers(s, 2500); err != nil {
			t.Fatal(err)
		}
		if err := storage.ResetDemo(s); err != nil {
			t.Fatal(err)
		}
		Eq(t, "users", Search(t, s, "", 0), DemoUPNs)
		Eq(t, "user search", Search(t, s, "user", 0), nil)
		Check(t, s)
	}},
	conformanceCase{"SyntheticUsers", func(t *testing.T, s storage.Store) {
		if err := storage.AddSyntheticUsers(s, 30); err != nil {
			t.Fatal(err)
		}
		if err := storage.AddSyntheticUsers(s, 5); err != nil {
			t.Fatal(err)
		}
		if n := Count(t, s); n != 47 {
			t.Errorf("count = %d", n)
		}
		u := UserByUPN(t, s, "user000035@contoso.com")
		c := u.Conferencing
		if u.DisplayName != "User 000035" || !u.HasMailbox || u.PrimarySmtpAddress != u.UserPrincipalName || c == nil ||
			c.BridgeID != storage.DemoBridgeID || c.ServiceNumber != "14255550100" || c.TollFreeServiceNumber != "18005550100" ||
			c.PIN.Length != 5 || len(c.ConferenceID) != 7 || u.ID != storage.UserIDFor(u.UserPrincipalName) {
			t.Errorf("synthetic user %+v %+v", u, c)
		}
		Eq(t, "user 00003", Search(t, s, "user 00003", 0), []string{
			"user000030@contoso.com", "user000031@contoso.com", "user000032@contoso.com", "user000033@contoso.com",
			"user000034@contoso.com", "user000035@contoso.com"})
		Check(t, s)
		ids := map[string]bool{}
		View(t, s, func(r storage.Reader) error {
			return r.ScanUsers("", 0, func(u *storage.User) error {
				if c := u.Conferencing; c != nil {
					key := c.BridgeID + "/" + c.ConferenceID
					if ids[key] {
						t.Errorf("conference id %s used twice", key)
					}
					ids[key] = true
				}
				return nil
			})
		})
	}},
	conformanceCase{"SyntheticUsersThroughUpdates", func(t *testing.T, s storage.Store) {
		// A store without the optional interfaces (BulkUserAdder,
		// IndexScanner) gets the generic path: a scan of every user, and
		// PutUser.
		w := plain{s}
		if err := storage.AddSyntheticUsers(w, 30); err != nil {
			t.Fatal(err)
		}
		if err := storage.AddSyntheticUsers(s, 3); err != nil {
			t.Fatal(err)
		}
		if err := storage.AddSyntheticUsers(w, 3); err != nil {
			t.Fatal(err)
		}
		Eq(t, "last", Search(t, s, "user00003", 0), []string{"user000030@contoso.com", "user000031@contoso.com",
			"user000032@contoso.com", "user000033@contoso.com", "user000034@contoso.com", "user000035@contoso.com", "user000036@contoso.com"})
		Check(t, s)
	}},
	conformanceCase{"SyntheticUsersSkipNothing", func(t *testing.T, s storage.Store) {
		// Someone else holds a SIP address a new synthetic user would get.
		Update(t, s, func(w storage.Writer) error {
			u := NewUser("someone@contoso.com", "Someone")
			u.SipAddress = "sip:user000002@contoso.com"
			return w.PutUser(u)
		})
		for _, st := range []storage.Store{s, plain{s}} {
			err := storage.AddSyntheticUsers(st, 3)
			if !errors.Is(err, storage.ErrDuplicate) {
				t.Errorf("AddSyntheticUsers over a taken SIP address: %v", err)
			}
		}
		if n := Count(t, s); n != 13 {
			t.Errorf("count = %d after refused synthetic users", n)
		}
		if err := storage.AddSyntheticUsers(s, 0); err != nil {
			t.Error(err)
		}
		Check(t, s)
	}},
	conformanceCase{"PINs", func(t *testing.T, s storage.Store) {
		var a, b storage.PINHash
		Update(t, s, func(w storage.Writer) error {
			var err error
			if a, err = w.HashPIN("48213"); err != nil {
				return err
			}
			b, err = w.HashPIN("48213")
			u := UserByUPN(t, s, Ken)
			u.Conferencing.PIN = a
			if err == nil {
				err = w.PutUser(u)
			}
			return err
		})
		if reflect.DeepEqual(a.Salt, b.Salt) || reflect.DeepEqual(a.Hash, b.Hash) {
			t.Error("two hashes of one PIN are equal: no salt")
		}
		if a.Length != 5 || time.Since(a.SetAt) > time.Minute {
			t.Errorf("hash %+v", a)
		}
		View(t, s, func(r storage.Reader) error {
			stored := UserByUPN(t, s, Ken).Conferencing.PIN
			if !r.VerifyPIN(stored, "48213") || !r.VerifyPIN(b, "48213") {
				t.Error("VerifyPIN(right PIN) = false")
			}
			for _, wrong := range []string{"48214", "4821", "482130", "", "48213 "} {
				if r.VerifyPIN(stored, wrong) {
					t.Errorf("VerifyPIN(%q) = true", wrong)
				}
			}
			if r.VerifyPIN(storage.PINHash{}, "") {
				t.Error("VerifyPIN(empty hash) = true")
			}
			return nil
		})
		Update(t, s, func(w storage.Writer) error {
			for _, bad := range []string{"123", "1234567890123", "12a45", ""} {
				if _, err := w.HashPIN(bad); err == nil {
					t.Errorf("HashPIN(%q) accepted", bad)
				}
			}
			return nil
		})
		View(t, s, func(r storage.Reader) error {
			for range 20 {
				id, err := storage.GenerateConferenceID(r, storage.DemoBridgeID)
				if err != nil || len(id) != 7 || id[0] == '0' {
					t.Errorf("GenerateConferenceID = %q, %v", id, err)
				}
				if _, taken, _ := r.ConferenceIDOwner(storage.DemoBridgeID, id); taken {
					t.Errorf("GenerateConferenceID gave a taken id %s", id)
				}
			}
			return nil
		})
	}},
)

// CheckEmpty checks the state ResetEmpty leaves.
func CheckEmpty(t *testing.T, s storage.Store) {
	t.Helper()
	Eq(t, "users", Search(t, s, "", 0), []string{"admin@contoso.onmicrosoft.com"})
	Eq(t, "ken", Find(t, s, "Ken Myer"), nil)
	Eq(t, "search", Search(t, s, "ken", 0), nil)
	Check(t, s)
	View(t, s, func(r storage.Reader) error {
		tn, err := r.Tenant()
		b, _ := r.Bridges()
		sn, _ := r.ServiceNumbers()
		p, _ := r.DialOutPolicies()
		m, _ := r.Mail(0, nil)
		a, _ := r.Audit(0, nil)
		if err != nil || tn.Name != "Contoso" || len(b) != 2 || len(sn) != 5 || len(p) != 13 || len(m) != 0 || len(a) != 0 {
			t.Errorf("after ResetEmpty: tenant %v %v, %d bridges %d numbers %d policies %d mail %d audit",
				tn, err, len(b), len(sn), len(p), len(m), len(a))
		}
		return nil
	})
	Update(t, s, func(w storage.Writer) error {
		m := &storage.Mail{To: "x"}
		err := w.AddMail(m)
		if m.Seq != 1 {
			t.Errorf("first mail after ResetEmpty has seq %d", m.Seq)
		}
		return err
	})
}

func mustFind(r storage.Reader, identity string) []*storage.User {
	users, _ := r.FindUsers(identity)
	return users
}
