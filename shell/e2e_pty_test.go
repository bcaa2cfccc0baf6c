//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// The end-to-end tests drive the real csshell binary in a pseudo-terminal
// whose slave is the child's controlling terminal (Setsid + Setctty), so
// they run under `go test` in CI without a terminal of their own. Keys are
// written one per write with a pause, as a person types: go-prompt takes
// each read as one key.

// csshellBin is the binary TestMain builds, "" if it could not be built.
var csshellBin string

// buildErr explains why csshellBin is empty.
var buildErr error

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "csshell-e2e")
	if err == nil {
		bin := filepath.Join(dir, "csshell")
		out, err := exec.Command("go", "build", "-o", bin, "../cmd/csshell").CombinedOutput()
		if err != nil {
			buildErr = &buildError{out: string(out)}
		} else {
			csshellBin = bin
		}
	} else {
		buildErr = err
	}
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

type buildError struct{ out string }

func (e *buildError) Error() string { return "go build ./cmd/csshell failed:\n" + e.out }

// session is one csshell run in a pty.
type session struct {
	t      testing.TB
	cmd    *exec.Cmd
	master *os.File
	slave  *os.File
	mu     sync.Mutex
	out    bytes.Buffer
	mark   int
	// initial is the terminal modes before csshell started.
	initial unix.Termios
	done    chan struct{}
	err     error
	// cols and rows are the pseudo-terminal's size.
	cols, rows int
}

// startSession starts csshell -InMemory -NoProfile [args] with its own
// XDG directories under state (shared by runs that share history).
func startSession(t testing.TB, state string, args ...string) *session {
	t.Helper()
	return startSessionWith(t, state, nil, args...)
}

