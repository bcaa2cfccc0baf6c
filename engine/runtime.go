package engine

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// Runtime is one PowerShell session: its commands, its scopes, its host and
// its formatting views. It runs one pipeline at a time.
type Runtime struct {
	host    *Host
	Formats *format.Registry

	cmdlets map[string]*Cmdlet // lower-case name → cmdlet
	aliases map[string]string  // lower-case alias → command name
	modules map[string]string  // lower-case known module name → display name
	// binders are the cmdlets' prepared binders (cmdlet_binder.go).
	binders cmdletBinders
	// versioned are the modules with several versions (module_version.go).
	versioned map[string]VersionedModule
	// imported are the modules the session imported, by lower-case name.
	imported map[string]string
	// missingHints explain missing commands and parameters (missing_hint.go).
	missingHints []MissingHint
	// fullCmdlets give every version's declarations (module_version.go).
	fullCmdlets []func(name string) *Cmdlet
	// aliasNames keeps each alias's name as it was defined (New-Alias
	// ABCD foo: Get-Alias abcd shows ABCD).
	aliasNames map[string]string

	global *Scope

	mu         sync.Mutex
	errorList  []any // $Error, newest first
	lastStatus bool  // $?
	// errorWrites counts non-terminating errors written, so a pipeline
	// that wrote one leaves $? false.
	errorWrites int
	location    string
	// drives are the PowerShell drives (drives.go); nil until first used.
	drives []*Drive

	// psStyle is $PSStyle (psstyle.go); nil until first used.
	psStyle *value.Object
	// scriptModules are the script modules loaded, by lower-case name.
	scriptModules map[string]*Module

	// barriers run before anything leaves the session (barrier.go).
	barriers []func() error

	// history is the session's history (history.go); transcripts the
	// files Start-Transcript opened (transcript.go).
	history     *sessionHistory
	transcripts *transcripts

	// readLine holds the PSReadLine options (readline_options.go).
	readLine readLineState

	// Exit is set by an exit statement at the top level.
	exitRequested bool
	exitCode      int
}

// maxErrorCount is $MaximumErrorCount.
const maxErrorCount = 256

// New makes a runtime over host with the built-in language cmdlets only;
// the cmdlets package registers the rest.
func New(h *Host) *Runtime {
	rt := &Runtime{
		host:       h,
		Formats:    format.NewRegistry(),
		cmdlets:    map[string]*Cmdlet{},
		aliases:    map[string]string{},
		aliasNames: map[string]string{},
		modules:    map[string]string{},
		lastStatus: true,
	}
	rt.global = NewScope(nil, true)
	rt.Formats.Register(semanticVersionView)
	rt.initVariables()
	// Everything the host shows goes through the durability barrier.
	if h.Out != nil {
		h.Out = rt.DurableWriter(h.Out)
	}
	if h.Err != nil {
		h.Err = rt.DurableWriter(h.Err)
	}
	return rt
}

// Host returns the session's host.
func (rt *Runtime) Host() *Host { return rt.host }

// Global returns the global scope.
func (rt *Runtime) Global() *Scope { return rt.global }

// Register adds a cmdlet. A later registration of the same name replaces it.
func (rt *Runtime) Register(c *Cmdlet) {
	key := strings.ToLower(c.Name)
	if old, ok := rt.cmdlets[key]; ok && old != c {
		rt.binders.forget(old)
	}
	rt.cmdlets[key] = c
}

// Unregister removes a cmdlet; it reports whether it was registered.
func (rt *Runtime) Unregister(name string) bool {
	key := strings.ToLower(name)
	old, ok := rt.cmdlets[key]
	if ok {
		rt.binders.forget(old)
	}
	delete(rt.cmdlets, key)
	return ok
}

// SetAlias defines alias as another name for command.
func (rt *Runtime) SetAlias(alias, command string) {
	rt.aliases[strings.ToLower(alias)] = command
	rt.aliasNames[strings.ToLower(alias)] = alias
}

// RemoveAlias deletes an alias; it reports whether it existed.
func (rt *Runtime) RemoveAlias(alias string) bool {
	key := strings.ToLower(alias)
	_, ok := rt.aliases[key]
	delete(rt.aliases, key)
	delete(rt.aliasNames, key)
	return ok
}

// AddModule records a module name that Import-Module accepts silently.
func (rt *Runtime) AddModule(name string) {
	rt.modules[strings.ToLower(name)] = name
}

// Module returns the canonical name of a known module.
func (rt *Runtime) Module(name string) (string, bool) {
	n, ok := rt.modules[strings.ToLower(name)]
	return n, ok
}

