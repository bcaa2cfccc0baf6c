package shell

import "testing"

func TestMaskSecrets(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Test-TenantLeaderPin -Pin 12345", "Test-TenantLeaderPin -Pin *****"},
		{"Test-TenantLeaderPin -Identity ann -Pin:'12345'", "Test-TenantLeaderPin -Identity ann -Pin:*****"},
		{`Connect-X -Password "p w"; Get-Date`, "Connect-X -Password *****; Get-Date"},
		{"Set-CsOnlineDialInConferencingUser -Identity a -LeaderPin 9876", "Set-CsOnlineDialInConferencingUser -Identity a -LeaderPin *****"},
		{"$pin = 4321", "$pin = *****"},
		{"$newPassword = 'x'", "$newPassword = *****"},
		{"Test-TenantLeaderPin -Pin $pin", "Test-TenantLeaderPin -Pin $pin"},
		{"Get-CsOnlineUser -Identity pinto@contoso.com", "Get-CsOnlineUser -Identity pinto@contoso.com"},
		{"Write-Output 'my -Pin 1234 text'", "Write-Output 'my -Pin 1234 text'"},
		{"Get-Spinner -Count 3", "Get-Spinner -Count 3"},
	}
	for _, c := range cases {
		if got := MaskSecrets(c.in); got != c.want {
			t.Errorf("MaskSecrets(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
