package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// The kill -9 fault tests of the ordinary changes: csshell makes a series
// of changes, printing a line after each, and is killed with SIGKILL at a
// random moment. Every line it printed (read to the end of the pipe after
// the kill) describes a change that must be on disk; at most the one
// change after the last line may or may not be; the store reopens, passes
// its invariant check (storage/badgerstore CheckInvariants: indexes agree
// with records, a Global Administrator, unique addresses and conference
// IDs, counters past their logs), and holds every user it had.
//
// Each test kills csshell faultRuns times (3; CSSHELL_FAULT_RUNS raises
// it). Resets and restores have their own kill tests.

// faultRuns is how many times each fault test kills csshell.
func faultRuns(t *testing.T) int {
	if s := os.Getenv("CSSHELL_FAULT_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CSSHELL_FAULT_RUNS=%q: want a positive count", s)
		}
		return n
	}
	return 3
}

// faultTenant makes a tenant store in a temporary directory: the demo
// tenant and 150 synthetic conferencing users.
func faultTenant(t *testing.T, bin string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tenant")
	out, err := faultCommand(bin, dir, "Reset-Tenant -Demo -SyntheticUsers 150 -Force | Out-Null").CombinedOutput()
	if err != nil {
		t.Fatalf("making the tenant: %v\n%s", err, out)
	}
	return dir
}

// faultCommand is csshell running script on the tenant in dir.
func faultCommand(bin, dir, script string) *exec.Cmd {
	cmd := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", script)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "HOME="+filepath.Dir(dir), "CSSHELL_SMTP=")
	return cmd
}

// runAndKill runs script on the tenant in dir, kills csshell with SIGKILL
// once it has printed lines lines (or ended) and delay has passed, and
// returns every line it printed, the ones still in the pipe included.
func runAndKill(t *testing.T, bin, dir, script string, lines int, delay time.Duration) []string {
	t.Helper()
	cmd := faultCommand(bin, dir, script)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var got []string
	sc := bufio.NewScanner(stdout)
	for len(got) < lines && sc.Scan() {
		got = append(got, sc.Text())
	}
	time.Sleep(delay)
	cmd.Process.Signal(syscall.SIGKILL)
	for sc.Scan() {
		got = append(got, sc.Text())
	}
	io.Copy(io.Discard, stdout)
	cmd.Wait()
	if strings.Contains(stderr.String(), "panic") || strings.Contains(stderr.String(), "goroutine ") {
		t.Fatalf("csshell crashed before the kill:\n%s", stderr.String())
	}
	return got
}

// reopen opens the tenant store in dir after a kill and checks its
// invariants; the caller closes it. When CSSHELL_FAULT_KEEP names a
// directory, a store that fails is kept there as the kill left it (copied
// before the open, which may change its files), for a post-mortem.
func reopen(t *testing.T, dir string) *badgerstore.Badger {
	t.Helper()
	keep := func() {}
	if to := os.Getenv("CSSHELL_FAULT_KEEP"); to != "" {
		before := filepath.Join(t.TempDir(), "before-open")
		if err := os.CopyFS(before, os.DirFS(filepath.Dir(dir))); err != nil {
			t.Fatal(err)
		}
		keep = func() {
			to = filepath.Join(to, fmt.Sprintf("%s-%d", t.Name(), time.Now().UnixNano()))
			if err := os.CopyFS(to, os.DirFS(before)); err != nil {
				t.Logf("keeping the store: %v", err)
				return
			}
			t.Logf("the store as the kill left it: %s", to)
		}
	}
	s, err := badgerstore.Open(dir)
	if err != nil {
		keep()
		t.Fatalf("reopening the store after kill -9: %v", err)
	}
	if err := s.CheckInvariants(); err != nil {
		s.Close()
		keep()
		t.Fatalf("after kill -9: %v", err)
	}
	return s
}

