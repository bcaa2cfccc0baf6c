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
//	32 bytes                                  HMAC-SHA256 of the same (format 2 on)
//
// (u32 is big-endian). The SHA-256 catches damage; the HMAC, keyed by a
// key the store derives from its tenant secret (never written anywhere),
// authenticates: only a csshell holding that tenant's key file can write a
// snapshot the tenant accepts without -AllowForeignSnapshot, so whoever can
// write a file but not read the key file cannot forge one (make a user an
// administrator, say). Format 1 files (before the HMAC) are read too, as
// unauthenticated. This package writes and reads that envelope
// (WriteSnapshot, ReadSnapshot); the payload is the store's: for
// storage/badgerstore, every key of the store in Badger's backup format,
// read from one transaction (see its snapshot.go).
//
// The tenant secret (the key file beside the store) is never written to a
// snapshot: like the store, a snapshot holds only keyed PIN hashes and
// sealed mail bodies, so a copy of it reveals no PIN. The header carries a
// key id (an HMAC of a constant under the secret, which says nothing about
// the secret) so that Restore-Tenant can warn when the snapshot was taken
// with another key file: PINs then do not verify and mail bodies cannot be
// read until that key file is put beside the store.

import (
	"fmt"
	"io"
	"time"
)

// SnapshotMagic is the first line of every snapshot file.
const SnapshotMagic = "CSSHELL-SNAPSHOT\n"

// SnapshotFormat is the newest snapshot file format this code writes and
// reads: 2 added the HMAC.
const SnapshotFormat = 2

// SnapshotFormatMAC is the first snapshot format with the HMAC: a file of
// that format or newer naming this tenant's key must carry a matching one.
const SnapshotFormatMAC = 2

const (
	snapshotHeaderMax = 64 << 10 // longest header line
	snapshotChunk     = 1 << 20  // payload chunk size written
	snapshotChunkMax  = 64 << 20 // largest chunk accepted
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
	// SnapshotForeign: the file is not authenticated by this tenant's key
	// (written under another key file, or before snapshots had an HMAC);
	// RestoreOptions.AllowForeign accepts it.
	SnapshotForeign
	// SnapshotForged: the file names this tenant's key but its HMAC does
	// not match: it was changed after it was written.
	SnapshotForged
	// SnapshotInvalid: the file is intact but restoring it would break the
	// tenant's invariants (no Global Administrator, a UPN two users share,
	// a counter behind its log, …); Detail says which.
	SnapshotInvalid
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
	case SnapshotForeign:
		return fmt.Sprintf("The snapshot '%s' was not written with this tenant's key file (or was written by an older csshell), so "+
			"it cannot be authenticated. If you trust the file, restore it with -AllowForeignSnapshot: every record is still checked.", name)
	case SnapshotForged:
		return fmt.Sprintf("The snapshot '%s' fails its authentication check: it was changed after Checkpoint-Tenant wrote it.", name)
	case SnapshotInvalid:
		return fmt.Sprintf("The snapshot '%s' cannot be restored: %s.", name, e.Detail)
	default:
		return fmt.Sprintf("The snapshot '%s' is damaged (%s).", name, e.Detail)
	}
}

// Error describes the refusal without a file name.
func (e *SnapshotError) Error() string { return e.Message("(stream)") }

// DamagedSnapshot is the refusal of a snapshot whose contents are wrong
// (kind SnapshotDamaged), Detail saying how, formatted as by fmt.Sprintf.
func DamagedSnapshot(format string, args ...any) *SnapshotError {
	return &SnapshotError{Kind: SnapshotDamaged, Detail: fmt.Sprintf(format, args...)}
}

// InvalidSnapshot is the refusal of an intact snapshot whose records would
// break the tenant's invariants (kind SnapshotInvalid), Detail saying
// how, formatted as by fmt.Sprintf.
func InvalidSnapshot(format string, args ...any) *SnapshotError {
	return &SnapshotError{Kind: SnapshotInvalid, Detail: fmt.Sprintf(format, args...)}
}

// RestoreOptions qualify a Restore.
type RestoreOptions struct {
	// AllowForeign accepts a snapshot not authenticated by this tenant's
	// key (SnapshotForeign): written under another key file, or by a
	// csshell from before the HMAC. Its records are still all checked.
	AllowForeign bool
}

// Snapshotter is implemented by stores that can be checkpointed and
// restored (badgerstore.Badger, on disk and in memory).
type Snapshotter interface {
	// Snapshot writes a consistent snapshot of the whole tenant to w.
	Snapshot(w io.Writer) error
	// Restore replaces the whole tenant by the snapshot read from r, or
	// refuses it with a *SnapshotError and changes nothing: RestoreWith
	// with the zero options.
	Restore(r io.Reader) error
	// RestoreWith is Restore qualified by opts.
	RestoreWith(r io.Reader, opts RestoreOptions) error
	// KeyID identifies the store's tenant key file (SnapshotHeader.KeyID).
	KeyID() string
}
