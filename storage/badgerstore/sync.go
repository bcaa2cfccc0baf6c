package badgerstore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"

	"github.com/csshell/csshell/storage"
)

// syncLocked puts every committed write on disk: every file a commit may
// have touched is fsynced before it returns. Those are the memtables'
// write-ahead logs (*.mem) — the active one and any that filled up since
// the last sync and are not flushed yet — and the value logs (*.vlog),
// which hold the values above the value threshold (a record over 64 KB):
// the newest always, since Badger writes it through a map of a file whose
// size never changes while it is written, and any other whose size changed
// (Badger cuts a full one to its length when it starts the next). When a
// log appeared since the last sync, the directory is fsynced too, so the
// new file's name survives a power loss with its contents.
func (b *Badger) syncLocked() error {
	if b.dir != "" {
		if err := b.syncLogs(); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				free, _ := freeSpace(b.dir)
				need, _ := roomNeeded(b.dir)
				return &storage.NoSpaceError{Dir: b.dir, Free: free, Need: need}
			}
			return fmt.Errorf("storage: syncing the tenant store '%s': %w", b.dir, err)
		}
	}
	b.dirty = false
	return nil
}

// syncLogs fsyncs the log files of the store's directory. fsync acts on
// the file, whichever descriptor asks, so this covers the logs Badger
// holds open and writes through shared maps.
func (b *Badger) syncLogs() error {
	mems, err := filepath.Glob(filepath.Join(b.dir, "*"+memExt))
	if err != nil {
		return err
	}
	vlogs, err := filepath.Glob(filepath.Join(b.dir, "*"+vlogExt))
	if err != nil {
		return err
	}
	if b.vlogSizes == nil {
		b.vlogSizes = map[string]int64{}
	}
	newest := newestLog(vlogs)
	sync := mems
	for _, name := range vlogs {
		st, err := os.Stat(name)
		if err != nil {
			continue
		}
		if size, seen := b.vlogSizes[name]; name == newest || !seen || size != st.Size() {
			sync = append(sync, name)
			b.vlogSizes[name] = st.Size()
		}
	}
	for _, name := range sync {
		if err := fsyncFile(name); err != nil {
			return err
		}
	}
	logs := append(slices.Clone(mems), vlogs...)
	slices.Sort(logs)
	if !slices.Equal(logs, b.logNames) {
		if err := fsyncFile(b.dir); err != nil {
			return err
		}
		b.logNames = logs
	}
	return nil
}

// newestLog is the log file with the highest number (Badger numbers its
// files in order), "" for none.
func newestLog(names []string) string {
	newest, best := "", int64(-1)
	for _, name := range names {
		base := filepath.Base(name)
		n, err := strconv.ParseInt(strings.TrimSuffix(base, filepath.Ext(base)), 10, 64)
		if err == nil && n > best {
			newest, best = name, n
		}
	}
	return newest
}

// fsyncHook, when set (by tests), is told every file syncLogs fsyncs.
var fsyncHook func(name string)

// fsyncFile fsyncs one file or directory; a file removed meanwhile (a
// flushed memtable log) is fine.
func fsyncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	serr := f.Sync()
	cerr := f.Close()
	if fsyncHook != nil && serr == nil {
		fsyncHook(name)
	}
	if serr != nil {
		return serr
	}
	return cerr
}
