//go:build !(linux || darwin || freebsd)

package badgerstore

import "os"

// freeSpace is unknown here: the store does not guard the disk.
func freeSpace(string) (int64, bool) { return 0, false }

// allocated is the file's size where its blocks cannot be read.
func allocated(_ string, fi os.FileInfo) int64 { return fi.Size() }
