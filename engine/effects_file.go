package engine

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"syscall"

	"github.com/csshell/csshell/internal/atomicfile"
)

// DefaultReplaceHandler replaces files on the real file system with
// internal/atomicfile: a temporary file, synced, renamed over the target,
// and the directory synced.
func DefaultReplaceHandler() ReplaceHandlerFunc {
	return func(_ context.Context, path string, perm fs.FileMode, fill func(w io.Writer) error) error {
		return atomicfile.Write(path, perm, fill)
	}
}

// OpenFile opens path for writing (flag and perm as for os.OpenFile)
// through the host's open handler, after the durability barrier. Each
// write runs the barrier again, since a pipeline may commit more changes
// while the file is open: put a bufio.Writer on top to group writes. Close
// syncs the file to stable storage before closing it.
func (rt *Runtime) OpenFile(ctx context.Context, path string, flag int, perm fs.FileMode) (io.WriteCloser, error) {
	if err := rt.Barrier(); err != nil {
		return nil, err
	}
	open := rt.host.openHandler
	if open == nil {
		open = DefaultOpenHandler()
	}
	f, err := open(ctx, path, flag, perm)
	if err != nil {
		return nil, err
	}
	return &durableFile{rt: rt, f: f}, nil
}

// ReplaceFile replaces path atomically with what fill writes, with mode
// perm, through the host's replace handler, after the durability barrier.
// Once it returns nil the new contents survive a crash.
func (rt *Runtime) ReplaceFile(ctx context.Context, path string, perm fs.FileMode, fill func(w io.Writer) error) error {
	if err := rt.Barrier(); err != nil {
		return err
	}
	replace := rt.host.replaceHandler
	if replace == nil {
		replace = DefaultReplaceHandler()
	}
	return replace(ctx, path, perm, fill)
}

// OpenFile opens path for writing after the durability barrier; see
// Runtime.OpenFile.
func (c *Call) OpenFile(path string, flag int, perm fs.FileMode) (io.WriteCloser, error) {
	return c.rt.OpenFile(c.ctx, path, flag, perm)
}

// ReplaceFile replaces path atomically after the durability barrier; see
// Runtime.ReplaceFile.
func (c *Call) ReplaceFile(path string, perm fs.FileMode, fill func(w io.Writer) error) error {
	return c.rt.ReplaceFile(c.ctx, path, perm, fill)
}

// durableFile runs the barrier before each write and syncs the file when
// it is closed.
type durableFile struct {
	rt     *Runtime
	f      WritableFile
	closed bool
}

func (d *durableFile) Write(p []byte) (int, error) {
	if err := d.rt.Barrier(); err != nil {
		return 0, err
	}
	return d.f.Write(p)
}

// Close syncs, then closes; the file is closed even when the sync fails.
func (d *durableFile) Close() error {
	if d.closed {
		return fs.ErrClosed
	}
	d.closed = true
	serr := d.f.Sync()
	if unsyncable(serr) {
		serr = nil
	}
	cerr := d.f.Close()
	return errors.Join(serr, cerr)
}

// unsyncable reports whether a sync failed only because the file cannot
// be synced at all: a character device such as /dev/null, or a pipe. Such
// a file keeps nothing to lose.
func unsyncable(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
