package storage

import "time"

import "errors"

// Errors the store reports; callers turn them into PowerShell errors.
var (
	// ErrNotFound: no such user, bridge, number or policy.
	ErrNotFound = errors.New("not found")
	// ErrDuplicate: a user with that UPN or SIP address, a bridge with
	// that name, or that conference ID on the bridge, already exists.
	ErrDuplicate = errors.New("already exists")
)

// InUseError is returned by Open when another process holds the store.
type InUseError struct{ Dir string }

// Error is the one line csshell prints before exiting with code 1.
func (e *InUseError) Error() string {
	return "The tenant store '" + e.Dir + "' is in use by another csshell process."
}

// SchemaError is returned by Open (and by snapshot restore) for a store
// written by a newer csshell, or for data that is not a csshell store.
type SchemaError struct {
	Found, Supported int
	Msg              string
}

// Error describes the mismatch.
func (e *SchemaError) Error() string { return e.Msg }

// Reader reads a consistent view of the tenant. Values returned are copies:
// changing them changes nothing until they are written with a Writer.
type Reader interface {
	Tenant() (*Tenant, error)
	Settings() (*Settings, error)

	// User returns the user with that object id.
	User(id string) (*User, error)
	// FindUsers resolves an identity as the real cmdlets do: object id,
	// UPN, SIP address (with or without "sip:"), domain\alias, or display
	// name — case-insensitively, through indexes. It returns every match
	// (several only for a shared display name); none is not an error.
	FindUsers(identity string) ([]*User, error)
	// AddressOwner returns the user whose UPN or SIP address (with or
	// without "sip:") is address, case-insensitively, through the
	// indexes; nil when none holds it. It is the part of FindUsers that
	// the real directory keeps unique: a new account's UPN may equal
	// another user's display name, never another's UPN or SIP address.
	AddressOwner(address string) (*User, error)
	// ScanUsers calls fn for users in UPN order, starting after the UPN
	// `after` ("" = from the start), at most limit users (0 = all).
	ScanUsers(after string, limit int, fn func(*User) error) error
	// ScanUsersSorted calls fn for users in display-name order (byName;
	// case-insensitive, a user without a display name by UPN) or UPN
	// order, descending when desc, starting after cursor — a value fn was
	// given, "" for the start; an error from fn stops the scan and is
	// returned. Its cost follows the users read, not the tenant's size.
	ScanUsersSorted(byName, desc bool, cursor string, fn func(u *User, cursor string) error) error
	// CountUsers returns how many users the tenant has.
	CountUsers() (int, error)
	// SearchUsers lists up to limit users one of whose UPN, SIP address or
	// display-name words starts with prefix (case-insensitive), by index
	// prefix scan that stops at the limit (so its cost follows the limit,
	// not the tenant's size): the first matches in word order, returned
	// ordered by UPN. Tab completion uses it.
	SearchUsers(prefix string, limit int) ([]*User, error)
	// SearchUserNames is SearchUsers without reading the users: each
	// match's object id and UPN as stored, from the index alone (an empty
	// prefix reads them).
	SearchUserNames(prefix string, limit int) ([]UserName, error)
	// ConferenceIDOwner returns the id of the user holding conference ID
	// confID on a bridge.
	ConferenceIDOwner(bridgeID, confID string) (userID string, ok bool, err error)

	Bridges() ([]*Bridge, error)
	Bridge(id string) (*Bridge, error)
	BridgeByName(name string) (*Bridge, error)
	ServiceNumbers() ([]*ServiceNumber, error)
	ServiceNumber(number string) (*ServiceNumber, error)
	DialOutPolicies() ([]*DialOutPolicy, error)
	// AudioConferencingPolicies returns the Teams audio conferencing
	// policies: Global, then the others by identity (the automatic ones
	// as built in unless a record replaces them).
	AudioConferencingPolicies() ([]*AudioConferencingPolicy, error)
	// AudioConferencingPolicy returns one policy by identity or name
	// ("Global", "Tag:<Name>" or "<Name>", any case).
	AudioConferencingPolicy(identity string) (*AudioConferencingPolicy, error)
	// MeetingPolicies returns the Teams meeting policies: the built-in
	// ones in the service's order (Global first; as built in unless a
	// record replaces them), then the custom ones by identity.
	MeetingPolicies() ([]*MeetingPolicy, error)
	// MeetingPolicy returns one policy by identity or name ("Global",
	// "Tag:<Name>" or "<Name>", any case).
	MeetingPolicy(identity string) (*MeetingPolicy, error)
	// PhoneNumberOwner returns the id of the user holding a phone number
	// (stored form, NormalizePhoneNumber).
	PhoneNumberOwner(number string) (userID string, ok bool, err error)
	// UserPhoneNumbers lists every number users hold, by number.
	UserPhoneNumbers() ([]UserPhoneNumber, error)

	// Mail returns the last n messages (n <= 0: all) that match keep
	// (nil: all), oldest first.
	Mail(n int, keep func(*Mail) bool) ([]*Mail, error)
	// Audit returns the last n audit records (n <= 0: all) that match
	// keep (nil: all), oldest first.
	Audit(n int, keep func(*AuditRecord) bool) ([]*AuditRecord, error)

	// VerifyPIN reports whether pin matches a stored PIN hash.
	VerifyPIN(h PINHash, pin string) bool

	// Meeting returns the meeting record of an organizer (ErrNotFound
	// when the meeting has no calls).
	Meeting(organizerID string) (*Meeting, error)
	// Meetings returns every meeting record, by organizer id.
	Meetings() ([]*Meeting, error)
	// DialInOptions returns the emulator's dial-in options (the defaults
	// when none were set).
	DialInOptions() (*DialInOptions, error)
	// Now is the store's clock (as Stamper's): readers judge time-bound
	// state — a meeting's length limit, a PIN's lockout — by it.
	Now() time.Time
}

