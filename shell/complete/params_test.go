package complete

import (
	"strings"
	"testing"
)

// common are the common parameters every cmdlet takes, in pwsh's order.
var common = []string{"-Verbose", "-Debug", "-ErrorAction", "-WarningAction", "-InformationAction", "-ProgressAction",
	"-ErrorVariable", "-WarningVariable", "-InformationVariable", "-OutVariable", "-OutBuffer", "-PipelineVariable"}

func TestParameterNames(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	thingAll := append([]string{"-Name", "-Id", "-Tag", "-Serial", "-Kind", "-Force"}, common...)
	runCases(t, c, []tcase{
		{name: "all after dash", in: "Get-Thing -", span: "-", want: thingAll},
		{name: "prefix", in: "Get-Thing -N", span: "-N", want: []string{"-Name"}},
		{name: "case-insensitive prefix", in: "get-thing -se", span: "-se", want: []string{"-Serial"}},
		{name: "common by prefix", in: "Get-Thing -Err", span: "-Err", want: []string{"-ErrorAction", "-ErrorVariable"}},
		{name: "wildcard", in: "Get-Thing -*Action", span: "-*Action", want: []string{"-ErrorAction", "-WarningAction", "-InformationAction", "-ProgressAction"}},
		{name: "alias of common", in: "Get-Thing -ea", span: "-ea", want: []string{"-ErrorAction"}},
		{name: "given one excluded", in: "Get-Thing -Kind Alpha -K", none: true},
		{name: "given common excluded", in: "Get-Thing -Verbose -V", none: true},
		{name: "given by prefix excluded", in: "Get-Thing -Forc -F", none: true},
		{name: "given by alias excluded", in: "Get-Thing -f -Fo", none: true},
		{name: "set narrowed by named", in: "Get-Thing -Tag x -", span: "-", first: []string{"-Name", "-Kind", "-Force", "-Verbose"}, not: []string{"-Id", "-Serial", "-Tag"}},
		{name: "set narrowed the other way", in: "Get-Thing -Serial 4 -", span: "-", first: []string{"-Id", "-Kind", "-Force"}, not: []string{"-Name", "-Tag"}},
		{name: "positional binds default set", in: "Get-Thing foo -", span: "-", first: []string{"-Tag", "-Kind", "-Force"}, not: []string{"-Name", "-Id", "-Serial"}},
		{name: "given after cursor excluded", in: "Get-Thing -‸ -Kind Beta", span: "-", not: []string{"-Kind"}, has: []string{"-Name"}},
		{name: "cursor inside name", in: "Get-Thing -Ki‸nd", span: "-Ki", want: []string{"-Kind"}},
		{name: "should process params", in: "Set-CsOnlineDialInConferencingUser -W", span: "-W", want: []string{"-WarningAction", "-WarningVariable", "-WhatIf"}},
		{name: "no WhatIf without ShouldProcess", in: "Get-Thing -W", span: "-W", not: []string{"-WhatIf"}},
		{name: "tenant cmdlet", in: "Set-CsOnlineDialInConferencingUser -T", span: "-T", want: []string{"-TollFreeServiceNumber"}},
		{name: "through alias", in: "gci -R", span: "-R", want: []string{"-Recurse"}},
		{name: "function params, no common", in: "Get-Greeting -", span: "-", want: []string{"-Name", "-Loud", "-Mood"}},
		{name: "after pipe", in: "gci | Sort-Object -D", span: "-D", want: []string{"-Descending", "-Debug"}},
		{name: "nested command in parens", in: "Write-Host (Get-Thing -K", span: "-K", want: []string{"-Kind"}},
		{name: "nested in subexpression", in: "Write-Host $(Get-Thing -K", span: "-K", want: []string{"-Kind"}},
		{name: "inner command closed", in: "Write-Host (Get-Thing) -N", span: "-N", want: []string{"-NoNewline"}},
		{name: "in script block", in: "gci | % { Get-Thing -K", span: "-K", want: []string{"-Kind"}},
		{name: "line continuation", in: "Get-Thing -Kind Beta `\n  -K", none: true},
		{name: "line continuation lists", in: "Get-Thing `\n  -Ki", span: "-Ki", want: []string{"-Kind"}},
		{name: "unknown command", in: "Frob-Nicate -", none: true},
		{name: "expression operators", in: "$count -e", span: "-e", want: []string{"-eq"}},
		{name: "expression operators as the lexer has them", in: "$count -ilik", span: "-ilik", want: []string{"-ilike"}},
		{name: "switch then positional", in: "Get-Thing -Force foo -", span: "-", not: []string{"-Name", "-Force"}},
	})
}

func TestParameterDescriptions(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	r := c.Complete("Get-CsOnlineDialInConferencingUser -Id", 39)
	if len(r.Items) != 1 || r.Items[0].Description != "[UserIdParameter] Specifies the user." {
		t.Fatalf("got %+v", r.Items)
	}
	r = c.Complete("Get-Thing -Fo", 13)
	if len(r.Items) != 1 || !strings.HasPrefix(r.Items[0].Description, "[SwitchParameter]") {
		t.Fatalf("got %+v", r.Items)
	}
}
