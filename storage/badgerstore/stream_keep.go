package badgerstore

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/internal/atomicfile"
	"github.com/csshell/csshell/storage"
)

// A streamed reset writes its tables into the tree's last level only when
// the tree is empty (Badger's StreamWriter puts them one level above the
// highest level holding a table, and moving them down rewrote the whole
// tenant). So the stream empties the store first (Badger's DropAll) and
// streams the records the reset keeps — the tenant, its settings, the
// administrators, the pending-reset marker — along with the synthetic
// users. Between the drop and the stream's last table the store on disk
// holds none of them: the keep file, written and synced beside the tables
// before the drop, holds them meanwhile. When Open finds it, it writes
// them back (restoreStreamKeep) before anything else reads the store,
// and the pending reset is done again from the start. The stream removes
// the file once its tables, the kept records among them, are all in the
// MANIFEST.

// streamKeepName is the keep file's name in the store directory. It holds
// PIN hashes: mode 0600, inside the store's own directory.
const streamKeepName = "csshell-stream-keep"

// streamKeepMagic starts a keep file; a SHA-256 of everything before it
// ends it.
const streamKeepMagic = "csshell stream keep v1\n"

// streamKeepMaxBytes bounds the records a stream keeps in memory and in
// the keep file; a store keeping more streams above its tree (streamAbove).
// A variable for tests.
var streamKeepMaxBytes = 64 << 20

// keptEntry is one record the reset keeps.
type keptEntry struct{ key, val []byte }

// liveEntries returns every record of the store, with ok false when one
// carries Badger metadata (user meta, an expiry) the stream would lose or
// they take more than streamKeepMaxBytes.
func (b *Badger) liveEntries() (kept []keptEntry, ok bool, err error) {
	size := 0
	err = b.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.DefaultIteratorOptions)
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			if item.UserMeta() != 0 || item.ExpiresAt() != 0 {
				return errNotWhole
			}
			val, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			kept = append(kept, keptEntry{item.KeyCopy(nil), val})
			if size += len(item.Key()) + len(val); size > streamKeepMaxBytes {
				return errNotWhole
			}
		}
		return nil
	})
	if errors.Is(err, errNotWhole) {
		return nil, false, nil
	}
	return kept, err == nil, err
}

// errNotWhole stops liveEntries when the store cannot be streamed whole.
var errNotWhole = errors.New("not streamable whole")

// writeStreamKeep writes the keep file, durably.
func writeStreamKeep(dir string, kept []keptEntry) error {
	data := []byte(streamKeepMagic)
	for _, e := range kept {
		data = binary.AppendUvarint(data, uint64(len(e.key)))
		data = binary.AppendUvarint(data, uint64(len(e.val)))
		data = append(append(data, e.key...), e.val...)
	}
	sum := sha256.Sum256(data)
	return atomicfile.WriteFile(filepath.Join(dir, streamKeepName), append(data, sum[:]...), 0o600)
}

// readStreamKeep reads the keep file; ok is false when there is none. A
// file that does not check out is an error.
func readStreamKeep(dir string) (kept []keptEntry, ok bool, err error) {
	data, err := os.ReadFile(filepath.Join(dir, streamKeepName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	damaged := fmt.Errorf("its stream keep file %s is damaged", streamKeepName)
	if len(data) < len(streamKeepMagic)+sha256.Size || !bytes.HasPrefix(data, []byte(streamKeepMagic)) {
		return nil, false, damaged
	}
	body := data[:len(data)-sha256.Size]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], data[len(body):]) {
		return nil, false, damaged
	}
	for d := body[len(streamKeepMagic):]; len(d) > 0; {
		kl, n1 := binary.Uvarint(d)
		if n1 <= 0 {
			return nil, false, damaged
		}
		vl, n2 := binary.Uvarint(d[n1:])
		if n2 <= 0 || uint64(len(d)-n1-n2) < kl+vl {
			return nil, false, damaged
		}
		d = d[n1+n2:]
		kept = append(kept, keptEntry{d[:kl], d[kl : kl+vl]})
		d = d[kl+vl:]
	}
	return kept, true, nil
}

// removeStreamKeep removes the keep file (durably) once the stream's
// tables are in the MANIFEST, or no reset is pending.
func removeStreamKeep(dir string) error {
	err := os.Remove(filepath.Join(dir, streamKeepName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return atomicfile.SyncDir(dir)
}

// restoreStreamKeep writes back, durably, the records a streamed reset
// kept, when a kill interrupted it (the keep file is there): over a store
// the stream had emptied, or had begun to fill, they are the tenant again
// with its pending reset, which start then does again; over a store the
// stream had not reached yet, they are what it already holds. The file
// stays until that reset's own stream is in the MANIFEST.
func (b *Badger) restoreStreamKeep() error {
	kept, ok, err := readStreamKeep(b.dir)
	if err != nil {
		return &storage.DamagedError{Dir: b.dir, Problem: err.Error()}
	}
	if !ok {
		return nil
	}
	wb := b.db.NewWriteBatch()
	defer wb.Cancel()
	for _, e := range kept {
		if err := wb.Set(e.key, e.val); err != nil {
			return fmt.Errorf("storage: restoring the records of an interrupted reset: %w", err)
		}
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("storage: restoring the records of an interrupted reset: %w", err)
	}
	return b.db.Sync()
}
