package pester_test

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestPublicStyles runs, unchanged, test files written in the style of
// public Pester 5 suites of admin repositories (testdata/public/README.md):
// dot-sourced functions with bare mocks and multi-line filters, tagged
// CIS-style checks from a module the runner imports, and DSC resources
// tested through Mock -ModuleName. The one CIS check that fails is a real
// finding of the demo tenant (David Longmuir has no mailbox).
func TestPublicStyles(t *testing.T) {
	var buf bytes.Buffer
	rt, _ := newSession(t, &buf)
	dir, err := filepath.Abs(filepath.Join("testdata", "public"))
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, rt, &buf, "Set-Location '"+dir+"'; Import-Module ./cis/ConferencingChecks.psm1\n"+
		"$r = Invoke-Pester . -Output None -PassThru\n"+
		"'{0} passed, {1} failed, {2} blocks failed' -f $r.PassedCount, $r.FailedCount, $r.FailedBlocksCount\n"+
		"$r.Failed | ForEach-Object { $_.ExpandedPath; $_.ErrorRecord[0].Exception.Message }\n"+
		"@($r.Tests | Where-Object { $_.Tag -contains 'Level 1' }).Count\n"+
		"(Invoke-Pester . -Output None -PassThru -TagFilter 'CC 1.1').TotalCount")
	want := strings.Join([]string{
		"16 passed, 1 failed, 0 blocks failed",
		"Conferencing.CC 2.1 (L2) Ensure every conferencing user can be mailed their PIN",
		"Expected $true, because users without a mailbox never receive their PIN., but got $false.",
		"2",
		"1",
	}, "\n")
	if got := strings.TrimSpace(out); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	// The module mocks are gone once their tests ended.
	if got := strings.TrimSpace(run(t, rt, &buf, "Import-Module ./dsc/TeamsDialInUser.psm1; (Get-TargetResource -Identity lee.gu@contoso.com).BridgeName")); got != "EMEA Bridge" {
		t.Errorf("after the run: %q", got)
	}
}
