package storage

import (
	"errors"
	"slices"
)

// ResetKind says what a reset leaves. Its value is what a store records in
// its pending-reset marker (keys.go), so it must not change.
type ResetKind string

// The resets.
const (
	// ResetKindDemo replaces the whole tenant by the demo tenant.
	ResetKindDemo ResetKind = "demo"
	// ResetKindEmpty keeps the tenant, its settings, policies, bridges,
	// numbers and Global Administrators, and removes every other user, the
	// outbox and the audit log.
	ResetKindEmpty ResetKind = "empty"
)

// BulkResetter is implemented by stores that can perform a reset too big
// for one transaction (Update fails with ErrTooBig): in batches, finished
// by ApplyReset, durably enough that a crash midway is completed when the
// store is next opened. ResetDemo and ResetEmpty use it then.
type BulkResetter interface {
	BulkReset(kind ResetKind) error
}

// ResetDemo replaces the whole tenant by the demo tenant, in one
// transaction when it fits; a store too big for one (after
// AddSyntheticUsers) is reset by its BulkReset.
func ResetDemo(s Store) error { return reset(s, ResetKindDemo) }

// ResetEmpty keeps the tenant, its settings, dial-out policies, bridges,
// service numbers and Global Administrator(s), and removes every other
// user (with their index entries), the outbox and the audit log.
func ResetEmpty(s Store) error { return reset(s, ResetKindEmpty) }

// reset tries one transaction, then the store's bulk path.
func reset(s Store, kind ResetKind) error {
	err := s.Update(func(w Writer) error { return ApplyReset(w, kind) })
	if b, ok := s.(BulkResetter); ok && errors.Is(err, ErrTooBig) {
		return b.BulkReset(kind)
	}
	return err
}

// ApplyReset performs a reset inside one transaction: the whole of it for
// a small tenant, or the end of a BulkReset once the batches have removed
// most records. The demo reset seeds through SeedDemo.
func ApplyReset(w Writer, kind ResetKind) error {
	switch kind {
	case ResetKindDemo:
		if err := w.DeleteAll(); err != nil {
			return err
		}
		return SeedDemo(w)
	case ResetKindEmpty:
	default:
		return errors.New("storage: unknown reset " + string(kind))
	}
	var doomed []string
	err := w.ScanUsers("", 0, func(u *User) error {
		if !SurvivesResetEmpty(u) {
			doomed = append(doomed, u.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, id := range doomed {
		if err := w.DeleteUser(id); err != nil {
			return err
		}
	}
	return w.DeleteMailAndAudit()
}

// SurvivesResetEmpty reports whether ResetEmpty keeps u: the Global
// Administrators survive it.
func SurvivesResetEmpty(u *User) bool { return slices.Contains(u.Roles, RoleGlobalAdmin) }
