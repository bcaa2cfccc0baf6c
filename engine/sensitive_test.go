package engine_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/secret"
)

// secretRuntime is a runtime with cmdlets shaped like the tenant's: a PIN
// by position, name, alias and property name, a password by name, a
// secret taken by value, and New-Object.
func secretRuntime(t *testing.T) *engine.Runtime {
	t.Helper()
	nop := engine.ProcessOnly(func(*engine.Call) error { return nil })
	rt := newRuntime(&bytes.Buffer{},
		&engine.Cmdlet{Name: "Test-Pin", New: nop, Params: []*engine.ParamInfo{
			{Name: "Identity", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}},
			engine.Secret(&engine.ParamInfo{Name: "Pin", Type: "String", Aliases: []string{"LeaderPin"},
				Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}}}),
		}},
		&engine.Cmdlet{Name: "New-Account", New: nop, Params: []*engine.ParamInfo{
			engine.NamedParam("Name", "String", ""),
			engine.NamedParam("PasswordPolicy", "String", ""),
			engine.Secret(engine.NamedParam("Password", "SecureString", "")),
			engine.NamedParam("PassThru", "SwitchParameter", ""),
		}},
		&engine.Cmdlet{Name: "Protect-Text", New: nop, Params: []*engine.ParamInfo{
			engine.Secret(&engine.ParamInfo{Name: "Text", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true}}}),
		}},
		&engine.Cmdlet{Name: "Write-Thing", New: nop, Params: []*engine.ParamInfo{
			{Name: "Object", Type: "Object", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromRemainingArgs: true}}},
		}},
		&engine.Cmdlet{Name: "New-Object", New: nop, Params: []*engine.ParamInfo{
			{Name: "TypeName", Type: "String", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}},
			{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1}}},
		}},
	)
	rt.SetAlias("tp", "Test-Pin")
	return rt
}

