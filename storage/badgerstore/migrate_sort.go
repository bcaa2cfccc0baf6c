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
