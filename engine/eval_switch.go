package engine

import (
	"iter"
	"os"
	"slices"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// execSwitch runs a switch statement: every item of the condition is tested
// against every clause in order; all matching clauses run; default runs
// when none matched; break leaves the switch, continue moves to the next item.
func (f *frame) execSwitch(s *syntax.SwitchStmt) error {
	var items iter.Seq[any]
	if s.File {
		var lines []any
		pathV, err := f.evalStatementValue(s.Cond)
		if err != nil {
			return err
		}
		data, rerr := os.ReadFile(f.rt.ResolvePath(value.ToString(pathV)))
		if rerr != nil {
			return f.errAt(s.Cond, "System.Management.Automation.ItemNotFoundException", "PathNotFound",
				"Cannot find path '"+f.rt.ResolvePath(value.ToString(pathV))+"' because it does not exist.")
		}
		for _, line := range strings.Split(strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), "\n") {
			lines = append(lines, line)
		}
		items = slices.Values(lines)
	} else {
		var err error
		if items, err = f.conditionSeq(s.Cond, true); err != nil {
			return err
		}
	}
	prev := f.scope.Local("_")
	defer func() {
		if prev == nil {
			f.scope.Remove("_")
		}
	}()
nextItem:
	for it := range items {
		if f.ctx.Err() != nil {
			return errStopped
		}
		f.scope.SetLocal("_", it)
		matched := false
		for _, c := range s.Clauses {
			ok, err := f.switchMatches(s, c.Pattern, it)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			matched = true
			if err := f.execBlock(c.Body); err != nil {
				stop, out := loopSignal(err, s.Label)
				if _, isCont := err.(*continueSignal); isCont && out == nil {
					continue nextItem
				}
				if stop {
					return out
				}
			}
		}
		if !matched && s.Default != nil {
			if err := f.execBlock(s.Default); err != nil {
				stop, out := loopSignal(err, s.Label)
				if _, isCont := err.(*continueSignal); isCont && out == nil {
					continue
				}
				if stop {
					return out
				}
			}
		}
	}
	return nil
}

// switchMatches tests one clause pattern against an item.
func (f *frame) switchMatches(s *syntax.SwitchStmt, pat syntax.Expression, it any) (bool, error) {
	if sbx, ok := pat.(*syntax.ScriptBlockExpr); ok {
		v, err := f.callBlockValue(newScriptBlock(sbx.Body, f.script), it, nil)
		if err != nil {
			return false, err
		}
		return value.ToBool(v), nil
	}
	p, err := f.evalValue(pat)
	if err != nil {
		return false, err
	}
	switch {
	case s.Regex:
		ok, m, err := value.Match(it, value.ToString(p), s.CaseSensitive)
		if err != nil {
			return false, f.wrapErr(pat, err)
		}
		if ok {
			f.scope.SetLocal("Matches", m)
		}
		return ok, nil
	case s.Wildcard:
		return value.Like(value.ToString(it), value.ToString(p), s.CaseSensitive), nil
	}
	if _, isStr := p.(string); isStr {
		return value.Equal(value.ToString(it), p, s.CaseSensitive), nil
	}
	return value.Equal(it, p, s.CaseSensitive), nil
}
