package badgerstore

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// Badger is a storage.Store kept in a Badger database, on disk (Open) or in
// memory (OpenInMemory).
type Badger struct {
	db *badger.DB
	// gate lets readers that do not hold mu use db while a streamed
	// reset may replace it (reopen.go).
	gate   readGate
	dir    string
	secret []byte
	// mu serialises Update: transactions never conflict, and counters
	// (mail and audit sequence numbers) need no retry loop.
	mu sync.Mutex
	// dirty is set by UpdateDeferred until the next sync.
	dirty bool
	// vlogSizes are the value log sizes at the last sync: a log that did
	// not grow needs no fsync.
	vlogSizes map[string]int64
	// logNames are the log files at the last sync: a new one means the
	// directory is fsynced too.
	logNames []string
	// users caches decoded user records (usercache.go).
	users userCache
	// now is the store's clock (Options.Now).
	now func() time.Time
	// roomCredit is how many more commits may run before the free disk
	// space is measured again (roomForCommit).
	roomCredit int
	// gmu guards open, the group whose transaction holds uncommitted
	// changes (group.go); running is the group whose fn runs, if any.
	gmu     sync.Mutex
	open    *openGroup
	running atomic.Pointer[Group]
}

var (
	_ storage.Store         = (*Badger)(nil)
	_ storage.Snapshotter   = (*Badger)(nil)
	_ storage.BulkResetter  = (*Badger)(nil)
	_ storage.BulkUserAdder = (*Badger)(nil)
)

// start brings a just-opened store up to date: schema migrations, an
// interrupted reset finished, then the demo tenant seeded when the store
// is empty.
func start(b *Badger) (*Badger, error) {
	err := b.migrate()
	if err == nil {
		err = b.finishPendingReset()
	}
	if err == nil {
		err = b.seedIfEmpty()
	}
	if err != nil {
		b.db.Close()
		return nil, err
	}
	return b, nil
}

// seedIfEmpty seeds the demo tenant into a store that holds nothing but
// its schema version (a new store, or one emptied by DeleteAll). A store
// with records but no tenant record is damaged, never re-seeded: seeding
// would mix the demo tenant into what is left.
func (b *Badger) seedIfEmpty() error {
	return b.Update(func(w storage.Writer) error {
		if _, err := w.Tenant(); !errors.Is(err, storage.ErrNotFound) {
			return err
		}
		other := false
		err := w.(*tx).each(nil, false, false, func(k, _ []byte) (bool, error) {
			other = !bytes.Equal(k, storage.SchemaKey())
			return !other, nil
		})
		if err != nil {
			return err
		}
		if other {
			return &storage.DamagedError{Dir: b.storeDir(), Problem: "it holds records but no tenant record"}
		}
		return storage.SeedDemo(w)
	})
}

// storeDir names the store in errors: its directory, or "(in memory)".
func (b *Badger) storeDir() string {
	if b.dir == "" {
		return "(in memory)"
	}
	return b.dir
}

// Now is the store's clock (Options.Now), in UTC.
func (b *Badger) Now() time.Time { return b.now().UTC() }

// View runs fn in a read-only transaction.
func (b *Badger) View(fn func(r storage.Reader) error) (err error) {
	defer b.recoverBadger("reading", &err)
	b.endGroup()
	return b.viewDB(func(txn *badger.Txn) error { return fn(&tx{b: b, txn: txn}) })
}

// Update runs fn in one read-write transaction, commits it and syncs it:
// the commit is on disk when Update returns nil. When fn returns an error
// nothing is changed. Updates run one at a time; fn must not call Update
// itself.
func (b *Badger) Update(fn func(w storage.Writer) error) (err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	defer b.recoverBadger("writing", &err)
	b.endGroupMu()
	if err := b.commit(fn); err != nil {
		return err
	}
	return b.syncLocked()
}

// UpdateDeferred commits like Update but leaves the sync to the next
// Sync, Update or Close (group commit).
func (b *Badger) UpdateDeferred(fn func(w storage.Writer) error) (err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	defer b.recoverBadger("writing", &err)
	b.endGroupMu()
	if err := b.commit(fn); err != nil {
		return err
	}
	b.dirty = true
	return nil
}

// Sync makes the deferred commits durable.
func (b *Badger) Sync() (err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	defer b.recoverBadger("syncing", &err)
	b.endGroupMu()
	if !b.dirty {
		return nil
	}
	return b.syncLocked()
}

// commit runs fn in one transaction and commits it (not synced), once the
// disk has room for it (space.go) and unless a reset or restore that failed
// midway waits for the next Open (checkNotHalfDone).
func (b *Badger) commit(fn func(w storage.Writer) error) error {
	if err := b.checkNotHalfDone(); err != nil {
		return err
	}
	if err := b.roomForCommit(); err != nil {
		return err
	}
	err := b.db.Update(func(txn *badger.Txn) error { return fn(&tx{b: b, txn: txn}) })
	if errors.Is(err, badger.ErrTxnTooBig) && !errors.Is(err, storage.ErrTooBig) {
		return fmt.Errorf("%w: %w", storage.ErrTooBig, err)
	}
	return err
}

// Dir is the store's directory, "" for an in-memory store.
func (b *Badger) Dir() string { return b.dir }

// Close syncs pending commits and releases the store and its directory
// lock. Badger's close writes the memtable out as a table through a
// memory map; on a disk without room for it that would kill the process
// with SIGBUS, so then Close leaves Badger as it is and returns a
// *storage.NoSpaceError: every commit is already durable in the logs, the
// next open replays them, and the lock goes with the process.
func (b *Badger) Close() (err error) {
	defer b.recoverBadger("closing", &err)
	serr := b.Sync()
	if err := roomToClose(b.dir); err != nil {
		return err
	}
	if err := b.db.Close(); err != nil {
		return err
	}
	return serr
}
