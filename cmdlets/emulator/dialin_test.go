package emulator_test

import (
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
	"github.com/csshell/csshell/storage/dialin"
)

// dialSession is a session over an in-memory demo tenant on a clock the
// test moves, with Amos Marble's PIN reset and returned. Amos has
// conference ID 9212081 on the Conference Bridge (+14255550100).
func dialSession(t *testing.T) (*tenanttest.Session, *movingClock, string) {
	t.Helper()
	clk := &movingClock{now: tenanttest.Clock}
	store, err := badgerstore.Options{Now: clk.Now}.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s := tenanttest.NewSession(t, store, "", false)
	pin := s.Run("(Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetLeaderPin).LeaderPin")
	if len(pin) != 5 {
		t.Fatalf("reset gave %q", pin)
	}
	return s, clk, pin
}

// amos is how the tests call Amos's meeting.
const amos = "Invoke-TenantDialIn -Organizer amos.marble@contoso.com"

// state returns a call's State and Reason, and, with role, its Role.
func callState(s *tenanttest.Session, call string) string {
	return s.Run("$c = " + call + "; \"$($c.State)|$($c.Role)|$($c.Reason)\"")
}

// TestDialInLobbyThenLeader: two callers wait in the lobby (asked whether
// they are the organizer, with music); the organizer's PIN starts the
// meeting and, by default, all three are in it.
func TestDialInLobbyThenLeader(t *testing.T) {
	s, _, pin := dialSession(t)
	s.Expect("$a = "+amos+" -CallerId +14255550111; $a.State; $a.Transcript -join \"`n\"", "Lobby\n"+
		"Attendant: Welcome to the audio conferencing center.\n"+
		"Attendant: Please enter your conference ID, followed by the pound key.\n"+
		"Caller: 9212081#\n"+
		"Attendant: If you are the meeting organizer, press star now.\n"+
		"Attendant: After the tone, please say your name.\n"+
		"Attendant: (name recorded)\n"+
		"Attendant: Please wait. The meeting will start when the organizer joins.\n"+
		"Attendant: (music on hold)")
	s.Expect("(Invoke-TenantDialIn -Digits '9212081#' -CallerId +14255550122).State", "Lobby")
	s.Expect("$m = Get-TenantMeeting -Organizer amos.marble@contoso.com; $m.State; $m.LobbyCount; $m.ParticipantCount", "NotStarted\n2\n0")
	s.Expect("$l = "+amos+" -LeaderPin "+pin+"; $l.State; $l.Role; $l.Transcript[-5..-1] -join \"`n\"", "InMeeting\nLeader\n"+
		"Caller: *****#\n"+
		"Attendant: You are now joining the meeting as the leader.\n"+
		"Meeting: Amos Marble has joined the meeting.\n"+
		"Meeting: [the name recorded by +14255550111] has joined the meeting.\n"+
		"Meeting: [the name recorded by +14255550122] has joined the meeting.")
	s.Expect("$m = Get-TenantMeeting -Organizer amos.marble@contoso.com; $m.State; $m.StartedBy; $m.LobbyCount; $m.ParticipantCount",
		"Started\namos.marble@contoso.com (leader PIN)\n0\n3")
	// Once started, callers join at once and are never asked.
	s.Expect("("+amos+").Transcript -match 'organizer' | Measure-Object | % Count", "0")
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).ParticipantCount", "4")
}

