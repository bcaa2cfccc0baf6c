//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2ETranscriptKeepsSecretsOut runs Start-Transcript in the real
// csshell in a terminal, types a PIN on a command line, a password at
// Get-Credential's prompt and a secret at Read-Host -AsSecureString, and
// exits without Stop-Transcript: the transcript has the commands (the PIN
// masked), their output and pwsh's footer, and none of the secrets; nor
// does Get-History show the PIN.
func TestE2ETranscriptKeepsSecretsOut(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := startSession(t, dir)
	s.waitFor(psPrompt)
	s.markNow()
	s.line("Start-Transcript -Path t.txt | Out-Null; 'started'")
	s.waitFor("\nstarted\n")
	s.markNow()
	s.line("Test-TenantLeaderPin amos.marble@contoso.com 246810")
	s.waitForRE(`(True|False)\n`)
	s.markNow()
	s.line("$c = Get-Credential -Message 'Tenant admin'")
	s.waitFor("User: ")
	s.line("ops@contoso.com")
	s.waitFor("Password for user ops@contoso.com: ")
	s.line("Pw-864213")
	s.waitFor(psPrompt)
	s.markNow()
	s.line("$c.UserName; $c.Password")
	s.waitFor("System.Security.SecureString\n")
	s.markNow()
	s.line("$s = Read-Host -AsSecureString 'Code'")
	s.waitFor("Code: ")
	s.line("77331")
	s.waitFor(psPrompt)
	s.markNow()
	s.line("Get-History | ForEach-Object CommandLine")
	s.waitFor("Read-Host -AsSecureString")
	if strings.Contains(s.screen(), "246810") {
		t.Errorf("Get-History shows the PIN:\n%s", s.screen())
	}
	s.line("exit")
	if code := s.wait(); code != 0 {
		t.Errorf("exit code %d; screen:\n%s", code, s.screen())
	}
	data, err := os.ReadFile(filepath.Join(dir, "t.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"PowerShell transcript start", "> Test-TenantLeaderPin amos.marble@contoso.com *****\n",
		"\nTenant admin\nUser: Password for user ops@contoso.com: ", "ops@contoso.com\nSystem.Security.SecureString\n",
		"> exit\n", "PowerShell transcript end"} {
		if !strings.Contains(text, want) {
			t.Errorf("the transcript lacks %q:\n%s", want, text)
		}
	}
	for _, secret := range []string{"246810", "Pw-864213", "77331"} {
		if strings.Contains(text, secret) {
			t.Errorf("the secret %q reached the transcript:\n%s", secret, text)
		}
	}
}
