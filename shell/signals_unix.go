//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package shell

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// terminator ends csshell cleanly on SIGTERM and SIGHUP, at the prompt or
// during a command: it puts the terminal back, stops the running command,
// closes the tenant store and exits with 128+signal (143, 129).
//
// go-prompt also listens for SIGTERM at the prompt and calls os.Exit(1)
// itself after its TearDown. The terminator holds that path inside the
// parser's TearDown (onTearDown), so csshell's own exit always wins; SIGHUP
// is not handled by go-prompt at all.
type terminator struct {
	tty     *ttyParser
	release func()
	exit    func(code int)

	sigs chan os.Signal // read by the handler goroutine
	peek chan os.Signal // read by TearDown on go-prompt's path

	exiting sync.Mutex // held by the one terminate that runs
	mu      sync.Mutex
	stop    context.CancelFunc // cancels the running command
	done    chan struct{}      // closed when the running command returns
}

// newTerminator installs the handler.
func newTerminator(tty *ttyParser, release func()) *terminator {
	t := &terminator{tty: tty, release: release, exit: os.Exit,
		sigs: make(chan os.Signal, 1), peek: make(chan os.Signal, 1)}
	signal.Notify(t.sigs, syscall.SIGTERM, syscall.SIGHUP)
	signal.Notify(t.peek, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for s := range t.sigs {
			t.terminate(s)
		}
	}()
	tty.onTearDown = t.onTearDown
	return t
}

// onTearDown runs when go-prompt tears the prompt down: if that is
// because of a termination signal, csshell exits here, before go-prompt's
// os.Exit(1).
func (t *terminator) onTearDown() {
	select {
	case s := <-t.peek:
		t.terminate(s)
	default:
	}
}

// commandStarted registers the running command's cancel function; the
// returned function marks it finished.
func (t *terminator) commandStarted(cancel context.CancelFunc) func() {
	done := make(chan struct{})
	t.mu.Lock()
	t.stop, t.done = cancel, done
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		t.stop, t.done = nil, nil
		t.mu.Unlock()
		close(done)
	}
}

// terminate cleans up and exits. Only the first caller proceeds; any
// other blocks until the process exits.
func (t *terminator) terminate(s os.Signal) {
	t.exiting.Lock() // never unlocked: exit follows
	t.tty.Freeze()
	t.mu.Lock()
	stop, done := t.stop, t.done
	t.mu.Unlock()
	if stop != nil {
		stop()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}
	if t.release != nil {
		t.release()
	}
	code := 1
	if n, ok := s.(syscall.Signal); ok {
		code = 128 + int(n)
	}
	t.exit(code)
}
