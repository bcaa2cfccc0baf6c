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
// refuses any change to that user until the address is changed too
// (schema step 7, markSharedMailboxes, marks such a store).
func buildSMTPIndex(b *Badger) error {
	claimed := map[string]bool{}
	return writeForEachUser(b, func(t *tx, u *storage.User, wb *badger.WriteBatch) error {
		if storage.LowerSMTP(u.PrimarySmtpAddress) == "" {
			return nil
		}
		k := storage.SMTPKey(u.PrimarySmtpAddress)
		if claimed[string(k)] {
			return nil
		}
		claimed[string(k)] = true
		if ok, err := t.has(k); err != nil || ok {
			return err
		}
		return wb.Set(k, []byte(u.ID))
	})
}

// markSharedMailboxes is schema step 7: it sets the counter
// storage.CounterSharedMailbox when a user's mailbox address is indexed
// for another user — what buildSMTPIndex leaves when two users shared an
// address. In a store without the mark every mailbox address is held by
// one user (PutUser has refused a taken one since the index exists), so
// a change that keeps a user's address need not look it up again
// (checkUnique); with the mark it always is, and the second holder's
// changes are refused until its address changes. The mark is never
// cleared but with the users (DeleteAll, a reset to the demo tenant).
// The scan reads every user and one index entry each, once, when a store
// from before version 7 is opened.
func markSharedMailboxes(t *tx) error {
	shared := false
	err := t.each([]byte{storage.NSUser}, true, false, func(_, v []byte) (bool, error) {
		u, err := storage.DecodeUser(v)
		if err != nil {
			return false, err
		}
		if storage.LowerSMTP(u.PrimarySmtpAddress) == "" {
			return true, nil
		}
		owner, ok, err := t.getRaw(storage.SMTPKey(u.PrimarySmtpAddress))
		shared = err == nil && ok && string(owner) != u.ID
		return err == nil && !shared, err
	})
	if err != nil || !shared {
		return err
	}
	return t.putU64(storage.CounterKey(storage.CounterSharedMailbox), 1)
}
