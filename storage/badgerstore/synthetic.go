package badgerstore

import (
	"encoding/json"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
)

// txnBudget is how many bytes of keys and values AddNewUsers puts in one
// transaction: three quarters of what Badger accepts (15 % of a memtable).
const txnBudget = memTableSize * 15 / 100 * 3 / 4

// AddNewUsers writes n users made by next blind — no reads, no conflict
// tracking: next vouches that every UPN, SIP address and conference id is
// free — each user whole, in transactions of a few hundred users, synced
// to disk before it returns. Updates wait meanwhile.
// storage.AddSyntheticUsers uses it.
func (b *Badger) AddNewUsers(n int, next func(st storage.Stamper) (*storage.User, error)) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.endGroupMu()
	if err := b.checkNotHalfDone(); err != nil {
		return err
	}
	if err := b.addNewUsersLocked(n, next); err != nil {
		return err
	}
	return b.syncLocked()
}

// addNewUsersLocked is AddNewUsers with b.mu held, without the sync
// (BulkReset syncs once its switch is committed).
func (b *Badger) addNewUsersLocked(n int, next func(st storage.Stamper) (*storage.User, error)) error {
	txn := b.db.NewTransaction(true)
	defer func() { txn.Discard() }()
	size := 0
	for range n {
		u, err := next(b)
		if err != nil {
			return err
		}
		val, err := json.Marshal(u)
		if err != nil {
			return err
		}
		entries := append(storage.UserIndex(u), storage.IndexEntry{Key: storage.UserKey(u.ID), Val: val})
		need := 0
		for _, e := range entries {
			need += len(e.Key) + len(e.Val) + 16
		}
		if size+need > txnBudget {
			if err := b.commitBlind(txn); err != nil {
				return err
			}
			txn, size = b.db.NewTransaction(true), 0
		}
		for _, e := range entries {
			if err := txn.Set(e.Key, e.Val); err != nil {
				return fmt.Errorf("storage: writing synthetic users: %w", err)
			}
		}
		size += need
	}
	return b.commitBlind(txn)
}

// commitBlind commits one transaction of AddNewUsers (synced at the end).
func (b *Badger) commitBlind(txn *badger.Txn) error {
	b.roomCredit = 0 // measure: a bulk transaction is as large as a commit gets
	if err := b.roomForCommit(); err != nil {
		return err
	}
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("storage: writing synthetic users: %w", err)
	}
	return nil
}
