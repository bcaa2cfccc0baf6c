package badgerstore

import (
	"os"
	"syscall"
)

// fileIdentity returns the file's inode and status-change time (ns).
func fileIdentity(fi os.FileInfo) (ino uint64, ctime int64, ok bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return st.Ino, st.Ctim.Sec*1e9 + st.Ctim.Nsec, true
}
