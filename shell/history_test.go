package shell

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestHistoryPersistsFoldsAndEscapes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state", "csshell", "history")
	h, err := OpenHistory(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []string{"Get-Date", "Get-Date", "  ", "foreach ($i in 1..2) {\n  $i\n}", `Write-Host 'a\b'`, "Get-Date"} {
		if err := h.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"Get-Date", "foreach ($i in 1..2) {\n  $i\n}", `Write-Host 'a\b'`, "Get-Date"}
	if got := h.Entries(); !reflect.DeepEqual(got, want) {
		t.Fatalf("entries = %q, want %q", got, want)
	}
	data, _ := os.ReadFile(path)
	if got := strings.Count(string(data), "\n"); got != 4 {
		t.Errorf("file has %d lines, want 4 (one per entry):\n%s", got, data)
	}
	h2, err := OpenHistory(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := h2.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("reloaded = %q, want %q", got, want)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", st.Mode().Perm())
	}
	dst, _ := os.Stat(filepath.Dir(path))
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", dst.Mode().Perm())
	}
}

func TestHistoryBound(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	h, _ := OpenHistory(path, 10)
	for i := 0; i < 10+historySlack+5; i++ {
		if err := h.Add(fmt.Sprintf("cmd %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(h.Entries()); n != 10 {
		t.Fatalf("%d entries in memory, want 10", n)
	}
	data, _ := os.ReadFile(path)
	if lines := strings.Count(string(data), "\n"); lines > 10+historySlack {
		t.Errorf("file has %d lines, bound is %d", lines, 10+historySlack)
	}
	h2, _ := OpenHistory(path, 10)
	e := h2.Entries()
	if len(e) != 10 || e[9] != fmt.Sprintf("cmd %d", 10+historySlack+4) {
		t.Errorf("reloaded %q", e)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("rewritten file mode %v, want 0600", st.Mode().Perm())
	}
}

func TestHistoryMasksSecrets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	h, _ := OpenHistory(path, 0)
	h.Add("Test-TenantLeaderPin -Identity ann@contoso.com -Pin 12345")
	data, _ := os.ReadFile(path)
	if strings.Contains(string(data), "12345") || !strings.Contains(string(data), "-Pin *****") {
		t.Errorf("history file = %q", data)
	}
}

func TestEscapeRoundTrip(t *testing.T) {
	for _, s := range []string{"", `a\nb`, "a\nb", "a\r\nb\\", `\\`, "x\\"} {
		e := escapeHistory(s)
		if strings.ContainsAny(e, "\n\r") {
			t.Errorf("escape(%q) = %q has a line break", s, e)
		}
		if got := unescapeHistory(e); got != s {
			t.Errorf("round trip %q → %q → %q", s, e, got)
		}
	}
}

func TestHistoryPath(t *testing.T) {
	env := map[string]string{"HOME": "/home/u"}
	get := func(k string) string { return env[k] }
	if got := historyPath(get); got != "/home/u/.local/state/csshell/history" {
		t.Errorf("default = %q", got)
	}
	env["XDG_STATE_HOME"] = "relative"
	if got := historyPath(get); got != "/home/u/.local/state/csshell/history" {
		t.Errorf("relative XDG_STATE_HOME = %q", got)
	}
	env["XDG_STATE_HOME"] = "/s"
	if got := historyPath(get); got != "/s/csshell/history" {
		t.Errorf("XDG_STATE_HOME = %q", got)
	}
}
