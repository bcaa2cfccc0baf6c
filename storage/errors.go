package storage

import (
	"errors"
	"strings"
	"syscall"
)

// DuplicateError says which unique value a write collided with. It matches
// ErrDuplicate under errors.Is.
type DuplicateError struct {
	What  string // "user principal name", "SIP address", "conference ID", "bridge name"
	Value string
}

// Error names the value: "A user with SIP address 'sip:x@y' already exists."
func (e *DuplicateError) Error() string {
	switch e.What {
	case "bridge name":
		return "A bridge named '" + e.Value + "' already exists."
	case "conference ID":
		return "The conference ID '" + e.Value + "' is already in use on the bridge."
	}
	return "A user with " + e.What + " '" + e.Value + "' already exists."
}

// Is makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }

// ErrTooBig is returned by Update when fn changed more than one Badger
// transaction holds (thousands of records). ResetDemo, ResetEmpty and
// AddSyntheticUsers never hit it: they write in batches.
var ErrTooBig = errors.New("storage: too many changes for one transaction")

// isLockError reports whether err is Badger failing to take the directory
// lock because another process (or another Open here) holds it. Badger
// flattens the flock error into text, so the text is what is left to test.
func isLockError(err error) bool {
	return errors.Is(err, syscall.EWOULDBLOCK) ||
		strings.Contains(err.Error(), "Cannot acquire directory lock")
}
