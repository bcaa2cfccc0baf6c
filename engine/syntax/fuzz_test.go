package syntax

import (
	"strings"
	"testing"
)

// FuzzParse checks that Parse and Tokenize never panic and always finish.
func FuzzParse(f *testing.F) {
	for _, c := range parserCases {
		f.Add(c.in)
	}
	for _, c := range errorCases {
		f.Add(c.in)
	}
	for _, s := range validScripts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sb, err := Parse(&Source{Name: "fuzz", Text: s})
		if sb == nil {
			t.Fatal("nil script block")
		}
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("error is %T", err)
			}
		}
		_ = Dump(sb)
		toks := Tokenize(s)
		if len(toks) == 0 || toks[len(toks)-1].Kind != TokEOF {
			t.Fatal("Tokenize must end with EOF")
		}
		prev := 0
		for _, tk := range toks {
			if tk.Extent.Start < prev || tk.Extent.End < tk.Extent.Start || tk.Extent.End > len(s) {
				t.Fatalf("bad token extent %+v (prev end %d)", tk, prev)
			}
			prev = tk.Extent.End
		}
	})
}

// validScripts are complete multi-line scripts used by the prefix test.
var validScripts = []string{
	"function Get-Thing {\n    param(\n        [Parameter(Mandatory)]\n        [string]$Name,\n        [int]$Count = 3\n    )\n    foreach ($i in 1..$Count) {\n        \"$Name $i\"\n    }\n}\nGet-Thing -Name x\n",
	"$h = @{\n    a = 1\n    'b c' = 2\n    d = @(1, 2, 3)\n}\n$h.a\n",
	"Get-ChildItem |\n    Where-Object { $_.Length -gt 1kb } |\n    Select-Object -First 5\n",
	"Get-Process `\n    -Name pwsh `\n    -ErrorAction SilentlyContinue\n",
	"try {\n    Get-Item x\n} catch [System.IO.IOException] {\n    Write-Error $_\n} finally {\n    'done'\n}\n",
	"$s = @\"\nHello $name\n  and $($x + 1)\n\"@\n$s\n",
	"$t = @'\nliteral $x\n'@\n",
	"if ($a -eq 1) {\n    'one'\n} elseif ($a -eq 2) {\n    'two'\n} else {\n    'other'\n}\n",
	"for ($i = 0; $i -lt 10; $i++) {\n    if ($i % 2) { continue }\n    $i\n}\n",
	"while ($true) {\n    break\n}\ndo {\n    $x++\n} until ($x -gt 5)\n",
	"switch -Wildcard ($name) {\n    'a*' { 'starts with a' }\n    default { 'other' }\n}\n",
	"$list = foreach ($row in Import-Csv users.csv) {\n    [pscustomobject]@{\n        Name = $row.Name\n        Mail = \"$($row.Alias)@contoso.com\"\n    }\n}\n",
	"<#\n.SYNOPSIS\nDoes things.\n#>\nparam([switch]$Force)\nWrite-Host 'hi'\n",
	"# comment\n$x = 1 # trailing\n$y = $x + 2\n",
	"$a = 1,\n    2,\n    3\n$b = $a -join\n    ','\n",
	"Get-X\n| Select-Y\n| Sort-Z\n",
	"filter Double { $_ * 2 }\n1..3 | Double\n",
	"$r = [math]::Max(\n    1,\n    2\n)\n",
	"$x = $null\n$y = $x ?? 'default'\n$z = $y ? 'yes' : 'no'\n",
	"trap [Exception] {\n    continue\n}\nthrow 'x'\n",
	"$sb = {\n    param($a)\n    $a * 2\n}\n& $sb 3\n",
	"function f {\n    [CmdletBinding()]\n    param()\n    begin { $n = 0 }\n    process { $n++ }\n    end { $n }\n}\n",
	"$names = 'a', 'b'\n$names | ForEach-Object {\n    $_.ToUpper()\n}\n",
	"Write-Output \"a `\"quoted`\" word\"\n",
	"$p = @{\n    Path = 'C:\\x'\n    Recurse = $true\n}\nGet-ChildItem @p\n",
	"git status && git log || echo fail\n",
	"$x = (Get-Date).AddDays(\n    -1\n)\n",
	":outer foreach ($a in 1..3) {\n    foreach ($b in 1..3) {\n        break outer\n    }\n}\n",
	"$m = 'abc' -replace 'b',\n    'x'\n",
	"data msgs {\n    'hello'\n}\n",
}

// TestEveryPrefixIsValidOrIncomplete checks that every prefix of a valid
// script either parses or fails only with Incomplete errors, which is what
// the interactive shell relies on to ask for a continuation line.
//
// Prefixes are taken at token boundaries and at every byte inside strings,
// here-strings and comments. Cutting inside other tokens would produce
// text PowerShell itself rejects (e.g. "$a -e" is an unknown parameter
// "-e", "Get-Chi" is a different command, "1." is a different number).
// A prefix that ends right after a complete statement keyword-free token is
// also fine: it simply parses.
func TestEveryPrefixIsValidOrIncomplete(t *testing.T) {
	for _, script := range validScripts {
		if _, err := Parse(&Source{Text: script}); err != nil {
			t.Errorf("script does not parse:\n%s\n%v", script, err)
			continue
		}
		for _, cut := range prefixCuts(script) {
			prefix := script[:cut]
			_, err := Parse(&Source{Text: prefix})
			if err == nil {
				continue
			}
			for _, e := range err.(ErrorList) {
				if !e.Incomplete {
					t.Errorf("prefix %q: non-incomplete error %s (%s)", prefix, e, e.ID)
					break
				}
			}
		}
	}
}

// prefixCuts returns the cut points: token boundaries plus every offset
// inside string, here-string and comment tokens.
func prefixCuts(script string) []int {
	seen := map[int]bool{}
	var cuts []int
	add := func(i int) {
		if !seen[i] && i >= 0 && i <= len(script) {
			seen[i] = true
			cuts = append(cuts, i)
		}
	}
	for _, tk := range Tokenize(script) {
		add(tk.Extent.Start)
		add(tk.Extent.End)
		switch tk.Kind {
		case TokStringLiteral, TokStringExpandable, TokHereStringLiteral, TokHereStringExpandable, TokComment:
			for i := tk.Extent.Start; i < tk.Extent.End; i++ {
				if !strings.HasPrefix(script[i:], "#>") || tk.Kind != TokComment {
					add(i)
				}
			}
		}
	}
	return cuts
}
