package main

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestAdminCenterArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		addr string
		rest []string
		ok   bool
	}{
		{[]string{"-NoProfile"}, "", []string{"-NoProfile"}, false},
		{[]string{"-AdminCenter"}, "", nil, true},
		{[]string{"-admincenter", "0.0.0.0:9000", "-InMemory"}, "0.0.0.0:9000", []string{"-InMemory"}, true},
		{[]string{"-TenantPath", "/t", "–Adm:9001"}, "9001", []string{"-TenantPath", "/t"}, true},
		{[]string{"-AdminCenter", "-TenantPath", "/t"}, "", []string{"-TenantPath", "/t"}, true},
		// After -Command or -File the words are the script's.
		{[]string{"-Command", "echo", "-AdminCenter"}, "", []string{"-Command", "echo", "-AdminCenter"}, false},
		{[]string{"-ad"}, "", []string{"-ad"}, false},
	} {
		addr, rest, ok := adminCenterArgs(tc.args)
		if addr != tc.addr || ok != tc.ok || !slices.Equal(rest, tc.rest) {
			t.Errorf("%q: %q %q %v, want %q %q %v", tc.args, addr, rest, ok, tc.addr, tc.rest, tc.ok)
		}
	}
}

// TestAdminCenterHeadless runs csshell -AdminCenter as a process: it
// prints the URL, serves the tenant (which it holds, as the shell does),
// and exits 0 on SIGTERM, releasing the tenant.
func TestAdminCenterHeadless(t *testing.T) {
	bin := csshellBinary(t)
	dir := filepath.Join(t.TempDir(), "tenant")
	cmd := exec.Command(bin, "-AdminCenter", "127.0.0.1:0", "-TenantPath", dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("no URL line: %v (stderr %q)", err, stderr.String())
	}
	m := regexp.MustCompile(`^csshell admin center: (http://127\.0\.0\.1:\d+/) \(Ctrl-C to stop\)\n$`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q", line)
	}
	resp, err := http.Get(m[1] + "signin")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Sign in") {
		t.Errorf("GET /signin: %d", resp.StatusCode)
	}
	busy, _ := exec.Command(bin, "-NoProfile", "-TenantPath", dir, "-Command", "1").CombinedOutput()
	if !strings.Contains(string(busy), "is in use by another csshell process") {
		t.Errorf("a second csshell on the served tenant: %q", busy)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v (stderr %q)", err, stderr.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("still serving 20 s after SIGTERM")
	}
	if got, err := exec.Command(bin, "-NoProfile", "-TenantPath", dir, "-Command", "(Get-TenantAuditLog).Count").CombinedOutput(); err != nil {
		t.Errorf("the tenant after the admin center: %v %q", err, got)
	}
}
