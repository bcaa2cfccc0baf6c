package teams_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// TestTenantNumberShared checks rules 40 and 41 with a number shared
// between tenants (the demo has none): it cannot be registered,
// unregistered or given languages, and stays as it was.
func TestTenantNumberShared(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	s.Update(func(w storage.Writer) error {
		if err := w.PutServiceNumber(&storage.ServiceNumber{Number: "18885550100", BridgeID: storage.DemoBridgeID,
			PrimaryLanguage: "en-US", SecondaryLanguages: []string{}, Type: storage.NumberTollFree, IsShared: true}); err != nil {
			return err
		}
		return w.PutServiceNumber(&storage.ServiceNumber{Number: "18885550111", PrimaryLanguage: "en-US",
			SecondaryLanguages: []string{}, Type: storage.NumberToll, IsShared: true})
	})
	s.Expect("(Get-CsOnlineDialInConferencingServiceNumber 18885550100).IsShared", "True")
	for _, cmd := range []string{
		"Set-CsOnlineDialInConferencingServiceNumber 18885550100 -PrimaryLanguage ja-JP",
		"Set-CsOnlineDialInConferencingServiceNumber 18885550100 -RestoreDefaultLanguages",
		"Unregister-CsOnlineDialInConferencingServiceNumber 18885550100",
		"Register-CsOnlineDialInConferencingServiceNumber 18885550111",
	} {
		out := s.Run(cmd)
		if !strings.Contains(out, "is shared between tenants and cannot be changed") {
			t.Errorf("%s: got %q", cmd, out)
		}
	}
	s.Expect("(Get-CsOnlineDialInConferencingServiceNumber 18885550100).PrimaryLanguage", "en-US")
	s.Expect("(Get-CsOnlineDialInConferencingServiceNumber 18885550100).BridgeId", storage.DemoBridgeID)
	s.Expect("(Get-CsOnlineDialInConferencingServiceNumber 18885550111).BridgeId", "")
	s.Expect("(Get-TenantAuditLog).Count", "0")
}

// TestTenantNumberUnregisterUpdatesUsers: -RemoveDefaultServiceNumber
// leaves no user pointing at the number it unassigns.
func TestTenantNumberUnregisterUpdatesUsers(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	s.Expect("Unregister-CsOnlineDialInConferencingServiceNumber 18005550100 -RemoveDefaultServiceNumber", "")
	s.Store.View(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(u *storage.User) error {
			if c := u.Conferencing; c != nil && (c.TollFreeServiceNumber == "18005550100" || c.ServiceNumber == "18005550100") {
				t.Errorf("%s still has 18005550100", u.UserPrincipalName)
			}
			return nil
		})
	})
}
