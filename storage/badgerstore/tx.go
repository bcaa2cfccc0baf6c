package badgerstore

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// tx is the Reader and Writer over one Badger transaction. Everything it
// returns is decoded (copied) inside the transaction: no slice handed out
// points into Badger's memory.
type tx struct {
	b   *Badger
	txn *badger.Txn
	// calls caches, for this transaction, the calls of the meetings it
	// read or wrote (by lower-case organizer id), so that the several
	// reads of one call's progress decode a big meeting once.
	calls map[string][]storage.MeetingCall
	// g is the open group whose transaction this is (group.go), nil for
	// a transaction of its own; undo records what a change in a group
	// overwrites, nil outside a change.
	g    *openGroup
	undo *undoLog
}

var _ storage.Writer = (*tx)(nil)

// get returns the value at key, through the group's cache in a group's
// transaction; the value must not be changed.
func (t *tx) get(key []byte) (val []byte, ok bool, err error) {
	if t.g == nil {
		return t.getRaw(key)
	}
	if c, hit := t.g.vals[string(key)]; hit {
		return c.val, c.found, nil
	}
	item, err := t.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		t.g.vals[string(key)] = cachedVal{}
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	if val, err = item.ValueCopy(nil); err != nil {
		return nil, false, err
	}
	t.g.vals[string(key)] = cachedVal{val: val, found: true}
	return val, true, nil
}

// getRaw returns a copy of the value at key; ok false when absent.
func (t *tx) getRaw(key []byte) (val []byte, ok bool, err error) {
	if t.g != nil {
		val, ok, err := t.get(key)
		return append([]byte(nil), val...), ok, err
	}
	item, err := t.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	val, err = item.ValueCopy(nil)
	return val, err == nil, err
}

// getJSON decodes the value at key into v; ErrNotFound when absent.
func (t *tx) getJSON(key []byte, v any) error {
	if t.g != nil {
		val, ok, err := t.get(key)
		if err != nil {
			return err
		}
		if !ok {
			return storage.ErrNotFound
		}
		return decode(val, v)
	}
	item, err := t.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return storage.ErrNotFound
	}
	if err != nil {
		return err
	}
	return item.Value(func(val []byte) error { return decode(val, v) })
}

// decode unmarshals a stored value; json.Unmarshal copies what it keeps.
func decode(val []byte, v any) error {
	if err := json.Unmarshal(val, v); err != nil {
		return fmt.Errorf("storage: damaged record: %w", err)
	}
	return nil
}

func (t *tx) putJSON(key []byte, v any) error {
	val, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return t.set(key, val)
}

func (t *tx) set(key, val []byte) error {
	if err := tooBig(t.txn.Set(key, val)); err != nil {
		return err
	}
	t.wrote(key, val, true)
	return nil
}

func (t *tx) del(key []byte) error {
	if err := tooBig(t.txn.Delete(key)); err != nil {
		return err
	}
	t.wrote(key, nil, false)
	return nil
}

// wrote keeps a group's cache, write mirror, undo log and size in step
// with a write to its transaction (the key made a string once, for all).
func (t *tx) wrote(key, val []byte, found bool) {
	g := t.g
	if g == nil {
		return
	}
	ks := string(key)
	prev, had := g.writes[ks]
	if t.undo != nil {
		t.undo.prev = append(t.undo.prev, undoEntry{key: ks, prev: prev, had: had})
	}
	if !had {
		g.insertSorted(ks)
	}
	v := cachedVal{val: val, found: found}
	g.writes[ks] = v
	g.vals[ks] = v
	delete(g.decoded, ks)
	g.entries++
	g.bytes += len(key) + len(val) + 16
	if len(key) > 0 && key[0] == storage.NSBridge {
		g.bridges = nil
	}
	if len(key) > 0 && key[0] == storage.NSNumber {
		g.numbers = nil
	}
}

func tooBig(err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("%w: %w", storage.ErrTooBig, err)
	}
	return err
}

