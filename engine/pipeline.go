package engine

import (
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// stage is one running element of a pipeline.
type stage interface {
	begin() error
	// process handles one input object; hasInput is false for the single
	// call a first command gets when nothing is piped into it.
	process(item any, hasInput bool) error
	end() error
}

// pipelineRun identifies one running pipeline, so a stop-upstream signal
// is handled by the pipeline it was meant for. (It must not be zero-sized:
// distinct zero-sized allocations may share an address.)
type pipelineRun struct{ stages []stage }

// runPipeline runs a pipeline statement, writing its output to f.io.out.
func (f *frame) runPipeline(p *syntax.Pipeline) error {
	n := len(p.Elements)
	run := &pipelineRun{stages: make([]stage, n)}
	errSnap := f.rt.errorWrites
	stages := run.stages
	// Objects an upstream command writes in its begin step wait for the
	// command below to have begun, as in pwsh's input pipes.
	begun := make([]bool, n)
	queued := make([][]any, n)
	next := f.io.out
	// A command's position counts commands only: an expression that
	// starts the pipeline is its input, as pwsh compiles it.
	lead := 0
	if _, ok := p.Elements[0].(*syntax.CommandExpr); ok {
		lead = 1
	}
	for i := n - 1; i >= 0; i-- {
		st, err := f.makeStage(p.Elements[i], next, i > 0, i+1-lead)
		if err != nil {
			return err
		}
		stages[i] = st
		idx := i
		next = func(v any) error {
			if !begun[idx] {
				queued[idx] = append(queued[idx], v)
				return nil
			}
			err := st.process(v, true)
			if err == ErrStopUpstream {
				return &stopUpstream{stage: idx, run: run}
			}
			return err
		}
	}
	defer run.clean()
	from, stopped := 0, false
	for i, st := range stages {
		if err := st.begin(); err != nil {
			return run.unwrap(err)
		}
		begun[i] = true
		for _, v := range queued[i] {
			err := st.process(v, true)
			if err == ErrStopUpstream {
				from, stopped = i, true
				break
			}
			if err != nil {
				return run.unwrap(err)
			}
		}
		queued[i] = nil
	}
	// A command satisfied by what was written in begin steps (Select-Object
	// -First) stops those above it before they process anything.
	var err error
	if !stopped {
		err = stages[0].process(nil, false)
	}
	if err != nil {
		if err == ErrStopUpstream {
			err = nil
		} else if su, ok := err.(*stopUpstream); ok && su.run == run {
			from = su.stage
			err = nil
		}
		if err != nil {
			return err
		}
	}
	for i := from; i < n; i++ {
		err := stages[i].end()
		if err == nil || err == ErrStopUpstream {
			continue
		}
		if su, ok := err.(*stopUpstream); ok && su.run == run {
			if su.stage > i {
				i = su.stage - 1
			}
			continue
		}
		return err
	}
	f.rt.lastStatus = f.rt.errorWrites == errSnap
	return nil
}

// cleaner is a stage with a clean block (pwsh 7.3+): it runs once the
// pipeline is over, however it ended, for the commands that ran.
type cleaner interface{ clean() }

// clean runs the clean blocks, first command first.
func (r *pipelineRun) clean() {
	for _, st := range r.stages {
		if c, ok := st.(cleaner); ok {
			c.clean()
		}
	}
}

// unwrap turns this run's stop signal into success.
func (r *pipelineRun) unwrap(err error) error {
	if su, ok := err.(*stopUpstream); ok && su.run == r {
		return nil
	}
	return err
}

// makeStage builds the stage for one pipeline element, the position-th
// of its pipeline (from 1, as $MyInvocation.PipelinePosition counts).
func (f *frame) makeStage(el syntax.PipelineElement, out func(any) error, expectingInput bool, position int) (stage, error) {
	switch e := el.(type) {
	case *syntax.CommandExpr:
		io, closer, err := f.redirect(e.Redirections, out)
		if err != nil {
			return nil, err
		}
		return &exprStage{f: f.withIO(io), expr: e.Expr, closer: closer}, nil
	case *syntax.Command:
		return f.commandStage(e, out, expectingInput, position)
	}
	return nil, f.errAt(el, "System.Management.Automation.RuntimeException", "NotImplemented", "Unsupported pipeline element.")
}

// exprStage is an expression as the first element of a pipeline.
type exprStage struct {
	f      *frame
	expr   syntax.Expression
	closer func() error
}

func (s *exprStage) begin() error { return nil }

func (s *exprStage) process(_ any, hasInput bool) error {
	if hasInput {
		return nil
	}
	if x := pureRange(s.expr); x != nil {
		return s.f.streamRange(x)
	}
	v, err := s.f.eval(s.expr)
	if err != nil {
		return err
	}
	if l, ok := v.(*value.List); ok {
		v = l.Snapshot() // a collection enumerates into the pipeline
	}
	return s.f.emit(v)
}

func (s *exprStage) end() error {
	if s.closer != nil {
		return s.closer()
	}
	return nil
}
