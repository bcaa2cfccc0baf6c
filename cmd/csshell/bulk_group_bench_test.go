package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// The bulk write paths of issue 16: 10 000 users changed through a
// pipeline, a CSV loop or the scripts/ bulk script, each on an on-disk
// tenant ("disk", against the baseline) and an in-memory one ("memory",
// for the CPU a change costs). Every benchmark reports, per user change:
//
//	ratio     its time over one commit of BenchmarkBulkBaselinePerCommitFsync
//	          (10 000 plain Badger read-modify-write commits, each with its
//	          own fsync), measured once in the same run (goal ≤ 0.25)
//	us-cpu/op the process's CPU time (user + system, every goroutine) per
//	          change (goal ≤ 40 on the memory tenant)
//
// Run them with
//
//	go test -run '^$' -bench 'Bulk' -benchtime 2x ./cmd/csshell/

// BenchmarkBulkBaselinePerCommitFsync is the baseline: 10 000 plain Badger
// read-modify-write transactions with SyncWrites on (one fsync per commit),
// each reading and rewriting a user-sized value.
func BenchmarkBulkBaselinePerCommitFsync(b *testing.B) {
	var per time.Duration
	for b.Loop() {
		per = measureBaseline(b)
	}
	b.ReportMetric(float64(per.Nanoseconds())/1e3, "us/commit")
}

var (
	baselineOnce sync.Once
	baselinePer  time.Duration
)

// baseline is the time of one baseline commit, measured once per run
// (0 when CSSHELL_BULK_NO_BASELINE is set: for CPU profiles of the bulk
// paths alone; no ratio is reported then).
func baseline(b *testing.B) time.Duration {
	if os.Getenv("CSSHELL_BULK_NO_BASELINE") != "" {
		return 0
	}
	baselineOnce.Do(func() {
		b.StopTimer()
		baselinePer = measureBaseline(b)
		b.StartTimer()
	})
	return baselinePer
}

