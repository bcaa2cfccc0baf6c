package engine

import (
	"context"

	"github.com/csshell/csshell/engine/syntax"
)

// frame is the state of one running piece of script: the scope its
// variables live in, the streams its output goes to, and where in which
// source it is.
type frame struct {
	rt     *Runtime
	scope  *Scope
	ctx    context.Context
	io     *stageIO
	source *syntax.Source
	script *scriptInfo
	// inTry counts enclosing try blocks (in this frame and its callers):
	// inside one, statement-terminating errors propagate to the catch.
	inTry int
	depth int // call depth, to stop runaway recursion
}

// scriptInfo describes the script file being run ($PSScriptRoot,
// $PSCommandPath).
type scriptInfo struct {
	Path string
	Dir  string
}

// maxDepth is the deepest call nesting allowed before PowerShell's
// "The script failed due to call depth overflow." error.
const maxDepth = 1000

// child returns a frame for a nested call in scope sc.
func (f *frame) child(sc *Scope) *frame {
	c := *f
	c.scope = sc
	c.depth = f.depth + 1
	return &c
}

// withIO returns a copy of f writing to io.
func (f *frame) withIO(io *stageIO) *frame {
	c := *f
	c.io = io
	return &c
}

// position is a place in a source, for error records.
type position struct {
	source *syntax.Source
	extent syntax.Extent
}

// at returns the position of n in f's source.
func (f *frame) at(n syntax.Node) position {
	if n == nil {
		return position{source: f.source}
	}
	return position{source: f.source, extent: n.Ext()}
}

// Flow-control signals travel as errors up to the construct that handles
// them.
type breakSignal struct{ label string }
type continueSignal struct{ label string }
type returnSignal struct{}
type exitSignal struct{ code int }

func (*breakSignal) Error() string    { return "break" }
func (*continueSignal) Error() string { return "continue" }
func (*returnSignal) Error() string   { return "return" }
func (*exitSignal) Error() string     { return "exit" }

// errStopped is returned by WriteObject once the session's context is
// cancelled (Ctrl-C); the pipeline unwinds quietly.
var errStopped error = stoppedError{}

// stoppedError is the error of a pipeline stopped by cancellation; its
// text is PowerShell's.
type stoppedError struct{}

func (stoppedError) Error() string { return "The pipeline has been stopped." }

// ErrPipelineStopped reports a pipeline stopped by cancellation.
var ErrPipelineStopped = errStopped

// stopUpstream is returned by a command (Select-Object -First) to stop the
// commands before it; the pipeline runner tags it with the stage index.
type stopUpstream struct {
	stage int
	run   *pipelineRun
}

func (*stopUpstream) Error() string { return "stop upstream" }

// ErrStopUpstream is what a cmdlet returns from Process to stop the
// commands before it in the pipeline (Select-Object -First N does, once it
// has N objects). Its own End and those after it still run.
var ErrStopUpstream error = &stopUpstream{stage: -1}

// isFlow reports whether err is a control-flow signal rather than an error.
func isFlow(err error) bool {
	switch err.(type) {
	case *breakSignal, *continueSignal, *returnSignal, *exitSignal, *stopUpstream:
		return true
	}
	return err == errStopped
}
