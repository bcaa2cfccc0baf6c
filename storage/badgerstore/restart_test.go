package badgerstore

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// TestRestart: a change survives Close and a reopen, the secret key file
// is private, and a PIN hashed before the restart still verifies.
func TestRestart(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "deep", "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("store dir: %v %v", fi.Mode(), err)
	}
	storagetest.Update(t, s, func(w storage.Writer) error {
		u := storagetest.NewUser("new.user@contoso.com", "New User")
		h, err := w.HashPIN("48213")
		if err != nil {
			return err
		}
		u.Conferencing = &storage.Conferencing{BridgeID: storage.DemoBridgeID, ConferenceID: "7654321", PIN: h}
		if err := w.PutUser(u); err != nil {
			return err
		}
		return w.AddMail(&storage.Mail{To: "new.user@contoso.com", Kind: storage.MailEnabled})
	})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	fi, err := os.Stat(storage.KeyFile(dir))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file %s: %v %v", storage.KeyFile(dir), fi, err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := storagetest.UserByUPN(t, s, "New User")
	storagetest.View(t, s, func(r storage.Reader) error {
		if !r.VerifyPIN(u.Conferencing.PIN, "48213") {
			t.Error("PIN no longer verifies after a restart")
		}
		if owner, ok, _ := r.ConferenceIDOwner(storage.DemoBridgeID, "7654321"); !ok || owner != u.ID {
			t.Error("conference id index lost")
		}
		if m, _ := r.Mail(0, nil); len(m) != 1 || m[0].Seq != 1 {
			t.Errorf("mail after restart: %v", m)
		}
		return nil
	})
	if n := storagetest.Count(t, s); n != 13 {
		t.Errorf("users after restart = %d (the demo must not be seeded twice)", n)
	}
}

// TestInUse: a second Open of a held store fails with *InUseError and the
// one line csshell prints.
func TestInUse(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(dir)
	var inUse *storage.InUseError
	if !errors.As(err, &inUse) {
		t.Fatalf("second Open: %v", err)
	}
	if want := "The tenant store '" + dir + "' is in use by another csshell process."; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	s.Close()
	s2, err := Open(dir)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	s2.Close()
}

// TestInUseOtherProcess: the case that matters — another process (this
// test binary again) opening a held store — gets the one clear line.
func TestInUseOtherProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), memProbeEnv+"=open:"+dir)
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "*storage.InUseError: The tenant store '" + dir + "' is in use by another csshell process.\n"
	if string(out) != want {
		t.Errorf("second process got %q, want %q", out, want)
	}
}

// TestLostKeyFile: a store with data whose key file is gone refuses to
// open with a *KeyFileError and makes no new key (its PINs would never
// verify again); with the key file back it opens and old PINs verify.
func TestLostKeyFile(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var h storage.PINHash
	storagetest.Update(t, s, func(w storage.Writer) (err error) { h, err = w.HashPIN("48213"); return err })
	s.Close()
	key, err := os.ReadFile(storage.KeyFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(storage.KeyFile(dir))
	s, err = Open(dir)
	var kerr *storage.KeyFileError
	if !errors.As(err, &kerr) || !kerr.Missing {
		if err == nil {
			s.Close()
		}
		t.Fatalf("Open without the key file: %v, want a *KeyFileError", err)
	}
	if _, err := os.Stat(storage.KeyFile(dir)); !os.IsNotExist(err) {
		t.Errorf("a new key file was made: %v", err)
	}
	os.WriteFile(storage.KeyFile(dir), key, 0o600)
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storagetest.View(t, s, func(r storage.Reader) error {
		if !r.VerifyPIN(h, "48213") {
			t.Error("the PIN does not verify with the key file back")
		}
		return nil
	})
}

func TestDamagedKeyFile(t *testing.T) {
	dir := t.TempDir() + "/tenant"
	os.WriteFile(storage.KeyFile(dir), []byte("not hex\n"), 0o600)
	if s, err := Open(dir); err == nil {
		s.Close()
		t.Fatal("Open with a damaged key file succeeded")
	}
}

func TestDefaultDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if got := storage.DefaultDir(env(map[string]string{"XDG_DATA_HOME": "/x/data", "HOME": "/home/u"})); got != "/x/data/csshell/tenants/contoso" {
		t.Errorf("XDG: %s", got)
	}
	if got := storage.DefaultDir(env(map[string]string{"HOME": "/home/u"})); got != "/home/u/.local/share/csshell/tenants/contoso" {
		t.Errorf("HOME: %s", got)
	}
	if got := storage.DefaultDir(env(map[string]string{"XDG_DATA_HOME": "rel", "HOME": "/home/u"})); got != "/home/u/.local/share/csshell/tenants/contoso" {
		t.Errorf("relative XDG: %s", got)
	}
	if storage.KeyFile("/a/b/contoso/") != "/a/b/contoso.key" {
		t.Errorf("KeyFile = %s", storage.KeyFile("/a/b/contoso/"))
	}
}
