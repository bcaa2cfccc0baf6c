package emulator_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
)

// TestConnectWithGetCredential: the PSCredential Get-Credential returns
// signs in an account that has a password (its SecureString is read by
// Connect-MicrosoftTeams, never shown), and a wrong password is refused.
func TestConnectWithGetCredential(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "ops.admin@contoso.com\nS3cret!\nops.admin@contoso.com\nwrong\n", true)
	s.Run("New-TenantUser ops.admin@contoso.com -Role 'Teams Administrator' -Password 'S3cret!' -NoAudioConferencingLicense | Out-Null")
	out := s.Run("$c = Get-Credential; Connect-MicrosoftTeams -Credential $c | Out-Null; $?; Set-TenantUser lee.gu@contoso.com -City Leeds; (Get-TenantAuditLog -Last 1).Account")
	if !strings.HasSuffix(out, "True\nops.admin@contoso.com") || strings.Contains(out, "S3cret") {
		t.Errorf("connect with Get-Credential:\n%s", out)
	}
	out = s.Run("$c = Get-Credential; Connect-MicrosoftTeams -Credential $c")
	if !strings.Contains(out, "AADSTS50126: Error validating credentials due to invalid username or password.") {
		t.Errorf("wrong password:\n%s", out)
	}
}