// measureBaseline runs the 10 000 synced read-modify-write commits and
// returns the time of one.
func measureBaseline(b *testing.B) time.Duration {
	opts := badger.DefaultOptions(filepath.Join(b.TempDir(), "raw")).
		WithLogger(nil).WithSyncWrites(true).WithMetricsEnabled(false).
		WithMemTableSize(8 << 20).WithValueThreshold(64 << 10)
	db, err := badger.Open(opts)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	val := make([]byte, 1200)
	rand.Read(val)
	key := func(i int) []byte { return fmt.Appendf(nil, "user%06d@contoso.com", i) }
	wb := db.NewWriteBatch()
	for i := range bulkUsers {
		if err := wb.Set(key(i), val); err != nil {
			b.Fatal(err)
		}
	}
	if err := wb.Flush(); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for i := range bulkUsers {
		err := db.Update(func(txn *badger.Txn) error {
			item, err := txn.Get(key(i))
			if err != nil {
				return err
			}
			v, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			v[i%len(v)]++
			return txn.Set(key(i), v)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return time.Since(start) / bulkUsers
}

// cpuTime is the process's CPU time so far (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// settle waits (at most 5 s) until the process stops using CPU: until
// Badger has flushed and compacted what preparing the tenant wrote, so
// that the next run's CPU time is that run's own.
func settle() {
	for range 100 {
		c0 := cpuTime()
		time.Sleep(50 * time.Millisecond)
		if cpuTime()-c0 < 2*time.Millisecond {
			return
		}
	}
}

// bulkCase is one bulk benchmark: a script run on a tenant of bulkUsers
// synthetic users, changing ops users per run.
type bulkCase struct {
	script string
	ops    int
	// fresh, when set, runs before each run (untimed) on a fresh tenant.
	fresh bool
}

// runBulk runs c on the disk and the memory tenant as sub-benchmarks.
func runBulk(b *testing.B, c bulkCase) {
	for _, where := range []string{"disk", "memory"} {
		b.Run(where, func(b *testing.B) {
			per := baseline(b)
			dir := b.TempDir()
			writeBulkInputs(b, dir)
			open := func() (storage.Store, func()) {
				if where == "memory" {
					s, err := badgerstore.OpenInMemory()
					if err != nil {
						b.Fatal(err)
					}
					prepareBulkStore(b, s)
					return s, func() { s.Close() }
				}
				tdir := filepath.Join(b.TempDir(), "tenant")
				s, err := badgerstore.Open(tdir)
				if err != nil {
					b.Fatal(err)
				}
				prepareBulkStore(b, s)
				return s, func() { s.Close() }
			}
			s, done := open()
			rt, errs := bulkRuntime(b, dir, s)
			settle()
			var elapsed, cpu time.Duration
			for b.Loop() {
				if c.fresh {
					b.StopTimer()
					done()
					s, done = open()
					rt, errs = bulkRuntime(b, dir, s)
					settle()
					b.StartTimer()
				}
				t0, c0 := time.Now(), cpuTime()
				res := rt.Execute(context.Background(), "bulk.ps1", c.script)
				elapsed += time.Since(t0)
				cpu += cpuTime() - c0
				if res.Failed || errs.Len() > 0 {
					b.Fatalf("script failed: %v\n%s", res.Err, errs.String())
				}
			}
			done()
			ops := float64(b.N * c.ops)
			b.ReportMetric(float64(cpu.Microseconds())/ops, "us-cpu/op")
			b.ReportMetric(float64(elapsed.Microseconds())/ops, "us/op")
			if per > 0 {
				b.ReportMetric(float64(elapsed.Nanoseconds())/ops/float64(per.Nanoseconds()), "ratio")
			}
		})
	}
}

// writeBulkInputs writes users.csv (the synthetic users) and newusers.csv
// (bulkUsers users to create) into dir.
func writeBulkInputs(b *testing.B, dir string) {
	var users, fresh strings.Builder
	users.WriteString("\"UserPrincipalName\"\n")
	fresh.WriteString("\"UserPrincipalName\",\"DisplayName\",\"City\"\n")
	for i := 1; i <= bulkUsers; i++ {
		fmt.Fprintf(&users, "\"user%06d@contoso.com\"\n", i)
		fmt.Fprintf(&fresh, "\"new%06d@contoso.com\",\"New User %d\",\"Zurich\"\n", i, i)
	}
	for name, text := range map[string]string{"users.csv": users.String(), "newusers.csv": fresh.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// prepareBulkStore adds the synthetic users and turns automatic emails off.
func prepareBulkStore(b *testing.B, s storage.Store) {
	if err := storage.AddSyntheticUsers(s, bulkUsers); err != nil {
		b.Fatal(err)
	}
	err := s.Update(func(w storage.Writer) error {
		st, err := w.Settings()
		if err != nil {
			return err
		}
		st.AutomaticallySendEmailsToUsers = false
		return w.PutSettings(st)
	})
	if err != nil {
		b.Fatal(err)
	}
}

// bulkRuntime is a session on s, its location dir, output discarded.
func bulkRuntime(b *testing.B, dir string, s storage.Store) (*engine.Runtime, *strings.Builder) {
	errs := &strings.Builder{}
	h := engine.NewHost(strings.NewReader(""), io.Discard, errs)
	h.Getenv = func(string) string { return "" }
	rt := engine.New(h)
	cmdlets.Register(rt)
	tenant, err := teams.NewTenant(s)
	if err != nil {
		b.Fatal(err)
	}
	cmdlets.RegisterTenant(rt, tenant)
	rt.SetLocation(dir)
	return rt, errs
}

// BenchmarkBulkResetPipeline: every user's PIN reset through the
// pipeline, the PINs to a CSV (each durable before it is written).
func BenchmarkBulkResetPipeline(b *testing.B) {
	runBulk(b, bulkCase{ops: bulkUsers, script: `Get-CsOnlineDialInConferencingUser |
  Where-Object SipAddress -like 'sip:user*' |
  Set-CsOnlineDialInConferencingUser -ResetLeaderPin |
  Select-Object Identity, LeaderPin | Export-Csv pins.csv`})
}

// BenchmarkBulkResetCSV: Import-Csv | % { Set-… -ResetLeaderPin }, the
// PINs to a CSV.
func BenchmarkBulkResetCSV(b *testing.B) {
	runBulk(b, bulkCase{ops: bulkUsers, script: `Import-Csv users.csv | ForEach-Object {
    $r = Set-CsOnlineDialInConferencingUser -Identity $_.UserPrincipalName -ResetLeaderPin
    [pscustomobject]@{UserPrincipalName = $_.UserPrincipalName; LeaderPin = $r.LeaderPin}
} | Export-Csv pins.csv`})
}

// BenchmarkBulkResetScript runs scripts/Reset-ConferencingPins.ps1 on
// users.csv.
func BenchmarkBulkResetScript(b *testing.B) {
	script, err := filepath.Abs("../../scripts/Reset-ConferencingPins.ps1")
	if err != nil {
		b.Fatal(err)
	}
	runBulk(b, bulkCase{ops: bulkUsers, script: fmt.Sprintf(
		"& '%s' -Path users.csv -OutputPath pins.csv -Force\nif ($LASTEXITCODE) { throw \"exit $LASTEXITCODE\" }", script)})
}

// BenchmarkBulkEnable disables, then enables every user (two changes
// per user), from the CSV.
func BenchmarkBulkEnable(b *testing.B) {
	runBulk(b, bulkCase{ops: 2 * bulkUsers, script: `Import-Module MicrosoftTeams -RequiredVersion 2.6.0
$users = Import-Csv users.csv
$users | ForEach-Object { Disable-CsOnlineDialInConferencingUser -Identity $_.UserPrincipalName }
$users | ForEach-Object { Enable-CsOnlineDialInConferencingUser -Identity $_.UserPrincipalName -WarningAction SilentlyContinue }`})
}

// BenchmarkBulkSettings changes a setting of every user twice (off, on).
func BenchmarkBulkSettings(b *testing.B) {
	runBulk(b, bulkCase{ops: 2 * bulkUsers, script: `$users = Import-Csv users.csv
$users | ForEach-Object { Set-CsOnlineDialInConferencingUser -Identity $_.UserPrincipalName -AllowTollFreeDialIn $false }
$users | ForEach-Object { Set-CsOnlineDialInConferencingUser -Identity $_.UserPrincipalName -AllowTollFreeDialIn $true }`})
}

// BenchmarkBulkNewTenantUserCSV creates 10 000 users from a CSV (on a
// fresh tenant each run).
func BenchmarkBulkNewTenantUserCSV(b *testing.B) {
	runBulk(b, bulkCase{ops: bulkUsers, fresh: true, script: `Import-Csv newusers.csv |
  ForEach-Object { New-TenantUser -UserPrincipalName $_.UserPrincipalName -DisplayName $_.DisplayName -City $_.City } |
  Select-Object UserPrincipalName | Export-Csv created.csv`})
}

// BenchmarkBulkLanguageOnly is the CSV loop of BenchmarkBulkResetCSV with
// the reset replaced by an object of the same shape: what the language
// (Import-Csv, ForEach-Object, the objects, Export-Csv) costs per user,
// without the tenant.
func BenchmarkBulkLanguageOnly(b *testing.B) {
	runBulk(b, bulkCase{ops: bulkUsers, script: `Import-Csv users.csv | ForEach-Object {
    $r = [pscustomobject]@{Identity = $_.UserPrincipalName; LeaderPin = '12345'}
    [pscustomobject]@{UserPrincipalName = $_.UserPrincipalName; LeaderPin = $r.LeaderPin}
} | Export-Csv pins.csv`})
}
