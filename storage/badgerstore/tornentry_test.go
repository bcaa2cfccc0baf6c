package badgerstore

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTornEntryWithoutHeader: a kill during a copy that wrote an entry's
// end before its start leaves zeros, then the entry's last bytes, after the
// last whole entry. That is a crash, not damage: the log is accepted. The
// same log with a whole entry after the gap is damage.
func TestTornEntryWithoutHeader(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(filepath.Join(dir, "tenant"))
	if err != nil {
		t.Fatal(err)
	}
	// The demo tenant was just written: its memtable log is in use, and
	// reading it now sees what a kill would leave.
	mems, _ := filepath.Glob(filepath.Join(dir, "tenant", "*.mem"))
	if len(mems) == 0 {
		s.Close()
		t.Fatal("no memtable log while the store is open")
	}
	data, err := os.ReadFile(mems[0])
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	end, _ := scanLog(data)
	if end+4096 > len(data) {
		t.Skip("log too full for the test")
	}
	// The first whole entry of the log, to plant later.
	p, klen, vlen, ok := entryHeader(data, logHeaderSize)
	if !ok {
		t.Fatal("no first entry")
	}
	whole := append([]byte(nil), data[logHeaderSize:p+klen+vlen+4]...)

	torn := append([]byte(nil), data...)
	for i := 0; i < 300; i++ { // an entry's end, its header not written
		torn[end+100+i] = 0x5a
	}
	path := filepath.Join(t.TempDir(), "00009.mem")
	if err := os.WriteFile(path, torn, 0o600); err != nil {
		t.Fatal(err)
	}
	if bad, err := logTailDamaged(path); err != nil || bad {
		t.Errorf("a torn last entry reads as damage (bad=%v, err=%v)", bad, err)
	}

	damaged := append([]byte(nil), torn...)
	copy(damaged[end+1000:], whole)
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	if bad, err := logTailDamaged(path); err != nil || !bad {
		t.Errorf("a whole entry after the gap is not seen as damage (bad=%v, err=%v)", bad, err)
	}
}
