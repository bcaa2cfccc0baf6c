package dialin

import (
	"time"

	"github.com/csshell/csshell/storage"
)

// PINCheck is the outcome of one check of a leader PIN.
type PINCheck struct {
	OK bool // the PIN is the user's current leader PIN
	// Refused is true when the PIN was locked: it was not checked, and
	// even the right PIN is refused.
	Refused bool
	// Lock is the lock state after the check, Until the end of a
	// temporary lockout.
	Lock  storage.PINLockState
	Until time.Time
	// Changes are what the audit log records of the check: its outcome,
	// and the lockout it caused — never the digits.
	Changes []storage.Change
}

// CheckLeaderPIN checks pin against u's leader PIN at the store's clock,
// as Test-TenantLeaderPin and a caller's PIN entry both do: a locked PIN
// is refused unchecked; otherwise the check counts toward the lockout
// (storage/pinlockout.go) and u is saved when its lockout record changed
// (that is not a change of the user: Modified stays).
func CheckLeaderPIN(w storage.Writer, u *storage.User, pin string) (PINCheck, error) {
	cf := u.Conferencing
	if cf == nil {
		return PINCheck{Changes: []storage.Change{{Property: "LeaderPinCheck", New: "Failed (not enabled for audio conferencing)"}}}, nil
	}
	now := w.Now()
	if state, until := cf.PIN.LockState(now); state != storage.PINUnlocked {
		return PINCheck{Refused: true, Lock: state, Until: until,
			Changes: []storage.Change{{Property: "LeaderPinCheck", New: "Refused (PIN locked)"}}}, nil
	}
	var out PINCheck
	out.OK = w.VerifyPIN(cf.PIN, pin)
	outcome := "Failed"
	if out.OK {
		outcome = "Succeeded"
	}
	out.Changes = []storage.Change{{Property: "LeaderPinCheck", New: outcome}}
	had := cf.PIN.Lockout != nil
	cf.PIN.RecordCheck(out.OK, now)
	out.Lock, out.Until = cf.PIN.LockState(now)
	if out.Lock != storage.PINUnlocked {
		out.Changes = append(out.Changes, storage.Change{Property: "PinLockedOut", Old: "False", New: LockText(out.Lock, out.Until)})
	}
	if had || cf.PIN.Lockout != nil {
		if err := w.PutUser(u); err != nil {
			return PINCheck{}, err
		}
	}
	return out, nil
}

// LockText is a lock state as the audit log and Get-TenantUser show it.
func LockText(state storage.PINLockState, until time.Time) string {
	switch state {
	case storage.PINLockedPermanently:
		return "True (until an administrator resets the PIN)"
	case storage.PINLockedTemporarily:
		return "True (until " + until.UTC().Format(time.RFC3339) + ")"
	}
	return "False"
}