// TestDialInTeamsLobbyRule: under AdmitByOrganizer the lobby stays when
// the organizer starts the meeting, until *21.
func TestDialInTeamsLobbyRule(t *testing.T) {
	s, _, pin := dialSession(t)
	s.Expect("Set-TenantDialInOptions -LobbyAdmission AdmitByOrganizer; (Get-TenantDialInOptions).LobbyAdmission", "AdmitByOrganizer")
	s.Expect("("+amos+").State", "Lobby")
	s.Expect("$l = Invoke-TenantDialIn -Digits '9212081#*"+pin+"#*21'; $l.Transcript[-4..-1] -join \"`n\"",
		"Attendant: Callers are waiting in the lobby. Press star 2 1 to admit them.\n"+
			"Caller: *21\n"+
			"Attendant: Everyone in the lobby has been admitted.\n"+
			"Meeting: [the name recorded by an unknown caller] has joined the meeting.")
	s.Expect("$m = Get-TenantMeeting amos.marble@contoso.com; $m.LobbyCount; $m.ParticipantCount", "0\n2")
	// An attendee may not admit: *21 is the organizer's.
	s.Expect("(Invoke-TenantDialIn -Digits '9212081#*21').Transcript[-1]", "Attendant: Only the organizer can use that command.")
}

// TestDialInAnonymousStart: with AllowPSTNOnlyMeetings True nobody is
// asked; the first anonymous caller starts the meeting.
func TestDialInAnonymousStart(t *testing.T) {
	s, _, _ := dialSession(t)
	s.Expect("Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -AllowPSTNOnlyMeetings $true", "")
	s.Expect("$a = "+amos+" -CallerId +14255550111; $a.State; $a.Role; ($a.Transcript -match 'organizer').Count", "InMeeting\nAttendee\n0")
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).StartedBy", "+14255550111 (anonymous caller)")
}

// TestDialInPINReset: a reset makes the old PIN fail and the new one work
// at once; a PIN made before a PinLength change still works after it.
func TestDialInPINReset(t *testing.T) {
	s, _, old := dialSession(t)
	fresh := s.Run("(Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetLeaderPin).LeaderPin")
	s.Expect("$c = "+amos+" -LeaderPin "+old+"; $c.State; $c.Reason", "Rejected\nA wrong leader PIN was entered for amos.marble@contoso.com.")
	s.Expect("$c = "+amos+" -LeaderPin "+fresh+"; $c.State; $c.Role", "InMeeting\nLeader")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting; Set-CsOnlineDialInConferencingTenantSettings -PinLength 8", "")
	s.Expect("(Invoke-TenantDialIn -Digits '9212081#*"+fresh+"#').Role", "Leader")
	eight := s.Run("(Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetLeaderPin).LeaderPin")
	if len(eight) != 8 {
		t.Fatalf("a PIN made after PinLength 8 has %d digits", len(eight))
	}
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting; ("+amos+" -LeaderPin "+eight+").Role", "Leader")
}

// TestDialInLockout: wrong PINs keyed by callers count toward the
// lockout like Test-TenantLeaderPin's; locked, even the right PIN is
// refused, Get-TenantUser shows it, and a PIN reset clears it.
func TestDialInLockout(t *testing.T) {
	s, clk, pin := dialSession(t)
	bad := wrongPIN(pin)
	for range 8 { // 8 calls × 3 wrong PINs = 24
		s.Expect("(Invoke-TenantDialIn -Digits '9212081#*"+bad+"#"+bad+"#"+bad+"#').Reason", "A wrong leader PIN was entered 3 times.")
		clk.Add(time.Minute)
	}
	s.Expect("Test-TenantLeaderPin amos.marble@contoso.com -Pin "+bad, "False") // the 25th
	s.Expect("$c = "+amos+" -LeaderPin "+pin+"; $c.State; $c.Reason; $c.Transcript[-1]",
		"Rejected\nThe leader PIN of amos.marble@contoso.com is locked: (until 2026-11-26T10:38:00Z).\n"+
			"Attendant: Your PIN is locked after too many attempts. Please contact your administrator.")
	s.Expect("$u = Get-TenantUser amos.marble@contoso.com; $u.PinLockedOut; $u.PinLockout; $u.PinLockedUntil.ToString('o'); $u.PinFailedAttempts",
		"True\nTemporary\n2026-11-26T10:38:00.0000000Z\n25")
	// The real cmdlets show no lock state.
	s.Expect("(Get-CsOnlineDialInConferencingUser amos.marble@contoso.com).PSObject.Properties.Name -like '*Lock*'", "")
	fresh := s.Run("(Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetLeaderPin).LeaderPin")
	s.Expect("$u = Get-TenantUser amos.marble@contoso.com; $u.PinLockedOut; $u.PinFailedAttempts", "False\n0")
	s.Expect("("+amos+" -LeaderPin "+fresh+").Role", "Leader")
	audit := s.Run("Get-TenantAuditLog | Out-String -Width 1000")
	for _, p := range []string{pin, bad, fresh} {
		if strings.Contains(audit, p) {
			t.Errorf("the audit log holds a PIN (%s)", p)
		}
	}
	if n := strings.Count(audit, "LeaderPinCheck"); n < 27 {
		t.Errorf("%d PIN checks audited, want every one (27)", n)
	}
}

