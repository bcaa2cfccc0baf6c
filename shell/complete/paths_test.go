package complete

import (
	"path/filepath"
	"testing"
)

func TestPaths(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	c := New(f)
	runCases(t, c, []tcase{
		{name: "path param lists dirs first", in: "Get-Content -Path ", span: "", want: []string{"data/", "'My Documents/'", "scripts/", "'a b.txt'", "notes.txt", "script.ps1", "setup.ps1"}},
		{name: "positional path", in: "Get-Content no", span: "no", want: []string{"notes.txt"}},
		{name: "positional path of Import-Csv", in: "Import-Csv data/", span: "data/", want: []string{"data/bridges.csv", "data/users.csv"}},
		{name: "backslash kept", in: "Import-Csv data\\u", span: "data\\u", want: []string{"data\\users.csv"}},
		{name: "dot slash", in: "gc ./s", span: "./s", want: []string{"./scripts/", "./script.ps1", "./setup.ps1"}},
		{name: "case-insensitive", in: "gc -Path SCR", span: "SCR", want: []string{"scripts/", "script.ps1"}},
		{name: "wildcard", in: "gc *.ps1", span: "*.ps1", want: []string{"script.ps1", "setup.ps1"}},
		{name: "space quoted", in: "gc a", span: "a", want: []string{"'a b.txt'"}},
		{name: "open quote kept", in: "gc 'My", span: "'My", want: []string{"'My Documents/'"}},
		{name: "double quote kept", in: "gc \"My", span: "\"My", want: []string{"\"My Documents/\""}},
		{name: "hidden only when asked", in: "gc .h", span: ".h", want: []string{".hidden"}},
		{name: "hidden dir", in: "gc .g", span: ".g", want: []string{".git/"}},
		{name: "set-location dirs only", in: "Set-Location ", span: "", want: []string{"data/", "'My Documents/'", "scripts/"}},
		{name: "cd alias dirs only", in: "cd s", span: "s", want: []string{"scripts/"}},
		{name: "home tilde kept", in: "gc ~/", span: "~/", want: []string{"~/Documents/", "~/profile.ps1"}},
		{name: "home tilde prefix", in: "gc ~/Doc", span: "~/Doc", want: []string{"~/Documents/"}},
		{name: "absolute", in: "gc " + filepath.Join(f.loc, "data") + "/b", span: filepath.Join(f.loc, "data") + "/b", want: []string{filepath.Join(f.loc, "data") + "/bridges.csv"}},
		{name: "literal path", in: "gci -LiteralPath no", span: "no", want: []string{"notes.txt"}},
		{name: "literal path alias", in: "gci -LP no", span: "no", want: []string{"notes.txt"}},
		{name: "fallback for text", in: "Write-Host no", span: "no", want: []string{"notes.txt"}},
		{name: "fallback for unknown command", in: "frob no", span: "no", want: []string{"notes.txt"}},
		{name: "missing dir", in: "gc nowhere/x", none: true},
		{name: "int param has none", in: "gc -TotalCount ", none: true},
		{name: "redirection target", in: "Get-Thing > no", span: "no", want: []string{"notes.txt"}},
		{name: "redirection target empty", in: "$x 2>> ", span: "", has: []string{"notes.txt", "data/"}},
		{name: "after a redirection, arguments again", in: "Get-Thing > out.txt -K", span: "-K", want: []string{"-Kind"}},
	})
}
