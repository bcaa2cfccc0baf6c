package storage

// Tenant snapshots (Checkpoint-Tenant / Restore-Tenant).
//
// A snapshot file is
//
//	"CSSHELL-SNAPSHOT\n"                     magic line
//	header JSON "\n"                          SnapshotHeader, one line (at most 64 KB)
//	chunks: u32(len) bytes …                  the payload, in chunks of at most 1 MB
//	u32(0)                                    end of the payload
//	32 bytes                                  SHA-256 of everything before them
//
// (u32 is big-endian). The payload is in Badger's backup format — a
// sequence of u64le(size) + protobuf pb.KVList — so `badger restore` could
// read it, but it is written from ONE read transaction of csshell's own,
// not by DB.Backup: in Badger v4 DB.Backup streams key ranges from several
// goroutines, each with its own read transaction opened at its own time,
// so under concurrent commits it is not a consistent view. One transaction
// is, and the header (schema version, tenant) comes from the same one.
//
// The tenant secret (the key file beside the store) is never written to a
// snapshot: like the store, a snapshot holds only keyed PIN hashes and
// sealed mail bodies, so a copy of it reveals no PIN. The header carries a
// key id (an HMAC of a constant under the secret, which says nothing about
// the secret) so that Restore-Tenant can warn when the snapshot was taken
// with another key file: PINs then do not verify and mail bodies cannot be
// read until that key file is put beside the store.

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// SnapshotMagic is the first line of every snapshot file.
const SnapshotMagic = "CSSHELL-SNAPSHOT\n"

// SnapshotFormat is the newest snapshot file format this code writes and
// reads.
const SnapshotFormat = 1

const (
	snapshotHeaderMax = 64 << 10 // longest header line
	snapshotChunk     = 1 << 20  // payload chunk size written
	snapshotChunkMax  = 64 << 20 // largest chunk accepted
	snapshotListBytes = 1 << 20  // KVList size written
	snapshotListMax   = 1 << 30  // largest KVList accepted
)

// SnapshotHeader describes a snapshot: it is the file's second line.
type SnapshotHeader struct {
	Format     int       // snapshot file format (SnapshotFormat)
	Schema     int       // the store schema version of the data
	TenantID   string    // the tenant's id
	TenantName string    // e.g. "Contoso"
	Created    time.Time // when the snapshot was taken (UTC)
	Users      int       // how many users it holds
	// KeyID identifies the tenant key file the PIN hashes and mail bodies
	// need (not the key: an HMAC of a constant under it).
	KeyID string
}

// SnapshotErrorKind tells why a snapshot was refused.
type SnapshotErrorKind int

// Why a snapshot is refused.
const (
	// SnapshotNotSnapshot: the file is not a csshell snapshot at all.
	SnapshotNotSnapshot SnapshotErrorKind = iota + 1
	// SnapshotNewer: written by a newer csshell (schema or format).
	SnapshotNewer
	// SnapshotTruncated: the file ends before the snapshot does.
	SnapshotTruncated
	// SnapshotDamaged: the checksum or the contents are wrong.
	SnapshotDamaged
)

// SnapshotError is why Restore (or ReadSnapshotHeader) refused a
// snapshot; nothing was changed.
type SnapshotError struct {
	Kind SnapshotErrorKind
	// Schema and Format are the snapshot's (SnapshotNewer).
	Schema, Format int
	// Supported is the newest schema this csshell reads.
	Supported int
	// Detail says what is damaged (SnapshotDamaged).
	Detail string
}

// Message is the error text for a snapshot file called name (its path as
// the user gave it).
func (e *SnapshotError) Message(name string) string {
	switch e.Kind {
	case SnapshotNotSnapshot:
		return fmt.Sprintf("The file '%s' is not a csshell tenant snapshot.", name)
	case SnapshotNewer:
		if e.Schema > e.Supported {
			return fmt.Sprintf("The snapshot '%s' was written by a newer csshell (schema %d); this csshell reads schema %d and older.",
				name, e.Schema, e.Supported)
		}
		return fmt.Sprintf("The snapshot '%s' was written by a newer csshell (snapshot format %d); this csshell reads format %d and older.",
			name, e.Format, SnapshotFormat)
	case SnapshotTruncated:
		return fmt.Sprintf("The snapshot '%s' is incomplete: the file ends before the snapshot does (was it copied or written only in part?).", name)
	default:
		return fmt.Sprintf("The snapshot '%s' is damaged (%s).", name, e.Detail)
	}
}

// Error describes the refusal without a file name.
func (e *SnapshotError) Error() string { return e.Message("(stream)") }

func snapshotDamaged(format string, args ...any) *SnapshotError {
	return &SnapshotError{Kind: SnapshotDamaged, Detail: fmt.Sprintf(format, args...)}
}

// Snapshotter is implemented by stores that can be checkpointed and
// restored (*Badger, on disk and in memory).
type Snapshotter interface {
	// Snapshot writes a consistent snapshot of the whole tenant to w.
	Snapshot(w io.Writer) error
	// Restore replaces the whole tenant by the snapshot read from r.
	Restore(r io.Reader) error
	// KeyID identifies the store's tenant key file (SnapshotHeader.KeyID).
	KeyID() string
}

var _ Snapshotter = (*Badger)(nil)

// KeyID identifies the store's secret without revealing it.
func (b *Badger) KeyID() string { return keyID(b.secret) }

