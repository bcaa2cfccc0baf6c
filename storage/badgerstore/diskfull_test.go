//go:build linux

package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// smallDisk mounts a tmpfs of size MB for the test, or skips it where the
// machine does not allow mounting (not root, no CAP_SYS_ADMIN, a
// container without mount rights).
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	if testing.Short() {
		t.Skip("mounts a tmpfs")
	}
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%dm,mode=0700", size)); err != nil {
		t.Skipf("cannot mount a %d MB tmpfs here (%v): the full-disk test needs root and mount rights", size, err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmounting the tmpfs: %v", err)
		}
	})
	return dir
}

// fill writes a file taking all but keep bytes of the disk's free space.
func fill(t *testing.T, path string, keep int64) {
	t.Helper()
	free, _ := freeSpace(filepath.Dir(path))
	st, err := os.Stat(path)
	if err == nil {
		free += st.Size()
	}
	size := max(0, free-keep)
	if err := os.WriteFile(path, make([]byte, size), 0o600); err != nil && !errors.Is(err, syscall.ENOSPC) {
		t.Fatal(err)
	}
}

// addUsers commits users one at a time (as PIN resets do) from next on,
// until n are added or a commit fails; it returns how many committed and
// the error.
func addUsers(s *Badger, next, n int) (int, error) {
	for i := range n {
		u := storagetest.NewUser(fmt.Sprintf("disk.user%05d@contoso.com", next+i), fmt.Sprintf("Disk User %05d", next+i))
		u.City = strings.Repeat("c", 2000) // ~3 KB records fill the disk sooner
		if err := s.Update(func(w storage.Writer) error { return w.PutUser(u) }); err != nil {
			return i, err
		}
	}
	return n, nil
}

// TestDiskFull: on a small disk that fills up (another program writing a
// file), every commit either succeeds or fails with one clear line
// (*storage.NoSpaceError) — never a SIGBUS from Badger's memory-mapped
// files — and nothing is damaged: once space is back the store opens
// with exactly the users whose commits succeeded, and takes more.
// Opening on a full disk is refused the same way. Issue 9, break 3.
func TestDiskFull(t *testing.T) {
	disk := smallDisk(t, 96)
	dir := filepath.Join(disk, "tenant")
	filler := filepath.Join(disk, "filler")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := addUsers(s, 0, 200)
	if err != nil {
		t.Fatal(err)
	}
	// The disk fills up: commits go on until refused.
	need, _ := roomNeeded(dir)
	fill(t, filler, need+2<<20)
	n, err := addUsers(s, committed, 5000)
	committed += n
	var nospace *storage.NoSpaceError
	if !errors.As(err, &nospace) || !errors.Is(err, storage.ErrNoSpace) {
		t.Fatalf("after %d more users: %v, want a *storage.NoSpaceError", n, err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, "not enough free disk space") {
		t.Errorf("message %q", msg)
	}
	// The disk fills completely: still refused (Badger writing into its
	// maps here would die of SIGBUS), still readable.
	fill(t, filler, 0)
	if _, err := addUsers(s, committed, 1); !errors.As(err, &nospace) {
		t.Errorf("next commit: %v", err)
	}
	if got := storagetest.Count(t, s); got != 12+committed {
		t.Errorf("users while full = %d, want %d", got, 12+committed)
	}
	// Some space back, for the close to write its table.
	fill(t, filler, 16<<20)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// Opening on a full disk is refused, not a crash.
	fill(t, filler, 1<<20)
	if s, err := Open(dir); !errors.As(err, &nospace) {
		if err == nil {
			s.Close()
		}
		t.Fatalf("Open on a full disk: %v, want a *storage.NoSpaceError", err)
	}
	// Space is back: everything acknowledged is there, and the store
	// takes more.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatalf("Open once space is back: %v", err)
	}
	if got := storagetest.Count(t, s); got != 12+committed {
		t.Errorf("users after reopening = %d, want %d", got, 12+committed)
	}
	if _, err := addUsers(s, committed, 10); err != nil {
		t.Errorf("commits once space is back: %v", err)
	}
	// Closing on a full disk: refused (Badger's close would write a table
	// through a map and die of SIGBUS); the commits are in the logs.
	fill(t, filler, 0)
	if err := s.Close(); !errors.As(err, &nospace) {
		t.Errorf("Close on a full disk: %v, want a *storage.NoSpaceError", err)
	}
	// Space back: it closes (nothing of Badger's is left running).
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close once space is back: %v", err)
	}
}
