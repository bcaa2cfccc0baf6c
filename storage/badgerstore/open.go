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
// tenant store in dir, and its secret key file storage.KeyFile(dir). The
// directory is named by its canonical path (storage.CanonicalDir), so one
// store has one key file however its path is spelled.
//
// Only a new or empty store is seeded with the demo tenant. A store that
// holds data is opened only when nothing about it is lost or mistaken, and
// refused, with every file left as it was, otherwise: damaged files give a
// *storage.DamagedError (see preflight.go), a missing or mismatched key
// file a *storage.KeyFileError (no new key is made for a store with data),
// too little free disk space a *storage.NoSpaceError. Another process
// holding the store gives a *storage.InUseError; a store written by a
// newer csshell, or a directory that is not a csshell store, a
// *storage.SchemaError. Each error is one line, fit to print as it is.
func (o Options) Open(dir string) (*Badger, error) {
	if dir == "" {
		return nil, errors.New("storage: no tenant directory given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("storage: creating the tenant directory: %w", err)
	}
	dir, err := storage.CanonicalDir(dir)
	if err != nil {
		return nil, err
	}
	watchTableResidency() // before the preflight, which reads every new table
	secret, stamp, keyMissing, err := inspect(dir)
	if err != nil {
		return nil, err
	}
	db, err := openBadger(dir)
	if err != nil {
		if isLockError(err) {
			return nil, &storage.InUseError{Dir: dir}
		}
		return nil, fmt.Errorf("storage: opening the tenant store '%s': %s", dir, firstLine(err.Error()))
	}
	b := &Badger{db: db, dir: dir, secret: secret, now: o.clock()}
	if keyMissing {
		// A directory that is not a csshell store, or one from a newer
		// csshell, says so; a csshell store wants its own key file back.
		_, err := b.readSchema()
		db.Close()
		if err == nil {
			err = &storage.KeyFileError{Dir: dir, KeyFile: storage.KeyFile(dir), Missing: true}
		}
		return nil, err
	}
	if stamp {
		if err := b.keyOpensMail(); err != nil {
			db.Close()
			return nil, err
		}
	}
	// A streamed reset killed after it emptied the store left what it
	// keeps beside it (stream_keep.go): back before anything reads.
	if err := b.restoreStreamKeep(); err != nil {
		db.Close()
		return nil, err
	}
	if b, err = start(b); err != nil {
		return nil, err
	}
	if stamp {
		if err := writeKeyIDFile(dir, keyID(secret)); err != nil {
			b.Close()
			return nil, err
		}
	}
	return b, nil
}

// inspect checks dir before Badger opens it, under the directory's lock
// so that it never reads (or tidies) the files of a store another process
// is writing: the preflight (damage), the free space, the key file
// (loaded; made only for a store without data) and its fingerprint, then
// every table block by block (verifyTables). stamp reports a store without
// a fingerprint; keyMissing a store with data whose key file is gone (then
// Open tells a foreign store from a csshell one before refusing).
func inspect(dir string) (secret []byte, stamp, keyMissing bool, err error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return nil, false, false, err
	}
	defer unlock()
	st, err := preflight(dir)
	if err != nil {
		return nil, false, false, err
	}
	if err := checkRoom(dir); err != nil {
		return nil, false, false, err
	}
	secret, err = loadSecret(storage.KeyFile(dir), !st.hasData)
	keyMissing = errors.Is(err, errNoKeyFile)
	if err != nil && !keyMissing {
		return nil, false, false, err
	}
	if !keyMissing {
		if stamp, err = checkKeyIDFile(dir, secret); err != nil {
			return nil, false, false, err
		}
	}
	if err := verifyTables(dir, st.tables, secret); err != nil {
		return nil, false, false, err
	}
	return secret, stamp, keyMissing, nil
}

// openBadger opens the Badger database in dir ("" in memory), turning a
// panic inside Badger into an error.
func openBadger(dir string) (db *badger.DB, err error) {
	return openBadgerWith(badgerOptions(dir))
}

// openBadgerWith opens the Badger database opt names, turning a panic
// inside Badger into an error.
func openBadgerWith(opt badger.Options) (db *badger.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, &storage.DamagedError{Dir: opt.Dir, Problem: "Badger failed opening it: " + firstLine(fmt.Sprint(r))}
		}
	}()
	return badger.Open(opt)
}

// OpenInMemory opens a throwaway store, seeded with the demo tenant, whose
// secret lives in memory only. Nothing survives Close.
func (o Options) OpenInMemory() (*Badger, error) {
	db, err := openBadger("")
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
