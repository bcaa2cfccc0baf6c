package engine

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// notRecognized is pwsh's CommandNotFoundException message.
func notRecognized(name string) string {
	return "The term '" + name + "' is not recognized as a name of a cmdlet, function, script file, or executable program.\n" +
		"Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
}

// commandNotFound is pwsh's error for a name that resolves to nothing.
func (f *frame) commandNotFound(at syntax.Node, name string) *ErrorRecord {
	f.hintMissing(name, "")
	rec := f.errAt(at, "System.Management.Automation.CommandNotFoundException", "CommandNotFoundException", notRecognized(name))
	rec.CommandName = name
	rec.Category = "ObjectNotFound"
	rec.TargetObject = name
	return rec
}

// resolved is what a command name resolves to.
type resolved struct {
	cmdlet *Cmdlet
	fn     *Function
	block  *ScriptBlock
	script string // path of a .ps1 file
	name   string
}

// resolveCommand finds a command by name: alias, function, cmdlet, then a
// script file path.
func (f *frame) resolveCommand(name string) (*resolved, bool) {
	// Module-qualified: MicrosoftTeams\Set-CsOnlineDialInConferencingUser.
	if mod, rest, ok := strings.Cut(name, `\`); ok && !strings.ContainsAny(rest, `\/`) {
		if _, known := f.rt.Module(mod); known {
			if c, ok := f.rt.cmdlets[strings.ToLower(rest)]; ok && (c.Module == "" || moduleMatches(c.Module, mod)) {
				return &resolved{cmdlet: c, name: c.Name}, true
			}
		}
	}
	seen := 0
	for {
		target, ok := f.rt.aliases[strings.ToLower(name)]
		if !ok || seen > 10 {
			break
		}
		name = target
		seen++
	}
	if fn := f.scope.lookupFunc(name); fn != nil {
		if fn.proxy != nil {
			return &resolved{cmdlet: fn.proxy, fn: fn, name: fn.Name}, true
		}
		return &resolved{fn: fn, block: fn.Block, name: fn.Name}, true
	}
	if c, ok := f.rt.cmdlets[strings.ToLower(name)]; ok {
		return &resolved{cmdlet: c, name: c.Name}, true
	}
	if looksLikePath(name) {
		p := f.rt.ResolvePath(name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() && strings.EqualFold(filepath.Ext(p), ".ps1") {
			return &resolved{script: p, name: filepath.Base(p)}, true
		}
	}
	return nil, false
}

// moduleMatches reports whether a cmdlet's module answers to the module
// name a command was qualified with. The Teams cmdlets are also known by
// their older modules' names (SkypeOnlineConnector, LyncOnlineConnector).
func moduleMatches(cmdletModule, qualifier string) bool {
	if strings.EqualFold(cmdletModule, qualifier) {
		return true
	}
	teams := func(m string) bool {
		switch strings.ToLower(m) {
		case "microsoftteams", "skypeonlineconnector", "lynconlineconnector":
			return true
		}
		return false
	}
	return teams(cmdletModule) && teams(qualifier)
}

// looksLikePath reports whether a command name is a path to a script.
func looksLikePath(name string) bool {
	return strings.ContainsAny(name, `/\`) || strings.HasSuffix(strings.ToLower(name), ".ps1")
}

// ResolvePath turns a PowerShell path (relative to the current location,
// with \ or / separators, ~ for home) into an absolute file-system path.
//
// A file-system drive (Temp:/x) or provider-qualified path (FileSystem::/x)
// gives its directory; any other path is taken as a file-system path. Use
// ResolveItemPath to tell other providers and missing drives.
func (rt *Runtime) ResolvePath(p string) string {
	if ip, err := rt.ResolveItemPath(p); err == nil && ip.IsFileSystem() {
		return ip.Path
	}
	return rt.fsPath(p)
}

// commandStage builds the stage for a command invocation at position of
// its pipeline.
func (f *frame) commandStage(c *syntax.Command, out func(any) error, expectingInput bool, position int) (stage, error) {
	if len(c.Elements) == 0 {
		return nil, f.errAt(c, "System.Management.Automation.RuntimeException", "EmptyPipeElement", "An empty pipe element is not allowed.")
	}
	io, closer, err := f.redirect(c.Redirections, out)
	if err != nil {
		return nil, err
	}
	cf := f.withIO(io)
	nameEl := c.Elements[0]
	var target *resolved
	dot := c.InvocationOp == "."
	switch n := nameEl.(type) {
	case *syntax.StringConstant:
		r, ok := cf.resolveCommand(n.Value)
		if !ok {
			return nil, cf.commandNotFound(nameEl, n.Value)
		}
		target = r
	default:
		v, err := cf.evalValue(nameEl.(syntax.Expression))
		if err != nil {
			return nil, err
		}
		switch t := v.(type) {
		case *ScriptBlock:
			target = &resolved{block: t, name: ""}
		case *CommandInfo:
			target = t.resolved
		default:
			if o, ok := t.(*value.Object); ok {
				if ci, ok := o.Base.(*CommandInfo); ok && ci.resolved != nil {
					target = ci.resolved
					break
				}
			}
			name := value.ToString(v)
			r, ok := cf.resolveCommand(name)
			if !ok {
				return nil, cf.commandNotFound(nameEl, name)
			}
			target = r
		}
	}
	args, err := cf.evalArgs(c.Elements[1:])
	if err != nil {
		return nil, err
	}
	if helpRequested(args) {
		if st, ok := cf.helpStage(target, c, out, closer); ok {
			return st, nil
		}
	}
	if target.cmdlet != nil {
		return cf.newCmdletStageAt(target.cmdlet, c, args, out, expectingInput, closer, position)
	}
	st := &blockStage{f: cf, name: target.name, dot: dot, args: args, out: io.out, node: c, closer: closer, expectingInput: expectingInput, position: position}
	if target.script != "" {
		sb, err := f.rt.loadScript(target.script)
		if err != nil {
			return nil, err
		}
		if err := f.rt.checkRequires(sb); err != nil {
			rec := AsRecord(err)
			rec.CommandName = filepath.Base(target.script)
			f.locate(rec, c)
			return nil, rec
		}
		st.sb = sb
		st.isScript = true
	} else {
		st.sb = target.block
		if target.fn != nil {
			st.isFilter = target.fn.IsFilter
		}
	}
	if err := st.bindArgs(c); err != nil {
		return nil, err
	}
	return st, nil
}

// evalArgs evaluates a command's arguments, expanding splatted variables.
func (f *frame) evalArgs(elems []syntax.CommandElement) ([]binding.Arg, error) {
	args := make([]binding.Arg, 0, len(elems))
	for _, el := range elems {
		switch e := el.(type) {
		case *syntax.CommandParameter:
			a := binding.Arg{Name: e.Name, IsParam: true, Text: "-" + e.Name, Colon: e.Colon, Extent: argExtent(e)}
			if e.Argument != nil {
				v, err := f.argValue(e.Argument)
				if err != nil {
					return nil, err
				}
				a.Value, a.HasValue, a.ValueExtent = v, true, argExtent(e.Argument)
			}
			args = append(args, a)
		case *syntax.VariableExpr:
			if e.Splatted {
				v, err := f.getVar(&syntax.VariableExpr{Extent: e.Extent, Name: e.Name})
				if err != nil {
					return nil, err
				}
				args = append(args, splat(v)...)
				continue
			}
			v, err := f.getVar(e)
			if err != nil {
				return nil, err
			}
			args = append(args, binding.Arg{Value: v, HasValue: true, Text: f.text(e), Extent: argExtent(e)})
		case syntax.Expression:
			v, err := f.argValue(e)
			if err != nil {
				return nil, err
			}
			args = append(args, binding.Arg{Value: v, HasValue: true, Text: f.text(e), Extent: argExtent(e)})
		}
	}
	return args, nil
}

// argExtent is where an argument is written, for the binder's errors.
func argExtent(n syntax.Node) binding.Extent {
	e := n.Ext()
	return binding.Extent{Start: e.Start, End: e.End}
}

// argValue evaluates a command argument; a numeric literal keeps the text
// it was written with, for [string] parameters (pwsh binds `007` to a
// string parameter as "007").
func (f *frame) argValue(e syntax.Expression) (any, error) {
	v, err := f.evalValue(e)
	if err != nil {
		return nil, err
	}
	if _, ok := e.(*syntax.NumberExpr); ok {
		return binding.NumberLiteral{Value: v, Text: f.text(e)}, nil
	}
	return v, nil
}

// splat expands @var: a hashtable into named arguments, an array into
// positional ones.
func splat(v any) []binding.Arg {
	switch t := v.(type) {
	case *value.Hashtable:
		out := make([]binding.Arg, 0, t.Len())
		for i, k := range t.Keys() {
			name := value.ToString(k)
			out = append(out, binding.Arg{Name: name, IsParam: true, Value: t.Values()[i], HasValue: true, Colon: true, Text: "-" + name, Splatted: true})
		}
		return out
	case nil:
		return nil
	}
	if items, ok := value.Enumerate(v); ok {
		out := make([]binding.Arg, 0, len(items))
		for _, it := range items {
			out = append(out, binding.Arg{Value: it, HasValue: true, Text: value.ToString(it), Splatted: true})
		}
		return out
	}
	return []binding.Arg{{Value: v, HasValue: true, Text: value.ToString(v), Splatted: true}}
}

// text returns the source text of a node.
func (f *frame) text(n syntax.Node) string {
	if f.source == nil {
		return ""
	}
	e := n.Ext()
	if e.Start < 0 || e.End > len(f.source.Text) || e.Start > e.End {
		return ""
	}
	return f.source.Text[e.Start:e.End]
}

// CommandInfo is what Get-Command returns: a command as a value, which & can
// invoke.
type CommandInfo struct {
	Name       string
	Kind       CommandKind
	Definition string
	Module     string
	Cmdlet     *Cmdlet
	Function   *Function
	resolved   *resolved
}
