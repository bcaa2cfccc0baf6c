package emulator_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// Fault tests: the real csshell binary is killed with SIGKILL at random
// moments of a Reset-Tenant or a Restore-Tenant; the store, reopened, must
// be the old tenant or the new one exactly — user count, every PIN printed
// for that tenant verifying, every invariant (CheckInvariants) holding —
// and no restore file may be left beside the store or in the temporary
// directory. CSSHELL_KILL_ROUNDS raises the number of kills (default 3).

var (
	killBinOnce sync.Once
	killBin     string
	killBinErr  error
)

// TestMain removes the binary the fault tests built.
func TestMain(m *testing.M) {
	code := m.Run()
	if killBin != "" {
		os.RemoveAll(filepath.Dir(killBin))
	}
	os.Exit(code)
}

// csshellBin builds cmd/csshell once per test process.
func csshellBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and kills the csshell binary")
	}
	killBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "csshell-kill-bin")
		if err != nil {
			killBinErr = err
			return
		}
		killBin = filepath.Join(dir, "csshell")
		cmd := exec.Command("go", "build", "-o", killBin, "../../cmd/csshell")
		cmd.Stderr = os.Stderr
		killBinErr = cmd.Run()
	})
	if killBinErr != nil {
		t.Fatalf("building csshell: %v", killBinErr)
	}
	return killBin
}

// killRounds is how many kills each test makes.
func killRounds() int {
	if n, err := strconv.Atoi(os.Getenv("CSSHELL_KILL_ROUNDS")); err == nil && n > 0 {
		return n
	}
	return 3
}

// csshellEnv is the environment of a child csshell: its own home and
// temporary directory.
func csshellEnv(t *testing.T, tmp string) []string {
	return append(os.Environ(), "NO_COLOR=1", "HOME="+t.TempDir(), "TMPDIR="+tmp)
}

// runCsshell runs a script to its end and returns its output.
func runCsshell(t *testing.T, dir, script string) string {
	t.Helper()
	cmd := exec.Command(csshellBin(t), "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", script)
	cmd.Env = csshellEnv(t, t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("csshell: %v\n%s", err, out)
	}
	return string(out)
}

// printedPINs reads "sip:upn pin" lines.
func printedPINs(out string) map[string]string {
	pins := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) == 2 && strings.HasPrefix(f[0], "sip:") {
			pins[strings.TrimPrefix(f[0], "sip:")] = f[1]
		}
	}
	return pins
}

// resetPINs is a script line that resets the PINs of upns and prints them.
func resetPINs(upns ...string) string {
	return "'" + strings.Join(upns, "','") + "' | ForEach-Object { Set-CsOnlineDialInConferencingUser -Identity $_ -ResetLeaderPin } | " +
		`ForEach-Object { "$($_.SipAddress) $($_.LeaderPin)" }` + "\n"
}

// copyTenant copies a closed tenant directory and its key file.
func copyTenant(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	key, err := os.ReadFile(storage.KeyFile(from))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(storage.KeyFile(to), key, 0o600); err != nil {
		t.Fatal(err)
	}
}

// killDuring runs script in csshell on dir, kills it with SIGKILL after
// delay past its "start" line (never, when delay < 0), and returns
// whether it had printed "done" by then and how long it ran.
func killDuring(t *testing.T, dir, tmp, script string, delay time.Duration) (finished bool, ran time.Duration) {
	t.Helper()
	cmd := exec.Command(csshellBin(t), "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", "'start'\n"+script+"\n'done'")
	cmd.Env = csshellEnv(t, tmp)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	if l, ok := <-lines; !ok || l != "start" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("csshell did not start: %q", l)
	}
	began := time.Now()
	var timer <-chan time.Time
	if delay >= 0 {
		timer = time.After(delay)
	}
	for {
		select {
		case l, ok := <-lines:
			if l == "done" {
				finished = true
			}
			if !ok {
				cmd.Wait()
				return finished, time.Since(began)
			}
		case <-timer:
			cmd.Process.Signal(syscall.SIGKILL)
			timer = nil
		}
	}
}

