package badgerstore

import (
	"bytes"
	"errors"
	"fmt"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
)

// CloneInMemory returns a throwaway in-memory copy of the whole tenant as
// one read transaction sees it (committed deferred changes included),
// under the same secret — so PINs verify and mail opens in the copy as in
// the original — and the same clock. Nothing done to the copy reaches the
// original; nothing survives its Close. Invoke-Pester runs each test file
// against such a copy.
func (b *Badger) CloneInMemory() (storage.Store, error) {
	db, err := openBadger("")
	if err != nil {
		return nil, fmt.Errorf("storage: opening an in-memory store: %w", err)
	}
	c := &Badger{db: db, secret: bytes.Clone(b.secret), now: b.now}
	wb := db.NewWriteBatch()
	b.endGroup()
	err = b.viewDB(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			if bytes.Equal(item.Key(), storage.PendingKey()) {
				return errChangeInProgress
			}
			val, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			e := badger.NewEntry(item.KeyCopy(nil), val).WithMeta(item.UserMeta())
			if err := wb.SetEntry(e); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = wb.Flush()
	} else {
		wb.Cancel()
	}
	if err != nil {
		db.Close()
		return nil, errors.Join(errors.New("storage: copying the tenant into memory"), err)
	}
	return start(c)
}
