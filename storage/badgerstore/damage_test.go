package badgerstore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// damagedUsers is how many users the damaged-file tests' store holds:
// enough for the users to live in tables, not only in the memtable log.
const damagedUsers = 600

// storeWithUsers makes a closed on-disk store holding the demo tenant
// and n synthetic users, with at least one table.
func storeWithUsers(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := storage.AddSyntheticUsers(s, n); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if len(filesWith(t, dir, sstExt)) == 0 {
		t.Fatal("the store has no table")
	}
	return dir
}

// filesWith lists the store's files ending in ext.
func filesWith(t *testing.T, dir, ext string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*"+ext))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// fileSums maps every file of dir and its key file to a digest of its
// contents.
func fileSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range append(paths, storage.KeyFile(dir)) {
		data, err := os.ReadFile(p)
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			t.Fatal(err)
		}
		h := sha256.Sum256(data)
		sums[filepath.Base(p)] = hex.EncodeToString(h[:])
	}
	return sums
}

// sameFiles fails unless dir's files are those of before, unchanged.
func sameFiles(t *testing.T, dir string, before map[string]string) {
	t.Helper()
	after := fileSums(t, dir)
	for name, sum := range before {
		if after[name] != sum {
			t.Errorf("%s changed or removed by the refused open", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok {
			t.Errorf("%s created by the refused open", name)
		}
	}
}

// refused opens dir, wants a *storage.DamagedError printed as one line
// that says how to recover, and every file left as it was.
func refused(t *testing.T, dir string) {
	t.Helper()
	before := fileSums(t, dir)
	s, err := Open(dir)
	if err == nil {
		n := storagetest.Count(t, s)
		s.Close()
		t.Fatalf("a damaged store opened (%d users)", n)
	}
	var de *storage.DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("Open: %v, want a *storage.DamagedError", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "Restore-Tenant") || !strings.Contains(msg, dir) {
		t.Errorf("message %q: want one line naming the store and how to recover", msg)
	}
	sameFiles(t, dir, before)
}

// opensWith opens dir and wants n users beside the demo tenant's 12.
func opensWith(t *testing.T, dir string, n int) {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := storagetest.Count(t, s); got != 12+n {
		t.Errorf("users = %d, want %d", got, 12+n)
	}
}

// TestDamagedManifest: a store whose MANIFEST is missing, cut or garbled
// is refused with every file as it was — Badger would delete the tables
// it no longer names, and the empty store would be seeded with the demo
// tenant (issue 9, break 1).
func TestDamagedManifest(t *testing.T) {
	for name, damage := range map[string]func(path string) error{
		"missing":           os.Remove,
		"cut to 10 bytes":   func(p string) error { return os.Truncate(p, 10) },
		"cut to its header": func(p string) error { return os.Truncate(p, 8) },
		"emptied":           func(p string) error { return os.Truncate(p, 0) },
		"zero-filled":       zeroFill,
		"one byte changed":  func(p string) error { return flipByte(p, -3) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := storeWithUsers(t, damagedUsers)
			if err := damage(filepath.Join(dir, manifestName)); err != nil {
				t.Fatal(err)
			}
			refused(t, dir)
		})
	}
}

// TestDamagedTable: a table cut short, zero-filled, emptied, missing or
// with four bytes changed is refused, never a panic inside Badger nor a
// damaged record read back as good (issue 9, break 2).
func TestDamagedTable(t *testing.T) {
	for name, damage := range map[string]func(path string) error{
		"cut in half":        func(p string) error { return cut(p, 2) },
		"cut by 3 bytes":     func(p string) error { return cutBy(p, 3) },
		"zero-filled":        zeroFill,
		"emptied":            func(p string) error { return os.Truncate(p, 0) },
		"missing":            os.Remove,
		"4 bytes changed":    func(p string) error { return changeMiddle(p, 4) },
		"index byte changed": func(p string) error { return flipByte(p, -40) },
	} {
		t.Run(name, func(t *testing.T) {
			dir := storeWithUsers(t, damagedUsers)
			for _, sst := range filesWith(t, dir, sstExt) {
				if err := damage(sst); err != nil {
					t.Fatal(err)
				}
			}
			refused(t, dir)
		})
	}
}

// TestRecordsWithoutTenant: a store holding records but no tenant record
// is refused, never seeded with the demo tenant over what is left.
func TestRecordsWithoutTenant(t *testing.T) {
	dir := storeWithUsers(t, 20)
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	storagetest.Update(t, s, func(w storage.Writer) error { return w.(*tx).del(storage.TenantKey()) })
	s.Close()
	_, err = Open(dir)
	var de *storage.DamagedError
	if !errors.As(err, &de) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("Open of a store without its tenant record: %v, want a one-line *storage.DamagedError", err)
	}
}