// userCount is how many users the store holds, counted twice: by
// CountUsers and by walking them; the two must agree.
func userCount(t *testing.T, s storage.Store) int {
	t.Helper()
	var counted, walked int
	err := s.View(func(r storage.Reader) error {
		var err error
		if counted, err = r.CountUsers(); err != nil {
			return err
		}
		return r.ScanUsers("", 0, func(*storage.User) error { walked++; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	if counted != walked {
		t.Fatalf("CountUsers says %d users, the walk finds %d", counted, walked)
	}
	return counted
}

// oneUser is the one user identity names.
func oneUser(t *testing.T, r storage.Reader, identity string) *storage.User {
	t.Helper()
	users, err := r.FindUsers(identity)
	if err != nil || len(users) != 1 {
		t.Fatalf("user %s: %d found, %v", identity, len(users), err)
	}
	return users[0]
}

// TestKill9DuringBulkPINReset kills a bulk PIN reset pipeline at random
// moments: every PIN it printed verifies after the kill.
func TestKill9DuringBulkPINReset(t *testing.T) {
	bin := csshellBinary(t)
	dir := faultTenant(t, bin)
	s := reopen(t, dir)
	users := userCount(t, s)
	s.Close()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	script := `Get-CsOnlineDialInConferencingUser | Set-CsOnlineDialInConferencingUser -ResetLeaderPin -WarningAction SilentlyContinue |
    ForEach-Object { "$($_.SipAddress) $($_.LeaderPin)" }`
	for run := range faultRuns(t) {
		lines, delay := rng.IntN(160), time.Duration(rng.IntN(20))*time.Millisecond
		printed := runAndKill(t, bin, dir, script, lines, delay)
		s := reopen(t, dir)
		if n := userCount(t, s); n != users {
			t.Errorf("run %d: %d users after the kill, %d before", run, n, users)
		}
		verified := 0
		err := s.View(func(r storage.Reader) error {
			for _, line := range printed {
				f := strings.Fields(line)
				if len(f) != 2 {
					t.Errorf("run %d: unexpected output %q", run, line)
					continue
				}
				u := oneUser(t, r, f[0])
				if u.Conferencing == nil || !r.VerifyPIN(u.Conferencing.PIN, f[1]) {
					t.Errorf("run %d: the PIN printed for %s before the kill does not verify", run, f[0])
				}
				verified++
			}
			return nil
		})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("run %d: killed after %d lines + %v; %d printed PINs verify", run, lines, delay, verified)
	}
}

// TestKill9DuringSettingsChanges kills a series of tenant settings
// changes: the settings after the kill are those of the last change
// printed or of the one after it, both properties of one change together.
func TestKill9DuringSettingsChanges(t *testing.T) {
	bin := csshellBinary(t)
	dir := faultTenant(t, bin)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	// Change i sets PinLength 4 + i%9 and AllowPSTNOnlyMeetingsByDefault
	// i%2 == 1, in one command.
	script := `foreach ($i in 1..300) {
    Set-CsOnlineDialInConferencingTenantSettings -PinLength (4 + $i % 9) -AllowPSTNOnlyMeetingsByDefault ($i % 2 -eq 1)
    "set $i"
}`
	settings := func(s storage.Store) (int, bool) {
		var st *storage.Settings
		err := s.View(func(r storage.Reader) (err error) { st, err = r.Settings(); return err })
		if err != nil {
			t.Fatal(err)
		}
		return st.PinLength, st.AllowPSTNOnlyMeetingsByDefault
	}
	s := reopen(t, dir)
	users := userCount(t, s)
	prevLen, prevPSTN := settings(s)
	s.Close()
	for run := range faultRuns(t) {
		lines, delay := rng.IntN(300), time.Duration(rng.IntN(20))*time.Millisecond
		printed := runAndKill(t, bin, dir, script, lines, delay)
		last := 0
		for _, line := range printed {
			if _, err := fmt.Sscanf(line, "set %d", &last); err != nil {
				t.Fatalf("run %d: unexpected output %q", run, line)
			}
		}
		s := reopen(t, dir)
		gotLen, gotPSTN := settings(s)
		if n := userCount(t, s); n != users {
			t.Errorf("run %d: %d users after the kill, %d before", run, n, users)
		}
		s.Close()
		ok := gotLen == 4+(last+1)%9 && gotPSTN == ((last+1)%2 == 1) // the change after the last line
		if last == 0 {
			ok = ok || gotLen == prevLen && gotPSTN == prevPSTN
		} else {
			ok = ok || gotLen == 4+last%9 && gotPSTN == (last%2 == 1)
		}
		if !ok {
			t.Errorf("run %d: last change printed %d; settings after the kill PinLength %d, AllowPSTNOnlyMeetingsByDefault %v",
				run, last, gotLen, gotPSTN)
		}
		prevLen, prevPSTN = gotLen, gotPSTN
		t.Logf("run %d: killed after %d lines + %v; last change printed %d", run, lines, delay, last)
	}
}

// TestKill9DuringEnableDisable kills a series of Disable- and
// Enable-CsOnlineDialInConferencingUser commands over 40 users: each user
// is in the state the last line about it printed (else in the state the
// run before left it), the user of the command after the last line may be
// in either, and no user is lost.
func TestKill9DuringEnableDisable(t *testing.T) {
	bin := csshellBinary(t)
	dir := faultTenant(t, bin)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	s := reopen(t, dir)
	users := userCount(t, s)
	var sips []string
	err := s.View(func(r storage.Reader) error {
		return r.ScanUsers("", 0, func(u *storage.User) error {
			if u.Conferencing != nil && len(sips) < 40 {
				sips = append(sips, strings.TrimPrefix(u.SipAddress, "sip:"))
			}
			return nil
		})
	})
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The actions, in order: disable each user, then enable each.
	type action struct {
		sip    string
		enable bool
	}
	var actions []action
	for _, enable := range []bool{false, true} {
		for _, sip := range sips {
			actions = append(actions, action{sip, enable})
		}
	}
	state := map[string]bool{} // each user's state after the last run
	for _, sip := range sips {
		state[sip] = true
	}
	list := "'" + strings.Join(sips, "', '") + "'"
	// Enable-/Disable-… are gone from today's module: load 2.6.0.
	script := "Import-Module MicrosoftTeams -RequiredVersion 2.6.0\n" + `$list = @(` + list + `)
foreach ($s in $list) { Disable-CsOnlineDialInConferencingUser -Identity $s -WarningAction SilentlyContinue -ErrorAction SilentlyContinue; "disabled $s" }
foreach ($s in $list) { Enable-CsOnlineDialInConferencingUser -Identity $s -WarningAction SilentlyContinue -ErrorAction SilentlyContinue; "enabled $s" }`
	for run := range faultRuns(t) {
		lines, delay := rng.IntN(len(actions)+1), time.Duration(rng.IntN(20))*time.Millisecond
		printed := runAndKill(t, bin, dir, script, lines, delay)
		if len(printed) > len(actions) {
			t.Fatalf("run %d: %d lines for %d actions: %q", run, len(printed), len(actions), printed)
		}
		want := maps.Clone(state) // enabled, for each user whose state is certain
		for i, line := range printed {
			a := actions[i]
			if wantLine := map[bool]string{false: "disabled ", true: "enabled "}[a.enable] + a.sip; line != wantLine {
				t.Fatalf("run %d: line %d is %q, want %q", run, i, line, wantLine)
			}
			want[a.sip] = a.enable
		}
		if len(printed) < len(actions) {
			delete(want, actions[len(printed)].sip) // committed or not: either state holds
		}
		s := reopen(t, dir)
		if n := userCount(t, s); n != users {
			t.Errorf("run %d: %d users after the kill, %d before", run, n, users)
		}
		err := s.View(func(r storage.Reader) error {
			for _, sip := range sips {
				state[sip] = oneUser(t, r, sip).Conferencing != nil
				if enabled, certain := want[sip]; certain && state[sip] != enabled {
					t.Errorf("run %d: %s should be enabled=%v after the kill, is enabled=%v", run, sip, enabled, state[sip])
				}
			}
			return nil
		})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("run %d: killed after %d lines + %v; %d of %d actions printed", run, lines, delay, len(printed), len(actions))
	}
}
