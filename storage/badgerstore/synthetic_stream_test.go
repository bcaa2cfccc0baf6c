package badgerstore

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"

	"github.com/csshell/csshell/storage"
)

// TestSortedSpill: entries added in random order come back in key order,
// through runs spilled to files and the run still in memory, and the
// runs' directory is gone after remove.
func TestSortedSpill(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "spill")
	s, err := newSortedSpill(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.runBytes = 4 << 10
	var want []string
	for i := range 5000 {
		k := fmt.Sprintf("k%08d", rand.IntN(1e8)*10+i%10)
		if slices.Contains(want, k) {
			continue
		}
		want = append(want, k)
		if err := s.add([]byte(k), []byte("v"+k)); err != nil {
			t.Fatal(err)
		}
	}
	if len(s.runs) < 10 {
		t.Fatalf("%d runs spilled, want many", len(s.runs))
	}
	slices.Sort(want)
	var got []string
	err = s.merge(func(k, v []byte) error {
		if !bytes.Equal(v, append([]byte("v"), k...)) {
			t.Errorf("%s holds %s", k, v)
		}
		got = append(got, string(k))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("merged %d entries, not the %d added in order", len(got), len(want))
	}
	s.remove()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("spill directory left: %v", err)
	}
}

// TestBulkResetStreamsSyntheticUsers: a reset with enough synthetic users
// to stream them gives a store that passes CheckInvariants, finds each
// user by UPN, SIP address and conference id, keeps them after a reopen,
// and numbers the next synthetic users after them.
func TestBulkResetStreamsSyntheticUsers(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 20 000 users")
	}
	dir := filepath.Join(t.TempDir(), "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := streamUsersAtLeast
	if err := s.BulkReset(storage.ResetKindEmpty, n, nil); err != nil {
		t.Fatal(err)
	}
	check := func(s *Badger, users int) {
		t.Helper()
		if err := s.CheckInvariants(); err != nil {
			t.Fatal(err)
		}
		err := s.View(func(r storage.Reader) error {
			count := 0
			err := r.ScanUsers("", 0, func(u *storage.User) error {
				if storage.SurvivesResetEmpty(u) {
					return nil
				}
				count++
				return nil
			})
			if err != nil {
				return err
			}
			if count != users {
				return fmt.Errorf("%d synthetic users, want %d", count, users)
			}
			for _, i := range []int{1, n / 2, n} {
				upn := fmt.Sprintf("user%06d@contoso.com", i)
				got, err := r.FindUsers(upn)
				if err != nil || len(got) != 1 {
					return fmt.Errorf("%s: %d users, %v", upn, len(got), err)
				}
				u := got[0]
				c := u.Conferencing
				if id, ok, err := r.ConferenceIDOwner(c.BridgeID, c.ConferenceID); err != nil || !ok || id != u.ID {
					return fmt.Errorf("%s: conference id %s owned by %q, %v", upn, c.ConferenceID, id, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	check(s, n)
	checkStreamedTables(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir + ".synthetic-spill"); !os.IsNotExist(err) {
		t.Fatalf("spill directory left: %v", err)
	}
	s, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	check(s, n)
	if err := storage.AddSyntheticUsers(s, 3); err != nil {
		t.Fatal(err)
	}
	check(s, n+3)
}

// checkStreamedTables: the streamed tables were built with the stream's
// options (streamOptions) — all in the last level, without bloom
// filters, larger than the store's own tables — and the store is open
// again with its own options.
func checkStreamedTables(t *testing.T, s *Badger) {
	t.Helper()
	tables := s.db.Tables()
	if len(tables) == 0 {
		t.Fatal("no tables after a streamed reset")
	}
	largest := 0
	for _, tb := range tables {
		if tb.Level != s.db.Opts().MaxLevels-1 {
			t.Errorf("table %d in level %d, want the last", tb.ID, tb.Level)
		}
		if tb.BloomFilterSize != 0 {
			t.Errorf("table %d has a %d-byte bloom filter", tb.ID, tb.BloomFilterSize)
		}
		largest = max(largest, int(tb.OnDiskSize))
	}
	if largest <= baseTableSize {
		t.Errorf("largest streamed table %d bytes, want more than %d", largest, baseTableSize)
	}
	if o := s.db.Opts(); o.BaseTableSize != baseTableSize || o.BloomFalsePositive == 0 {
		t.Errorf("after the stream the store is open with %d-byte tables and bloom %v", o.BaseTableSize, o.BloomFalsePositive)
	}
}

// TestAppendStreamKV: the stream's hand-made encoding of an entry is the
// bytes protobuf makes of the same pb.KV, empty value included.
func TestAppendStreamKV(t *testing.T) {
	for _, c := range []struct {
		key, val []byte
		version  uint64
	}{
		{[]byte("k"), []byte("value"), 1},
		{[]byte{4, 'a', 0, 'b'}, nil, 1 << 40},
		{bytes.Repeat([]byte("k"), 300), bytes.Repeat([]byte("v"), 70_000), 12345},
	} {
		want, err := proto.Marshal(&pb.KV{Key: c.key, Value: c.val, Version: c.version, StreamId: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := appendStreamKV(nil, c.key, c.val, c.version); !bytes.Equal(got, want) {
			t.Fatalf("key %q: %x, want %x", c.key[:1], got, want)
		}
	}
}
