package engine

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// cmdletMeta returns (and caches) a cmdlet's binder metadata.
func (c *Cmdlet) meta() *binding.Meta {
	return &binding.Meta{
		Name:                  c.Name,
		Params:                c.Params,
		DefaultSet:            c.DefaultSet,
		SupportsShouldProcess: c.SupportsShouldProcess,
		CmdletBinding:         true,
		Compiled:              true,
	}
}

// cmdletStage runs a cmdlet in a pipeline.
type cmdletStage struct {
	f       *frame
	call    *Call
	proc    Processor
	bind    *binding.Binding
	node    *syntax.Command
	closer  func() error
	own     *capture // the cmdlet's -ErrorVariable and friends
	errSnap int      // the runtime's error count when the stage was made
}

// newCmdletStage binds a cmdlet's command-line arguments and prepares its
// invocation, as the first command of its pipeline.
func (f *frame) newCmdletStage(c *Cmdlet, node *syntax.Command, args []binding.Arg, out func(any) error, expectingInput bool, closer func() error) (stage, error) {
	return f.newCmdletStageAt(c, node, args, out, expectingInput, closer, 1)
}

// newCmdletStageAt is newCmdletStage for the position-th command of its
// pipeline, which the mandatory prompt names.
func (f *frame) newCmdletStageAt(c *Cmdlet, node *syntax.Command, args []binding.Arg, out func(any) error, expectingInput bool, closer func() error, position int) (stage, error) {
	f.rt.autoload(c)
	opt := binding.Options{ExpectingInput: expectingInput}
	if f.rt.host.Interactive {
		opt.PromptStart, opt.Prompt = f.mandatoryPrompter(c.Name, position)
	}
	b, err := f.rt.binders.prepared(c).Bind(argValues(args), opt)
	if err == errStopped {
		// Ctrl+C at the prompt stops the pipeline quietly; $? is false.
		f.rt.lastStatus = false
		return nil, err
	}
	if err != nil {
		return nil, f.bindError(c.Name, node, err)
	}
	st := &cmdletStage{f: f, bind: b, node: node, closer: closer, errSnap: f.rt.errorWrites}
	call := &Call{Cmdlet: c, bound: b.Params, Set: b.Set, rt: f.rt, ctx: f.ctx, frame: f, pos: f.at(node)}
	call.prefs = callPrefs(f.scope, b.Params)
	io, own, err := f.streamVars(b.Params, f.io)
	if err != nil {
		return nil, err
	}
	st.own = own
	call.stages = io
	st.call = call
	st.proc = c.New()
	return st, nil
}

// bindError turns a binder error into an error record of the command.
func (f *frame) bindError(name string, node syntax.Node, err error) error {
	rec := &ErrorRecord{Message: err.Error(), ExceptionType: "System.Management.Automation.ParameterBindingException", ErrorID: "ParameterBindingFailed", Category: "InvalidArgument", CommandName: name}
	if be, ok := err.(*binding.Error); ok {
		if be.ErrorID == "NamedParameterNotFound" {
			f.hintMissing(name, be.ParamName)
		}
		rec.ExceptionType = be.ExceptionType
		rec.ErrorID = be.ErrorID
		rec.Category = be.Category
		if !be.Extent.IsZero() && node != nil {
			// pwsh places the error on the argument it is about.
			node = syntax.Extent{Start: be.Extent.Start, End: be.Extent.End}
		}
	} else if r, ok := err.(*ErrorRecord); ok {
		rec = r
		rec.CommandName = name
	}
	f.locate(rec, node)
	return rec
}

// callPrefs computes a call's preferences from the scope and its common
// parameters.
func callPrefs(sc *Scope, params map[string]any) preferences {
	p := prefsFrom(sc)
	if v, ok := params["ErrorAction"]; ok {
		p.errorAction = canonicalAction(value.ToString(v), p.errorAction)
	}
	if v, ok := params["WarningAction"]; ok {
		p.warning = canonicalAction(value.ToString(v), p.warning)
	}
	if v, ok := params["InformationAction"]; ok {
		p.information = canonicalAction(value.ToString(v), p.information)
	}
	if v, ok := params["Verbose"]; ok {
		if value.ToBool(v) {
			p.verbose = "Continue"
		} else {
			p.verbose = "SilentlyContinue"
		}
	}
	if v, ok := params["Debug"]; ok {
		if value.ToBool(v) {
			p.debug = "Continue"
		} else {
			p.debug = "SilentlyContinue"
		}
	}
	if v, ok := params["WhatIf"]; ok {
		p.whatIf = value.ToBool(v)
	}
	if v, ok := params["Confirm"]; ok {
		p.confirm = value.ToBool(v)
	}
	return p
}

