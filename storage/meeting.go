package storage

import (
	"errors"
	"fmt"
	"time"
)

// A dial-in meeting as the emulator keeps it: the one meeting each
// conferencing-enabled organizer has, reachable by phone on their bridge
// with their conference ID. A record exists only while the meeting has
// calls (in its lobby or in it); an organizer without one has a meeting
// that has not started. The caller's side — the IVR, the lobby rules, the
// keypad — is package storage/dialin; this file is the data it keeps.

// Meeting states.
const (
	MeetingNotStarted = "NotStarted"
	MeetingStarted    = "Started"
)

// Call states. A call in a meeting record is CallLobby or CallInMeeting;
// CallRejected and CallEnded are final and only reported.
const (
	CallLobby     = "Lobby"
	CallInMeeting = "InMeeting"
	CallRejected  = "Rejected"
	CallEnded     = "Ended"
)

// Call roles: the organizer who proved it with the leader PIN (or joined
// from the app) leads; everyone else attends.
const (
	RoleLeader   = "Leader"
	RoleAttendee = "Attendee"
)

// How a participant is connected.
const (
	ViaPhone = "Phone" // dialled a service number
	ViaApp   = "App"   // joined from the Teams app, signed in
)

// Meeting is an organizer's dial-in meeting with its calls.
type Meeting struct {
	OrganizerID string
	State       string // MeetingNotStarted or MeetingStarted
	// StartedBy says who started it: "<upn> (leader PIN)", "<upn> (app)"
	// or "<caller id> (anonymous caller)"; "" while not started.
	StartedBy string
	StartedAt time.Time
	// Changed is when the list of participants last changed (the 24-hour
	// limit counts from it).
	Changed time.Time
	// PINUsed is true once someone started or joined it with the PIN.
	PINUsed bool
	// AuthenticatedLeft is when the last authenticated participant (the
	// PIN leader or an app user) left, zero while one is in or none came.
	AuthenticatedLeft time.Time
	// Announcements is whether entry and exit are announced: the tenant's
	// EnableEntryExitNotifications when the meeting starts, then toggled
	// by the organizer's *23.
	Announcements bool
	// Calls are the participants in the lobby and in the meeting, in the
	// order they arrived.
	Calls []*MeetingCall
}

// MeetingCall is one participant of a meeting: a phone call or an app
// user.
type MeetingCall struct {
	CallID   uint64
	Via      string // ViaPhone or ViaApp
	Number   string // the service number dialled, stored form (phone)
	CallerID string // the caller's number, "+E.164" (phone)
	// UserPrincipalName is the signed-in user (app) or the organizer who
	// entered the PIN; "" for an anonymous caller.
	UserPrincipalName string
	Role              string // RoleLeader or RoleAttendee
	State             string // CallLobby or CallInMeeting
	Joined            time.Time
	Muted             bool
	HandRaised        bool
	// NameRecorded is true when the caller recorded their name (the tenant
	// asks anonymous callers when EnableNameRecording is on).
	NameRecorded bool
}

// Authenticated reports whether the participant is known to the service:
// an app user or the organizer with the PIN.
func (c *MeetingCall) Authenticated() bool { return c.UserPrincipalName != "" }

// Lobby admission modes (DialInOptions.LobbyAdmission).
const (
	// LobbyAdmitOnStart: when the meeting starts — the organizer's PIN, an
	// app user joining — everyone in the lobby joins. The seed article's
	// behaviour (Skype for Business and Teams until 2021), the default.
	LobbyAdmitOnStart = "AdmitOnStart"
	// LobbyAdmitByOrganizer: the lobby stays until the organizer admits
	// it (*21 on the phone, or from the app): the Teams articles since
	// 2021-06.
	LobbyAdmitByOrganizer = "AdmitByOrganizer"
)

// LobbyAdmissionModes lists the modes, the default first.
var LobbyAdmissionModes = []string{LobbyAdmitOnStart, LobbyAdmitByOrganizer}

// DialInOptions are the emulator's own switches for the caller's side,
// where the sources disagree (../shared/reference/dialin-admin-center.md
// §1.2, §1.6). They are not a setting of the real service.
type DialInOptions struct {
	LobbyAdmission string // one of LobbyAdmissionModes
}

// NewDefaultDialInOptions returns the options a tenant starts with.
func NewDefaultDialInOptions() *DialInOptions {
	return &DialInOptions{LobbyAdmission: LobbyAdmitOnStart}
}

// CheckMeeting reports what is wrong with a meeting record, nil when it
// is sound: a known state, and calls with ids, a known way in, role and
// state (lobby or in the meeting), none twice.
func CheckMeeting(m *Meeting) error {
	if m.State != MeetingNotStarted && m.State != MeetingStarted {
		return errors.New("storage: a meeting's state is unknown")
	}
	seen := map[uint64]bool{}
	for _, c := range m.Calls {
		switch {
		case c == nil || c.CallID == 0 || seen[c.CallID]:
			return errors.New("storage: a meeting's call has no id, or one used twice")
		case c.Via != ViaPhone && c.Via != ViaApp,
			c.Role != RoleLeader && c.Role != RoleAttendee,
			c.State != CallLobby && c.State != CallInMeeting:
			return fmt.Errorf("storage: call %d of a meeting is malformed", c.CallID)
		case c.State == CallInMeeting && m.State != MeetingStarted:
			return fmt.Errorf("storage: call %d is in a meeting that has not started", c.CallID)
		}
		seen[c.CallID] = true
	}
	return nil
}
