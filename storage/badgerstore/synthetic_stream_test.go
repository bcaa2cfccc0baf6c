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

// TestStreamedResetKeepsWhatInPlaceKeeps: a streamed reset over a tenant
// that holds users, mail and audit records works out what it keeps in
// memory (keptAfterReset) instead of deleting the rest first; it must
// keep exactly what the reset done in place keeps. Two copies of one
// store are reset with the same synthetic users, one the streamed way,
// one forced in place (a keep limit of 0 bytes); every record outside the
// users and their indexes must be the same, the administrators too, and
// both must pass CheckInvariants with the same number of users.
func TestStreamedResetKeepsWhatInPlaceKeeps(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 40 000 users")
	}
	root := t.TempDir()
	dir := filepath.Join(root, "tenant")
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// A tenant with more than the demo: synthetic users, and the mail
	// and audit records their creation and a change leave.
	if err := storage.AddSyntheticUsers(s, 50); err != nil {
		t.Fatal(err)
	}
	err = s.Update(func(w storage.Writer) error {
		st, err := w.Settings()
		if err != nil {
			return err
		}
		st.AutomaticallySendEmailsToUsers = !st.AutomaticallySendEmailsToUsers
		if err := w.PutSettings(st); err != nil {
			return err
		}
		return w.AddAudit(&storage.AuditRecord{Time: w.Now(), Account: "admin@contoso.com", Cmdlet: "Set-CsOnlineDialInConferencingUser"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(root, "inplace")
	copyStore(t, dir, other)

	reset := func(dir string, limit int) map[string]string {
		t.Helper()
		defer func(old int) { streamKeepMaxBytes = old }(streamKeepMaxBytes)
		streamKeepMaxBytes = limit
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		resetSynthetic(t, s)
		kept := map[string]string{}
		err = s.View(func(r storage.Reader) error {
			return r.(*tx).each(nil, true, false, func(k, v []byte) (bool, error) {
				switch {
				case slices.Contains(storage.IndexNamespaces(), k[0]):
					return true, nil
				case k[0] == storage.NSUser:
					u, err := storage.DecodeUser(v)
					if err != nil || !storage.SurvivesResetEmpty(u) {
						return err == nil, err
					}
				}
				kept[string(k)] = string(v)
				return true, nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		return kept
	}
	streamed := reset(dir, streamKeepMaxBytes)
	inPlace := reset(other, 0)
	if len(streamed) == 0 || len(streamed) != len(inPlace) {
		t.Fatalf("streamed reset kept %d records, in place %d", len(streamed), len(inPlace))
	}
	for k, v := range inPlace {
		if streamed[k] != v {
			t.Errorf("record %q: streamed %q, in place %q", k, streamed[k], v)
		}
	}
}
