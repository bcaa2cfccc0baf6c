package badgerstore

import (
	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// buildSMTPIndex is schema step 2: it writes the mailbox-address index
// (storage.NSIdxSMTP) of every user. It runs in batches and is safe to run
// again: an entry already there is left alone. A store from before the
// index may hold an address two users share (nothing refused it then): the
// address is indexed for the first of them in object-id order, and the
// other keeps the record as it is — no data is changed — but PutUser
// refuses any change to that user until the address is changed too.
func buildSMTPIndex(b *Badger) error {
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	claimed := map[string]bool{}
	err := b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		return t.each([]byte{storage.NSUser}, true, false, func(_, v []byte) (bool, error) {
			var u storage.User
			if err := decode(v, &u); err != nil {
				return false, err
			}
			if storage.LowerSMTP(u.PrimarySmtpAddress) == "" {
				return true, nil
			}
			k := storage.SMTPKey(u.PrimarySmtpAddress)
			if claimed[string(k)] {
				return true, nil
			}
			claimed[string(k)] = true
			if ok, err := t.has(k); err != nil || ok {
				return err == nil, err
			}
			return true, wb.Set(k, []byte(u.ID))
		})
	})
	if err != nil {
		return err
	}
	return wb.Flush()
}
