package badgerstore

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/storage"
)

// Room on disk. Badger writes its logs and tables through memory-mapped
// files created sparse (a memtable log is a 16 MB hole filled as commits
// arrive): on a full disk the kernel cannot back a page being written and
// kills the process with SIGBUS, which no Go code can catch, and the next
// open crashes the same way while replaying. So the store never lets
// Badger start a write that might not fit: before opening and before every
// commit it compares the free space with what Badger may still write
// through its maps (roomNeeded), and refuses with a *storage.NoSpaceError,
// changing nothing, when it does not fit.

// walCap bounds the bytes one memtable log can reach: the memtable is
// rotated once its log passes memTableSize, after a last transaction of
// at most 15 % of it.
const walCap = memTableSize * 5 / 4

// slack covers the small files (MANIFEST, DISCARD, KEYREGISTRY, the key
// file) and the directory.
const slack = 4 << 20

// roomNeeded is the free space the store in dir needs before Badger may
// write: what its open logs may still take (their unbacked pages up to
// walCap, the value log's hole), the next memtable log and the next value
// log, a level-0 table for every memtable (a flush), and the size of every
// table (a compaction writes its output before it deletes its input).
func roomNeeded(dir string) (int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	need := int64(walCap + 2*valueLogFileSize + slack)
	mems := 1
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile (a flushed log)
		}
		used := allocated(filepath.Join(dir, name), fi)
		switch {
		case strings.HasSuffix(name, memExt):
			mems++
			need += max(0, walCap-used)
		case strings.HasSuffix(name, vlogExt):
			need += max(0, fi.Size()-used)
		case strings.HasSuffix(name, sstExt):
			need += fi.Size()
		}
	}
	return need + int64(mems)*walCap, nil
}

// checkRoom returns a *storage.NoSpaceError when the disk holding the
// store in dir has less free space than roomNeeded. A system where the
// free space cannot be read always has room.
func checkRoom(dir string) error {
	free, ok := freeSpace(dir)
	if !ok {
		return nil
	}
	need, err := roomNeeded(dir)
	if err != nil {
		return nil // the commit itself will report an unreadable directory
	}
	if free < need {
		return &storage.NoSpaceError{Dir: dir, Free: free, Need: need}
	}
	return nil
}

// maxCommitBytes bounds what one commit adds to the store (Badger's batch
// limit, 15 % of a memtable); counting it twice covers its flush and its
// compaction.
const maxCommitBytes = memTableSize * 15 / 100

// roomForCommit is checkRoom before a commit (Update, UpdateDeferred; a
// bulk write through a WriteBatch should call it before each batch, with
// b.mu held), amortised: after a measurement leaving a
// margin of m bytes, the next m/(2·maxCommitBytes) commits cannot use it
// up by themselves and skip measuring (at most 64, so that space taken by
// other programs is seen soon).
func (b *Badger) roomForCommit() error {
	if b.dir == "" {
		return nil
	}
	if b.roomCredit > 0 {
		b.roomCredit--
		return nil
	}
	free, ok := freeSpace(b.dir)
	if !ok {
		b.roomCredit = 64
		return nil
	}
	need, err := roomNeeded(b.dir)
	if err != nil {
		return nil
	}
	if free < need {
		return &storage.NoSpaceError{Dir: b.dir, Free: free, Need: need}
	}
	b.roomCredit = int(min(64, (free-need)/(2*maxCommitBytes)))
	return nil
}

// roomToClose returns a *storage.NoSpaceError when the disk holding the
// store in dir lacks the room Badger's close needs to write its
// memtables out as tables (about what their logs hold) plus slack.
func roomToClose(dir string) error {
	if dir == "" {
		return nil
	}
	free, ok := freeSpace(dir)
	if !ok {
		return nil
	}
	mems, err := filepath.Glob(filepath.Join(dir, "*"+memExt))
	if err != nil {
		return nil
	}
	need := int64(slack)
	for _, m := range mems {
		if fi, err := os.Stat(m); err == nil {
			need += allocated(m, fi) * 5 / 4
		}
	}
	if free < need {
		return &storage.NoSpaceError{Dir: dir, Free: free, Need: need}
	}
	return nil
}
