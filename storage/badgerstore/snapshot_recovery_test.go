package badgerstore

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// openDisk opens (and on cleanup closes) an on-disk demo store in a new
// directory.
func openDisk(t *testing.T) *Badger {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "tenant"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// reopen closes s and opens its directory again.
func reopen(t *testing.T, s *Badger) *Badger {
	t.Helper()
	dir := s.Dir()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// noRestoreFiles fails when a restore file is left beside the store.
func noRestoreFiles(t *testing.T, s *Badger) {
	t.Helper()
	for _, p := range []string{s.restoreSpoolPath(), s.restorePendingPath()} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("restore file %s left behind (%v)", p, err)
		}
	}
}

// TestRestoreFinishedOnOpen: a restore a crash cut short after its marker
// (payload kept beside the store, some keys deleted, some written) is
// finished by the next Open: the tenant is the snapshot's, whole, and the
// payload file is gone. With the payload missing or changed, Open refuses
// with one message saying how to recover, and changes nothing.
func TestRestoreFinishedOnOpen(t *testing.T) {
	s := openDisk(t)
	setPIN(t, s, "ken.myer@contoso.com", "48213")
	want := dumpAll(t, s)
	var snap bytes.Buffer
	if err := s.Snapshot(&snap); err != nil {
		t.Fatal(err)
	}
	setPIN(t, s, "ken.myer@contoso.com", "11223")
	if err := storage.AddSyntheticUsers(s, 200); err != nil {
		t.Fatal(err)
	}
	// The state a kill leaves midway: payload kept, marker set, half the
	// users gone.
	var payload bytes.Buffer
	hdr, _, err := storage.ReadAuthenticatedSnapshot(bytes.NewReader(snap.Bytes()), &payload, snapshotMACKey(s.secret))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.restorePendingPath(), payload.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(payload.Bytes())
	marker := restoreMarker(hdr.Schema, sum[:], hdr.KeyID)
	storagetest.Update(t, s, func(w storage.Writer) error {
		n := 0
		err := w.ScanUsers("", 0, func(u *storage.User) error {
			if n++; n%2 == 0 {
				return w.DeleteUser(u.ID)
			}
			return nil
		})
		if err != nil {
			return err
		}
		return w.(*tx).set(storage.PendingKey(), marker)
	})
	s = reopen(t, s)
	sameDump(t, "after the restore was finished on open", dumpAll(t, s), want)
	if !verifies(t, s, "ken.myer@contoso.com", "48213") {
		t.Error("the snapshot's PIN does not verify")
	}
	if err := s.CheckInvariants(); err != nil {
		t.Error(err)
	}
	noRestoreFiles(t, s)

	// Payload damaged, or gone: refused, the store left as it is.
	for _, damage := range []func(path string){
		func(p string) { os.WriteFile(p, []byte("not the payload"), 0o600) },
		func(p string) { os.Remove(p) },
	} {
		storagetest.Update(t, s, func(w storage.Writer) error { return w.(*tx).set(storage.PendingKey(), marker) })
		damage(s.restorePendingPath())
		dir := s.Dir()
		s.Close()
		if s2, err := Open(dir); err == nil {
			s2.Close()
			t.Fatal("opened with a pending restore whose payload is damaged or missing")
		} else if msg := err.Error(); !strings.Contains(msg, "was being restored") || !strings.Contains(msg, "Restore-Tenant") {
			t.Errorf("refusal %q does not say what happened and how to recover", msg)
		}
		// Put the payload back: the next open finishes the restore.
		os.WriteFile(s.restorePendingPath(), payload.Bytes(), 0o600)
		var err error
		if s, err = Open(dir); err != nil {
			t.Fatal(err)
		}
		sameDump(t, "finished after the payload was put back", dumpAll(t, s), want)
	}
	s.Close()
}

// TestRestoreOldMarkerRefused: the plain "restore" marker an older csshell
// left cannot be finished: Open refuses, saying how to recover.
func TestRestoreOldMarkerRefused(t *testing.T) {
	s := openDisk(t)
	storagetest.Update(t, s, func(w storage.Writer) error { return w.(*tx).set(storage.PendingKey(), []byte(resetRestore)) })
	dir := s.Dir()
	s.Close()
	s, err := Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("a store with an unfinishable restore opened")
	}
	if !strings.Contains(err.Error(), "move the directory") {
		t.Errorf("refusal: %v", err)
	}
}

// spyReader serves a snapshot and, halfway, looks at the files around the
// store (what a kill at that moment would leave); panicAt > 0 panics
// there instead.
type spyReader struct {
	r       io.Reader
	n, at   int
	look    func()
	panicAt bool
}

func (s *spyReader) Read(p []byte) (int, error) {
	if len(p) > 512 {
		p = p[:512]
	}
	n, err := s.r.Read(p)
	s.n += n
	if s.at > 0 && s.n >= s.at {
		s.at = 0
		if s.panicAt {
			panic("reader failed")
		}
		s.look()
	}
	return n, err
}

