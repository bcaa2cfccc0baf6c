package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// csshellBinary builds the csshell binary once for the tests that need a
// real process (to kill it).
func csshellBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "csshell-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "csshell")
		cmd := exec.Command("go", "build", "-o", builtBin, ".")
		cmd.Stderr = os.Stderr
		buildErr = cmd.Run()
	})
	if buildErr != nil {
		t.Fatalf("build csshell: %v", buildErr)
	}
	return builtBin
}

// TestShownChangesSurviveKill9: every PIN csshell has printed verifies
// after the process is killed with SIGKILL right after printing it —
// including PINs of a pipeline whose commits share one sync.
func TestShownChangesSurviveKill9(t *testing.T) {
	bin := csshellBinary(t)
	dir := filepath.Join(t.TempDir(), "tenant")
	script := `Get-CsOnlineDialInConferencingUser | Set-CsOnlineDialInConferencingUser -ResetLeaderPin -WarningAction SilentlyContinue |
    ForEach-Object { "$($_.SipAddress) $($_.LeaderPin)" }
'shown'
Start-Sleep -Seconds 60`
	cmd := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", script)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "HOME="+t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	pins := map[string]string{}
	sc := bufio.NewScanner(stdout)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for sc.Scan() {
			line := sc.Text()
			if line == "shown" {
				return
			}
			if f := strings.Fields(line); len(f) == 2 {
				pins[strings.TrimPrefix(f[0], "sip:")] = f[1]
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("csshell printed nothing")
	}
	// The PINs are shown: kill the process without letting it close the
	// store.
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if len(pins) < 5 {
		t.Fatalf("expected the demo users' PINs, got %v", pins)
	}
	var check strings.Builder
	for upn, pin := range pins {
		check.WriteString("Test-TenantLeaderPin -Identity " + upn + " -Pin " + pin + "\n")
	}
	out, err := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", check.String()).CombinedOutput()
	if err != nil {
		t.Fatalf("reopen: %v\n%s", err, out)
	}
	got := strings.Fields(string(out))
	if len(got) != len(pins) {
		t.Fatalf("verification output: %q", out)
	}
	for _, v := range got {
		if v != "True" {
			t.Fatalf("a PIN shown before the kill does not verify after it: %q", out)
		}
	}
}

// TestSecondProcessGetsOneLine: a second csshell on a tenant store in use
// prints one clear line and exits with code 1.
func TestSecondProcessGetsOneLine(t *testing.T) {
	bin := csshellBinary(t)
	dir := filepath.Join(t.TempDir(), "tenant")
	first := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", "'ready'; Start-Sleep -Seconds 30")
	stdout, err := first.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { first.Process.Kill(); first.Wait() }()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "ready" {
		t.Fatalf("first process: %q %v", line, err)
	}
	second := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", "1")
	var errOut strings.Builder
	second.Stderr = &errOut
	out, err := second.Output()
	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 1 {
		t.Fatalf("second process: err %v, stdout %q", err, out)
	}
	want := "The tenant store '" + dir + "' is in use by another csshell process.\n"
	if errOut.String() != want || len(out) != 0 {
		t.Errorf("second process wrote stdout %q stderr %q, want stderr %q", out, errOut.String(), want)
	}
}

// TestCtrlCStopsABulkChangeCleanly sends SIGINT to csshell in the middle
// of a pipeline of PIN resets: it stops, every PIN it printed verifies
// after a restart, and every user is still whole (readable through every
// index, one audit record per finished reset).
func TestCtrlCStopsABulkChangeCleanly(t *testing.T) {
	bin := csshellBinary(t)
	dir := filepath.Join(t.TempDir(), "tenant")
	script := `Get-CsOnlineDialInConferencingUser | Set-CsOnlineDialInConferencingUser -ResetLeaderPin -WarningAction SilentlyContinue |
    ForEach-Object { "$($_.SipAddress) $($_.LeaderPin)"; Start-Sleep -Milliseconds 300 }`
	cmd := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", script)
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "HOME="+t.TempDir())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	pins := map[string]string{}
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 {
			pins[strings.TrimPrefix(f[0], "sip:")] = f[1]
		}
		if len(pins) == 3 {
			cmd.Process.Signal(os.Interrupt)
			break
		}
	}
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 {
			pins[strings.TrimPrefix(f[0], "sip:")] = f[1]
		}
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("csshell did not stop on SIGINT")
	}
	if len(pins) >= 9 {
		t.Fatalf("the pipeline was not stopped: %d PINs printed", len(pins))
	}
	var check strings.Builder
	for upn, pin := range pins {
		check.WriteString("Test-TenantLeaderPin -Identity " + upn + " -Pin " + pin + "\n")
	}
	check.WriteString("(Get-CsOnlineDialInConferencingUser | Measure-Object).Count\n")
	check.WriteString("(Get-TenantAuditLog | Where-Object Cmdlet -eq 'Set-CsOnlineDialInConferencingUser' | Measure-Object).Count\n")
	out, err := exec.Command(bin, "-NoProfile", "-NonInteractive", "-TenantPath", dir, "-Command", check.String()).CombinedOutput()
	if err != nil {
		t.Fatalf("reopen: %v\n%s", err, out)
	}
	lines := strings.Fields(string(out))
	if len(lines) != len(pins)+2 {
		t.Fatalf("unexpected verification output: %q", out)
	}
	for _, v := range lines[:len(pins)] {
		if v != "True" {
			t.Fatalf("a PIN printed before Ctrl-C does not verify: %q", out)
		}
	}
	if lines[len(pins)] != "9" {
		t.Errorf("all 9 conferencing users must still be readable, got %s", lines[len(pins)])
	}
	if audited := lines[len(pins)+1]; audited != fmt.Sprint(len(pins)) && audited != fmt.Sprint(len(pins)+1) {
		t.Errorf("audit records for finished resets: %s, printed %d", audited, len(pins))
	}
}
