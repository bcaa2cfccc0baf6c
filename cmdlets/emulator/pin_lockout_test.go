package emulator_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// movingClock is a tenant clock a test can move.
type movingClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *movingClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *movingClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// lockoutSession is a session over an in-memory demo tenant on a clock
// the test moves, with Ken's PIN reset (at PinLength length) and returned.
func lockoutSession(t *testing.T, length int) (*tenanttest.Session, *movingClock, string) {
	t.Helper()
	clk := &movingClock{now: tenanttest.Clock}
	store, err := badgerstore.Options{Now: clk.Now}.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s := tenanttest.NewSession(t, store, "", false)
	s.Expect(fmt.Sprintf("Set-CsOnlineDialInConferencingTenantSettings -PinLength %d", length), "")
	pin := s.Run("(Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ResetLeaderPin).LeaderPin")
	if len(pin) != length {
		t.Fatalf("reset gave %q", pin)
	}
	return s, clk, pin
}

// wrongPIN is a PIN of the same length that is not pin.
func wrongPIN(pin string) string {
	d := (pin[0]-'0'+1)%10 + '0'
	return string(d) + pin[1:]
}

// TestLeaderPinLockoutLocal: 25 wrong PINs within 30 minutes lock a
// 5-digit PIN for an hour — even the right PIN is refused, with a clear
// error — then it works again; every check is audited, never the digits.
func TestLeaderPinLockoutLocal(t *testing.T) {
	s, clk, pin := lockoutSession(t, 5)
	bad := wrongPIN(pin)
	auditBefore := s.Run("(Get-TenantAuditLog).Count")
	for i := 0; i < 25; i++ {
		s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+bad, "False")
		clk.Add(time.Minute)
	}
	locked := "Test-TenantLeaderPin: The leader PIN of 'ken.myer@contoso.com' is locked after too many wrong PINs until 2026-11-26T10:54:00Z: " +
		"try again then, or reset it (Set-CsOnlineDialInConferencingUser -ResetLeaderPin)."
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+pin, locked)
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+pin+" -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId",
		"PinLockedOut,Microsoft.PowerShell.Commands.TestTenantLeaderPinCommand")
	// Every check is audited: 25 failures (the last one locking) and 2 refusals.
	s.Expect("(Get-TenantAuditLog).Count - "+auditBefore, "27")
	s.Expect("(Get-TenantAuditLog -Last 3).Changes",
		"LeaderPinCheck: $null -> Failed; PinLockedOut: False -> True (until 2026-11-26T10:54:00Z)\n"+
			"LeaderPinCheck: $null -> Refused (PIN locked)\nLeaderPinCheck: $null -> Refused (PIN locked)")
	audit := s.Run("Get-TenantAuditLog | Out-String -Width 1000")
	if strings.Contains(audit, pin) || strings.Contains(audit, bad) {
		t.Errorf("the audit log holds a PIN:\n%s", audit)
	}
	clk.Add(58 * time.Minute) // 10:53, a minute before the end
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+pin+" -ErrorAction SilentlyContinue -ErrorVariable e2; $e2[0].FullyQualifiedErrorId",
		"PinLockedOut,Microsoft.PowerShell.Commands.TestTenantLeaderPinCommand")
	clk.Add(time.Minute)
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+pin, "True")
	s.Expect("(Get-TenantAuditLog -Last 1).Changes", "LeaderPinCheck: $null -> Succeeded")
}

// TestLeaderPinLockoutGlobal: a 4-digit PIN tolerates 100 wrong PINs in
// all (10 per 30 minutes); then it is locked until an administrator resets
// it, and the reset clears the lockout.
func TestLeaderPinLockoutGlobal(t *testing.T) {
	s, clk, pin := lockoutSession(t, 4)
	bad := wrongPIN(pin)
	for i := 1; i <= 100; i++ {
		s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+bad, "False")
		if i%9 == 0 {
			clk.Add(storage.PINObservationWindow) // stay under the local limit
		}
	}
	clk.Add(1000 * time.Hour)
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+pin,
		"Test-TenantLeaderPin: The leader PIN of 'ken.myer@contoso.com' is locked after too many wrong PINs: an administrator must reset it (Set-CsOnlineDialInConferencingUser -ResetLeaderPin).")
	// A non-administrator cannot check (nor count toward the lockout).
	s.Run("Connect-MicrosoftTeams -AccountId ken.myer@contoso.com | Out-Null")
	if got := s.Run("Test-TenantLeaderPin ken.myer@contoso.com -Pin " + pin); !strings.Contains(got, "Access Denied") {
		t.Errorf("non-admin check: %s", got)
	}
	s.Run("Connect-MicrosoftTeams | Out-Null")
	newPIN := s.Run("(Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ResetLeaderPin).LeaderPin")
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+newPIN, "True")
	s.Expect("Test-TenantLeaderPin ken.myer@contoso.com -Pin "+wrongPIN(newPIN), "False")
}

// TestLeaderPinGuessingStops: an attacker trying every 5-digit PIN is
// stopped after 25 tries, long before the PIN is found (the break: 48 190
// tries in 2.1 s).
func TestLeaderPinGuessingStops(t *testing.T) {
	s, _, pin := lockoutSession(t, 5)
	out := s.Run(`$found = $null; $tries = 0
foreach ($i in 0..99999) {
    $guess = '{0:d5}' -f $i
    if ($guess -eq '` + pin + `') { continue }
    $tries++
    try { if (Test-TenantLeaderPin ken.myer@contoso.com -Pin $guess -ErrorAction Stop) { $found = $guess; break } }
    catch { break }
}
"$tries $found"`)
	if out != "26" { // 25 wrong PINs, then the refusal
		t.Errorf("guessing went on: %q", out)
	}
}
