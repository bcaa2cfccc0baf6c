package engine

import (
	"github.com/csshell/csshell/engine/syntax"
)

// runTrap runs the first trap of a block that matches err, with $_ set to
// the error. A trap ending in continue swallows the error (handled); one
// ending in break makes it terminate the block (returned); otherwise the
// error is reported as usual and the next statement runs.
func (f *frame) runTrap(traps []*syntax.TrapStmt, err error, st syntax.Statement) (bool, error) {
	rec := AsRecord(err)
	var trap *syntax.TrapStmt
	for _, t := range traps {
		if t.Type == nil || exceptionMatches(rec, t.Type.Name) {
			trap = t
			break
		}
	}
	if trap == nil {
		return false, nil
	}
	if !rec.HasPosition {
		f.locate(rec, st)
	}
	inner := f.child(NewScope(f.scope, false))
	inner.scope.SetLocal("_", rec)
	inner.scope.SetLocal("PSItem", rec)
	terr := inner.execBlock(trap.Body)
	switch terr.(type) {
	case nil:
		return false, nil
	case *continueSignal:
		f.rt.recordError(rec)
		f.rt.lastStatus = false
		return true, nil
	case *breakSignal:
		rec.scriptTerminating = true
		return false, rec
	}
	return false, terr
}
