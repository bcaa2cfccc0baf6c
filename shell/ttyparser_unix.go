//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"errors"
	"os"
	"sync"
	"syscall"

	prompt "github.com/c-bata/go-prompt"
	"golang.org/x/sys/unix"
)

// ttyParser is csshell's prompt.ConsoleParser. It replaces go-prompt's
// PosixParser, which in v0.2.6 saves a pointer to the terminal modes and
// then edits them in place, so every "restore" re-applies raw mode: the
// terminal stays raw inside commands (no echo for Read-Host, no SIGINT
// from Ctrl-C) and after exit. ttyParser keeps a copy of the original
// modes, restores it in TearDown, keeps OPOST on in raw mode (go-prompt
// writes bare "\n"), and reports 80×24 when the window size is unknown
// (go-prompt divides by the width).
type ttyParser struct {
	f    *os.File
	fd   int
	orig unix.Termios

	mu     sync.Mutex
	raw    bool
	frozen bool // csshell is exiting: stay in the original modes
	// pending holds bytes read but not yet handed to go-prompt: Read
	// returns one key at a time (keysplit.go).
	pending []byte
	// onTearDown, when set, runs at the start of every TearDown; the
	// signal handler uses it to hold go-prompt's own SIGTERM exit.
	onTearDown func()
	// keyDepth counts the key modes entered (enterKeyMode) and not yet
	// left: while it is above 0 the terminal stays in key mode between
	// readKey calls.
	keyDepth int
	// router, when set, decides each key before go-prompt gets it
	// (editor.go).
	router *editor
}

var _ prompt.ConsoleParser = (*ttyParser)(nil)

// openTTY opens the controlling terminal and records its current modes.
func openTTY() (*ttyParser, error) {
	f, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	return newTTYParser(f)
}

// newTTYParser makes a parser for the terminal f, recording its current
// modes; it owns f from then on.
func newTTYParser(f *os.File) (*ttyParser, error) {
	fd := int(f.Fd())
	t, err := unix.IoctlGetTermios(fd, ioctlGetTermios)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &ttyParser{f: f, fd: fd, orig: *t}, nil
}

// rawModes returns the original modes changed the way go-prompt's raw
// mode changes them, with output processing left on.
func rawModes(orig unix.Termios) unix.Termios {
	raw := orig
	raw.Iflag &^= unix.IGNBRK | unix.BRKINT | unix.PARMRK | unix.ISTRIP | unix.INLCR | unix.IGNCR | unix.ICRNL | unix.IXON
	raw.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG | unix.ECHONL
	raw.Cflag &^= unix.CSIZE | unix.PARENB
	raw.Cflag |= unix.CS8
	raw.Cc[unix.VMIN] = 1
	raw.Cc[unix.VTIME] = 0
	return raw
}

// Setup puts the terminal into non-blocking raw mode for line editing.
func (t *ttyParser) Setup() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.frozen {
		return nil
	}
	if err := syscall.SetNonblock(t.fd, true); err != nil {
		return err
	}
	raw := rawModes(t.orig)
	if err := unix.IoctlSetTermios(t.fd, ioctlSetTermios, &raw); err != nil {
		return err
	}
	t.raw = true
	if t.router != nil {
		t.router.reset()
	}
	return nil
}

// TearDown puts back the modes the terminal had when csshell started, in
// blocking mode, so commands run with echo, line editing and signals.
func (t *ttyParser) TearDown() error {
	if t.onTearDown != nil {
		t.onTearDown()
	}
	return t.Restore()
}

// Restore puts back the original terminal modes; it is safe to call from
// any goroutine, any number of times.
func (t *ttyParser) Restore() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	err1 := syscall.SetNonblock(t.fd, false)
	err2 := unix.IoctlSetTermios(t.fd, ioctlSetTermios, &t.orig)
	t.raw = false
	return errors.Join(err1, err2)
}

// Read returns the next key available now (go-prompt polls every
// 10 ms): one key per call, so a paste or text and Enter arriving
// together are handled key by key rather than inserted literally.
func (t *ttyParser) Read() ([]byte, error) {
	if t.router != nil {
		return t.router.route(t.nextKey)
	}
	return t.nextKey()
}

// nextKey reads the next key from the terminal, or returns the next of
// the keys read together.
func (t *ttyParser) nextKey() ([]byte, error) {
	if len(t.pending) == 0 {
		buf := make([]byte, 4096)
		n, err := syscall.Read(t.fd, buf)
		if err != nil {
			return []byte{}, err
		}
		if n <= 0 {
			return []byte{}, nil
		}
		t.pending = buf[:n]
	}
	k := nextKeyLen(t.pending)
	key := append([]byte(nil), t.pending[:k]...)
	t.pending = t.pending[k:]
	return key, nil
}

// GetWinSize returns the window size, or 80×24 when the terminal does
// not know it (a pty nobody sized) or the request fails.
func (t *ttyParser) GetWinSize() *prompt.WinSize {
	return winSize(t.fd)
}

// winSize reads fd's window size, with 80×24 for anything unknown.
func winSize(fd int) *prompt.WinSize {
	ws := &prompt.WinSize{Row: 24, Col: 80}
	if w, err := unix.IoctlGetWinsize(fd, unix.TIOCGWINSZ); err == nil {
		if w.Row > 0 {
			ws.Row = w.Row
		}
		if w.Col > 0 {
			ws.Col = w.Col
		}
	}
	return ws
}

// Freeze restores the original modes for good: a later Setup (go-prompt
// resuming after a command while csshell exits on a signal) does nothing.
func (t *ttyParser) Freeze() {
	t.mu.Lock()
	t.frozen = true
	t.mu.Unlock()
	t.Restore()
}

// Width is the terminal's current width in columns.
func (t *ttyParser) Width() int { return int(winSize(t.fd).Col) }

// Close restores the terminal and closes the descriptor.
func (t *ttyParser) Close() error {
	err := t.Restore()
	t.f.Close()
	return err
}

// terminalWidth is the width of the terminal f, 80 when unknown.
func terminalWidth(f *os.File) int { return int(winSize(int(f.Fd())).Col) }
