package cmdlets_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// The tenant-touching fuzz targets: hostile CSV and JSON reach the tenant
// cmdlets the way an admin script passes them (Import-Csv | New-TenantUser,
// ConvertFrom-Json -AsHashtable splatted into a Set- cmdlet). Nothing may
// panic or hang; a refused command changes nothing (the tenant's snapshot
// is byte for byte the same); and whatever is accepted keeps the tenant's
// invariants (badgerstore CheckInvariants).

// FuzzTenantImportCsv pipes an arbitrary CSV file into New-TenantUser:
// exactly the users it reports made are added, and when it makes none the
// tenant is unchanged.
func FuzzTenantImportCsv(f *testing.F) {
	for _, s := range []string{
		"UserPrincipalName,DisplayName\nzed.one@contoso.com,Zed One\n",
		"UserPrincipalName,DisplayName,PrimarySmtpAddress\nzed.two@contoso.com,Zed Two,ken.myer@contoso.com\n",
		"UserPrincipalName,DisplayName\namos.marble@contoso.com,Amos Again\n",
		"UserPrincipalName,DisplayName,Roles\nzed.three@contoso.com,Zed,Global Administrator\n",
		"UserPrincipalName,DisplayName\n\"zed\x00nul@contoso.com\",Nul\n",
		"UserPrincipalName,DisplayName\nzed.four@contoso.com," + strings.Repeat("x", 5000) + "\n",
		"UserPrincipalName,Password\nzed.five@contoso.com,Pw-864213\n",
		"UserPrincipalName\n@\nx@\n@contoso.com\nsip:y@contoso.com\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 16<<10 {
			return
		}
		ft := tenantFuzz(t)
		ft.mu.Lock()
		defer ft.mu.Unlock()
		if err := os.WriteFile(filepath.Join(ft.dir, "users.csv"), data, 0o600); err != nil {
			t.Fatal(err)
		}
		before, users := ft.snapshot(t), ft.users(t)
		ft.run(t, `$made = @(Import-Csv -LiteralPath users.csv -ErrorAction SilentlyContinue |
    New-TenantUser -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)`)
		made, _ := ft.s.RT.GetVariable("made")
		n := 0
		if list, ok := made.([]any); ok {
			n = len(list)
		}
		if got := ft.users(t); got != users+n {
			t.Fatalf("New-TenantUser reported %d users made; the tenant went from %d to %d users", n, users, got)
		}
		ft.check(t)
		if n == 0 {
			ft.same(t, before, "New-TenantUser refused every row")
			return
		}
		// Remove the users made, so the tenant does not grow with the run.
		ft.run(t, `$made | Remove-TenantUser -Confirm:$false -ErrorAction Stop`)
		if got := ft.users(t); got != users {
			t.Fatalf("removing the %d users made left %d users, was %d", n, got, users)
		}
	})
}

// FuzzTenantJsonSplat splats an arbitrary JSON object into the tenant
// settings or a user's conferencing settings: a refused command changes
// nothing.
func FuzzTenantJsonSplat(f *testing.F) {
	for _, s := range []string{
		`{"PinLength": 7}`,
		`{"PinLength": 3}`,
		`{"PinLength": "12abc"}`,
		`{"AllowPSTNOnlyMeetingsByDefault": true, "SendEmailFromAddress": "x\u0000@contoso.com"}`,
		`{"Identity": "amos.marble@contoso.com", "ResetLeaderPin": true}`,
		`{"Identity": "ken.myer@contoso.com", "ConferenceId": 1234567}`,
		`{"Identity": "megan.bowen@contoso.com", "ServiceNumber": "14255550100"}`,
		`{"Identity": "*", "AllowTollFreeDialIn": false}`,
		`{"Pin": "12345", "Identity": ["a", "b"]}`,
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, user bool) {
		if len(text) > 16<<10 {
			return
		}
		ft := tenantFuzz(t)
		ft.mu.Lock()
		defer ft.mu.Unlock()
		cmd := "Set-CsOnlineDialInConferencingTenantSettings"
		if user {
			cmd = "Set-CsOnlineDialInConferencingUser"
		}
		ft.s.RT.SetVariable("text", text)
		before := ft.snapshot(t)
		out := ft.run(t, `try {
    $h = $text | ConvertFrom-Json -AsHashtable -ErrorAction Stop
    if ($h -isnot [hashtable]) { 'not an object' } else {
        $null = `+cmd+` @h -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Stop
        'accepted'
    }
} catch { 'refused' }`)
		ft.check(t)
		switch last := lastLine(out); last {
		case "accepted":
		case "refused", "not an object":
			ft.same(t, before, cmd+" refused "+text)
		default:
			t.Fatalf("unexpected output %q", out)
		}
	})
}

