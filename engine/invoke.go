package engine

import (
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// dotBlock runs a script block in f's own scope (dot-sourced), with $_ set
// to input and $args to args, writing its output to emit. ForEach-Object,
// Where-Object, .ForEach() and switch conditions run blocks this way.
func (f *frame) dotBlock(sb *ScriptBlock, input any, args []any, emit func(any) error) error {
	return f.dotBlockIO(sb, input, args, f.io.withOut(emit))
}

// dotBlockIO is dotBlock writing to io (a copy of f.io with the output
// set), which callers running a block per object can reuse.
func (f *frame) dotBlockIO(sb *ScriptBlock, input any, args []any, io *stageIO) error {
	if f.depth > maxDepth {
		return f.errAt(nil, "System.Management.Automation.ScriptCallDepthException", "CallDepthOverflow", "The script failed due to call depth overflow.")
	}
	sc := f.scope
	under := sc.Local("_")
	var prev any
	if under != nil {
		prev = under.Value
		under.Value = input
	} else {
		under = sc.SetLocal("_", input)
	}
	if args != nil {
		sc.SetLocal("args", args)
	}
	inner := *f
	inner.io = io
	inner.source = sourceOfBlock(sb, f.source)
	inner.depth = f.depth + 1
	a := sb.Ast
	var err error
	if a.Named {
		if err = inner.execBlock(a.Begin); err == nil {
			if err = inner.execBlock(a.Process); err == nil {
				err = inner.execBlock(a.End)
			}
		}
	} else {
		err = inner.execBlock(a.End)
	}
	under.Value = prev
	if _, ok := err.(*returnSignal); ok {
		return nil
	}
	return err
}

// sourceOfBlock returns the source a block was parsed from.
func sourceOfBlock(sb *ScriptBlock, def *syntax.Source) *syntax.Source {
	if sb.Ast != nil && sb.Ast.Source != nil {
		return sb.Ast.Source
	}
	return def
}

// callBlockValue runs a block dot-sourced and returns its output collapsed.
func (f *frame) callBlockValue(sb *ScriptBlock, input any, args []any) (any, error) {
	var out []any
	err := f.dotBlock(sb, input, args, func(v any) error { out = append(out, v); return nil })
	if err != nil {
		return nil, err
	}
	return collapse(out), nil
}

// callBlockCollect invokes a block in a new child scope with positional
// arguments ($sb.Invoke(args)) and returns everything it wrote.
func (f *frame) callBlockCollect(sb *ScriptBlock, input any, args []any) ([]any, error) {
	var out []any
	bargs := make([]binding.Arg, len(args))
	for i, a := range args {
		bargs[i] = binding.Arg{Value: a, HasValue: true, Text: value.ToString(a)}
	}
	st := &blockStage{f: f, sb: sb, name: "", args: bargs, out: func(v any) error { out = append(out, v); return nil }}
	if err := st.bindArgs(nil); err != nil {
		return nil, err
	}
	if err := runStandalone(st); err != nil {
		return out, err
	}
	return out, nil
}

// runStandalone runs one stage with no pipeline input.
func runStandalone(st stage) error {
	if c, ok := st.(cleaner); ok {
		defer c.clean()
	}
	if err := st.begin(); err != nil {
		return err
	}
	if err := st.process(nil, false); err != nil {
		return err
	}
	return st.end()
}

// invokeDotted serves Call.InvokeBlock: the block runs in the scope of the
// code that invoked the cmdlet.
func (rt *Runtime) invokeDotted(c *Call, sb *ScriptBlock, input any, emit func(any) error) error {
	f := c.frame
	if f == nil {
		f = rt.newFrame(c.ctx)
		f.io = &stageIO{out: emit}
	}
	if c.dotBusy {
		return f.dotBlock(sb, input, nil, emit)
	}
	// Reuse one stageIO for the calls of a cmdlet that runs a block per
	// object (ForEach-Object, Where-Object).
	if c.dotIO == nil {
		c.dotIO = new(stageIO)
	}
	*c.dotIO = *f.io
	c.dotIO.out = emit
	c.dotBusy = true
	defer func() { c.dotBusy = false }()
	return f.dotBlockIO(sb, input, nil, c.dotIO)
}

// InvokeBlockArgs runs a script block in a new child scope of the caller's,
// as & does, with positional arguments args and the objects of input as
// its pipeline input ($input, $_ in a process block); with no input it
// runs once without. Invoke-Command runs its -ScriptBlock this way.
func (c *Call) InvokeBlockArgs(sb *ScriptBlock, args []any, input []any, emit func(any) error) error {
	f := c.frame
	if f == nil {
		f = c.rt.newFrame(c.ctx)
		f.io = &stageIO{out: emit}
	}
	bargs := make([]binding.Arg, len(args))
	for i, a := range args {
		bargs[i] = binding.Arg{Value: a, HasValue: true, Text: value.ToString(a)}
	}
	st := &blockStage{f: f, sb: sb, name: "", args: bargs, out: emit, expectingInput: input != nil}
	if err := st.bindArgs(nil); err != nil {
		return err
	}
	defer st.clean()
	if err := st.begin(); err != nil {
		return err
	}
	if input == nil {
		if err := st.process(nil, false); err != nil {
			return err
		}
	}
	for _, it := range input {
		if err := st.process(it, true); err != nil {
			return err
		}
	}
	return st.end()
}
