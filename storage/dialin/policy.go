package dialin

import "github.com/csshell/csshell/storage"

// The organizer's Teams meeting policy in the dial-in flow
// (dialin-admin-center.md §1.2; pester-teams-surface.md §2.8). Its two
// phone settings replace the retired per-user AllowPSTNOnlyMeetings:
//
//   - AllowAnonymousUsersToStartMeeting True lets an anonymous caller
//     start the meeting, as AllowPSTNOnlyMeetings True does (either one
//     is enough: a tenant may still carry the old switch).
//   - AllowPSTNUsersToBypassLobby True lets phone callers bypass the
//     lobby "as long as an authenticated user is joined to the meeting":
//     whoever waits in the lobby joins when an authenticated user (the
//     organizer with the PIN, or an app user) joins, whatever
//     storage.DialInOptions' LobbyAdmission says. Under the default
//     LobbyAdmitOnStart the lobby joins at the start anyway, so the
//     setting shows under LobbyAdmitByOrganizer (the Teams rule), where
//     the lobby otherwise waits for *21.
//
// AutoAdmittedUsers is not read: the newest article (T-LOBBY, 2023) says
// it applies to everyone "except those dialing in by phone".
//
// Both default to False in every built-in policy, so a tenant whose
// policies are untouched calls as before.

// AnonymousStart reports whether anonymous callers may start the
// organizer's meetings: the organizer's AllowPSTNOnlyMeetings, or
// AllowAnonymousUsersToStartMeeting in their effective meeting policy.
func AnonymousStart(r storage.Reader, organizer *storage.User) (bool, error) {
	if organizer.Conferencing != nil && organizer.Conferencing.AllowPSTNOnlyMeetings {
		return true, nil
	}
	p, err := storage.EffectiveMeetingPolicy(r, organizer)
	if err != nil {
		return false, err
	}
	return p.Bool(storage.MeetingAllowAnonymousUsersToStartMeeting), nil
}

// PSTNBypass reports whether the organizer's effective meeting policy
// lets phone callers bypass the lobby while an authenticated user is in
// the meeting (AllowPSTNUsersToBypassLobby).
func PSTNBypass(r storage.Reader, organizer *storage.User) (bool, error) {
	p, err := storage.EffectiveMeetingPolicy(r, organizer)
	if err != nil {
		return false, err
	}
	return p.Bool(storage.MeetingAllowPSTNUsersToBypassLobby), nil
}
