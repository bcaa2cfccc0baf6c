package badgerstore

import (
	"fmt"
	"sync"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
)

// BulkReset performs a reset of any size, with its synthetic users, all
// or nothing: the reset is staged under a durable pending-reset marker
// that records it (storage.PendingReset) — the old records deleted in
// write batches, storage.ApplyReset in one transaction, the synthetic
// users in transactions of a few hundred (on disk, from
// streamUsersAtLeast users, streamed as tables: streamNewUsers) — and
// switched by the one
// transaction that runs finish and clears the marker. A crash before that
// transaction leaves the marker, and the next Open does the whole reset
// again (finishPendingReset): after a restart the tenant is the old one
// (crash before the marker was on disk) or the new one, never half of
// either. Updates wait meanwhile.
func (b *Badger) BulkReset(kind storage.ResetKind, synthetic int, finish func(w storage.Writer) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.endGroupMu()
	return b.bulkResetLocked(storage.PendingReset{Kind: kind, Synthetic: synthetic}, finish)
}

// bulkResetLocked is BulkReset with b.mu held.
func (b *Badger) bulkResetLocked(p storage.PendingReset, finish func(w storage.Writer) error) error {
	if finish == nil {
		finish = func(storage.Writer) error { return nil }
	}
	err := b.db.Update(func(txn *badger.Txn) error { return txn.Set(storage.PendingKey(), p.Marker()) })
	if err == nil {
		err = b.syncLocked() // the marker is on disk before anything is deleted
	}
	// The transaction that switches: the reset's last step (or, with
	// synthetic users, the step after them), finish, the marker cleared.
	done := func(w storage.Writer) error {
		if err := finish(w); err != nil {
			return err
		}
		return w.(*tx).del(storage.PendingKey())
	}
	if err == nil {
		err = b.resetUnderMarker(p, done)
	}
	if err == nil {
		err = b.syncLocked()
	}
	if err != nil {
		err = fmt.Errorf("storage: resetting the tenant failed midway (it is finished the next time the tenant store is opened): %w", err)
		halfDone.Store(b, err)
		return err
	}
	halfDone.Delete(b)
	return nil
}

// resetUnderMarker does the reset p, whose marker is on disk, ending
// with the switching transaction done. Streamed into an emptied store, it
// deletes nothing first: what it keeps is worked out in memory
// (reset_kept.go). Otherwise, or when that cannot be streamed whole, the
// reset runs in place (resetInPlace).
func (b *Badger) resetUnderMarker(p storage.PendingReset, done func(w storage.Writer) error) error {
	if b.dir != "" && p.Synthetic >= streamUsersAtLeast {
		kept, next, whole, err := b.keptAfterReset(p)
		if err != nil {
			return err
		}
		if whole {
			if err := b.streamNewUsers(p.Synthetic, next, kept); err != nil {
				return err
			}
			return b.db.Update(func(txn *badger.Txn) error { return done(&tx{b: b, txn: txn}) })
		}
	}
	return b.resetInPlace(p, done)
}

// resetInPlace deletes what the reset p removes (batchDelete), applies
// it, adds its synthetic users (streamed above the tree, or committed)
// and runs done.
func (b *Badger) resetInPlace(p storage.PendingReset, done func(w storage.Writer) error) error {
	if err := b.batchDelete(p.Kind); err != nil {
		return err
	}
	err := b.db.Update(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		if err := storage.ApplyReset(t, p.Kind); err != nil {
			return err
		}
		if p.Synthetic > 0 {
			return nil
		}
		return done(t)
	})
	if err != nil || p.Synthetic == 0 {
		return err
	}
	var next func(st storage.Stamper) (*storage.User, error)
	err = b.View(func(r storage.Reader) error {
		var err error
		next, err = storage.SyntheticUsers(r, p.Synthetic)
		return err
	})
	if err == nil && b.dir != "" && p.Synthetic >= streamUsersAtLeast {
		err = b.streamNewUsers(p.Synthetic, next, nil)
	} else if err == nil {
		err = b.addNewUsersLocked(p.Synthetic, next)
	}
	if err != nil {
		return err
	}
	return b.db.Update(func(txn *badger.Txn) error { return done(&tx{b: b, txn: txn}) })
}

// halfDone holds, per store, the error of a reset or restore that failed
// midway in this process (not a crash: a full disk, say). Its marker
// stays, so the next Open finishes it, and that would undo any change made
// meanwhile on the half-changed tenant: so until then the store must take
// no change (checkNotHalfDone).
var halfDone sync.Map

// checkNotHalfDone refuses a change while a reset or restore that failed
// midway in this process waits for the next Open to finish it. AddNewUsers
// calls it first, and so should every change (Update, UpdateDeferred); a
// new reset or restore may run, and clears it when it succeeds.
func (b *Badger) checkNotHalfDone() error {
	if v, ok := halfDone.Load(b); ok {
		return fmt.Errorf("%w; restart csshell to finish it before changing anything", v.(error))
	}
	return nil
}

// finishPendingReset is what Open runs after the schema migrations: it
// removes restore files a crash left beside the store, and finishes a
// reset (bulkResetLocked again, from the start) or a restore
// (finishRestore) that a crash interrupted.
func (b *Badger) finishPendingReset() error {
	var marker []byte
	err := b.View(func(r storage.Reader) error {
		var err error
		marker, _, err = r.(*tx).getRaw(storage.PendingKey())
		return err
	})
	if err != nil {
		return err
	}
	if isRestoreMarker(marker) {
		return b.finishRestore(marker)
	}
	if err := b.removeRestoreFiles(); err != nil {
		return err
	}
	if len(marker) == 0 {
		// No reset pending: a stream marker or keep file left by a
		// kill after the switch is stale.
		if err := removeStreamKeep(b.dir); err != nil {
			return err
		}
		return removeStreamMarker(b.dir)
	}
	p, ok := storage.ParsePendingReset(marker)
	if !ok {
		return fmt.Errorf("storage: %s holds a pending change this csshell does not know (%q): it was written by a newer csshell", b.storeName(), marker)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.bulkResetLocked(p, nil)
}

// batchDelete deletes, through a WriteBatch, what a reset of that kind
// removes: every tenant key (demo), or the non-administrator users with
// their index entries plus the outbox and audit log (empty).
func (b *Badger) batchDelete(kind storage.ResetKind) error {
	b.roomCredit = 0 // measure before a bulk write (space.go)
	if err := b.roomForCommit(); err != nil {
		return err
	}
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
