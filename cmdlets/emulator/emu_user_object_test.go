package emulator

import (
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
)

// TestTenantUserObjectProperties checks that tenantUserProperties is the
// number of properties a tenant user's object gets, with and without
// conferencing, and the order of the lockout ones.
func TestTenantUserObjectProperties(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	plain := &storage.User{ID: "id", UserPrincipalName: "a@contoso.com"}
	conf := &storage.User{ID: "id2", UserPrincipalName: "b@contoso.com",
		Conferencing: &storage.Conferencing{BridgeID: "br", ConferenceID: "123"}}
	for _, u := range []*storage.User{plain, conf} {
		o := tenantUserObject(&teams.UserContext{}, u, now)
		if got := len(o.Properties()); got != tenantUserProperties {
			t.Errorf("%s: %d properties, tenantUserProperties is %d", u.UserPrincipalName, got, tenantUserProperties)
		}
		names := o.PropertyNames()
		want := []string{"PinLockedOut", "PinLockout", "PinLockedUntil", "PinFailedAttempts"}
		for i, w := range want {
			if names[16+i] != w {
				t.Errorf("%s: property %d is %s, want %s", u.UserPrincipalName, 16+i, names[16+i], w)
			}
		}
	}
	if v, _ := tenantUserObject(&teams.UserContext{}, conf, now).Get("PinLockout"); v != "None" {
		t.Errorf("PinLockout of an unlocked PIN = %v, want None", v)
	}
}

// TestPinLockoutName checks the names PinLockout shows.
func TestPinLockoutName(t *testing.T) {
	for state, want := range map[storage.PINLockState]string{storage.PINUnlocked: "None",
		storage.PINLockedTemporarily: "Temporary", storage.PINLockedPermanently: "UntilReset", 9: ""} {
		if got := pinLockoutName(state); got != want {
			t.Errorf("pinLockoutName(%d) = %q, want %q", state, got, want)
		}
	}
}
