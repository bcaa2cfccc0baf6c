package badgerstore

import (
	badger "github.com/dgraph-io/badger/v4"
)

// NamespaceSpace is what one key namespace (storage/keys.go) holds: how
// many keys, and how many bytes of keys and of values.
type NamespaceSpace struct {
	Namespace byte
	Keys      int64
	KeyBytes  int64
	ValBytes  int64
}

// SpaceByNamespace walks every live key once (values read only for their
// size) and sums them by namespace, in namespace order: what a store's
// size on disk is made of, before Badger's per-entry overhead (an 8-byte
// version and a few bytes of header and index per key).
func (b *Badger) SpaceByNamespace() ([]NamespaceSpace, error) {
	var out []NamespaceSpace
	err := b.viewDB(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			if len(k) == 0 {
				continue
			}
			if len(out) == 0 || out[len(out)-1].Namespace != k[0] {
				out = append(out, NamespaceSpace{Namespace: k[0]})
			}
			ns := &out[len(out)-1]
			ns.Keys++
			ns.KeyBytes += int64(len(k))
			ns.ValBytes += item.ValueSize()
		}
		return nil
	})
	return out, err
}
