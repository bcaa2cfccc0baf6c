package emulator_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// TestTenantResetPrompt: without -Force an interactive session is asked
// (ConfirmImpact High); "N" leaves the tenant as it was, "Y" resets it.
func TestTenantResetPrompt(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "n\ny\n", true)
	s.Run("New-TenantUser sara.davis@contoso.com | Out-Null")
	out := s.Run("Reset-Tenant -Demo")
	for _, want := range []string{"Confirm", "Are you sure you want to perform this action?",
		`Performing the operation "Reset-Tenant" on target "Contoso".`, `[Y] Yes  [A] Yes to All  [N] No`} {
		if !strings.Contains(out, want) {
			t.Errorf("prompt lacks %q:\n%s", want, out)
		}
	}
	s.Expect("(Get-TenantUser).Count", "13")
	s.Run("Reset-Tenant -Demo")
	s.Expect("(Get-TenantUser).Count", "12")
	// No answer (end of input) does nothing.
	s.Run("New-TenantUser sara.davis@contoso.com | Out-Null")
	s.Run("Reset-Tenant -Empty")
	s.Expect("(Get-TenantUser).Count", "13")
}

// TestTenantResetSignsInAsAdmin: after a reset the session is the
// tenant's Global Administrator again, whoever ran it.
func TestTenantResetSignsInAsAdmin(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	s.Run("Connect-MicrosoftTeams -AccountId pilar.ackerman@contoso.com | Out-Null")
	if got := s.Tenant.Account(); got != "pilar.ackerman@contoso.com" {
		t.Fatalf("signed in as %q", got)
	}
	s.Expect("Reset-Tenant -Empty -Force", "")
	if got := s.Tenant.Account(); got != storage.DemoAdminUPN {
		t.Errorf("after reset signed in as %q", got)
	}
}

// TestTenantResetSyntheticUsers: Reset-Tenant -SyntheticUsers N works in
// memory and on disk and the users are enabled. Its speed for 100 000
// users is measured by BenchmarkResetTenantSyntheticUsers100k.
func TestTenantResetSyntheticUsers(t *testing.T) {
	for _, kind := range []string{"memory", "disk"} {
		t.Run(kind, func(t *testing.T) {
			s := syntheticSession(t, kind)
			s.Expect("Reset-Tenant -Empty -SyntheticUsers 2500 -Force", "")
			s.Store.View(func(r storage.Reader) error {
				n, err := r.CountUsers()
				if err != nil || n != 2_501 {
					t.Errorf("users: %d %v", n, err)
				}
				return nil
			})
			s.Expect("(Get-CsOnlineDialInConferencingUser -Identity user002500@contoso.com).BridgeName", "Conference Bridge")
			s.Expect("(Get-CsOnlineDialInConferencingUser -ResultSize 3000 | Measure-Object).Count", "2500")
		})
	}
}

// syntheticSession is a configuration session on a fresh demo tenant in
// memory or on disk.
func syntheticSession(t testing.TB, kind string) *tenanttest.Session {
	if kind == "disk" {
		store := tenanttest.OpenDir(t, t.TempDir()+"/tenant")
		t.Cleanup(func() { store.Close() })
		return tenanttest.NewSession(t, store, "", false)
	}
	return tenanttest.NewMemorySession(t, "", false)
}

// BenchmarkResetTenantSyntheticUsers100k measures
// `Reset-Tenant -Empty -SyntheticUsers 100000 -Force` on disk (goal: well
// under 10 s).
func BenchmarkResetTenantSyntheticUsers100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := syntheticSession(b, "disk")
		b.StartTimer()
		s.Expect("Reset-Tenant -Empty -SyntheticUsers 100000 -Force", "")
	}
}
