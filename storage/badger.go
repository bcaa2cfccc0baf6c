package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	badger "github.com/dgraph-io/badger/v4"
)

// Badger is a Store kept in a Badger database, on disk (Open) or in memory
// (OpenInMemory).
type Badger struct {
	db     *badger.DB
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
	// users caches decoded user records (usercache.go).
	users userCache
}

var _ Store = (*Badger)(nil)

// DefaultDir is the default tenant directory:
// $XDG_DATA_HOME/csshell/tenants/contoso, or
// $HOME/.local/share/csshell/tenants/contoso when XDG_DATA_HOME is unset or
// not absolute (as the XDG base-directory specification asks).
func DefaultDir(getenv func(string) string) string {
	base := getenv("XDG_DATA_HOME")
	if base == "" || !filepath.IsAbs(base) {
		base = filepath.Join(getenv("HOME"), ".local", "share")
	}
	return filepath.Join(base, "csshell", "tenants", "contoso")
}

// Open opens (creating it, mode 0700, with its parents, when missing) the
// tenant store in dir, and its secret key file KeyFile(dir). A new or empty
// store is seeded with the demo tenant. When another process holds the
// store, the error is an *InUseError; a store written by a newer csshell,
// or a directory that is not a csshell store, gives a *SchemaError.
func Open(dir string) (*Badger, error) {
	if dir == "" {
		return nil, errors.New("storage: no tenant directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("storage: creating the tenant directory: %w", err)
	}
	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		if isLockError(err) {
			return nil, &InUseError{Dir: dir}
		}
		return nil, fmt.Errorf("storage: opening the tenant store '%s': %w", dir, err)
	}
	secret, err := loadSecret(KeyFile(dir))
	if err != nil {
		db.Close()
		return nil, err
	}
	return start(&Badger{db: db, dir: dir, secret: secret})
}

// OpenInMemory opens a throwaway store, seeded with the demo tenant, whose
// secret lives in memory only. Nothing survives Close.
func OpenInMemory() (*Badger, error) {
	db, err := badger.Open(badgerOptions(""))
	if err != nil {
		return nil, fmt.Errorf("storage: opening an in-memory store: %w", err)
	}
	secret, err := newSecret()
	if err != nil {
		db.Close()
		return nil, err
	}
	return start(&Badger{db: db, secret: secret})
}

// start brings a just-opened store up to date: schema migrations, an
// interrupted reset finished, the demo tenant seeded when empty.
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

// seedIfEmpty seeds the demo tenant when the store has no tenant record
// (a new store, or one emptied by DeleteAll).
func (b *Badger) seedIfEmpty() error { return b.Update(SeedIfEmpty) }

// View runs fn in a read-only transaction.
func (b *Badger) View(fn func(r Reader) error) error {
	return b.db.View(func(txn *badger.Txn) error { return fn(&tx{b: b, txn: txn}) })
}

// Update runs fn in one read-write transaction, commits it and syncs it:
// the commit is on disk when Update returns nil. When fn returns an error
// nothing is changed. Updates run one at a time; fn must not call Update
// itself.
func (b *Badger) Update(fn func(w Writer) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.commit(fn); err != nil {
		return err
	}
	return b.syncLocked()
}

// UpdateDeferred commits like Update but leaves the sync to the next
// Sync, Update or Close (group commit).
func (b *Badger) UpdateDeferred(fn func(w Writer) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.commit(fn); err != nil {
		return err
	}
	b.dirty = true
	return nil
}

// Sync makes the deferred commits durable.
func (b *Badger) Sync() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.dirty {
		return nil
	}
	return b.syncLocked()
}

// commit runs fn in one transaction and commits it (not synced).
func (b *Badger) commit(fn func(w Writer) error) error {
	err := b.db.Update(func(txn *badger.Txn) error { return fn(&tx{b: b, txn: txn, now: time.Now}) })
	if errors.Is(err, badger.ErrTxnTooBig) && !errors.Is(err, ErrTooBig) {
		return fmt.Errorf("%w: %w", ErrTooBig, err)
	}
	return err
}

// syncLocked puts every committed write on disk by fsyncing the
// memtables' write-ahead logs (*.mem) — the active one and any that filled
// up since the last sync and are not flushed yet — and any value log file
// (*.vlog, for values above the value threshold) that grew since the last
// sync.
func (b *Badger) syncLocked() error {
	if b.dir != "" {
		if err := b.syncLogs(); err != nil {
			return err
		}
	}
	b.dirty = false
	return nil
}

// syncLogs fsyncs the log files of the store's directory. fsync acts on
// the file, whichever descriptor asks, so this covers the logs Badger
// holds open.
func (b *Badger) syncLogs() error {
	mems, err := filepath.Glob(filepath.Join(b.dir, "*.mem"))
	if err != nil {
		return err
	}
	vlogs, err := filepath.Glob(filepath.Join(b.dir, "*.vlog"))
	if err != nil {
		return err
	}
	if b.vlogSizes == nil {
		b.vlogSizes = map[string]int64{}
	}
	for _, name := range vlogs {
		st, err := os.Stat(name)
		if err != nil {
			continue
		}
		if b.vlogSizes[name] != st.Size() {
			mems = append(mems, name)
			b.vlogSizes[name] = st.Size()
		}
	}
	for _, name := range mems {
		if err := fsyncFile(name); err != nil {
			return err
		}
	}
	return nil
}

// fsyncFile fsyncs one file; a file removed meanwhile (a flushed memtable
// log) is fine.
func fsyncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	serr := f.Sync()
	cerr := f.Close()
	if serr != nil {
		return serr
	}
	return cerr
}

// Dir is the store's directory, "" for an in-memory store.
func (b *Badger) Dir() string { return b.dir }

// Close syncs pending commits and releases the store and its directory
// lock.
func (b *Badger) Close() error {
	serr := b.Sync()
	if err := b.db.Close(); err != nil {
		return err
	}
	return serr
}
