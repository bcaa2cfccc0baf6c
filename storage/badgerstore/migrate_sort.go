package badgerstore

import (
	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// writeForEachUser is the loop of a bulk schema step: fn sees every user,
// decoded, in one view of the store, and writes through a write batch
// (flushed in batches, and at the end when fn never failed).
func writeForEachUser(b *Badger, fn func(t *tx, u *storage.User, wb *badger.WriteBatch) error) error {
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	err := b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		return t.each([]byte{storage.NSUser}, true, false, func(_, v []byte) (bool, error) {
			u, err := storage.DecodeUser(v)
			if err == nil {
				err = fn(t, u, wb)
			}
			return err == nil, err
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// buildSortIndex is schema step 6: it writes the display-name order index
// (storage.NSIdxSort) of every user. It runs in batches and is safe to run
// again: an entry already there is written again, unchanged.
func buildSortIndex(b *Badger) error {
	return writeForEachUser(b, func(_ *tx, u *storage.User, wb *badger.WriteBatch) error {
		return wb.Set(storage.SortKey(u), nil)
	})
}

// caseSearchWords is schema step 8 (storage.SchemaWordUPNCase): every
// search-word entry (storage.NSIdxWord) of a user whose UPN is not all
// lower case is written again with the UPN as stored, which completion
// then shows without reading the user (SearchUserNames). It runs in
// batches and is safe to run again: an entry already rewritten is
// written again, unchanged.
func caseSearchWords(b *Badger) error {
	return writeForEachUser(b, func(_ *tx, u *storage.User, wb *badger.WriteBatch) error {
		if u.UserPrincipalName == storage.LowerUPN(u.UserPrincipalName) {
			return nil
		}
		for _, e := range storage.UserIndexParts(u, storage.IndexNames) {
			if e.Key[0] == storage.NSIdxWord {
				if err := wb.Set(e.Key, e.Val); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
