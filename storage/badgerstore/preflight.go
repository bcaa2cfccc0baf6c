package badgerstore

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/badger/v4/pb"
	"github.com/dgraph-io/badger/v4/table"
	"github.com/dgraph-io/badger/v4/y"
	"github.com/dgraph-io/ristretto/v2/z"
	"google.golang.org/protobuf/proto"

	"github.com/csshell/csshell/storage"
)

// The preflight reads a store's directory, changing nothing, before
// Badger opens it. Badger repairs what it finds at open: it deletes every
// table its MANIFEST does not name, truncates its logs at the first bad
// entry, and panics (in its own goroutines, where nothing can recover) on
// a damaged table. That is right after a crash and ruinous after damage: a
// cut MANIFEST made it delete the table holding every user, and the empty
// store was then seeded with the demo tenant. So the preflight refuses,
// with a *storage.DamagedError and every file as it was, a directory in
// which Badger's repair would lose data or crash:
//
//   - data files (tables, logs) without a MANIFEST;
//   - a MANIFEST that does not read back (bad magic, checksum, records);
//   - a table the MANIFEST names that is missing, or that fails to open or
//     fails a block checksum (every block of every table is verified);
//   - a table the MANIFEST does not name that Badger's repair would delete
//     although its data is nowhere else (see orphanIsLeftover).
//
// It also removes empty (0-byte) memtable logs, which a kill between
// creating one and writing its header leaves and on which Badger's first
// open fails with z.NewFile (Badger issue #2207): they hold nothing.

// Badger's file names.
const (
	manifestName = "MANIFEST"
	memExt       = ".mem"
	vlogExt      = ".vlog"
	sstExt       = ".sst"
	// logHeaderSize is the header of a memtable or value log (key id and
	// IV) before its first entry.
	logHeaderSize = 20
)

// dirState is what the preflight learnt about a store directory.
type dirState struct {
	// badgerFiles: the directory holds files of a Badger store.
	badgerFiles bool
	// hasData: a table, or a log with at least one entry, exists.
	hasData bool
}

// preflight inspects dir (see above). It returns a *storage.DamagedError
// for a directory Badger must not open.
func preflight(dir string) (st dirState, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &storage.DamagedError{Dir: dir, Problem: "its files cannot be read: " + firstLine(fmt.Sprint(r))}
		}
	}()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return st, fmt.Errorf("storage: reading the tenant directory: %w", err)
	}
	damaged := func(format string, args ...any) error {
		return &storage.DamagedError{Dir: dir, Problem: fmt.Sprintf(format, args...)}
	}
	var tables []uint64
	var mems []string
	haveManifest := false
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			continue
		}
		switch {
		case name == manifestName:
			haveManifest = true
			st.badgerFiles = true
		case strings.HasSuffix(name, sstExt):
			id, ok := table.ParseFileID(name)
			if !ok {
				continue
			}
			tables = append(tables, id)
			st.badgerFiles, st.hasData = true, true
		case strings.HasSuffix(name, memExt):
			path := filepath.Join(dir, name)
			if fi, err := e.Info(); err == nil && fi.Size() == 0 {
				// An empty log holds nothing (Badger issue #2207).
				if err := os.Remove(path); err != nil {
					return st, fmt.Errorf("storage: removing the empty log '%s': %w", path, err)
				}
				continue
			}
			mems = append(mems, path)
			st.badgerFiles = true
			if logHasEntry(path) {
				st.hasData = true
			}
		case strings.HasSuffix(name, vlogExt):
			st.badgerFiles = true
			if logHasEntry(filepath.Join(dir, name)) {
				st.hasData = true
			}
		case name == badger.KeyRegistryFileName || name == "DISCARD":
			st.badgerFiles = true
		}
	}
	if !haveManifest {
		if st.hasData {
			return st, damaged("its MANIFEST is missing")
		}
		return st, nil
	}
	man, err := readManifest(filepath.Join(dir, manifestName))
	if err != nil {
		return st, damaged("its MANIFEST cannot be read: %s", firstLine(err.Error()))
	}
	if len(man.live) > 0 {
		st.hasData = true
	}
	onDisk := map[uint64]bool{}
	for _, id := range tables {
		onDisk[id] = true
	}
	var maxLive uint64
	for id := range man.live {
		if !onDisk[id] {
			return st, damaged("the table %s its MANIFEST names is missing", table.IDToFilename(id))
		}
		v, err := checkTable(table.NewFilename(id, dir))
		if err != nil {
			return st, damaged("the table %s is damaged: %s", table.IDToFilename(id), firstLine(err.Error()))
		}
		maxLive = max(maxLive, v)
	}
	for _, id := range tables {
		if man.live[id] || man.deleted[id] {
			continue // named, or deleted by the MANIFEST and not yet removed
		}
		if !orphanIsLeftover(table.NewFilename(id, dir), maxLive, mems) {
			return st, damaged("its MANIFEST does not name the table %s, which holds data found nowhere else "+
				"(the MANIFEST was cut or replaced)", table.IDToFilename(id))
		}
	}
	return st, nil
}

