//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"context"
	"os"
	"testing"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"
)

// openPty opens a pseudo-terminal pair, skipping the test when the system
// has none.
func openPty(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, s, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { m.Close(); s.Close() })
	return m, s
}

func getModes(t *testing.T, f *os.File) unix.Termios {
	t.Helper()
	m, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	if err != nil {
		t.Fatal(err)
	}
	return *m
}

// TestTTYParserRestoresOriginalModes checks the fix for go-prompt #228:
// Setup goes raw (keeping OPOST), TearDown brings back exactly the
// original modes, any number of times.
func TestTTYParserRestoresOriginalModes(t *testing.T) {
	_, slave := openPty(t)
	other, err := os.OpenFile(slave.Name(), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	before := getModes(t, slave)
	if before.Lflag&unix.ICANON == 0 || before.Lflag&unix.ECHO == 0 || before.Lflag&unix.ISIG == 0 {
		t.Fatalf("pty does not start cooked: lflag %#x", before.Lflag)
	}
	p, err := newTTYParser(other)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := p.Setup(); err != nil {
			t.Fatal(err)
		}
		raw := getModes(t, slave)
		if raw.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG|unix.IEXTEN) != 0 {
			t.Errorf("Setup left lflag %#x", raw.Lflag)
		}
		if raw.Iflag&(unix.ICRNL|unix.IXON) != 0 {
			t.Errorf("Setup left iflag %#x", raw.Iflag)
		}
		if raw.Oflag&unix.OPOST == 0 {
			t.Error("Setup cleared OPOST; go-prompt writes bare newlines")
		}
		if err := p.TearDown(); err != nil {
			t.Fatal(err)
		}
		if after := getModes(t, slave); after != before {
			t.Fatalf("round %d: modes after TearDown\n%+v\nwant\n%+v", i, after, before)
		}
	}
	p.Close()
}

// TestTTYParserWinSize checks the 80×24 fallback for a pty nobody sized
// (go-prompt divides by the width).
func TestTTYParserWinSize(t *testing.T) {
	_, slave := openPty(t)
	if err := pty.Setsize(slave, &pty.Winsize{Rows: 0, Cols: 0}); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(slave.Name(), os.O_RDWR, 0)
	p, err := newTTYParser(f)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if ws := p.GetWinSize(); ws.Row != 24 || ws.Col != 80 {
		t.Errorf("0×0 pty: %d×%d, want 80×24", ws.Col, ws.Row)
	}
	pty.Setsize(slave, &pty.Winsize{Rows: 50, Cols: 132})
	if ws := p.GetWinSize(); ws.Row != 50 || ws.Col != 132 {
		t.Errorf("sized pty: %d×%d", ws.Col, ws.Row)
	}
}

// TestTTYReadLineCancel checks that Read-Host's read returns when the
// command is cancelled (Ctrl-C) and reads a typed line otherwise.
func TestTTYReadLine(t *testing.T) {
	master, slave := openPty(t)
	f, _ := os.OpenFile(slave.Name(), os.O_RDWR, 0)
	p, err := newTTYParser(f)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	master.Write([]byte("hello world\n"))
	line, err := p.readLine(t.Context(), true)
	if err != nil || line != "hello world" {
		t.Errorf("readLine = %q, %v", line, err)
	}
	ctx, cancel := contextWithCancel(t)
	cancel()
	if _, err := p.readLine(ctx, true); err == nil {
		t.Error("readLine ignored cancellation")
	}
	if before, after := p.orig, getModes(t, slave); before != after {
		t.Error("readLine changed the modes")
	}
}

func contextWithCancel(t *testing.T) (context.Context, context.CancelFunc) {
	return context.WithCancel(t.Context())
}
