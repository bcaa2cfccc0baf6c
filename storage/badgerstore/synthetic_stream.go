package badgerstore

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"slices"
	"time"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/csshell/csshell/storage"
)

// A reset with many synthetic users streams them into the store's tables
// instead of committing them. Committed through transactions, every byte
// of a million users (~1.5 GB of keys and values) went through the
// write-ahead log, a memtable, a level-0 table and then every compaction
// down the tree — 156 s and 2.9 GB of resident memory. Streamed, the
// users' records and index entries are made once, sorted (sortedSpill:
// runs of 32 MB sorted in memory and spilled beside the store, then
// merged) and written by Badger's StreamWriter as whole tables, with no
// log. Badger puts streamed tables into the tree's last level only when
// the tree is empty, so the stream empties the store and writes the
// records the reset keeps along with the users (streamWhole; the keep
// file holds them meanwhile, see stream_keep.go): each byte is written
// once. (Streamed over the store's tables, they went one level above the
// last and had to be moved down: a second write of the whole tenant.)
// This is safe because the reset is already all or nothing without a
// log: its pending-reset marker is on disk before the tables are, and a
// crash before the switching transaction makes the next Open do the whole
// reset again, over whatever tables were streamed.

// streamUsersAtLeast is how many synthetic users make a reset stream them
// (fewer are committed through transactions, as AddNewUsers does): below
// it, flushing the memtable and flattening the tree that streaming needs
// cost more than the transactions.
const streamUsersAtLeast = 20_000

// streamBatchBytes is how many bytes of entries one StreamWriter.Write
// hands over. Badger queues three per writer and decodes each into
// entries; 1 MB rather than 4 keeps ~20 MB less in flight at no measured
// cost in time.
const streamBatchBytes = 1 << 20

// flushKey is a key in a namespace no record uses (see storage/keys.go),
// written and dropped at once to make Badger flush its memtables to disk:
// the StreamWriter adds tables only below memtables that are empty.
var flushKey = []byte{0xFE, 'f', 'l', 'u', 's', 'h'}

// streamNewUsers writes n users made by next, with their index entries,
// as streamed tables (see above), with b.mu held. kept, when not nil, are
// the records the store is to hold besides them (keptAfterReset), and the
// store is emptied to stream them whole; nil keeps the store's own. Like
// addNewUsersLocked it trusts next for uniqueness and does not sync.
func (b *Badger) streamNewUsers(n int, next func(st storage.Stamper) (*storage.User, error), kept []keptEntry) error {
	b.roomCredit = 0 // measure: the whole tenant is about to be written
	if err := b.roomForCommit(); err != nil {
		return err
	}
	// Badger's table builders reserve twice a table (16 MB), which the
	// collector counts as live heap, as it does the spill's run: at the
	// default GOGC the garbage of making a million users grew to hundreds
	// of MB before it was collected. Neither holds pointers, so
	// collecting often is cheap.
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	spill, err := newSortedSpill(b.dir + ".synthetic-spill")
	if err != nil {
		return err
	}
	defer spill.remove()
	err = encodeUsers(n, func() (*storage.User, error) { return next(b) }, spill.add)
	if err != nil {
		return err
	}
	if kept != nil {
		return b.streamWhole(spill, kept)
	}
	kept, whole, err := b.liveEntries()
	if err != nil {
		return err
	}
	if whole && slices.ContainsFunc(kept, func(e keptEntry) bool { return bytes.Equal(e.key, storage.PendingKey()) }) {
		return b.streamWhole(spill, kept)
	}
	return b.streamAbove(spill)
}

// streamWhole empties the store and streams the kept records with the
// spilled users into the tree's last level (see stream_keep.go): each
// byte is written once, and nothing is left for compactions to move.
func (b *Badger) streamWhole(spill *sortedSpill, kept []keptEntry) error {
	for _, e := range kept {
		if err := spill.add(e.key, e.val); err != nil {
			return err
		}
	}
	version := b.readTs() + 1
	if err := writeStreamKeep(b.dir, kept); err != nil {
		return fmt.Errorf("storage: keeping the reset's records: %w", err)
	}
	if err := writeStreamMarker(b.dir, version); err != nil {
		return fmt.Errorf("storage: marking the stream: %w", err)
	}
	// The tables are built with the stream's options (streamOptions),
	// then the store is opened again with its own. A failure in between
	// leaves the keep file and the marker: the next open restores the
	// kept records and does the pending reset again.
	if err := b.reopenBadger(streamOptions(b.dir)); err != nil {
		return err
	}
	if err := b.streamInto(spill, version); err != nil {
		return err
	}
	if err := b.reopenBadger(badgerOptions(b.dir)); err != nil {
		return err
	}
	// Every table, the kept records among them, is in the MANIFEST.
	if err := removeStreamKeep(b.dir); err != nil {
		return err
	}
	return removeStreamMarker(b.dir)
}

// streamInto empties the store (Badger's DropAll, in StreamWriter.Prepare)
// and streams the spill's entries into its last level.
func (b *Badger) streamInto(spill *sortedSpill, version uint64) error {
	sw := b.db.NewStreamWriter()
	defer sw.Cancel()
	if err := sw.Prepare(); err != nil {
		return fmt.Errorf("storage: preparing to stream synthetic users: %w", err)
	}
	if streamHook != nil {
		if err := streamHook(); err != nil {
			return fmt.Errorf("storage: streaming synthetic users: %w", err)
		}
	}
	if err := b.stream(sw, spill, version, true); err != nil {
		return fmt.Errorf("storage: streaming synthetic users: %w", err)
	}
	return nil
}

