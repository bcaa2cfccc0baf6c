//go:build linux || darwin || freebsd

package badgerstore

import (
	"os"
	"syscall"
)

// freeSpace returns the bytes an unprivileged process may still write on
// the file system holding dir.
func freeSpace(dir string) (int64, bool) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}

// allocated returns the bytes of disk the file holds (less than its size
// when it is sparse).
func allocated(_ string, fi os.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return fi.Size()
}
