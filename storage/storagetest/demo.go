package storagetest

import (
	"reflect"
	"testing"

	"github.com/csshell/csshell/storage"
)

var _ = conformance(
	conformanceCase{"DemoTenant", func(t *testing.T, s storage.Store) {
		View(t, s, func(r storage.Reader) error {
			tn, err := r.Tenant()
			if err != nil {
				return err
			}
			want := &storage.Tenant{ID: storage.DemoTenantID, Name: "Contoso", Domains: []string{"contoso.com", "contoso.onmicrosoft.com"},
				DefaultDomain: "contoso.com", ConferencingStatus: "Enabled"}
			if !reflect.DeepEqual(tn, want) {
				t.Errorf("tenant = %+v, want %+v", tn, want)
			}
			st, err := r.Settings()
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(st, storage.NewDefaultSettings()) {
				t.Errorf("settings = %+v, want the defaults", st)
			}
			pols, err := r.DialOutPolicies()
			if err != nil {
				return err
			}
			if len(pols) != 13 || pols[0].Identity != "Global" || pols[12].Identity != "Tag:DialoutCPCZoneAPSTNDisabled" ||
				pols[9].AllowPSTNConferencingDialOutType != "Disabled" || pols[2].AllowPSTNConferencingDialOutType != "DomesticOnly" {
				t.Errorf("dial-out policies = %d, first %+v", len(pols), pols[0])
			}
			return nil
		})
	}},
	conformanceCase{"DemoBridgesAndNumbers", func(t *testing.T, s storage.Store) {
		View(t, s, func(r storage.Reader) error {
			bridges, err := r.Bridges()
			if err != nil {
				return err
			}
			if len(bridges) != 2 {
				t.Fatalf("bridges = %d", len(bridges))
			}
			cb, emea := bridges[0], bridges[1]
			if cb.Name != "Conference Bridge" || !cb.IsDefault || cb.Region != "NOAM" || cb.DefaultServiceNumber != "14255550100" || cb.ID != storage.DemoBridgeID {
				t.Errorf("default bridge = %+v", cb)
			}
			if emea.Name != "EMEA Bridge" || emea.IsDefault || emea.Region != "EMEA" || emea.DefaultServiceNumber != "442075550100" {
				t.Errorf("EMEA bridge = %+v", emea)
			}
			nums, err := r.ServiceNumbers()
			if err != nil {
				return err
			}
			var got []string
			for _, n := range nums {
				got = append(got, n.Number+" "+n.Type+" "+n.City+" "+n.PrimaryLanguage)
			}
			Eq(t, "numbers", got, []string{
				"12065550100 Toll Seattle en-US", "14255550100 Toll Redmond en-US", "18005550100 TollFree  en-US",
				"442075550100 Toll London en-GB", "448005550100 TollFree  en-GB",
			})
			london, err := r.ServiceNumber("+442075550100")
			if err != nil || london.BridgeID != storage.DemoEMEABridgeID || !reflect.DeepEqual(london.SecondaryLanguages, []string{"fr-FR", "de-DE"}) {
				t.Errorf("London = %+v, %v", london, err)
			}
			return nil
		})
	}},
	conformanceCase{"DemoUsers", func(t *testing.T, s storage.Store) {
		var all []string
		View(t, s, func(r storage.Reader) error {
			return r.ScanUsers("", 0, func(u *storage.User) error {
				all = append(all, u.UserPrincipalName)
				if u.ID != storage.UserIDFor(u.UserPrincipalName) || !u.Created.Equal(storage.DemoCreated) || u.SipAddress != "sip:"+u.UserPrincipalName {
					t.Errorf("%s: id %s created %v sip %s", u.UserPrincipalName, u.ID, u.Created, u.SipAddress)
				}
				return nil
			})
		})
		Eq(t, "demo users", all, DemoUPNs)

		admin := UserByUPN(t, s, "admin@contoso.onmicrosoft.com")
		if admin.DisplayName != "Contoso Admin" || !reflect.DeepEqual(admin.Roles, []string{storage.RoleGlobalAdmin}) || admin.Conferencing != nil {
			t.Errorf("admin = %+v", admin)
		}
		pilar := UserByUPN(t, s, "pilar.ackerman@contoso.com")
		if !reflect.DeepEqual(pilar.Roles, []string{storage.RoleTeamsAdmin}) || pilar.Conferencing == nil {
			t.Errorf("pilar = %+v", pilar)
		}
		if k := UserByUPN(t, s, "ken.myer@contoso.com"); k.Department != "Finance" {
			t.Errorf("ken department = %q", k.Department)
		}
		david := UserByUPN(t, s, "david.longmuir@contoso.com")
		if david.HasMailbox || david.PrimarySmtpAddress != "" || david.Conferencing == nil {
			t.Errorf("david = %+v", david)
		}
		lee := UserByUPN(t, s, "lee.gu@contoso.com")
		if lee.UsageLocation != "GB" || lee.City != "London" || lee.Conferencing == nil ||
			lee.Conferencing.BridgeID != storage.DemoEMEABridgeID || lee.Conferencing.ServiceNumber != "442075550100" ||
			lee.Conferencing.TollFreeServiceNumber != "448005550100" {
			t.Errorf("lee = %+v %+v", lee, lee.Conferencing)
		}
		megan := UserByUPN(t, s, "megan.bowen@contoso.com")
		if megan.Provider != "Intercall" || !megan.AudioConferencingLicense || megan.Conferencing != nil {
			t.Errorf("megan = %+v", megan)
		}
		nestor := UserByUPN(t, s, "nestor.wilke@contoso.com")
		if nestor.AudioConferencingLicense || nestor.Conferencing != nil {
			t.Errorf("nestor = %+v", nestor)
		}
	}},
	conformanceCase{"DemoConferencing", func(t *testing.T, s storage.Store) {
		enabled := 0
		View(t, s, func(r storage.Reader) error {
			bridges, _ := r.Bridges()
			tollFree := map[string]string{storage.DemoBridgeID: "18005550100", storage.DemoEMEABridgeID: "448005550100"}
			return r.ScanUsers("", 0, func(u *storage.User) error {
				c := u.Conferencing
				if c == nil {
					return nil
				}
				enabled++
				var b *storage.Bridge
				for _, x := range bridges {
					if x.ID == c.BridgeID {
						b = x
					}
				}
				owner, ok, err := r.ConferenceIDOwner(c.BridgeID, c.ConferenceID)
				if err != nil || !ok || owner != u.ID {
					t.Errorf("%s: conference id %s owned by %q %v %v", u.UserPrincipalName, c.ConferenceID, owner, ok, err)
				}
				if len(c.ConferenceID) != 7 || c.ConferenceID[0] == '0' || b == nil ||
					c.ServiceNumber != b.DefaultServiceNumber || c.TollFreeServiceNumber != tollFree[b.ID] ||
					!c.AllowTollFreeDialIn || c.AllowPSTNOnlyMeetings || c.PIN.Length != 5 ||
					len(c.PIN.Salt) != 16 || len(c.PIN.Hash) != 32 || u.Provider != storage.ProviderMicrosoft {
					t.Errorf("%s: conferencing %+v", u.UserPrincipalName, c)
				}
				return nil
			})
		})
		if enabled != 9 {
			t.Errorf("enabled users = %d, want 9", enabled)
		}
	}},
)
