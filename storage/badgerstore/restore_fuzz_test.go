package badgerstore

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// FuzzRestore restores crafted input into a demo tenant, three ways: the
// input as a whole file (Restore, and RestoreWith -AllowForeignSnapshot);
// the input as the payload of an intact foreign snapshot; and the tenant's
// own records with one of them changed, added or removed, as an intact
// foreign snapshot. Restore never panics; a refusal is a *SnapshotError
// and leaves every key and value as it was; only the store's own snapshot
// is accepted without -AllowForeignSnapshot; and whatever a foreign
// restore accepts keeps the tenant's invariants (CheckInvariants: indexes
// agree with records, a Global Administrator, unique addresses and
// conference IDs, counters past their logs).
func FuzzRestore(f *testing.F) {
	fz := restoreFuzzer(f)
	f.Add(uint8(0), uint16(0), []byte(nil), fz.good)
	f.Add(uint8(0), uint16(0), []byte(nil), fz.good[:len(fz.good)/2])
	f.Add(uint8(1), uint16(0), []byte(nil), fz.payload)
	f.Add(uint8(1), uint16(0), []byte(nil), fz.payload[:len(fz.payload)-3])
	for i, kv := range fz.kvs {
		switch kv.Key[0] {
		case storage.NSUser, storage.NSTenant, storage.NSSettings, storage.NSCounter, storage.NSIdxUPN, storage.NSBridge:
			f.Add(uint8(2), uint16(i), kv.Key, kv.Value) // change the value
			f.Add(uint8(3), uint16(i), append(bytes.Clone(kv.Key), 'x'), kv.Value)
			f.Add(uint8(5), uint16(i), []byte(nil), []byte(nil))
		}
	}
	f.Fuzz(func(t *testing.T, mode uint8, idx uint16, key, val []byte) {
		fuzzRestoreOne(t, fz, mode, idx, key, val)
	})
}

// fuzzRestoreOne is one input of FuzzRestore.
func fuzzRestoreOne(t *testing.T, fz *restoreFuzz, mode uint8, idx uint16, key, val []byte) {
	{
		if len(val) > 1<<20 || len(key) > 1<<10 {
			return
		}
		fz.mu.Lock()
		defer fz.mu.Unlock()
		var err error
		foreign := true
		switch mode % 6 {
		case 0: // a whole file, as given
			foreign = false
			err = fz.s.Restore(bytes.NewReader(val))
			if err == nil && !bytes.Equal(val, fz.good) {
				t.Fatalf("Restore accepted %d bytes that are not the store's own snapshot", len(val))
			}
			if err != nil {
				fz.unchanged(t, err)
				err = fz.s.RestoreWith(bytes.NewReader(val), storage.RestoreOptions{AllowForeign: true})
				foreign = true
			}
		case 1: // a payload in an intact foreign envelope
			err = fz.s.RestoreWith(bytes.NewReader(fz.foreign(t, val, fz.users)), storage.RestoreOptions{AllowForeign: true})
		default: // the tenant's own records, one changed
			kvs := append([]*pb.KV(nil), fz.kvs...)
			i := int(idx) % len(kvs)
			switch mode % 6 {
			case 2:
				kvs[i] = &pb.KV{Key: kvs[i].Key, Value: val, Version: kvs[i].Version}
			case 3:
				kvs[i] = &pb.KV{Key: key, Value: kvs[i].Value, Version: kvs[i].Version}
			case 4:
				kvs = append(kvs, &pb.KV{Key: key, Value: val, Version: 1})
			case 5:
				kvs = append(kvs[:i:i], kvs[i+1:]...)
			}
			users := 0
			for _, kv := range kvs {
				if len(kv.Key) > 0 && kv.Key[0] == storage.NSUser {
					users++
				}
			}
			err = fz.s.RestoreWith(bytes.NewReader(fz.foreign(t, restorePayload(t, kvs), users)), storage.RestoreOptions{AllowForeign: true})
		}
		if err != nil {
			fz.unchanged(t, err)
			return
		}
		if !foreign {
			return
		}
		// Accepted: the tenant must be whole.
		if err := fz.s.CheckInvariants(); err != nil {
			t.Fatalf("a foreign snapshot was restored and broke the tenant: %v", err)
		}
		// The next input starts from a fresh demo tenant (restoring the
		// demo into this one would grow it with every input).
		fz.s.Close()
		if err := fz.open(); err != nil {
			t.Fatal(err)
		}
	}
}