func (s *cmdletStage) fail(err error) error {
	if err == nil || isFlow(err) || err == ErrStopUpstream {
		return err
	}
	rec := AsRecord(err)
	if rec.CommandName == "" {
		rec.CommandName = s.call.Cmdlet.Name
		rec.CommandClass = s.call.Cmdlet.Class()
	}
	if !rec.HasPosition {
		s.f.locate(rec, s.node)
	}
	if s.own != nil && s.own.errs != nil && !s.own.hasError(rec) {
		s.own.errs.Items = append(s.own.errs.Items, rec)
	}
	return rec
}

func (s *cmdletStage) begin() error {
	return s.fail(s.proc.Begin(s.call))
}

func (s *cmdletStage) process(item any, hasInput bool) error {
	c := s.call
	if hasInput {
		params, set, err := s.bind.BindInput(item)
		if err != nil {
			rec := AsRecord(s.f.bindError(c.Cmdlet.Name, s.node, err))
			rec.TargetObject = item
			return s.fail(c.WriteError(rec))
		}
		c.bound, c.Set = params, set
	}
	c.Input, c.HasInput = item, hasInput
	return s.fail(s.proc.Process(c))
}

func (s *cmdletStage) end() error {
	err := s.fail(s.proc.End(s.call))
	if s.closer != nil {
		if cerr := s.closer(); err == nil {
			err = cerr
		}
	}
	if err == nil {
		s.f.rt.lastStatus = s.f.rt.errorWrites == s.errSnap
	}
	return err
}

// autoload imports a cmdlet's module when the cmdlet is first used, as
// pwsh's module auto-loading does: after Connect-MicrosoftTeams, Get-Module
// lists MicrosoftTeams (scripts check that before they run).
// Microsoft.PowerShell.Core is a snap-in in pwsh, never listed.
func (rt *Runtime) autoload(c *Cmdlet) {
	if c.Module == "" || strings.EqualFold(c.Module, "Microsoft.PowerShell.Core") {
		return
	}
	if name, ok := rt.Module(c.Module); ok && !rt.IsImported(name) {
		rt.MarkImported(name)
	}
}

// mandatoryPrompter returns the binder's prompts for the missing mandatory
// parameters of the command name, the position-th of its pipeline, as
// pwsh's console host asks for them in one Prompt call
// (PromptForMissingMandatoryParameters, ConsoleHostUserInterface.Prompt):
// start writes a blank line, the caption "cmdlet <name> at command
// pipeline position <n>" (cmdlet for functions and scripts too:
// ParameterBinderStrings.PromptCaption), "Supply values for the following
// parameters:" and, when one of them has a help message, "(Type !? for
// Help.)"; prompt then asks for each. Ctrl+C at the prompt
// stops the pipeline (errStopped): nothing else is shown. An array
// parameter is asked for item by item, "Name[0]: ", "Name[1]: "…, until
// an empty line.
func (f *frame) mandatoryPrompter(name string, position int) (start func([]*binding.ParamInfo), prompt func(*binding.ParamInfo) (any, error)) {
	if position < 1 {
		position = 1
	}
	h := f.rt.host
	start = func(missing []*binding.ParamInfo) {
		h.WriteLine("")
		h.WriteLine(fmt.Sprintf("cmdlet %s at command pipeline position %d", name, position))
		h.WriteLine("Supply values for the following parameters:")
		for _, p := range missing {
			if helpMessage(p) != "" {
				h.WriteLine("(Type !? for Help.)")
				break
			}
		}
	}
	prompt = func(p *binding.ParamInfo) (any, error) {
		help := helpMessage(p)
		ask := func(label string) (string, error) {
			line, err := h.Prompt(label + ": ")
			if err == nil && line == "!?" && help != "" {
				h.WriteLine(help)
				line, err = h.Prompt(label + ": ")
			}
			if err != nil && (f.ctx.Err() != nil || errors.Is(err, context.Canceled)) {
				return "", errStopped
			}
			return line, err
		}
		if !strings.HasSuffix(p.Type, "[]") {
			line, err := ask(p.Name)
			if err != nil {
				return nil, err
			}
			return line, nil
		}
		// An array is asked for item by item (Name[0]: , Name[1]: …)
		// until an empty line.
		items := []any{}
		for i := 0; ; i++ {
			line, err := ask(fmt.Sprintf("%s[%d]", p.Name, i))
			if err != nil {
				return nil, err
			}
			if line == "" {
				return items, nil
			}
			items = append(items, line)
		}
	}
	return start, prompt
}

// helpMessage is a parameter's HelpMessage, "" for none.
func helpMessage(p *binding.ParamInfo) string {
	help := ""
	for _, s := range p.Sets {
		if s.HelpMessage != "" {
			help = s.HelpMessage
		}
	}
	return help
}