// TestDialInAppJoin: an authenticated user joining from the app starts
// the meeting without a PIN and admits the lobby.
func TestDialInAppJoin(t *testing.T) {
	s, _, _ := dialSession(t)
	s.Expect("("+amos+").State; ("+amos+").State", "Lobby\nLobby")
	s.Expect("$m = Join-TenantMeeting -Organizer amos.marble@contoso.com -UserPrincipalName ken.myer@contoso.com; $m.State; $m.StartedBy; $m.ParticipantCount; $m.LobbyCount",
		"Started\nken.myer@contoso.com (app)\n3\n0")
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).Participants | % Via", "Phone\nPhone\nApp")
	s.Expect("Join-TenantMeeting amos.marble@contoso.com nobody@contoso.com",
		"Join-TenantMeeting: Management object not found for identity \"nobody@contoso.com\".")
}

// TestDialInRejections: what cannot reach a meeting ends Rejected with a
// clear Reason.
func TestDialInRejections(t *testing.T) {
	s, _, _ := dialSession(t)
	cases := []struct{ call, want string }{
		{"Invoke-TenantDialIn -Number +12065550199 -Digits '9212081#'", "Rejected||+12065550199 is not a service number on one of the tenant's bridges."},
		{"Invoke-TenantDialIn -Number +442075550100 -ConferenceId 9212081",
			"Rejected||Conference ID 9212081 belongs to amos.marble@contoso.com on the bridge 'Conference Bridge'; +442075550100 is a number of the bridge 'EMEA Bridge'."},
		{"Invoke-TenantDialIn -Digits '1234567#7654321#1111111#'", "Rejected||The conference ID was refused 3 times; the last: No organizer has the conference ID entered on the bridge 'Conference Bridge'."},
		{"Invoke-TenantDialIn -Digits '12#'", "Ended||No conference ID was entered after 3 prompts."},
		{"Invoke-TenantDialIn -Organizer megan.bowen@contoso.com", "Rejected||megan.bowen@contoso.com's audio conferencing provider is Intercall, not Microsoft: their meetings are not on the tenant's bridges."},
		{"Invoke-TenantDialIn -Organizer nestor.wilke@contoso.com", "Rejected||nestor.wilke@contoso.com is not enabled for audio conferencing, so has no conference ID to dial."},
		{"Invoke-TenantDialIn -Digits '9212081'", "Ended||No conference ID was entered after 3 prompts."},
	}
	for _, c := range cases {
		if got := callState(s, c.call); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.call, got, c.want)
		}
	}
	// A reset conference ID stops working at once; the reason names the
	// change. -ResetConferenceId and Disable-… are retired: load a module
	// generation that has them.
	s.Expect("Import-Module MicrosoftTeams -RequiredVersion 2.6.0", "")
	s.Expect("Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetConferenceId | Out-Null", "")
	got := callState(s, "Invoke-TenantDialIn -ConferenceId 9212081")
	if !strings.HasPrefix(got, "Rejected||Conference ID 9212081 is no longer in service: Set-CsOnlineDialInConferencingUser took it from amos.marble@contoso.com on 2026-11-26T09:30:00Z.") {
		t.Errorf("old conference id: %q", got)
	}
	s.Expect("("+amos+").State", "Lobby") // the new one works
	// A disabled organizer: the ID is gone with the user's conferencing.
	s.Expect("Disable-CsOnlineDialInConferencingUser ken.myer@contoso.com -Confirm:$false", "")
	if got := callState(s, "Invoke-TenantDialIn -ConferenceId 2855834"); !strings.Contains(got, "Disable-CsOnlineDialInConferencingUser took it from ken.myer@contoso.com") {
		t.Errorf("disabled organizer: %q", got)
	}
	// Toll-free dial-in off for the organizer.
	s.Expect("Set-CsOnlineDialInConferencingUser adele.vance@contoso.com -AllowTollFreeDialIn $false", "")
	s.Expect("$c = Invoke-TenantDialIn -Number +18005550100 -ConferenceId 3371945; $c.State; $c.Reason",
		"Rejected\nadele.vance@contoso.com's meetings cannot be joined on the toll-free number +18005550100 (AllowTollFreeDialIn is False).")
	s.Expect("(Invoke-TenantDialIn -Number +14255550100 -ConferenceId 3371945).State", "Lobby")
}

