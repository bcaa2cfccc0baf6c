package storage

import "errors"

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

// ErrTooBig is returned by Update when fn changed more than one
// transaction of the store holds (thousands of records). ResetDemo, ResetEmpty and
// AddSyntheticUsers never hit it: they write in batches.
var ErrTooBig = errors.New("storage: too many changes for one transaction")
