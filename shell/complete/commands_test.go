package complete

import "testing"

func TestCommandNames(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	runCases(t, c, []tcase{
		{name: "prefix", in: "Get-C", span: "Get-C", want: []string{"Get-ChildItem", "Get-Content", "Get-CsOnlineDialInConferencingBridge", "Get-CsOnlineDialInConferencingUser"}},
		{name: "case-insensitive", in: "get-ch", span: "get-ch", want: []string{"Get-ChildItem"}},
		{name: "wildcard both ends", in: "*-CsOnlineDialIn*", span: "*-CsOnlineDialIn*", want: []string{"Get-CsOnlineDialInConferencingBridge", "Get-CsOnlineDialInConferencingUser", "Set-CsOnlineDialInConferencingUser"}},
		{name: "wildcard middle", in: "Get-*User", span: "Get-*User", want: []string{"Get-CsOnlineDialInConferencingUser"}},
		{name: "question mark", in: "?et-Th", span: "?et-Th", want: []string{"Get-Thing"}},
		{name: "aliases and cmdlets sorted together", in: "g", span: "g", first: []string{"gc", "gci", "Get-ChildItem", "Get-Content"}},
		{name: "function", in: "Get-Gr", span: "Get-Gr", want: []string{"Get-Greeting"}},
		{name: "no match", in: "Zap-", none: true},
		{name: "after pipe", in: "gci | So", span: "So", want: []string{"sort", "Sort-Object"}},
		{name: "after pipe no space", in: "gci|so", span: "so", want: []string{"sort", "Sort-Object"}},
		{name: "after semicolon", in: "gci; Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "after newline", in: "gci\nGet-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "after &&", in: "gci && Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "after ||", in: "gci || Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in script block", in: "gci | % { Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in script block multi-line", in: "gci | % {\n  Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in subexpression", in: "Write-Host $( Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in parens", in: "Write-Host (Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in array subexpression", in: "@(Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "after call operator", in: "& Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "after assignment", in: "$x = Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in if body", in: "if ($true) { Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "in hashtable value", in: "@{ a = Get-Ch", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "cursor mid-line", in: "Get-Ch‸ -Path x", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "cursor mid-word", in: "Get-Ch‸ildItem", span: "Get-Ch", want: []string{"Get-ChildItem"}},
		{name: "keyword starting a command name", in: "foreach", span: "foreach", want: []string{"ForEach-Object"}},
		{name: "keyword inside a statement is none", in: "if ($true) { } els", none: true},
		{name: "descriptions are synopses", in: "Get-Thi", span: "Get-Thi", want: []string{"Get-Thing"}},
		{name: "hashtable key is no command", in: "@{ Get-Ch", none: true},
		{name: "index is no command", in: "$a[Get-Ch", none: true},
		{name: "script at command position", in: ".\\scr", span: ".\\scr", want: []string{".\\scripts/", ".\\script.ps1"}},
		{name: "dot slash lists dirs and scripts only", in: "./", span: "./", want: []string{"./data/", "'./My Documents/'", "./scripts/", "./script.ps1", "./setup.ps1"}},
		{name: "script with space needs call operator", in: "./scripts/R", span: "./scripts/R", want: []string{"& './scripts/Run Me.ps1'"}},
		{name: "quoted script path", in: "& './scripts/R", span: "'./scripts/R", want: []string{"'./scripts/Run Me.ps1'"}},
	})
}

func TestCommandDescriptions(t *testing.T) {
	t.Parallel()
	c := New(newFake(t))
	r := c.Complete("gc", 2)
	if len(r.Items) == 0 || r.Items[0].Text != "gc" || r.Items[0].Description != "Alias of Get-Content" {
		t.Fatalf("alias item: %+v", r.Items)
	}
	r = c.Complete("Get-Thin", 8)
	if len(r.Items) != 1 || r.Items[0].Description != "Gets things by name or id." {
		t.Fatalf("cmdlet item: %+v", r.Items)
	}
}