// TestDialInTollFreeByPolicy: a toll-free call is refused when the
// organizer's effective audio conferencing policy has AllowTollFreeDialin
// False — assigned to them, or granted to the tenant — with a Reason
// naming the policy; a toll number still reaches the meeting, and the
// organizer's own AllowTollFreeDialIn stays True throughout.
func TestDialInTollFreeByPolicy(t *testing.T) {
	s, _, _ := dialSession(t)
	const tollFree = "$c = Invoke-TenantDialIn -Number +18005550100 -ConferenceId 3371945; $c.State; $c.Reason"
	s.Expect("(Invoke-TenantDialIn -Number +18005550100 -ConferenceId 3371945).State", "Lobby")
	s.Expect("New-CsTeamsAudioConferencingPolicy -Identity NoFreephone -AllowTollFreeDialin $false | Out-Null", "")
	s.Expect("Grant-CsTeamsAudioConferencingPolicy -Identity adele.vance@contoso.com -PolicyName NoFreephone", "")
	s.Expect(tollFree, "Rejected\nadele.vance@contoso.com's meetings cannot be joined on the toll-free number +18005550100 "+
		"(the audio conferencing policy Tag:NoFreephone has AllowTollFreeDialin False).")
	s.Expect("(Get-CsOnlineDialInConferencingUser adele.vance@contoso.com).AllowTollFreeDialIn", "True")
	s.Expect("(Invoke-TenantDialIn -Number +14255550100 -ConferenceId 3371945).State", "Lobby")
	// The policy removed, the tenant-wide grant decides.
	s.Expect("Remove-CsTeamsAudioConferencingPolicy NoFreephone", "")
	s.Expect("(Invoke-TenantDialIn -Number +18005550100 -ConferenceId 3371945).State", "Lobby")
	s.Expect("Grant-CsTeamsAudioConferencingPolicy -Global -PolicyName AllowTollFreeDialinFalse", "")
	s.Expect(tollFree, "Rejected\nadele.vance@contoso.com's meetings cannot be joined on the toll-free number +18005550100 "+
		"(the audio conferencing policy Tag:AllowTollFreeDialinFalse has AllowTollFreeDialin False).")
	// Global itself can be changed with Set-.
	s.Expect("Grant-CsTeamsAudioConferencingPolicy -Global -PolicyName $null; Set-CsTeamsAudioConferencingPolicy -AllowTollFreeDialin $false", "")
	s.Expect(tollFree, "Rejected\nadele.vance@contoso.com's meetings cannot be joined on the toll-free number +18005550100 "+
		"(the audio conferencing policy Global has AllowTollFreeDialin False).")
}

