package pester_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/cmdlets/pester"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
)

// run executes text in the session and returns what it printed.
func run(t *testing.T, rt *engine.Runtime, buf *bytes.Buffer, text string) string {
	t.Helper()
	buf.Reset()
	rt.Execute(context.Background(), "<test>", text)
	return buf.String()
}

// write creates a file in dir.
func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// tenantState is what a test file could change, read from the store.
func tenantState(t *testing.T, s storage.Store) string {
	t.Helper()
	var b strings.Builder
	err := s.View(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(u *storage.User) error {
			b.WriteString(u.UserPrincipalName)
			if u.Conferencing != nil {
				b.WriteString(" pin:" + string(u.Conferencing.PIN.Hash))
			}
			b.WriteString("\n")
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTenantUntouched runs test files that reset PINs, remove a user and
// sign in as a non-admin: each file sees its own copy of the tenant (the
// second does not see the first's changes) and afterwards the session's
// tenant, its mail, its audit log and its signed-in account are as they
// were.
func TestTenantUntouched(t *testing.T) {
	var buf bytes.Buffer
	store := tenanttest.OpenMemory(t)
	tn := tenanttest.Connect(t, store)
	rt := transcript.NewRuntime(&buf, func(rt *engine.Runtime) {
		cmdlets.Register(rt)
		cmdlets.RegisterTenant(rt, tn)
	})
	dir := t.TempDir()
	rt.SetLocation(dir)
	write(t, dir, "a.Tests.ps1", `
Describe 'changes' {
    It 'resets, removes, signs in as a user' {
        Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPIN | Out-Null
        Remove-TenantUser -Identity ken.myer@contoso.com -Confirm:$false
        Connect-MicrosoftTeams -AccountId lee.gu@contoso.com | Out-Null
        { Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPIN -ErrorAction Stop } | Should -Throw '*Access Denied*'
    }
}`)
	write(t, dir, "b.Tests.ps1", `
Describe 'fresh copy' {
    It 'still has ken and the admin' {
        Get-TenantUser -Identity ken.myer@contoso.com | Should -Not -BeNullOrEmpty
        @(Get-TenantMail).Count | Should -Be 0
        Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPIN | Should -Not -BeNullOrEmpty
    }
}`)
	before := tenantState(t, store)
	mails := run(t, rt, &buf, "@(Get-TenantMail).Count; @(Get-TenantAuditLog).Count")
	out := run(t, rt, &buf, "Invoke-Pester -Output Detailed")
	if !strings.Contains(out, "Tests Passed: 2, Failed: 0") {
		t.Fatalf("the test files failed:\n%s", out)
	}
	if after := tenantState(t, store); after != before {
		t.Errorf("the tenant changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if got := run(t, rt, &buf, "@(Get-TenantMail).Count; @(Get-TenantAuditLog).Count"); got != mails {
		t.Errorf("mail and audit counts %q, were %q", got, mails)
	}
	if tn.Account() != "admin@contoso.onmicrosoft.com" {
		t.Errorf("signed in as %q after the run", tn.Account())
	}
	if tn.Store() != store {
		t.Errorf("the session is not back on its own store")
	}
}

// xmlNode is a generic XML element for the schema checks.
type xmlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []xmlNode  `xml:",any"`
	Text     string     `xml:",chardata"`
}

// attr returns an attribute's value and whether it is there.
func (n *xmlNode) attr(name string) (string, bool) {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// walk calls fn for n and every element below it.
func (n *xmlNode) walk(fn func(*xmlNode)) {
	fn(n)
	for i := range n.Children {
		n.Children[i].walk(fn)
	}
}

// requireAttrs fails for each missing attribute.
func requireAttrs(t *testing.T, n *xmlNode, names ...string) {
	t.Helper()
	for _, name := range names {
		if _, ok := n.attr(name); !ok {
			t.Errorf("<%s> lacks the required attribute %s", n.XMLName.Local, name)
		}
	}
}

// resultFiles runs a passing, a failing, a skipped and a data-driven test
// with the configuration given and returns the result file.
func resultFile(t *testing.T, setup string) (*xmlNode, string) {
	t.Helper()
	var buf bytes.Buffer
	rt := transcript.NewRuntime(&buf, func(rt *engine.Runtime) {
		cmdlets.Register(rt)
		pester.Register(rt, pester.Options{})
	})
	dir := t.TempDir()
	rt.SetLocation(dir)
	write(t, dir, "r.Tests.ps1", `
Describe 'report' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails' { 1 | Should -Be 2 }
    It 'is skipped' -Skip { }
    Context 'data' {
        It 'doubles <n>' -ForEach @(@{ n = 1 }, @{ n = 2 }) { $n * 2 | Should -BeGreaterThan 1 }
        It 'plain case' -ForEach @(@{ v = 'x' }) { $v | Should -Be 'x' }
    }
}`)
	run(t, rt, &buf, setup)
	data, err := os.ReadFile(filepath.Join(dir, "out", "results.xml"))
	if err != nil {
		data, err = os.ReadFile(filepath.Join(dir, "testResults.xml"))
	}
	if err != nil {
		t.Fatalf("no result file: %v\n%s", err, buf.String())
	}
	var root xmlNode
	if err := xml.Unmarshal(data, &root); err != nil {
		t.Fatalf("result file is not XML: %v\n%s", err, data)
	}
	return &root, string(data)
}

// TestNUnitReport checks -CI's testResults.xml against the elements and
// attributes NUnit 2.5's schema (nunit_schema_2.5.xsd) requires, and the
// values Pester writes.
func TestNUnitReport(t *testing.T) {
	root, text := resultFile(t, "Invoke-Pester -CI -Output None")
	if !strings.HasPrefix(text, `<?xml version="1.0" encoding="utf-8" standalone="no"?>`+"\n<test-results ") {
		t.Errorf("declaration and root:\n%.200s", text)
	}
	if root.XMLName.Local != "test-results" {
		t.Fatalf("root is <%s>", root.XMLName.Local)
	}
	requireAttrs(t, root, "name", "total", "errors", "failures", "not-run", "inconclusive", "ignored", "skipped", "invalid", "date", "time")
	for name, want := range map[string]string{"total": "6", "failures": "1", "skipped": "1", "not-run": "0", "name": "Pester"} {
		if got, _ := root.attr(name); got != want {
			t.Errorf("test-results %s=%q, want %q", name, got, want)
		}
	}
	var kinds []string
	for _, c := range root.Children {
		kinds = append(kinds, c.XMLName.Local)
	}
	if strings.Join(kinds, ",") != "environment,culture-info,test-suite" {
		t.Errorf("children of test-results: %v", kinds)
	}
	requireAttrs(t, &root.Children[0], "nunit-version", "clr-version", "os-version", "platform", "cwd", "machine-name", "user", "user-domain")
	requireAttrs(t, &root.Children[1], "current-culture", "current-uiculture")
	cases, failures, parameterized := 0, 0, 0
	root.walk(func(n *xmlNode) {
		switch n.XMLName.Local {
		case "test-suite":
			requireAttrs(t, n, "type", "name", "executed", "result", "success", "time", "asserts", "description")
			if len(n.Children) == 0 || n.Children[len(n.Children)-1].XMLName.Local != "results" {
				t.Errorf("test-suite %v has no <results>", n.Attrs)
			}
			if v, _ := n.attr("type"); v == "ParameterizedTest" {
				parameterized++
			}
		case "test-case":
			cases++
			requireAttrs(t, n, "name", "description", "time", "asserts", "success", "result", "executed")
			if v, _ := n.attr("result"); v == "Failure" {
				if len(n.Children) != 1 || n.Children[0].XMLName.Local != "failure" {
					t.Errorf("failed test-case without <failure>")
				} else {
					f := n.Children[0]
					if len(f.Children) != 2 || f.Children[0].XMLName.Local != "message" || f.Children[1].XMLName.Local != "stack-trace" {
						t.Errorf("failure must hold message then stack-trace: %+v", f.Children)
					}
					if f.Children[0].Text != "Expected 2, but got 1." {
						t.Errorf("failure message %q", f.Children[0].Text)
					}
					failures++
				}
			}
		}
	})
	if cases != 6 || failures != 1 || parameterized != 2 {
		t.Errorf("%d test-cases, %d failures, %d parameterized suites; want 6, 1, 2", cases, failures, parameterized)
	}
	if !strings.Contains(text, `name="report.data.plain case(&quot;x&quot;)"`) || !strings.Contains(text, `name="report.data.doubles 2"`) {
		t.Errorf("parameterized test names:\n%s", text)
	}
}

// TestJUnitReport checks a JUnitXml result file against the elements and
// attributes JUnit 4's schema (junit_schema_4.xsd) requires.
func TestJUnitReport(t *testing.T) {
	root, _ := resultFile(t, `$c = New-PesterConfiguration
$c.TestResult.Enabled = $true
$c.TestResult.OutputFormat = 'JUnitXml'
$c.TestResult.OutputPath = './out/results.xml'
$c.Output.Verbosity = 'None'
Invoke-Pester -Configuration $c`)
	if root.XMLName.Local != "testsuites" {
		t.Fatalf("root is <%s>", root.XMLName.Local)
	}
	requireAttrs(t, root, "name", "tests", "errors", "failures", "disabled", "time")
	if v, _ := root.attr("tests"); v != "6" {
		t.Errorf("testsuites tests=%q", v)
	}
	suites, cases := 0, 0
	root.walk(func(n *xmlNode) {
		switch n.XMLName.Local {
		case "testsuite":
			suites++
			requireAttrs(t, n, "name", "tests", "errors", "failures", "hostname", "id", "skipped", "disabled", "package", "time", "timestamp")
			if n.Children[0].XMLName.Local != "properties" {
				t.Errorf("testsuite must start with <properties>")
			}
		case "testcase":
			cases++
			requireAttrs(t, n, "name", "classname", "time", "status", "assertions")
			switch v, _ := n.attr("status"); v {
			case "Failed":
				if len(n.Children) != 1 || n.Children[0].XMLName.Local != "failure" {
					t.Errorf("failed testcase without <failure>")
				} else {
					requireAttrs(t, &n.Children[0], "message")
				}
			case "Skipped":
				if len(n.Children) != 1 || n.Children[0].XMLName.Local != "skipped" {
					t.Errorf("skipped testcase without <skipped>")
				}
			}
		case "property":
			requireAttrs(t, n, "name", "value")
		}
	})
	if suites != 1 || cases != 6 {
		t.Errorf("%d testsuites, %d testcases; want 1, 6", suites, cases)
	}
}

// TestExitCodes: -CI exits with the number of failures; a passing run
// leaves $LASTEXITCODE 0; Run.Throw throws Pester's message instead.
func TestExitCodes(t *testing.T) {
	var buf bytes.Buffer
	rt := transcript.NewRuntime(&buf, func(rt *engine.Runtime) {
		cmdlets.Register(rt)
	})
	dir := t.TempDir()
	rt.SetLocation(dir)
	write(t, dir, "f.Tests.ps1", "Describe 'd' { It 'a' { 1 | Should -Be 2 }; It 'b' { throw 'x' } }")
	buf.Reset()
	res := rt.Execute(context.Background(), "<test>", "Invoke-Pester -CI -Output None; 'not reached'")
	if !res.Exited || res.Code != 2 || strings.Contains(buf.String(), "not reached") {
		t.Errorf("-CI: %+v %q", res, buf.String())
	}
	out := run(t, rt, &buf, "$c = New-PesterConfiguration @{ Run = @{ Throw = $true }; Output = @{ Verbosity = 'None' } }; Invoke-Pester -Configuration $c")
	if !strings.Contains(out, "Pester run failed, because 2 tests failed") {
		t.Errorf("Run.Throw: %q", out)
	}
}
