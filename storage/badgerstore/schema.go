package badgerstore

import (
	"fmt"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// migration is one step of the store layout's history: it brings a store
// from version To-1 to To. Open applies, in order, every step above the
// stored version, each in its own transaction together with the new
// version number, so a crash leaves the store at the last completed step.
// A new store (no keys at all) runs no step: it is stamped with the newest
// version at once. Steps change the layout only; they never seed data
// (seeding is SeedIfEmpty's, after the migrations).
//
// A step too large for one transaction (rewriting every user) sets bulk:
// it runs first, in batches, and must be safe to run again; apply and the
// version number then commit together.
type migration struct {
	To    int
	Name  string
	bulk  func(b *Badger) error
	apply func(w *tx) error
}

// migrations is the layout history; its last step's To is
// storage.SchemaVersion. To add version 2: append {To: 2, Name: "…",
// apply: …}, raise storage.SchemaVersion and describe the layout in
// storage/keys.go.
var migrations = []migration{
	{To: 1, Name: "create"}, // the first layout: nothing to convert
	{To: 2, Name: "mailbox-address index", bulk: buildSMTPIndex},                                     // migrate_smtp.go
	{To: 3, Name: "meetings"},                                                                        // new record kinds only: nothing to convert
	{To: 4, Name: "audio conferencing policies"},                                                     // a new record kind (the automatic policies are built in)
	{To: 5, Name: "meeting policies and phone numbers"},                                              // a new record kind (the built-in policies are built in) and an index no user fills yet
	{To: 6, Name: "display-name order index", bulk: buildSortIndex},                                  // migrate_sort.go
	{To: 7, Name: "shared-mailbox mark", apply: markSharedMailboxes},                                 // migrate_smtp.go
	{To: storage.SchemaWordUPNCase, Name: "search words keep the UPN's case", bulk: caseSearchWords}, // migrate_sort.go
}

// supportedSchema is the version the migration list leads to.
func supportedSchema() int { return migrations[len(migrations)-1].To }

// storeName names the store in messages.
func (b *Badger) storeName() string {
	if b.dir == "" {
		return "the in-memory tenant store"
	}
	return "The tenant store '" + b.dir + "'"
}

// readSchema returns the stored version: 0 for a store with no keys at
// all, a *SchemaError for keys without a version (not a csshell store).
func (b *Badger) readSchema() (int, error) {
	var v uint64
	err := b.viewDB(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		var err error
		if v, err = t.getU64(storage.SchemaKey()); err != nil || v != 0 {
			return err
		}
		foreign := false
		err = t.each(nil, false, false, func(_, _ []byte) (bool, error) {
			foreign = true
			return false, nil
		})
		if err == nil && foreign {
			err = &storage.SchemaError{Found: 0, Supported: supportedSchema(),
				Msg: b.storeName() + " is not a csshell tenant store."}
		}
		return err
	})
	return int(v), err
}

// migrate applies the steps above the stored version; a new store is
// stamped with the newest version without running any.
func (b *Badger) migrate() error {
	v, err := b.readSchema()
	if err != nil {
		return err
	}
	if v == 0 {
		return b.Update(func(w storage.Writer) error {
			return w.(*tx).putU64(storage.SchemaKey(), uint64(supportedSchema()))
		})
	}
	if supported := supportedSchema(); v > supported {
		return &storage.SchemaError{Found: v, Supported: supported, Msg: fmt.Sprintf(
			"%s was written by a newer csshell (schema version %d; this csshell supports up to %d).",
			b.storeName(), v, supported)}
	}
	for _, m := range migrations {
		if m.To <= v {
			continue
		}
		if m.bulk != nil {
			if err := m.bulk(b); err != nil {
				return fmt.Errorf("storage: schema step %d (%s): %w", m.To, m.Name, err)
			}
		}
		err := b.Update(func(w storage.Writer) error {
			t := w.(*tx)
			if m.apply != nil {
				if err := m.apply(t); err != nil {
					return err
				}
			}
			return t.putU64(storage.SchemaKey(), uint64(m.To))
		})
		if err != nil {
			return fmt.Errorf("storage: schema step %d (%s): %w", m.To, m.Name, err)
		}
	}
	return nil
}
