//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteFileContentAndMode: the mode is exactly perm, whatever the
// umask.
func TestWriteFileContentAndMode(t *testing.T) {
	old := syscall.Umask(0o077) // a umask that would strip group/other bits
	defer syscall.Umask(old)
	dir := t.TempDir()
	for _, perm := range []os.FileMode{0o600, 0o644, 0o640} {
		path := filepath.Join(dir, "f")
		if err := WriteFile(path, []byte("hello\n"), perm); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != "hello\n" {
			t.Fatalf("content %q, %v", got, err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != perm {
			t.Errorf("mode %v, want %v", fi.Mode().Perm(), perm)
		}
	}
	if names := entries(t, dir); len(names) != 1 || names[0] != "f" {
		t.Errorf("directory holds %q, want only f", names)
	}
}
