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
	"slices"
	"strings"
	"syscall"

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
//   - data files (tables, logs) without a MANIFEST, or a directory that
//     held a store (its KEYID) whose data files are all gone;
//   - a MANIFEST that does not read back (bad magic, checksum, records);
//   - a table the MANIFEST names that is missing, or that fails to open or
//     fails a block checksum (every block of every table is verified, once
//     per table file: see verified.go);
//   - a table the MANIFEST does not name that Badger's repair would delete
//     although its data is nowhere else (see orphanIsLeftover);
//   - a memtable log, or the newest value log, with an entry that fails
//     its checksum followed by more data, which Badger's replay would cut
//     off (see logTailDamaged).
//
// When it refuses nothing, it tidies the empty (0-byte) logs a kill leaves,
// on which Badger's first open fails (tidyEmptyLogs).

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
	// tables are the tables the MANIFEST names, all present, not yet
	// checked (verifyTables: Badger must open none that fails).
	tables []uint64
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
	// A streamed reset's keep file (stream_keep.go) is written back after
	// Badger opens: it must be whole.
	if _, _, err := readStreamKeep(dir); err != nil {
		return st, damaged("%s", err.Error())
	}
	var tables []uint64
	var mems, empty []string
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
				empty = append(empty, path)
				continue
			}
			mems = append(mems, path)
			st.badgerFiles = true
			if logHasEntry(path) {
				st.hasData = true
			}
		case strings.HasSuffix(name, vlogExt):
			if fi, err := e.Info(); err == nil && fi.Size() == 0 {
				empty = append(empty, filepath.Join(dir, name))
				continue
			}
			st.badgerFiles = true
			if logHasEntry(filepath.Join(dir, name)) {
				st.hasData = true
			}
		case name == badger.KeyRegistryFileName || name == "DISCARD":
			st.badgerFiles = true
		}
	}
	// The logs Badger replays at open: every memtable log and the newest
	// value log.
	var vlogs []string
	for _, e := range entries {
		if path := filepath.Join(dir, e.Name()); strings.HasSuffix(path, vlogExt) && !slices.Contains(empty, path) {
			vlogs = append(vlogs, path)
		}
	}
	replayed := slices.Clone(mems)
	if newest := newestLog(vlogs); newest != "" {
		replayed = append(replayed, newest)
	}
	for _, path := range replayed {
		bad, err := logTailDamaged(path)
		if err != nil {
			return st, damaged("the log %s cannot be read: %s", filepath.Base(path), firstLine(err.Error()))
		}
		if bad {
			return st, damaged("the log %s is damaged: an entry fails its checksum and commits follow it", filepath.Base(path))
		}
	}
	if !haveManifest {
		if st.hasData {
			return st, damaged("its MANIFEST is missing")
		}
		if _, err := os.Stat(filepath.Join(dir, keyIDFile)); err == nil && !st.badgerFiles {
			// A store was here (it was given its key fingerprint once
			// it held the tenant), and its data files are gone: an empty
			// store seeded in its place would hide the loss.
			return st, damaged("its data files are missing")
		}
		return st, tidyEmptyLogs(empty)
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
	for id := range man.live {
		if !onDisk[id] {
			return st, damaged("the table %s its MANIFEST names is missing", table.IDToFilename(id))
		}
		st.tables = append(st.tables, id)
	}
	slices.Sort(st.tables)
	// The newest version the named tables hold, read (opening every named
	// table) only when a table the MANIFEST never named is there.
	newest, known := uint64(0), false
	maxLive := func() (uint64, error) {
		if known {
			return newest, nil
		}
		for _, id := range st.tables {
			v, err := checkTable(table.NewFilename(id, dir), false)
			if err != nil {
				return 0, damaged("the table %s is damaged: %s", table.IDToFilename(id), firstLine(err.Error()))
			}
			newest = max(newest, v)
		}
		known = true
		return newest, nil
	}
	streamed, streaming, err := readStreamMarker(dir)
	if err != nil {
		return st, damaged("%s", err.Error())
	}
	for _, id := range tables {
		if man.live[id] || man.deleted[id] {
			continue // named, or deleted by the MANIFEST and not yet removed
		}
		if streaming {
			if v, err := checkTable(table.NewFilename(id, dir), true); err == nil && v == streamed {
				continue // an interrupted stream's table (stream_marker.go)
			}
		}
		live, err := maxLive()
		if err != nil {
			return st, err
		}
		if !orphanIsLeftover(table.NewFilename(id, dir), live, mems) {
			return st, damaged("its MANIFEST does not name the table %s, which holds data found nowhere else: "+
				"the MANIFEST was cut or replaced", table.IDToFilename(id))
		}
	}
	return st, tidyEmptyLogs(empty)
}

