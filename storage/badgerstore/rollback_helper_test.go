package badgerstore

import (
	"testing"

	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// rollBackIndex turns the closed store in dir back into one of an older
// schema that had no index ns: it deletes the index's entries, runs also
// (nil for nothing) in the same transaction and stamps schema. It returns
// how many entries the index had.
func rollBackIndex(t *testing.T, dir string, ns byte, schema uint64, also func(txn *badger.Txn) error) int {
	t.Helper()
	db, err := badger.Open(badgerOptions(dir))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{ns}})
		var keys [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		it.Close()
		n = len(keys)
		for _, k := range keys {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		if also != nil {
			if err := also(txn); err != nil {
				return err
			}
		}
		return txn.Set(storage.SchemaKey(), storage.AppendU64(nil, schema))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	return n
}