func (t *tx) has(key []byte) (bool, error) {
	if t.g != nil {
		_, ok, err := t.get(key)
		return ok, err
	}
	_, err := t.txn.Get(key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// each calls fn for every key starting with prefix, in key order (reverse
// when asked), with its value when values is true. key and val are valid
// only during the call; fn returns false to stop.
func (t *tx) each(prefix []byte, values, reverse bool, fn func(key, val []byte) (bool, error)) error {
	start := prefix
	if reverse {
		// A reverse Seek lands on the last key <= start: go past every key
		// of the prefix (mail and audit keys have 8 bytes after theirs).
		start = append(append([]byte(nil), prefix...), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF)
	}
	return t.eachFrom(prefix, start, values, reverse, fn)
}

// eachFrom is each starting at the key start (which should be within the
// prefix): the first key >= start, or <= start when reverse.
func (t *tx) eachFrom(prefix, start []byte, values, reverse bool, fn func(key, val []byte) (bool, error)) error {
	if t.g != nil && len(t.g.writes) > 0 {
		return t.eachMerged(prefix, start, values, reverse, fn)
	}
	opts := badger.IteratorOptions{Prefix: prefix, PrefetchValues: false, Reverse: reverse}
	it := t.txn.NewIterator(opts)
	defer it.Close()
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		item := it.Item()
		var more bool
		var err error
		if values {
			err = item.Value(func(v []byte) error {
				more, err = fn(item.Key(), v)
				return err
			})
		} else {
			more, err = fn(item.Key(), nil)
		}
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// getU64 reads a u64 value (schema version, counters); 0 when absent.
func (t *tx) getU64(key []byte) (uint64, error) {
	val, ok, err := t.getRaw(key)
	if err != nil || !ok {
		return 0, err
	}
	if len(val) != 8 {
		return 0, errors.New("storage: damaged counter")
	}
	return binary.BigEndian.Uint64(val), nil
}

func (t *tx) putU64(key []byte, v uint64) error { return t.set(key, storage.AppendU64(nil, v)) }

// Tenant returns the tenant record.
func (t *tx) Tenant() (*storage.Tenant, error) {
	tn, err := sharedRecord[storage.Tenant](t, storage.TenantKey())
	if err != nil || t.g == nil {
		return tn, err
	}
	return cloneTenant(tn), nil
}

// Settings returns the tenant settings (the defaults when none are stored).
func (t *tx) Settings() (*storage.Settings, error) {
	s, err := sharedRecord[storage.Settings](t, storage.SettingsKey())
	if errors.Is(err, storage.ErrNotFound) {
		return storage.NewDefaultSettings(), nil
	}
	if err != nil {
		return nil, err
	}
	return cloneSettings(s), nil
}

// PutTenant writes the tenant record.
func (t *tx) PutTenant(tn *storage.Tenant) error { return t.putJSON(storage.TenantKey(), tn) }

// PutSettings writes the tenant settings; the tenant-wide audio
// conferencing and meeting policies must exist.
func (t *tx) PutSettings(s *storage.Settings) error {
	if err := t.checkAudioPolicyName(s.GlobalAudioConferencingPolicy); err != nil {
		return err
	}
	if err := t.checkMeetingPolicyName(s.GlobalMeetingPolicy); err != nil {
		return err
	}
	return t.putJSON(storage.SettingsKey(), s)
}

// VerifyPIN reports whether pin matches h under the tenant secret.
func (t *tx) VerifyPIN(h storage.PINHash, pin string) bool {
	return storage.VerifyPIN(t.b.secret, h, pin)
}

// HashPIN makes the stored form of pin: fresh salt, keyed hash, SetAt
// from the store's clock.
func (t *tx) HashPIN(pin string) (storage.PINHash, error) { return t.b.HashPIN(pin) }

// Now is the store's clock.
func (t *tx) Now() time.Time { return t.b.Now() }

// DeleteAll removes every tenant record, keeping the schema version.
func (t *tx) DeleteAll() error {
	t.calls = nil // the meetings' calls go too
	for _, ns := range storage.TenantNamespaces() {
		if err := t.deletePrefix([]byte{ns}); err != nil {
			return err
		}
	}
	return nil
}

// DeleteMailAndAudit empties the outbox and the audit log and their
// sequence counters.
func (t *tx) DeleteMailAndAudit() error {
	for _, p := range storage.LogPrefixes() {
		if err := t.deletePrefix(p); err != nil {
			return err
		}
	}
	return nil
}

// deletePrefix deletes every key starting with p in this transaction.
func (t *tx) deletePrefix(p []byte) error {
	var keys [][]byte
	err := t.each(p, false, false, func(k, _ []byte) (bool, error) {
		keys = append(keys, append([]byte(nil), k...))
		return true, nil
	})
	for _, k := range keys {
		if err == nil {
			err = t.del(k)
		}
	}
	return err
}
