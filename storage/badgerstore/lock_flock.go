//go:build linux || darwin || freebsd

package badgerstore

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"

	"github.com/csshell/csshell/storage"
)

// lockDir takes, for the preflight, the lock Badger takes for an open
// store (flock on dir/LOCK): a store another process holds gives a
// *storage.InUseError before anything reads its files. The caller releases
// it before Badger opens the store and takes it again; a lock file it
// made is removed. A lock file that
// cannot be opened (a read-only directory) is left to Badger to report.
func lockDir(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, "LOCK")
	created := true
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		created = false
		f, err = os.OpenFile(path, os.O_RDWR, 0)
	}
	if err != nil {
		return func() {}, nil
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, &storage.InUseError{Dir: dir}
		}
		return func() {}, nil
	}
	return func() {
		if created {
			// Leave the directory as it was (Badger too removes the
			// lock file it made when it closes).
			_ = os.Remove(path)
		}
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
