package badgerstore

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// A restore is all or nothing across crashes. The snapshot's payload is
// first copied (spooled) to <dir>.restore-spool beside the store — never
// to the system's temporary directory: it holds PIN hashes and sealed
// mail — mode 0600, and checked whole. Only then is it renamed to
// <dir>.restore and made durable, and the pending-reset marker
// "restore schema=N sha256=<hex of the payload>" written; the store's keys
// are replaced, and one transaction sets the snapshot's schema version and
// clears the marker. A crash after the marker is finished by the next
// Open from <dir>.restore (finishRestore); a crash before it leaves the
// tenant as it was. Open removes either file when no restore needs it.

// resetRestore is the first word of a restore's pending-reset marker.
const resetRestore = "restore"

// isRestoreMarker reports whether a pending-reset marker is a restore's.
func isRestoreMarker(v []byte) bool {
	return string(v) == resetRestore || strings.HasPrefix(string(v), resetRestore+" ")
}

// restoreMarker is the marker of a restore of a payload at schema version
// schema whose SHA-256 is sum, written under the key whose fingerprint is
// keyID ("" when the snapshot names none).
func restoreMarker(schema int, sum []byte, keyID string) []byte {
	m := fmt.Appendf(nil, "%s schema=%d sha256=%x", resetRestore, schema, sum)
	if keyID != "" {
		m = fmt.Appendf(m, " keyid=%s", keyID)
	}
	return m
}

// parseRestoreMarker reads restoreMarker's fields; ok false when the
// marker lacks them (a csshell before roll-forward wrote plain "restore").
func parseRestoreMarker(v []byte) (schema int, sum []byte, keyID string, ok bool) {
	f := strings.Fields(string(v))
	if len(f) < 3 || f[0] != resetRestore {
		return 0, nil, "", false
	}
	var err error
	for _, kv := range f[1:] {
		k, val, _ := strings.Cut(kv, "=")
		switch k {
		case "schema":
			schema, err = strconv.Atoi(val)
		case "sha256":
			sum, err = hex.DecodeString(val)
		case "keyid":
			keyID = val
		}
		if err != nil {
			return 0, nil, "", false
		}
	}
	return schema, sum, keyID, schema > 0 && len(sum) == sha256.Size
}

// restoreSpoolPath and restorePendingPath are the restore's files beside
// the on-disk store.
func (b *Badger) restoreSpoolPath() string   { return filepath.Clean(b.dir) + ".restore-spool" }
func (b *Badger) restorePendingPath() string { return filepath.Clean(b.dir) + ".restore" }

// Restore replaces the whole tenant by the snapshot read from r. The
// snapshot is read to its end and checked first — magic line, header,
// schema (a newer one is refused), checksum, its HMAC under this tenant's
// key (a snapshot from another key file, or from before the HMAC, only
// with opts.AllowForeign; one that names this key but fails is forged),
// and every record (tenantCheck: decoded, under its own key, indexes in
// step, at least one Global Administrator, no UPN/SIP/mailbox/conference
// ID shared, counters past their logs) — so a file that is not a
// snapshot, is from a newer csshell, is truncated, damaged, forged or
// would break the tenant is refused with a *SnapshotError and changes
// nothing. Then, with Updates held off, every key is replaced by the
// snapshot's, all or nothing across a crash (see above), and the schema
// migrations run when the snapshot is older than this csshell.
//
// The tenant secret is not in the snapshot: PINs and mail bodies restored
// into the store they were taken from (or one given a copy of its key
// file) work; elsewhere they do not (compare SnapshotHeader.KeyID with
// KeyID).
func (b *Badger) Restore(r io.Reader) error { return b.RestoreWith(r, storage.RestoreOptions{}) }

// RestoreWith is Restore qualified by opts.
func (b *Badger) RestoreWith(r io.Reader, opts storage.RestoreOptions) error {
	sp, err := b.newSpool()
	if err != nil {
		return fmt.Errorf("storage: restoring a snapshot: %w", err)
	}
	defer sp.discard() // every path: success, error, panic
	hdr, authentic, err := storage.ReadAuthenticatedSnapshot(r, sp, snapshotMACKey(b.secret))
	if err != nil {
		return err
	}
	if !authentic {
		if hdr.Format >= storage.SnapshotFormatMAC && hdr.KeyID == b.KeyID() {
			return &storage.SnapshotError{Kind: storage.SnapshotForged}
		}
		if !opts.AllowForeign {
			return &storage.SnapshotError{Kind: storage.SnapshotForeign}
		}
	}
	if err := sp.flush(); err != nil {
		return fmt.Errorf("storage: restoring a snapshot: %w", err)
	}
	if err := checkPayload(sp.reader(), hdr); err != nil {
		return err
	}
	if err := sp.keep(b.restorePendingPath()); err != nil {
		return fmt.Errorf("storage: restoring a snapshot: %w", err)
	}
	sp.pinned = true // from here on the next Open may need it
	if err := b.replaceAll(sp.reader(), hdr.Schema, restoreMarker(hdr.Schema, sp.sum.Sum(nil), hdr.KeyID)); err != nil {
		return err
	}
	sp.pinned = false
	return b.afterRestore(hdr.KeyID)
}

