package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// execBlock runs a statement list, writing output to f.io.out. A
// statement-terminating error is reported and the next statement runs,
// unless a try block or the Stop preference wants it to propagate.
func (f *frame) execBlock(b *syntax.StatementBlock) error {
	if b == nil {
		return nil
	}
	for _, st := range b.Statements {
		if f.ctx.Err() != nil {
			return errStopped
		}
		if err := f.execStmt(st); err != nil {
			if len(b.Traps) > 0 && !isFlow(err) {
				handled, terr := f.runTrap(b.Traps, err, st)
				if terr != nil {
					return terr
				}
				if handled {
					continue
				}
			}
			if err = f.statementError(err, st); err != nil {
				return err
			}
		}
	}
	return nil
}

// statementError decides what an error leaving a statement does: flow
// signals and script-terminating errors propagate; others are written to
// the error stream and execution goes on.
func (f *frame) statementError(err error, st syntax.Statement) error {
	if isFlow(err) {
		return err
	}
	rec := AsRecord(err)
	if !rec.HasPosition {
		f.locate(rec, st)
	}
	if rec.ExceptionType == value.ExOutOfMemory {
		// The growth cap (value.MaxGrowth) ends the script, as running
		// out of memory would: a loop that doubles a string stops at
		// once instead of failing the same statement forever.
		rec.scriptTerminating = true
	}
	if rec.scriptTerminating || f.inTry > 0 {
		return rec
	}
	action := prefsFrom(f.scope).errorAction
	if action == "Stop" {
		rec.scriptTerminating = true
		return rec
	}
	f.rt.lastStatus = false
	// $ErrorActionPreference (not -ErrorAction) also silences
	// statement-terminating errors, as in pwsh.
	switch action {
	case "Ignore":
		return nil
	case "SilentlyContinue":
		f.rt.recordError(rec)
		return nil
	}
	f.rt.recordError(rec)
	if f.io != nil && f.io.routes[streamError] != nil {
		return f.io.routes[streamError](rec)
	}
	f.rt.ShowError(rec)
	return nil
}

// emit writes a value to the output, unrolling one level of arrays.
func (f *frame) emit(v any) error {
	if v == automationNull {
		return nil
	}
	// Collections (arrays, lists) unroll one level, as value.Enumerate
	// defines for the whole engine.
	if items, ok := value.Enumerate(v); ok {
		for _, it := range items {
			if it == automationNull {
				continue // an element of [void]1, 2
			}
			if err := f.io.out(it); err != nil {
				return err
			}
		}
		return nil
	}
	return f.io.out(v)
}

// execStmt runs one statement.
func (f *frame) execStmt(st syntax.Statement) error {
	switch s := st.(type) {
	case *syntax.Pipeline:
		if e := simpleExpr(s); e != nil {
			if u, ok := e.(*syntax.UnaryExpr); ok && (u.Op == "++" || u.Op == "--") {
				_, err := f.incDec(u)
				return err
			}
			if x := pureRange(e); x != nil {
				f.rt.lastStatus = true
				return f.streamRange(x)
			}
			v, err := f.eval(e)
			if err != nil {
				return err
			}
			f.rt.lastStatus = true
			return f.emit(v)
		}
		return f.runPipeline(s)
	case *syntax.AssignmentStmt:
		_, err := f.assign(s, false)
		return err
	case *syntax.PipelineChain:
		return f.execChain(s)
	case *syntax.IfStmt:
		for _, c := range s.Clauses {
			v, err := f.evalStatementValue(c.Cond)
			if err != nil {
				return err
			}
			if value.ToBool(v) {
				return f.execBlock(c.Body)
			}
		}
		return f.execBlock(s.Else)
	case *syntax.ForEachStmt:
		return f.execForEach(s)
	case *syntax.ForStmt:
		return f.execFor(s)
	case *syntax.WhileStmt:
		return f.loop(s.Label, func() (bool, error) { return f.cond(s.Cond) }, s.Body, nil, false)
	case *syntax.DoStmt:
		return f.loop(s.Label, func() (bool, error) {
			ok, err := f.cond(s.Cond)
			if s.Until {
				ok = !ok
			}
			return ok, err
		}, s.Body, nil, true)
	case *syntax.SwitchStmt:
		return f.execSwitch(s)
	case *syntax.BreakStmt:
		label, err := f.label(s.Label)
		if err != nil {
			return err
		}
		return &breakSignal{label: label}
	case *syntax.ContinueStmt:
		label, err := f.label(s.Label)
		if err != nil {
			return err
		}
		return &continueSignal{label: label}
	case *syntax.ReturnStmt:
		if s.Value != nil {
			if err := f.execStmtOutput(s.Value); err != nil {
				return err
			}
		}
		return &returnSignal{}
	case *syntax.ExitStmt:
		code := 0
		if s.Value != nil {
			v, err := f.evalStatementValue(s.Value)
			if err != nil {
				return err
			}
			n, err := value.ConvertToName(v, "int")
			if err != nil {
				return f.wrapErr(s, err)
			}
			code = int(n.(int32))
		}
		return &exitSignal{code: code}
	case *syntax.ThrowStmt:
		return f.execThrow(s)
	case *syntax.TryStmt:
		return f.execTry(s)
	case *syntax.TrapStmt:
		return nil
	case *syntax.FunctionDef:
		f.defineFunction(s)
		return nil
	case *syntax.BlockStmt:
		return f.execBlock(s.Body)
	}
	return f.errAt(st, "System.Management.Automation.RuntimeException", "NotImplemented", "This statement is not supported by csshell.")
}

