package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/storage"
)

// TestStreamKeepRestored: a streamed reset stopped after it emptied the
// store (as a kill would stop it) leaves its keep file; the next open
// writes the kept records back and does the pending reset again, so the
// tenant is the whole new one — administrators and settings kept, every
// synthetic user there — and the keep file and stream marker are gone.
// Without the keep file the emptied store would have lost the tenant.
func TestStreamKeepRestored(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 000 users")
	}
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var domain string
	if err := s.View(func(r storage.Reader) error {
		tn, err := r.Tenant()
		if err == nil {
			domain = tn.DefaultDomain
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stopped after the drop")
	streamHook = func() error { return stop }
	err = s.BulkReset(storage.ResetKindEmpty, streamUsersAtLeast, nil)
	streamHook = nil
	if !errors.Is(err, stop) {
		t.Fatalf("reset: %v, want the stop", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{streamKeepName, streamMarkerName} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s after the stop: %v", name, err)
		}
	}
	lost := filepath.Join(t.TempDir(), "lost")
	copyStore(t, dir, lost)
	if err := os.Remove(filepath.Join(lost, streamKeepName)); err != nil {
		t.Fatal(err)
	}
	// Without the keep file the emptied store opens as a new one: its
	// pending reset is gone (so the test stops after the drop).
	l, err := Open(lost)
	if err != nil {
		t.Fatal(err)
	}
	pending := false
	_ = l.View(func(r storage.Reader) error {
		v, _, _ := r.(*tx).getRaw(storage.PendingKey())
		pending = len(v) > 0
		return nil
	})
	l.Close()
	if pending {
		t.Fatal("without its keep file the stopped store still held its pending reset: the test stops too early")
	}

	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
	if n := countSynthetic(t, s); n != streamUsersAtLeast {
		t.Fatalf("%d synthetic users after the reopen, want %d", n, streamUsersAtLeast)
	}
	if err := s.View(func(r storage.Reader) error {
		tn, err := r.Tenant()
		if err != nil {
			return err
		}
		if tn.DefaultDomain != domain {
			return fmt.Errorf("default domain %q, want %q", tn.DefaultDomain, domain)
		}
		v, _, err := r.(*tx).getRaw(storage.PendingKey())
		if err == nil && len(v) > 0 {
			return fmt.Errorf("reset still pending: %q", v)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{streamKeepName, streamMarkerName} {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Fatalf("%s left after the reset finished: %v", name, err)
		}
	}
}

// TestStreamKeepDamaged: a keep file that does not check out is damage:
// the store is refused, its files left as they were.
func TestStreamKeepDamaged(t *testing.T) {
	dir := storeWithUsers(t, 10)
	if err := writeStreamKeep(dir, []keptEntry{{[]byte("k"), []byte("v")}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, streamKeepName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data[len(streamKeepMagic)+2] ^= 1
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileSums(t, dir)
	s, err := Open(dir)
	if err == nil {
		s.Close()
		t.Fatal("a store with a damaged keep file opened")
	}
	var de *storage.DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("open: %v, want a *storage.DamagedError", err)
	}
	if after := fileSums(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("the refused store's files changed")
	}
}

// resetSynthetic resets s to the empty tenant with streamUsersAtLeast
// synthetic users (enough to stream them), and checks the result: its
// invariants, and the number of synthetic users.
func resetSynthetic(t *testing.T, s *Badger) {
	t.Helper()
	if err := s.BulkReset(storage.ResetKindEmpty, streamUsersAtLeast, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
	if n := countSynthetic(t, s); n != streamUsersAtLeast {
		t.Fatalf("%d synthetic users, want %d", n, streamUsersAtLeast)
	}
}

// countSynthetic counts the users a reset to empty does not keep.
func countSynthetic(t *testing.T, s *Badger) int {
	t.Helper()
	n := 0
	err := s.View(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(u *storage.User) error {
			if !storage.SurvivesResetEmpty(u) {
				n++
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestStreamAboveWhenKeepTooBig: a store whose kept records are too many
// to keep aside streams its users above its tree and flattens them, as
// before streamWhole: the same tenant, no keep file.
func TestStreamAboveWhenKeepTooBig(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 000 users")
	}
	defer func(n int) { streamKeepMaxBytes = n }(streamKeepMaxBytes)
	streamKeepMaxBytes = 1
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	resetSynthetic(t, s)
	if _, err := os.Stat(filepath.Join(dir, streamKeepName)); !os.IsNotExist(err) {
		t.Fatalf("keep file written: %v", err)
	}
}