// TestDialInKeypad: the Teams keypad in a meeting.
func TestDialInKeypad(t *testing.T) {
	s, _, pin := dialSession(t)
	s.Expect("("+amos+" -CallerId +14255550111).State", "Lobby")
	s.Expect("$l = Invoke-TenantDialIn -Digits '9212081#*"+pin+"#*22*23*1'; $l.Transcript[-14..-1] -join \"`n\"",
		"Attendant: You are now joining the meeting as the leader.\n"+
			"Meeting: Amos Marble has joined the meeting.\n"+
			"Meeting: [the name recorded by +14255550111] has joined the meeting.\n"+
			"Caller: *22\n"+
			"Attendant: Everyone except the organizer is muted.\n"+
			"Caller: *23\n"+
			"Attendant: Entry and exit announcements are off.\n"+
			"Caller: *1\n"+
			"Attendant: Press star 1 to hear these commands.\n"+
			"Attendant: Press star 5 to raise or lower your hand.\n"+
			"Attendant: Press star 6 to mute or unmute yourself.\n"+
			"Attendant: Press star 2 1 to admit everyone waiting in the lobby.\n"+
			"Attendant: Press star 2 2 to mute everyone except the organizer.\n"+
			"Attendant: Press star 2 3 to turn entry and exit announcements on or off.")
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).Participants | % { \"$($_.Role) $($_.Muted)\" }", "Attendee True\nLeader False")
	// Announcements are off now: a new caller joins silently; *5 and *6 toggle.
	s.Expect("$c = Invoke-TenantDialIn -Digits '9212081#,*5*6*6'; ($c.Transcript -like 'Meeting:*').Count; $c.Transcript[-6..-1] -join \"`n\"",
		"0\nCaller: *5\nAttendant: Your hand is raised.\nCaller: *6\nAttendant: You are muted.\nCaller: *6\nAttendant: You are unmuted.")
}

// TestDialInPINNeverShown: a PIN keyed where the attendant does not ask
// for one (the meeting already started) never shows in the transcript.
func TestDialInPINNeverShown(t *testing.T) {
	s, _, pin := dialSession(t)
	s.Expect("("+amos+" -LeaderPin "+pin+").Role", "Leader")
	out := s.Run("$c = Invoke-TenantDialIn -Digits '9212081#*" + pin + "#" + pin + "'; $c.Transcript -join \"`n\"")
	if strings.Contains(out, pin) || strings.Contains(out, pin[2:]) {
		t.Errorf("the transcript shows the PIN:\n%s", out)
	}
	if !strings.Contains(out, "Caller: *****") {
		t.Errorf("the hidden keys are not shown as the mask:\n%s", out)
	}
	// A PIN keyed at the conference-ID prompt is no conference ID: the
	// transcript and the reason show only the mask.
	s.Run("Set-CsOnlineDialInConferencingTenantSettings -PinLength 7")
	seven := s.Run("(Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetLeaderPin).LeaderPin")
	out = s.Run("$c = Invoke-TenantDialIn -Digits '" + seven + "#" + pin + "#'; $c.Transcript + $c.Reason -join \"`n\"")
	if strings.Contains(out, seven) || strings.Contains(out, pin) || strings.Count(out, "Caller: *****#") != 2 {
		t.Errorf("PINs keyed as conference IDs are shown:\n%s", out)
	}
}

