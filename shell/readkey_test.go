//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// guard bounds every wait in these tests, so that a readKey that never
// returns fails the test instead of hanging it.
const guard = 5 * time.Second

// keyResult is one readKey call's results.
type keyResult struct {
	key rune
	ok  bool
	err error
}

// keyTTY opens a pty and a ttyParser over a second descriptor of its
// slave, as the shell's own descriptor of /dev/tty is; before is the
// slave's modes before any read.
func keyTTY(t *testing.T) (master, slave *os.File, p *ttyParser, before unix.Termios) {
	t.Helper()
	master, slave = openPty(t)
	f, err := os.OpenFile(slave.Name(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	p, err = newTTYParser(f)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	before = getModes(t, slave)
	if before.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != unix.ICANON|unix.ECHO|unix.ISIG {
		t.Fatalf("pty does not start cooked: lflag %#x", before.Lflag)
	}
	return master, slave, p, before
}

// readKeyAsync runs readKey in the background.
func readKeyAsync(p *ttyParser, ctx context.Context, timeout time.Duration) <-chan keyResult {
	ch := make(chan keyResult, 1)
	go func() {
		k, ok, err := p.readKey(ctx, timeout)
		ch <- keyResult{k, ok, err}
	}()
	return ch
}

// awaitKey waits for a background readKey.
func awaitKey(t *testing.T, ch <-chan keyResult) keyResult {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(guard):
		t.Fatal("readKey did not return")
		return keyResult{}
	}
}

// waitKeyModes waits until readKey has put the terminal in key mode, so
// that what the test types next arrives as it would during the read
// (echo is decided when a byte arrives, not when it is read).
func waitKeyModes(t *testing.T, slave *os.File) {
	t.Helper()
	for end := time.Now().Add(guard); time.Now().Before(end); time.Sleep(2 * time.Millisecond) {
		m := getModes(t, slave)
		if m.Lflag&unix.ICANON == 0 {
			if m.Lflag&unix.ECHO != 0 || m.Lflag&unix.ISIG == 0 {
				t.Fatalf("key mode lflag %#x: want ECHO off and ISIG on", m.Lflag)
			}
			return
		}
	}
	t.Fatal("readKey never turned ICANON off")
}

// checkRestored checks that the terminal is back in its original modes
// and the descriptor is blocking again.
func checkRestored(t *testing.T, p *ttyParser, slave *os.File, before unix.Termios) {
	t.Helper()
	after := getModes(t, slave)
	if after != before {
		t.Errorf("modes after readKey\n%+v\nwant\n%+v", after, before)
	}
	if after.Lflag&(unix.ICANON|unix.ECHO) != unix.ICANON|unix.ECHO {
		t.Errorf("ICANON or ECHO left off: lflag %#x", after.Lflag)
	}
	fl, err := unix.FcntlInt(uintptr(p.fd), unix.F_GETFL, 0)
	if err != nil {
		t.Fatal(err)
	}
	if fl&unix.O_NONBLOCK != 0 {
		t.Error("descriptor left non-blocking")
	}
}

// TestReadKeyKeys types keys after readKey has started (so no Enter
// follows them) and checks each key it returns, then that nothing of
// the input is left over and the modes are restored.
func TestReadKeyKeys(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, typed string
		want        []rune
	}{
		{"digit", "5", []rune{'5'}},
		{"hash", "#", []rune{'#'}},
		{"star", "*", []rune{'*'}},
		{"hang up", "h", []rune{'h'}},
		{"Enter as CR", "\r", []rune{'\r'}},
		{"Enter as LF", "\n", []rune{'\r'}},
		{"arrow then key", "\x1b[A9", []rune{'\x1b', '9'}},
		{"arrow alone", "\x1b[B", []rune{'\x1b'}},
		{"CSI with parameters", "\x1b[1;5C#", []rune{'\x1b', '#'}},
		{"SS3 arrow", "\x1bOA0", []rune{'\x1b', '0'}},
		{"Alt-key", "\x1bx*", []rune{'\x1b', '*'}},
		{"typed ahead", "12#", []rune{'1', '2', '#'}},
		{"multi-byte", "é3", []rune{'é', '3'}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			master, slave, p, before := keyTTY(t)
			ch := readKeyAsync(p, t.Context(), 0)
			waitKeyModes(t, slave)
			if _, err := master.Write([]byte(tc.typed)); err != nil {
				t.Fatal(err)
			}
			var got []rune
			for r := awaitKey(t, ch); ; r = awaitKey(t, readKeyAsync(p, t.Context(), 300*time.Millisecond)) {
				if r.err != nil {
					t.Fatalf("after %q: %v", got, r.err)
				}
				if !r.ok {
					break
				}
				got = append(got, r.key)
				if len(got) > len(tc.want) {
					break
				}
			}
			if string(got) != string(tc.want) {
				t.Errorf("typed %q: keys %q, want %q", tc.typed, got, tc.want)
			}
			checkRestored(t, p, slave, before)
		})
	}
}

