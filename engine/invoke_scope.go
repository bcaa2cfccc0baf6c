package engine

import "maps"

// Test frameworks (Pester's Describe/It) run the blocks of a test file in
// scopes they arrange themselves: a block's BeforeAll in the block's scope,
// each test in a child of it. These are the few hooks they need.

// InvokeBlockInScope runs sb dot-sourced in the scope sc (made with
// NewScope, usually below c.Scope()), so the variables and functions it
// defines stay in sc, writing its output to emit. It runs as inside a
// try block: any terminating error, statement-terminating ones included,
// ends the block and is returned (as Pester's try around a test body
// makes it). A block loaded from a script file sees that file as its
// script ($PSScriptRoot, $PSCommandPath of the commands it calls).
func (c *Call) InvokeBlockInScope(sc *Scope, sb *ScriptBlock, input any, emit func(any) error) error {
	f := c.frame
	if f == nil {
		f = c.rt.newFrame(c.ctx)
		f.io = &stageIO{out: emit}
	}
	inner := f.child(sc)
	inner.io = f.io.withOut(emit)
	inner.inTry++
	if sb.file != nil {
		inner.script = sb.file
	}
	return inner.dotBlockIO(sb, input, nil, inner.io)
}

// LoadScriptFile reads and parses the script file at path (already
// resolved) into a block that knows its file; a parse error is returned
// as the syntax.ErrorList the parser gives.
func (rt *Runtime) LoadScriptFile(path string) (*ScriptBlock, error) { return rt.loadScript(path) }

// DefineProxy defines in scope s a function named name that runs the Go
// cmdlet c instead of script code: arguments bind with c's parameters and
// c's processor runs. Code in s and the scopes below it (the functions and
// scripts it calls, by PowerShell's dynamic scoping) finds it before a
// cmdlet or an outer function of that name, as a function defined there
// would be found. Pester's Mock defines its mocks this way. body is what
// Get-Command and function: show as its definition.
func (s *Scope) DefineProxy(name string, c *Cmdlet, body *ScriptBlock) *Function {
	fn := &Function{Name: name, Block: body, proxy: c}
	s.defineFunc(fn)
	return fn
}

// Proxy returns the cmdlet a function defined by DefineProxy runs, nil for
// a script function.
func (fn *Function) Proxy() *Cmdlet { return fn.proxy }

// BoundParameters returns a copy of the parameters bound in this call, by
// canonical name, as $PSBoundParameters holds them in a function (common
// parameters included; for the current pipeline object during Process).
// Proxies (DefineProxy) that forward a call read them this way.
func (c *Call) BoundParameters() map[string]any { return maps.Clone(c.bound) }

// Exit returns the error a cmdlet returns to end the script as `exit code`
// does (Invoke-Pester -CI ends the run with the failed count this way).
func Exit(code int) error { return &exitSignal{code: code} }

// IsExit reports whether err is an exit statement's signal, and its code.
func IsExit(err error) (int, bool) {
	e, ok := err.(*exitSignal)
	if !ok {
		return 0, false
	}
	return e.code, true
}

// NewScriptBlock parses text into a script block, as
// [scriptblock]::Create does; name names the source in messages.
func NewScriptBlock(name, text string) (*ScriptBlock, error) {
	ast, err := Parse(name, text)
	if err != nil {
		return nil, err
	}
	return newScriptBlock(ast, nil), nil
}

// Isolated runs fn so that the non-terminating errors the code it runs
// writes (still shown, still in $Error) and the non-zero exits of the
// scripts it calls do not make this command's $? False: only the
// command's own errors do. Invoke-Pester runs test files this way, as
// Pester's try blocks keep a test's errors from failing Invoke-Pester.
func (c *Call) Isolated(fn func() error) error {
	snap := c.rt.errorWrites
	err := fn()
	c.rt.errorWrites = snap
	return err
}

// Scope returns the module's own script scope: a function defined there
// is found by the module's functions before any outside it (Pester's
// Mock -ModuleName defines its mocks there).
func (m *Module) Scope() *Scope { return m.scope }
