package badgerstore

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/storagetest"
	badger "github.com/dgraph-io/badger/v4"
)

// Benchmarks. The figures in the README come from
//
//	go test -run '^$' -bench . -benchtime 1x ./storage/     (the 10k ones)
//	go test -run '^$' -bench 'FindUser|Open' ./storage/
//
// BenchmarkFindUser100k builds its 100 000-user tenant once per process.

var (
	bigOnce  sync.Once
	bigStore *Badger
	bigErr   error
	bigDir   string
)

const bigUsers = 100_000

// big100k opens (building it the first time) an on-disk tenant of the demo
// users plus 100 000 synthetic users.
func big100k(b *testing.B) *Badger {
	bigOnce.Do(func() {
		bigDir, bigErr = os.MkdirTemp("", "csshell-bench-*")
		if bigErr != nil {
			return
		}
		dir := filepath.Join(bigDir, "tenant")
		bigStore, bigErr = Open(dir)
		if bigErr == nil {
			bigErr = storage.AddSyntheticUsers(bigStore, bigUsers)
		}
		// Reopen, as the shell finds the tenant the next time it starts.
		if bigErr == nil {
			bigStore.Close()
			bigStore, bigErr = Open(dir)
		}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigStore
}

func TestMain(m *testing.M) {
	if probe := os.Getenv(memProbeEnv); probe != "" {
		os.Exit(memProbe(probe))
	}
	code := m.Run()
	if bigStore != nil {
		bigStore.Close()
	}
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

func benchFind(b *testing.B, s storage.Store, upns []string) {
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		upn := upns[i%len(upns)]
		i++
		err := s.View(func(r storage.Reader) error {
			users, err := r.FindUsers(upn)
			if err == nil && len(users) != 1 {
				err = fmt.Errorf("%s: %d users", upn, len(users))
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindUserDemo resolves a UPN on the 12-user demo tenant.
func BenchmarkFindUserDemo(b *testing.B) {
	dir := b.TempDir() + "/tenant"
	s, err := Open(dir)
	if err == nil { // reopen: the records are in a table now, as on a restart
		s.Close()
		s, err = Open(dir)
	}
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	benchFind(b, s, storagetest.DemoUPNs)
}

// BenchmarkFindUser100k resolves a UPN on a 100 000-user tenant: with the
// UPN index it costs what it costs on the demo tenant.
func BenchmarkFindUser100k(b *testing.B) {
	s := big100k(b)
	upns := make([]string, 4096)
	for i := range upns {
		upns[i] = fmt.Sprintf("user%06d@contoso.com", 1+rand.IntN(bigUsers))
	}
	benchFind(b, s, upns)
}

// BenchmarkFindUser100kHot resolves the demo users' UPNs on the 100 000-user
// tenant: the same index depth as FindUser100k, but records that stay in
// the CPU caches as the demo's do. Its ≈ FindUserDemo figure shows the
// lookup does not grow with the tenant; what FindUser100k adds over it is
// cache misses of random access to 150 MB.
func BenchmarkFindUser100kHot(b *testing.B) {
	benchFind(b, big100k(b), storagetest.DemoUPNs)
}

// BenchmarkBulkReset10k resets the PIN of 10 000 users, each in its own
// durable Update (generate, hash, PutUser), as a pipeline
// `Get-CsOnlineDialInConferencingUser | Set-… -ResetLeaderPin` does.
func BenchmarkBulkReset10k(b *testing.B) {
	const n = 10_000
	s, err := Open(b.TempDir() + "/tenant")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := storage.AddSyntheticUsers(s, n); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = storage.UserIDFor(fmt.Sprintf("user%06d@contoso.com", i+1))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, id := range ids {
			err := s.Update(func(w storage.Writer) error {
				_, err := resetUserPIN(w, id)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/reset")
}

// BenchmarkBadgerCommitBaseline10k is the floor BulkReset10k is measured
// against: 10 000 plain Badger transactions of one small key each, same
// options but SyncWrites on (one fsync per commit).
func BenchmarkBadgerCommitBaseline10k(b *testing.B) {
	const n = 10_000
	db, err := badger.Open(badgerOptions(b.TempDir() + "/raw").WithSyncWrites(true))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	val := []byte("0123456789abcdef")
	b.ResetTimer()
	for b.Loop() {
		for i := range n {
			err := db.Update(func(txn *badger.Txn) error {
				return txn.Set(fmt.Appendf(nil, "key%06d", i), val)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/commit")
}

// BenchmarkOpen opens and closes an on-disk demo store.
func BenchmarkOpen(b *testing.B) {
	dir := b.TempDir() + "/tenant"
	s, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.ReportAllocs()
	for b.Loop() {
		s, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkAddSynthetic100k writes 100 000 synthetic users
// (Reset-Tenant -SyntheticUsers 100000).
func BenchmarkAddSynthetic100k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s, err := Open(b.TempDir() + "/tenant")
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := storage.AddSyntheticUsers(s, bigUsers); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// resetUserPIN gives user id a new PIN hash of the tenant's length and
// writes the user back: a PIN reset's store work, for the benchmarks.
func resetUserPIN(w storage.Writer, id string) (*storage.User, error) {
	u, err := w.User(id)
	if err != nil {
		return nil, err
	}
	st, err := w.Settings()
	if err != nil {
		return nil, err
	}
	pin, err := storage.GeneratePIN(st.PinLength)
	if err != nil {
		return nil, err
	}
	if u.Conferencing.PIN, err = w.HashPIN(pin); err != nil {
		return nil, err
	}
	u.Modified = w.Now()
	return u, w.PutUser(u)
}
