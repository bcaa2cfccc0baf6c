package teams_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine/value"
)

// TestOutputTypesMatchObjects checks the tenant cmdlets' [OutputType]
// declarations: each sample is an object of the type named, and it has
// the properties, in order, of the objects the cmdlet really writes
// (run here on the demo tenant), so completion after a
// pipe offers what the objects have.
func TestOutputTypesMatchObjects(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	declared := 0
	for _, c := range s.RT.Cmdlets() {
		if c.OutputType == nil || strings.HasPrefix(c.Module, "Microsoft.PowerShell") {
			continue // the core cmdlets' types are cmdlets/powershell's
		}
		declared++
		o, ok := c.OutputType.Object().(*value.Object)
		if !ok || len(o.TypeNames) == 0 || o.TypeNames[0] != c.OutputType.Name && c.Name != "Get-CsOnlineUser" {
			t.Errorf("%s: the sample of %s is %#v", c.Name, c.OutputType.Name, c.OutputType.Object())
		}
		if len(c.OutputType.Properties()) == 0 {
			t.Errorf("%s: the sample of %s has no properties", c.Name, c.OutputType.Name)
		}
	}
	if declared < 17 {
		t.Errorf("only %d cmdlets declare an output type", declared)
	}
	for _, name := range []string{
		"Get-CsOnlineDialInConferencingUser", "Get-CsOnlineDialInConferencingBridge", "Get-CsOnlineUser",
		"Get-CsOnlineDialInConferencingServiceNumber", "Get-CsOnlineDialinConferencingPolicy", "Get-CsOnlineDialOutPolicy",
		"Get-CsTeamsAudioConferencingPolicy", "Get-CsTeamsMeetingPolicy", "Get-CsOnlineDialInConferencingTenantSettings",
		"Get-CsOnlineDialInConferencingTenantConfiguration", "Get-CsTenant", "Get-CsPhoneNumberAssignment",
	} {
		c, ok := s.RT.Cmdlet(strings.Fields(name)[0])
		if !ok || c.OutputType == nil {
			t.Errorf("%s: no output type declared", name)
			continue
		}
		got := s.Run("(" + name + " | Select-Object -First 1).PSObject.Properties.Name -join ','")
		if want := strings.Join(c.OutputType.Properties(), ","); got != want {
			t.Errorf("%s writes\n  %s\nits OutputType says\n  %s", name, got, want)
		}
	}
}