// TestReadKeyNoEcho checks that a key pressed during the read is not
// shown, and that echo is back afterwards: the master sees the line
// typed after the read but not the key.
func TestReadKeyNoEcho(t *testing.T) {
	t.Parallel()
	master, slave, p, before := keyTTY(t)
	var mu sync.Mutex
	var shown bytes.Buffer
	go func() {
		buf := make([]byte, 1024)
		for {
			n, err := master.Read(buf)
			mu.Lock()
			shown.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	ch := readKeyAsync(p, t.Context(), 0)
	waitKeyModes(t, slave)
	master.Write([]byte("7"))
	if r := awaitKey(t, ch); r.err != nil || !r.ok || r.key != '7' {
		t.Fatalf("readKey = %q, %v, %v", r.key, r.ok, r.err)
	}
	checkRestored(t, p, slave, before)
	master.Write([]byte("echoed\n"))
	for end := time.Now().Add(guard); ; time.Sleep(5 * time.Millisecond) {
		mu.Lock()
		out := shown.String()
		mu.Unlock()
		if strings.Contains(out, "echoed") {
			if strings.Contains(out, "7") {
				t.Errorf("the key was echoed: master saw %q", out)
			}
			break
		}
		if time.Now().After(end) {
			t.Fatalf("echo not back after readKey: master saw %q", out)
		}
	}
	if line, err := p.readLine(t.Context(), true); err != nil || line != "echoed" {
		t.Errorf("the key was left in the line: readLine = %q, %v", line, err)
	}
}

// TestReadKeyTimeout checks that with nothing typed readKey reports no
// key once the timeout has passed, and restores the modes.
func TestReadKeyTimeout(t *testing.T) {
	t.Parallel()
	_, slave, p, before := keyTTY(t)
	r := awaitKey(t, readKeyAsync(p, t.Context(), 60*time.Millisecond))
	if r.err != nil || r.ok {
		t.Errorf("readKey with no input = %q, ok=%v, %v; want ok=false, nil", r.key, r.ok, r.err)
	}
	checkRestored(t, p, slave, before)
}

// TestReadKeyCancel checks that Ctrl-C (the command context cancelled)
// ends a read that is waiting, and one that starts cancelled, with the
// context's error, and restores the modes both times.
func TestReadKeyCancel(t *testing.T) {
	t.Parallel()
	_, slave, p, before := keyTTY(t)
	ctx, cancel := context.WithCancel(t.Context())
	ch := readKeyAsync(p, ctx, 0)
	waitKeyModes(t, slave)
	cancel()
	if r := awaitKey(t, ch); !errors.Is(r.err, context.Canceled) || r.ok {
		t.Errorf("cancelled while waiting: %q, ok=%v, %v; want context.Canceled", r.key, r.ok, r.err)
	}
	checkRestored(t, p, slave, before)

	if _, ok, err := p.readKey(ctx, time.Minute); !errors.Is(err, context.Canceled) || ok {
		t.Errorf("already cancelled: ok=%v, %v; want context.Canceled", ok, err)
	}
	checkRestored(t, p, slave, before)
}

// TestKeyModeHeldBetweenKeys: while a key mode is held (Host.KeyMode, the
// phone), the terminal stays in key mode between readKey calls, so a key
// typed while the command works is neither echoed nor line-edited and is
// the next readKey's; nested holds end with the outermost; the modes come
// back when it ends (and a second end does nothing).
func TestKeyModeHeldBetweenKeys(t *testing.T) {
	t.Parallel()
	master, slave, p, before := keyTTY(t)
	end := p.enterKeyMode()
	inner := p.enterKeyMode()
	master.Write([]byte("1"))
	if r := awaitKey(t, readKeyAsync(p, t.Context(), 0)); r.err != nil || r.key != '1' {
		t.Fatalf("readKey = %q, %v", r.key, r.err)
	}
	// Between two reads: still key mode, as the command works.
	if m := getModes(t, slave); m.Lflag&(unix.ICANON|unix.ECHO) != 0 || m.Lflag&unix.ISIG == 0 {
		t.Errorf("between two keys lflag %#x: want ICANON and ECHO off, ISIG on", m.Lflag)
	}
	master.Write([]byte("2"))
	inner()
	if m := getModes(t, slave); m.Lflag&unix.ICANON != 0 {
		t.Error("the inner end left key mode while the outer hold lasts")
	}
	if r := awaitKey(t, readKeyAsync(p, t.Context(), 0)); r.err != nil || r.key != '2' {
		t.Fatalf("the key typed between reads: readKey = %q, %v", r.key, r.err)
	}
	end()
	end()
	checkRestored(t, p, slave, before)
}
