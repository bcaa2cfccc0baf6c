package cmdlets_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// huge is a 100 000-character argument; nul one holding a NUL character.
const (
	hugeArg = `('x' * 100000)`
	nulArg  = "\"ken`0myer@contoso.com\""
)

// changingCmdlets are the tenant cmdlets that change something: each gets
// the generic malformed calls below (unknown parameter, unknown identity,
// huge and NUL-bearing identity).
var changingCmdlets = []string{
	"Set-CsOnlineDialInConferencingUser", "Enable-CsOnlineDialInConferencingUser", "Disable-CsOnlineDialInConferencingUser",
	"Set-CsOnlineDialInConferencingUserDefaultNumber", "Grant-CsDialoutPolicy", "Set-TenantUser", "Remove-TenantUser",
	"Test-TenantLeaderPin",
}

// readingCmdlets read the tenant; a malformed call to them must not change
// it either.
var readingCmdlets = []string{
	"Get-CsOnlineDialInConferencingUser", "Get-CsOnlineDialInConferencingUserInfo", "Get-CsOnlineDialInConferencingUserState",
	"Get-CsOnlineUser", "Get-TenantUser",
}

// malformedCommands is the table: each command is wrong and must give a
// PowerShell-shaped error and change nothing.
func malformedCommands() []string {
	cmds := []string{
		// Wrong types.
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -AllowPSTNOnlyMeetings maybe",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -AllowTollFreeDialIn @{a=1}",
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength abc",
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength @(5, 6)",
		"Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers sometimes",
		"Set-CsOnlineDialInConferencingTenantSettings -EnableNameRecording 'not a bool'",
		"Set-TenantUser ken.myer@contoso.com -AudioConferencingLicense perhaps",
		"Get-CsOnlineDialInConferencingUser -ResultSize lots",
		"Get-CsOnlineUser -ResultSize -5",
		"Get-TenantAuditLog -Last many",
		"Get-TenantMail -Last many",
		"Set-CsOnlineDialInConferencingTenantSettings -Identity @{}",
		// Out of range.
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength 3",
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength 13",
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength -1",
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength 99999999999",
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength 0",
		"Set-CsOnlineDialInConferencingTenantSettings -EntryExitAnnouncementsType Loud",
		"Set-CsOnlineDialInConferencingTenantSettings -MaskPstnNumbersType Everyone",
		"Set-CsOnlineDialInConferencingTenantSettings -AllowFederatedUsersToDialOutToSelf Maybe",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromOverride $true",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromAddress 'not an address'",
		"Set-TenantUser ken.myer@contoso.com -UsageLocation USA",
		"Set-TenantUser ken.myer@contoso.com -UsageLocation 1",
		"New-TenantUser pat@contoso.com -UsageLocation Germany",
		"Set-TenantUser ken.myer@contoso.com -Role Janitor",
		"Set-TenantUser ken.myer@contoso.com -AddRole 'Global Admin'",
		"New-TenantUser pat@contoso.com -Role Janitor",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ServiceNumber 12345",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ServiceNumber 19995550100",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -TollFreeServiceNumber 14255550100",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -BridgeName 'No Such Bridge'",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -BridgeId 00000000-0000-0000-0000-000000000000",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ConferenceId 12",
		"Grant-CsDialoutPolicy ken.myer@contoso.com -PolicyName 'Tag:NoSuchPolicy'",
		"Set-CsOnlineDialInConferencingBridge -Name 'No Such Bridge' -DefaultServiceNumber 14255550100",
		"Set-CsOnlineDialInConferencingServiceNumber -Identity 19995550100 -PrimaryLanguage en-US",
		"Set-CsOnlineDialInConferencingServiceNumber -Identity 14255550100 -PrimaryLanguage xx-XX",
		"Register-CsOnlineDialInConferencingServiceNumber -Identity 19995550100 -BridgeName 'Conference Bridge'",
		"Unregister-CsOnlineDialInConferencingServiceNumber -Identity 19995550100 -BridgeName 'Conference Bridge'",
		"Reset-Tenant -Empty -SyntheticUsers -5 -Force",
		"Reset-Tenant -Empty -SyntheticUsers 10000000000 -Force",
		"Reset-Tenant -Empty -SyntheticUsers lots -Force",
		// Unknown and ambiguous parameters.
		"Set-TenantUser ken.myer@contoso.com -P x",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -Send",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -Allow $true",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -LeaderPin 24680",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -Pin 24680",
		"Set-CsOnlineDialInConferencingTenantSettings -Allow $true",
		"Set-CsOnlineDialInConferencingTenantSettings -Enable $true",
		"New-TenantUser pat@contoso.com -No",
		"Reset-Tenant -Everything -Force",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ResetLeaderPin -ResetLeaderPin",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com amos.marble@contoso.com",
		"Set-TenantUser ken.myer@contoso.com extra positional",
		// Unknown and ambiguous identities.
		"Set-TenantUser 'Pat Doe' -City Paris",
		"Set-CsOnlineDialInConferencingUser 'Pat Doe' -ResetLeaderPin",
		"Remove-TenantUser 'Pat Doe'",
		"Test-TenantLeaderPin 'Pat Doe' -Pin 12345",
		"Set-CsOnlineDialInConferencingUser -Identity $null -ResetLeaderPin",
		"Set-TenantUser -Identity '' -City Paris",
		"Set-CsOnlineDialInConferencingUser -Identity '   ' -ResetLeaderPin",
		"Set-CsOnlineDialInConferencingUser fabrikam\\ken.myer -ResetLeaderPin",
		"Set-CsOnlineDialInConferencingUser 'sip:nobody@contoso.com' -ResetLeaderPin",
		"Set-CsOnlineDialInConferencingUser 11111111-2222-3333-4444-555555555555 -ResetLeaderPin",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ResetLeaderPin -Tenant 11111111-2222-3333-4444-555555555555",
		"Remove-TenantUser admin@contoso.onmicrosoft.com",
		"Set-TenantUser admin@contoso.onmicrosoft.com -RemoveRole 'Global Administrator'",
		"Set-CsOnlineDialInConferencingUser megan.bowen@contoso.com -ResetLeaderPin",
		"Set-CsOnlineDialInConferencingUser nestor.wilke@contoso.com -ResetLeaderPin",
		"Enable-CsOnlineDialInConferencingUser nestor.wilke@contoso.com",
		// Conflicting sets and rules.
		"Set-TenantUser ken.myer@contoso.com -Mailbox -NoMailbox",
		"Set-TenantUser ken.myer@contoso.com -NoMailbox -PrimarySmtpAddress k@contoso.com",
		"Set-TenantUser ken.myer@contoso.com -Role 'Teams Administrator' -AddRole 'Teams Administrator'",
		"Set-TenantUser ken.myer@contoso.com -PrimarySmtpAddress amos.marble@contoso.com",
		"Set-TenantUser ken.myer@contoso.com -PrimarySmtpAddress 'not an address'",
		"New-TenantUser pat@contoso.com -NoMailbox -PrimarySmtpAddress pat@contoso.com",
		"New-TenantUser ken.myer@contoso.com",
		"New-TenantUser KEN.MYER@contoso.com",
		"New-TenantUser pat@fabrikam.com",
		"New-TenantUser 'bad name'",
		"New-TenantUser pat@contoso.com -PrimarySmtpAddress amos.marble@contoso.com",
		"New-TenantUser pat@contoso.com -Password ''",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmailToAddress x@contoso.com",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailFromAddress it@contoso.com",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailToAddress 'not an address'",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ResetLeaderPin -AsJob",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ServiceNumber 442075550100",
		"Reset-Tenant -Demo -Empty -Force",
		"Reset-Tenant -Demo -Empty -SyntheticUsers 5 -Force",
		"Restore-Tenant -Path ./no-such.cssnap -Force",
		"Restore-Tenant -Path '' -Force",
		"Restore-Tenant -Path notasnap.txt -Force",
		"Restore-Tenant -Path crafted.cssnap -Force",
		"Restore-Tenant -Path crafted.cssnap -AllowForeignSnapshot -Force",
		"Restore-Tenant -Path truncated.cssnap -Force",
		"Set-CsOnlineDialInConferencingBridge -Name 'Conference Bridge' -DefaultServiceNumber 19995550100",
		"Set-CsOnlineDialInConferencingBridge -Name 'Conference Bridge' -Name2 x",
		"Set-CsOnlineDialInConferencingServiceNumber -Identity 14255550100 -SecondaryLanguages @('xx-XX')",
		// Huge and NUL-bearing inputs.
		"New-TenantUser (" + hugeArg + " + '@contoso.com')",
		"New-TenantUser pat@contoso.com -DisplayName " + hugeArg,
		"New-TenantUser pat@contoso.com -City " + hugeArg,
		"New-TenantUser pat@contoso.com -Department " + hugeArg,
		"New-TenantUser pat@contoso.com -PrimarySmtpAddress (" + hugeArg + " + '@contoso.com')",
		"New-TenantUser " + nulArg,
		"New-TenantUser pat@contoso.com -DisplayName \"Pat`0Doe\"",
		"New-TenantUser pat@contoso.com -PrimarySmtpAddress \"pat`0@contoso.com\"",
		"New-TenantUser \"pat`n@contoso.com\"",
		"Set-TenantUser ken.myer@contoso.com -DisplayName " + hugeArg,
		"Set-TenantUser ken.myer@contoso.com -DisplayName \"Ken`0Myer\"",
		"Set-TenantUser ken.myer@contoso.com -City \"Red`0mond\"",
		"Set-TenantUser ken.myer@contoso.com -Department " + hugeArg,
		"Set-TenantUser ken.myer@contoso.com -PrimarySmtpAddress \"k`0@contoso.com\"",
		"Set-TenantUser ken.myer@contoso.com -PrimarySmtpAddress (" + hugeArg + " + '@contoso.com')",
		"Set-TenantUser ken.myer@contoso.com -DisplayName '   '",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailToAddress \"x`0@contoso.com\"",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailToAddress (" + hugeArg + " + '@contoso.com')",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailFromAddress " + hugeArg + " -SendEmailFromDisplayName IT",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailFromAddress it@contoso.com -SendEmailFromDisplayName \"I`0T\"",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -SendEmail -SendEmailFromAddress it@contoso.com -SendEmailFromDisplayName " + hugeArg,
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromAddress (" + hugeArg + " + '@contoso.com')",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromAddress \"it`0@contoso.com\"",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromDisplayName " + hugeArg,
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromDisplayName \"I`0T\"",
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -ServiceNumber " + hugeArg,
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -BridgeName " + hugeArg,
		"Set-CsOnlineDialInConferencingUser ken.myer@contoso.com -BridgeName \"Conference`0Bridge\"",
		"Grant-CsDialoutPolicy ken.myer@contoso.com -PolicyName " + hugeArg,
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength " + hugeArg,
		"Set-TenantUser ken.myer@contoso.com -UsageLocation " + hugeArg,
		"Set-TenantUser ken.myer@contoso.com -Provider " + hugeArg,
		"Set-TenantUser ken.myer@contoso.com -Role " + hugeArg,
	}
	for _, c := range changingCmdlets {
		cmds = append(cmds,
			c+" ken.myer@contoso.com -NoSuchParameter x",
			c+" nobody@contoso.com",
			c+" "+hugeArg,
			c+" "+nulArg,
		)
	}
	for _, c := range readingCmdlets {
		cmds = append(cmds,
			c+" -NoSuchParameter x",
			c+" nobody@contoso.com",
			c+" "+nulArg,
		)
	}
	return cmds
}