// afterRestore follows a restore's switching commit: the directory's key
// fingerprint names the key the restored data was written with, when it
// is another (the next Open then wants that key file: see keyid.go), and
// the migrations bring an older snapshot up to date. A crash between the
// commit and the fingerprint leaves this key's fingerprint: the store
// opens, and the restored PINs do not verify until that key file is put
// beside it — as before fingerprints.
func (b *Badger) afterRestore(keyID string) error {
	if keyID != "" && keyID != b.KeyID() {
		if err := b.noteDataKeyID(keyID); err != nil {
			return err
		}
	}
	return b.migrate()
}

// finishRestore is Open's part of a restore a crash interrupted (marker
// is its pending-reset marker): the restore is done again from its
// payload beside the store, checked against the marker's SHA-256.
func (b *Badger) finishRestore(marker []byte) error {
	if st, err := os.Lstat(b.restoreSpoolPath()); err == nil && !st.IsDir() {
		_ = os.Remove(b.restoreSpoolPath())
	}
	pending := b.restorePendingPath()
	refuse := func(why string) error {
		return fmt.Errorf("%s was being restored from a snapshot when csshell stopped, and %s. To recover: move the "+
			"directory '%s' aside (keep its key file '%s'), start csshell, and run Restore-Tenant with the snapshot again",
			b.storeName(), why, b.dir, storage.KeyFile(b.dir))
	}
	schema, sum, keyID, ok := parseRestoreMarker(marker)
	if !ok {
		return refuse("a csshell of an older version started that restore, which cannot be finished")
	}
	f, err := os.Open(pending)
	if err != nil {
		return refuse(fmt.Sprintf("the copy of the snapshot it was using ('%s') cannot be read", pending))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil || !bytes.Equal(h.Sum(nil), sum) {
		return refuse(fmt.Sprintf("the copy of the snapshot it was using ('%s') is damaged", pending))
	}
	if err := b.replaceAll(f, schema, marker); err != nil {
		return err
	}
	f.Close()
	if err := os.Remove(pending); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("storage: removing '%s': %w", pending, err)
	}
	return b.afterRestore(keyID)
}

// removeRestoreFiles removes the restore files a crash left beside the
// store when no restore is pending (they hold PIN hashes).
func (b *Badger) removeRestoreFiles() error {
	if b.dir == "" {
		return nil
	}
	for _, p := range []string{b.restoreSpoolPath(), b.restorePendingPath()} {
		if st, err := os.Lstat(p); err != nil || st.IsDir() {
			continue // none, or another store's directory of that name
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("storage: removing the leftover restore file '%s': %w", p, err)
		}
	}
	return nil
}

// spool holds a snapshot's payload while it is checked: a 0600 file
// beside an on-disk store, memory for an in-memory one. sum is the
// payload's SHA-256.
type spool struct {
	f    *os.File
	path string
	w    *bufio.Writer
	mem  bytes.Buffer
	sum  hash.Hash
	// pinned keeps the file: a restore that failed midway is finished by
	// the next Open from it.
	pinned bool
}

