package storage

import (
	"testing"
	"time"
)

// TestPINLockoutTiers walks both CsPinPolicy tiers for each length class:
// the local limit within 30 minutes locks for one hour (even the right PIN
// is refused), the count restarts after it, a right PIN resets only the
// local count, and the global limit locks until a new PIN is made.
func TestPINLockoutTiers(t *testing.T) {
	t0 := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ length, local, global int }{{4, 10, 100}, {5, 25, 1000}, {6, 25, 5000}, {12, 25, 5000}} {
		h := &PINHash{Length: tc.length}
		now := t0
		for i := 1; i < tc.local; i++ {
			if st := h.RecordCheck(false, now); st != PINUnlocked {
				t.Fatalf("length %d: locked after %d failures", tc.length, i)
			}
			now = now.Add(time.Second)
		}
		if st := h.RecordCheck(false, now); st != PINLockedTemporarily {
			t.Fatalf("length %d: state %v after %d failures", tc.length, st, tc.local)
		}
		if st, until := h.LockState(now.Add(59 * time.Minute)); st != PINLockedTemporarily || !until.Equal(now.Add(time.Hour)) {
			t.Errorf("length %d: after 59 minutes %v until %v", tc.length, st, until)
		}
		now = now.Add(time.Hour)
		if st, _ := h.LockState(now); st != PINUnlocked {
			t.Errorf("length %d: still locked after the hour", tc.length)
		}
		// The local count started again: one failure does not lock.
		if st := h.RecordCheck(false, now); st != PINUnlocked || h.Lockout.Local != 1 || h.Lockout.Global != tc.local+1 {
			t.Errorf("length %d: after the lockout: %v %+v", tc.length, st, *h.Lockout)
		}
		// A right PIN resets the local count, not the global one.
		h.RecordCheck(true, now)
		if h.Lockout == nil || h.Lockout.Local != 0 || h.Lockout.Global != tc.local+1 {
			t.Errorf("length %d: after a right PIN: %+v", tc.length, h.Lockout)
		}
		// Failures spread over windows never lock locally, but the global
		// limit locks for good.
		for h.Lockout.Global < tc.global-1 {
			now = now.Add(PINObservationWindow)
			if st := h.RecordCheck(false, now); st != PINUnlocked {
				t.Fatalf("length %d: locked at global %d", tc.length, h.Lockout.Global)
			}
		}
		now = now.Add(PINObservationWindow)
		if st := h.RecordCheck(false, now); st != PINLockedPermanently {
			t.Fatalf("length %d: state %v at the global limit", tc.length, st)
		}
		if st, _ := h.LockState(now.Add(1000 * time.Hour)); st != PINLockedPermanently {
			t.Errorf("length %d: the global lock wore off", tc.length)
		}
	}
}

// TestPINLockoutWindow: failures more than 30 minutes apart open a new
// window, so they do not add up to the local limit.
func TestPINLockoutWindow(t *testing.T) {
	h := &PINHash{Length: 5}
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 24; i++ {
		h.RecordCheck(false, now)
	}
	now = now.Add(PINObservationWindow)
	if st := h.RecordCheck(false, now); st != PINUnlocked || h.Lockout.Local != 1 {
		t.Errorf("new window: %v %+v", st, *h.Lockout)
	}
	// A right PIN with no global failures removes the record.
	h2 := &PINHash{Length: 5}
	h2.RecordCheck(true, now)
	if h2.Lockout != nil {
		t.Errorf("a right PIN made a lockout record")
	}
	// A clone does not share the record.
	u := &User{Conferencing: &Conferencing{PIN: *h}}
	c := u.Clone()
	c.Conferencing.PIN.Lockout.Global = 0
	if u.Conferencing.PIN.Lockout.Global == 0 {
		t.Error("Clone shares the lockout record")
	}
}
