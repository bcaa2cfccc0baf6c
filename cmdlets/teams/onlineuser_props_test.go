package teams

import (
	"strings"
	"testing"
)

// TestOnlineUserPropsAgreeWithSurface checks the one source of truth:
// every propertyItem row of Get-CsOnlineUser names a property the table
// computes (a row for a name nobody builds would hide nothing and add
// nothing), the table has no name twice, and it is in ordinal order.
func TestOnlineUserPropsAgreeWithSurface(t *testing.T) {
	seen := map[string]bool{}
	for i, p := range onlineUserProps {
		if seen[strings.ToLower(p.name)] {
			t.Errorf("property %s is in onlineUserProps twice", p.name)
		}
		seen[strings.ToLower(p.name)] = true
		if i > 0 && onlineUserProps[i-1].name >= p.name {
			t.Errorf("onlineUserProps: %s comes after %s", p.name, onlineUserProps[i-1].name)
		}
	}
	for _, it := range surfaceItems {
		if it.kind == propertyItem && strings.EqualFold(it.cmdlet, cmdOnlineUser) && !seen[strings.ToLower(it.name)] {
			t.Errorf("surface.go has a row for Get-CsOnlineUser property %s, which onlineUserProps does not build", it.name)
		}
	}
}

// TestOnlineUserShapes checks what each generation's objects have: the
// legacy names only before 3.0.0, the 3.0 names from then on, and the
// later additions from their versions.
func TestOnlineUserShapes(t *testing.T) {
	gen := func(v string) generation { return generation{module: moduleTeams, version: v} }
	cases := []struct {
		g        generation
		identity bool
		has      []string
		lacks    []string
	}{
		{generation{module: moduleConnector, version: connectorVersion}, true,
			[]string{"ObjectId", "Enabled", "AcpInfo", "OnlineDialinConferencingPolicy", "FirstName", "LastName", "Company"},
			[]string{"AccountEnabled", "FeatureTypes", "GivenName", "IsSipEnabled", "Country"}},
		{gen("2.6.0"), false, []string{"AcpInfo", "CountryOrRegionDisplayName"}, []string{"FeatureTypes"}},
		{gen("2.6.0"), true, []string{"FeatureTypes", "IsSipEnabled"}, []string{"AcpInfo", "Country"}},
		{gen("2.5.0"), true, []string{"AcpInfo"}, []string{"FeatureTypes"}},
		{gen("4.2.0"), false, []string{"Country", "LocationPolicy"}, []string{"AccountType", "TelephoneNumbers"}},
		{gen("6.9.0"), false, []string{"TelephoneNumbers", "TeamsAIPolicy", "AccountType"}, []string{"LocationPolicy", "EffectivePolicyAssignments"}},
		{newestGeneration, false, []string{"EffectivePolicyAssignments", "Country", "GivenName"}, []string{"AcpInfo", "ObjectId", "Enabled", "LocationPolicy"}},
	}
	for _, c := range cases {
		s := shapeFor(c.g, c.identity, "", false)
		for _, n := range c.has {
			if !s.has(n) {
				t.Errorf("%s (identity %v): no %s", c.g, c.identity, n)
			}
		}
		for _, n := range c.lacks {
			if s.has(n) {
				t.Errorf("%s (identity %v): has %s", c.g, c.identity, n)
			}
		}
	}
}

// TestOnlineUserFilterParse checks the -Filter grammar: what parses and
// what fails, with the failing property named.
func TestOnlineUserFilterParse(t *testing.T) {
	s := shapeFor(newestGeneration, false, "", false)
	ok := []string{
		"Department -eq 'Finance'", "{City -like 'Sea*' -and -not (UsageLocation -ceq 'US')}",
		"FeatureTypes -contains 'AudioConferencing' -or LineUri -ne $null", "DisplayName -match '^A' -and Title -inotlike '*x*'",
		"UsageLocation eq 'US' and startswith(DisplayName,'A')", "not (City eq 'Dublin')", "WhenChanged -gt \"1/1/2024\"",
	}
	for _, f := range ok {
		if _, err := parseOPathChecked(f, s.checkFilterProperty(f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	bad := map[string]string{
		"Enabled -eq $true":    "use IsSipEnabled",
		"AcpInfo -ne $null":    `"AcpInfo" is not a property`,
		"Colour -eq 'x'":       `"Colour" is not a property`,
		"City -eq $town":       "'$town'",
		"City = 'x'":           "Use the form",
		"startswith(City 'x')": "Use the form",
		"(City -eq 'x'":        "Use the form",
		"City -eq 'x' -and":    "Use the form",
		"City -between 'a'":    "Use the form",
	}
	for f, want := range bad {
		_, err := parseOPathChecked(f, s.checkFilterProperty(f))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want an error containing %q", f, err, want)
		}
	}
}