func TestMaskSecretsThroughTheBinder(t *testing.T) {
	rt := secretRuntime(t)
	cases := []struct{ in, want string }{
		// Every way of naming the parameter.
		{"Test-Pin amos 246810", "Test-Pin amos *****"},
		{"Test-Pin -Pin 246810 -Identity amos", "Test-Pin -Pin ***** -Identity amos"},
		{"Test-Pin -P 246810 amos", "Test-Pin -P ***** amos"},
		{"Test-Pin -Lea 135791 amos", "Test-Pin -Lea ***** amos"},
		{"Test-Pin -LeaderPin:'135791' amos", "Test-Pin -LeaderPin:***** amos"},
		{"Test-Pin -Identity amos 135791", "Test-Pin -Identity amos *****"},
		{"tp amos 246810", "tp amos *****"},
		{"& 'Test-Pin' amos 246810", "& 'Test-Pin' amos *****"},
		{"New-Account -Name ann -Passw 'p w'", "New-Account -Name ann -Passw *****"},
		{"New-Account -Name ann -Password:\"x$y\"", "New-Account -Name ann -Password:*****"},
		{"New-Account -PasswordPolicy Strict -PassThru", "New-Account -PasswordPolicy Strict -PassThru"},
		// Nested commands.
		{"$r = $(Test-Pin amos 2468)", "$r = $(Test-Pin amos *****)"},
		{"1..2 | ForEach-Object { Test-Pin amos -Pin 2468 }", "1..2 | ForEach-Object { Test-Pin amos -Pin ***** }"},
		{"Write-Thing (Test-Pin amos 2468)", "Write-Thing (Test-Pin amos *****)"},
		// Splatting and piping.
		{"$p = @{Identity='amos'; Pin='2468'}; Test-Pin @p", "$p = @{Identity='amos'; Pin=*****}; Test-Pin @p"},
		{"$p = @{Identity='amos'; Lea=2468}; Test-Pin @p", "$p = @{Identity='amos'; Lea=*****}; Test-Pin @p"},
		{"$a = 'amos', '2468'; Test-Pin @a", "$a = 'amos', *****; Test-Pin @a"},
		{"[pscustomobject]@{Identity='amos'; Pin='2468'} | Test-Pin", "[pscustomobject]@{Identity='amos'; Pin=*****} | Test-Pin"},
		{"'2468' | Protect-Text", "***** | Protect-Text"},
		{"'2468' | Write-Thing", "'2468' | Write-Thing"},
		// What is not a secret stays.
		{"Test-Pin -Identity amos -Pin $pin", "Test-Pin -Identity amos -Pin $pin"},
		{"Test-Pin amos $r.LeaderPin", "Test-Pin amos $r.LeaderPin"},
		{"Test-Pin amos (Get-Random)", "Test-Pin amos (Get-Random)"},
		{"Write-Thing 'my -Pin 1234 text'", "Write-Thing 'my -Pin 1234 text'"},
		{"Write-Thing pinto@contoso.com", "Write-Thing pinto@contoso.com"},
		// No binder sees these: names and PSReadLine's rules.
		{"$pin = 12345", "$pin = *****"},
		{"$cred.Password = 'x'", "$cred.Password = *****"},
		{"Unknown-Cmd -Password 'p' -User u", "Unknown-Cmd -Password ***** -User u"},
		{"Unknown-Cmd -LeaderPin 1234", "Unknown-Cmd -LeaderPin *****"},
		{"$s = ConvertTo-SecureString 'p@ss' -AsPlainText -Force", "$s = ConvertTo-SecureString ***** -AsPlainText -Force"},
		{"'p@ss' | ConvertTo-SecureString -AsPlainText -Force", "***** | ConvertTo-SecureString -AsPlainText -Force"},
		{"$c = New-Object PSCredential('ann', $s)", "$c = New-Object PSCredential('ann', $s)"},
		{"$c = New-Object System.Management.Automation.PSCredential -ArgumentList 'ann', 'p'", "$c = New-Object System.Management.Automation.PSCredential -ArgumentList 'ann', *****"},
		{"$c = [pscredential]::new('ann', 'p')", "$c = [pscredential]::new('ann', *****)"},
		{"$c = [pscustomobject]@{UserName='ann'; Password='p'}", "$c = [pscustomobject]@{UserName='ann'; Password=*****}"},
	}
	for _, c := range cases {
		if got := rt.MaskSecrets(c.in); got != c.want {
			t.Errorf("MaskSecrets(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestHistoryLineKeepsUnpinpointedSecretsOutOfTheFile(t *testing.T) {
	rt := secretRuntime(t)
	cases := []struct {
		in     string
		toFile bool
	}{
		{"Test-Pin amos 246810", true},
		{"New-Account -Name ann -Password 'x'", true},
		{"New-Account -PasswordPolicy Strict", true},
		{"$password = Read-Host -AsSecureString", true},
		{"$s = ConvertTo-SecureString 'p' -AsPlainText -Force", true},
		{"Get-Secret -Name apitoken", true},
		{"Invoke-Api -Token $token", true},
		{"Write-Thing 'my password is hunter2'", false},
		{`Write-Thing "token: $x"`, false},
		{"Get-Date # the password is hunter2", false},
		{"Unknown-Cmd -ApiKey (1234)", true},
		{"Unknown-Cmd 'secret' -Force", false},
		{"Test-Pin -Password 'x' (", false},
	}
	for _, c := range cases {
		if _, got := rt.HistoryLine(c.in); got != c.toFile {
			t.Errorf("HistoryLine(%q) toFile = %v, want %v", c.in, got, c.toFile)
		}
	}
}

func TestMaskSecretsWithoutSessionGuessesByName(t *testing.T) {
	var rt *engine.Runtime
	cases := []struct{ in, want string }{
		{"Test-TenantLeaderPin -Pin 12345", "Test-TenantLeaderPin -Pin *****"},
		{"Test-TenantLeaderPin -Identity ann -Pin:'12345'", "Test-TenantLeaderPin -Identity ann -Pin:*****"},
		{"Set-X -Identity a -LeaderPin 9876", "Set-X -Identity a -LeaderPin *****"},
		{"$newPassword = 'x'", "$newPassword = *****"},
		{"Get-Spinner -Count 3", "Get-Spinner -Count 3"},
		{"$h = @{PinCode = 1234; Name = 'x'}", "$h = @{PinCode = *****; Name = 'x'}"},
	}
	for _, c := range cases {
		if got := rt.MaskSecrets(c.in); got != c.want {
			t.Errorf("MaskSecrets(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// A function cannot declare a parameter Sensitive: its declared name is
// judged, and the binder finds it by position and prefix.
func TestMaskSecretsOfAFunctionByDeclaredName(t *testing.T) {
	rt := secretRuntime(t)
	rt.Execute(context.Background(), "<test>", "function Set-Thing { param($User, $NewPin) }")
	got := rt.MaskSecrets("Set-Thing ann 4321; Set-Thing -N 8765 -U ann")
	if strings.Contains(got, "4321") || strings.Contains(got, "8765") || !strings.Contains(got, "ann") {
		t.Errorf("function secrets: %q", got)
	}
}

// A function defined on the line is not known to the session yet (the
// line is recorded before it runs): its definition is read from the line.
func TestMaskSecretsOfAFunctionDefinedOnTheLine(t *testing.T) {
	rt := secretRuntime(t)
	got := rt.MaskSecrets("function Set-Code($User, $PinCode) { }; Set-Code ann 4321")
	if want := "function Set-Code($User, $PinCode) { }; Set-Code ann *****"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzMaskSecrets(f *testing.F) {
	for _, s := range []string{"Test-Pin amos 246810", "$p=@{Pin=1}; Test-Pin @p", "'x' | Protect-Text", "New-Object PSCredential('a','b')",
		"Test-Pin -P:", "@{", "$(Test-Pin -Lea"} {
		f.Add(s)
	}
	rt := secretRuntime(&testing.T{})
	f.Fuzz(func(t *testing.T, line string) {
		masked, _ := rt.HistoryLine(line)
		if strings.Contains(line, secret.Mask) {
			return
		}
		if masked != line && !strings.Contains(masked, secret.Mask) {
			t.Fatalf("changed without masking: %q → %q", line, masked)
		}
	})
}

// A switch given its value with a colon (-ResetLeaderPin:yes) holds no
// secret however it is named (issue 15, item 10b): a function's [switch]
// is judged by its declared type, and for a command the session does not
// know a yes/no, true/false or on/off word is a switch's value, not a PIN.
// PINs given the same way are still masked.
func TestMaskSecretsLeavesASwitchValue(t *testing.T) {
	rt := secretRuntime(t)
	cases := []struct{ in, want string }{
		{"function f { param([switch]$ResetLeaderPin, $Pin) }; f -ResetLeaderPin:yes",
			"function f { param([switch]$ResetLeaderPin, $Pin) }; f -ResetLeaderPin:yes"},
		{"function f { param([switch]$ResetLeaderPin, $Pin) }; f -ResetLeaderPin:yes -Pin 2468",
			"function f { param([switch]$ResetLeaderPin, $Pin) }; f -ResetLeaderPin:yes -Pin *****"},
		{"function f { param([bool]$RequirePin) }; f -RequirePin:1", "function f { param([bool]$RequirePin) }; f -RequirePin:1"},
		{"Unknown-Cmd -ResetLeaderPin:yes", "Unknown-Cmd -ResetLeaderPin:yes"},
		{"Unknown-Cmd -ResetLeaderPin:False -LeaderPin:2468", "Unknown-Cmd -ResetLeaderPin:False -LeaderPin:*****"},
		{"Test-Pin amos -LeaderPinReset:on", "Test-Pin amos -LeaderPinReset:on"},
		// Only an unquoted word after a colon is a switch's value.
		{"Unknown-Cmd -LeaderPin:'yes'", "Unknown-Cmd -LeaderPin:*****"},
		{"Unknown-Cmd -LeaderPin yes", "Unknown-Cmd -LeaderPin *****"},
		{"Unknown-Cmd -LeaderPin:123456", "Unknown-Cmd -LeaderPin:*****"},
		{"Test-Pin amos -Pin:yes", "Test-Pin amos -Pin:*****"},
	}
	for _, c := range cases {
		if got := rt.MaskSecrets(c.in); got != c.want {
			t.Errorf("MaskSecrets(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
	var none *engine.Runtime
	if got, want := none.MaskSecrets("Set-CsOnlineDialInConferencingUser -Identity amos -ResetLeaderPin:yes"),
		"Set-CsOnlineDialInConferencingUser -Identity amos -ResetLeaderPin:yes"; got != want {
		t.Errorf("without a session: got %q, want %q", got, want)
	}
}