// TestDataFilesGone: a store directory whose data files were all removed
// (its key fingerprint left) is refused, never seeded afresh.
func TestDataFilesGone(t *testing.T) {
	dir := storeWithUsers(t, 20)
	paths, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, p := range paths {
		if filepath.Base(p) != keyIDFile {
			os.Remove(p)
		}
	}
	refused(t, dir)
}

// TestEmptyDirectorySeeded: an existing empty directory is a new store
// and gets the demo tenant.
func TestEmptyDirectorySeeded(t *testing.T) {
	dir := t.TempDir()
	opensWith(t, dir, 0)
}

// TestCompactionLeftover: a table the MANIFEST does not name whose data
// the named tables hold (a compaction killed before it recorded its
// output) is a crash's leftover: the store opens, with every user.
func TestCompactionLeftover(t *testing.T) {
	dir := storeWithUsers(t, damagedUsers)
	ssts := filesWith(t, dir, sstExt)
	data, err := os.ReadFile(ssts[len(ssts)-1])
	if err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(dir, "999999.sst")
	if err := os.WriteFile(leftover, data, 0o600); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, damagedUsers)
}

// TestEmptyMemtableLog: an empty .mem file left by a kill does not block
// the first open (Badger issue #2207), and the data is all there.
func TestEmptyMemtableLog(t *testing.T) {
	dir := storeWithUsers(t, 20)
	if err := os.WriteFile(filepath.Join(dir, "00099.mem"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, 20)
}

// TestEmptyValueLog: an empty .vlog (a kill between creating and sizing
// the next value log) does not block the first open either.
func TestEmptyValueLog(t *testing.T) {
	dir := storeWithUsers(t, 20)
	if err := os.WriteFile(filepath.Join(dir, "000009.vlog"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	opensWith(t, dir, 20)
	// And the store still writes values to its value logs.
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	body := strings.Repeat("v", valueThreshold+1<<10)
	storagetest.Update(t, s, func(w storage.Writer) error { return w.AddMail(&storage.Mail{To: "x@contoso.com", Body: body}) })
	storagetest.View(t, s, func(r storage.Reader) error {
		m, err := r.Mail(1, nil)
		if err != nil || len(m) != 1 {
			t.Errorf("mail: %v %v", m, err)
		}
		return err
	})
}

func zeroFill(p string) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, make([]byte, st.Size()), 0o600)
}

func cut(p string, by int64) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	return os.Truncate(p, st.Size()/by)
}

func cutBy(p string, n int64) error {
	st, err := os.Stat(p)
	if err != nil {
		return err
	}
	return os.Truncate(p, st.Size()-n)
}

// flipByte inverts the byte at off (from the end when negative).
func flipByte(p string, off int) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if off < 0 {
		off += len(data)
	}
	data[off] ^= 0xFF
	return os.WriteFile(p, data, 0o600)
}

// changeMiddle changes n bytes in the middle of the file (inside a
// record's value, as an attacker editing a user would).
func changeMiddle(p string, n int) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	mid := len(data) / 3
	for i := range n {
		data[mid+i] ^= 0x21
	}
	return os.WriteFile(p, data, 0o600)
}
