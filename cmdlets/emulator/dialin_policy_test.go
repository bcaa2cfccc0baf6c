package emulator_test

import (
	"testing"
	"time"
)

// The organizer's Teams meeting policy in the dial-in flow
// (storage/dialin/policy.go): AllowAnonymousUsersToStartMeeting lets an
// anonymous caller start the meeting, AllowPSTNUsersToBypassLobby lets
// phone callers out of the lobby once an authenticated user is in; at
// their defaults (every built-in policy) calls go as before.

// TestDialInPolicyAnonymousStart: by default a caller is asked whether
// they are the organizer and waits in the lobby; with
// AllowAnonymousUsersToStartMeeting True in the organizer's effective
// policy (Global here) nobody is asked and the first caller starts the
// meeting, which then has the 4-hour limit of a meeting anonymous callers
// may start; a policy assigned to the organizer takes precedence.
func TestDialInPolicyAnonymousStart(t *testing.T) {
	s, clk, _ := dialSession(t)
	s.Expect("(Get-CsTeamsMeetingPolicy Global).AllowAnonymousUsersToStartMeeting", "False")
	s.Expect("$a = "+amos+" -CallerId +14255550111; $a.State; ($a.Transcript -match 'press star now').Count", "Lobby\n1")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting", "")

	s.Expect("Set-CsTeamsMeetingPolicy -Identity Global -AllowAnonymousUsersToStartMeeting $true", "")
	s.Expect("$a = "+amos+" -CallerId +14255550111; $a.State; $a.Role; ($a.Transcript -match 'press star now').Count", "InMeeting\nAttendee\n0")
	s.Expect("(Get-TenantMeeting amos.marble@contoso.com).StartedBy", "+14255550111 (anonymous caller)")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting", "")

	// Amos's own policy says no: his callers wait again; others' follow Global.
	s.Expect("New-CsTeamsMeetingPolicy -Identity NoLeaderless | Out-Null; Grant-CsTeamsMeetingPolicy amos.marble@contoso.com NoLeaderless", "")
	s.Expect("("+amos+").State", "Lobby")
	s.Expect("(Invoke-TenantDialIn -Organizer adele.vance@contoso.com).State", "InMeeting")
	clk.Add(4*time.Hour - time.Minute)
	s.Expect("(Get-TenantMeeting adele.vance@contoso.com).State", "Started")
	clk.Add(time.Minute)
	s.Expect("(Get-TenantMeeting adele.vance@contoso.com).State", "NotStarted")
}

// TestDialInPolicyBypassLobby: under the Teams lobby rule
// (AdmitByOrganizer) the lobby waits for *21 by default; with
// AllowPSTNUsersToBypassLobby True — here granted to the tenant — phone
// callers still wait while no authenticated user is in the meeting (the
// organizer question too), and join as soon as the organizer's PIN or an
// app user brings one in.
func TestDialInPolicyBypassLobby(t *testing.T) {
	s, _, pin := dialSession(t)
	s.Expect("Set-TenantDialInOptions -LobbyAdmission AdmitByOrganizer", "")
	s.Expect("(Get-CsTeamsMeetingPolicy Global).AllowPSTNUsersToBypassLobby", "False")
	s.Expect("("+amos+" -CallerId +14255550111).State", "Lobby")
	s.Expect("$l = "+amos+" -LeaderPin "+pin+"; $l.Transcript[-1]; $m = Get-TenantMeeting amos.marble@contoso.com; $m.LobbyCount; $m.ParticipantCount",
		"Attendant: Callers are waiting in the lobby. Press star 2 1 to admit them.\n1\n1")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting", "")

	s.Expect("New-CsTeamsMeetingPolicy -Identity DialInFriendly -AllowPSTNUsersToBypassLobby $true | Out-Null; "+
		"Grant-CsTeamsMeetingPolicy -Global -PolicyName DialInFriendly", "")
	s.Expect("$a = "+amos+" -CallerId +14255550111; $a.State; ($a.Transcript -match 'press star now').Count", "Lobby\n1")
	s.Expect("$l = "+amos+" -LeaderPin "+pin+"; $l.Transcript[-2..-1] -join \"`n\"; $m = Get-TenantMeeting amos.marble@contoso.com; $m.LobbyCount; $m.ParticipantCount",
		"Meeting: Amos Marble has joined the meeting.\n"+
			"Meeting: [the name recorded by +14255550111] has joined the meeting.\n0\n2")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting", "")

	// An app user is authenticated too: joining without -AdmitLobby lets
	// the phone callers in.
	s.Expect("("+amos+").State", "Lobby")
	s.Expect("$m = Join-TenantMeeting -Organizer amos.marble@contoso.com -UserPrincipalName ken.myer@contoso.com; $m.LobbyCount; $m.ParticipantCount", "0\n2")
	s.Expect("Get-TenantMeeting | Stop-TenantMeeting", "")

	// Back at the default, the lobby waits for the organizer again.
	s.Expect("Grant-CsTeamsMeetingPolicy -Global -PolicyName $null; ("+amos+").State", "Lobby")
	s.Expect("$m = Join-TenantMeeting -Organizer amos.marble@contoso.com -UserPrincipalName ken.myer@contoso.com; $m.LobbyCount; $m.ParticipantCount", "1\n1")
}

// TestDialInPolicyDefaultSeedRule: under the default LobbyAdmitOnStart
// the lobby joins when the meeting starts whatever the policy says — the
// seed's behaviour is unchanged by AllowPSTNUsersToBypassLobby False.
func TestDialInPolicyDefaultSeedRule(t *testing.T) {
	s, _, pin := dialSession(t)
	s.Expect("(Get-TenantDialInOptions).LobbyAdmission; (Get-CsTeamsMeetingPolicy Global).AllowPSTNUsersToBypassLobby", "AdmitOnStart\nFalse")
	s.Expect("("+amos+").State", "Lobby")
	s.Expect("("+amos+" -LeaderPin "+pin+").Role; (Get-TenantMeeting amos.marble@contoso.com).LobbyCount", "Leader\n0")
}
