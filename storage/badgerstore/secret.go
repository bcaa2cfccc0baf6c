package badgerstore

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/csshell/csshell/internal/atomicfile"
)

// secretSize is the length of the per-tenant PIN-hashing secret.
const secretSize = 32

// newSecret returns secretSize random bytes.
func newSecret() ([]byte, error) {
	b := make([]byte, secretSize)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("storage: generating the tenant secret: %w", err)
	}
	return b, nil
}

// errNoKeyFile is loadSecret's answer for a missing key file it may not
// create.
var errNoKeyFile = errors.New("storage: the tenant key file is missing")

// loadSecret reads the key file at path. When it does not exist, a new
// secret is made and written (mode 0600, hex text) if create is set — a
// store that holds no data yet — and errNoKeyFile is returned otherwise:
// a store's data (PIN hashes, sealed mail) is useless under another key,
// so a lost key file is never silently replaced.
func loadSecret(path string, create bool) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		secret, err := hex.DecodeString(string(bytes.TrimSpace(data)))
		if err != nil || len(secret) != secretSize {
			return nil, fmt.Errorf("storage: the tenant key file '%s' is damaged", path)
		}
		// Tighten a key file someone made readable to others.
		if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
			_ = os.Chmod(path, 0o600)
		}
		return secret, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("storage: reading the tenant key file: %w", err)
	}
	if !create {
		return nil, errNoKeyFile
	}
	secret, err := newSecret()
	if err != nil {
		return nil, err
	}
	if err := writeSecret(path, secret); err != nil {
		return nil, err
	}
	return secret, nil
}

// writeSecret creates the key file durably and atomically (mode 0600), so
// a crash never leaves a half-written key.
func writeSecret(path string, secret []byte) error {
	if err := atomicfile.WriteFile(path, []byte(hex.EncodeToString(secret)+"\n"), 0o600); err != nil {
		return fmt.Errorf("storage: writing the tenant key file: %w", err)
	}
	return nil
}
