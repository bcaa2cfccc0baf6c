package complete

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/engine"
)

// newRuntime is a real session with the core cmdlets, a script-defined
// function and variables, in a temp directory.
func newRuntime(t *testing.T) (*engine.Runtime, string) {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"reports", "Old Reports"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"users.csv", "deploy.ps1"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "deploy.ps1"), []byte("param([string]$Tenant, [switch]$DryRun)\n$Tenant\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := engine.NewHost(strings.NewReader(""), io.Discard, io.Discard)
	h.Environ = func() []string { return []string{"CSSHELL_DB=/x", "HOME=/home/u", "TERM=xterm"} }
	rt := engine.New(h)
	cmdlets.Register(rt)
	rt.SetLocation(dir)
	res := rt.Execute(context.Background(), "setup", `
$user = [pscustomobject]@{ DisplayName = 'Amos Marble'; UserPrincipalName = 'amos@contoso.com' }
$settings = @{ Bridge = 'Conference Bridge'; Pin = 12345 }
function Get-Greeting {
    [CmdletBinding()]
    param([string]$Name, [ValidateSet('Happy', 'Sad')][string]$Mood, [switch]$Loud)
    "hello $Name"
}
`)
	if res.Err != nil || res.Failed {
		t.Fatalf("setup: %v", res.Err)
	}
	return rt, dir
}

func TestFromRuntime(t *testing.T) {
	t.Parallel()
	rt, _ := newRuntime(t)
	c := New(FromRuntime(rt, Topic{Name: "about_csshell", Synopsis: "About csshell."}))
	runCases(t, c, []tcase{
		{name: "cmdlets", in: "Get-ChildI", span: "Get-ChildI", want: []string{"Get-ChildItem"}},
		{name: "wildcard", in: "*-Object", span: "*-Object", has: []string{"ForEach-Object", "Where-Object", "Sort-Object", "Select-Object"}},
		{name: "aliases", in: "gc", span: "gc", has: []string{"gc", "gci", "gcm"}},
		{name: "function", in: "Get-Gree", span: "Get-Gree", want: []string{"Get-Greeting"}},
		{name: "function params with common", in: "Get-Greeting -", span: "-", first: []string{"-Name", "-Mood", "-Loud", "-Verbose"}},
		{name: "function validate set", in: "Get-Greeting -Mood ", span: "", want: []string{"Happy", "Sad"}},
		{name: "cmdlet params", in: "Get-Content -T", span: "-T", want: []string{"-TotalCount", "-Tail"}},
		{name: "parameter sets", in: "Set-Location -Path x -", span: "-", not: []string{"-LiteralPath", "-StackName", "-Path"}, has: []string{"-PassThru"}},
		{name: "positional binds Path set", in: "Set-Location x -", span: "-", not: []string{"-LiteralPath", "-Path"}},
		{name: "dirs only for cd", in: "cd ", span: "", want: []string{"'Old Reports/'", "reports/"}},
		{name: "files", in: "Import-Csv u", span: "u", want: []string{"users.csv"}},
		{name: "script at command position", in: "./de", span: "./de", want: []string{"./deploy.ps1"}},
		{name: "script parameters", in: "./deploy.ps1 -", span: "-", first: []string{"-Tenant", "-DryRun"}},
		{name: "variables", in: "$us", span: "$us", want: []string{"$user"}},
		{name: "automatic variables", in: "$PSVer", span: "$PSVer", want: []string{"$PSVersionTable"}},
		{name: "env", in: "$env:CS", span: "$env:CS", want: []string{"$env:CSSHELL_DB"}},
		{name: "members of a custom object", in: "$user.", span: "", first: []string{"DisplayName", "UserPrincipalName"}},
		{name: "members of a hashtable", in: "$settings.B", span: "B", want: []string{"Bridge"}},
		{name: "nested member", in: "$user.DisplayName.Len", span: "Len", want: []string{"Length"}},
		{name: "PWD is the engine's PathInfo", in: "$PWD.", span: "", has: []string{"Drive", "Path", "Provider", "ProviderPath"}},
		{name: "env variable value", in: "$env:TERM.Len", span: "Len", want: []string{"Length"}},
		{name: "PSVersionTable keys", in: "$PSVersionTable.PSV", span: "PSV", want: []string{"PSVersion"}},
		{name: "help topics", in: "Get-Help about_cs", span: "about_cs", want: []string{"about_csshell"}},
		{name: "help commands", in: "Get-Help Get-ChildI", span: "Get-ChildI", want: []string{"Get-ChildItem"}},
		{name: "common enum", in: "Get-ChildItem -ErrorAction Si", span: "Si", want: []string{"SilentlyContinue"}},
		{name: "after pipe", in: "Get-ChildItem | Where-Object -F", span: "-F", has: []string{"-FilterScript"}},
	})
}

func TestFromRuntimeCommandsHaveSynopses(t *testing.T) {
	t.Parallel()
	rt, _ := newRuntime(t)
	c := New(FromRuntime(rt))
	r := c.Complete("Get-ChildItem", 13)
	if len(r.Items) == 0 || r.Items[0].Description == "" {
		t.Fatalf("no synopsis: %+v", r.Items)
	}
	r = c.Complete("gci", 3)
	if !slices.ContainsFunc(r.Items, func(s Suggestion) bool { return s.Text == "gci" && s.Description == "Alias of Get-ChildItem" }) {
		t.Fatalf("alias description: %+v", r.Items)
	}
}
