package badgerstore

import (
	"errors"
	"fmt"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// Group commit at the transaction level (storage.Group).
//
// A session's deferred changes share one open Badger transaction: a bulk
// pipeline's ten thousand changes cost a few commits, not ten thousand
// (each commit is a handoff to Badger's writer goroutine and a memtable
// write of its own). The transaction is the store's open group (b.open),
// one at a time; it is committed, not synced:
//
//   - when it holds groupMaxEntries entries or groupMaxBytes bytes, or a
//     change does not fit any more (ErrTxnTooBig: the change is undone,
//     the group committed, the change run again in a new one);
//   - before anything else reads or writes the store: a plain View
//     (endGroup), an Update, UpdateDeferred or Sync, another Group, a
//     reset, restore or snapshot (endGroupLocked) — so nobody sees a
//     group's changes before its commit, and no other write can conflict
//     with it (it is committed before the other write starts);
//   - at Sync, the durability barrier, which then syncs it.
//
// A change that fails after writing is taken out: the group's
// transaction is rebuilt from its other writes (undoLog). A group whose commit
// failed lost its changes: its next Sync (the session's barrier) reports
// that (Group.lost), so nothing about them leaves the session.
//
// Locks: b.mu serialises writers, as before; b.gmu guards the open group
// and is held while a group's fn runs (lock order b.mu, then b.gmu);
// b.running is that group. A plain View inside a group's fn reads the
// committed state without touching the group, as a View inside an Update
// always did; the group's own View inside it reads its transaction.

// Group is a session's handle on its group of deferred changes.
type Group struct {
	b *Badger
	// lost is why the group's changes were lost (a failed commit), kept
	// for its next Sync (with b.gmu held).
	lost error
}

var _ storage.Grouper = (*Badger)(nil)

// NewGroup returns a new session's group of deferred changes.
func (b *Badger) NewGroup() storage.Group { return &Group{b: b} }

// groupMaxEntries and groupMaxBytes bound a group's transaction: Badger
// takes up to 15 % of a memtable in one (1.2 MB), and every iterator
// opened in a transaction sorts its pending writes, so groups stay small
// enough for that to be cheap.
const (
	groupMaxEntries = 2048
	groupMaxBytes   = txnBudget / 2
)

// openGroup is the transaction of the group whose changes are pending.
type openGroup struct {
	owner *Group
	txn   *badger.Txn
	// entries and bytes count what the transaction holds (every set and
	// delete, as Badger counts them).
	entries, bytes int
	// vals caches values read or written in the transaction, by key: the
	// transaction reads one snapshot, so a value read once stays right
	// until the transaction writes the key itself (set and del keep the
	// cache in step).
	vals map[string]cachedVal
	// writes mirrors the transaction's writes (found false: deleted), so
	// that a failed change can be taken out (undo); sorted holds its keys
	// in order, by namespace (their first byte), for iterations
	// (group_iter.go).
	writes map[string]cachedVal
	sorted [256][]string
	// decoded holds decoded values of records the transaction holds, by
	// key (usercache.go): shared, never changed; a write to a key drops
	// its entry.
	decoded map[string]any
	// bridges is the decoded list of bridges (nil: not read since the
	// last bridge write).
	bridges []*storage.Bridge
	// numbers is the decoded list of service numbers (nil: not read since
	// the last service-number write).
	numbers []*storage.ServiceNumber
}

// cachedVal is a value of the group's cache; found false: no such key.
type cachedVal struct {
	val   []byte
	found bool
}

// View runs fn on the group's transaction when it is open (seeing its
// changes), else on a read transaction of the committed state.
func (g *Group) View(fn func(r storage.Reader) error) (err error) {
	b := g.b
	if b.running.Load() == g {
		// Inside g's own fn (a read nested in its change or view): the
		// group's transaction, locked up the stack.
		return fn(&tx{b: b, txn: b.open.txn, g: b.open})
	}
	b.gmu.Lock()
	if b.open == nil || b.open.owner != g {
		b.gmu.Unlock()
		defer b.recoverBadger("reading", &err)
		return b.viewDB(func(txn *badger.Txn) error { return fn(&tx{b: b, txn: txn}) })
	}
	defer b.gmu.Unlock()
	defer b.recoverBadger("reading", &err)
	b.running.Store(g)
	defer b.running.Store(nil)
	return fn(&tx{b: b, txn: b.open.txn, g: b.open})
}

// UpdateDeferred runs fn in the group's transaction (opened when the
// group has none); see storage.Group.
func (g *Group) UpdateDeferred(fn func(w storage.Writer) error) (err error) {
	b := g.b
	b.mu.Lock()
	defer b.mu.Unlock()
	b.gmu.Lock()
	defer b.gmu.Unlock()
	defer b.recoverBadger("writing", &err)
	if g.lost != nil {
		return g.lost // the barrier reports it first
	}
	if err := b.checkNotHalfDone(); err != nil {
		return err
	}
	if err := b.roomForCommit(); err != nil {
		return err
	}
	if b.open != nil && b.open.owner != g {
		if err := b.endGroupLocked(); err != nil {
			return err
		}
	}
	err = b.runInGroup(g, fn)
	if errors.Is(err, badger.ErrTxnTooBig) && b.open != nil && b.open.entries > 0 {
		// No room left for fn: fn was undone; commit what came before and
		// run fn in a new transaction.
		if err := b.endGroupLocked(); err != nil {
			return err
		}
		err = b.runInGroup(g, fn)
	}
	if err != nil {
		if errors.Is(err, badger.ErrTxnTooBig) && !errors.Is(err, storage.ErrTooBig) {
			err = fmt.Errorf("%w: %w", storage.ErrTooBig, err)
		}
		return err
	}
	if o := b.open; o != nil && (o.entries >= groupMaxEntries || o.bytes >= groupMaxBytes) {
		return b.endGroupLocked()
	}
	return nil
}

// runInGroup runs fn once in g's open transaction (opening one), with
// b.mu and b.gmu held; when fn fails, its writes are undone.
func (b *Badger) runInGroup(g *Group, fn func(w storage.Writer) error) error {
	if b.open == nil {
		b.open = &openGroup{owner: g, txn: b.db.NewTransaction(true),
			vals: map[string]cachedVal{}, writes: map[string]cachedVal{}}
	}
	t := &tx{b: b, txn: b.open.txn, g: b.open, undo: &undoLog{}}
	b.running.Store(g)
	err := fn(t)
	b.running.Store(nil)
	if err != nil && len(t.undo.prev) > 0 {
		if uerr := b.open.undo(b, t.undo); uerr != nil {
			// The group could not be rebuilt: drop it; the barrier
			// reports the loss.
			b.open = nil
			g.lost = fmt.Errorf("storage: undoing a failed change: %w", uerr)
			return errors.Join(err, g.lost)
		}
	}
	return err
}

// endGroup commits the open group, unless its owner's fn is running (a
// View inside it, or another goroutine's read that must not see it).
func (b *Badger) endGroup() {
	if b.running.Load() != nil {
		return
	}
	b.gmu.Lock()
	defer b.gmu.Unlock()
	b.endGroupLocked() //nolint:errcheck // kept for the group's Sync
}

// endGroupMu is endGroupLocked for a writer holding b.mu.
func (b *Badger) endGroupMu() {
	b.gmu.Lock()
	defer b.gmu.Unlock()
	b.endGroupLocked() //nolint:errcheck // kept for the group's Sync
}

// Sync commits the group's changes (when open) and makes every committed
// change durable; an error when the group's changes were lost.
func (g *Group) Sync() (err error) {
	b := g.b
	b.mu.Lock()
	defer b.mu.Unlock()
	defer b.recoverBadger("syncing", &err)
	b.gmu.Lock()
	b.endGroupLocked() //nolint:errcheck // in g.lost when it was g's
	lost := g.lost
	g.lost = nil
	b.gmu.Unlock()
	if lost != nil {
		return lost
	}
	if !b.dirty {
		return nil
	}
	return b.syncLocked()
}

// endGroupLocked commits the open group (not synced), with b.gmu (and,
// for writers, b.mu) held. A failed commit lost the group's changes: the
// error is kept for the group's next Sync.
func (b *Badger) endGroupLocked() error {
	o := b.open
	if o == nil {
		return nil
	}
	b.open = nil
	if o.entries == 0 {
		o.txn.Discard()
		return nil
	}
	if err := o.txn.Commit(); err != nil {
		o.owner.lost = fmt.Errorf("storage: committing a group of changes: %w", tooBig(err))
		return o.owner.lost
	}
	b.dirty = true
	return nil
}

// undoLog records, for each write of a change, what the group's writes
// held for its key before (undo puts that back, newest first, so a key
// written twice gets what it held before the change).
type undoLog struct {
	prev []undoEntry
}

// undoEntry is the group's write of a key before one write of the
// change, had false when the group had not written the key.
type undoEntry struct {
	key  string
	prev cachedVal
	had  bool
}

// undo takes a failed change out of the group: the group's writes as they
// were before it, in a new transaction (Badger cannot take a write back
// out of one; the committed state is the one the group started from, as
// every other writer commits the group first).
func (o *openGroup) undo(b *Badger, u *undoLog) error {
	for i := len(u.prev) - 1; i >= 0; i-- {
		e := u.prev[i]
		if e.had {
			o.writes[e.key] = e.prev
		} else {
			delete(o.writes, e.key)
		}
		delete(o.vals, e.key)
		delete(o.decoded, e.key)
	}
	o.bridges, o.numbers = nil, nil
	o.resort()
	o.txn.Discard()
	o.txn = b.db.NewTransaction(true)
	o.entries, o.bytes = 0, 0
	for k, v := range o.writes {
		var err error
		if v.found {
			err = o.txn.Set([]byte(k), v.val)
		} else {
			err = o.txn.Delete([]byte(k))
		}
		if err != nil {
			return err
		}
		o.entries++
		o.bytes += len(k) + len(v.val) + 16
	}
	return nil
}