// newSpool creates the spool (an old spool file is replaced, never
// followed: it is removed and created anew, exclusively).
func (b *Badger) newSpool() (*spool, error) {
	sp := &spool{sum: sha256.New()}
	if b.dir == "" {
		return sp, nil
	}
	sp.path = b.restoreSpoolPath()
	if err := os.Remove(sp.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	f, err := os.OpenFile(sp.path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	sp.f, sp.w = f, bufio.NewWriterSize(f, 64<<10)
	return sp, nil
}

func (sp *spool) Write(p []byte) (int, error) {
	sp.sum.Write(p)
	if sp.f == nil {
		return sp.mem.Write(p)
	}
	return sp.w.Write(p)
}

// flush ends the writing.
func (sp *spool) flush() error {
	if sp.f == nil {
		return nil
	}
	return sp.w.Flush()
}

// reader reads the payload from its start (each read rewinds it).
func (sp *spool) reader() io.ReadSeeker {
	if sp.f == nil {
		return bytes.NewReader(sp.mem.Bytes())
	}
	return sp.f
}

// keep makes the spooled payload durable under path, where finishRestore
// looks for it.
func (sp *spool) keep(path string) error {
	if sp.f == nil {
		return nil
	}
	if err := sp.f.Sync(); err != nil {
		return err
	}
	if err := os.Rename(sp.path, path); err != nil {
		return err
	}
	sp.path = path
	return syncDir(filepath.Dir(path))
}

// discard closes and removes the spool, wherever it is, unless pinned.
func (sp *spool) discard() {
	if sp.f != nil {
		sp.f.Close()
		if !sp.pinned {
			os.Remove(sp.path)
		}
	}
}

// syncDir fsyncs a directory, so a rename in it is durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// eachSnapshotKV calls fn for every key-value of a spooled payload (a
// Badger backup stream), from its start.
func eachSnapshotKV(f io.ReadSeeker, fn func(kv *pb.KV) error) error {
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

// checkPayload checks every record of the payload (tenantCheck) against
// the header: schema version, tenant, user count.
func checkPayload(f io.ReadSeeker, hdr *storage.SnapshotHeader) error {
	c := newTenantCheck(hdr.Schema, hdr.TenantID, hdr.Users)
	err := eachSnapshotKV(f, func(kv *pb.KV) error { return c.add(kv.Key, kv.Value) })
	if err == nil {
		err = c.finish()
	}
	var p problem
	if errors.As(err, &p) {
		return storage.InvalidSnapshot("%s", string(p))
	}
	return err
}

// CheckInvariants runs over the whole store the check every snapshot
// passes before it is restored: every record readable under its own key,
// indexes exactly what the users call for, at least one Global
// Administrator, UPN, SIP address, mailbox address and conference ID each
// held by one user, every user on an existing bridge, counters at or past
// their logs. The fault tests run it after a crash and a reopen.
func (b *Badger) CheckInvariants() error {
	return b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		schema, err := t.getU64(storage.SchemaKey())
		if err != nil {
			return err
		}
		c := newTenantCheck(int(schema), "", -1)
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			val, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			if err := c.add(it.Item().Key(), val); err != nil {
				return fmt.Errorf("storage: %s is inconsistent: %w", b.storeName(), err)
			}
		}
		if err := c.finish(); err != nil {
			return fmt.Errorf("storage: %s is inconsistent: %w", b.storeName(), err)
		}
		return nil
	})
}

// replaceAll replaces every key of the store by the payload's, with
// Updates held off: a durable marker first, every key but the schema
// version and the tenant record deleted, the rest of the payload written,
// then one transaction sets the payload's schema version and tenant
// record and clears the marker, and everything is synced. Until that
// transaction the store keeps its own schema version and tenant record, so
// what Open checks before it finishes the restore (the migrations, the key
// fingerprint) reads the store as it was. Badger's DropAll + Load is not used: DropAll
// leaves a window in which a crash gives an empty store, and Load updates
// Badger's timestamp oracle without its lock while readers may be
// running. Writes through a WriteBatch get fresh versions, above the
// deletions.
func (b *Badger) replaceAll(f io.ReadSeeker, schema int, marker []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.endGroupMu()
	err := b.db.Update(func(txn *badger.Txn) error { return txn.Set(storage.PendingKey(), marker) })
	if err == nil {
		err = b.syncLocked()
	}
	if err != nil {
		return fmt.Errorf("storage: restoring the snapshot: %w", err)
	}
	// From here on a failure leaves the restore to the next Open.
	midway := func(err error) error {
		err = fmt.Errorf("storage: restoring the snapshot failed midway; it is finished the next time the tenant store is opened: %w", err)
		halfDone.Store(b, err)
		return err
	}
	keep := func(k []byte) bool {
		return bytes.Equal(k, storage.PendingKey()) || bytes.Equal(k, storage.SchemaKey())
	}
	del := b.db.NewWriteBatch()
	defer del.Cancel()
	err = b.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			if k := it.Item().Key(); !keep(k) {
				if err := del.Delete(append([]byte(nil), k...)); err != nil {
					return err
				}
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
	b.roomCredit = 0 // measure before the bulk write (space.go)
	if err := b.roomForCommit(); err != nil {
		return midway(err)
	}
	set := b.db.NewWriteBatch()
	defer set.Cancel()
	var tenant []byte
	err = eachSnapshotKV(f, func(kv *pb.KV) error {
		if bytes.Equal(kv.Key, storage.TenantKey()) {
			tenant = kv.Value
		}
		if keep(kv.Key) {
			return nil
		}
		return set.Set(kv.Key, kv.Value)
	})
	if err == nil && tenant == nil {
		err = errors.New("the snapshot holds no tenant record") // checked before: cannot happen
	}
	if err == nil {
		err = set.Flush()
	}
	if err == nil {
		err = b.db.Update(func(txn *badger.Txn) error {
			if err := txn.Set(storage.SchemaKey(), storage.AppendU64(nil, uint64(schema))); err != nil {
				return err
			}
			if err := txn.Set(storage.TenantKey(), tenant); err != nil {
				return err
			}
			return txn.Delete(storage.PendingKey())
		})
	}
	if err == nil {
		err = b.syncLocked()
	}
	if err != nil {
		return midway(err)
	}
	halfDone.Delete(b)
	return nil
}
