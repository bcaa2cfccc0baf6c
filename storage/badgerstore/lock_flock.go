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
// it before Badger opens the store and takes it again. A lock file that
// cannot be opened (a read-only directory) is left to Badger to report.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, "LOCK"), os.O_RDWR|os.O_CREATE, 0o600)
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
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