// goText is text of Go, not of PowerShell, that must never reach a user.
var goText = regexp.MustCompile(`panic|goroutine|runtime error|nil pointer|%!|<nil>|\.go:\d|storage: |badger|0x[0-9a-f]{6}`)

// conciseError is the first line of a ConciseView error: "Verb-Noun: text"
// or "ParserError:".
var conciseError = regexp.MustCompile(`^(?:[A-Z][A-Za-z]+-[A-Za-z]+|ParserError|ParameterBindingException|InvalidArgument|InvalidOperation): \S`)

// TestMalformedCommandsChangeNothing runs each malformed command against a
// demo tenant (plus two users sharing a display name, for ambiguous
// identities): each gives a PowerShell-shaped error — ConciseView, no Go
// text, no panic — and the store's snapshot after it is byte for byte the
// one before it.
func TestMalformedCommandsChangeNothing(t *testing.T) {
	cmds := malformedCommands()
	if len(cmds) < 150 {
		t.Fatalf("the table holds %d commands; at least 150 are required", len(cmds))
	}
	t.Logf("%d malformed commands", len(cmds))
	s := tenanttest.NewMemorySession(t, "", false)
	dir := t.TempDir()
	s.RT.SetLocation(dir)
	s.Run(`New-TenantUser pat.doe@contoso.com -DisplayName 'Pat Doe' | Out-Null
New-TenantUser pat.doe2@contoso.com -DisplayName 'Pat Doe' | Out-Null
Set-Content notasnap.txt 'UserPrincipalName,LeaderPin'
Checkpoint-Tenant good.cssnap`)
	writeCrafted(t, dir)
	snap := func() []byte {
		var buf bytes.Buffer
		if err := s.Store.(storage.Snapshotter).Snapshot(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	before := snap()
	for _, cmd := range cmds {
		out := s.Run(cmd)
		short := cmd
		if len(short) > 120 {
			short = short[:120] + "…"
		}
		first, _, _ := strings.Cut(out, "\n")
		if out == "" {
			t.Errorf("%s: no error", short)
		} else if !conciseError.MatchString(first) {
			t.Errorf("%s: not a ConciseView error:\n%.400s", short, out)
		}
		if goText.MatchString(out) {
			t.Errorf("%s: Go text in the error:\n%.400s", short, out)
		}
		if after := snap(); !bytes.Equal(after, before) {
			t.Errorf("%s: the tenant changed\n%.400s", short, out)
			before = after
		}
	}
}

// writeCrafted writes, in dir, good.cssnap with a byte changed in its
// payload (crafted.cssnap) and cut short (truncated.cssnap).
func writeCrafted(t *testing.T, dir string) {
	t.Helper()
	good, err := os.ReadFile(filepath.Join(dir, "good.cssnap"))
	if err != nil {
		t.Fatal(err)
	}
	crafted := bytes.Clone(good)
	crafted[len(crafted)-100] ^= 1
	for name, data := range map[string][]byte{"crafted.cssnap": crafted, "truncated.cssnap": good[:len(good)/2]} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
