package complete_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/shell/complete"
)

// pcase is one completion over the full session: the list (texts) the
// input must give, in order, or the items it must hold or lack.
type pcase struct {
	in        string
	want      []string
	has, not  []string
	span      string
	first     string // the first item
	fallsBack bool   // no property list: what completion did before (files, nothing)
}

func runPipelineCases(t *testing.T, c *complete.Completer, cases []pcase) {
	t.Helper()
	for _, tc := range cases {
		r := c.Complete(tc.in, len(tc.in))
		var got []string
		for _, it := range r.Items {
			got = append(got, it.Text)
		}
		if tc.span != "" || tc.want != nil {
			if span := tc.in[r.Start:r.End]; span != tc.span {
				t.Errorf("%q: span %q, want %q", tc.in, span, tc.span)
			}
		}
		if tc.first != "" && (len(got) == 0 || got[0] != tc.first) {
			t.Errorf("%q: first of %q, want %q", tc.in, got, tc.first)
		}
		if tc.want != nil && !slices.Equal(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.in, got, tc.want)
		}
		for _, h := range tc.has {
			if !slices.Contains(got, h) {
				t.Errorf("%q: %q missing from %q", tc.in, h, got)
			}
		}
		for _, n := range tc.not {
			if slices.Contains(got, n) {
				t.Errorf("%q: %q should not be in %q", tc.in, n, got)
			}
		}
		if tc.fallsBack && slices.Contains(got, "DisplayName") {
			t.Errorf("%q: properties offered for an unknown type: %q", tc.in, got)
		}
	}
}

