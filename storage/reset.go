package storage

import (
	"errors"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"
)

// Reset kinds, as stored in the pending-reset marker.
const (
	resetDemo  = "demo"
	resetEmpty = "empty"
)

// ResetDemo replaces the whole tenant by the demo tenant, in one
// transaction when it fits; a store too big for one (after
// AddSyntheticUsers) is cleared in batches under a durable marker, so that
// a crash midway is finished by the next Open.
func ResetDemo(s Store) error {
	err := s.Update(func(w Writer) error { return resetIn(w, resetDemo) })
	if b, ok := s.(*Badger); ok && errors.Is(err, ErrTooBig) {
		return b.bulkReset(resetDemo)
	}
	return err
}

// ResetEmpty keeps the tenant, its settings, dial-out policies, bridges,
// service numbers and Global Administrator(s), and removes every other
// user (with their index entries), the outbox and the audit log.
func ResetEmpty(s Store) error {
	err := s.Update(func(w Writer) error { return resetIn(w, resetEmpty) })
	if b, ok := s.(*Badger); ok && errors.Is(err, ErrTooBig) {
		return b.bulkReset(resetEmpty)
	}
	return err
}

// resetIn performs a reset inside one transaction.
func resetIn(w Writer, kind string) error {
	if kind == resetDemo {
		if err := w.DeleteAll(); err != nil {
			return err
		}
		return SeedDemo(w)
	}
	var doomed []string
	err := w.ScanUsers("", 0, func(u *User) error {
		if !keptByEmpty(u) {
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
	t, ok := w.(*tx)
	if !ok {
		return errors.New("storage: ResetEmpty needs a Badger store")
	}
	for _, p := range emptyPrefixes() {
		if err := t.deletePrefix(p); err != nil {
			return err
		}
	}
	return nil
}

// keptByEmpty: the Global Administrators survive ResetEmpty.
func keptByEmpty(u *User) bool { return slices.Contains(u.Roles, RoleGlobalAdmin) }

// emptyPrefixes are the key prefixes ResetEmpty clears besides users: the
// outbox, the audit log and their sequence counters.
func emptyPrefixes() [][]byte {
	return [][]byte{{nsMail}, {nsAudit}, counterKey(counterMail), counterKey(counterAudit)}
}

// deletePrefix deletes every key starting with p in this transaction.
func (t *tx) deletePrefix(p []byte) error {
	var keys [][]byte
	err := t.each(p, false, false, func(k, _ []byte) (bool, error) {
		keys = append(keys, append([]byte(nil), k...))
		return true, nil
	})
	for _, k := range keys {
		if err == nil {
			err = t.del(k)
		}
	}
	return err
}

// bulkReset performs a reset too big for one transaction: mark it pending
// (durably), delete in write batches, then finish in one transaction that
// also clears the mark. Updates wait meanwhile.
func (b *Badger) bulkReset(kind string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	err := b.db.Update(func(txn *badger.Txn) error { return txn.Set(pendingKey(), []byte(kind)) })
	if err == nil {
		err = b.batchDelete(kind)
	}
	if err == nil {
		err = b.db.Update(func(txn *badger.Txn) error {
			t := &tx{b: b, txn: txn}
			if err := resetIn(t, kind); err != nil {
				return err
			}
			return t.del(pendingKey())
		})
	}
	if err != nil {
		return fmt.Errorf("storage: resetting the tenant: %w", err)
	}
	return nil
}

// finishPendingReset completes a bulk reset a crash interrupted.
func (b *Badger) finishPendingReset() error {
	var kind string
	err := b.View(func(r Reader) error {
		v, _, err := r.(*tx).getRaw(pendingKey())
		kind = string(v)
		return err
	})
	if err != nil || kind == "" {
		return err
	}
	if kind != resetDemo && kind != resetEmpty {
		return fmt.Errorf("storage: unknown pending reset %q in the tenant store", kind)
	}
	return b.bulkReset(kind)
}

// batchDelete deletes, through a WriteBatch, what a reset of that kind
// removes: every tenant key (demo), or the non-administrator users with
// their index entries plus the outbox and audit log (empty).
func (b *Badger) batchDelete(kind string) error {
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	err := b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		del := func(k, _ []byte) (bool, error) {
			return true, wb.Delete(append([]byte(nil), k...))
		}
		if kind == resetDemo {
			for _, ns := range tenantNamespaces {
				if err := t.each([]byte{ns}, false, false, del); err != nil {
					return err
				}
			}
			return nil
		}
		for _, p := range emptyPrefixes() {
			if err := t.each(p, false, false, del); err != nil {
				return err
			}
		}
		return t.each([]byte{nsUser}, true, false, func(k, v []byte) (bool, error) {
			var u User
			if err := decode(v, &u); err != nil {
				return false, err
			}
			if keptByEmpty(&u) {
				return true, nil
			}
			for _, e := range userIndex(&u) {
				if err := wb.Delete(e.key); err != nil {
					return false, err
				}
			}
			return true, wb.Delete(append([]byte(nil), k...))
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
