//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"context"
	"errors"
	"io"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

// keyPoll is how long readKey sleeps between reads of the non-blocking
// terminal, as readLine does: short enough that a key or Ctrl-C feels
// immediate.
const keyPoll = 15 * time.Millisecond

// maxEscape bounds how many bytes of one CSI sequence readKey drains, so
// that a stream of garbage after ESC [ cannot hold it.
const maxEscape = 32

// readKey is the host's ReadKey (the dial-in keypad): one key press
// from the terminal while the running command waits for it.
func (r *repl) readKey(timeout time.Duration) (rune, bool, error) {
	return r.tty.readKey(r.commandContext(), timeout)
}

// keyModes returns the original modes with line editing and echo off,
// so that each key is readable as soon as it is pressed and is not shown;
// ISIG stays as it was, so Ctrl-C still raises SIGINT and the REPL
// cancels the command.
func keyModes(orig unix.Termios) unix.Termios {
	m := orig
	m.Lflag &^= unix.ICANON | unix.ECHO
	m.Cc[unix.VMIN] = 1
	m.Cc[unix.VTIME] = 0
	return m
}

// readKey reads one key press without echo and without waiting for
// Enter, for a command that acts on single keys. It returns the key's
// first rune: Enter is '\r' (whether the terminal sends CR or LF), an
// escape sequence (arrow, function key, Alt-key) is '\x1b' with the rest
// of the sequence consumed, so that the next call sees the next key.
// ok is false when timeout (> 0) passes with no key; timeout <= 0 waits.
// Like readLine it polls a non-blocking descriptor so that a cancelled
// ctx (Ctrl-C) ends it with ctx.Err(). It reads one byte at a time, so
// keys typed ahead stay queued in the terminal for the next read. The
// original modes and blocking mode come back on every way out.
func (t *ttyParser) readKey(ctx context.Context, timeout time.Duration) (key rune, ok bool, err error) {
	t.mu.Lock()
	held := t.keyDepth > 0
	t.mu.Unlock()
	if !held {
		if err := t.setKeyMode(true); err != nil {
			return 0, false, err
		}
		defer t.setKeyMode(false)
	}

	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	b, ok, err := t.waitByte(ctx, deadline)
	if !ok || err != nil {
		return 0, false, err
	}
	switch {
	case b == 0x1b:
		t.drainEscape()
		return '\x1b', true, nil
	case b == '\n':
		return '\r', true, nil
	case b < utf8.RuneSelf:
		return rune(b), true, nil
	}
	// A multi-byte character: its other bytes were sent with the first;
	// a short wait covers a read that split them.
	buf := []byte{b}
	for !utf8.FullRune(buf) {
		c, ok, err := t.waitByte(ctx, time.Now().Add(3*keyPoll))
		if err != nil {
			return 0, false, err
		}
		if !ok {
			break
		}
		buf = append(buf, c)
	}
	r, _ := utf8.DecodeRune(buf)
	return r, true, nil
}

// setKeyMode switches the terminal into key mode (keyModes, non-blocking)
// or back to its original modes and blocking reads.
func (t *ttyParser) setKeyMode(on bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !on {
		syscall.SetNonblock(t.fd, false)
		return unix.IoctlSetTermios(t.fd, ioctlSetTermios, &t.orig)
	}
	m := keyModes(t.orig)
	if err := unix.IoctlSetTermios(t.fd, ioctlSetTermios, &m); err != nil {
		return err
	}
	return syscall.SetNonblock(t.fd, true)
}

// enterKeyMode holds the terminal in key mode until end is called (once;
// later calls do nothing), so that keys typed while the command works
// between two readKey calls are neither echoed nor edited by the
// terminal: they wait, unseen, for the next readKey. Nested holds end
// with the outermost.
func (t *ttyParser) enterKeyMode() (end func()) {
	t.mu.Lock()
	t.keyDepth++
	first := t.keyDepth == 1
	t.mu.Unlock()
	if first {
		t.setKeyMode(true)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			t.mu.Lock()
			t.keyDepth--
			last := t.keyDepth == 0
			t.mu.Unlock()
			if last {
				t.setKeyMode(false)
			}
		})
	}
}

// keyMode is the host's KeyMode.
func (r *repl) keyMode() (end func()) { return r.tty.enterKeyMode() }

// waitByte reads one byte from the non-blocking terminal, polling until
// one arrives, ctx is done (its error), or deadline passes (ok=false; a
// zero deadline never passes). A hung-up terminal is io.EOF.
func (t *ttyParser) waitByte(ctx context.Context, deadline time.Time) (b byte, ok bool, err error) {
	var one [1]byte
	for {
		if err := ctx.Err(); err != nil {
			return 0, false, err
		}
		n, err := syscall.Read(t.fd, one[:])
		switch {
		case n == 1:
			return one[0], true, nil
		case n == 0 && err == nil:
			return 0, false, io.EOF
		case errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EINTR):
			wait := keyPoll
			if !deadline.IsZero() {
				left := time.Until(deadline)
				if left <= 0 {
					return 0, false, nil
				}
				wait = min(wait, left)
			}
			time.Sleep(wait)
		default:
			return 0, false, err
		}
	}
}

// availableByte reads one byte only if the terminal already has it.
func (t *ttyParser) availableByte() (byte, bool) {
	var one [1]byte
	for {
		n, err := syscall.Read(t.fd, one[:])
		if n == 1 {
			return one[0], true
		}
		if !errors.Is(err, syscall.EINTR) {
			return 0, false
		}
	}
}

// drainEscape consumes what is already available of the escape sequence
// whose ESC was just read, with the grammar of escapeLen (keysplit.go):
// CSI (ESC [ parameters final-byte), SS3 (ESC O x), or ESC and one
// character (Alt-key). ESC ESC continues with the second ESC's sequence
// (Alt-arrow in some terminals). Nothing available after ESC is the Esc
// key alone; a terminal sends a whole sequence in one write.
func (t *ttyParser) drainEscape() {
	c, ok := t.availableByte()
	if !ok {
		return
	}
	switch c {
	case '[':
		for i := 0; i < maxEscape; i++ {
			c, ok := t.availableByte()
			if !ok || c >= 0x40 && c <= 0x7e {
				return
			}
		}
	case 'O':
		t.availableByte()
	case 0x1b:
		t.drainEscape()
	}
}
