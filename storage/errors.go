package storage

import (
	"errors"
	"fmt"
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
	case "phone number":
		return "The phone number '" + e.Value + "' is already assigned to another user."
	case "phone number (a service number)":
		return "The phone number '" + e.Value + "' is a service number of the tenant."
	case "service number (a user's phone number)":
		return "The number '" + e.Value + "' is assigned to a user as their phone number."
	}
	return "A user with " + e.What + " '" + e.Value + "' already exists."
}

// Is makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }

// ErrTooBig is returned by Update when fn changed more than one
// transaction of the store holds (thousands of records). ResetDemo, ResetEmpty and
// AddSyntheticUsers never hit it: they write in batches.
var ErrTooBig = errors.New("storage: too many changes for one transaction")

// RecoverAdvice is how to get a tenant back from a store that refuses to
// open: the checkpoint route (Checkpoint-Tenant / Restore-Tenant) or a
// backup of the directory together with its key file.
const RecoverAdvice = "start csshell with a new -TenantPath and run Restore-Tenant -Path <checkpoint> -Force, " +
	"or put back a backup of the directory and its key file"

// DamagedError is returned by Open for a store whose files are damaged or
// incomplete (a missing or cut MANIFEST, a table that fails its checksum,
// records without a tenant). Open refuses such a store before anything is
// written: every file stays as it was.
type DamagedError struct {
	Dir     string
	Problem string // what is wrong, e.g. "the table 000012.sst fails its checksum"
}

// Error is the one line csshell prints before exiting with code 1.
func (e *DamagedError) Error() string {
	return "The tenant store '" + e.Dir + "' is damaged (" + e.Problem + "); nothing was changed. To recover, " +
		RecoverAdvice + "."
}

// KeyFileError is returned by Open when the tenant key file of a store
// that holds data is missing or is not the key the store was written
// with: PINs would not verify and mail could not be read, so the store is
// not opened and no new key is made.
type KeyFileError struct {
	Dir, KeyFile string
	Missing      bool // the file does not exist (else: it does not match)
}

// Error is the one line csshell prints before exiting with code 1.
func (e *KeyFileError) Error() string {
	what := "does not match the tenant store '" + e.Dir + "'"
	if e.Missing {
		what = "is missing, and the tenant store '" + e.Dir + "' holds data written with it"
	}
	return "The tenant key file '" + e.KeyFile + "' " + what + "; nothing was changed. Put the store's own key file back, or " +
		RecoverAdvice + "."
}

// ErrNoSpace matches a *NoSpaceError under errors.Is.
var ErrNoSpace = errors.New("storage: not enough free disk space")

// NoSpaceError is returned by Open and by every change when the disk
// holding the store has too little free space for the store to write
// safely (Badger writes through memory-mapped files, which cannot report a
// full disk). Nothing was changed.
type NoSpaceError struct {
	Dir        string
	Free, Need int64 // bytes
}

// Error names the shortfall in MB.
func (e *NoSpaceError) Error() string {
	return fmt.Sprintf("There is not enough free disk space for the tenant store '%s' (%d MB free, %d MB needed); "+
		"nothing was changed. Free some space and try again.", e.Dir, e.Free>>20, (e.Need+1<<20-1)>>20)
}

// Is makes errors.Is(err, ErrNoSpace) true.
func (e *NoSpaceError) Is(target error) bool { return target == ErrNoSpace }