// TestPipelinePropertiesFromOutputType completes property names after a
// pipe from the upstream command's [OutputType], on the real cmdlets: the
// facts of pwsh's TabCompletion.Tests.ps1 ("Get-ChildItem | Where-Object
// <Tab>" gives Attributes first, "| Select-Object -Property Count,<Tab>"
// leaves Count out, "ForEach-Object -MemberName" includes methods,
// '"Hello","World" | select-object <Tab>' gives Length alone, "dir | % {
// $_.Full<Tab>" gives FullName) over the tenant's types.
func TestPipelinePropertiesFromOutputType(t *testing.T) {
	rt := fullRuntime(t)
	c := complete.New(complete.FromRuntime(rt))
	const user = "Get-CsOnlineDialInConferencingUser"
	all := []string{"AllowPstnOnlyMeeting", "AllowTollFreeDialIn", "BridgeId", "BridgeName", "ConferenceId",
		"DefaultTollFreeNumber", "DefaultTollNumber", "DisplayName", "Identity", "LeaderPin", "ServiceNumber",
		"SipAddress", "TenantId", "TollFreeServiceNumber"}
	runPipelineCases(t, c, []pcase{
		{in: user + " | Select-Object Dis", span: "Dis", want: []string{"DisplayName"}},
		{in: user + " | Select-Object -Property Dis", span: "Dis", want: []string{"DisplayName"}},
		{in: user + " | select dis", span: "dis", want: []string{"DisplayName"}},
		{in: user + " | Sort-Object ", want: all},
		{in: user + " | sort -Property Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Where-Object Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Where-Object -Property Sip", span: "Sip", want: []string{"SipAddress"}},
		{in: user + " | Group-Object Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Measure-Object -Property Con", span: "Con", want: []string{"ConferenceId"}},
		{in: user + " | Format-Table -Property Disp", span: "Disp", want: []string{"DisplayName"}},
		{in: user + " | ft Disp", span: "Disp", want: []string{"DisplayName"}},
		{in: user + " | Format-List Sip", span: "Sip", want: []string{"SipAddress"}},
		{in: user + " | Select-Object -ExpandProperty Bridge", span: "Bridge", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Select-Object -Property DisplayName, Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Select-Object -Property DisplayName,", not: []string{"DisplayName"}, has: []string{"BridgeName"}},
		{in: user + " | Select-Object 'Dis", span: "'Dis", want: []string{"'DisplayName'"}},
		{in: user + " | Select-Object -Property:Dis", span: "Dis", want: []string{"DisplayName"}},
		{in: user + " | Select-Object -Property:", span: "", want: all},
		{in: user + " | ForEach-Object -MemberName Disp", span: "Disp", want: []string{"DisplayName"}},
		{in: user + " | ForEach-Object Get", span: "Get", want: []string{"GetHashCode", "GetType"}},
		{in: user + " | % To", span: "To", want: []string{"TollFreeServiceNumber", "ToString"}},
		// $_ and $PSItem in a script block stand for the upstream objects.
		{in: user + " | Where-Object { $_.Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Where-Object { $PSItem.Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | ? { $_.Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | ForEach-Object { $_.", has: append(all, "ToString()")},
		{in: user + " | % { $_.Dis", span: "Dis", want: []string{"DisplayName"}},
		{in: user + " | Sort-Object { $_.Sip", span: "Sip", want: []string{"SipAddress"}},
		{in: user + " | Select-Object @{ n = 'x'; e = { $_.Sip", span: "Sip", want: []string{"SipAddress"}},
		{in: user + " | Where-Object { $_.DisplayName -like 'a*' -and $_.Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		// The string's own members after a property of the objects.
		{in: user + " | % { $_.DisplayName.Len", span: "Len", want: []string{"Length"}},
		// Pass-through cmdlets keep the type; Select-Object -Property narrows it.
		{in: user + " | Where-Object { $_.BridgeName -eq 'x' } | Sort-Object DisplayName | Select-Object Sip", span: "Sip", want: []string{"SipAddress"}},
		{in: user + " | Select-Object -First 2 | Format-List Bri", span: "Bri", want: []string{"BridgeId", "BridgeName"}},
		{in: user + " | Select-Object DisplayName, SipAddress | Sort-Object ", want: []string{"DisplayName", "SipAddress"}},
		{in: user + " | Select-Object Display*, Sip* | Format-Table ", want: []string{"DisplayName", "SipAddress"}},
		{in: user + " | Select-Object -Property * -ExcludeProperty LeaderPin, Tenant* | ForEach-Object { $_.T", span: "T", want: []string{"TollFreeServiceNumber", "ToString()"}},
		{in: user + " | Select-Object DisplayName | Where-Object { $_.", has: []string{"DisplayName"}, not: []string{"BridgeName"}},
		{in: user + " | Select-Object -ExpandProperty DisplayName | Select-Object ", want: []string{"Length"}},
		{in: user + " | ForEach-Object DisplayName | ForEach-Object Len", span: "Len", want: []string{"Length"}},
		{in: "(" + user + ") | Select-Object Dis", span: "Dis", want: []string{"DisplayName"}},
		// Other types.
		{in: "Get-CsOnlineDialInConferencingBridge | Select-Object ", has: []string{"Name", "DefaultServiceNumber", "IsDefault", "Identity"}},
		{in: "Get-CsOnlineUser | Where-Object { $_.UserPrin", span: "UserPrin", want: []string{"UserPrincipalName"}},
		{in: `"Hello","World" | select-object `, want: []string{"Length"}},
		{in: `$x = 1; "Hello" | Sort-Object Le`, span: "Le", want: []string{"Length"}},
		// TabCompletion.Tests.ps1: "1..10 | ForEach-Object -MemberName " includes GetType.
		{in: "1..10 | ForEach-Object -MemberName ", has: []string{"GetType", "CompareTo"}},
		{in: "1..10 | % Get", span: "Get", want: []string{"GetHashCode", "GetType"}},
		// Core cmdlets (TabCompletion.Tests.ps1: "Get-ChildItem | Where-Object <Tab>" → Attributes first,
		// "dir | % { $_.Full" → FullName).
		{in: "Get-ChildItem | Where-Object ", first: "Attributes", has: []string{"Attributes", "FullName", "Length", "Parent"}},
		{in: "dir | % { $_.Full", span: "Full", want: []string{"FullName"}},
		{in: "Get-History | Select-Object Comm", span: "Comm", want: []string{"CommandLine"}},
		{in: "Get-Date | Select-Object DayOf", span: "DayOf", want: []string{"DayOfWeek", "DayOfYear"}},
		{in: "Get-Location | ForEach-Object { $_.Pro", span: "Pro", want: []string{"Provider", "ProviderPath"}},
		{in: user + " | Measure-Object | Select-Object Ma", span: "Ma", want: []string{"Maximum"}},
		// Unknown types: what completion gave before (file names here).
		{in: "Get-Thing | Select-Object Dis", fallsBack: true},
		{in: "$nothing | Select-Object ", fallsBack: true},
		{in: "ForEach-Object { $_.", fallsBack: true},
		{in: "Import-Csv x.csv | Select-Object ", fallsBack: true},
		{in: "Select-Object Dis", fallsBack: true},
		// Not a member-name parameter.
		{in: user + " | Select-Object -First ", not: []string{"DisplayName"}},
		{in: user + " | Sort-Object -Culture ", not: []string{"DisplayName"}},
	})
	if r := c.Complete(user+" | Select-Object Dis", len(user)+20); len(r.Items) != 1 || !strings.HasPrefix(r.Items[0].Description, "[") {
		t.Errorf("description of a property: %+v", r.Items)
	}
}
