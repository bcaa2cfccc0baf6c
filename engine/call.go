package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// Call is one invocation of a cmdlet: its bound parameters, the current
// pipeline input, and the ways to write to PowerShell's streams.
type Call struct {
	Cmdlet *Cmdlet
	// bound holds the bound parameters by canonical name, converted to
	// their declared types; pipeline-bound values of the current input are
	// included during Process. Cmdlets read them only through the typed
	// handles of their declarations (Param[T]), never by name.
	bound map[string]any
	// Set is the resolved parameter set name.
	Set string
	// Input is the current pipeline object; HasInput is false when the
	// command runs without pipeline input.
	Input    any
	HasInput bool

	rt     *Runtime
	ctx    context.Context
	frame  *frame
	stages *stageIO
	prefs  preferences
	pos    position
	// dotIO is reused by InvokeBlock while dotBusy is false.
	dotIO   *stageIO
	dotBusy bool
}

// Context returns the invocation's context; it is cancelled by Ctrl-C.
func (c *Call) Context() context.Context { return c.ctx }

// Runtime returns the runtime running the call.
func (c *Call) Runtime() *Runtime { return c.rt }

// WriteObject sends v down the pipeline as one object (arrays are not
// unrolled). A non-nil error (the pipeline was stopped downstream, or
// cancelled) must be returned by the cmdlet at once.
func (c *Call) WriteObject(v any) error {
	if err := c.ctx.Err(); err != nil {
		return errStopped
	}
	return c.stages.out(v)
}

// WriteObjects sends each element of v down the pipeline (PowerShell's
// WriteObject(v, enumerateCollection: true)).
func (c *Call) WriteObjects(v any) error {
	if items, ok := value.Enumerate(v); ok {
		for _, it := range items {
			if err := c.WriteObject(it); err != nil {
				return err
			}
		}
		return nil
	}
	if v == nil {
		return nil
	}
	return c.WriteObject(v)
}

// WriteError reports a non-terminating error. When -ErrorAction (or
// $ErrorActionPreference) is Stop it returns a terminating error that the
// cmdlet must return.
func (c *Call) WriteError(rec *ErrorRecord) error {
	if rec.CommandName == "" && c.Cmdlet != nil {
		rec.CommandName = c.Cmdlet.Name
		rec.CommandClass = c.Cmdlet.Class()
		if strings.EqualFold(c.Cmdlet.Name, "Write-Error") {
			// pwsh reports Write-Error's errors as the calling function's.
			if fn := c.frame.functionName(); fn != "" {
				rec.CommandName = fn
			}
		}
	}
	if !rec.HasPosition {
		rec.Source, rec.Extent, rec.HasPosition = c.pos.source, c.pos.extent, c.pos.source != nil
	}
	return c.rt.writeError(c.frame, c.stages, c.prefs, rec)
}

// Errorf is a shortcut for WriteError(NewError(...)).
func (c *Call) Errorf(category, id string, target any, format string, args ...any) error {
	return c.WriteError(NewError(category, id, target, format, args...))
}

// WriteWarning writes to the warning stream ("WARNING: …").
func (c *Call) WriteWarning(msg string) {
	c.rt.writeStream(c.stages, streamWarning, c.prefs.warning, msg)
}

// WriteVerbose writes to the verbose stream ("VERBOSE: …").
func (c *Call) WriteVerbose(msg string) {
	c.rt.writeStream(c.stages, streamVerbose, c.prefs.verbose, msg)
}

// WriteDebug writes to the debug stream ("DEBUG: …").
func (c *Call) WriteDebug(msg string) {
	c.rt.writeStream(c.stages, streamDebug, c.prefs.debug, msg)
}

// WriteInformation writes to the information stream (Write-Host uses it).
func (c *Call) WriteInformation(v any) {
	c.rt.writeStream(c.stages, streamInformation, c.prefs.information, v)
}