// execStmtOutput runs a statement whose output goes to f's output (the
// value of return, for example).
func (f *frame) execStmtOutput(st syntax.Statement) error {
	if as, ok := st.(*syntax.AssignmentStmt); ok {
		_, err := f.assign(as, false)
		return err
	}
	return f.execStmt(st)
}

// cond evaluates a loop condition.
func (f *frame) cond(st syntax.Statement) (bool, error) {
	if st == nil {
		return true, nil
	}
	v, err := f.evalStatementValue(st)
	if err != nil {
		return false, err
	}
	return value.ToBool(v), nil
}

// label evaluates a break/continue label.
func (f *frame) label(e syntax.Expression) (string, error) {
	if e == nil {
		return "", nil
	}
	v, err := f.evalValue(e)
	if err != nil {
		return "", err
	}
	return value.ToString(v), nil
}

// loopSignal interprets a body's error for a loop labelled label: it
// reports whether to stop the loop and what error (if any) to propagate.
func loopSignal(err error, label string) (stop bool, out error) {
	switch s := err.(type) {
	case *breakSignal:
		if s.label == "" || strings.EqualFold(s.label, label) {
			return true, nil
		}
		return true, err
	case *continueSignal:
		if s.label == "" || strings.EqualFold(s.label, label) {
			return false, nil
		}
		return true, err
	}
	return true, err
}

// loop runs while/do loops: test before (or after, for do) each pass.
func (f *frame) loop(label string, test func() (bool, error), body *syntax.StatementBlock, step func() error, testAfter bool) error {
	for {
		if f.ctx.Err() != nil {
			return errStopped
		}
		if !testAfter {
			ok, err := test()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
		}
		if err := f.execBlock(body); err != nil {
			if stop, out := loopSignal(err, label); stop {
				return out
			}
		}
		if step != nil {
			if err := step(); err != nil {
				return err
			}
		}
		if testAfter {
			ok, err := test()
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
		}
	}
}

// execFor runs for (init; cond; iter) { body }.
func (f *frame) execFor(s *syntax.ForStmt) error {
	if s.Init != nil {
		if err := f.execSilently(s.Init); err != nil {
			return err
		}
	}
	var step func() error
	if s.Iter != nil {
		step = func() error { return f.execSilently(s.Iter) }
	}
	return f.loop(s.Label, func() (bool, error) { return f.cond(s.Cond) }, s.Body, step, false)
}

// execSilently runs a for-loop clause; its output goes to the pipeline as
// in PowerShell, except for assignments and ++/--.
func (f *frame) execSilently(st syntax.Statement) error {
	return f.execStmt(st)
}

// execForEach runs foreach ($x in collection) { body }.
func (f *frame) execForEach(s *syntax.ForEachStmt) error {
	items, err := f.conditionSeq(s.Collection, false)
	if err != nil {
		return err
	}
	for it := range items {
		if f.ctx.Err() != nil {
			return errStopped
		}
		if err := f.setVar(s.Variable.Name, it, s.Variable); err != nil {
			return err
		}
		if err := f.execBlock(s.Body); err != nil {
			if stop, out := loopSignal(err, s.Label); stop {
				return out
			}
		}
	}
	return nil
}

// execChain runs a && b and a || b.
func (f *frame) execChain(s *syntax.PipelineChain) error {
	if err := f.execStmt(s.Left); err != nil {
		if err = f.statementError(err, s.Left); err != nil {
			return err
		}
	}
	ok := f.rt.lastStatus
	if (s.Op == "&&") == ok {
		return f.execStmt(s.Right)
	}
	return nil
}