// Stamper makes the store-made parts of a new record: PIN hashes (keyed
// with the tenant's secret) and times, from the store's one clock.
type Stamper interface {
	// HashPIN makes the stored form of a new PIN (fresh salt, keyed hash,
	// SetAt = Now()).
	HashPIN(pin string) (PINHash, error)
	// Now is the store's clock, in UTC: the time every record it stamps
	// carries (PIN SetAt, synthetic users' Created, snapshot headers).
	Now() time.Time
}

// Writer changes the tenant inside one transaction.
type Writer interface {
	Reader
	Stamper
	PutTenant(t *Tenant) error
	PutSettings(s *Settings) error
	// PutUser inserts or replaces a user and keeps every index in step;
	// ErrDuplicate when another user has the UPN or SIP address, or the
	// conference ID is taken on the bridge, or the phone number is
	// another user's or a service number; ErrNotFound when the user's
	// audio conferencing or meeting policy does not exist.
	PutUser(u *User) error
	DeleteUser(id string) error
	PutBridge(b *Bridge) error
	DeleteBridge(id string) error
	// PutServiceNumber inserts or replaces a service number;
	// ErrDuplicate when a user holds it as their phone number.
	PutServiceNumber(n *ServiceNumber) error
	DeleteServiceNumber(number string) error
	PutDialOutPolicy(p *DialOutPolicy) error
	// PutAudioConferencingPolicy inserts or replaces a Teams audio
	// conferencing policy (CheckAudioConferencingPolicy must pass).
	PutAudioConferencingPolicy(p *AudioConferencingPolicy) error
	// DeleteAudioConferencingPolicy removes a custom policy; the users it
	// was assigned to (returned) and the tenant default fall back to
	// Global in the same transaction. The automatic policies cannot be
	// removed; ErrNotFound for none.
	DeleteAudioConferencingPolicy(identity string) (unassigned []*User, err error)
	// PutMeetingPolicy inserts or replaces a Teams meeting policy
	// (CheckMeetingPolicy must pass).
	PutMeetingPolicy(p *MeetingPolicy) error
	// DeleteMeetingPolicy removes a custom policy; the users it was
	// assigned to (returned) and the tenant default fall back to Global
	// in the same transaction. The built-in policies cannot be removed;
	// ErrNotFound for none.
	DeleteMeetingPolicy(identity string) (unassigned []*User, err error)
	// AddMail appends to the outbox, setting m.Seq.
	AddMail(m *Mail) error
	// AddAudit appends to the audit log, setting a.Seq.
	AddAudit(a *AuditRecord) error
	// DeleteAll removes every tenant record (users, bridges, numbers,
	// settings, policies, mail and audit), keeping the schema version.
	DeleteAll() error
	// DeleteMailAndAudit empties the outbox and the audit log; their
	// sequence numbers start again from 1.
	DeleteMailAndAudit() error
	// PutMeeting inserts or replaces an organizer's meeting record; the
	// organizer must be a user of the tenant.
	PutMeeting(m *Meeting) error
	// DeleteMeeting removes an organizer's meeting record (none: no-op).
	DeleteMeeting(organizerID string) error
	// PutDialInOptions replaces the dial-in options.
	PutDialInOptions(o *DialInOptions) error
	// NextCallID hands out the next call id: 1, 2, … (a reset that
	// deletes everything starts again from 1).
	NextCallID() (uint64, error)
}

