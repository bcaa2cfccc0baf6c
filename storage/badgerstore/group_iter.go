package badgerstore

import (
	"bytes"
	"maps"
	"slices"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// Iterations in a group's transaction.
//
// Badger's iterator over a read-write transaction copies and sorts every
// pending write of the transaction, whatever the prefix: in a group of
// two thousand writes each listing (the service numbers, a display-name
// lookup) would cost more than the change. So a group keeps its written
// keys sorted (openGroup.sorted, by namespace) and an iteration merges the committed
// state, read through a read-only transaction, with the group's writes
// under the prefix. That is the group transaction's own view: while a
// group is open nothing else commits (every other writer commits the
// group first, group.go), so the committed state is the snapshot the
// group's transaction reads.

// insertSorted adds a newly written key to the sorted keys of its
// namespace (the key's first byte): kept apart, a group of new users'
// dozen index entries each moves a namespace's keys, not all the group's.
func (o *openGroup) insertSorted(key string) {
	ns := nsOf(key)
	i, found := slices.BinarySearch(o.sorted[ns], key)
	if !found {
		o.sorted[ns] = slices.Insert(o.sorted[ns], i, key)
	}
}

// nsOf is the namespace byte of a key (0 for the empty key).
func nsOf(key string) byte {
	if key == "" {
		return 0
	}
	return key[0]
}

// sortedUnder is the group's written keys that may start with prefix, in
// order: its namespace's, or every namespace's for an empty prefix.
func (o *openGroup) sortedUnder(prefix []byte) []string {
	if len(prefix) > 0 {
		return o.sorted[prefix[0]]
	}
	var all []string
	for _, keys := range o.sorted {
		all = append(all, keys...)
	}
	return all
}

// resort rebuilds the sorted keys from the group's writes.
func (o *openGroup) resort() {
	o.sorted = [256][]string{}
	for _, k := range slices.Sorted(maps.Keys(o.writes)) {
		o.sorted[nsOf(k)] = append(o.sorted[nsOf(k)], k)
	}
}

// pendingEntry is one of the group's writes under an iteration's prefix.
type pendingEntry struct {
	key string
	cachedVal
}

// pendingRange lists the group's writes under prefix from start (the
// first key >= start, or <= start when reverse), in iteration order: a
// copy, so that writes during the iteration do not change it (as with a
// Badger iterator).
func (o *openGroup) pendingRange(prefix, start []byte, reverse bool) []pendingEntry {
	var out []pendingEntry
	sorted := o.sortedUnder(prefix)
	i, found := slices.BinarySearch(sorted, string(start))
	if !reverse {
		for ; i < len(sorted) && strings.HasPrefix(sorted[i], string(prefix)); i++ {
			out = append(out, pendingEntry{sorted[i], o.writes[sorted[i]]})
		}
		return out
	}
	if !found {
		i--
	}
	for ; i >= 0 && strings.HasPrefix(sorted[i], string(prefix)); i-- {
		out = append(out, pendingEntry{sorted[i], o.writes[sorted[i]]})
	}
	return out
}

// eachMerged is eachFrom in a group's transaction: the committed keys and
// the group's writes, merged in key order (reverse when asked), a
// group's write replacing or (deleted) hiding the committed key.
func (t *tx) eachMerged(prefix, start []byte, values, reverse bool, fn func(key, val []byte) (bool, error)) error {
	pending := t.g.pendingRange(prefix, start, reverse)
	rt := t.b.db.NewTransaction(false)
	defer rt.Discard()
	it := rt.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false, Reverse: reverse})
	defer it.Close()
	it.Seek(start)
	for {
		committed := it.ValidForPrefix(prefix)
		if !committed && len(pending) == 0 {
			return nil
		}
		usePending := len(pending) > 0
		if committed && usePending {
			c := bytes.Compare(it.Item().Key(), []byte(pending[0].key))
			if reverse {
				c = -c
			}
			if c < 0 {
				usePending = false
			} else if c == 0 {
				it.Next() // the group's write replaces the committed key
			}
		}
		var more bool
		var err error
		if usePending {
			p := pending[0]
			pending = pending[1:]
			if !p.found {
				continue // deleted in the group
			}
			var val []byte
			if values {
				val = p.val
			}
			more, err = fn([]byte(p.key), val)
		} else {
			item := it.Item()
			if values {
				err = item.Value(func(v []byte) error {
					more, err = fn(item.Key(), v)
					return err
				})
			} else {
				more, err = fn(item.Key(), nil)
			}
			it.Next()
		}
		if err != nil || !more {
			return err
		}
	}
}
