package engine

import (
	"errors"
	"io"
)

// Durability barrier.
//
// A change to the tenant may be committed without its own sync (a
// pipeline of many changes groups its commits into one sync), but nothing
// about a change may be shown before it is durable. "Shown" means leaving
// the process: bytes written to the host's output or error stream, to a
// file, or to a mail server. The runtime therefore runs its barrier
// functions (the tenant store's Sync) before any such write, and before a
// top-level command returns (which acknowledges it).
//
// No cmdlet calls the barrier by hand: the host's streams are wrapped in
// DurableWriter, the pager is reached through Call.Page, and files and
// mail leave only through the runtime's effect methods (effects.go).

// AddBarrier registers fn to run before anything leaves the session.
func (rt *Runtime) AddBarrier(fn func() error) {
	rt.barriers = append(rt.barriers, fn)
}

// Barrier runs the barrier functions: after it returns nil, every change
// committed so far is durable. A failure is a *BarrierError.
func (rt *Runtime) Barrier() error {
	for _, fn := range rt.barriers {
		if err := fn(); err != nil {
			return &BarrierError{Err: err}
		}
	}
	return nil
}

// BarrierError reports that the barrier failed: the changes could not be
// made durable, so nothing about them left the session.
type BarrierError struct{ Err error }

func (e *BarrierError) Error() string { return e.Err.Error() }

// Unwrap returns the barrier function's error.
func (e *BarrierError) Unwrap() error { return e.Err }

// IsBarrierError reports whether err is or wraps a failed barrier: the
// caller stops rather than report it as a failed write.
func IsBarrierError(err error) bool {
	var be *BarrierError
	return errors.As(err, &be)
}

// Page shows text through the host's pager (Out-Host -Paging) after the
// barrier; the pager writes to the terminal directly, not through Out.
func (c *Call) Page(text string) error {
	if err := c.rt.Barrier(); err != nil {
		return err
	}
	return c.rt.host.Page(text)
}

// DurableWriter wraps w so that the runtime's barrier runs before each
// write reaches it: put a bufio.Writer on top to group many small writes
// (and so many changes) behind one sync.
func (rt *Runtime) DurableWriter(w io.Writer) io.Writer {
	return &barrierWriter{rt: rt, w: w}
}

// barrierWriter runs the barrier before writing.
type barrierWriter struct {
	rt *Runtime
	w  io.Writer
}

func (b *barrierWriter) Write(p []byte) (int, error) {
	if err := b.rt.Barrier(); err != nil {
		return 0, err
	}
	return b.w.Write(p)
}
