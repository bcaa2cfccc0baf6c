package engine

import (
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// inputEnumeratorType is the .NET type of $input in a script block or a
// simple function: an enumerator over the block's input list.
const inputEnumeratorType = "System.Collections.ArrayList+ArrayListEnumeratorSimple"

// inputEnumerator is the state of one $input: the items and the position
// MoveNext has reached (-1 before the first).
type inputEnumerator struct {
	items []any
	pos   int
}

// newInputEnumerator makes $input over items, as pwsh gives it to each
// block: empty in begin, the current object in process, what the
// process block did not take in end. It enumerates (in a pipeline, @(),
// foreach) as the items after the position, and answers MoveNext, Current
// and Reset.
func newInputEnumerator(items []any) *value.Object {
	o := value.NewObject(inputEnumeratorType, "System.Object")
	e := &inputEnumerator{items: items, pos: -1}
	o.Set("Current", nil)
	o.Base = e.rest()
	// As a string ("in:$input") it is what it would enumerate, joined
	// by spaces, as pwsh converts an enumerator.
	o.Stringer = func(*value.Object) string {
		parts := make([]string, 0, len(e.rest()))
		for _, it := range e.rest() {
			parts = append(parts, value.ToString(it))
		}
		return strings.Join(parts, " ")
	}
	key := weak.Make(o)
	inputEnumerators.Store(key, e)
	runtime.AddCleanup(o, func(k weak.Pointer[value.Object]) { inputEnumerators.Delete(k) }, key)
	return o
}

// inputEnumerators maps each $input object (weakly) to its state; an
// entry goes when its object is collected.
var inputEnumerators sync.Map // weak.Pointer[value.Object] → *inputEnumerator

// rest is what enumerating the enumerator gives now.
func (e *inputEnumerator) rest() []any {
	if e.pos+1 >= len(e.items) {
		return []any{}
	}
	return e.items[e.pos+1:]
}

// inputEnumeratorMethod calls MoveNext, Reset or GetType on an $input
// enumerator; handled is false for any other object or method.
func inputEnumeratorMethod(o *value.Object, lname string, args []any) (any, bool) {
	if len(o.TypeNames) == 0 || o.TypeNames[0] != inputEnumeratorType || len(args) != 0 {
		return nil, false
	}
	v, ok := inputEnumerators.Load(weak.Make(o))
	if !ok {
		return nil, false
	}
	e := v.(*inputEnumerator)
	switch strings.ToLower(lname) {
	case "movenext":
		if e.pos < len(e.items) {
			e.pos++
		}
		if e.pos < len(e.items) {
			o.Set("Current", e.items[e.pos])
		} else {
			o.Set("Current", nil)
		}
		o.Base = e.rest()
		return e.pos < len(e.items), true
	case "reset":
		e.pos = -1
		o.Set("Current", nil)
		o.Base = e.rest()
		return nil, true
	}
	return nil, false
}

// statementOf is the text of the command n ($MyInvocation.Statement, pwsh
// 7.4): the whole invocation, over several lines when it spans them.
func (f *frame) statementOf(n syntax.Node) string {
	if f.source == nil || n == nil {
		return ""
	}
	e := n.Ext()
	if e.Start < 0 || e.End > len(f.source.Text) || e.Start > e.End {
		return ""
	}
	return strings.TrimRight(f.source.Text[e.Start:e.End], " \t\r\n")
}
