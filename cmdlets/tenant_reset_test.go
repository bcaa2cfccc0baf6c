package cmdlets

import (
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
)

// TestTenantResetPrompt: without -Force an interactive session is asked
// (ConfirmImpact High); "N" leaves the tenant as it was, "Y" resets it.
func TestTenantResetPrompt(t *testing.T) {
	s := newCfgSession(t, "n\ny\n", true)
	s.run("New-TenantUser sara.davis@contoso.com | Out-Null")
	out := s.run("Reset-Tenant -Demo")
	for _, want := range []string{"Confirm", "Are you sure you want to perform this action?",
		`Performing the operation "Reset-Tenant" on target "Contoso".`, `[Y] Yes  [A] Yes to All  [N] No`} {
		if !strings.Contains(out, want) {
			t.Errorf("prompt lacks %q:\n%s", want, out)
		}
	}
	s.expect("(Get-TenantUser).Count", "13")
	s.run("Reset-Tenant -Demo")
	s.expect("(Get-TenantUser).Count", "12")
	// No answer (end of input) does nothing.
	s.run("New-TenantUser sara.davis@contoso.com | Out-Null")
	s.run("Reset-Tenant -Empty")
	s.expect("(Get-TenantUser).Count", "13")
}

// TestTenantResetSignsInAsAdmin: after a reset the session is the
// tenant's Global Administrator again, whoever ran it.
func TestTenantResetSignsInAsAdmin(t *testing.T) {
	s := newCfgSession(t, "", false)
	s.run("Connect-MicrosoftTeams -AccountId pilar.ackerman@contoso.com | Out-Null")
	if got := s.tenant.Account(); got != "pilar.ackerman@contoso.com" {
		t.Fatalf("signed in as %q", got)
	}
	s.expect("Reset-Tenant -Empty -Force", "")
	if got := s.tenant.Account(); got != storage.DemoAdminUPN {
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
			s.expect("Reset-Tenant -Empty -SyntheticUsers 2500 -Force", "")
			s.store.View(func(r storage.Reader) error {
				n, err := r.CountUsers()
				if err != nil || n != 2_501 {
					t.Errorf("users: %d %v", n, err)
				}
				return nil
			})
			s.expect("(Get-CsOnlineDialInConferencingUser -Identity user002500@contoso.com).BridgeName", "Conference Bridge")
			s.expect("(Get-CsOnlineDialInConferencingUser -ResultSize 3000 | Measure-Object).Count", "2500")
		})
	}
}

// syntheticSession is a configuration session on a fresh demo tenant in
// memory or on disk.
func syntheticSession(t testing.TB, kind string) *cfgSession {
	s := newCfgSession(t, "", false)
	if kind == "disk" {
		store, err := storage.Open(t.TempDir() + "/tenant")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { store.Close() })
		tenant, err := NewTenant(store)
		if err != nil {
			t.Fatal(err)
		}
		tenant.SetClock(func() time.Time { return tenantClock })
		RegisterTenant(s.rt, tenant)
		s.store, s.tenant = store, tenant
	}
	return s
}

// BenchmarkResetTenantSyntheticUsers100k measures
// `Reset-Tenant -Empty -SyntheticUsers 100000 -Force` on disk (goal: well
// under 10 s).
func BenchmarkResetTenantSyntheticUsers100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := syntheticSession(b, "disk")
		b.StartTimer()
		s.expect("Reset-Tenant -Empty -SyntheticUsers 100000 -Force", "")
	}
}