// TestRestoreFilesBesideStore: the payload a restore holds while checking
// is spooled beside the store (never in the system's temporary directory),
// readable by its owner only, and removed on every path — success,
// refusal, a panic — and a leftover (a kill) is removed by the next Open.
func TestRestoreFilesBesideStore(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	s := openDisk(t)
	defer func() { s.Close() }()
	var snap bytes.Buffer
	if err := s.Snapshot(&snap); err != nil {
		t.Fatal(err)
	}
	seen := false
	look := func() {
		st, err := os.Stat(s.restoreSpoolPath())
		if err != nil {
			t.Errorf("no spool beside the store midway: %v", err)
			return
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("spool mode %v, want 0600", st.Mode().Perm())
		}
		seen = true
	}
	if err := s.Restore(&spyReader{r: bytes.NewReader(snap.Bytes()), at: snap.Len() / 2, look: look}); err != nil {
		t.Fatal(err)
	}
	if !seen {
		t.Fatal("the reader was not read halfway")
	}
	noRestoreFiles(t, s)
	bad := bytes.Clone(snap.Bytes())
	bad[len(bad)/2] ^= 1
	if err := s.Restore(bytes.NewReader(bad)); err == nil {
		t.Fatal("a damaged snapshot was restored")
	}
	noRestoreFiles(t, s)
	func() {
		defer func() {
			if recover() == nil {
				t.Error("no panic")
			}
		}()
		s.Restore(&spyReader{r: bytes.NewReader(snap.Bytes()), at: snap.Len() / 2, panicAt: true})
	}()
	noRestoreFiles(t, s)
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("the system temporary directory got %d files", len(entries))
	}
	// Leftovers of a kill (no marker): removed by the next Open.
	for _, p := range []string{s.restoreSpoolPath(), s.restorePendingPath()} {
		if err := os.WriteFile(p, []byte("PIN hashes"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s = reopen(t, s)
	noRestoreFiles(t, s)
}

// TestResetWithSyntheticFinishedOnOpen: a reset with synthetic users cut
// short — its marker set, the old users partly deleted, some new users
// written — is done again whole by the next Open: the Global
// Administrator plus exactly the synthetic users asked for, indexes in
// step, the marker gone.
func TestResetWithSyntheticFinishedOnOpen(t *testing.T) {
	s := openDisk(t)
	if err := storage.AddSyntheticUsers(s, 150); err != nil {
		t.Fatal(err)
	}
	p := storage.PendingReset{Kind: storage.ResetKindEmpty, Synthetic: 300}
	if got, ok := storage.ParsePendingReset(p.Marker()); !ok || got != p {
		t.Fatalf("marker %q reads back as %+v %v", p.Marker(), got, ok)
	}
	storagetest.Update(t, s, func(w storage.Writer) error {
		if err := w.DeleteUser(storage.UserIDFor("ken.myer@contoso.com")); err != nil {
			return err
		}
		return w.(*tx).set(storage.PendingKey(), p.Marker())
	})
	s = reopen(t, s)
	defer s.Close()
	if n := storagetest.Count(t, s); n != 301 {
		t.Errorf("users after the reset was finished: %d, want 301", n)
	}
	if len(storagetest.Find(t, s, "user000300@contoso.com")) != 1 || len(storagetest.Find(t, s, "user000301@contoso.com")) != 0 {
		t.Error("the synthetic users are not user000001 … user000300")
	}
	if err := s.CheckInvariants(); err != nil {
		t.Error(err)
	}
	storagetest.View(t, s, func(r storage.Reader) error {
		if ok, _ := r.(*tx).has(storage.PendingKey()); ok {
			t.Error("marker left")
		}
		return nil
	})
}

// TestResetIsOneChange: Reset with synthetic users runs finish in the
// transaction that switches: a finish that fails leaves the reset to the
// next Open (never half done after it), and one that succeeds writes with
// the reset.
func TestResetIsOneChange(t *testing.T) {
	s := openDisk(t)
	boom := errors.New("boom")
	err := storage.Reset(s, storage.ResetKindEmpty, 50, func(w storage.Writer) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("Reset with a failing finish: %v", err)
	}
	// Half done in this process: no change is taken until it is finished
	// (a change now would be undone by the next Open)…
	if err := storage.AddSyntheticUsers(s, 1); err == nil || !strings.Contains(err.Error(), "restart csshell") {
		t.Errorf("a change after a reset failed midway: %v", err)
	}
	// …and the next Open finishes it.
	s = reopen(t, s)
	if n := storagetest.Count(t, s); n != 51 {
		t.Errorf("users after reopen: %d, want 51", n)
	}
	err = storage.Reset(s, storage.ResetKindDemo, 20, func(w storage.Writer) error {
		return w.AddAudit(&storage.AuditRecord{Cmdlet: "Reset-Tenant", Target: "Contoso"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := storagetest.Count(t, s); n != 32 {
		t.Errorf("users: %d, want 32", n)
	}
	storagetest.View(t, s, func(r storage.Reader) error {
		a, err := r.Audit(0, nil)
		if err != nil || len(a) != 1 || a[0].Cmdlet != "Reset-Tenant" {
			t.Errorf("audit log after the reset: %v %v", a, err)
		}
		return nil
	})
	if err := s.CheckInvariants(); err != nil {
		t.Error(err)
	}
	s.Close()
}

// TestNoSnapshotOfAHalfChange: while a reset or restore is pending (its
// marker set), Snapshot refuses rather than write half of it.
func TestNoSnapshotOfAHalfChange(t *testing.T) {
	s := openDisk(t)
	defer s.Close()
	storagetest.Update(t, s, func(w storage.Writer) error {
		return w.(*tx).set(storage.PendingKey(), storage.PendingReset{Kind: storage.ResetKindEmpty, Synthetic: 5}.Marker())
	})
	if err := s.Snapshot(io.Discard); !errors.Is(err, errChangeInProgress) {
		t.Errorf("Snapshot during a pending reset: %v", err)
	}
}
