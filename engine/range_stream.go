package engine

import (
	"iter"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// Ranges enumerated lazily, as pwsh's compiler does (Compiler.cs,
// GetRangeEnumerator): when a.. b is the whole first element of a
// pipeline, or the whole condition of a foreach or switch, its values are
// made one at a time (ParserOps.GetRangeEnumerator), so
// `1..100000000 | Select-Object -First 3` and a foreach that breaks early
// return at once in bounded memory. Anywhere else (`$a = 1..5`, an
// argument, inside parentheses) the range is an object[] array
// (value.Range).

// pureRange returns the range expression e is, or nil.
func pureRange(e syntax.Expression) *syntax.BinaryExpr {
	if x, ok := e.(*syntax.BinaryExpr); ok && x.Op == ".." {
		return x
	}
	return nil
}

// statementRange returns the range expression that is the whole of st
// (a pipeline of one redirection-free expression), or nil.
func statementRange(st syntax.Statement) *syntax.BinaryExpr {
	if e := simpleExpr(st); e != nil {
		return pureRange(e)
	}
	return nil
}

// rangeSeq evaluates a range's operands and returns its values as a lazy
// sequence that stops when the command is stopped (Ctrl+C): the caller
// sees errStopped from stopped() after the loop.
func (f *frame) rangeSeq(x *syntax.BinaryExpr) (iter.Seq[any], error) {
	l, err := f.evalValue(x.Left)
	if err != nil {
		return nil, err
	}
	r, err := f.evalValue(x.Right)
	if err != nil {
		return nil, err
	}
	seq, _, err := value.RangeSeq(l, r)
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	return func(yield func(any) bool) {
		for v := range seq {
			if f.ctx.Err() != nil || !yield(v) {
				return
			}
		}
	}, nil
}

// streamRange writes a range's values to the frame's output one by one.
func (f *frame) streamRange(x *syntax.BinaryExpr) error {
	seq, err := f.rangeSeq(x)
	if err != nil {
		return err
	}
	for v := range seq {
		if err := f.io.out(v); err != nil {
			return err
		}
	}
	if f.ctx.Err() != nil {
		return errStopped
	}
	return nil
}

// conditionSeq is what a foreach or switch condition enumerates: a pure
// range lazily, anything else as its value enumerates (a scalar is one
// item; $null, for foreach, none).
func (f *frame) conditionSeq(cond syntax.Statement, nullIsItem bool) (iter.Seq[any], error) {
	if x := statementRange(cond); x != nil {
		return f.rangeSeq(x)
	}
	v, err := f.evalStatementValue(cond)
	if err != nil {
		return nil, err
	}
	items, ok := value.Enumerate(v)
	if !ok {
		if v == nil && !nullIsItem {
			items = nil
		} else {
			items = []any{v}
		}
	}
	return func(yield func(any) bool) {
		for _, it := range items {
			if !yield(it) {
				return
			}
		}
	}, nil
}
