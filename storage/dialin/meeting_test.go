package dialin

import (
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
)

var t0 = time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC)

// started is a started meeting of the given calls (all in it).
func started(pinUsed bool, calls ...*storage.MeetingCall) *storage.Meeting {
	for _, c := range calls {
		c.State = storage.CallInMeeting
	}
	return &storage.Meeting{OrganizerID: "o", State: storage.MeetingStarted, StartedAt: t0, Changed: t0, PINUsed: pinUsed, Calls: calls}
}

func phone(id uint64) *storage.MeetingCall {
	return &storage.MeetingCall{CallID: id, Via: storage.ViaPhone, Role: storage.RoleAttendee}
}

func TestExpired(t *testing.T) {
	app := &storage.MeetingCall{CallID: 9, Via: storage.ViaApp, UserPrincipalName: "u@contoso.com", Role: storage.RoleAttendee}
	left := started(false, phone(1))
	left.AuthenticatedLeft = t0.Add(time.Hour)
	cases := []struct {
		name      string
		m         *storage.Meeting
		anonymous bool
		at        time.Duration
		want      bool
	}{
		{"not started never expires", &storage.Meeting{State: storage.MeetingNotStarted}, false, 1000 * time.Hour, false},
		{"idle 24 h, just before", started(false, phone(1), app), false, IdleLimit - time.Second, false},
		{"idle 24 h", started(false, phone(1), app), false, IdleLimit, true},
		{"phone only, PIN used, 23 h", started(true, phone(1)), false, 23 * time.Hour, false},
		{"phone only, PIN used, 24 h", started(true, phone(1)), false, 24 * time.Hour, true},
		{"phone only, anonymous start, 4 h", started(false, phone(1)), true, PhoneOnlyAnonymousLimit, true},
		{"phone only, anonymous start, just before 4 h", started(false, phone(1)), true, PhoneOnlyAnonymousLimit - time.Second, false},
		{"app user present, 4 h", started(false, phone(1), app), true, PhoneOnlyAnonymousLimit, false},
		{"authenticated left 90 min ago", left, false, time.Hour + AfterAuthenticatedLeft, true},
		{"authenticated left 89 min ago", left, false, time.Hour + AfterAuthenticatedLeft - time.Minute, false},
		{"no PIN, no anonymous start, nobody authenticated left", started(false, phone(1)), false, 23 * time.Hour, false},
	}
	for _, c := range cases {
		if got := Expired(c.m, c.anonymous, t0.Add(c.at)); got != c.want {
			t.Errorf("%s: Expired = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestLeaveEndsTheMeetingWithTheLastParticipant(t *testing.T) {
	leader := &storage.MeetingCall{CallID: 1, Via: storage.ViaPhone, UserPrincipalName: "o@contoso.com", Role: storage.RoleLeader}
	m := started(true, leader, phone(2))
	waiting := phone(3)
	waiting.State = storage.CallLobby
	m.Calls = append(m.Calls, waiting)
	at := t0.Add(time.Minute)
	if _, ok := Leave(m, 1, at); !ok || m.State != storage.MeetingStarted || !m.AuthenticatedLeft.Equal(at) {
		t.Fatalf("after the leader left: %+v", m)
	}
	if _, ok := Leave(m, 42, at); ok {
		t.Error("Leave found a call that is not there")
	}
	Leave(m, 2, at)
	if m.State != storage.MeetingNotStarted || len(m.Calls) != 1 || m.Calls[0].CallID != 3 {
		t.Errorf("after the last participant left: state %s, calls %d", m.State, len(m.Calls))
	}
	if err := storage.CheckMeeting(m); err != nil {
		t.Errorf("the meeting left behind is not sound: %v", err)
	}
	if got := Admit(m, at); got != nil {
		t.Errorf("Admit on a meeting that has not started admitted %d", len(got))
	}
}

func TestKeypadsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Keypads {
		if seen[k.Keys] || keypadOf(k.Keys) == nil {
			t.Errorf("keypad %q twice or not found", k.Keys)
		}
		seen[k.Keys] = true
	}
	for _, k := range []string{"0", "2", "3", "24", "7"} {
		if keypadOf(k) != nil {
			t.Errorf("%q is a command", k)
		}
	}
}
