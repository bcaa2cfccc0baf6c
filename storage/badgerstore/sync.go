package badgerstore

import (
	"os"
	"path/filepath"
)

// syncLocked puts every committed write on disk by fsyncing the
// memtables' write-ahead logs (*.mem) — the active one and any that filled
// up since the last sync and are not flushed yet — and any value log file
// (*.vlog, for values above the value threshold) that grew since the last
// sync.
func (b *Badger) syncLocked() error {
	if b.dir != "" {
		if err := b.syncLogs(); err != nil {
			return err
		}
	}
	b.dirty = false
	return nil
}

// syncLogs fsyncs the log files of the store's directory. fsync acts on
// the file, whichever descriptor asks, so this covers the logs Badger
// holds open.
func (b *Badger) syncLogs() error {
	mems, err := filepath.Glob(filepath.Join(b.dir, "*.mem"))
	if err != nil {
		return err
	}
	vlogs, err := filepath.Glob(filepath.Join(b.dir, "*.vlog"))
	if err != nil {
		return err
	}
	if b.vlogSizes == nil {
		b.vlogSizes = map[string]int64{}
	}
	for _, name := range vlogs {
		st, err := os.Stat(name)
		if err != nil {
			continue
		}
		if b.vlogSizes[name] != st.Size() {
			mems = append(mems, name)
			b.vlogSizes[name] = st.Size()
		}
	}
	for _, name := range mems {
		if err := fsyncFile(name); err != nil {
			return err
		}
	}
	return nil
}

// fsyncFile fsyncs one file; a file removed meanwhile (a flushed memtable
// log) is fine.
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
	if serr != nil {
		return serr
	}
	return cerr
}