// tidyEmptyLogs deals with the empty (0-byte) logs a kill between creating
// a log and sizing it leaves, on which Badger's first open fails with
// z.NewFile (Badger issue #2207) and its second succeeds: an empty
// memtable log is removed (it holds nothing); an empty value log is sized
// as Badger's first attempt would have left it (a hole), since Badger may
// count on the newest value log's number.
func tidyEmptyLogs(paths []string) error {
	for _, path := range paths {
		var err error
		if strings.HasSuffix(path, memExt) {
			err = os.Remove(path)
		} else {
			err = os.Truncate(path, 2*valueLogFileSize)
		}
		if err != nil {
			return fmt.Errorf("storage: tidying the empty log '%s': %w", path, err)
		}
	}
	return nil
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
	v, err := checkTable(path, true)
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

// checkTable opens a table read-only — which checks its index against
// its checksum — verifies every block's checksum when verify is set, and
// returns its newest version. A damaged table is an error, never a panic.
func checkTable(path string, verify bool) (newest uint64, err error) {
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return 0, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("it is cut short or overwritten")
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
	if verify {
		if err := t.VerifyChecksum(); err != nil {
			return 0, err
		}
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
// memtable log.
func newestInLog(path string) uint64 {
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return 0
	}
	defer mf.Close(-1)
	_, newest := scanLog(mf.Data)
	return newest
}

// scanLog reads the entries of a memtable or value log (after its
// header: entry header, key, value, CRC-32C) as Badger's replay does, up
// to the first that does not check out. It returns that entry's offset
// and the newest version among the valid ones.
func scanLog(data []byte) (end int, newest uint64) {
	off := logHeaderSize
	for off < len(data) {
		p, klen, vlen, ok := entryHeader(data, off)
		if !ok || klen < 8 || p+klen+vlen+4 > len(data) {
			return off, newest
		}
		e := p + klen + vlen
		if crc32.Checksum(data[off:e], y.CastagnoliCrcTable) != binary.BigEndian.Uint32(data[e:]) {
			return off, newest
		}
		newest = max(newest, y.ParseTs(data[p:p+klen]))
		off = e + 4
	}
	return off, newest
}

// entryHeader decodes the entry header at off (meta, user meta, then
// uvarint key length, value length and expiry): where the key starts,
// and the lengths.
func entryHeader(data []byte, off int) (keyAt, klen, vlen int, ok bool) {
	p := off + 2
	if p > len(data) {
		return 0, 0, 0, false
	}
	var f [3]uint64
	for i := range f {
		v, n := binary.Uvarint(data[p:])
		if n <= 0 {
			return 0, 0, 0, false
		}
		f[i], p = v, p+n
	}
	if f[0] > 1<<16 || f[1] > uint64(len(data)) {
		return 0, 0, 0, false
	}
	return p, int(f[0]), int(f[1]), true
}

// logTailDamaged reports whether a memtable or value log holds data past
// its last valid entry that a crash cannot explain. Badger's replay stops
// at the first entry that fails its checksum and cuts the log there, so a
// byte changed in the middle of a log would silently drop every commit
// after it. A kill leaves at most one entry half written, after which the
// log is zeros (its file was created as a hole); so once the entry that
// does not check out ends (by its own header), every byte must be zero,
// and that entry's checksum (copied last) must not have been written.
func logTailDamaged(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	mf, err := z.OpenMmapFile(path, os.O_RDONLY, 0)
	if err != nil {
		return false, err
	}
	defer mf.Close(-1)
	data := mf.Data
	end, _ := scanLog(data)
	if end >= len(data) {
		return false, nil
	}
	tail := end + 1
	if p, klen, vlen, ok := entryHeader(data, end); ok {
		tail = max(tail, p+klen+vlen+4)
		// An entry whose checksum is there and whose body has no gap
		// was written whole, and is damaged. A body with a run of zero
		// bytes (which neither keys nor JSON records hold) is a copy a
		// kill cut short: memmove may store an entry's last bytes first.
		if klen > 0 && tail <= len(data) && !isZero(data[tail-4:tail]) && !hasZeroRun(data[p:tail-4], tornGap) {
			return true, nil
		}
	}
	if zeroFrom(f, data, tail) {
		return false, nil
	}
	// Bytes past the torn entry are not zero: a copy cut short need not
	// have written its first bytes first (a kill during a backward copy
	// leaves an entry's end without its header). Only a whole,
	// checksummed entry after it shows commits that replay would drop.
	return entryAfter(data, end+1), nil
}

// tornGap is the shortest run of zero bytes taken for the part of an
// entry a cut-short copy never wrote.
const tornGap = 16

// hasZeroRun reports whether b holds n zero bytes in a row.
func hasZeroRun(b []byte, n int) bool {
	run := 0
	for _, c := range b {
		if c != 0 {
			run = 0
			continue
		}
		if run++; run >= n {
			return true
		}
	}
	return false
}

// entryAfter reports whether a whole entry — a header that decodes, a key
// with its version, and a checksum that matches — starts anywhere in data
// from off on.
func entryAfter(data []byte, off int) bool {
	for i := off; i < len(data); i++ {
		if i+2 >= len(data) || data[i+2] == 0 {
			continue // the key length (at least 8) follows the two meta bytes: it is never zero
		}
		p, klen, vlen, ok := entryHeader(data, i)
		if !ok || klen < 8 || p+klen+vlen+4 > len(data) {
			continue
		}
		e := p + klen + vlen
		if crc32.Checksum(data[i:e], y.CastagnoliCrcTable) == binary.BigEndian.Uint32(data[e:]) {
			return true
		}
	}
	return false
}

// zeroFrom reports whether data (the mapped contents of f) is all zero
// from off on, skipping the file's holes where the system says where they
// are (SEEK_DATA), so a mostly empty 16 MB log costs little.
func zeroFrom(f *os.File, data []byte, off int) bool {
	const seekData = 3
	for off < len(data) {
		next, err := f.Seek(int64(off), seekData)
		if err != nil {
			if errors.Is(err, syscall.ENXIO) {
				return true // only holes from off on
			}
			next = int64(off) // no SEEK_DATA here: read everything
		}
		if next >= int64(len(data)) {
			return true
		}
		off = int(next)
		stop := min(len(data), off+64<<10)
		if !isZero(data[off:stop]) {
			return false
		}
		off = stop
	}
	return true
}

// isZero reports whether every byte of b is zero.
func isZero(b []byte) bool {
	return !slices.ContainsFunc(b, func(c byte) bool { return c != 0 })
}

// firstLine is the first line of s: Badger's messages and panics run to
// several lines, csshell prints one.
func firstLine(s string) string {
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "==") {
			return line
		}
	}
	return "no detail"
}
