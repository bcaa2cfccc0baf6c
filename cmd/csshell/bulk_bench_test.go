package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// The bulk PIN reset of issue 5: the script admins run, through the
// engine exactly as a script file runs it, on a 10 000-user on-disk
// tenant with automatic emails off; every PIN is durable before it is
// written to pins.csv (the durability barrier runs before each write of
// Export-Csv's buffered file; TestBulkResetScriptPinsDurable checks it by
// killing the process). README figures come from
//
//	go test -run '^$' -bench 'BulkReset' -benchtime 3x ./cmd/csshell/
//
// BenchmarkBulkResetBaseline10k is the floor it is compared with, in the
// same run: 10 000 plain Badger transactions with SyncWrites on (one
// fsync each), each writing a user-sized value.

// bulkResetScript is the bulk reset, as in scripts/ (minus its param
// block): one Set per CSV row, the new PINs to a CSV.
const bulkResetScript = `Import-Csv users.csv | ForEach-Object {
    $r = Set-CsOnlineDialInConferencingUser -Identity $_.UserPrincipalName -ResetLeaderPin
    [pscustomobject]@{UserPrincipalName = $_.UserPrincipalName; LeaderPin = $r.LeaderPin}
} | Export-Csv pins.csv`

const bulkUsers = 10_000

// bulkTenant creates, in dir, an on-disk tenant of the demo users plus n
// synthetic ones with automatic emails off, and users.csv listing the
// synthetic users; it returns the tenant directory.
func bulkTenant(tb testing.TB, dir string, n int) string {
	tb.Helper()
	tdir := filepath.Join(dir, "tenant")
	s, err := badgerstore.Open(tdir)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if err := storage.AddSyntheticUsers(s, n); err != nil {
		tb.Fatal(err)
	}
	err = s.Update(func(w storage.Writer) error {
		st, err := w.Settings()
		if err != nil {
			return err
		}
		st.AutomaticallySendEmailsToUsers = false
		return w.PutSettings(st)
	})
	if err != nil {
		tb.Fatal(err)
	}
	var csv strings.Builder
	csv.WriteString("\"UserPrincipalName\"\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&csv, "\"user%06d@contoso.com\"\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.csv"), []byte(csv.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return tdir
}

// bulkSession is a runtime on the tenant in tdir, its location dir.
func bulkSession(tb testing.TB, dir, tdir string) (*engine.Runtime, *strings.Builder, func()) {
	tb.Helper()
	s, err := badgerstore.Open(tdir)
	if err != nil {
		tb.Fatal(err)
	}
	errs := &strings.Builder{}
	h := engine.NewHost(strings.NewReader(""), io.Discard, errs)
	h.Getenv = func(string) string { return "" }
	rt := engine.New(h)
	cmdlets.Register(rt)
	tenant, err := teams.NewTenant(s)
	if err != nil {
		tb.Fatal(err)
	}
	cmdlets.RegisterTenant(rt, tenant)
	rt.SetLocation(dir)
	return rt, errs, func() { s.Close() }
}

// BenchmarkBulkResetScript10k runs the bulk reset script on 10 000 users
// (goal: under 5 s, and faster than BenchmarkBulkResetBaseline10k).
func BenchmarkBulkResetScript10k(b *testing.B) {
	dir := b.TempDir()
	tdir := bulkTenant(b, dir, bulkUsers)
	rt, errs, done := bulkSession(b, dir, tdir)
	defer done()
	b.ResetTimer()
	for b.Loop() {
		res := rt.Execute(context.Background(), "bulk-reset.ps1", bulkResetScript)
		if res.Failed || errs.Len() > 0 {
			b.Fatalf("script failed: %v\n%s", res.Err, errs.String())
		}
	}
	b.StopTimer()
	data, err := os.ReadFile(filepath.Join(dir, "pins.csv"))
	if err != nil || strings.Count(string(data), "\n") != bulkUsers+1 {
		b.Fatalf("pins.csv: %d lines, %v", strings.Count(string(data), "\n"), err)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*bulkUsers), "µs/user")
}

// BenchmarkBulkResetBaseline10k: 10 000 plain Badger transactions with
// SyncWrites on — one fsync per commit — each writing a user-sized value
// (1 200 bytes, about a synthetic user's record).
func BenchmarkBulkResetBaseline10k(b *testing.B) {
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
	b.ResetTimer()
	for b.Loop() {
		for i := range bulkUsers {
			err := db.Update(func(txn *badger.Txn) error {
				return txn.Set(fmt.Appendf(nil, "user%06d@contoso.com", i), val)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*bulkUsers), "µs/user")
}

// TestBulkResetScriptPinsDurable runs the bulk reset script in a csshell
// process on 500 users, kills the process (SIGKILL: nothing is closed or
// synced on the way out) once pins.csv is written, and checks in a new
// process that every PIN in pins.csv verifies with Test-TenantLeaderPin:
// each was durable before it was written out.
func TestBulkResetScriptPinsDurable(t *testing.T) {
	const n = 500
	bin := csshellBinary(t)
	dir := t.TempDir()
	tdir := bulkTenant(t, dir, n)
	script := bulkResetScript + "\n'written'\nStart-Sleep -Seconds 60"
	cmd := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", tdir, "-Command", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "HOME="+t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	written := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "written" {
				written <- true
				return
			}
		}
		written <- false
	}()
	select {
	case ok := <-written:
		if !ok {
			cmd.Wait()
			t.Fatalf("the script did not finish: %s", stderr.String())
		}
	case <-time.After(90 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the script took too long")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if stderr.Len() > 0 {
		t.Fatalf("script errors: %s", stderr.String())
	}
	check := `$r = Import-Csv pins.csv | ForEach-Object { Test-TenantLeaderPin -Identity $_.UserPrincipalName -Pin $_.LeaderPin }
"$(@($r).Count) rows, $(@($r | Where-Object { $_ }).Count) verify"`
	verify := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", tdir, "-Command", check)
	verify.Dir = dir
	verify.Env = cmd.Env
	out, err := verify.CombinedOutput()
	if err != nil {
		t.Fatalf("verify: %v\n%s", err, out)
	}
	if got, want := strings.TrimSpace(string(out)), fmt.Sprintf("%d rows, %d verify", n, n); got != want {
		t.Fatalf("after the kill: %q, want %q", got, want)
	}
}