// restoreFuzz is FuzzRestore's store and material, one per process: the
// fuzz inputs share it, one at a time.
type restoreFuzz struct {
	mu      sync.Mutex
	s       *Badger
	good    []byte // the store's own (authenticated) snapshot
	hdr     storage.SnapshotHeader
	payload []byte            // its payload
	kvs     []*pb.KV          // its records
	users   int               // its user count
	dump    map[string]string // every key and value of the store
}

var restoreFuzzOnce struct {
	sync.Once
	fz  *restoreFuzz
	err error
}

// restoreFuzzer opens the in-memory demo store and takes its snapshot
// apart into the material of the inputs.
func restoreFuzzer(tb testing.TB) *restoreFuzz {
	restoreFuzzOnce.Do(func() {
		fz := &restoreFuzz{}
		if err := fz.open(); err != nil {
			restoreFuzzOnce.err = err
			return
		}
		var payload bytes.Buffer
		hdr, err := storage.ReadSnapshot(bytes.NewReader(fz.good), &payload)
		if err != nil {
			restoreFuzzOnce.err = err
			return
		}
		fz.hdr, fz.payload, fz.users = *hdr, payload.Bytes(), hdr.Users
		restoreFuzzOnce.err = eachSnapshotKV(bytes.NewReader(fz.payload), func(kv *pb.KV) error {
			fz.kvs = append(fz.kvs, proto.Clone(kv).(*pb.KV))
			return nil
		})
		restoreFuzzOnce.fz = fz
	})
	if restoreFuzzOnce.err != nil {
		tb.Fatal(restoreFuzzOnce.err)
	}
	return restoreFuzzOnce.fz
}

// open opens a fresh in-memory demo store (with a fixed clock) for the
// inputs, and takes its snapshot and its dump.
func (fz *restoreFuzz) open() error {
	clock := func() time.Time { return time.Date(2026, 11, 26, 9, 30, 0, 0, time.UTC) }
	b, err := Options{Now: clock}.OpenInMemory()
	if err != nil {
		return err
	}
	var snap bytes.Buffer
	if err := b.Snapshot(&snap); err != nil {
		b.Close()
		return err
	}
	dump := map[string]string{}
	err = b.View(func(r storage.Reader) error {
		return r.(*tx).each(nil, true, false, func(k, v []byte) (bool, error) {
			dump[string(k)] = string(v)
			return true, nil
		})
	})
	if err != nil {
		b.Close()
		return err
	}
	fz.s, fz.good, fz.dump = b, snap.Bytes(), dump
	return nil
}

// foreign wraps payload in an intact snapshot written under another key.
func (fz *restoreFuzz) foreign(t *testing.T, payload []byte, users int) []byte {
	hdr := fz.hdr
	hdr.Format, hdr.KeyID, hdr.Users = storage.SnapshotFormat, "another tenant's key", users
	var buf bytes.Buffer
	err := storage.WriteAuthenticatedSnapshot(&buf, &hdr, []byte("another tenant's key"), func(w io.Writer) error {
		_, err := w.Write(payload)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// unchanged fails t unless err is a snapshot refusal and the store is as
// it was.
func (fz *restoreFuzz) unchanged(t *testing.T, err error) {
	t.Helper()
	var se *storage.SnapshotError
	if !errors.As(err, &se) {
		t.Fatalf("refusal %T %v is not a *storage.SnapshotError", err, err)
	}
	if got := restoreFuzzDump(t, fz.s); !maps.Equal(got, fz.dump) {
		t.Fatalf("a refused restore (%v) changed the store: %d keys, was %d", err, len(got), len(fz.dump))
	}
}

// restorePayload is the snapshot payload of kvs (the framing of
// writeSnapshot: a little-endian u64 length, then a KVList).
func restorePayload(t *testing.T, kvs []*pb.KV) []byte {
	data, err := proto.Marshal(&pb.KVList{Kv: kvs})
	if err != nil {
		t.Fatal(err)
	}
	return append(binary.LittleEndian.AppendUint64(nil, uint64(len(data))), data...)
}

// restoreFuzzDump is every key and value of the store.
func restoreFuzzDump(tb testing.TB, s *Badger) map[string]string {
	tb.Helper()
	out := map[string]string{}
	err := s.View(func(r storage.Reader) error {
		return r.(*tx).each(nil, true, false, func(k, v []byte) (bool, error) {
			out[string(k)] = string(v)
			return true, nil
		})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}
