package engine

import (
	"bufio"
	"context"
	"os"
	"strings"

	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// redirect applies a command's redirections to its streams: the success
// output to a file or $null (> >>), other streams merged into the output
// (2>&1, *>&1), to a file, or discarded. It returns the streams to use and
// a closer that writes the files when the command ends.
func (f *frame) redirect(reds []*syntax.Redirection, out func(any) error) (*stageIO, func() error, error) {
	io := f.io.withOut(out)
	if len(reds) == 0 {
		return io, nil, nil
	}
	var closers []func() error
	for _, r := range reds {
		streams := streamsOf(r.Stream)
		if r.Target == nil {
			// Merge into the success stream.
			for _, s := range streams {
				if s != streamOutput {
					io.routes[s] = func(v any) error { return io.out(v) }
				}
			}
			continue
		}
		if ve, ok := r.Target.(*syntax.VariableExpr); ok && strings.EqualFold(ve.Name, "null") {
			for _, s := range streams {
				if s == streamOutput {
					io.out = func(any) error { return nil }
				} else {
					io.routes[s] = func(any) error { return nil }
				}
			}
			continue
		}
		tv, err := f.evalValue(r.Target)
		if err != nil {
			return nil, nil, err
		}
		path, ps, err := f.redirectTarget(value.ToString(tv), r.Append)
		if err != nil {
			return nil, nil, f.wrapErr(r.Target, err)
		}
		var add func(any) error
		if ps != nil {
			add = ps.add
			closers = append(closers, ps.close)
		} else {
			fw := &fileSink{rt: f.rt, ctx: f.ctx, path: path, append: r.Append}
			add = fw.add
			closers = append(closers, fw.close)
		}
		for _, s := range streams {
			if s == streamOutput {
				io.out = add
			} else {
				io.routes[s] = add
			}
		}
	}
	closer := func() error {
		var first error
		for _, c := range closers {
			if err := c(); err != nil && first == nil {
				first = err
			}
		}
		return first
	}
	return io, closer, nil
}

// streamsOf lists the stream numbers a redirection names.
func streamsOf(s string) []int {
	switch s {
	case "", "1":
		return []int{streamOutput}
	case "2":
		return []int{streamError}
	case "3":
		return []int{streamWarning}
	case "4":
		return []int{streamVerbose}
	case "5":
		return []int{streamDebug}
	case "6":
		return []int{streamInformation}
	case "*":
		return []int{streamOutput, streamError, streamWarning, streamVerbose, streamDebug, streamInformation}
	}
	return []int{streamOutput}
}

// fileSink collects what a redirection sends to a file and writes it,
// formatted as the console would show it, when the command ends (UTF-8
// without BOM, as pwsh 7's > does).
type fileSink struct {
	rt     *Runtime
	ctx    context.Context
	path   string
	append bool
	items  []any
	done   bool
}

func (s *fileSink) add(v any) error {
	s.items = append(s.items, v)
	return nil
}

func (s *fileSink) close() error {
	if s.done {
		return nil
	}
	s.done = true
	flags := os.O_CREATE | os.O_WRONLY | os.O_TRUNC
	if s.append {
		flags = os.O_CREATE | os.O_WRONLY | os.O_APPEND
	}
	// Through the runtime's open handler: the barrier runs first, and
	// Close syncs the file.
	fh, err := s.rt.OpenFile(s.ctx, s.path, flags, 0o644)
	if err != nil {
		if IsBarrierError(err) {
			return err
		}
		return &ErrorRecord{Message: "Could not find a part of the path '" + s.path + "'.", ExceptionType: "System.IO.DirectoryNotFoundException",
			ErrorID: "System.IO.DirectoryNotFoundException", Category: "OpenError", Cause: err}
	}
	buf := bufio.NewWriter(fh)
	w := format.NewWriter(s.rt.Formats, buf, format.Options{Width: s.rt.host.ConsoleWidth(), Style: s.rt.OutputStyle(false)})
	for _, it := range s.items {
		switch t := it.(type) {
		case *ErrorRecord:
			_ = w.Write(t.Message)
		case *WarningRecord:
			_ = w.Write(t.Message)
		case *StreamRecord:
			_ = w.Write(value.ToString(t.Message))
		default:
			_ = w.Write(ToDisplay(it))
		}
	}
	werr := w.Close()
	if werr == nil {
		werr = buf.Flush()
	}
	cerr := fh.Close()
	if werr != nil {
		return werr
	}
	return cerr
}

// ToDisplay converts engine values into what the formatter shows: error
// records as their message, script blocks as their text.
func ToDisplay(v any) any {
	switch t := v.(type) {
	case *ScriptBlock:
		return t.ScriptText()
	case *HostMessage:
		return t.Text
	}
	return v
}
