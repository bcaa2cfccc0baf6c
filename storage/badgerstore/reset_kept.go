package badgerstore

import (
	"bytes"
	"fmt"
	"slices"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
)

// A reset that streams its synthetic users into an emptied store
// (streamWhole) needs only the records the reset keeps. Deleting the rest
// from the store first — a million users' twelve million keys, one
// tombstone each — took 115 s and 1.1 GB of resident memory (Badger
// compacted the tombstones into the whole tree) before the stream threw
// the store away anyway. So keptAfterReset works out the kept records in
// a throwaway in-memory store instead: it copies what the reset may keep
// (everything but users, their index entries and the logs; the users that
// survive with their index entries), applies the reset there, and reads
// the result back. The store itself is left as it was, with its
// pending-reset marker: a crash before the stream's keep file is written
// makes the next open do the whole reset again.

// keptAfterReset returns the records the reset p keeps (the pending-reset
// marker among them) and the synthetic users' generator, read from the
// reset applied to an in-memory copy; ok is false when they cannot be
// streamed whole (see liveEntries), and the caller resets in place.
func (b *Badger) keptAfterReset(p storage.PendingReset) (kept []keptEntry, next func(storage.Stamper) (*storage.User, error), ok bool, err error) {
	db, err := openBadger("")
	if err != nil {
		return nil, nil, false, fmt.Errorf("storage: opening an in-memory store: %w", err)
	}
	c := &Badger{db: db, secret: b.secret, now: b.now}
	defer c.db.Close()
	if err := b.copyKept(c.db, p.Kind); err != nil {
		return nil, nil, false, fmt.Errorf("storage: copying what the reset keeps: %w", err)
	}
	err = c.db.Update(func(txn *badger.Txn) error { return storage.ApplyReset(&tx{b: c, txn: txn}, p.Kind) })
	if err == nil {
		err = c.db.View(func(txn *badger.Txn) error {
			var err error
			next, err = storage.SyntheticUsers(&tx{b: c, txn: txn}, p.Synthetic)
			return err
		})
	}
	if err != nil {
		return nil, nil, false, err
	}
	kept, ok, err = c.liveEntries()
	if err != nil || !ok || !slices.ContainsFunc(kept, func(e keptEntry) bool { return bytes.Equal(e.key, storage.PendingKey()) }) {
		return nil, nil, false, err
	}
	return kept, next, true, nil
}

// copyKept copies into dst, as one read transaction of the store sees
// it, every record a reset of that kind may keep: for a demo reset,
// which clears every tenant namespace, the keys outside them (the schema
// version, the pending-reset marker); for an empty reset, every key but
// the users' index entries, the outbox, the audit log and their counters,
// and of the users only those that survive it, each with its index
// entries (storage.UserIndex). Values keep their Badger metadata, which
// liveEntries then refuses.
func (b *Badger) copyKept(dst *badger.DB, kind storage.ResetKind) error {
	wb := dst.NewWriteBatch()
	defer wb.Cancel()
	var skip [256]bool // namespaces not copied at all
	dropped := append(storage.IndexNamespaces(), storage.NSMail, storage.NSAudit)
	if kind == storage.ResetKindDemo {
		dropped = storage.TenantNamespaces()
	}
	for _, ns := range dropped {
		skip[ns] = true
	}
	logKeys := storage.LogPrefixes()
	err := b.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: false})
		defer it.Close()
		for it.Rewind(); it.Valid(); {
			item := it.Item()
			key := item.Key()
			if len(key) == 0 {
				it.Next()
				continue
			}
			if ns := key[0]; skip[ns] {
				if ns == 0xFF {
					break
				}
				it.Seek([]byte{ns + 1}) // the next namespace
				continue
			}
			if slices.ContainsFunc(logKeys, func(p []byte) bool { return bytes.HasPrefix(key, p) }) {
				it.Next()
				continue
			}
			val, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			if key[0] == storage.NSUser {
				u, err := storage.DecodeUser(val)
				if err != nil {
					return fmt.Errorf("storage: damaged record: %w", err)
				}
				if !storage.SurvivesResetEmpty(u) {
					it.Next()
					continue
				}
				for _, e := range storage.UserIndex(u) {
					if err := wb.Set(e.Key, e.Val); err != nil {
						return err
					}
				}
			}
			if err := wb.SetEntry(badger.NewEntry(item.KeyCopy(nil), val).WithMeta(item.UserMeta())); err != nil {
				return err
			}
			it.Next()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
