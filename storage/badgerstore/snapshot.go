package badgerstore

// Snapshots of a Badger store. The envelope (magic line, header, chunks,
// checksum) is storage's (storage.WriteSnapshot, storage.ReadSnapshot);
// the payload is Badger's backup format — a sequence of u64le(size) +
// protobuf pb.KVList — so `badger restore` could read it, but it is
// written from ONE read transaction of csshell's own, not by DB.Backup: in
// Badger v4 DB.Backup streams key ranges from several goroutines, each
// with its own read transaction opened at its own time, so under
// concurrent commits it is not a consistent view. One transaction is, and
// the header (schema version, tenant) comes from the same one.

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"

	"github.com/csshell/csshell/storage"
)

const (
	snapshotListBytes = 1 << 20 // KVList size written
	snapshotListMax   = 1 << 30 // largest KVList accepted
)

// KeyID identifies the store's secret without revealing it.
func (b *Badger) KeyID() string { return keyID(b.secret) }

// keyID is an HMAC of a constant under the secret.
func keyID(secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("csshell snapshot key id v1"))
	return hex.EncodeToString(m.Sum(nil)[:8])
}

// snapshotMACKey is the key of the snapshots' HMAC (storage/snapshot.go),
// derived from the secret so that it is used for nothing else.
func snapshotMACKey(secret []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("csshell snapshot mac v1"))
	return m.Sum(nil)
}

// errChangeInProgress refuses a snapshot of a store a reset or restore is
// replacing (its marker is set): it would hold half of it.
var errChangeInProgress = errors.New("storage: a reset or restore of the tenant is in progress; checkpoint it once that has finished")

// Snapshot writes a consistent snapshot of the whole tenant to w, while
// the store stays in use: it reads one Badger read transaction, so it
// holds exactly the changes committed before it started, each whole.
// Commits go on meanwhile (they are neither blocked nor included).
// Deferred commits are included: the caller runs its durability barrier
// before the snapshot leaves the session.
func (b *Badger) Snapshot(w io.Writer) error {
	b.endGroup()
	return b.viewDB(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		if busy, err := t.has(storage.PendingKey()); err != nil || busy {
			return errors.Join(err, errChangeInProgress)
		}
		hdr, err := b.snapshotHeader(t)
		if err != nil {
			return err
		}
		return writeSnapshot(w, hdr, snapshotMACKey(b.secret), func(kvs func(*pb.KV) error) error {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				item := it.Item()
				val, err := item.ValueCopy(nil)
				if err != nil {
					return err
				}
				kv := &pb.KV{Key: item.KeyCopy(nil), Value: val, Version: item.Version(), ExpiresAt: item.ExpiresAt()}
				if um := item.UserMeta(); um != 0 {
					kv.UserMeta = []byte{um}
				}
				if err := kvs(kv); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// snapshotHeader describes the state t reads.
func (b *Badger) snapshotHeader(t *tx) (*storage.SnapshotHeader, error) {
	schema, err := t.getU64(storage.SchemaKey())
	if err != nil {
		return nil, err
	}
	tn, err := t.Tenant()
	if err != nil {
		return nil, fmt.Errorf("storage: snapshot: reading the tenant: %w", err)
	}
	n, err := t.CountUsers()
	if err != nil {
		return nil, err
	}
	return &storage.SnapshotHeader{Format: storage.SnapshotFormat, Schema: int(schema), TenantID: tn.ID, TenantName: tn.Name,
		Created: b.Now().Truncate(time.Second), Users: n, KeyID: b.KeyID()}, nil
}

// writeSnapshot writes a snapshot whose payload body emits one KV at a
// time, grouped in KVLists of about snapshotListBytes, authenticated
// under macKey.
func writeSnapshot(w io.Writer, hdr *storage.SnapshotHeader, macKey []byte, body func(kv func(*pb.KV) error) error) error {
	return storage.WriteAuthenticatedSnapshot(w, hdr, macKey, func(payload io.Writer) error {
		list := &pb.KVList{}
		size := 0
		flush := func() error {
			if len(list.Kv) == 0 {
				return nil
			}
			data, err := proto.Marshal(list)
			if err != nil {
				return err
			}
			var n [8]byte
			binary.LittleEndian.PutUint64(n[:], uint64(len(data)))
			if _, err := payload.Write(n[:]); err != nil {
				return err
			}
			_, err = payload.Write(data)
			list.Kv, size = list.Kv[:0], 0
			return err
		}
		err := body(func(kv *pb.KV) error {
			list.Kv = append(list.Kv, kv)
			size += len(kv.Key) + len(kv.Value) + 16
			if size >= snapshotListBytes {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		return err
	})
}
