package badgerstore

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// TestKeyFileByAnyPath: a store opened as "." from inside it, by its
// absolute path and through a symbolic link is one store with one key
// file beside it: no "..key" inside the store, no second key, and a PIN
// set through one path verifies through the others (issue 9, break 7).
func TestKeyFileByAnyPath(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "tenant")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	s, err := Open(".")
	if err != nil {
		t.Fatal(err)
	}
	if s.Dir() != dir {
		t.Errorf("Dir() = %q, want the canonical %q", s.Dir(), dir)
	}
	var h storage.PINHash
	storagetest.Update(t, s, func(w storage.Writer) (err error) { h, err = w.HashPIN("48213"); return err })
	id := s.KeyID()
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, "..key")); !os.IsNotExist(err) {
		t.Errorf("a key file was written inside the store: %v", err)
	}
	if _, err := os.Stat(filepath.Join(parent, "tenant.key")); err != nil {
		t.Errorf("no key file beside the store: %v", err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, dir + "/", link, "../tenant"} {
		s, err := Open(path)
		if err != nil {
			t.Fatalf("Open(%q): %v", path, err)
		}
		if s.KeyID() != id {
			t.Errorf("Open(%q) uses another key", path)
		}
		storagetest.View(t, s, func(r storage.Reader) error {
			if !r.VerifyPIN(h, "48213") {
				t.Errorf("Open(%q): the PIN does not verify", path)
			}
			return nil
		})
		s.Close()
	}
	keys, _ := filepath.Glob(filepath.Join(parent, "*.key"))
	if inside, _ := filepath.Glob(filepath.Join(dir, "*key")); len(keys) != 1 || len(inside) != 0 {
		t.Errorf("key files beside %v, inside %v: want exactly one, beside", keys, inside)
	}
	if got := storage.KeyFile("."); got != filepath.Join(parent, "tenant.key") {
		t.Errorf(`KeyFile(".") = %q`, got)
	}
}

// TestKeyFileMismatch: a store opened with another store's key file is
// refused with one line, every file as it was, and opens again with its
// own key file back.
func TestKeyFileMismatch(t *testing.T) {
	dir := storeWithUsers(t, 5)
	own, err := os.ReadFile(storage.KeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	other := storeWithUsers(t, 0)
	foreign, err := os.ReadFile(storage.KeyFile(other))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(storage.KeyFile(dir), foreign, 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileSums(t, dir)
	_, err = Open(dir)
	var ke *storage.KeyFileError
	if !errors.As(err, &ke) || ke.Missing {
		t.Fatalf("Open with another store's key file: %v, want a *KeyFileError", err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "does not match") {
		t.Errorf("message %q", msg)
	}
	sameFiles(t, dir, before)
	if err := os.WriteFile(storage.KeyFile(dir), own, 0o600); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, 5)
}

// TestKeyFingerprintStamped: a store from before key fingerprints (no
// KEYID file) opens and gets one, which then guards it.
func TestKeyFingerprintStamped(t *testing.T) {
	dir := storeWithUsers(t, 3)
	fp := filepath.Join(dir, keyIDFile)
	if err := os.Remove(fp); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, 3)
	data, err := os.ReadFile(fp)
	if err != nil {
		t.Fatal(err)
	}
	secret, _ := loadSecret(storage.KeyFile(dir), false)
	if strings.TrimSpace(string(data)) != keyID(secret) {
		t.Errorf("KEYID %q is not the key file's fingerprint", data)
	}
	if st, _ := os.Stat(fp); st.Mode().Perm() != 0o600 {
		t.Errorf("KEYID mode %v, want 0600", st.Mode().Perm())
	}
}

// TestNewStoreKeyFirst: a new store's key file exists before Badger
// writes anything, so a crash in the first open never leaves data
// without its key (which Open would then refuse).
func TestNewStoreKeyFirst(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tenant")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	// A first open killed right after Badger made its files, before any
	// commit: files, no data, no key.
	db, err := openBadger(dir)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	opensWith(t, dir, 0)
}

// TestKeyFingerprintNotStampedOverAWrongKey: a store without KEYID (made
// before fingerprints) opened with another store's key file is refused
// when its mail does not open with that key, rather than stamped with it.
func TestKeyFingerprintNotStampedOverAWrongKey(t *testing.T) {
	dir := storeWithUsers(t, 3)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "x@contoso.com", Body: "PIN 12345"}) })
	s.Close()
	os.Remove(filepath.Join(dir, keyIDFile))
	foreign, err := os.ReadFile(storage.KeyFile(storeWithUsers(t, 0)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(storage.KeyFile(dir), foreign, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir)
	var ke *storage.KeyFileError
	if !errors.As(err, &ke) || ke.Missing {
		t.Fatalf("Open: %v, want a *KeyFileError", err)
	}
	if _, err := os.Stat(filepath.Join(dir, keyIDFile)); !os.IsNotExist(err) {
		t.Errorf("the wrong key's fingerprint was stamped: %v", err)
	}
}
