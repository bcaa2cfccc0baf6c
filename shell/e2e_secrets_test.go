//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2ESecretsNeverReachTheHistoryFile types PINs and a password into
// the real csshell in a terminal, every way a person passes them — by
// position, by an alias prefix, by a name prefix, splatted, piped as a
// property, as a -Password — exits, and reads the history file: none of
// the secrets is there, while the harmless command typed with them is.
func TestE2ESecretsNeverReachTheHistoryFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := startSession(t, dir)
	s.waitFor(psPrompt)
	lines := []struct {
		line, secret string
	}{
		{"Test-TenantLeaderPin amos.marble@contoso.com 246810", "246810"},
		{"Test-TenantLeaderPin amos.marble@contoso.com -Lea 135791", "135791"},
		{"Test-TenantLeaderPin -P 12345 -Identity ken.myer@contoso.com", "12345"},
		{"$p = @{Identity = 'ken.myer@contoso.com'; Pin = '97531'}; Test-TenantLeaderPin @p", "97531"},
		{"$q = @{Identity = 'lee.gu@contoso.com'; Pin = '31975'}; 'created'", "31975"},
		{"Test-TenantLeaderPin @q", "31975"},
		{"[pscustomobject]@{Identity = 'lee.gu@contoso.com'; Pin = '86420'} | Test-TenantLeaderPin", "86420"},
		{"New-TenantUser -UserPrincipalName zed.quinn@contoso.com -DisplayName 'Zed Quinn' -Password 'Pw-864213' | Out-Null; 'created'", "864213"},
	}
	for _, l := range lines {
		s.markNow()
		s.line(l.line)
		s.waitForRE(`(True|False|created)\n(.*\n)*` + psPrompt)
	}
	s.markNow()
	s.line("Write-Output ('harm' + 'less-7')")
	s.waitFor("\nharmless-7\n")
	s.line("exit")
	if code := s.wait(); code != 0 {
		t.Errorf("exit code %d; screen:\n%s", code, s.screen())
	}

	data, err := os.ReadFile(filepath.Join(dir, "state", "csshell", "history"))
	if err != nil {
		t.Fatal(err)
	}
	history := string(data)
	if !strings.Contains(history, "Write-Output ('harm' + 'less-7')") {
		t.Fatalf("the harmless command is not in the history file:\n%s", history)
	}
	for _, l := range lines {
		if strings.Contains(history, l.secret) {
			t.Errorf("the secret of %q reached the history file:\n%s", l.line, history)
		}
	}
}