// Modules lists the known module names, sorted.
func (rt *Runtime) Modules() []string {
	var out []string
	for _, n := range rt.modules {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Cmdlet returns a registered cmdlet by name.
func (rt *Runtime) Cmdlet(name string) (*Cmdlet, bool) {
	c, ok := rt.cmdlets[strings.ToLower(name)]
	return c, ok
}

// Cmdlets returns all registered cmdlets sorted by name.
func (rt *Runtime) Cmdlets() []*Cmdlet {
	out := make([]*Cmdlet, 0, len(rt.cmdlets))
	for _, c := range rt.cmdlets {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Aliases returns alias → command, sorted by alias; each alias is named
// as it was defined.
func (rt *Runtime) Aliases() [][2]string {
	out := make([][2]string, 0, len(rt.aliases))
	for a, c := range rt.aliases {
		name := a
		if n, ok := rt.aliasNames[a]; ok {
			name = n
		}
		out = append(out, [2]string{name, c})
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i][0]) < strings.ToLower(out[j][0]) })
	return out
}

// ResolveAlias returns the command an alias names.
func (rt *Runtime) ResolveAlias(name string) (string, bool) {
	c, ok := rt.aliases[strings.ToLower(name)]
	return c, ok
}

// Functions returns the functions visible at the global scope.
func (rt *Runtime) Functions() []*Function { return rt.global.Functions() }

// Errors returns $Error, newest first.
func (rt *Runtime) Errors() []any {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return append([]any(nil), rt.errorList...)
}

// recordError adds rec at the head of $Error.
func (rt *Runtime) recordError(rec *ErrorRecord) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.errorList = append([]any{rec}, rt.errorList...)
	if len(rt.errorList) > maxErrorCount {
		rt.errorList = rt.errorList[:maxErrorCount]
	}
}

// ClearErrors empties $Error ($Error.Clear()).
func (rt *Runtime) ClearErrors() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.errorList = nil
}

// Location returns the current location (Get-Location).
func (rt *Runtime) Location() string { return rt.location }

// SetLocation changes the current location (Set-Location has checked it).
func (rt *Runtime) SetLocation(path string) { rt.location = path }

// ExitRequested reports whether an exit statement ran and its code.
func (rt *Runtime) ExitRequested() (bool, int) { return rt.exitRequested, rt.exitCode }

// LastStatus returns $?.
func (rt *Runtime) LastStatus() bool { return rt.lastStatus }

// GetVariable reads a variable as seen from the global scope.
func (rt *Runtime) GetVariable(name string) (any, bool) {
	v := rt.global.Lookup(name)
	if v == nil {
		return nil, false
	}
	return v.Value, true
}

// SetVariable sets a global variable.
func (rt *Runtime) SetVariable(name string, v any) { rt.global.SetLocal(name, v) }

// newFrame makes the top-level execution frame for ctx.
func (rt *Runtime) newFrame(ctx context.Context) *frame {
	return &frame{rt: rt, scope: rt.global, ctx: ctx}
}

// mustType looks up a type the engine relies on.
func mustType(name string) *value.Type {
	t, ok := value.LookupType(name)
	if !ok {
		panic("engine: unknown built-in type " + name)
	}
	return t
}

// LookupCommand resolves a command name as the engine would invoke it
// (alias, function, cmdlet, script path) and describes it.
func (rt *Runtime) LookupCommand(name string) (*CommandInfo, bool) {
	return rt.LookupCommandIn(rt.global, name)
}

// LookupCommandIn resolves a command name as code running in scope sc
// would, so functions of enclosing scopes are found.
func (rt *Runtime) LookupCommandIn(sc *Scope, name string) (*CommandInfo, bool) {
	f := rt.newFrame(context.Background())
	f.scope = sc
	if target, ok := rt.aliases[strings.ToLower(name)]; ok {
		if n, ok := rt.aliasNames[strings.ToLower(name)]; ok {
			name = n
		}
		info := &CommandInfo{Name: name, Kind: KindAlias, Definition: target}
		if r, ok := f.resolveCommand(name); ok {
			info.resolved = r
			info.Cmdlet = r.cmdlet
			info.Function = r.fn
		}
		return info, true
	}
	r, ok := f.resolveCommand(name)
	if !ok {
		return nil, false
	}
	return commandInfoOf(r), true
}

// commandInfoOf describes a resolved command.
func commandInfoOf(r *resolved) *CommandInfo {
	info := &CommandInfo{Name: r.name, resolved: r, Cmdlet: r.cmdlet, Function: r.fn}
	switch {
	case r.cmdlet != nil:
		info.Kind = KindCmdlet
		info.Module = r.cmdlet.Module
		info.Definition = r.cmdlet.Name
	case r.fn != nil:
		info.Kind = KindFunction
		info.Module = r.fn.Block.moduleName()
		info.Definition = r.fn.Block.ScriptText()
	case r.script != "":
		info.Kind = KindScript
		info.Definition = r.script
	}
	return info
}

// CommandInfoFor describes a cmdlet.
func CommandInfoFor(c *Cmdlet) *CommandInfo {
	return commandInfoOf(&resolved{cmdlet: c, name: c.Name})
}

// FunctionInfoFor describes a function.
func FunctionInfoFor(fn *Function) *CommandInfo {
	return commandInfoOf(&resolved{fn: fn, block: fn.Block, name: fn.Name})
}

// ScriptInfoFor describes a script file.
func ScriptInfoFor(path string) *CommandInfo {
	return commandInfoOf(&resolved{script: path, name: path})
}

// Meta returns the binder metadata of a command (cmdlet, function or
// script), which Get-Help, Get-Command and completion read.
func (ci *CommandInfo) Meta() *binding.Meta {
	switch {
	case ci.Cmdlet != nil:
		return ci.Cmdlet.meta()
	case ci.Function != nil:
		return ci.Function.Meta()
	}
	return nil
}

// ScriptMeta loads a script file and returns its parameters and help.
func (rt *Runtime) ScriptMeta(path string) (*binding.Meta, string, error) {
	sb, err := rt.loadScript(rt.ResolvePath(path))
	if err != nil {
		return nil, "", err
	}
	return sb.Meta(path), sb.Ast.HelpText, nil
}
