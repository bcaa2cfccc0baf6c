// Package atomicfile replaces files atomically and durably: a reader sees
// the old contents or the new, never a mix, and once a write returns nil
// the new contents survive a crash.
//
// A write goes to a temporary file in the target's directory (so the
// rename stays on one file system), is synced, given its mode, renamed
// over the target, and the directory is synced so the rename itself is on
// disk. On any error the temporary file is removed and the target is left
// as it was.
package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFile writes data to path atomically and durably, with mode perm
// (exactly perm: the umask does not apply).
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
}

// Write replaces path atomically and durably with what fill writes, with
// mode perm (exactly perm: the umask does not apply). When fill fails the
// target is left as it was and fill's error is returned.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// Chmod the descriptor before writing: the contents are never readable
	// with the temporary file's default mode.
	if err := tmp.Chmod(perm); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err := fill(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	renamed = true
	if err := SyncDir(dir); err != nil {
		return fmt.Errorf("atomicfile: %w", err)
	}
	return nil
}

// SyncDir fsyncs a directory, making the creations, renames and removals
// in it durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	serr := d.Sync()
	cerr := d.Close()
	if serr != nil {
		return serr
	}
	return cerr
}
