package badgerstore

import (
	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// buildSortIndex is schema step 6: it writes the display-name order index
// (storage.NSIdxSort) of every user. It runs in batches and is safe to run
// again: an entry already there is written again, unchanged.
func buildSortIndex(b *Badger) error {
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	err := b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		return t.each([]byte{storage.NSUser}, true, false, func(_, v []byte) (bool, error) {
			var u storage.User
			if err := decode(v, &u); err != nil {
				return false, err
			}
			return true, wb.Set(storage.SortKey(&u), nil)
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}

// caseSearchWords is schema step 8 (storage.SchemaWordUPNCase): every
// search-word entry (storage.NSIdxWord) of a user whose UPN is not all
// lower case is written again with the UPN as stored, which completion
// then shows without reading the user (SearchUserNames). It runs in
// batches and is safe to run again: an entry already rewritten is
// written again, unchanged.
func caseSearchWords(b *Badger) error {
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	err := b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		return t.each([]byte{storage.NSUser}, true, false, func(_, v []byte) (bool, error) {
			u, err := storage.DecodeUser(v)
			if err != nil {
				return false, err
			}
			if u.UserPrincipalName == storage.LowerUPN(u.UserPrincipalName) {
				return true, nil
			}
			for _, e := range storage.UserIndexParts(u, storage.IndexNames) {
				if e.Key[0] == storage.NSIdxWord {
					if err := wb.Set(e.Key, e.Val); err != nil {
						return false, err
					}
				}
			}
			return true, nil
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
