package badgerstore

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"

	"github.com/csshell/csshell/storage"
)

// Mail bodies can hold a new PIN (enable and reset mails), so they are
// sealed at rest with AES-256-GCM under a key derived from the tenant
// secret, which lives outside the Badger directory: a copy of the store
// alone reveals no PIN. The rest of a mail record is plain JSON.

// storedMail is a mail record as written: the body replaced by its sealed
// form.
type storedMail struct {
	storage.Mail
	Body   string `json:"Body,omitempty"` // always empty on disk
	Sealed []byte `json:"Sealed"`
}

// mailSealKey derives the mail-sealing key from the tenant secret.
func mailSealKey(secret []byte) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("csshell mail body v1"))
	return mac.Sum(nil)
}

// sealBody encrypts a mail body; the random nonce is prepended.
func sealBody(secret []byte, body string) ([]byte, error) {
	aead, err := mailAEAD(secret)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	return aead.Seal(nonce, nonce, []byte(body), nil), nil
}

// openBody decrypts a sealed mail body.
func openBody(secret, sealed []byte) (string, error) {
	aead, err := mailAEAD(secret)
	if err != nil {
		return "", err
	}
	if len(sealed) < aead.NonceSize() {
		return "", errors.New("sealed mail body is too short")
	}
	plain, err := aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], nil)
	if err != nil {
		return "", errors.New("a mail body cannot be read with this tenant's key file")
	}
	return string(plain), nil
}

// mailAEAD builds the AES-GCM cipher for mail bodies.
func mailAEAD(secret []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(mailSealKey(secret))
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// sealMail prepares a mail for storage.
func sealMail(secret []byte, m *storage.Mail) (*storedMail, error) {
	sealed, err := sealBody(secret, m.Body)
	if err != nil {
		return nil, err
	}
	return &storedMail{Mail: *m, Sealed: sealed}, nil
}

// unsealMail restores a stored mail; a body that cannot be opened (the key
// file was replaced) reads as a note saying so rather than failing.
func unsealMail(secret []byte, sm *storedMail) *storage.Mail {
	m := sm.Mail
	body, err := openBody(secret, sm.Sealed)
	if err != nil {
		body = "(" + err.Error() + ")"
	}
	m.Body = body
	return &m
}
