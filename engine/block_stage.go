package engine

import (
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// blockStage runs a function, a script block or a script file in a
// pipeline: begin, process per input object, end, in a new scope (or the
// caller's when dot-sourced).
type blockStage struct {
	f              *frame // the caller
	sb             *ScriptBlock
	name           string
	dot            bool
	isScript       bool
	top            bool // the script of csshell -File: its exit ends the session
	isFilter       bool
	args           []binding.Arg
	out            func(any) error
	node           *syntax.Command
	closer         func() error
	expectingInput bool
	// position is the command's place in its pipeline (0: a block run
	// outside one, the first).
	position int

	bind  *binding.Binding
	inner *frame
	own   *capture // the function's -ErrorVariable and friends
	ran   bool     // a begin, process or end block ran: clean will
	input []any
	meta  *binding.Meta
}

// bindArgs binds the command line and prepares the block's frame.
func (s *blockStage) bindArgs(node *syntax.Command) error {
	s.meta = s.sb.Meta(s.name)
	s.sb.installValidateScripts(s.f)
	opt := binding.Options{ExpectingInput: s.expectingInput}
	if s.f.rt.host.Interactive {
		opt.PromptStart, opt.Prompt = s.f.mandatoryPrompter(s.promptName(), s.position)
	}
	b, err := binding.Bind(s.meta, argValues(s.args), opt)
	if err == errStopped {
		s.f.rt.lastStatus = false
		return err
	}
	if err != nil {
		if node != nil {
			return s.f.bindError(s.displayName(), node, err)
		}
		rec := s.f.bindError(s.displayName(), nil, err).(*ErrorRecord)
		rec.HasPosition = false
		return rec
	}
	s.bind = b
	sc := s.f.scope
	if !s.dot {
		parent := s.f.scope
		if s.sb.closure != nil {
			parent = s.sb.closure
		}
		sc = NewScope(parent, s.isScript)
	}
	inner := s.f.child(sc)
	inner.io = s.f.io.withOut(s.out)
	if s.meta.CmdletBinding {
		io, own, err := s.f.streamVars(b.Params, inner.io)
		if err != nil {
			return err
		}
		inner.io, s.own = io, own
	}
	inner.source = sourceOfBlock(s.sb, s.f.source)
	if s.isScript {
		inner.script = s.sb.file
	} else if s.sb.file != nil {
		inner.script = s.sb.file
	}
	if inner.depth > maxDepth {
		return s.f.errAt(node, "System.Management.Automation.ScriptCallDepthException", "CallDepthOverflow", "The script failed due to call depth overflow.")
	}
	s.inner = inner
	return s.setParams(b.Params, b.Unbound)
}

// displayName is the name errors show for the command (a script's file
// name, not its path).
func (s *blockStage) displayName() string {
	if s.isScript {
		return filepath.Base(s.name)
	}
	if s.name != "" {
		return s.name
	}
	return "ScriptBlock"
}

// promptName is the command's name in the mandatory prompt's caption
// ($MyInvocation.MyCommand.Name): a function's name, a script's file
// name, nothing for a script block.
func (s *blockStage) promptName() string {
	if s.isScript {
		return filepath.Base(s.name)
	}
	return s.name
}

// setParams sets the parameter variables, defaults, $args,
// $PSBoundParameters and the preference variables of common parameters.
func (s *blockStage) setParams(params map[string]any, unbound []any) error {
	sc := s.inner.scope
	bound := value.NewHashtable()
	for _, p := range s.meta.Params {
		if v, ok := params[p.Name]; ok {
			bound.Set(p.Name, v)
			s.setParamVar(p, v)
			continue
		}
		if sc.Local(p.Name) != nil && s.dot {
			continue
		}
		var def any
		if decl := s.paramDecl(p.Name); decl != nil && decl.Default != nil {
			v, err := s.inner.evalValue(decl.Default)
			if err != nil {
				return err
			}
			def = v
		} else if p.IsSwitch() {
			def = false
		}
		s.setParamVar(p, def)
	}
	for k, v := range params {
		if s.meta.CmdletBinding && !bound.Has(k) && isCommonParam(k) {
			bound.Set(k, v)
		}
	}
	if unbound == nil {
		unbound = []any{}
	}
	sc.SetLocal("args", unbound)
	sc.SetLocal("PSBoundParameters", bound)
	if s.meta.CmdletBinding {
		sc.SetLocal("PSCmdlet", &psCmdlet{s: s})
	}
	prefs := callPrefs(s.f.scope, params)
	if _, ok := params["ErrorAction"]; ok {
		sc.SetLocal("ErrorActionPreference", prefs.errorAction)
	}
	if _, ok := params["WarningAction"]; ok {
		sc.SetLocal("WarningPreference", prefs.warning)
	}
	if _, ok := params["Verbose"]; ok {
		sc.SetLocal("VerbosePreference", prefs.verbose)
	}
	if _, ok := params["Debug"]; ok {
		sc.SetLocal("DebugPreference", prefs.debug)
	}
	if _, ok := params["WhatIf"]; ok {
		sc.SetLocal("WhatIfPreference", prefs.whatIf)
	}
	if _, ok := params["Confirm"]; ok {
		level := "None"
		if prefs.confirm {
			level = "Low"
		}
		sc.SetLocal("ConfirmPreference", level)
	}
	s.setInvocation(bound, unbound)
	return nil
}

// setParamVar sets one parameter variable with its type constraint.
func (s *blockStage) setParamVar(p *binding.ParamInfo, v any) {
	if p.IsSwitch() {
		if b, ok := v.(bool); ok {
			v = value.SwitchParameter(b)
		}
	}
	vr := s.inner.scope.SetLocal(p.Name, v)
	if t, ok := value.LookupType(p.Type); ok && !strings.EqualFold(p.Type, "Object") {
		vr.Constraint = t
	}
}

// paramDecl finds a parameter's declaration for its default value.
func (s *blockStage) paramDecl(name string) *syntax.Parameter {
	a := s.sb.Ast
	if a.Params != nil {
		for _, p := range a.Params.Params {
			if strings.EqualFold(p.Name, name) {
				return p
			}
		}
	}
	return s.sb.declaredParam(name)
}

// setInvocation sets $MyInvocation.
func (s *blockStage) setInvocation(bound *value.Hashtable, unbound []any) {
	inv := value.NewObject("System.Management.Automation.InvocationInfo")
	cmd := value.NewObject("System.Management.Automation.CommandInfo")
	name := s.name
	kind := "Function"
	if s.isScript {
		kind = "ExternalScript"
		name = filepath.Base(name)
		if s.sb.file != nil {
			cmd.Set("Path", s.sb.file.Path)
			cmd.Set("Source", s.sb.file.Path)
		}
	} else if name == "" {
		kind = "Script"
	}
	cmd.Set("Name", name)
	cmd.Set("CommandType", kind)
	cmd.Set("Definition", s.sb.ScriptText())
	if kind == "Function" {
		// A function's CommandInfo names the script module that defined it
		// (Source is the module name, as for Get-Command's).
		mod := s.sb.moduleName()
		cmd.Set("ModuleName", mod)
		cmd.Set("Source", mod)
	}
	// CommandInfo.ToString() is the command's name: "$($MyInvocation.MyCommand)".
	cmd.Stringer = func(*value.Object) string { return name }
	inv.Set("MyCommand", cmd)
	inv.Set("InvocationName", name)
	inv.Set("BoundParameters", bound)
	inv.Set("UnboundArguments", unbound)
	inv.Set("PSScriptRoot", scriptDir(s.inner.script))
	inv.Set("PSCommandPath", scriptPath(s.inner.script))
	inv.Set("ScriptName", scriptPath(s.inner.script))
	if s.node != nil {
		inv.Set("Line", s.f.lineOf(s.node))
		inv.Set("Statement", s.f.statementOf(s.node))
	}
	s.inner.scope.SetLocal("MyInvocation", inv)
}

func scriptDir(si *scriptInfo) string {
	if si == nil {
		return ""
	}
	return si.Dir
}

func scriptPath(si *scriptInfo) string {
	if si == nil {
		return ""
	}
	return si.Path
}

// lineOf returns the source line of a node.
func (f *frame) lineOf(n syntax.Node) string {
	if f.source == nil {
		return ""
	}
	line, _ := syntax.LineAt(f.source.Text, n.Ext().Start)
	return line
}

// isCommonParam reports whether name is a common parameter.
func isCommonParam(name string) bool {
	switch name {
	case "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
		"ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
		"WhatIf", "Confirm":
		return true
	}
	return false
}

// takesInput reports whether a parameter of the block takes pipeline
// input (by value or by property name).
func (s *blockStage) takesInput() bool {
	for _, p := range s.meta.Params {
		for _, set := range p.Sets {
			if set.FromPipeline || set.FromPipelineByName {
				return true
			}
		}
	}
	return false
}

// usesProcess reports whether the block handles input per object.
func (s *blockStage) usesProcess() bool {
	return s.sb.Ast.Named && s.sb.Ast.Process != nil || s.isFilter
}

// inputVar is $input over items: an enumerator in a script block or a
// simple function, the list itself in an advanced function.
func (s *blockStage) inputVar(items []any) any {
	if s.meta != nil && s.meta.CmdletBinding {
		return items
	}
	return newInputEnumerator(items)
}

func (s *blockStage) begin() error {
	if s.sb.Ast.Named {
		if s.sb.Ast.Begin != nil {
			s.inner.scope.SetLocal("input", s.inputVar([]any{}))
		}
		return s.runBlock(s.sb.Ast.Begin)
	}
	return nil
}

func (s *blockStage) process(item any, hasInput bool) error {
	if hasInput && s.takesInput() {
		// Pipeline parameters bind per object even without a process
		// block: the end block then sees the last object's values.
		params, _, err := s.bind.BindInput(item)
		if err == nil {
			for _, p := range s.meta.Params {
				if v, ok := params[p.Name]; ok {
					if _, cmdline := s.bind.Params[p.Name]; !cmdline {
						s.setParamVar(p, v)
					}
				}
			}
		}
	}
	if !s.usesProcess() {
		if hasInput {
			s.input = append(s.input, item)
		}
		return nil
	}
	sc := s.inner.scope
	if hasInput {
		sc.SetLocal("_", item)
		sc.SetLocal("PSItem", item)
		if s.sb.Ast.Named {
			// In a process block, $input enumerates the current object.
			sc.SetLocal("input", s.inputVar([]any{item}))
		}
	} else if s.sb.Ast.Named {
		sc.SetLocal("input", s.inputVar([]any{}))
	}
	body := s.sb.Ast.Process
	if !s.sb.Ast.Named {
		body = s.sb.Ast.End
	}
	return s.runBlock(body)
}

func (s *blockStage) end() error {
	var err error
	if !s.usesProcess() {
		in := s.input
		if in == nil {
			in = []any{}
		}
		s.inner.scope.SetLocal("input", s.inputVar(in))
		err = s.runBlock(s.sb.Ast.End)
	} else if s.sb.Ast.Named {
		s.inner.scope.SetLocal("input", s.inputVar([]any{}))
		err = s.runBlock(s.sb.Ast.End)
	}
	if s.closer != nil && s.sb.Ast.Clean == nil {
		// (With a clean block, the redirections stay for it.)
		if cerr := s.closer(); err == nil {
			err = cerr
		}
	}
	return err
}

// runBlock runs one of the block's bodies, ending on return; a script file
// also ends on exit, which sets $LASTEXITCODE.
func (s *blockStage) runBlock(b *syntax.StatementBlock) error {
	if b == nil {
		return nil
	}
	s.ran = true
	err := s.inner.execBlock(b)
	switch e := err.(type) {
	case *returnSignal:
		return nil
	case *exitSignal:
		// exit ends the script that runs it; only the script csshell was
		// started with (-File) ends the session.
		if s.isScript && !s.top {
			s.f.rt.global.SetLocal("LASTEXITCODE", int32(e.code))
			if e.code != 0 {
				// A script that exits non-zero failed: $? is False.
				s.f.rt.errorWrites++
			}
			return nil
		}
	}
	if rec, ok := err.(*ErrorRecord); ok && s.own != nil && s.own.errs != nil && !s.own.hasError(rec) {
		// A terminating error leaving the function is in its -ErrorVariable too.
		s.own.errs.Items = append(s.own.errs.Items, rec)
	}
	return err
}

// clean runs the clean block once the pipeline is over, if another of the
// command's blocks ran. What it writes to the success stream is
// discarded; its other streams go where the command's go.
func (s *blockStage) clean() {
	b := s.sb.Ast.Clean
	if b == nil {
		return
	}
	if s.closer != nil {
		defer s.closer()
	}
	if !s.ran || s.inner == nil {
		return
	}
	s.ran = false
	g := *s.inner
	g.io = s.inner.io.withOut(func(any) error { return nil })
	if err := g.execBlock(b); err != nil && !isFlow(err) {
		// A terminating error ends the clean block only: it goes to the
		// error stream instead of up the pipeline.
		rec := AsRecord(err)
		rec.scriptTerminating = false
		s.f.rt.recordError(rec)
		if route := s.inner.io.routes[streamError]; route != nil {
			_ = route(rec)
		} else {
			s.f.rt.ShowError(rec)
		}
	}
}

// declaredParam finds a parameter written after a function's name.
func (sb *ScriptBlock) declaredParam(name string) *syntax.Parameter {
	for _, p := range sb.extraParams {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// scriptInfoFor describes a script file path.
func scriptInfoFor(path string) *scriptInfo {
	return &scriptInfo{Path: path, Dir: filepath.Dir(path)}
}
