package storage

// The PIN lockout: how many wrong PINs a leader PIN tolerates. The online
// service publishes no policy, so this is the one that is published: Skype
// for Business Server's CsPinPolicy (New-CsPinPolicy, MaximumLogonAttempts;
// ../shared/reference/dialin-admin-center.md §1.5), both of its tiers:
//
//   - a first failure opens a 30-minute observation window; reaching the
//     local limit of failures inside it (10 for a 4-digit PIN, 25 for
//     longer ones) locks the PIN for one hour, after which the local count
//     starts again from 0;
//   - every failure also counts globally (100 for 4 digits, 1000 for 5,
//     5000 for 6 and more — the source says "greater than 6" and skips 6;
//     6 takes the longer PINs' limit); reaching it locks the PIN until an
//     administrator acts;
//   - while locked, even the right PIN is refused; a right PIN resets the
//     local count (not the global one); an administrator's PIN reset makes
//     a new PINHash, which clears both.
//
// The lockout lives in the PIN's own record (PINHash.Lockout), so a PIN
// reset cannot forget to clear it. Every checker of PINs
// (Test-TenantLeaderPin, the dial-in rehearsal) goes through LockState and
// RecordCheck: this file is the one source of the numbers.

import "time"

// PIN lockout timings (CsPinPolicy): the observation window a first
// failure opens, and how long reaching the local limit locks the PIN.
const (
	PINObservationWindow = 30 * time.Minute
	PINTemporaryLockout  = time.Hour
)

// PINAttemptLimits returns the failures a PIN of length digits tolerates:
// local, within one observation window (then a temporary lockout), and
// global, in all (then locked until an administrator resets the PIN).
func PINAttemptLimits(length int) (local, global int) {
	switch {
	case length <= 4:
		return 10, 100
	case length == 5:
		return 25, 1000
	default:
		return 25, 5000
	}
}

// PINLockout is the record of a PIN's failed checks; nil (absent) while
// it has none.
type PINLockout struct {
	WindowStart time.Time // the current observation window's start (zero: none)
	Local       int       // failures in the current window
	Global      int       // failures since the PIN was made
	LockedUntil time.Time // end of a temporary lockout (zero: none)
}

// PINLockState says whether a PIN may be checked.
type PINLockState int

// The lock states.
const (
	PINUnlocked          PINLockState = iota
	PINLockedTemporarily              // until LockState's time
	PINLockedPermanently              // until an administrator resets the PIN
)

// length is the PIN's length for the limits (DefaultPinLength when a record
// does not say).
func (h *PINHash) length() int {
	if h.Length == 0 {
		return DefaultPinLength
	}
	return h.Length
}

// LockState returns whether the PIN is locked at now and, when temporarily,
// until when.
func (h *PINHash) LockState(now time.Time) (PINLockState, time.Time) {
	l := h.Lockout
	if l == nil {
		return PINUnlocked, time.Time{}
	}
	if _, global := PINAttemptLimits(h.length()); l.Global >= global {
		return PINLockedPermanently, time.Time{}
	}
	if !l.LockedUntil.IsZero() && now.Before(l.LockedUntil) {
		return PINLockedTemporarily, l.LockedUntil
	}
	return PINUnlocked, time.Time{}
}

// RecordCheck records one check of the PIN made at now (ok: the PIN was
// right) and returns the lock state after it. Call it only for a check
// LockState allowed: a refused attempt is not a check.
func (h *PINHash) RecordCheck(ok bool, now time.Time) PINLockState {
	l := h.Lockout
	if l == nil {
		if ok {
			return PINUnlocked
		}
		l = &PINLockout{}
		h.Lockout = l
	}
	if !l.LockedUntil.IsZero() && !now.Before(l.LockedUntil) {
		// A temporary lockout is over: the local count starts again.
		l.LockedUntil, l.WindowStart, l.Local = time.Time{}, time.Time{}, 0
	}
	if ok {
		l.WindowStart, l.Local = time.Time{}, 0
		if l.Global == 0 {
			h.Lockout = nil
		}
		return PINUnlocked
	}
	if l.WindowStart.IsZero() || !now.Before(l.WindowStart.Add(PINObservationWindow)) {
		l.WindowStart, l.Local = now.UTC(), 0
	}
	l.Local++
	l.Global++
	local, _ := PINAttemptLimits(h.length())
	if l.Local >= local {
		l.LockedUntil = now.UTC().Add(PINTemporaryLockout)
	}
	state, _ := h.LockState(now)
	return state
}
