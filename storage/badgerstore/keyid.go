package badgerstore

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/csshell/csshell/internal/atomicfile"
	"github.com/csshell/csshell/storage"
)

// The store's key fingerprint. The tenant key file lives beside the
// store's directory, and a store's PIN hashes and sealed mail are useless
// under any other key; so the directory keeps the fingerprint (KeyID: a
// keyed hash that reveals nothing of the key) of the key its data was
// written with, in the file KEYID (mode 0600). Open compares it with the
// key file before anything is read or written and refuses a key file that
// does not match (*storage.KeyFileError), instead of letting every PIN
// fail. A store without the file (made before fingerprints) gets it from
// the key file it opens with, once its newest mail opens with that key
// (keyOpensMail). It is kept outside the Badger data so that
// snapshots and the conformance of the tenant's records are untouched;
// a restore of a snapshot made under another key (SnapshotHeader.KeyID)
// records that key's fingerprint with noteDataKeyID.
const keyIDFile = "KEYID"

// checkKeyIDFile compares the directory's fingerprint with secret's:
// stamp reports a directory without one.
func checkKeyIDFile(dir string, secret []byte) (stamp bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, keyIDFile))
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("storage: reading the store's key fingerprint: %w", err)
	}
	if string(bytes.TrimSpace(data)) != keyID(secret) {
		return false, &storage.KeyFileError{Dir: dir, KeyFile: storage.KeyFile(dir)}
	}
	return false, nil
}

// writeKeyIDFile records id as the fingerprint of the key the store's
// data is written with.
func writeKeyIDFile(dir, id string) error {
	if err := atomicfile.WriteFile(filepath.Join(dir, keyIDFile), []byte(id+"\n"), 0o600); err != nil {
		return fmt.Errorf("storage: writing the store's key fingerprint: %w", err)
	}
	return nil
}

// noteDataKeyID records that the store's data is now written with the key
// whose fingerprint is id (a restore of a snapshot taken under another key
// file, SnapshotHeader.KeyID): the next Open then wants that key file.
func (b *Badger) noteDataKeyID(id string) error {
	if b.dir == "" || id == "" {
		return nil
	}
	return writeKeyIDFile(b.dir, id)
}

// keyOpensMail checks, for a store without a fingerprint yet, that the
// key file is the one its data was written with, where the data can tell:
// the newest mail's sealed body must open with it. A store without mail
// cannot tell, and is trusted.
func (b *Badger) keyOpensMail() error {
	return b.View(func(r storage.Reader) error {
		var sealed []byte
		err := r.(*tx).each([]byte{storage.NSMail}, true, true, func(_, v []byte) (bool, error) {
			sm := new(storedMail)
			if err := decode(v, sm); err != nil {
				return false, err
			}
			sealed = sm.Sealed
			return false, nil
		})
		if err != nil || sealed == nil {
			return err
		}
		if _, err := openBody(b.secret, sealed); err != nil {
			return &storage.KeyFileError{Dir: b.dir, KeyFile: storage.KeyFile(b.dir)}
		}
		return nil
	})
}