// Grouper is implemented by a store that groups the deferred changes of
// one session into one open transaction (group commit): a bulk pipeline's
// thousands of changes then cost one commit, not one each.
type Grouper interface {
	// NewGroup returns a new session's handle on its group of changes.
	NewGroup() Group
}

// Group is one session's group of deferred changes. Its UpdateDeferred
// calls share one open transaction, which nobody else sees until it is
// committed — when it has grown large, when anything else uses the store
// (a plain View, Update or UpdateDeferred, another Group, a reset, a
// snapshot) and at the store's Sync, the durability barrier, which makes
// it durable too. So, as with Store.UpdateDeferred, the caller must Sync
// before anything about a change is shown.
type Group interface {
	// View runs fn on a view that sees the group's uncommitted changes.
	// fn must only read through r: it runs with the store locked, so it
	// must neither use the store nor write anything out (output would
	// need the barrier, which needs the store).
	View(fn func(r Reader) error) error
	// UpdateDeferred runs fn in the group's transaction. When fn fails its
	// writes are undone and the group's earlier changes stay. fn may run
	// twice: when the transaction has no room left for fn's writes, they
	// are undone, the group's earlier changes committed, and fn runs
	// again in a new transaction (it must have no effect outside w).
	UpdateDeferred(fn func(w Writer) error) error
	// Sync commits the group's changes and makes every committed change
	// durable, as Store.Sync; it fails when the group's changes were lost
	// (a commit failed), so the barrier stops what was about them.
	Sync() error
}

// Store is a tenant kept by a store implementation (storage/badgerstore
// keeps it in Badger, on disk or in memory).
type Store interface {
	// View runs fn in a read-only transaction.
	View(fn func(r Reader) error) error
	// Update runs fn in one read-write transaction and commits it, synced
	// to disk, before returning: when Update returns nil the change is
	// durable. When fn returns an error nothing is changed.
	Update(fn func(w Writer) error) error
	// UpdateDeferred is Update without the sync: the change is committed
	// (later transactions see it) but reaches the disk only at the next
	// Sync, Update or Close. A pipeline of many changes uses it to group
	// their commits into one sync; the caller must Sync before anything
	// about the change is shown.
	UpdateDeferred(fn func(w Writer) error) error
	// Sync makes every committed change durable (a no-op when nothing is
	// pending).
	Sync() error
	// Dir is the store's directory, "" for an in-memory store.
	Dir() string
	// Close releases the store.
	Close() error
}
