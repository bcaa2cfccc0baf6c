package teams_test

import (
	"reflect"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
)

// TestTenantCompleters checks the completion hooks RegisterTenant attaches
// to the tenant cmdlets' parameters.
func TestTenantCompleters(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	hook := func(cmdlet, param string) func(string) []string {
		t.Helper()
		c, ok := s.RT.Cmdlet(cmdlet)
		if !ok {
			t.Fatalf("no cmdlet %s", cmdlet)
		}
		p := c.Param(param)
		if p == nil || p.Complete == nil {
			t.Fatalf("%s -%s has no completion hook", cmdlet, param)
		}
		return p.Complete
	}
	cases := []struct {
		cmdlet, param, prefix string
		want                  []string
	}{
		{"Set-CsOnlineDialInConferencingUser", "Identity", "amos", []string{"amos.marble@contoso.com"}},
		{"Set-CsOnlineDialInConferencingUser", "Identity", "sip:ken", []string{"ken.myer@contoso.com"}},
		{"Set-CsOnlineDialInConferencingUser", "Identity", "my", []string{"Ken Myer"}},
		{"Get-CsOnlineDialInConferencingUser", "Identity", "LEE", []string{"lee.gu@contoso.com"}},
		{"Connect-MicrosoftTeams", "AccountId", "adm", []string{"admin@contoso.onmicrosoft.com"}},
		{"Set-CsOnlineDialInConferencingUser", "BridgeName", "e", []string{"EMEA Bridge"}},
		{"Get-CsOnlineDialInConferencingBridge", "Name", "conf", []string{"Conference Bridge"}},
		{"Set-CsOnlineDialInConferencingUser", "ServiceNumber", "+1", []string{"12065550100", "14255550100"}},
		{"Set-CsOnlineDialInConferencingUser", "TollFreeServiceNumber", "", []string{"18005550100", "448005550100"}},
		{"Grant-CsDialoutPolicy", "PolicyName", "DialoutCPCandPSTND", []string{"DialoutCPCandPSTNDisabled", "DialoutCPCandPSTNDomestic"}},
		{"Get-CsOnlineDialOutPolicy", "Identity", "glo", []string{"Global"}},
	}
	for _, c := range cases {
		got := hook(c.cmdlet, c.param)(c.prefix)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s -%s %q = %q, want %q", c.cmdlet, c.param, c.prefix, got, c.want)
		}
	}
}

// TestHelpTopicCompletion checks Get-Help -Name's completion hook lists the
// about_ topics.
func TestHelpTopicCompletion(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	c, _ := s.RT.Cmdlet("Get-Help")
	p := c.Param("Name")
	if p == nil || p.Complete == nil {
		t.Fatal("Get-Help -Name has no completion hook")
	}
	got := p.Complete("about_au")
	if !reflect.DeepEqual(got, []string{"about_Audio_Conferencing_PIN"}) {
		t.Errorf("about_au = %q", got)
	}
}

// TestIdentityCompletionKeepsCase: -Identity completes a UPN as stored
// (capitals kept, from the search index alone when the UPN matches), a
// SIP-address match by the UPN, and a display-name match by the name.
func TestIdentityCompletionKeepsCase(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	s.Run("New-TenantUser -UserPrincipalName Sara.Davis@contoso.com -DisplayName 'Sara Davis' | Out-Null")
	c, _ := s.RT.Cmdlet("Set-CsOnlineDialInConferencingUser")
	complete := c.Param("Identity").Complete
	for prefix, want := range map[string][]string{
		"sara":     {"Sara.Davis@contoso.com"},
		"SARA.D":   {"Sara.Davis@contoso.com"},
		"sip:sara": {"Sara.Davis@contoso.com"},
		"davis":    {"Sara Davis"},
	} {
		if got := complete(prefix); !reflect.DeepEqual(got, want) {
			t.Errorf("%q = %q, want %q", prefix, got, want)
		}
	}
}