// orphanIsLeftover reports whether a table the MANIFEST never named is a
// crash's leftover, whose data Badger still has elsewhere, so that its
// repair may delete it. A crash leaves such a table when a flush or a
// compaction wrote it but was killed before recording it:
//
//   - a compaction's output holds versions of the tables it merged, which
//     are still named (deleting them is recorded with the output); so its
//     newest version is no newer than the newest of the named tables;
//   - a flush's output holds exactly one memtable, whose log is removed
//     only after the table is recorded; so some log's newest version is
//     the table's newest.
//
// A table named by a MANIFEST entry that was cut away fits neither: it is
// newer than every named table, and its log is long gone. A table that
// does not even open is a torn leftover (killed while being written).
func orphanIsLeftover(path string, maxLive uint64, mems []string) bool {
	v, err := checkTable(path)
	if err != nil {
		return true
	}
	if v <= maxLive {
		return true
	}
	for _, m := range mems {
		if newestInLog(m) == v {
			return true
		}
	}
	return false
}

// checkTable opens a table read-only, verifies every block's checksum and
// returns its newest version. A damaged table is an error, never a panic.
func checkTable(path string) (newest uint64, err error) {
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("it cannot be read: %s", firstLine(fmt.Sprint(r)))
		}
		_ = mf.Close(-1)
	}()
	if len(mf.Data) == 0 {
		return 0, errors.New("it is empty")
	}
	t, err := table.OpenTable(mf, table.Options{
		ReadOnly:    true,
		ChkMode:     options.NoVerification,
		BlockSize:   4 << 10,
		Compression: options.None,
	})
	if err != nil {
		return 0, err
	}
	if err := t.VerifyChecksum(); err != nil {
		return 0, err
	}
	return t.MaxVersion(), nil
}

// manifest is what readManifest learnt from a MANIFEST.
type manifest struct {
	live    map[uint64]bool // tables it names now
	deleted map[uint64]bool // tables it created and then deleted
}

// readManifest reads a MANIFEST without changing it: Badger's own replay
// (magic, version, checksums, consistency), then the change records again
// for the tables deleted. A torn last record (a crash during an append) is
// what Badger's open cuts off, and fine.
func readManifest(path string) (*manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, _, err := badger.ReplayManifestFile(f, 0, badger.DefaultOptions("").WithLogger(nil))
	if err != nil {
		return nil, err
	}
	out := &manifest{live: map[uint64]bool{}, deleted: map[uint64]bool{}}
	for id := range m.Tables {
		out.live[id] = true
	}
	if _, err := f.Seek(8, io.SeekStart); err != nil {
		return nil, err
	}
	r := bufio.NewReader(f)
	for {
		var lenCrc [8]byte
		if _, err := io.ReadFull(r, lenCrc[:]); err != nil {
			break
		}
		buf := make([]byte, binary.BigEndian.Uint32(lenCrc[:4]))
		if _, err := io.ReadFull(r, buf); err != nil {
			break
		}
		var cs pb.ManifestChangeSet
		if err := proto.Unmarshal(buf, &cs); err != nil {
			return nil, err
		}
		for _, c := range cs.Changes {
			if c.Op == pb.ManifestChange_DELETE {
				out.deleted[c.Id] = true
			}
		}
	}
	return out, nil
}

// logHasEntry reports whether a memtable or value log holds an entry: a
// non-zero byte where the first entry's header goes.
func logHasEntry(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [16]byte
	n, _ := f.ReadAt(head[:], logHeaderSize)
	return bytes.ContainsFunc(head[:n], func(r rune) bool { return r != 0 })
}

// newestInLog returns the newest version among the valid entries of a
// memtable log, reading entries (header, key, value, CRC-32C) until the
// first that does not check out, as Badger's replay does. It runs only for
// a table the MANIFEST does not name, so reading the whole log is fine.
func newestInLog(path string) uint64 {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < logHeaderSize {
		return 0
	}
	var newest uint64
	for off := logHeaderSize; off+2 < len(data); {
		p := off + 2
		var fields [3]uint64
		for i := range fields {
			v, n := binary.Uvarint(data[p:])
			if n <= 0 {
				return newest
			}
			fields[i], p = v, p+n
		}
		klen, vlen := fields[0], fields[1]
		if klen < 8 || klen > 1<<16 || vlen > uint64(len(data)) || p+int(klen+vlen)+4 > len(data) {
			return newest
		}
		end := p + int(klen+vlen)
		if crc32.Checksum(data[off:end], y.CastagnoliCrcTable) != binary.BigEndian.Uint32(data[end:]) {
			return newest
		}
		newest = max(newest, y.ParseTs(data[p:p+int(klen)]))
		off = end + 4
	}
	return newest
}

// firstLine is the first line of s: Badger's messages and panics run to
// several lines, csshell prints one.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