func keyID(secret []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("csshell snapshot key id v1"))
	return hex.EncodeToString(m.Sum(nil)[:8])
}

// Snapshot writes a consistent snapshot of the whole tenant to w, while
// the store stays in use: it reads one Badger read transaction, so it
// holds exactly the changes committed before it started, each whole.
// Commits go on meanwhile (they are neither blocked nor included).
// Deferred commits are included: the caller runs its durability barrier
// before the snapshot leaves the session.
func (b *Badger) Snapshot(w io.Writer) error {
	return b.db.View(func(txn *badger.Txn) error {
		t := &tx{b: b, txn: txn}
		hdr, err := b.snapshotHeader(t)
		if err != nil {
			return err
		}
		return writeSnapshot(w, hdr, func(kvs func(*pb.KV) error) error {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100})
			defer it.Close()
			for it.Rewind(); it.Valid(); it.Next() {
				item := it.Item()
				if bytes.Equal(item.Key(), pendingKey()) {
					continue // never copy a reset marker (Updates wait for resets anyway)
				}
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
func (b *Badger) snapshotHeader(t *tx) (*SnapshotHeader, error) {
	schema, err := t.getU64(schemaKey())
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
	return &SnapshotHeader{Format: SnapshotFormat, Schema: int(schema), TenantID: tn.ID, TenantName: tn.Name,
		Created: time.Now().UTC().Truncate(time.Second), Users: n, KeyID: b.KeyID()}, nil
}

// writeSnapshot writes the envelope around the payload that body emits
// one KV at a time.
func writeSnapshot(w io.Writer, hdr *SnapshotHeader, body func(kv func(*pb.KV) error) error) error {
	line, err := json.Marshal(hdr)
	if err != nil {
		return err
	}
	sum := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(w, sum), 64<<10)
	bw.WriteString(SnapshotMagic)
	bw.Write(line)
	bw.WriteByte('\n')
	cw := &chunkWriter{w: bw}
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
		cw.Write(n[:])
		_, err = cw.Write(data)
		list.Kv, size = list.Kv[:0], 0
		return err
	}
	err = body(func(kv *pb.KV) error {
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
	if err == nil {
		err = cw.close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		_, err = w.Write(sum.Sum(nil))
	}
	if err != nil {
		return fmt.Errorf("storage: writing the snapshot: %w", err)
	}
	return nil
}

// chunkWriter frames the payload in length-prefixed chunks.
type chunkWriter struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 && c.err == nil {
		k := min(len(p), snapshotChunk-len(c.buf))
		c.buf = append(c.buf, p[:k]...)
		p = p[k:]
		if len(c.buf) == snapshotChunk {
			c.emit()
		}
	}
	return n, c.err
}

func (c *chunkWriter) emit() {
	if len(c.buf) == 0 || c.err != nil {
		return
	}
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(c.buf)))
	c.w.Write(n[:])
	_, c.err = c.w.Write(c.buf)
	c.buf = c.buf[:0]
}

func (c *chunkWriter) close() error {
	c.emit()
	if c.err == nil {
		_, c.err = c.w.Write([]byte{0, 0, 0, 0})
	}
	return c.err
}

// ReadSnapshotHeader reads a snapshot's magic line and header, refusing
// (with a *SnapshotError) a file that is not a snapshot or is from a newer
// csshell. It reads nothing past the header.
func ReadSnapshotHeader(r io.Reader) (*SnapshotHeader, error) {
	hdr, _, err := readSnapshotHeader(bufio.NewReader(r), nil)
	return hdr, err
}

// readSnapshotHeader reads and checks the envelope's start, hashing what
// it reads into sum (when not nil). raw is the header line.
func readSnapshotHeader(br *bufio.Reader, sum hash.Hash) (*SnapshotHeader, []byte, error) {
	magic := make([]byte, len(SnapshotMagic))
	n, err := io.ReadFull(br, magic)
	if err != nil || string(magic) != SnapshotMagic {
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, nil, err
		}
		if n > 0 && string(magic[:n]) == SnapshotMagic[:n] && n < len(SnapshotMagic) && n >= 8 {
			return nil, nil, &SnapshotError{Kind: SnapshotTruncated}
		}
		return nil, nil, &SnapshotError{Kind: SnapshotNotSnapshot}
	}
	var line []byte
	for {
		part, err := br.ReadSlice('\n')
		line = append(line, part...)
		if len(line) > snapshotHeaderMax {
			return nil, nil, snapshotDamaged("its header is too long")
		}
		if err == nil {
			break
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			return nil, nil, &SnapshotError{Kind: SnapshotTruncated}
		}
		return nil, nil, err
	}
	var hdr SnapshotHeader
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&hdr); err != nil || hdr.Format < 1 {
		return nil, nil, snapshotDamaged("its header cannot be read")
	}
	if sum != nil {
		sum.Write(magic)
		sum.Write(line)
	}
	supported := supportedSchema()
	if hdr.Schema > supported || hdr.Format > SnapshotFormat {
		return nil, nil, &SnapshotError{Kind: SnapshotNewer, Schema: hdr.Schema, Format: hdr.Format, Supported: supported}
	}
	if hdr.Schema < 1 {
		return nil, nil, snapshotDamaged("its header names no store schema")
	}
	return &hdr, line, nil
}
