package storagetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/csshell/csshell/storage"
)

// identities lists the policies' identities.
func identities(ps []*storage.AudioConferencingPolicy) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Identity
	}
	return out
}

var _ = conformance(
	conformanceCase{"AudioPoliciesBuiltIn", func(t *testing.T, s storage.Store) {
		Update(t, s, func(w storage.Writer) error { return w.DeleteAll() })
		View(t, s, func(r storage.Reader) error {
			all, err := r.AudioConferencingPolicies()
			if err != nil || !reflect.DeepEqual(all, storage.BuiltinAudioConferencingPolicies()) {
				t.Errorf("AudioConferencingPolicies of an empty tenant = %v, %v; want the automatic ones", identities(all), err)
			}
			for _, name := range []string{"global", "AllowTollFreeDialinFalse", "tag:allowtollfreedialinfalse"} {
				if p, err := r.AudioConferencingPolicy(name); err != nil || p.Identity != storage.BuiltinAudioConferencingPolicy(name).Identity {
					t.Errorf("AudioConferencingPolicy(%q) = %v, %v", name, p, err)
				}
			}
			if _, err := r.AudioConferencingPolicy("Emea Users"); !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("AudioConferencingPolicy of none: err = %v, want ErrNotFound", err)
			}
			return nil
		})
	}},
	conformanceCase{"AudioPoliciesRoundTrip", func(t *testing.T, s storage.Store) {
		emea := &storage.AudioConferencingPolicy{Identity: "Tag:EMEA Users", AllowTollFreeDialin: false,
			MeetingInvitePhoneNumbers: []string{"442075550100", "448005550100"}}
		Update(t, s, func(w storage.Writer) error {
			if err := w.PutAudioConferencingPolicy(emea); err != nil {
				return err
			}
			g := storage.BuiltinAudioConferencingPolicies()[0]
			g.MeetingInvitePhoneNumbers = []string{"14255550100"}
			return w.PutAudioConferencingPolicy(g)
		})
		ken := UserByUPN(t, s, Ken)
		View(t, s, func(r storage.Reader) error {
			all, err := r.AudioConferencingPolicies()
			Eq(t, "policies", identities(all), []string{"Global", "Tag:AllowTollFreeDialinFalse", "Tag:EMEA Users"})
			if err != nil || !reflect.DeepEqual(all[2], emea) || !reflect.DeepEqual(all[0].MeetingInvitePhoneNumbers, []string{"14255550100"}) {
				t.Errorf("AudioConferencingPolicies = %+v, %v", all, err)
			}
			p, err := storage.EffectiveAudioConferencingPolicy(r, ken)
			if err != nil || p.Identity != "Global" {
				t.Errorf("effective policy without an assignment = %v, %v; want Global", p, err)
			}
			return nil
		})
		Update(t, s, func(w storage.Writer) error {
			ken.AudioConferencingPolicy = "EMEA Users"
			if err := w.PutUser(ken); err != nil {
				return err
			}
			st, err := w.Settings()
			if err != nil {
				return err
			}
			st.GlobalAudioConferencingPolicy = "AllowTollFreeDialinFalse"
			return w.PutSettings(st)
		})
		Check(t, s)
		amos := UserByUPN(t, s, "amos.marble@contoso.com")
		View(t, s, func(r storage.Reader) error {
			for u, want := range map[*storage.User]string{ken: "Tag:EMEA Users", amos: storage.AudioPolicyNoTollFreeDialin} {
				if p, err := storage.EffectiveAudioConferencingPolicy(r, u); err != nil || p.Identity != want {
					t.Errorf("effective policy of %s = %v, %v; want %s", u.UserPrincipalName, p, err, want)
				}
			}
			return nil
		})
		// Removing the policy moves its users back to the tenant default.
		Update(t, s, func(w storage.Writer) error {
			users, err := w.DeleteAudioConferencingPolicy("emea users")
			if err != nil || len(users) != 1 || users[0].ID != ken.ID {
				t.Errorf("DeleteAudioConferencingPolicy unassigned %v, %v; want Ken", users, err)
			}
			return err
		})
		Check(t, s)
		if got := UserByUPN(t, s, Ken).AudioConferencingPolicy; got != "" {
			t.Errorf("Ken's policy after the delete = %q, want \"\"", got)
		}
	}},
	conformanceCase{"AudioPoliciesRefused", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		refused := map[string]func(w storage.Writer) error{
			"no identity": func(w storage.Writer) error { return w.PutAudioConferencingPolicy(&storage.AudioConferencingPolicy{}) },
			"bare identity": func(w storage.Writer) error {
				return w.PutAudioConferencingPolicy(&storage.AudioConferencingPolicy{Identity: "EMEA"})
			},
			"Tag:Global": func(w storage.Writer) error {
				return w.PutAudioConferencingPolicy(&storage.AudioConferencingPolicy{Identity: "Tag:Global"})
			},
			"malformed number": func(w storage.Writer) error {
				return w.PutAudioConferencingPolicy(&storage.AudioConferencingPolicy{Identity: "Tag:X", MeetingInvitePhoneNumbers: []string{"+1 425"}})
			},
			"remove Global": func(w storage.Writer) error { _, err := w.DeleteAudioConferencingPolicy("Global"); return err },
			"remove automatic": func(w storage.Writer) error {
				_, err := w.DeleteAudioConferencingPolicy("AllowTollFreeDialinFalse")
				return err
			},
			"remove none": func(w storage.Writer) error { _, err := w.DeleteAudioConferencingPolicy("Nope"); return err },
			"user on none": func(w storage.Writer) error {
				u := *ken
				u.AudioConferencingPolicy = "Nope"
				return w.PutUser(&u)
			},
			"tenant on none": func(w storage.Writer) error {
				st, err := w.Settings()
				if err != nil {
					return err
				}
				st.GlobalAudioConferencingPolicy = "Nope"
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
