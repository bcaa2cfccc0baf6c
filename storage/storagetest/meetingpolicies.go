package storagetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/csshell/csshell/storage"
)

// meetingIdentities lists the policies' identities.
func meetingIdentities(ps []*storage.MeetingPolicy) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Identity
	}
	return out
}

var _ = conformance(
	conformanceCase{"MeetingPoliciesBuiltIn", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error { return w.DeleteAll() })
		View(t, s, func(r storage.Reader) error {
			all, err := r.MeetingPolicies()
			if err != nil || !reflect.DeepEqual(all, storage.BuiltinMeetingPolicies()) {
				t.Errorf("MeetingPolicies of an empty tenant = %v, %v; want the built-in ones", meetingIdentities(all), err)
			}
			for _, name := range []string{"global", "Kiosk", "tag:alloff"} {
				if p, err := r.MeetingPolicy(name); err != nil || p.Identity != storage.BuiltinMeetingPolicy(name).Identity {
					t.Errorf("MeetingPolicy(%q) = %v, %v", name, p, err)
				}
			}
			if _, err := r.MeetingPolicy("Sales"); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("MeetingPolicy of none: err = %v, want ErrNotFound", err)
			}
			return nil
		})
	}},
	conformanceCase{"MeetingPoliciesRoundTrip", func(t *testing.T, s storage.Store) {
		sales := storage.NewMeetingPolicy("Sales")
		sales.Settings[storage.MeetingAllowPSTNUsersToBypassLobby] = "True"
		sales.Settings[storage.MeetingAutoAdmittedUsers] = "Everyone"
		Update(t, s, func(w storage.Writer) error {
			if err := w.PutMeetingPolicy(sales); err != nil {
				return err
			}
			kiosk := storage.BuiltinMeetingPolicy("Kiosk")
			kiosk.Settings["AllowMeetNow"] = "False"
			return w.PutMeetingPolicy(kiosk)
		})
		ken := UserByUPN(t, s, Ken)
		View(t, s, func(r storage.Reader) error {
			all, err := r.MeetingPolicies()
			Eq(t, "policies", meetingIdentities(all), []string{"Global", "Tag:AllOn", "Tag:RestrictedAnonymousAccess", "Tag:AllOff",
				"Tag:RestrictedAnonymousNoRecording", "Tag:Default", "Tag:Kiosk", "Tag:Sales"})
			if err != nil || !reflect.DeepEqual(all[7], sales) || all[6].Value("AllowMeetNow") != "False" {
				t.Errorf("MeetingPolicies = %+v, %v", all, err)
			}
			p, err := storage.EffectiveMeetingPolicy(r, ken)
			if err != nil || p.Identity != "Global" {
				t.Errorf("effective policy without an assignment = %v, %v; want Global", p, err)
			}
			return nil
		})
		Update(t, s, func(w storage.Writer) error {
			ken.MeetingPolicy = "Sales"
			if err := w.PutUser(ken); err != nil {
				return err
			}
			st, err := w.Settings()
			if err != nil {
				return err
			}
			st.GlobalMeetingPolicy = "AllOff"
			return w.PutSettings(st)
		})
		Check(t, s)
		amos := UserByUPN(t, s, "amos.marble@contoso.com")
		View(t, s, func(r storage.Reader) error {
			for u, want := range map[*storage.User]string{ken: "Tag:Sales", amos: "Tag:AllOff"} {
				if p, err := storage.EffectiveMeetingPolicy(r, u); err != nil || p.Identity != want {
					t.Errorf("effective policy of %s = %v, %v; want %s", u.UserPrincipalName, p, err, want)
				}
			}
			return nil
		})
		// Removing the policy moves its users back to the tenant default.
		Update(t, s, func(w storage.Writer) error {
			users, err := w.DeleteMeetingPolicy("tag:sales")
			if err != nil || len(users) != 1 || users[0].ID != ken.ID {
				t.Errorf("DeleteMeetingPolicy unassigned %v, %v; want Ken", users, err)
			}
			return err
		})
		Check(t, s)
		if got := UserByUPN(t, s, Ken).MeetingPolicy; got != "" {
			t.Errorf("Ken's policy after the delete = %q, want \"\"", got)
		}
	}},
	conformanceCase{"MeetingPoliciesRefused", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		put := func(p *storage.MeetingPolicy) func(w storage.Writer) error {
			return func(w storage.Writer) error { return w.PutMeetingPolicy(p) }
		}
		refused := map[string]func(w storage.Writer) error{
			"no identity":     put(&storage.MeetingPolicy{}),
			"bare identity":   put(&storage.MeetingPolicy{Identity: "Sales"}),
			"Tag:Global":      put(&storage.MeetingPolicy{Identity: "Tag:Global"}),
			"unknown setting": put(&storage.MeetingPolicy{Identity: "Tag:X", Settings: map[string]string{"AllowTeleport": "True"}}),
			"setting's case":  put(&storage.MeetingPolicy{Identity: "Tag:X", Settings: map[string]string{"allowmeetnow": "True"}}),
			"unknown value":   put(&storage.MeetingPolicy{Identity: "Tag:X", Settings: map[string]string{storage.MeetingAutoAdmittedUsers: "everyone"}}),
			"remove Global":   func(w storage.Writer) error { _, err := w.DeleteMeetingPolicy("Global"); return err },
			"remove a preset": func(w storage.Writer) error { _, err := w.DeleteMeetingPolicy("AllOn"); return err },
			"remove none":     func(w storage.Writer) error { _, err := w.DeleteMeetingPolicy("Nope"); return err },
			"user on none": func(w storage.Writer) error {
				u := *ken
				u.MeetingPolicy = "Nope"
				return w.PutUser(&u)
			},
			"user on Global by name": func(w storage.Writer) error {
				u := *ken
				u.MeetingPolicy = "Global"
				return w.PutUser(&u)
			},
			"tenant on none": func(w storage.Writer) error {
				st, err := w.Settings()
				if err != nil {
					return err
				}
				st.GlobalMeetingPolicy = "Nope"
				return w.PutSettings(st)
			},
		}
		for name, fn := range refused {
			if err := s.Update(fn); err == nil {
				t.Errorf("%s: accepted", name)
			}
		}
		Check(t, s)
	}},
)