// streamHook, when set (by tests), runs once streamWhole has emptied the
// store; an error from it stops the stream there, as a kill would.
var streamHook func() error

// streamAbove streams the spilled users into the level above the tree's
// highest, over what the store holds, then moves them down into the last
// level (one rewrite). It serves a store whose records streamWhole cannot
// keep.
func (b *Badger) streamAbove(spill *sortedSpill) error {
	// A keep file left by an interrupted streamWhole has been restored
	// (durably) at open: the store holds its records.
	if err := removeStreamKeep(b.dir); err != nil {
		return err
	}
	if err := b.flushMemtables(); err != nil {
		return err
	}
	version := b.readTs() + 1
	if err := writeStreamMarker(b.dir, version); err != nil {
		return fmt.Errorf("storage: marking the stream: %w", err)
	}
	sw := b.db.NewStreamWriter()
	defer sw.Cancel()
	if err := sw.PrepareIncremental(); err != nil {
		return fmt.Errorf("storage: preparing to stream synthetic users: %w", err)
	}
	err := b.stream(sw, spill, version, false)
	if err == nil {
		// The tables went in one level above the tree's last, and
		// Badger would move them down (a rewrite of the whole tenant) in
		// the background of the next csshell sessions — slowing them and
		// growing their memory — because its last level holds next to
		// nothing. Moving them now keeps the rewrite inside the reset.
		err = b.db.Flatten(2)
	}
	if err != nil {
		// The marker stays: the pending reset is done again at the next
		// open, over whatever tables were streamed.
		return fmt.Errorf("storage: streaming synthetic users: %w", err)
	}
	// The streamed tables are in the MANIFEST now (Flush, Flatten).
	return removeStreamMarker(b.dir)
}

// readTs is the version the store's newest commit is visible at.
func (b *Badger) readTs() uint64 {
	txn := b.db.NewTransaction(false)
	defer txn.Discard()
	return txn.ReadTs()
}

// stream hands the spill's entries, in key order, at version, to sw and
// flushes it; paced, it waits for Badger's table writes
// (waitForTableWrites).
func (b *Badger) stream(sw *badger.StreamWriter, spill *sortedSpill, version uint64, paced bool) error {
	var (
		buf     = z.NewBuffer(streamBatchBytes+(1<<20), "csshell.stream")
		lastKey []byte
		kv      []byte
	)
	defer func() { buf.Release() }()
	send := func() error {
		if buf.LenNoPadding() == 0 {
			return nil
		}
		err := sw.Write(buf)
		buf.Reset()
		if err == nil && paced {
			b.waitForTableWrites()
		}
		return err
	}
	err := spill.merge(func(k, v []byte) error {
		if lastKey != nil && string(lastKey) == string(k) {
			return fmt.Errorf("storage: two synthetic records under one key %q", k)
		}
		lastKey = append(lastKey[:0], k...)
		kv = appendStreamKV(kv[:0], k, v, version)
		copy(buf.SliceAllocate(len(kv)), kv)
		if buf.LenNoPadding() >= streamBatchBytes {
			return send()
		}
		return nil
	})
	if err == nil {
		err = send()
	}
	if err == nil {
		err = sw.Flush()
	}
	return err
}

// tableWritesAtOnce bounds the streamed tables Badger writes at once.
// Its StreamWriter starts writing each table as it fills (up to 16 at
// once) and keeps every table builder it used for the rest of the stream
// (a pool of up to 8, each holding its table's memory): a moment when the
// disk lagged kept four to six builders of a 24 MB table, and a
// million-user reset's peak RSS varied from 270 to 350 MB from run to
// run. Handing Badger more only once the table before is written keeps
// two or three builders: 175–215 MB, for some 4 s more.
const tableWritesAtOnce = 1

// tableWaitMax bounds one wait for table writes: a table Badger fails to
// write never joins the tree, and the stream's Flush reports the error.
const tableWaitMax = 2 * time.Second

// waitForTableWrites waits, during a stream into an emptied store (where
// every table file is the stream's), while tableWritesAtOnce tables or
// more are being written: their files exist, and they are not in the tree
// yet. A stream over the store's tables (streamAbove) is not paced: a
// table a compaction replaced stays on disk while a reader still holds
// it, and would read as a table being written.
func (b *Badger) waitForTableWrites() {
	deadline := time.Now().Add(tableWaitMax)
	for time.Now().Before(deadline) {
		files, err := filepath.Glob(filepath.Join(b.dir, "*"+sstExt))
		if err != nil || len(files)-len(b.db.Tables()) < tableWritesAtOnce {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// flushMemtables makes Badger write its memtables out as level-0 tables:
// DropPrefix does, when the prefix holds a key, so one is written under
// flushKey and dropped with it.
func (b *Badger) flushMemtables() error {
	if err := b.db.Update(func(txn *badger.Txn) error { return txn.Set(flushKey, nil) }); err != nil {
		return err
	}
	return b.db.DropPrefix(flushKey)
}

// appendStreamKV appends the protobuf encoding of the pb.KV the stream
// hands Badger for one entry — key, value, version, stream 1 — as
// badger.KVToBuffer would make it, without its reflection (a tenth of a
// streamed reset's time went to sizing and marshalling messages).
func appendStreamKV(b, key, val []byte, version uint64) []byte {
	b = protowire.AppendTag(b, 1, protowire.BytesType)
	b = protowire.AppendBytes(b, key)
	if len(val) > 0 {
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = protowire.AppendBytes(b, val)
	}
	b = protowire.AppendTag(b, 4, protowire.VarintType)
	b = protowire.AppendVarint(b, version)
	b = protowire.AppendTag(b, 10, protowire.VarintType)
	return protowire.AppendVarint(b, 1)
}
