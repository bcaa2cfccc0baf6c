package badgerstore

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// countVerified counts, until the test ends, the tables verified block by
// block.
func countVerified(t *testing.T) *int {
	n := 0
	verifyHook = func(string) { n++ }
	t.Cleanup(func() { verifyHook = nil })
	return &n
}

// TestTablesVerifiedOnce: an open verifies every block of the tables it
// has not verified before, and no others.
func TestTablesVerifiedOnce(t *testing.T) {
	dir := storeWithUsers(t, damagedUsers)
	tables := len(filesWith(t, dir, sstExt))
	n := countVerified(t)
	opensWith(t, dir, damagedUsers)
	if *n < tables {
		t.Errorf("first open verified %d tables of %d", *n, tables)
	}
	*n = 0
	opensWith(t, dir, damagedUsers)
	if *n != 0 {
		t.Errorf("second open verified %d tables again", *n)
	}
}

// verifiedThenEdited makes a store whose tables an open has verified,
// then changes 4 bytes in the middle of one, in place (same file, same
// size), once the clock that stamps a file's status change has moved on.
func verifiedThenEdited(t *testing.T) string {
	t.Helper()
	dir := storeWithUsers(t, damagedUsers)
	opensWith(t, dir, damagedUsers)
	sst := filesWith(t, dir, sstExt)[0]
	st, err := os.Stat(sst)
	if err != nil {
		t.Fatal(err)
	}
	_, was, ok := fileIdentity(st)
	// Wait (without a timer) until a change made now gets another ctime:
	// the kernel stamps ctimes from a coarse clock.
	probe := filepath.Join(t.TempDir(), "probe")
	for i := 0; ok; i++ {
		if err := os.WriteFile(probe, []byte{byte(i)}, 0o600); err != nil {
			t.Fatal(err)
		}
		pst, _ := os.Stat(probe)
		if _, now, _ := fileIdentity(pst); now != was {
			break
		}
	}
	f, err := os.OpenFile(sst, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	f.ReadAt(buf, st.Size()/3)
	for i := range buf {
		buf[i] ^= 0x21
	}
	if _, err := f.WriteAt(buf, st.Size()/3); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return dir
}

// TestVerifiedTableEdited: a table verified by an earlier open and then
// edited in place is verified again, and refused.
func TestVerifiedTableEdited(t *testing.T) {
	refused(t, verifiedThenEdited(t))
}

// TestVerifiedListForged: a VERIFIED list edited to vouch for an edited
// table (without the tenant key, its MAC cannot be made) vouches for
// nothing: the table is verified, and refused.
func TestVerifiedListForged(t *testing.T) {
	dir := verifiedThenEdited(t)
	list := filepath.Join(dir, verifiedFile)
	data, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, sst := range filesWith(t, dir, sstExt) {
		fi, _ := os.Stat(sst)
		id, _ := strings.CutSuffix(filepath.Base(sst), sstExt)
		n := 0
		for _, c := range id {
			n = n*10 + int(c-'0')
		}
		line, _ := verifiedLine(uint64(n), fi)
		lines = append(lines, line)
	}
	mac := string(data[strings.LastIndex(string(data), "mac "):])
	forged := strings.Join(lines, "\n") + "\n" + mac
	if err := os.WriteFile(list, []byte(forged), 0o600); err != nil {
		t.Fatal(err)
	}
	refused(t, dir)
}
