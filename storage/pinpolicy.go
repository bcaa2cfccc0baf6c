package storage

// The PIN policy (seed rules; cmdlets.md §24–25): every user enabled for
// audio conferencing has a numeric leader PIN that starts their meetings by
// phone; PINs have MinPinLength to MaxPinLength digits, DefaultPinLength by
// default, and a change of the tenant's PinLength applies only to PINs
// generated afterwards; a new PIN is shown once, in the response that made
// it, and as secret.Mask (internal/secret) everywhere afterwards; only its
// keyed hash is stored: HMAC-SHA256 under the tenant's secret over a fresh
// per-user salt and the PIN (HashPIN, VerifyPIN; the store supplies its
// secret through Writer.HashPIN and Reader.VerifyPIN). This file is the one
// place the lengths, generation, validity and hashing live.

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"time"
)

// PIN lengths the tenant setting PinLength allows, and its default: a
// change of length applies only to PINs generated afterwards.
const (
	MinPinLength     = 4
	MaxPinLength     = 12
	DefaultPinLength = 5
)

// GeneratePIN returns a random leader PIN of length digits (4..12) drawn
// with crypto/rand. It is never one digit repeated (11111) and never a
// strictly ascending or descending run (12345, 98765, 0123).
func GeneratePIN(length int) (string, error) {
	if length < MinPinLength || length > MaxPinLength {
		return "", fmt.Errorf("storage: PIN length %d is outside %d..%d", length, MinPinLength, MaxPinLength)
	}
	for {
		pin, err := randomDigits(length)
		if err != nil {
			return "", err
		}
		if !weakPIN(pin) {
			return pin, nil
		}
	}
}

// weakPIN reports whether pin is one digit repeated or a run of digits each
// one above (or each one below) the previous.
func weakPIN(pin string) bool {
	same, up, down := true, true, true
	for i := 1; i < len(pin); i++ {
		d := int(pin[i]) - int(pin[i-1])
		same = same && d == 0
		up = up && d == 1
		down = down && d == -1
	}
	return same || up || down
}

// randomDigits returns n uniformly random decimal digits.
func randomDigits(n int) (string, error) {
	out := make([]byte, 0, n)
	buf := make([]byte, n+8)
	for len(out) < n {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("storage: reading random digits: %w", err)
		}
		for _, b := range buf {
			if b < 250 && len(out) < n { // 250 = 25×10: no modulo bias
				out = append(out, '0'+b%10)
			}
		}
	}
	return string(out), nil
}

// ValidPIN reports whether pin is 4..12 decimal digits: the PINs a store
// hashes.
func ValidPIN(pin string) bool {
	if len(pin) < MinPinLength || len(pin) > MaxPinLength {
		return false
	}
	for i := 0; i < len(pin); i++ {
		if pin[i] < '0' || pin[i] > '9' {
			return false
		}
	}
	return true
}

// GenerateConferenceID returns a random 7-digit conference id (first digit
// not zero) that no user holds on the bridge.
func GenerateConferenceID(r Reader, bridgeID string) (string, error) {
	for range 1000 {
		id, err := randomConferenceID()
		if err != nil {
			return "", err
		}
		_, taken, err := r.ConferenceIDOwner(bridgeID, id)
		if err != nil {
			return "", err
		}
		if !taken {
			return id, nil
		}
	}
	return "", fmt.Errorf("storage: no free conference id on bridge %s", bridgeID)
}

// randomConferenceID returns 7 random digits, the first not zero.
func randomConferenceID() (string, error) {
	for {
		d, err := randomDigits(7)
		if err != nil {
			return "", err
		}
		if d[0] != '0' {
			return d, nil
		}
	}
}

// pinSaltSize is the length of a PIN hash's per-user salt.
const pinSaltSize = 16

// HashPIN makes the stored form of pin under a tenant secret: a fresh salt
// and HMAC-SHA256(secret, salt || pin), stamped with now. Only valid PINs
// are hashed.
func HashPIN(secret []byte, pin string, now time.Time) (PINHash, error) {
	if !ValidPIN(pin) {
		return PINHash{}, fmt.Errorf("storage: a PIN is %d to %d digits", MinPinLength, MaxPinLength)
	}
	salt := make([]byte, pinSaltSize)
	if _, err := rand.Read(salt); err != nil {
		return PINHash{}, fmt.Errorf("storage: reading a PIN salt: %w", err)
	}
	return PINHash{Salt: salt, Hash: pinMAC(secret, salt, pin), Length: len(pin), SetAt: now}, nil
}

// VerifyPIN reports, in constant time, whether pin is the PIN h was made
// from under secret.
func VerifyPIN(secret []byte, h PINHash, pin string) bool {
	if len(h.Salt) == 0 || len(h.Hash) == 0 {
		return false
	}
	return hmac.Equal(pinMAC(secret, h.Salt, pin), h.Hash)
}

// pinMAC is HMAC-SHA256(secret, salt || pin).
func pinMAC(secret, salt []byte, pin string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write(salt)
	m.Write([]byte(pin))
	return m.Sum(nil)
}
