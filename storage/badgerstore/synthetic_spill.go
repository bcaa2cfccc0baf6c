package badgerstore

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
)

// spillRunBytes is how many bytes of entries sortedSpill sorts in memory
// before it writes them out as one sorted run. Two runs are in memory at
// once: one filling while the other is sorted and written.
const spillRunBytes = 24 << 20

// sortedSpill sorts more key-value entries than memory should hold: they
// are gathered in runs of spillRunBytes, each sorted by key and written to
// a file of its own in dir — beside the store, never the system's
// temporary directory, as they hold PIN hashes; mode 0600 — by a goroutine
// of its own while the next run fills, and merge reads all the runs back
// in one key order. A run is "uvarint key length, uvarint value length,
// key, value" entries.
type sortedSpill struct {
	dir      string
	runBytes int       // spillRunBytes, but for tests
	cur      *spillRun // the run filling
	spare    *spillRun // a written run's memory, to fill next
	writing  *spillRun // the run being sorted and written, if any
	written  chan error
	runs     []string // the files of the runs written or being written
}

// spillRun is one run's entries in memory.
type spillRun struct {
	data []byte       // the entries
	offs []spillEntry // where each of them and its key are in data
}

// spillEntry is where an entry of a run starts in its data, and where its
// key does (decoding the lengths at each comparison took a sixth of a
// bulk load).
type spillEntry struct{ off, key, keyEnd uint32 }

// newSortedSpill makes an empty spill whose runs go to dir (removed first:
// a crash may have left one).
func newSortedSpill(dir string) (*sortedSpill, error) {
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("storage: removing %s: %w", dir, err)
	}
	return &sortedSpill{dir: dir, runBytes: spillRunBytes, cur: &spillRun{}}, nil
}

// add adds an entry; key and val are copied.
func (s *sortedSpill) add(key, val []byte) error {
	r := s.cur
	if len(r.data)+len(key)+len(val)+20 > s.runBytes && len(r.offs) > 0 {
		if err := s.spillCurrent(); err != nil {
			return err
		}
		r = s.cur
	}
	if r.data == nil {
		r.data = make([]byte, 0, s.runBytes)
	}
	off := uint32(len(r.data))
	r.data = binary.AppendUvarint(r.data, uint64(len(key)))
	r.data = binary.AppendUvarint(r.data, uint64(len(val)))
	k := uint32(len(r.data))
	r.data = append(append(r.data, key...), val...)
	r.offs = append(r.offs, spillEntry{off, k, k + uint32(len(key))})
	return nil
}

// entryAt decodes the entry that starts at off in data.
func entryAt(data []byte, off uint32) (key, val []byte) {
	key, val, _ = entryEnd(data, off)
	return key, val
}

// entryEnd decodes the entry that starts at off in data, and where it ends.
func entryEnd(data []byte, off uint32) (key, val []byte, end int) {
	d := data[off:]
	kl, n1 := binary.Uvarint(d)
	vl, n2 := binary.Uvarint(d[n1:])
	d = d[n1+n2:]
	return d[:kl], d[kl : kl+vl], int(off) + n1 + n2 + int(kl+vl)
}

// sort orders the run's entries by key.
func (r *spillRun) sort() {
	slices.SortFunc(r.offs, func(a, b spillEntry) int {
		return bytes.Compare(r.data[a.key:a.keyEnd], r.data[b.key:b.keyEnd])
	})
}

// spillCurrent hands the current run to a goroutine that sorts it and writes
// it to a file of its own (once the run before it is written), and starts
// the next run.
func (s *sortedSpill) spillCurrent() error {
	if err := s.wait(); err != nil {
		return err
	}
	if len(s.runs) == 0 {
		if err := os.MkdirAll(s.dir, 0o700); err != nil {
			return fmt.Errorf("storage: making %s: %w", s.dir, err)
		}
	}
	name := filepath.Join(s.dir, fmt.Sprintf("run%04d", len(s.runs)))
	s.runs = append(s.runs, name)
	s.writing, s.written = s.cur, make(chan error, 1)
	go func(r *spillRun, done chan<- error) { done <- r.write(name) }(s.writing, s.written)
	s.cur = s.spare
	if s.cur == nil {
		s.cur = &spillRun{}
	}
	s.spare = nil
	return nil
}

// wait waits for the run being written, if any, and keeps its memory for
// a run to come.
func (s *sortedSpill) wait() error {
	if s.writing == nil {
		return nil
	}
	err := <-s.written
	r := s.writing
	r.data, r.offs = r.data[:0], r.offs[:0]
	s.spare, s.writing, s.written = r, nil, nil
	return err
}

