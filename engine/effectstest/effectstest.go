// Package effectstest watches a runtime's effects for tests: it adds a
// recording barrier and installs effect handlers (engine.Host's open,
// replace and mail handlers) that log each call before handing it to the
// real one, so a test can prove that nothing left the session before the
// durability barrier ran, and that every file written was synced.
package effectstest

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/csshell/csshell/engine"
)

// Log is the ordered record of one runtime's barrier runs and effects.
// Events read "barrier", "open <name> <trunc|append|excl|keep>", "write
// <name>", "sync <name>", "close <name>", "replace <name>" and "mail
// <recipient>", where name is the file's base name.
type Log struct {
	tb testing.TB

	mu     sync.Mutex
	events []string
	// dirty is set by Change and cleared by the barrier: an effect while
	// it is set is one the barrier did not precede.
	dirty bool
	// fail, when set, makes the barrier fail with it.
	fail error
	// syncErr, when set, makes every file's Sync fail with it.
	syncErr error
}

// Install adds the log's barrier to rt (after those already there, so a
// "barrier" event means every barrier passed) and installs its handlers,
// which pass each effect on to the engine's defaults: the real file
// system and SMTP.
func Install(tb testing.TB, rt *engine.Runtime) *Log {
	l := &Log{tb: tb}
	rt.AddBarrier(l.barrier)
	h := rt.Host()
	h.SetOpenHandler(l.open)
	h.SetReplaceHandler(l.replace)
	h.SetMailHandler(l.mail)
	return l
}

// Change records a change committed but not yet synced (test cmdlets call
// it); until the next barrier, any effect is reported as an error.
func (l *Log) Change() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.dirty = true
}

// FailBarrier makes the barrier fail with err from now on (nil: succeed).
func (l *Log) FailBarrier(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fail = err
}

// FailSync makes the Sync of every file opened from now on fail with err
// (nil: succeed).
func (l *Log) FailSync(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.syncErr = err
}

// Events returns the events so far.
func (l *Log) Events() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.events...)
}

// Effects returns the events so far without the barrier runs.
func (l *Log) Effects() []string {
	var out []string
	for _, e := range l.Events() {
		if e != "barrier" {
			out = append(out, e)
		}
	}
	return out
}

// Reset forgets the events so far.
func (l *Log) Reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = nil
}

// Check reports, as test errors, every effect that did not come straight
// after a barrier run (an open, a write, a replace, a mail) and every
// close that did not come straight after its file's sync.
func (l *Log) Check() {
	l.tb.Helper()
	events := l.Events()
	for i, e := range events {
		verb, name, _ := strings.Cut(e, " ")
		prev := ""
		if i > 0 {
			prev = events[i-1]
		}
		switch verb {
		case "open", "write", "replace", "mail":
			if prev != "barrier" {
				l.tb.Errorf("%q came after %q, not straight after the barrier\nevents: %q", e, prev, events)
			}
		case "close":
			if prev != "sync "+name {
				l.tb.Errorf("%q came after %q, not straight after its sync\nevents: %q", e, prev, events)
			}
		}
	}
}

func (l *Log) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, fmt.Sprintf(format, args...))
}

// effect records an effect, failing the test when a change is unsynced.
func (l *Log) effect(format string, args ...any) {
	l.tb.Helper()
	l.mu.Lock()
	dirty := l.dirty
	l.mu.Unlock()
	if dirty {
		l.tb.Errorf("%s while a change was not yet durable", fmt.Sprintf(format, args...))
	}
	l.add(format, args...)
}

func (l *Log) barrier() error {
	l.mu.Lock()
	fail := l.fail
	if fail == nil {
		l.dirty = false
	}
	l.mu.Unlock()
	if fail != nil {
		return fail
	}
	l.add("barrier")
	return nil
}

// mode names how flag opens a file.
func mode(flag int) string {
	switch {
	case flag&os.O_APPEND != 0:
		return "append"
	case flag&os.O_EXCL != 0:
		return "excl"
	case flag&os.O_TRUNC != 0:
		return "trunc"
	}
	return "keep"
}

func (l *Log) open(ctx context.Context, path string, flag int, perm fs.FileMode) (engine.WritableFile, error) {
	name := filepath.Base(path)
	l.effect("open %s %s", name, mode(flag))
	f, err := engine.DefaultOpenHandler()(ctx, path, flag, perm)
	if err != nil {
		return nil, err
	}
	l.mu.Lock()
	syncErr := l.syncErr
	l.mu.Unlock()
	return &file{l: l, name: name, f: f, syncErr: syncErr}, nil
}

func (l *Log) replace(ctx context.Context, path string, perm fs.FileMode, fill func(w io.Writer) error) error {
	l.effect("replace %s", filepath.Base(path))
	return engine.DefaultReplaceHandler()(ctx, path, perm, fill)
}

func (l *Log) mail(ctx context.Context, m *engine.OutboundMail) error {
	l.effect("mail %s", strings.Join(m.To, ","))
	return engine.DefaultMailHandler()(ctx, m)
}

// file logs the writes, sync and close of a file the log's handler opened.
type file struct {
	l       *Log
	name    string
	f       engine.WritableFile
	syncErr error
}

func (f *file) Write(p []byte) (int, error) {
	f.l.effect("write %s", f.name)
	return f.f.Write(p)
}

func (f *file) Sync() error {
	f.l.add("sync %s", f.name)
	if f.syncErr != nil {
		return f.syncErr
	}
	return f.f.Sync()
}

func (f *file) Close() error {
	f.l.add("close %s", f.name)
	return f.f.Close()
}
