package teams_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
)

// oldScript uses an item of every kind the report finds, each on its own
// line, written as the public scripts of the connector era write them
// (an en dash before a parameter, -Filter as a script block).
const oldScript = `Import-Module SkypeOnlineConnector
$s = New-CsOnlineSession
$users = Get-CsOnlineUser | Where-Object { $_.AcpInfo -like '*Intercall*' }
Enable-CsOnlineDialInConferencingUser -Identity $users[0].ObjectId -ReplaceProvider
Set-CsOnlineDialInConferencingUser $users[0].SipAddress –AllowTollFreeDialIn $false
Set-CsOnlineDialInConferencingUser $users[0].SipAddress -ConferenceId 1234567
Get-CsOnlineUser -Filter {Enabled -eq $true} | Grant-CsDialoutPolicy -PolicyName x
Get-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com | Set-CsOnlineDialInConferencingUser -ResetLeaderPin
$x.Name + $x.Enabled
`

// TestRetiredItemReport reads a connector-era script without running it:
// each retired item is reported on its line with its status and
// replacement; items of today's surface and common member names are not.
func TestRetiredItemReport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.ps1")
	if err := os.WriteFile(path, []byte(oldScript), 0o600); err != nil {
		t.Fatal(err)
	}
	s := tenanttest.NewMemorySession(t, "", false)
	got := s.Run(`Get-TenantRetiredItem '` + path + `' | ForEach-Object { "$($_.Line) $($_.Kind) $($_.Item) | $($_.Status)" }`)
	want := strings.Join([]string{
		"1 Module SkypeOnlineConnector | Replaced by MicrosoftTeams 1.1.6",
		"2 Cmdlet New-CsOnlineSession | Removed in MicrosoftTeams 2.0.0",
		"3 Property Get-CsOnlineUser.AcpInfo | Removed in MicrosoftTeams 3.0.0",
		"4 Cmdlet Enable-CsOnlineDialInConferencingUser | Removed in MicrosoftTeams 4.0.0 (csshell's reading of the date)",
		"4 Property Get-CsOnlineUser.ObjectId | Removed in MicrosoftTeams 3.0.0",
		"5 Parameter Set-CsOnlineDialInConferencingUser -AllowTollFreeDialIn | Still in MicrosoftTeams 7.7.0",
		"6 Parameter Set-CsOnlineDialInConferencingUser -ConferenceId | Removed in MicrosoftTeams 4.0.0 (csshell's reading of the date)",
		"7 Property Get-CsOnlineUser.Enabled | Removed in MicrosoftTeams 3.0.0",
	}, "\n")
	if got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	// Each item names its replacement and source.
	if got := s.Run(`(Get-TenantRetiredItem '` + path + `' | Where-Object Item -eq 'Get-CsOnlineUser.Enabled').Replacement`); got != "IsSipEnabled" {
		t.Errorf("replacement of Enabled: %q", got)
	}
	if got := s.Run(`@(Get-TenantRetiredItem | Where-Object { -not $_.Source -or -not $_.Replacement }).Count`); got != "0" {
		t.Errorf("items without source or replacement: %s", got)
	}
	if got := s.Run(`Get-TenantRetiredItem ./no-such.ps1`); !strings.HasPrefix(got, "Get-TenantRetiredItem: Cannot find path") {
		t.Errorf("missing script: %q", got)
	}
}
