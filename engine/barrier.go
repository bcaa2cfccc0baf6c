package engine

import "io"

// Durability barrier.
//
// A change to the tenant may be committed without its own sync (a
// pipeline of many changes groups its commits into one sync), but nothing
// about a change may be shown before it is durable. "Shown" means leaving
// the process: bytes written to the host's output or error stream, to a
// file, or to a mail server. The runtime therefore runs its barrier
// functions (the tenant store's Sync) before any such write, and before a
// top-level command returns (which acknowledges it).

// AddBarrier registers fn to run before anything leaves the session.
func (rt *Runtime) AddBarrier(fn func() error) {
	rt.barriers = append(rt.barriers, fn)
}

// Barrier runs the barrier functions: after it returns nil, every change
// committed so far is durable.
func (rt *Runtime) Barrier() error {
	for _, fn := range rt.barriers {
		if err := fn(); err != nil {
			return err
		}
	}
	return nil
}

// Barrier makes every change committed so far durable; a cmdlet calls it
// before writing to a file or sending anything out of the session.
func (c *Call) Barrier() error { return c.rt.Barrier() }

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
