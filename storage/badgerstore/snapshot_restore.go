package badgerstore

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// resetRestore is the pending-reset marker a restore leaves while it
// replaces the store's keys. Open does not know it, so a store whose
// restore was interrupted by a crash refuses to open (it never opens half
// restored, nor silently re-seeded with the demo tenant): delete the
// tenant directory, keep its key file, and restore the snapshot again.
const resetRestore = "restore"

// Restore replaces the whole tenant by the snapshot read from r. The
// snapshot is read to its end and checked first — magic line, header,
// schema (a newer one is refused), checksum, and contents (the schema
// version and tenant record it must hold) — so a file that is not a
// snapshot, is from a newer csshell, or is truncated or damaged is refused
// with a *SnapshotError and changes nothing. Then, with Updates held off,
// every key is replaced by the snapshot's, durably, and the schema
// migrations run when the snapshot is older than this csshell.
//
// The tenant secret is not in the snapshot: PINs and mail bodies restored
// into the store they were taken from (or one given a copy of its key
// file) work; elsewhere they do not (compare SnapshotHeader.KeyID with
// KeyID).
func (b *Badger) Restore(r io.Reader) error {
	hdr, spool, err := spoolSnapshot(r)
	if err != nil {
		return err
	}
	defer func() {
		spool.Close()
		os.Remove(spool.Name())
	}()
	if err := checkPayload(spool, hdr); err != nil {
		return err
	}
	if err := b.replaceAll(spool); err != nil {
		return err
	}
	return b.migrate()
}

// spoolSnapshot reads and checks the whole snapshot (storage.ReadSnapshot),
// copying the payload to a temporary file, rewound for reading.
func spoolSnapshot(r io.Reader) (*storage.SnapshotHeader, *os.File, error) {
	f, err := os.CreateTemp("", "csshell-restore-*")
	if err != nil {
		return nil, nil, fmt.Errorf("storage: restoring a snapshot: %w", err)
	}
	fail := func(err error) (*storage.SnapshotHeader, *os.File, error) {
		f.Close()
		os.Remove(f.Name())
		return nil, nil, err
	}
	out := bufio.NewWriterSize(f, 64<<10)
	hdr, err := storage.ReadSnapshot(r, out)
	if err != nil {
		return fail(err)
	}
	if err := out.Flush(); err != nil {
		return fail(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fail(err)
	}
	return hdr, f, nil
}

// eachSnapshotKV calls fn for every key-value of a spooled payload (a
// Badger backup stream).
func eachSnapshotKV(f *os.File, fn func(kv *pb.KV) error) error {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	br := bufio.NewReaderSize(f, 256<<10)
	var buf []byte
	for {
		var n [8]byte
		if _, err := io.ReadFull(br, n[:]); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return storage.DamagedSnapshot("its key list is cut short")
		}
		size := binary.LittleEndian.Uint64(n[:])
		if size > snapshotListMax {
			return storage.DamagedSnapshot("a key list has an impossible length")
		}
		if uint64(cap(buf)) < size {
			buf = make([]byte, size)
		}
		if _, err := io.ReadFull(br, buf[:size]); err != nil {
			return storage.DamagedSnapshot("its key list is cut short")
		}
		list := &pb.KVList{}
		if err := proto.Unmarshal(buf[:size], list); err != nil {
			return storage.DamagedSnapshot("a key list cannot be decoded")
		}
		for _, kv := range list.Kv {
			if err := fn(kv); err != nil {
				return err
			}
		}
	}
}

// checkPayload checks that the payload is the tenant the header
// describes: the schema version, the tenant record, the user count.
func checkPayload(f *os.File, hdr *storage.SnapshotHeader) error {
	var schema uint64
	var tenant *storage.Tenant
	users := 0
	err := eachSnapshotKV(f, func(kv *pb.KV) error {
		switch {
		case bytes.Equal(kv.Key, storage.SchemaKey()):
			if len(kv.Value) != 8 {
				return storage.DamagedSnapshot("its schema version is unreadable")
			}
			schema = binary.BigEndian.Uint64(kv.Value)
		case bytes.Equal(kv.Key, storage.TenantKey()):
			tenant = new(storage.Tenant)
			if err := decode(kv.Value, tenant); err != nil {
				return storage.DamagedSnapshot("its tenant record is unreadable")
			}
		case len(kv.Key) > 0 && kv.Key[0] == storage.NSUser:
			users++
		}
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case schema != uint64(hdr.Schema):
		return storage.DamagedSnapshot("its contents are not at the schema version its header names")
	case tenant == nil || tenant.ID != hdr.TenantID:
		return storage.DamagedSnapshot("its contents are not the tenant its header names")
	case users != hdr.Users:
		return storage.DamagedSnapshot("it holds %d users where its header says %d", users, hdr.Users)
	}
	return nil
}

// replaceAll replaces every key of the store by the payload's, with
// Updates held off: a durable marker first (see resetRestore), every key
// deleted, the payload written, then the marker cleared and everything
// synced. Badger's DropAll + Load is not used: DropAll leaves a window in
// which a crash gives an empty store that Open would seed with the demo
// tenant, and Load updates Badger's timestamp oracle without its lock
// while readers may be running. Writes through a WriteBatch get fresh
// versions, above the deletions.
func (b *Badger) replaceAll(f *os.File) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	err := b.db.Update(func(txn *badger.Txn) error { return txn.Set(storage.PendingKey(), []byte(resetRestore)) })
	if err == nil {
		err = b.syncLocked()
	}
	if err != nil {
		return fmt.Errorf("storage: restoring the snapshot: %w", err)
	}
	// From here on a failure leaves the store half restored (and refusing
	// to open until restored again).
	midway := func(err error) error {
		return fmt.Errorf("storage: restoring the snapshot failed midway, the tenant store is incomplete — restore the snapshot again: %w", err)
	}
	del := b.db.NewWriteBatch()
	defer del.Cancel()
	err = b.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if bytes.Equal(k, storage.PendingKey()) {
				continue
			}
			if err := del.Delete(append([]byte(nil), k...)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = del.Flush()
	}
	if err != nil {
		return midway(err)
	}
	set := b.db.NewWriteBatch()
	defer set.Cancel()
	err = eachSnapshotKV(f, func(kv *pb.KV) error {
		if bytes.Equal(kv.Key, storage.PendingKey()) {
			return nil
		}
		return set.Set(kv.Key, kv.Value)
	})
	if err == nil {
		err = set.Flush()
	}
	if err == nil {
		err = b.db.Update(func(txn *badger.Txn) error { return txn.Delete(storage.PendingKey()) })
	}
	if err == nil {
		err = b.syncLocked()
	}
	if err != nil {
		return midway(err)
	}
	return nil
}
