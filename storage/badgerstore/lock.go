package badgerstore

import (
	"errors"
	"strings"
	"syscall"
)

// isLockError reports whether err is Badger failing to take the directory
// lock because another process (or another Open here) holds it. Badger
// flattens the flock error into text, so the text is what is left to test.
func isLockError(err error) bool {
	return errors.Is(err, syscall.EWOULDBLOCK) ||
		strings.Contains(err.Error(), "Cannot acquire directory lock")
}
