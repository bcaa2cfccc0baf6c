package badgerstore

import (
	"bufio"
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dgraph-io/badger/v4/table"

	"github.com/csshell/csshell/internal/atomicfile"
	"github.com/csshell/csshell/storage"
)

// Verifying every block of every table costs a read of the whole store
// (a second for 100 000 users) at each open. Tables never change once
// written, so a table is verified once: the file VERIFIED in the store's
// directory lists the tables whose every block checked out, each with its
// size, inode and status-change time (ctime, which every write, truncate
// or chmod of the file moves and no program can set back), under an HMAC
// keyed with the tenant secret, so that neither an edited table nor an
// edited list passes. A table not in the list, or whose file changed, is
// verified again; without the tenant secret every table is.
const verifiedFile = "VERIFIED"

// verifyTables verifies block by block the tables (named by id in dir)
// that the VERIFIED list does not vouch for, then rewrites the list. A
// table that fails is a *storage.DamagedError.
func verifyTables(dir string, ids []uint64, secret []byte) error {
	known := readVerified(dir, secret)
	var lines []string
	changed := false
	for _, id := range ids {
		path := table.NewFilename(id, dir)
		fi, err := os.Stat(path)
		if err != nil {
			return &storage.DamagedError{Dir: dir, Problem: fmt.Sprintf("the table %s cannot be read: %s",
				table.IDToFilename(id), firstLine(err.Error()))}
		}
		line, ok := verifiedLine(id, fi)
		if !ok || !known[line] {
			if verifyHook != nil {
				verifyHook(path)
			}
			if _, err := checkTable(path, true); err != nil {
				return &storage.DamagedError{Dir: dir, Problem: fmt.Sprintf("the table %s is damaged: %s",
					table.IDToFilename(id), firstLine(err.Error()))}
			}
			changed = true
		}
		if ok {
			lines = append(lines, line)
		}
	}
	if secret == nil || len(lines) < len(ids) || (!changed && len(lines) == len(known)) {
		return nil
	}
	body := strings.Join(lines, "\n") + "\n"
	// Failing to record is no reason to refuse the store: it is verified
	// again next time.
	_ = atomicfile.WriteFile(filepath.Join(dir, verifiedFile), []byte(body+"mac "+verifiedMAC(secret, body)+"\n"), 0o600)
	return nil
}

// verifyHook, when set (by tests), is told every table verified block by
// block.
var verifyHook func(path string)

// verifiedLine identifies one table file's contents as verified; ok is
// false where the system does not tell a file's inode and ctime.
func verifiedLine(id uint64, fi os.FileInfo) (line string, ok bool) {
	ino, ctime, ok := fileIdentity(fi)
	return fmt.Sprintf("%d %d %d %d", id, fi.Size(), ino, ctime), ok
}

// readVerified returns the lines of the VERIFIED list when its MAC
// checks out under secret, else nothing.
func readVerified(dir string, secret []byte) map[string]bool {
	known := map[string]bool{}
	if secret == nil {
		return known
	}
	data, err := os.ReadFile(filepath.Join(dir, verifiedFile))
	if err != nil {
		return known
	}
	i := bytes.LastIndex(data, []byte("mac "))
	if i < 0 || !hmac.Equal([]byte(strings.TrimSpace(string(data[i+4:]))), []byte(verifiedMAC(secret, string(data[:i])))) {
		return known
	}
	sc := bufio.NewScanner(bytes.NewReader(data[:i]))
	for sc.Scan() {
		known[sc.Text()] = true
	}
	return known
}

// verifiedMAC authenticates the VERIFIED list's body.
func verifiedMAC(secret []byte, body string) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("csshell verified tables v1\n"))
	m.Write([]byte(body))
	return hex.EncodeToString(m.Sum(nil))
}
