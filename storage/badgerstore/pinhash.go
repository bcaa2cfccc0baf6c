package badgerstore

import (
	"github.com/csshell/csshell/storage"
)

// HashPIN makes the stored form of a new PIN under the tenant secret:
// fresh salt, keyed hash, SetAt from the store's clock. A Badger is thus a
// storage.Stamper outside any transaction (AddNewUsers uses it).
func (b *Badger) HashPIN(pin string) (storage.PINHash, error) {
	return storage.HashPIN(b.secret, pin, b.Now())
}