// write sorts the run and writes it to the file name.
func (r *spillRun) write(name string) (err error) {
	r.sort()
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("storage: spilling synthetic users: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("storage: spilling synthetic users: %w", cerr)
		}
	}()
	w := bufio.NewWriterSize(f, 1<<20)
	for _, e := range r.offs {
		_, _, end := entryEnd(r.data, e.off)
		if _, err := w.Write(r.data[e.off:end]); err != nil {
			return fmt.Errorf("storage: spilling synthetic users: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("storage: spilling synthetic users: %w", err)
	}
	return nil
}

// merge calls fn for every entry added, in key order (entries under one
// key in no set order). key and val are valid only during the call.
func (s *sortedSpill) merge(fn func(key, val []byte) error) error {
	if len(s.runs) > 0 && len(s.cur.offs) > 0 {
		// The last run goes to disk too, rather than stay in memory
		// (~26 MB) while the stream's table builders are at their
		// largest.
		if err := s.spillCurrent(); err != nil {
			return err
		}
		s.cur = &spillRun{} // not the spare's memory
	}
	if err := s.wait(); err != nil {
		return err
	}
	s.spare = nil // not needed any more
	cur := s.cur
	cur.sort()
	if len(s.runs) == 0 { // all in memory
		for _, e := range cur.offs {
			if err := fn(entryAt(cur.data, e.off)); err != nil {
				return err
			}
		}
		return nil
	}
	h := &runHeap{}
	mem := &memRun{r: cur}
	if mem.next() {
		h.runs = append(h.runs, mem)
	}
	for _, name := range s.runs {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("storage: reading spilled synthetic users: %w", err)
		}
		defer f.Close()
		// One reader per run (~70 for a million users): 64 KB each.
		r := &fileRun{r: bufio.NewReaderSize(f, 64<<10)}
		if r.next() {
			h.runs = append(h.runs, r)
		} else if r.err != nil {
			return r.err
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		top := h.runs[0]
		k, v := top.entry()
		if err := fn(k, v); err != nil {
			return err
		}
		if top.next() {
			heap.Fix(h, 0)
		} else {
			if err := top.failed(); err != nil {
				return err
			}
			heap.Pop(h)
		}
	}
	return nil
}

// remove deletes the runs' directory.
func (s *sortedSpill) remove() {
	_ = s.wait() // its goroutine writes no file after this
	s.cur, s.spare = nil, nil
	os.RemoveAll(s.dir)
}

// run is one sorted source of the merge.
type run interface {
	next() bool // moves to the next entry; false at the end or on error
	entry() (key, val []byte)
	failed() error
}

// memRun is the run still in memory.
type memRun struct {
	r *spillRun
	i int
	k []byte
	v []byte
}

func (m *memRun) next() bool {
	if m.i >= len(m.r.offs) {
		return false
	}
	m.k, m.v = entryAt(m.r.data, m.r.offs[m.i].off)
	m.i++
	return true
}
func (m *memRun) entry() ([]byte, []byte) { return m.k, m.v }
func (m *memRun) failed() error           { return nil }

// fileRun is a run read back from its file.
type fileRun struct {
	r   *bufio.Reader
	buf []byte
	kl  int
	err error
}

func (f *fileRun) next() bool {
	kl, err := binary.ReadUvarint(f.r)
	if err != nil {
		if !errors.Is(err, io.EOF) {
			f.err = fmt.Errorf("storage: reading spilled synthetic users: %w", err)
		}
		return false
	}
	vl, err := binary.ReadUvarint(f.r)
	if err == nil {
		f.buf = slices.Grow(f.buf[:0], int(kl+vl))[:kl+vl]
		_, err = io.ReadFull(f.r, f.buf)
	}
	if err != nil {
		f.err = fmt.Errorf("storage: reading spilled synthetic users: %w", err)
		return false
	}
	f.kl = int(kl)
	return true
}
func (f *fileRun) entry() ([]byte, []byte) { return f.buf[:f.kl], f.buf[f.kl:] }
func (f *fileRun) failed() error           { return f.err }

// runHeap orders runs by their current key.
type runHeap struct{ runs []run }

func (h *runHeap) Len() int { return len(h.runs) }
func (h *runHeap) Less(i, j int) bool {
	ki, _ := h.runs[i].entry()
	kj, _ := h.runs[j].entry()
	return bytes.Compare(ki, kj) < 0
}
func (h *runHeap) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap) Push(x any)    { h.runs = append(h.runs, x.(run)) }
func (h *runHeap) Pop() any {
	x := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return x
}
