package format

import "io"

// Options configure a Writer.
type Options struct {
	// Width is the console width; 0 means 120.
	Width int
	// Style decorates what the formatter makes (headers, labels); strings
	// and other out-of-band text pass untouched.
	Style Style
}

// Writer is Out-Default: it streams pipeline output to text. Table rows
// are held back until the widths of their columns are known (up to 1000
// rows, or Flush, or Close).
type Writer struct {
	p   *processor
	out io.Writer
	err error
}

// NewWriter returns a Writer printing to out with the views of r.
func NewWriter(r *Registry, out io.Writer, opt Options) *Writer {
	return &Writer{p: newProcessor(r, config{width: opt.Width, style: opt.Style}), out: out}
}

// Write formats item, which may be any value: nil prints nothing, arrays
// print each element, Rendered text prints verbatim.
func (w *Writer) Write(item any) error {
	w.p.add(item)
	return w.drain()
}

// Flush fixes the widths of a buffered table from the rows seen so far and
// prints them (what pwsh does after 300 ms); later rows stream.
func (w *Writer) Flush() error {
	w.p.flushTable()
	return w.drain()
}

// Close ends the output, printing whatever is buffered. The Writer can be
// used again afterwards; it starts afresh.
func (w *Writer) Close() error {
	w.p.end()
	return w.drain()
}

// drain writes the text produced so far.
func (w *Writer) drain() error {
	if w.err != nil {
		w.p.out.Reset()
		return w.err
	}
	if w.p.out.Len() == 0 {
		return nil
	}
	_, w.err = io.WriteString(w.out, w.p.out.String())
	w.p.out.Reset()
	return w.err
}
