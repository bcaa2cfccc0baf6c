package storage

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// ResetKind says what a reset leaves. Its value is what a store records in
// its pending-reset marker (keys.go), so it must not change.
type ResetKind string

// The resets.
const (
	// ResetKindDemo replaces the whole tenant by the demo tenant.
	ResetKindDemo ResetKind = "demo"
	// ResetKindEmpty keeps the tenant, its settings, policies, bridges,
	// numbers and Global Administrators, and removes every other user,
	// every meeting's calls, the outbox and the audit log.
	ResetKindEmpty ResetKind = "empty"
)

// PendingReset is a reset as a store's pending-reset marker records it
// (keys.go), so that a crash midway is finished by the next open: the
// kind, and how many synthetic users it adds.
type PendingReset struct {
	Kind      ResetKind
	Synthetic int
}

// Marker is the marker's value: the kind alone ("demo", "empty", as
// before synthetic users were part of a reset), or the kind, a space and
// "synthetic=N".
func (p PendingReset) Marker() []byte {
	if p.Synthetic <= 0 {
		return []byte(p.Kind)
	}
	return fmt.Appendf(nil, "%s synthetic=%d", p.Kind, p.Synthetic)
}

// ParsePendingReset reads a marker written by Marker; ok is false for
// anything else (a "restore" marker is the store's own).
func ParsePendingReset(v []byte) (p PendingReset, ok bool) {
	kind, rest, _ := strings.Cut(string(v), " ")
	p.Kind = ResetKind(kind)
	if p.Kind != ResetKindDemo && p.Kind != ResetKindEmpty {
		return PendingReset{}, false
	}
	if rest == "" {
		return p, true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(rest, "synthetic="))
	if err != nil || !strings.HasPrefix(rest, "synthetic=") || n < 0 || n > MaxSyntheticUsers {
		return PendingReset{}, false
	}
	p.Synthetic = n
	return p, true
}

// BulkResetter is implemented by stores that can perform a reset — with
// its synthetic users — all or nothing whatever its size: staged under a
// durable pending-reset marker (in batches, finished by ApplyReset, then
// the synthetic users), switched by the one transaction that runs finish
// and clears the marker; a crash before that transaction is finished by
// the next open, so the tenant is never seen half reset after a restart.
// Reset uses it.
type BulkResetter interface {
	BulkReset(kind ResetKind, synthetic int, finish func(w Writer) error) error
}

// ResetDemo replaces the whole tenant by the demo tenant (Reset with no
// synthetic users and nothing to finish).
func ResetDemo(s Store) error { return Reset(s, ResetKindDemo, 0, nil) }

// ResetEmpty keeps the tenant, its settings, dial-out policies, bridges,
// service numbers and Global Administrator(s), and removes every other
// user (with their index entries), the outbox and the audit log.
func ResetEmpty(s Store) error { return Reset(s, ResetKindEmpty, 0, nil) }

// Reset resets the tenant as kind says, adds synthetic users (see
// AddSyntheticUsers), and runs finish (nil: nothing; e.g. the audit
// record of the reset) in the transaction that completes it. A small
// reset without synthetic users is one transaction; anything bigger goes
// through the store's BulkReset, which is all or nothing across crashes
// too. A store without BulkReset (only test doubles) is reset in steps.
func Reset(s Store, kind ResetKind, synthetic int, finish func(w Writer) error) error {
	if kind != ResetKindDemo && kind != ResetKindEmpty {
		return errors.New("storage: unknown reset " + string(kind))
	}
	if synthetic < 0 || synthetic > MaxSyntheticUsers {
		return fmt.Errorf("storage: at most %d synthetic users", MaxSyntheticUsers)
	}
	if finish == nil {
		finish = func(Writer) error { return nil }
	}
	b, bulk := s.(BulkResetter)
	if bulk && synthetic > 0 {
		return b.BulkReset(kind, synthetic, finish)
	}
	if synthetic > 0 {
		err := s.Update(func(w Writer) error { return ApplyReset(w, kind) })
		if err == nil {
			err = AddSyntheticUsers(s, synthetic)
		}
		if err == nil {
			err = s.Update(finish)
		}
		return err
	}
	err := s.Update(func(w Writer) error {
		if err := ApplyReset(w, kind); err != nil {
			return err
		}
		return finish(w)
	})
	if bulk && errors.Is(err, ErrTooBig) {
		return b.BulkReset(kind, 0, finish)
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
	meetings, err := w.Meetings()
	if err != nil {
		return err
	}
	for _, m := range meetings {
		if err := w.DeleteMeeting(m.OrganizerID); err != nil {
			return err
		}
	}
	return w.DeleteMailAndAudit()
}

// SurvivesResetEmpty reports whether ResetEmpty keeps u: the Global
// Administrators survive it.
func SurvivesResetEmpty(u *User) bool { return slices.Contains(u.Roles, RoleGlobalAdmin) }