// startSessionWith is startSession with more environment variables (a
// later value of a name wins).
func startSessionWith(t testing.TB, state string, env []string, args ...string) *session {
	t.Helper()
	if csshellBin == "" {
		t.Fatalf("no binary: %v", buildErr)
	}
	master, slave, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	cols, rowsN := 120, 30
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "COLUMNS="); ok {
			fmt.Sscan(v, &cols)
		}
	}
	if err := pty.Setsize(master, &pty.Winsize{Rows: uint16(rowsN), Cols: uint16(cols)}); err != nil {
		t.Fatal(err)
	}
	initial, err := unix.IoctlGetTermios(int(slave.Fd()), ioctlGetTermios)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(csshellBin, append([]string{"-InMemory", "-NoProfile"}, args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	cmd.Dir = state
	cmd.Env = []string{
		"HOME=" + state, "TERM=xterm", "NO_COLOR=1", "PATH=" + os.Getenv("PATH"),
		"XDG_STATE_HOME=" + filepath.Join(state, "state"),
		"XDG_CONFIG_HOME=" + filepath.Join(state, "config"),
		"XDG_DATA_HOME=" + filepath.Join(state, "data"),
	}
	cmd.Env = append(cmd.Env, env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &session{t: t, cmd: cmd, master: master, slave: slave, initial: *initial, done: make(chan struct{}), cols: cols, rows: rowsN}
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := master.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	go func() { s.err = cmd.Wait(); close(s.done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-s.done
		master.Close()
		slave.Close()
	})
	return s
}

// ansiRE matches the escape sequences go-prompt and the shell write.
var ansiRE = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[=>78]|\r`)

// screen is the output since the last mark, escape sequences removed.
func (s *session) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansiRE.ReplaceAllString(string(s.out.Bytes()[s.mark:]), "")
}

// markNow makes later waits look only at output from now on.
func (s *session) markNow() {
	s.mu.Lock()
	s.mark = s.out.Len()
	s.mu.Unlock()
}

// waitFor waits until the output since the mark contains want.
func (s *session) waitFor(want string) {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(s.screen(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for %q; screen:\n%s", want, s.screen())
}

// waitForRE waits until the output since the mark matches re.
func (s *session) waitForRE(re string) {
	s.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if rx.MatchString(s.screen()) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("timed out waiting for /%s/; screen:\n%s", re, s.screen())
}

// key sends one key (a byte sequence) and pauses.
func (s *session) key(k string) {
	s.master.Write([]byte(k))
	time.Sleep(25 * time.Millisecond)
}

// typeText types text one character per write.
func (s *session) typeText(text string) {
	for _, r := range text {
		s.key(string(r))
	}
}

// line types text and Enter.
func (s *session) line(text string) {
	s.typeText(text)
	s.key("\r")
}

// wait waits for csshell to exit and returns its exit code.
func (s *session) wait() int {
	s.t.Helper()
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.t.Fatalf("csshell did not exit; screen:\n%s", s.screen())
	}
	return s.cmd.ProcessState.ExitCode()
}

// modes reads the terminal modes of the pty.
func (s *session) modes() unix.Termios {
	s.t.Helper()
	m, err := unix.IoctlGetTermios(int(s.slave.Fd()), ioctlGetTermios)
	if err != nil {
		s.t.Fatal(err)
	}
	return *m
}

const psPrompt = "PS "

// waitEditing waits until the line editor reads keys in raw mode again.
// go-prompt draws the next prompt before it leaves cooked mode, so a
// Ctrl-C or Ctrl-D sent the moment the prompt shows could still reach
// the terminal driver (a SIGINT, an EOF) instead of the editor.
func (s *session) waitEditing() {
	s.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := s.modes(); m.Lflag&(unix.ICANON|unix.ISIG) == 0 {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	s.t.Fatalf("the line editor never took the keyboard; screen:\n%s", s.screen())
}

func TestE2ETabCompletionAndRun(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	// A single candidate completes in place on the first Tab.
	s.typeText("Write-Outp")
	s.key("\t")
	s.typeText(" e2e-done")
	s.markNow()
	s.key("\r")
	s.waitFor("Write-Output e2e-done\n")
	s.waitFor("\ne2e-done\n")
	// Several candidates: the common prefix, then the menu; Tab selects
	// the first, Enter takes it (as PSReadLine's menu does) and a second
	// Enter runs the line.
	s.line("$abcdef1 = 'one'; $abcdef2 = 'two'")
	s.waitFor(psPrompt)
	s.markNow()
	s.typeText("$abc")
	s.key("\t")
	s.waitFor("$abcdef2")
	s.key("\t")
	s.key("\r")
	s.key("\r")
	s.waitFor("\none\n")
	// A parameter name.
	s.markNow()
	s.typeText("Get-Date -Dat")
	s.key("\t")
	s.typeText(" 2024-05-06 -Format yyyy")
	s.key("\r")
	s.waitFor("Get-Date -Date 2024-05-06 -Format yyyy\n")
	s.waitFor("\n2024\n")
	s.line("exit")
	if code := s.wait(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestE2ECtrlCStopsPipeline(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	s.line("1..10000000 | ForEach-Object { $_ }")
	s.waitFor("\n1000\n")
	s.key("\x03")
	time.Sleep(300 * time.Millisecond)
	s.markNow()
	s.line("Write-Output ('after' + '-cancel')")
	s.waitFor("\nafter-cancel\n")
	s.line("exit")
	s.wait()
}

func TestE2EMultiLineInput(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	s.line("foreach ($i in 1..2) {")
	s.waitFor(">> ")
	s.line(`  "item-$i"`)
	s.markNow()
	s.line("}")
	s.waitFor("item-1\nitem-2\n")
	// Ctrl-C discards an incomplete command.
	s.line("if ($true) {")
	s.waitFor(">> ")
	s.waitEditing()
	s.key("\x03")
	s.markNow()
	s.line("'fresh'")
	s.waitFor("\nfresh\n")
	if strings.Contains(s.screen(), ">> ") {
		t.Errorf("still continuing after Ctrl-C:\n%s", s.screen())
	}
	s.line("exit")
	s.wait()
}

func TestE2EReadHostEchoesInCookedMode(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	before := s.initial
	s.line(`$n = Read-Host 'Your name'; "Hello, $n!"`)
	s.waitFor("Your name: ")
	during := s.modes()
	if during.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != unix.ICANON|unix.ECHO|unix.ISIG {
		t.Errorf("terminal not cooked inside the command: lflag %#x", during.Lflag)
	}
	if during != before {
		t.Errorf("modes inside the command differ from the original")
	}
	s.markNow()
	s.typeText("Zed")
	s.waitFor("Zed") // echoed by the terminal
	s.key("\r")
	s.waitFor("Hello, Zed!")
	s.line("exit")
	s.wait()
}

func TestE2EExitAndCtrlDRestoreModes(t *testing.T) {
	t.Parallel()
	for _, how := range []string{"exit", "ctrl-d", "sigterm", "sighup", "sigterm-busy"} {
		t.Run(how, func(t *testing.T) {
			t.Parallel()
			s := startSession(t, t.TempDir())
			before := s.initial
			s.waitFor(psPrompt)
			s.waitEditing() // the prompt is in raw mode
			want := 0
			switch how {
			case "exit":
				s.line("exit 3")
				want = 3
			case "ctrl-d":
				s.key("\x04")
			case "sigterm":
				s.cmd.Process.Signal(syscall.SIGTERM)
				want = 143
			case "sighup":
				s.cmd.Process.Signal(syscall.SIGHUP)
				want = 129
			case "sigterm-busy":
				s.line("Start-Sleep -Seconds 30")
				time.Sleep(300 * time.Millisecond)
				s.cmd.Process.Signal(syscall.SIGTERM)
				want = 143
			}
			if code := s.wait(); code != want {
				t.Errorf("exit code %d, want %d", code, want)
			}
			if after := s.modes(); after != before {
				t.Errorf("modes after %s:\n%+v\nwant\n%+v", how, after, before)
			}
		})
	}
}

func TestE2EHistoryAcrossRuns(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := startSession(t, dir)
	s.waitFor(psPrompt)
	s.line("Write-Output ('hist' + '-one')")
	s.waitFor("\nhist-one\n")
	s.line("Test-Path -Path x -Pin 4321 -ErrorAction SilentlyContinue")
	s.line("exit")
	s.wait()

	data, err := os.ReadFile(filepath.Join(dir, "state", "csshell", "history"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "4321") || !strings.Contains(string(data), "-Pin *****") {
		t.Errorf("history file:\n%s", data)
	}

	s2 := startSession(t, dir)
	s2.waitFor(psPrompt)
	s2.markNow()
	s2.key("\x1b[A") // Up: exit
	s2.key("\x1b[A") // the Test-Path line
	s2.key("\x1b[A") // Write-Output
	s2.waitFor("Write-Output ('hist' + '-one')")
	s2.key("\r")
	s2.waitFor("\nhist-one\n")
	s2.markNow()
	s2.key("\x12") // Ctrl-R, then the text searched for
	s2.typeText("hist")
	s2.waitFor("Write-Output ('hist' + '-one')")
	s2.key("\x07") // Ctrl-G ends the search, putting back the empty line
	s2.key("\x04") // Ctrl-D on the empty line leaves
	s2.key("\x15") // Ctrl-U
	s2.key("\x04")
	s2.wait()
}

func TestE2EBanner(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitForRE(`csshell .* compatible\nTenant: .+ — signed in as \S+@\S+\n`)
	s.waitFor(psPrompt) // Ctrl-D is read by the prompt, once it is up
	s.waitEditing()
	s.key("\x04")
	s.wait()

	s = startSession(t, t.TempDir(), "-NoLogo")
	s.waitFor(psPrompt)
	if strings.Contains(s.screen(), "Tenant:") {
		t.Errorf("banner with -NoLogo:\n%s", s.screen())
	}
	s.waitEditing()
	s.key("\x04")
	s.wait()
}

// TestE2EPasteRunsEachLine: text and Enter arriving in one read (a paste,
// fast typing, a terminal multiplexer) run as typed, line by line —
// go-prompt alone would insert them literally.
func TestE2EPasteRunsEachLine(t *testing.T) {
	t.Parallel()
	s := startSession(t, t.TempDir())
	s.waitFor(psPrompt)
	s.key("abc\x03")
	s.markNow()
	s.key("$x = 20 + 1\r$x * 2\r")
	s.waitFor("\n42\n")
	s.key("foreach ($i in 1..2) {\r  \"pasted-$i\"\r}\r")
	s.waitFor("pasted-1\npasted-2\n")
	s.line("exit")
	s.wait()
}
