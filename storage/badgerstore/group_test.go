package badgerstore

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
)

// groupUsers returns the ids of the store's users, in UPN order.
func groupUsers(t *testing.T, s *Badger) []string {
	t.Helper()
	var ids []string
	err := s.View(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(u *storage.User) error {
			ids = append(ids, u.ID)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// rename is a change that sets a user's display name.
func rename(id, name string) func(w storage.Writer) error {
	return func(w storage.Writer) error {
		u, err := w.User(id)
		if err != nil {
			return err
		}
		u.DisplayName = name
		return w.PutUser(u)
	}
}

// committedName reads a user's display name from Badger's committed
// state directly, the way any reader that is not the group sees it.
func committedName(t *testing.T, s *Badger, id string) string {
	t.Helper()
	var name string
	err := s.db.View(func(txn *badger.Txn) error {
		u, err := (&tx{b: s, txn: txn}).User(id)
		if err == nil {
			name = u.DisplayName
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return name
}

// TestGroupChangeInvisibleBeforeCommit: a group's change is seen by the
// group's own View, but by nobody else — not Badger's committed state, not
// another session's group — until it is committed; a plain View (any other
// reader) and Sync commit it first.
func TestGroupChangeInvisibleBeforeCommit(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id := groupUsers(t, s)[0]
	before := committedName(t, s, id)
	g, other := s.NewGroup(), s.NewGroup()
	if err := g.UpdateDeferred(rename(id, "Pending Name")); err != nil {
		t.Fatal(err)
	}
	if got := committedName(t, s, id); got != before {
		t.Fatalf("committed state shows %q before the group's commit, want %q", got, before)
	}
	seen := func(gr storage.Group) string {
		var name string
		err := gr.View(func(r storage.Reader) error {
			u, err := r.User(id)
			if err == nil {
				name = u.DisplayName
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return name
	}
	if got := seen(g); got != "Pending Name" {
		t.Fatalf("the group's own view shows %q", got)
	}
	if got := seen(other); got != before {
		t.Fatalf("another session's view shows %q before the commit, want %q", got, before)
	}
	// A plain View commits the group first: the session's own plain reads
	// see its changes.
	var name string
	err = s.View(func(r storage.Reader) error {
		u, err := r.User(id)
		if err == nil {
			name = u.DisplayName
		}
		return err
	})
	if err != nil || name != "Pending Name" {
		t.Fatalf("plain View after the change: %q, %v", name, err)
	}
	if got := committedName(t, s, id); got != "Pending Name" {
		t.Fatalf("after the commit: %q", got)
	}
}

// TestGroupFailedChangeUndone: a change that fails after writing is taken
// out of the group's transaction; the group's earlier and later changes
// stay, and the indexes agree with the records.
func TestGroupFailedChangeUndone(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := groupUsers(t, s)
	g := s.NewGroup()
	if err := g.UpdateDeferred(rename(ids[0], "First")); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err = g.UpdateDeferred(func(w storage.Writer) error {
		if err := rename(ids[0], "Undone")(w); err != nil {
			return err
		}
		if err := rename(ids[1], "Undone Too")(w); err != nil {
			return err
		}
		// The same keys written twice in the change: undone to what
		// the group held before it, not to the change's first write.
		if err := rename(ids[0], "Undone Again")(w); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("got %v, want the change's error", err)
	}
	// The group itself reads its earlier change again (no decoded
	// record of the failed one is left behind).
	err = g.View(func(r storage.Reader) error {
		u, err := r.User(ids[0])
		if err == nil && u.DisplayName != "First" {
			t.Errorf("in the group after the failed change: %q, want %q", u.DisplayName, "First")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.UpdateDeferred(rename(ids[2], "Third")); err != nil {
		t.Fatal(err)
	}
	if err := g.Sync(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ids[0]: "First", ids[2]: "Third"}
	err = s.View(func(r storage.Reader) error {
		for i, id := range ids[:3] {
			u, err := r.User(id)
			if err != nil {
				return err
			}
			if w, ok := want[id]; ok && u.DisplayName != w {
				t.Errorf("user %d: %q, want %q", i, u.DisplayName, w)
			}
			if strings.HasPrefix(u.DisplayName, "Undone") {
				t.Errorf("user %d kept the failed change: %q", i, u.DisplayName)
			}
			// The display-name index follows the record.
			found, err := r.FindUsers(u.DisplayName)
			if err != nil {
				return err
			}
			if len(found) != 1 || found[0].ID != id {
				t.Errorf("user %d: FindUsers(%q) = %d users", i, u.DisplayName, len(found))
			}
		}
		undone, err := r.FindUsers("Undone")
		if len(undone) != 0 {
			t.Errorf("the failed change's name is indexed: %d users", len(undone))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGroupTooBigCommitsAndContinues: when a change does not fit in the
// group's transaction any more (Badger's ErrTxnTooBig), it is undone, the
// group's earlier changes are committed, and it runs again in a new
// transaction; nothing is lost.
func TestGroupTooBigCommitsAndContinues(t *testing.T) {
	s, err := OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	g := s.NewGroup()
	key := func(i, j int) []byte { return storage.UserKey(fmt.Sprintf("big-%d-%d", i, j)) }
	val := bytes.Repeat([]byte("x"), 60<<10) // under an in-memory store's 64 KB value limit
	write := func(i, n int, runs *int) func(w storage.Writer) error {
		return func(w storage.Writer) error {
			*runs++
			for j := range n {
				if err := w.(*tx).set(key(i, j), val); err != nil {
					return err
				}
			}
			return nil
		}
	}
	var small, big int
	if err := g.UpdateDeferred(write(0, 7, &small)); err != nil { // 420 KB: the group stays open
		t.Fatal(err)
	}
	if s.open == nil {
		t.Fatal("the group was committed early; the test needs it open")
	}
	if err := g.UpdateDeferred(write(1, 14, &big)); err != nil { // 840 KB more: over Badger's 1.2 MB
		t.Fatal(err)
	}
	if small != 1 || big != 2 {
		t.Fatalf("runs: %d and %d, want 1 and 2 (the big change again in a new transaction)", small, big)
	}
	if err := g.Sync(); err != nil {
		t.Fatal(err)
	}
	err = s.db.View(func(txn *badger.Txn) error {
		for i, n := range []int{7, 14} {
			for j := range n {
				if _, err := txn.Get(key(i, j)); err != nil {
					return fmt.Errorf("change %d, key %d: %w", i, j, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGroupSyncedBeforeSyncReturns: on disk, a group's changes reach no
// log fsync until its Sync (the barrier), and its Sync fsyncs the memtable
// log holding them.
func TestGroupSyncedBeforeSyncReturns(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "tenant"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := groupUsers(t, s)
	synced := recordFsyncs(t)
	g := s.NewGroup()
	for i, id := range ids {
		if err := g.UpdateDeferred(rename(id, fmt.Sprintf("Name %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	if len(*synced) != 0 {
		t.Fatalf("fsynced before the barrier: %v", *synced)
	}
	if err := g.Sync(); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(*synced, func(n string) bool { return strings.HasSuffix(n, memExt) }) {
		t.Fatalf("Sync fsynced %v, no memtable log", *synced)
	}
}

// groupChildEnv makes TestGroupCrashChild the writer TestKill9DuringGroup
// kills.
const groupChildEnv = "CSSHELL_TEST_GROUP_CHILD"

// TestGroupCrashChild renames users through a group, round after round
// (from the round after CSSHELL_TEST_GROUP_BASE; a rename writes the
// record and its display-name index entries); after every few renames it
// runs the group's Sync (the barrier) and only then prints the round and
// user it reached: what a session prints only after its barrier.
func TestGroupCrashChild(t *testing.T) {
	dir := os.Getenv(groupChildEnv)
	if dir == "" {
		t.Skip("the writer TestKill9DuringGroup starts")
	}
	s, err := Open(dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	ids := groupUsers(t, s)
	g := s.NewGroup()
	base, _ := strconv.Atoi(os.Getenv("CSSHELL_TEST_GROUP_BASE"))
	for round := base + 1; ; round++ {
		for i, id := range ids {
			err := g.UpdateDeferred(rename(id, fmt.Sprintf("Round %d", round)))
			if err == nil && i%3 == 2 {
				err = g.Sync()
				fmt.Printf("%d %d\n", round, i)
			}
			if err != nil {
				fmt.Println("change:", err)
				os.Exit(3)
			}
		}
	}
}

// TestKill9DuringGroup kills a process writing through a group at random
// moments: every change it printed (after its barrier) is there after a
// reopen, and every change is whole (the record and its display-name
// index agree).
func TestKill9DuringGroup(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills writers")
	}
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ids := groupUsers(t, s)
	s.Close()
	for run := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestGroupCrashChild$")
		base := run * 1_000_000
		cmd.Env = append(os.Environ(), groupChildEnv+"="+dir, "CSSHELL_TEST_GROUP_BASE="+strconv.Itoa(base))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(out)
		round, last := base, -1
		for range 1 + rand.IntN(40) {
			if !lines.Scan() {
				break
			}
			if _, err := fmt.Sscanf(lines.Text(), "%d %d", &round, &last); err != nil {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("run %d: the writer said %q", run, lines.Text())
			}
		}
		cmd.Process.Kill()
		cmd.Wait()
		s, err := Open(dir)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		err = s.View(func(r storage.Reader) error {
			for i, id := range ids {
				u, err := r.User(id)
				if err != nil {
					return err
				}
				found, err := r.FindUsers(u.DisplayName)
				if err != nil {
					return err
				}
				if !slices.ContainsFunc(found, func(f *storage.User) bool { return f.ID == id }) {
					t.Errorf("run %d, user %d: a torn change: %q is not in the display-name index", run, i, u.DisplayName)
				}
				got, _ := strconv.Atoi(strings.TrimPrefix(u.DisplayName, "Round "))
				want := round - 1 // written in the printed round, or the one before
				if i <= last {
					want = round
				} else if want == base {
					want = 0 // not yet in this run: the last run's round
				}
				if round > base && got < want {
					t.Errorf("run %d, user %d: %q after the writer printed round %d user %d", run, i, u.DisplayName, round, last)
				}
			}
			return nil
		})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestConformanceGrouped runs the storage conformance suite with every
// change going through one group that is committed only when it is full
// or when something else needs the store: reads through the group see
// its pending writes (lists and index scans merge them, group_iter.go),
// and the indexes are checked through the group's own view.
func TestConformanceGrouped(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store {
		s, err := OpenInMemory()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return grouped{Badger: s, g: s.NewGroup()}
	})
}

// grouped is a Badger whose View, Update and UpdateDeferred go through
// one group; Update does not sync (the group stays open).
type grouped struct {
	*Badger
	g storage.Group
}

func (s grouped) View(fn func(r storage.Reader) error) error { return s.g.View(fn) }
func (s grouped) Update(fn func(w storage.Writer) error) error {
	return s.g.UpdateDeferred(fn)
}
func (s grouped) UpdateDeferred(fn func(w storage.Writer) error) error {
	return s.g.UpdateDeferred(fn)
}
func (s grouped) Sync() error { return s.g.Sync() }

// Check checks the secondary indexes through the group's view.
func (s grouped) Check(t *testing.T) { t.Helper(); checkIndexes(t, s) }
