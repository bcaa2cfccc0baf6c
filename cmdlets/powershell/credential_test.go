package powershell

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// runWithInput runs script on a fresh runtime whose host reads input, and
// returns what the host showed and the runtime.
func runWithInput(t *testing.T, input, script string, nonInteractive bool) (string, *engine.Runtime) {
	t.Helper()
	var buf bytes.Buffer
	h := engine.NewHost(strings.NewReader(input), &buf, &buf)
	h.Width = 120
	h.NonInteractive = nonInteractive
	rt := engine.New(h)
	Register(rt)
	rt.SetLocation(t.TempDir())
	rt.Execute(context.Background(), "<test>", script)
	return buf.String(), rt
}

// TestGetCredentialPrompts checks Get-Credential's prompts (after the
// Get-Credential doc page and pwsh's console host) and that the password
// becomes a SecureString that shows only as its type name.
func TestGetCredentialPrompts(t *testing.T) {
	out, rt := runWithInput(t, "admin@contoso.com\nS3cret!\n", "$c = Get-Credential; $c; \"[$($c.Password)]\"", false)
	want := "\nPowerShell credential request\nEnter your credentials.\nUser: Password for user admin@contoso.com: \n" +
		"UserName                              Password\n" +
		"--------                              --------\n" +
		"admin@contoso.com System.Security.SecureString\n" +
		"[System.Security.SecureString]\n\n"
	if out != want {
		t.Errorf("got:\n%q\nwant:\n%q", out, want)
	}
	if strings.Contains(out, "S3cret") {
		t.Errorf("the password was shown: %q", out)
	}
	c, _ := rt.GetVariable("c")
	pw, _ := value.GetMember(c, "Password")
	if text, ok := value.SecureText(pw); !ok || text != "S3cret!" {
		t.Errorf("SecureText = %q, %v; want S3cret!", text, ok)
	}
}

// TestGetCredentialUserName: -UserName (or a user name given to
// -Credential) asks only for the password; -Message and -Title replace
// the prompt's lines; a credential given to -Credential is returned.
func TestGetCredentialUserName(t *testing.T) {
	cases := []struct{ script, want string }{
		{"(Get-Credential -UserName ops -Message 'Tenant admin' -Title 'Sign in').UserName",
			"\nSign in\nTenant admin\nPassword for user ops: ops\n"},
		{"(Get-Credential ops).UserName", "Password for user ops: ops\n"},
		{"$c = Get-Credential ops; (Get-Credential -Credential $c).UserName; $c.Password", "Password for user ops: ops\nSystem.Security.SecureString\n"},
		{"Get-Credential -Message m -UserName ''",
			"\nPowerShell credential request\nm\nUser: Password for user pw: \nUserName                     Password\n--------                     --------\npw       System.Security.SecureString\n\n"},
	}
	for _, tc := range cases {
		out, _ := runWithInput(t, "pw\npw\n", tc.script, false)
		if out != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.script, out, tc.want)
		}
	}
}

// TestGetCredentialNoInput: an empty user name is pwsh's
// CouldNotPromptForCredential error; -NonInteractive fails as Read-Host
// does; the end of input returns nothing.
func TestGetCredentialNoInput(t *testing.T) {
	out, _ := runWithInput(t, "\n", "Get-Credential -Message m; $Error[0].FullyQualifiedErrorId", false)
	if !strings.Contains(out, "CouldNotPromptForCredential,Microsoft.PowerShell.Commands.GetCredentialCommand") {
		t.Errorf("empty user name: %q", out)
	}
	out, _ = runWithInput(t, "", "$c = Get-Credential -UserName u; $null -eq $c", false)
	if !strings.HasSuffix(out, "True\n") {
		t.Errorf("end of input: %q", out)
	}
	out, _ = runWithInput(t, "u\np\n", "Get-Credential", true)
	if want := "Get-Credential: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\n"; out != want {
		t.Errorf("NonInteractive: got %q want %q", out, want)
	}
}

// TestPause: pause is pwsh's function, reading one line after its prompt.
func TestPause(t *testing.T) {
	out, _ := runWithInput(t, "\nnext\n", "pause; (Get-Command pause).CommandType; Read-Host", false)
	if want := "Press Enter to continue...: Function\nnext\n"; out != want {
		t.Errorf("got %q want %q", out, want)
	}
}