// tenantFuzzer is the demo tenant the tenant fuzz targets share (one
// input at a time): an in-memory store with the fixed clock, a session
// over it, and a directory for files.
type tenantFuzzer struct {
	mu    sync.Mutex
	store *badgerstore.Badger
	s     *tenanttest.Session
	dir   string
}

var tenantFuzzOnce struct {
	sync.Once
	ft  *tenantFuzzer
	err error
}

// tenantFuzz returns the process's tenant fuzzer, made on first use
// (never closed: the inputs of the process share it).
func tenantFuzz(tb testing.TB) *tenantFuzzer {
	tenantFuzzOnce.Do(func() {
		store, err := badgerstore.Options{Now: func() time.Time { return tenanttest.Clock }}.OpenInMemory()
		if err != nil {
			tenantFuzzOnce.err = err
			return
		}
		dir, err := os.MkdirTemp("", "csshell-tenant-fuzz")
		if err != nil {
			tenantFuzzOnce.err = err
			return
		}
		s := tenanttest.NewSession(tb, store, "", false)
		s.RT.SetLocation(dir)
		tenantFuzzOnce.ft = &tenantFuzzer{store: store, s: s, dir: dir}
	})
	if tenantFuzzOnce.err != nil {
		tb.Fatal(tenantFuzzOnce.err)
	}
	return tenantFuzzOnce.ft
}

// run executes script and returns its output; it fails t when the script
// hangs or a Go panic was caught inside (an internal error). The deadline
// is a watchdog far beyond what an input of the accepted sizes needs.
func (ft *tenantFuzzer) run(t *testing.T, script string) string {
	t.Helper()
	ft.s.T = t
	ft.s.Buf.Reset()
	ft.s.RT.ClearErrors()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ft.s.RT.Execute(ctx, "<fuzz>", script)
	if ctx.Err() != nil {
		t.Fatalf("still running after 30s: %s", script)
	}
	out := ft.s.Buf.String()
	for _, e := range ft.s.RT.Errors() {
		if rec, ok := e.(*engine.ErrorRecord); ok && rec.ErrorID == "InternalError" {
			t.Fatalf("a Go panic inside: %s\n%s", rec.Message, script)
		}
	}
	if strings.Contains(out, "internal error") {
		t.Fatalf("a Go panic inside:\n%s", out)
	}
	return out
}

// snapshot is the tenant's snapshot: the same bytes for the same tenant.
func (ft *tenantFuzzer) snapshot(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ft.store.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// same fails t when the tenant differs from the snapshot before.
func (ft *tenantFuzzer) same(t *testing.T, before []byte, what string) {
	t.Helper()
	if !bytes.Equal(ft.snapshot(t), before) {
		t.Fatalf("%s, and yet the tenant changed", what)
	}
}

// users is how many users the tenant holds.
func (ft *tenantFuzzer) users(t *testing.T) int {
	t.Helper()
	var n int
	if err := ft.store.View(func(r storage.Reader) (err error) { n, err = r.CountUsers(); return err }); err != nil {
		t.Fatal(err)
	}
	return n
}

// check fails t unless the tenant keeps its invariants.
func (ft *tenantFuzzer) check(t *testing.T) {
	t.Helper()
	if err := ft.store.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
}

// lastLine is the last non-empty line of out.
func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}
