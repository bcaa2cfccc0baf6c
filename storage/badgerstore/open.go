package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
)

// Options configure a store; the zero value is the default.
type Options struct {
	// Now is the store's one clock: every time the store stamps — a PIN
	// hash's SetAt, synthetic users' Created and Modified, a snapshot's
	// Created — and what Writer.Now returns. nil means time.Now.
	Now func() time.Time
}

// Open opens the tenant store in dir with the default options (see
// Options.Open).
func Open(dir string) (*Badger, error) { return Options{}.Open(dir) }

// OpenInMemory opens a throwaway store with the default options (see
// Options.OpenInMemory).
func OpenInMemory() (*Badger, error) { return Options{}.OpenInMemory() }

// Open opens (creating it, mode 0700, with its parents, when missing) the
// tenant store in dir, and its secret key file storage.KeyFile(dir). A new
// or empty store is seeded with the demo tenant. When another process
// holds the store, the error is a *storage.InUseError; a store written by
// a newer csshell, or a directory that is not a csshell store, gives a
// *storage.SchemaError.
func (o Options) Open(dir string) (*Badger, error) {
	if dir == "" {
		return nil, errors.New("storage: no tenant directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("storage: creating the tenant directory: %w", err)
	}
	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		if isLockError(err) {
			return nil, &storage.InUseError{Dir: dir}
		}
		return nil, fmt.Errorf("storage: opening the tenant store '%s': %w", dir, err)
	}
	secret, err := loadSecret(storage.KeyFile(dir))
	if err != nil {
		db.Close()
		return nil, err
	}
	return start(&Badger{db: db, dir: dir, secret: secret, now: o.clock()})
}

// OpenInMemory opens a throwaway store, seeded with the demo tenant, whose
// secret lives in memory only. Nothing survives Close.
func (o Options) OpenInMemory() (*Badger, error) {
	db, err := badger.Open(badgerOptions(""))
	if err != nil {
		return nil, fmt.Errorf("storage: opening an in-memory store: %w", err)
	}
	secret, err := newSecret()
	if err != nil {
		db.Close()
		return nil, err
	}
	return start(&Badger{db: db, secret: secret, now: o.clock()})
}

// clock is Now, or time.Now when unset.
func (o Options) clock() func() time.Time {
	if o.Now != nil {
		return o.Now
	}
	return time.Now
}
