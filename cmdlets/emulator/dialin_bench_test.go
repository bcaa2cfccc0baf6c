package emulator_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// benchDial is a session over an on-disk demo tenant with Amos's PIN
// reset, and the PIN.
func benchDial(b *testing.B) (*tenanttest.Session, string) {
	store := tenanttest.OpenDir(b, filepath.Join(b.TempDir(), "tenant"))
	b.Cleanup(func() { store.Close() })
	s := tenanttest.NewSession(b, store, "", false)
	return s, s.Run("(Set-CsOnlineDialInConferencingUser amos.marble@contoso.com -ResetLeaderPin).LeaderPin")
}

// BenchmarkDialInLeaderCall: one scripted call in which the organizer
// starts the meeting with the PIN (the attendant, one PIN check, the
// meeting written, audited, synced), then ends it.
func BenchmarkDialInLeaderCall(b *testing.B) {
	s, pin := benchDial(b)
	line := "$null = Invoke-TenantDialIn -Digits '9212081#*" + pin + "#'; Stop-TenantMeeting amos.marble@contoso.com"
	b.ResetTimer()
	for b.Loop() {
		s.RT.Execute(b.Context(), "<bench>", line)
	}
}

// BenchmarkDialInLeaderCallBaseline: the same PIN check and sync through
// Test-TenantLeaderPin, and a Stop-TenantMeeting of no meeting: what the
// call adds is the attendant and the meeting.
func BenchmarkDialInLeaderCallBaseline(b *testing.B) {
	s, pin := benchDial(b)
	line := "$null = Test-TenantLeaderPin amos.marble@contoso.com -Pin " + pin + "; Get-TenantMeeting | Stop-TenantMeeting"
	b.ResetTimer()
	for b.Loop() {
		s.RT.Execute(b.Context(), "<bench>", line)
	}
}

// benchJoin measures one caller joining (then leaving) a started meeting
// that already holds n participants.
func benchJoin(b *testing.B, n int) {
	s, pin := benchDial(b)
	s.Run("$null = Invoke-TenantDialIn -Digits '9212081#*" + pin + "#'")
	s.Update(func(w storage.Writer) error {
		m, err := w.Meeting(storage.UserIDFor("amos.marble@contoso.com"))
		if err != nil {
			return err
		}
		for range n - 1 {
			id, err := w.NextCallID()
			if err != nil {
				return err
			}
			m.Calls = append(m.Calls, &storage.MeetingCall{CallID: id, Via: storage.ViaPhone, Role: storage.RoleAttendee, State: storage.CallInMeeting})
		}
		return w.PutMeeting(m)
	})
	if got := s.Run("(Get-TenantMeeting amos.marble@contoso.com).ParticipantCount"); got != fmt.Sprint(n) {
		b.Fatalf("participants = %s, want %d", got, n)
	}
	b.ResetTimer()
	for b.Loop() {
		s.RT.Execute(b.Context(), "<bench>", "Disconnect-TenantCall (Invoke-TenantDialIn -Digits '9212081#').CallId")
	}
}

// BenchmarkDialInJoin500: a caller joins a meeting of 500 and leaves.
func BenchmarkDialInJoin500(b *testing.B) { benchJoin(b, 500) }

// BenchmarkDialInJoin1: the baseline, the same into a meeting of one.
func BenchmarkDialInJoin1(b *testing.B) { benchJoin(b, 1) }
