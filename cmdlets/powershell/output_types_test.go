package powershell

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOutputTypesMatchObjects checks the core cmdlets' [OutputType]
// samples against the objects the cmdlets write: the same properties, in
// the same order (for items, a file's then a directory's own).
func TestOutputTypesMatchObjects(t *testing.T) {
	s := newPromptSession(t)
	if err := os.Mkdir(filepath.Join(s.dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.dir, "a.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.typed("$x = 1")
	names := func(line string) []string {
		out := strings.TrimSpace(s.typed("(" + line + ").PSObject.Properties.Name -join ','"))
		return strings.Split(out, ",")
	}
	for _, c := range []struct{ cmdlet, line string }{
		{"Get-History", "Get-History | Select-Object -First 1"},
		{"Get-Location", "Get-Location"},
		{"Get-Variable", "Get-Variable -Name x"},
		{"Get-Item", "Get-Item a.txt"},
		{"Measure-Object", "1, 2 | Measure-Object"},
	} {
		cmd, ok := s.rt.Cmdlet(c.cmdlet)
		if !ok || cmd.OutputType == nil {
			t.Errorf("%s: no output type", c.cmdlet)
			continue
		}
		got, want := names(c.line), cmd.OutputType.Properties()
		if c.cmdlet == "Get-Item" && len(got) <= len(want) {
			want = want[:len(got)] // a file's properties, then a directory's own
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s writes\n  %q\nits OutputType says\n  %q", c.line, got, want)
		}
	}
	gci, _ := s.rt.Cmdlet("Get-ChildItem")
	want := gci.OutputType.Properties()
	for _, p := range append(names("Get-Item a.txt"), names("Get-Item sub")...) {
		if !slices.Contains(want, p) {
			t.Errorf("Get-ChildItem's OutputType lacks %s: %q", p, want)
		}
	}
	if d, _ := s.rt.Cmdlet("Get-Date"); d.OutputType == nil || d.OutputType.Name != "System.DateTime" {
		t.Errorf("Get-Date: %+v", d.OutputType)
	}
}
