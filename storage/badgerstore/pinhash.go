package badgerstore

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"time"

	"github.com/csshell/csshell/storage"
)

// pinSaltSize is the length of a PIN hash's per-user salt.
const pinSaltSize = 16

// hashPIN makes the stored form of pin under secret: a fresh salt and
// HMAC-SHA256(secret, salt || pin).
func hashPIN(secret []byte, pin string, now time.Time) (storage.PINHash, error) {
	if !storage.ValidPIN(pin) {
		return storage.PINHash{}, fmt.Errorf("storage: a PIN is %d to %d digits", storage.MinPinLength, storage.MaxPinLength)
	}
	salt := make([]byte, pinSaltSize)
	if _, err := rand.Read(salt); err != nil {
		return storage.PINHash{}, fmt.Errorf("storage: reading a PIN salt: %w", err)
	}
	return storage.PINHash{Salt: salt, Hash: pinMAC(secret, salt, pin), Length: len(pin), SetAt: now}, nil
}

// verifyPIN compares in constant time.
func verifyPIN(secret []byte, h storage.PINHash, pin string) bool {
	if len(h.Salt) == 0 || len(h.Hash) == 0 {
		return false
	}
	return hmac.Equal(pinMAC(secret, h.Salt, pin), h.Hash)
}

func pinMAC(secret, salt []byte, pin string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(salt)
	m.Write([]byte(pin))
	return m.Sum(nil)
}

// HashPIN makes the stored form of a new PIN under the tenant secret:
// fresh salt, keyed hash, SetAt from the store's clock. A Badger is thus a
// storage.Stamper outside any transaction (AddNewUsers uses it).
func (b *Badger) HashPIN(pin string) (storage.PINHash, error) {
	return hashPIN(b.secret, pin, b.Now())
}
