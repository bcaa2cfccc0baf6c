package badgerstore

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// crashCopy commits n users one by one (each Update durable), plus one
// mail with a body above the value threshold when big, and copies the
// store's directory and key file while the store is still open: the
// state a kill -9 leaves, with the commits in the memtable log (and the
// value log) rather than in tables.
func crashCopy(t *testing.T, n int, big bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range n {
		u := storagetest.NewUser(fmt.Sprintf("crash.user%03d@contoso.com", i), fmt.Sprintf("Crash User %03d", i))
		storagetest.Update(t, s, func(w storage.Writer) error { return w.PutUser(u) })
	}
	if big {
		body := strings.Repeat("b", valueThreshold+1<<10)
		storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "x@contoso.com", Body: body}) })
	}
	crashed := filepath.Join(t.TempDir(), "crashed")
	if err := os.Mkdir(crashed, 0o700); err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range append(paths, storage.KeyFile(dir)) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(crashed, filepath.Base(p))
		if p == storage.KeyFile(dir) {
			to = storage.KeyFile(crashed)
		}
		if filepath.Base(p) == "LOCK" {
			continue
		}
		if err := os.WriteFile(to, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return crashed
}

// onlyLog is the one file of dir ending in ext.
func onlyLog(t *testing.T, dir, ext string) string {
	t.Helper()
	logs := filesWith(t, dir, ext)
	if len(logs) != 1 {
		t.Fatalf("%s files: %v", ext, logs)
	}
	return logs[0]
}

// TestCrashedLogsOpen: the logs a kill leaves open with every commit,
// also when the last entry was half written (a prefix, then zeros).
func TestCrashedLogsOpen(t *testing.T) {
	dir := crashCopy(t, 30, true)
	opensWith(t, dir, 30)

	dir = crashCopy(t, 30, false)
	mem := onlyLog(t, dir, memExt)
	data, err := os.ReadFile(mem)
	if err != nil {
		t.Fatal(err)
	}
	end, _ := scanLog(data)
	// Write one more entry, copied from the first, and keep only its
	// first half: a kill in the middle of Badger's copy.
	p, klen, vlen, _ := entryHeader(data, logHeaderSize)
	size := p + klen + vlen + 4 - logHeaderSize
	copy(data[end:], data[logHeaderSize:logHeaderSize+size/2])
	if err := os.WriteFile(mem, data, 0o600); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, 30)

	// The same entry with its header and its last bytes (the checksum
	// among them) but not its middle: memmove may store an entry's tail
	// before the rest, and a kill can land in between.
	dir = crashCopy(t, 30, false)
	mem = onlyLog(t, dir, memExt)
	if data, err = os.ReadFile(mem); err != nil {
		t.Fatal(err)
	}
	end, _ = scanLog(data)
	var whole []byte // a user record: large enough to have a middle
	for off := logHeaderSize; off < end; {
		p, klen, vlen, _ := entryHeader(data, off)
		next := p + klen + vlen + 4
		if next-off >= 256 {
			whole = slices.Clone(data[off:next])
			break
		}
		off = next
	}
	if whole == nil {
		t.Fatal("no entry of 256 bytes in the log")
	}
	size = len(whole)
	copy(data[end:], whole[:8])
	copy(data[end+size-32:], whole[size-32:])
	if err := os.WriteFile(mem, data, 0o600); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, 30)
}

// TestDamagedLogs: a byte changed in a memtable log or in the value log,
// with commits after it, is refused with every file as it was — Badger's
// replay would cut the log at the bad entry and silently drop the commits
// after it.
func TestDamagedLogs(t *testing.T) {
	t.Run("memtable log", func(t *testing.T) {
		dir := crashCopy(t, 30, false)
		mem := onlyLog(t, dir, memExt)
		data, _ := os.ReadFile(mem)
		end, _ := scanLog(data)
		if err := flipByte(mem, logHeaderSize+(end-logHeaderSize)/3); err != nil {
			t.Fatal(err)
		}
		refused(t, dir)
	})
	t.Run("value log", func(t *testing.T) {
		dir := crashCopy(t, 3, true)
		vlog := newestLog(filesWith(t, dir, vlogExt))
		if err := flipByte(vlog, logHeaderSize+100); err != nil {
			t.Fatal(err)
		}
		// The only entry of the value log, written whole, fails its
		// checksum.
		refused(t, dir)
	})
}

// TestDamagedValueRead: a byte changed in a value log Badger does not
// replay at open (not the newest) is found when the value is read: the
// read is an error, never the damaged record shown as good.
func TestDamagedValueRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	big := storagetest.NewUser("big.user@contoso.com", "Big User")
	big.City = strings.Repeat("c", valueThreshold+1<<10) // the record goes to the value log
	storagetest.Update(t, s, func(w storage.Writer) error { return w.PutUser(big) })
	// More large values, until Badger starts another value log.
	body := strings.Repeat("b", valueThreshold+1<<10)
	for i := 0; len(filesWith(t, dir, vlogExt)) < 2; i++ {
		if i > 40 {
			t.Fatal("no second value log")
		}
		storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "x@contoso.com", Body: body}) })
	}
	s.Close()
	first := filesWith(t, dir, vlogExt)[0]
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(string(data), strings.Repeat("c", 100))
	if at < 0 {
		t.Fatal("the user record is not in the first value log")
	}
	if err := flipByte(first, at+1000); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.View(func(r storage.Reader) error {
		u, err := r.User(big.ID)
		if err == nil && u.City != big.City {
			t.Error("the damaged record was read back as good")
		}
		return err
	})
	if err == nil {
		t.Error("reading the damaged record gave no error")
	}
}