// checkTenant reopens dir and checks it is one of the two tenants: users
// users with pins verifying. It returns which one (0 or 1).
func checkTenant(t *testing.T, dir, tmp string, tenants [2]struct {
	users int
	pins  map[string]string
}) int {
	t.Helper()
	s, err := badgerstore.Open(dir)
	if err != nil {
		t.Fatalf("reopening after the kill: %v", err)
	}
	defer s.Close()
	if err := s.CheckInvariants(); err != nil {
		t.Errorf("after the kill: %v", err)
	}
	var n int
	s.View(func(r storage.Reader) error {
		n, err = r.CountUsers()
		return err
	})
	which := -1
	for i, tn := range tenants {
		if n == tn.users {
			which = i
		}
	}
	if which < 0 {
		t.Fatalf("after the kill the tenant has %d users: neither the old (%d) nor the new (%d) tenant", n, tenants[0].users, tenants[1].users)
	}
	err = s.View(func(r storage.Reader) error {
		for upn, pin := range tenants[which].pins {
			us, err := r.FindUsers(upn)
			if err != nil || len(us) != 1 || us[0].Conferencing == nil || !r.VerifyPIN(us[0].Conferencing.PIN, pin) {
				t.Errorf("tenant %d: the PIN printed for %s does not verify (%v)", which, upn, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Clean(dir) + ".restore", filepath.Clean(dir) + ".restore-spool"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left beside the store", p)
		}
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("%d files left in the temporary directory", len(entries))
	}
	return which
}

// killLoop runs the script once whole to time it, then kills it at random
// moments of that span, checking the tenant after each.
func killLoop(t *testing.T, template, script string, tenants [2]struct {
	users int
	pins  map[string]string
}) {
	root := t.TempDir()
	round := func(i int, delay time.Duration) (int, bool, time.Duration) {
		dir := filepath.Join(root, fmt.Sprintf("r%d", i), "tenant")
		copyTenant(t, template, dir)
		tmp := filepath.Join(root, fmt.Sprintf("r%d", i), "tmp")
		os.MkdirAll(tmp, 0o700)
		finished, ran := killDuring(t, dir, tmp, script, delay)
		return checkTenant(t, dir, tmp, tenants), finished, ran
	}
	which, finished, span := round(0, -1)
	if which != 1 || !finished {
		t.Fatalf("without a kill: tenant %d, finished %v", which, finished)
	}
	got := [2]int{}
	for i := 1; i <= killRounds(); i++ {
		delay := time.Duration(rand.Int64N(int64(span) + 1))
		which, finished, _ := round(i, delay)
		got[which]++
		t.Logf("killed %v after start (the whole run takes %v): finished %v, reopened as the %s tenant", delay, span, finished, []string{"old", "new"}[which])
	}
	t.Logf("%d kills: %d old tenants, %d new", killRounds(), got[0], got[1])
}

// TestKillDuringResetTenant: Reset-Tenant -Empty (or -Demo)
// -SyntheticUsers killed at random moments leaves the old tenant (12
// users, its printed PINs verifying) or the new one (the administrator,
// or the demo users, and exactly N synthetic users), never a part of
// either. EmptyStreamed has enough users for the reset to stream them
// into tables (storage/badgerstore/synthetic_stream.go).
func TestKillDuringResetTenant(t *testing.T) {
	for _, c := range []struct {
		name, mode string
		n, users   int
	}{{"Empty", "Empty", 6_000, 1 + 6_000}, {"Demo", "Demo", 4_000, 12 + 4_000}, {"EmptyStreamed", "Empty", 20_000, 1 + 20_000}} {
		t.Run(c.name, func(t *testing.T) {
			template := filepath.Join(t.TempDir(), "tenant")
			out := runCsshell(t, template, "Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $false\n"+
				resetPINs("ken.myer@contoso.com", "amos.marble@contoso.com", "lee.gu@contoso.com"))
			pins := printedPINs(out)
			if len(pins) != 3 {
				t.Fatalf("PINs printed: %q", out)
			}
			var tenants [2]struct {
				users int
				pins  map[string]string
			}
			tenants[0].users, tenants[0].pins = 12, pins
			tenants[1].users = c.users
			killLoop(t, template, fmt.Sprintf("Reset-Tenant -%s -SyntheticUsers %d -Force", c.mode, c.n), tenants)
		})
	}
}

// TestKillDuringRestoreTenant: Restore-Tenant killed at random moments
// leaves the tenant as it was (its user count, the PINs printed after the
// checkpoint verifying) or as the snapshot holds it (the PINs printed
// before the checkpoint verifying), finished by the next open; no copy of
// the snapshot is left beside the store or in the temporary directory.
func TestKillDuringRestoreTenant(t *testing.T) {
	const n = 5_000
	dir := t.TempDir()
	template, snap := filepath.Join(dir, "tenant"), filepath.Join(dir, "before.cssnap")
	upns := []string{"ken.myer@contoso.com", "amos.marble@contoso.com", "lee.gu@contoso.com"}
	out := runCsshell(t, template, fmt.Sprintf("Reset-Tenant -Demo -SyntheticUsers %d -Force\n", n)+
		"Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $false\n"+
		resetPINs(upns...)+"Checkpoint-Tenant '"+snap+"'\n")
	before := printedPINs(out)
	out = runCsshell(t, template, resetPINs(upns...)+"New-TenantUser extra.person@contoso.com | Out-Null\n")
	after := printedPINs(out)
	if len(before) != 3 || len(after) != 3 {
		t.Fatalf("PINs printed: %v %v", before, after)
	}
	var tenants [2]struct {
		users int
		pins  map[string]string
	}
	tenants[0].users, tenants[0].pins = 12+n+1, after
	tenants[1].users, tenants[1].pins = 12+n, before
	killLoop(t, template, "Restore-Tenant '"+snap+"' -Force", tenants)
}
