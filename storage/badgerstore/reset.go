package badgerstore

import (
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
)

// BulkReset performs a reset too big for one transaction: mark it pending
// (durably), delete in write batches, then finish in one transaction
// (storage.ApplyReset) that also clears the mark. Updates wait meanwhile.
// A crash midway is finished by the next Open.
func (b *Badger) BulkReset(kind storage.ResetKind) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	err := b.db.Update(func(txn *badger.Txn) error { return txn.Set(storage.PendingKey(), []byte(kind)) })
	if err == nil {
		err = b.batchDelete(kind)
	}
	if err == nil {
		err = b.db.Update(func(txn *badger.Txn) error {
			t := &tx{b: b, txn: txn}
			if err := storage.ApplyReset(t, kind); err != nil {
				return err
			}
			return t.del(storage.PendingKey())
		})
	}
	if err != nil {
		return fmt.Errorf("storage: resetting the tenant: %w", err)
	}
	return nil
}

// finishPendingReset completes a bulk reset a crash interrupted.
func (b *Badger) finishPendingReset() error {
	var kind storage.ResetKind
	err := b.View(func(r storage.Reader) error {
		v, _, err := r.(*tx).getRaw(storage.PendingKey())
		kind = storage.ResetKind(v)
		return err
	})
	if err != nil || kind == "" {
		return err
	}
	if kind != storage.ResetKindDemo && kind != storage.ResetKindEmpty {
		return fmt.Errorf("storage: unknown pending reset %q in the tenant store", kind)
	}
	return b.BulkReset(kind)
}

// batchDelete deletes, through a WriteBatch, what a reset of that kind
// removes: every tenant key (demo), or the non-administrator users with
// their index entries plus the outbox and audit log (empty).
func (b *Badger) batchDelete(kind storage.ResetKind) error {
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	err := b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		del := func(k, _ []byte) (bool, error) {
			return true, wb.Delete(append([]byte(nil), k...))
		}
		if kind == storage.ResetKindDemo {
			for _, ns := range storage.TenantNamespaces() {
				if err := t.each([]byte{ns}, false, false, del); err != nil {
					return err
				}
			}
			return nil
		}
		for _, p := range storage.LogPrefixes() {
			if err := t.each(p, false, false, del); err != nil {
				return err
			}
		}
		return t.each([]byte{storage.NSUser}, true, false, func(k, v []byte) (bool, error) {
			var u storage.User
			if err := decode(v, &u); err != nil {
				return false, err
			}
			if storage.SurvivesResetEmpty(&u) {
				return true, nil
			}
			for _, e := range storage.UserIndex(&u) {
				if err := wb.Delete(e.Key); err != nil {
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
