package teams_test

import (
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// TestTenantBridgeDisabledTenant checks rule 39: with the tenant's PSTN
// conferencing status Disabled, Get-CsOnlineDialInConferencingBridge
// returns nothing (and no error) in every parameter set, and the tenant
// configuration says Disabled.
func TestTenantBridgeDisabledTenant(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	s.Expect("(Get-CsOnlineDialInConferencingBridge).Count", "2")
	s.Update(func(w storage.Writer) error {
		tn, err := w.Tenant()
		if err != nil {
			return err
		}
		tn.ConferencingStatus = "Disabled"
		return w.PutTenant(tn)
	})
	s.Expect("Get-CsOnlineDialInConferencingBridge", "")
	s.Expect(`Get-CsOnlineDialInConferencingBridge -Name "Conference Bridge"`, "")
	s.Expect("Get-CsOnlineDialInConferencingBridge -Identity "+storage.DemoBridgeID, "")
	s.Expect("$?", "True")
	s.Expect("(Get-CsOnlineDialinConferencingTenantConfiguration).Status", "Disabled")
}

// TestTenantBridgeSetDefaultIsExclusive: exactly one bridge is the
// default after -SetDefault, in the store too.
func TestTenantBridgeSetDefaultIsExclusive(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	s.Expect(`Set-CsOnlineDialInConferencingBridge -Name "EMEA Bridge" -SetDefault`, "")
	s.Store.View(func(r storage.Reader) error {
		bs, err := r.Bridges()
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, b := range bs {
			if b.IsDefault {
				n++
				if b.ID != storage.DemoEMEABridgeID {
					t.Errorf("default bridge is %s", b.Name)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d default bridges", n)
		}
		return nil
	})
}
