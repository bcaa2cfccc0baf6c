package complete

import "testing"

func TestValues(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	setUser := "Set-CsOnlineDialInConferencingUser "
	runCases(t, c, []tcase{
		{name: "validate set all", in: "Get-Thing -Kind ", span: "", want: []string{"Alpha", "Beta", "'Gamma Ray'"}},
		{name: "validate set prefix", in: "Get-Thing -Kind b", span: "b", want: []string{"Beta"}},
		{name: "validate set quoted", in: "Get-Thing -Kind g", span: "g", want: []string{"'Gamma Ray'"}},
		{name: "validate set in open quote", in: "Get-Thing -Kind 'g", span: "'g", want: []string{"'Gamma Ray'"}},
		{name: "validate set double quote kept", in: "Get-Thing -Kind \"g", span: "\"g", want: []string{"\"Gamma Ray\""}},
		{name: "validate set wildcard", in: "Get-Thing -Kind *a", span: "*a", want: []string{"Alpha", "Beta", "'Gamma Ray'"}},
		{name: "colon value empty", in: "Get-Thing -Kind:", span: "", want: []string{"Alpha", "Beta", "'Gamma Ray'"}},
		{name: "colon value typed", in: "Get-Thing -Kind:al", span: "al", want: []string{"Alpha"}},
		{name: "colon then space", in: "Get-Thing -Kind: al", span: "al", want: []string{"Alpha"}},
		{name: "by parameter prefix", in: "Get-Thing -Ki B", span: "B", want: []string{"Beta"}},
		{name: "function validate set", in: "Get-Greeting -Mood ", span: "", want: []string{"Happy", "Sad"}},
		{name: "boolean", in: setUser + "-AllowTollFreeDialIn ", span: "", want: []string{"$true", "$false"}},
		{name: "boolean prefix", in: setUser + "-AllowTollFreeDialIn $f", span: "$f", want: []string{"$false"}},
		{name: "boolean colon", in: setUser + "-AllowTollFreeDialIn:", span: "", want: []string{"$true", "$false"}},
		{name: "switch colon", in: setUser + "-SendEmail:", span: "", want: []string{"$true", "$false"}},
		{name: "switch colon typed", in: setUser + "-SendEmail:$t", span: "$t", want: []string{"$true"}},
		{name: "switch takes no value", in: setUser + "-SendEmail ", span: "", has: []string{"amos.marble@contoso.com"}},
		{name: "enum", in: "Write-Host -ForegroundColor dark", span: "dark", first: []string{"DarkBlue", "DarkGreen"}},
		{name: "common enum", in: "Get-Thing -ErrorAction s", span: "s", want: []string{"SilentlyContinue", "Stop", "Suspend"}},
		{name: "identity by upn", in: setUser + "-Identity amos", span: "amos", want: []string{"amos.marble@contoso.com", "'Amos Marble'"}},
		{name: "identity by display word", in: setUser + "-Identity marb", span: "marb", want: []string{"'Amos Marble'"}},
		{name: "identity positional", in: setUser + "ade", span: "ade", want: []string{"adele.vance@contoso.com", "'Adele Vance'"}},
		{name: "identity open single quote", in: setUser + "-Identity 'Amos M", span: "'Amos M", want: []string{"'Amos Marble'"}},
		{name: "identity open double quote", in: setUser + "-Identity \"Amos M", span: "\"Amos M", want: []string{"\"Amos Marble\""}},
		{name: "identity closed quote at end", in: setUser + "-Identity 'meg'", span: "'meg'", want: []string{"'megan.bowen@contoso.com'", "'Megan Bowen'"}},
		{name: "identity apostrophe doubled", in: setUser + "-Identity pat", span: "pat", want: []string{"'Pat O''Brien'"}},
		{name: "identity apostrophe upn", in: setUser + "-Identity o", span: "o", want: []string{"'o''brien@contoso.com'", "'Pat O''Brien'"}},
		{name: "identity colon", in: setUser + "-Identity:amos", span: "amos", want: []string{"amos.marble@contoso.com", "'Amos Marble'"}},
		{name: "identity cursor mid-line", in: setUser + "-Identity ale‸ -SendEmail", span: "ale", want: []string{"alex.wilber@contoso.com", "'Alex Wilber'"}},
		{name: "identity via get", in: "Get-CsOnlineDialInConferencingUser meg", span: "meg", want: []string{"megan.bowen@contoso.com", "'Megan Bowen'"}},
		{name: "identity after pipe", in: "gci | Get-CsOnlineDialInConferencingUser -Identity meg", span: "meg", want: []string{"megan.bowen@contoso.com", "'Megan Bowen'"}},
		{name: "identity in script block", in: "1..3 | % { Set-CsOnlineDialInConferencingUser -Identity meg", span: "meg", has: []string{"'Megan Bowen'"}},
		{name: "bridge name", in: setUser + "-BridgeName c", span: "c", want: []string{"'Conference Bridge'", "'Contoso Bridge'"}},
		{name: "bridge name second positional elsewhere", in: setUser + "amos -BridgeName e", span: "e", want: []string{"Europe"}},
		{name: "service number", in: setUser + "-ServiceNumber 1425", span: "1425", want: []string{"14255550100", "14255550101"}},
		{name: "toll free", in: setUser + "-TollFreeServiceNumber ", span: "", want: []string{"18005550100"}},
		{name: "policy name positional 2", in: "Grant-CsDialoutPolicy amos DialoutCPCI", span: "DialoutCPCI", want: []string{"DialoutCPCInternational"}},
		{name: "policy name named", in: "Grant-CsDialoutPolicy -PolicyName dialoutcpcd", span: "dialoutcpcd", want: []string{"DialoutCPCDisabled"}},
		{name: "positional after named", in: "Grant-CsDialoutPolicy -Identity amos Dialout", span: "Dialout", has: []string{"DialoutCPCandPSTNDisabled"}},
		{name: "default set positional", in: "Get-Thing al", span: "al", want: []string{"alpha"}},
		{name: "help topics", in: "Get-Help about_", span: "about_", want: []string{"about_CommonParameters", "about_csshell", "about_Wildcards"}},
		{name: "help commands and topics", in: "help -Name Get-T", span: "Get-T", want: []string{"Get-Thing"}},
		{name: "help positional alias", in: "help Set-Cs", span: "Set-Cs", want: []string{"Set-CsOnlineDialInConferencingUser"}},
		{name: "no values for script blocks", in: "gci | % ", none: true},
		{name: "inside a string argument not a value", in: "Write-Host 'abc‸def'", none: true},
	})
}
