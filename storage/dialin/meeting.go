package dialin

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/csshell/csshell/storage"
)

// Load returns an organizer's meeting as it stands at the store's clock:
// its record, or a meeting that has not started when there is none. A
// record past its length limit (limits.go) is returned as ended: a new
// not-started meeting, with the calls that ended with the old one.
func Load(r storage.Reader, organizer *storage.User, now time.Time) (m *storage.Meeting, ended []*storage.MeetingCall, err error) {
	m, err = r.Meeting(organizer.ID)
	if errors.Is(err, storage.ErrNotFound) {
		return &storage.Meeting{OrganizerID: organizer.ID, State: storage.MeetingNotStarted}, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	anonymous, err := AnonymousStart(r, organizer)
	if err != nil {
		return nil, nil, err
	}
	if Expired(m, anonymous, now) {
		return &storage.Meeting{OrganizerID: organizer.ID, State: storage.MeetingNotStarted}, m.Calls, nil
	}
	return m, nil, nil
}

// Expired reports whether a started meeting has passed its length limit
// at now (limits.go).
func Expired(m *storage.Meeting, anonymousStart bool, now time.Time) bool {
	if m.State != storage.MeetingStarted {
		return false
	}
	if !now.Before(m.Changed.Add(IdleLimit)) {
		return true
	}
	if slices.ContainsFunc(m.Calls, func(c *storage.MeetingCall) bool { return c.Via == storage.ViaApp }) {
		return false
	}
	switch {
	case m.PINUsed:
		return !now.Before(m.StartedAt.Add(PhoneOnlyWithPINLimit))
	case anonymousStart:
		return !now.Before(m.StartedAt.Add(PhoneOnlyAnonymousLimit))
	}
	return !m.AuthenticatedLeft.IsZero() && !now.Before(m.AuthenticatedLeft.Add(AfterAuthenticatedLeft))
}

// Save stores a meeting: its record while it has calls, none after.
func Save(w storage.Writer, m *storage.Meeting) error {
	if len(m.Calls) == 0 {
		return w.DeleteMeeting(m.OrganizerID)
	}
	return w.PutMeeting(m)
}

// start starts a meeting at now, by whom (authenticated: the organizer
// with the PIN or an app user); the lobby joins it under
// storage.LobbyAdmitOnStart, or when an authenticated user starts it and
// the organizer's policy lets phone callers bypass the lobby (policy.go).
// Those admitted are returned.
func start(w storage.Writer, m *storage.Meeting, organizer *storage.User, by string, authenticated bool, now time.Time) ([]*storage.MeetingCall, error) {
	settings, err := w.Settings()
	if err != nil {
		return nil, err
	}
	opts, err := w.DialInOptions()
	if err != nil {
		return nil, err
	}
	m.State, m.StartedBy, m.StartedAt, m.Changed = storage.MeetingStarted, by, now, now
	m.AuthenticatedLeft = time.Time{}
	m.Announcements = settings.EnableEntryExitNotifications
	admit := opts.LobbyAdmission == storage.LobbyAdmitOnStart
	if !admit && authenticated {
		if admit, err = PSTNBypass(w, organizer); err != nil {
			return nil, err
		}
	}
	if admit {
		return Admit(m, now), nil
	}
	return nil, nil
}

// Admit moves everyone in the lobby of a started meeting into it and
// returns them.
func Admit(m *storage.Meeting, now time.Time) []*storage.MeetingCall {
	if m.State != storage.MeetingStarted {
		return nil
	}
	var admitted []*storage.MeetingCall
	for _, c := range m.Calls {
		if c.State == storage.CallLobby {
			c.State = storage.CallInMeeting
			admitted = append(admitted, c)
		}
	}
	if len(admitted) > 0 {
		m.Changed = now
	}
	return admitted
}

// Lobby returns the calls waiting in the lobby.
func Lobby(m *storage.Meeting) []*storage.MeetingCall {
	var out []*storage.MeetingCall
	for _, c := range m.Calls {
		if c.State == storage.CallLobby {
			out = append(out, c)
		}
	}
	return out
}

// Participants returns the calls in the meeting.
func Participants(m *storage.Meeting) []*storage.MeetingCall {
	var out []*storage.MeetingCall
	for _, c := range m.Calls {
		if c.State == storage.CallInMeeting {
			out = append(out, c)
		}
	}
	return out
}

// Leave removes a call from its meeting at now. When the last participant
// leaves, the meeting ends: it has not started any more, and whoever is
// still in the lobby waits for the next start.
func Leave(m *storage.Meeting, callID uint64, now time.Time) (*storage.MeetingCall, bool) {
	i := slices.IndexFunc(m.Calls, func(c *storage.MeetingCall) bool { return c.CallID == callID })
	if i < 0 {
		return nil, false
	}
	gone := m.Calls[i]
	m.Calls = slices.Delete(m.Calls, i, i+1)
	if gone.State != storage.CallInMeeting {
		return gone, true
	}
	m.Changed = now
	if gone.Authenticated() && !slices.ContainsFunc(m.Calls, func(c *storage.MeetingCall) bool {
		return c.State == storage.CallInMeeting && c.Authenticated()
	}) {
		m.AuthenticatedLeft = now
	}
	if len(Participants(m)) == 0 {
		m.State, m.StartedBy, m.StartedAt, m.PINUsed, m.AuthenticatedLeft = storage.MeetingNotStarted, "", time.Time{}, false, time.Time{}
	}
	return gone, true
}

// FindCall returns the meeting holding a call, and the call.
func FindCall(r storage.Reader, callID uint64) (*storage.Meeting, *storage.MeetingCall, error) {
	meetings, err := r.Meetings()
	if err != nil {
		return nil, nil, err
	}
	for _, m := range meetings {
		for _, c := range m.Calls {
			if c.CallID == callID {
				return m, c, nil
			}
		}
	}
	return nil, nil, storage.ErrNotFound
}

// AppJoin is an authenticated user joining an organizer's meeting from
// the Teams app: it starts the meeting if it has not started, without a
// PIN, and admits the lobby (under storage.LobbyAdmitByOrganizer only when
// admitLobby asks, or the organizer's policy lets phone callers bypass
// the lobby). A user already in the meeting from the app is not added
// twice. It returns the user's call and the calls admitted.
func AppJoin(w storage.Writer, organizer, user *storage.User, admitLobby bool) (*storage.MeetingCall, []*storage.MeetingCall, error) {
	now := w.Now()
	m, _, err := Load(w, organizer, now)
	if err != nil {
		return nil, nil, err
	}
	i := slices.IndexFunc(m.Calls, func(c *storage.MeetingCall) bool {
		return c.Via == storage.ViaApp && storage.LowerUPN(c.UserPrincipalName) == storage.LowerUPN(user.UserPrincipalName)
	})
	var call *storage.MeetingCall
	switch {
	case i >= 0:
		call = m.Calls[i]
	case len(m.Calls) >= MaxMeetingCalls:
		return nil, nil, ErrMeetingFull
	default:
		id, err := w.NextCallID()
		if err != nil {
			return nil, nil, err
		}
		role := storage.RoleAttendee
		if user.ID == organizer.ID {
			role = storage.RoleLeader
		}
		call = &storage.MeetingCall{CallID: id, Via: storage.ViaApp, UserPrincipalName: user.UserPrincipalName,
			Role: role, State: storage.CallInMeeting, Joined: now}
		m.Calls = append(m.Calls, call)
		m.Changed = now
		m.AuthenticatedLeft = time.Time{}
	}
	var admitted []*storage.MeetingCall
	if m.State != storage.MeetingStarted {
		if admitted, err = start(w, m, organizer, user.UserPrincipalName+" (app)", true, now); err != nil {
			return nil, nil, err
		}
	}
	opts, err := w.DialInOptions()
	if err != nil {
		return nil, nil, err
	}
	bypass, err := PSTNBypass(w, organizer)
	if err != nil {
		return nil, nil, err
	}
	if admitLobby || bypass || opts.LobbyAdmission == storage.LobbyAdmitOnStart {
		admitted = append(admitted, Admit(m, now)...)
	}
	return call, admitted, Save(w, m)
}

// ErrMeetingFull refuses an app join to a meeting of MaxMeetingCalls
// people.
var ErrMeetingFull = fmt.Errorf("the meeting is full: it holds %d people, the most a Teams meeting takes", MaxMeetingCalls)

// Stop ends an organizer's meeting: every call in it and in its lobby is
// disconnected. It returns those calls.
func Stop(w storage.Writer, organizer *storage.User) ([]*storage.MeetingCall, error) {
	m, ended, err := Load(w, organizer, w.Now())
	if err != nil {
		return nil, err
	}
	calls := append(ended, m.Calls...)
	return calls, w.DeleteMeeting(organizer.ID)
}