// Host returns the host the session writes to and reads from.
func (c *Call) Host() *Host { return c.rt.host }

// ShouldProcess implements -WhatIf and -Confirm: with -WhatIf (or
// $WhatIfPreference) it prints `What if: Performing the operation "action"
// on target "target".` and returns false; with -Confirm it asks the host.
func (c *Call) ShouldProcess(target, action string) (bool, error) {
	if c.prefs.whatIf {
		c.rt.host.WriteLine(fmt.Sprintf("What if: Performing the operation \"%s\" on target \"%s\".", action, target))
		return false, nil
	}
	if c.prefs.confirm {
		return c.rt.confirm(c, target, action)
	}
	return true, nil
}

// ShouldProcessSilently reports whether ShouldProcess would return true
// without writing or asking anything (neither -WhatIf nor a confirmation
// in force): a cmdlet may then check and change an object in one step,
// since nothing can come between the check and the change.
func (c *Call) ShouldProcessSilently() bool { return !c.prefs.whatIf && !c.prefs.confirm }

// WhatIf reports whether -WhatIf is in force for this call.
func (c *Call) WhatIf() bool { return c.prefs.whatIf }

// InvokeBlock runs a script block in the caller's scope (as ForEach-Object
// and Where-Object do) with $_ set to input, streaming its output to emit.
func (c *Call) InvokeBlock(sb *ScriptBlock, input any, emit func(any) error) error {
	return c.rt.invokeDotted(c, sb, input, emit)
}

// InvokeBlockValue runs a script block like InvokeBlock and returns its
// output collected (a single value when it wrote one object).
func (c *Call) InvokeBlockValue(sb *ScriptBlock, input any) (any, error) {
	var out []any
	err := c.InvokeBlock(sb, input, func(v any) error { out = append(out, v); return nil })
	if err != nil {
		return nil, err
	}
	return collapse(out), nil
}

// collapse returns nil for no output, the object for one, the array for more.
func collapse(out []any) any {
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return out
}

// Scope returns the scope of the code that invoked the cmdlet (where
// Set-Variable and friends work).
func (c *Call) Scope() *Scope {
	if c.frame != nil {
		return c.frame.scope
	}
	return c.rt.global
}

// ResolvePath turns a path argument into an absolute file-system path.
func (c *Call) ResolvePath(p string) string { return c.rt.ResolvePath(p) }

// Position returns the source text and location of the invocation, for
// messages.
func (c *Call) Position() (src *syntax.Source, ext syntax.Extent) { return c.pos.source, c.pos.extent }

// ErrorAction returns the effective error action of the call.
func (c *Call) ErrorAction() string { return c.prefs.errorAction }

// Interactive reports whether a person is at the keyboard.
func (c *Call) Interactive() bool { return c.rt.host.Interactive }

// HelpText returns a function's raw comment-based help, if any.
func (fn *Function) HelpText() string { return fn.Help }

// Progress reports the progress of a long operation to the host's
// progress bar (as Write-Progress does), unless $ProgressPreference is
// SilentlyContinue. percent is -1 when unknown; total 0 when unknown.
func (c *Call) Progress(activity, status string, percent, current, total int) {
	if c.progressOff() {
		return
	}
	c.rt.host.Progress(activity, status, percent, current, total, false)
}

// ProgressDone removes the progress bar a cmdlet showed.
func (c *Call) ProgressDone() {
	if c.progressOff() {
		return
	}
	c.rt.host.Progress("", "", -1, 0, 0, true)
}

// progressOff reports whether progress is not shown for this call.
func (c *Call) progressOff() bool {
	if c.rt.host.Progress == nil {
		return true
	}
	// The name as the scope keys it: no lower-cased copy per call.
	if v := c.Scope().Lookup("progresspreference"); v != nil && v.Value != nil {
		switch canonicalAction(value.ToString(v.Value), "Continue") {
		case "SilentlyContinue", "Ignore":
			return true
		}
	}
	return false
}