// execThrow runs throw [value].
func (f *frame) execThrow(s *syntax.ThrowStmt) error {
	var v any
	if s.Value != nil {
		var err error
		v, err = f.evalStatementValue(s.Value)
		if err != nil {
			return err
		}
	} else if cur := f.scope.Lookup("_"); cur != nil {
		if rec, ok := cur.Value.(*ErrorRecord); ok {
			rec.scriptTerminating = true
			return rec
		}
	}
	var rec *ErrorRecord
	switch t := v.(type) {
	case *ErrorRecord:
		rec = t
	case nil:
		rec = &ErrorRecord{Message: "ScriptHalted", ExceptionType: "System.Management.Automation.RuntimeException", ErrorID: "ScriptHalted", Category: "OperationStopped"}
	case *value.Object:
		if base, ok := t.Base.(*ErrorRecord); ok {
			rec = base
			break
		}
		rec = &ErrorRecord{Message: value.ToString(t), ExceptionType: "System.Management.Automation.RuntimeException", ErrorID: value.ToString(t), Category: "OperationStopped", TargetObject: t, Thrown: t}
	default:
		msg := value.ToString(v)
		rec = &ErrorRecord{Message: msg, ExceptionType: "System.Management.Automation.RuntimeException", ErrorID: msg, Category: "OperationStopped", Thrown: v}
		if _, isStr := v.(string); !isStr {
			rec.TargetObject = v
		}
	}
	rec.fromThrow = rec.CommandName == ""
	if !rec.HasPosition {
		f.locate(rec, s)
	}
	rec.scriptTerminating = true
	return rec
}

// execTry runs try/catch/finally.
func (f *frame) execTry(s *syntax.TryStmt) error {
	inner := *f
	inner.inTry++
	err := inner.execBlock(s.Body)
	if err != nil && !isFlow(err) {
		rec := AsRecord(err)
		if clause := matchCatch(s.Catches, rec); clause != nil {
			rec.scriptTerminating = false
			f.rt.recordError(rec)
			// A caught error is in the -ErrorVariable of the commands
			// running this code too, as it is in $Error.
			f.io.captures.addError(rec)
			prev := f.scope.Local("_")
			var prevVal any
			if prev != nil {
				prevVal = prev.Value
			}
			f.scope.SetLocal("_", rec)
			f.scope.SetLocal("PSItem", rec)
			err = f.execBlock(clause.Body)
			if prev != nil {
				f.scope.SetLocal("_", prevVal)
				f.scope.SetLocal("PSItem", prevVal)
			} else {
				f.scope.Remove("_")
				f.scope.Remove("PSItem")
			}
		}
	}
	if s.Finally != nil {
		if ferr := f.execBlock(s.Finally); ferr != nil {
			return ferr
		}
	}
	return err
}

// matchCatch picks the first catch clause whose types match the error.
func matchCatch(clauses []*syntax.CatchClause, rec *ErrorRecord) *syntax.CatchClause {
	for _, c := range clauses {
		if len(c.Types) == 0 {
			return c
		}
		for _, t := range c.Types {
			if exceptionMatches(rec, t.Name) {
				return c
			}
		}
	}
	return nil
}

// exceptionMatches reports whether an error's exception is of type name
// or derives from it.
func exceptionMatches(rec *ErrorRecord, name string) bool {
	want := strings.ToLower(strings.TrimPrefix(strings.ToLower(name), "system."))
	for _, t := range exceptionChain(rec.ExceptionType) {
		tl := strings.ToLower(t)
		if tl == strings.ToLower(name) || strings.TrimPrefix(tl, "system.") == want || shortLower(tl) == want {
			return true
		}
	}
	if rec.InnerExceptionType != "" {
		return exceptionMatches(&ErrorRecord{ExceptionType: rec.InnerExceptionType}, name)
	}
	return false
}

// shortLower returns the last dotted segment.
func shortLower(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// exceptionChain lists an exception type and its base types.
func exceptionChain(t string) []string {
	chain := []string{t}
	switch {
	case strings.HasPrefix(t, "System.Management.Automation.") && strings.Contains(t, "ParameterBinding"):
		chain = append(chain, "System.Management.Automation.ParameterBindingException", "System.Management.Automation.RuntimeException")
	case strings.HasPrefix(t, "System.Management.Automation."):
		chain = append(chain, "System.Management.Automation.RuntimeException")
	case t == "System.DivideByZeroException":
		chain = append(chain, "System.ArithmeticException")
	case t == "System.ArgumentOutOfRangeException" || t == "System.ArgumentNullException":
		chain = append(chain, "System.ArgumentException")
	case t == "System.IO.FileNotFoundException" || t == "System.IO.DirectoryNotFoundException":
		chain = append(chain, "System.IO.IOException")
	}
	return append(chain, "System.SystemException", "System.Exception")
}

// defineFunction installs a function or filter in the current scope.
func (f *frame) defineFunction(s *syntax.FunctionDef) {
	sb := newScriptBlock(s.Body, f.script)
	if len(s.Params) > 0 {
		sb.setParams(s.Name, s.Params)
	}
	name := s.Name
	sc := f.scope
	if qual, rest := splitScope(name); qual == "global" || qual == "script" {
		name = rest
		if qual == "global" {
			sc = f.rt.global
		} else {
			sc = f.scope.scriptScope()
		}
	}
	if m := f.scope.module(); m != nil {
		// A module's function runs under the module's scope wherever it
		// is called from: its $script: is the module's.
		sb.closure = m.scope
	}
	sc.defineFunc(&Function{Name: name, Block: sb, IsFilter: s.IsFilter, Help: s.Body.HelpText})
}
