//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"context"
	"errors"
	"io"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// readLine reads one line typed at the terminal for Read-Host and
// prompts, while a command runs. The terminal is in its original cooked
// mode then, so the kernel echoes and edits the line; the read polls a
// non-blocking descriptor so that Ctrl-C (which cancels ctx) interrupts
// it. Ctrl-D on an empty line is io.EOF.
func (t *ttyParser) readLine(ctx context.Context, echo bool) (string, error) {
	t.mu.Lock()
	if !echo {
		m := t.orig
		m.Lflag &^= unix.ECHO
		m.Lflag |= unix.ECHONL
		unix.IoctlSetTermios(t.fd, ioctlSetTermios, &m)
	}
	syscall.SetNonblock(t.fd, true)
	t.mu.Unlock()
	defer func() {
		t.mu.Lock()
		syscall.SetNonblock(t.fd, false)
		if !echo {
			unix.IoctlSetTermios(t.fd, ioctlSetTermios, &t.orig)
		}
		t.mu.Unlock()
	}()
	var line []byte
	buf := make([]byte, 256)
	for {
		if err := ctx.Err(); err != nil {
			return "", err
		}
		n, err := syscall.Read(t.fd, buf)
		switch {
		case n > 0:
			line = append(line, buf[:n]...)
			if line[len(line)-1] == '\n' {
				return string(trimEOL(line)), nil
			}
		case n == 0 && err == nil:
			if len(line) > 0 {
				return string(line), nil
			}
			return "", io.EOF
		case errors.Is(err, syscall.EAGAIN) || errors.Is(err, syscall.EINTR):
			time.Sleep(15 * time.Millisecond)
		default:
			return "", err
		}
	}
}

// trimEOL drops a trailing "\n" or "\r\n".
func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
	}
	if n := len(b); n > 0 && b[n-1] == '\r' {
		b = b[:n-1]
	}
	return b
}