// TestDialInMeetingEnds: the last participant leaving ends the meeting;
// its length limits end it as the clock moves; Stop-TenantMeeting ends
// it and its calls.
func TestDialInMeetingEnds(t *testing.T) {
	s, clk, pin := dialSession(t)
	id := s.Run("(" + amos + " -LeaderPin " + pin + ").CallId")
	s.Expect("Disconnect-TenantCall "+id+"; (Get-TenantMeeting amos.marble@contoso.com).State", "NotStarted")
	s.Expect("Disconnect-TenantCall 999", "Disconnect-TenantCall: No call with the id 999 is in a meeting or a lobby.")
	// Phone only, started with the PIN: 24 hours.
	s.Expect("("+amos+" -LeaderPin "+pin+").Role", "Leader")
	clk.Add(24*time.Hour - time.Minute)
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).State", "Started")
	clk.Add(time.Minute)
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).State; @(Get-TenantMeeting).Count", "NotStarted\n0")
	// Anonymous start allowed and no PIN: 4 hours.
	s.Expect("Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -AllowPSTNOnlyMeetings $true; ("+amos+").State", "InMeeting")
	clk.Add(4 * time.Hour)
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).State", "NotStarted")
	// Stop-TenantMeeting ends the meeting and the lobby with it.
	s.Expect("("+amos+").State; Get-TenantMeeting | Stop-TenantMeeting -WhatIf", "InMeeting\n"+
		"What if: Performing the operation \"Stop the meeting\" on target \"amos.marble@contoso.com\".")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting; @(Get-TenantMeeting).Count", "0")
}

// TestDialInSecondProcess: the lobby is in the tenant store, seen by the
// next process on the same tenant.
func TestDialInSecondProcess(t *testing.T) {
	dir := t.TempDir()
	first := tenanttest.OpenDir(t, dir)
	s := tenanttest.NewSession(t, first, "", false)
	s.Expect("(Invoke-TenantDialIn -Organizer amos.marble@contoso.com -CallerId +14255550111).State", "Lobby")
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	second := tenanttest.OpenDir(t, dir)
	s2 := tenanttest.NewSession(t, second, "", false)
	s2.Expect("$m = Get-TenantMeeting amos.marble@contoso.com; $m.LobbyCount; $m.Lobby[0].CallerId", "1\n+14255550111")
	s2.Expect("(Invoke-TenantDialIn -Organizer amos.marble@contoso.com).CallId", "2")
}

// TestDialInNeedsAdmin: only administrators place calls.
func TestDialInNeedsAdmin(t *testing.T) {
	s, _, _ := dialSession(t)
	s.Run("Connect-MicrosoftTeams -AccountId ken.myer@contoso.com | Out-Null")
	out := s.Run(amos)
	if !strings.Contains(out, "Access Denied") {
		t.Errorf("a non-administrator placed a call: %q", out)
	}
	s.Expect("@(Get-TenantMeeting).Count", "0")
}

// TestDialInMeetingFull: a meeting holds 1000 people, lobby included.
func TestDialInMeetingFull(t *testing.T) {
	s, _, _ := dialSession(t)
	s.Update(func(w storage.Writer) error {
		amos, err := w.User(storage.UserIDFor("amos.marble@contoso.com"))
		if err != nil {
			return err
		}
		m := &storage.Meeting{OrganizerID: amos.ID, State: storage.MeetingNotStarted}
		for range dialin.MaxMeetingCalls {
			id, err := w.NextCallID()
			if err != nil {
				return err
			}
			m.Calls = append(m.Calls, &storage.MeetingCall{CallID: id, Via: storage.ViaPhone, Role: storage.RoleAttendee, State: storage.CallLobby})
		}
		return w.PutMeeting(m)
	})
	s.Expect("$c = "+amos+"; $c.State; $c.Reason; $c.Transcript[-1]",
		"Rejected\nThe meeting is full: it holds 1000 people, the most a Teams meeting takes.\nAttendant: Sorry, this meeting is full. Goodbye.")
	s.Expect("Join-TenantMeeting amos.marble@contoso.com ken.myer@contoso.com",
		"Join-TenantMeeting: The meeting of amos.marble@contoso.com is full: it holds 1000 people, the most a Teams meeting takes.")
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).LobbyCount", "1000")
}
