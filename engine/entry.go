package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// Result is how a top-level run ended.
type Result struct {
	// Exited is true when an exit statement ran; Code is its code.
	Exited bool
	Code   int
	// Err is the uncaught terminating error that stopped the run, if any
	// (already shown on the host).
	Err error
	// Failed is true when the last statement reported an error ($? false).
	Failed bool
}

// Parse parses text as a script named name.
func Parse(name, text string) (*syntax.ScriptBlock, error) {
	return syntax.Parse(&syntax.Source{Name: name, Text: text})
}

// Execute parses and runs text at the global scope, as typed at the prompt
// or given with -Command; its output goes through Out-Default to the host.
// Parse errors are shown and returned in Result.Err.
func (rt *Runtime) Execute(ctx context.Context, name, text string) Result {
	ast, err := Parse(name, text)
	if err != nil {
		rt.showParseErrors(err)
		rt.lastStatus = false
		return Result{Err: err, Failed: true}
	}
	return rt.runTop(ctx, newScriptBlock(ast, nil), nil, rt.global, nil)
}

// RunFile runs a script file as pwsh -File does, with its arguments bound
// to the script's parameters (strings, "-Name" for parameter names,
// "-Name:value" forms accepted).
func (rt *Runtime) RunFile(ctx context.Context, path string, args []string) Result {
	full := rt.ResolvePath(path)
	sb, err := rt.loadScript(full)
	if err != nil {
		if errors.As(err, new(syntax.ErrorList)) {
			rt.showParseErrors(err)
		} else {
			rt.ShowError(AsRecord(err))
		}
		return Result{Err: err, Failed: true, Code: 1}
	}
	bargs := fileArgs(args)
	sc := NewScope(rt.global, true)
	return rt.runTop(ctx, sb, bargs, sc, sb.file)
}

// fileArgs turns -File command-line words into binder arguments.
func fileArgs(args []string) []binding.Arg {
	out := make([]binding.Arg, 0, len(args))
	for _, a := range args {
		if len(a) > 1 && (a[0] == '-' || strings.HasPrefix(a, "–") || strings.HasPrefix(a, "—")) && !isNumber(a) {
			name := strings.TrimLeft(a, "-–—")
			if n, v, ok := strings.Cut(name, ":"); ok {
				var val any = v
				switch strings.ToLower(v) {
				case "$true":
					val = true
				case "$false":
					val = false
				}
				out = append(out, binding.Arg{Name: n, IsParam: true, Value: val, HasValue: true, Colon: true, Text: a})
				continue
			}
			out = append(out, binding.Arg{Name: name, IsParam: true, Text: a})
			continue
		}
		out = append(out, binding.Arg{Value: a, HasValue: true, Text: a})
	}
	return out
}

// isNumber reports whether s is a numeric literal such as -5.
func isNumber(s string) bool {
	_, ok := value.ParseNumber(s)
	return ok
}

// runTop runs a block as a top-level invocation with output to the host.
func (rt *Runtime) runTop(ctx context.Context, sb *ScriptBlock, args []binding.Arg, sc *Scope, file *scriptInfo) Result {
	w := format.NewWriter(rt.Formats, hostOut{rt}, format.Options{Width: rt.host.ConsoleWidth(), Style: rt.OutputStyle(true)})
	out := func(v any) error { return w.Write(rt.displayValue(v)) }
	f := &frame{rt: rt, scope: sc, ctx: ctx, io: &stageIO{out: out}, source: sb.Ast.Source, script: file}
	var res Result
	err := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = &ErrorRecord{Message: fmt.Sprintf("csshell internal error: %v", r), ExceptionType: "System.InvalidOperationException",
					ErrorID: "InternalError", Category: "NotSpecified"}
			}
		}()
		if file != nil {
			if err := rt.checkRequires(sb); err != nil {
				rec := AsRecord(err)
				rec.CommandName = baseName(sb)
				return rec
			}
			st := &blockStage{f: f, sb: sb, name: file.Path, dot: true, isScript: true, top: true, args: args, out: out}
			if err := st.bindArgs(nil); err != nil {
				return err
			}
			return runStandalone(st)
		}
		return f.execTopBlock(sb.Ast)
	}()
	if cerr := w.Close(); cerr != nil && err == nil {
		err = cerr
	}
	// Returning acknowledges the command: its changes must be durable.
	if berr := rt.Barrier(); berr != nil && err == nil {
		err = berr
	}
	switch e := err.(type) {
	case nil:
		res.Failed = !rt.lastStatus
	case *exitSignal:
		res.Exited, res.Code = true, e.code
		rt.exitRequested, rt.exitCode = true, e.code
		rt.global.SetLocal("LASTEXITCODE", int32(e.code))
	case *breakSignal, *continueSignal, *returnSignal:
		res.Failed = !rt.lastStatus
	default:
		if err == errStopped {
			res.Err = err
			res.Failed = true
			break
		}
		if _, ok := err.(*stopUpstream); ok {
			break
		}
		rec := AsRecord(err)
		rt.recordError(rec)
		rt.ShowError(rec)
		rt.lastStatus = false
		res.Err, res.Failed = rec, true
		if file != nil {
			res.Code = 1
		}
	}
	return res
}

// execTopBlock runs a parsed script's blocks at the current scope.
func (f *frame) execTopBlock(a *syntax.ScriptBlock) error {
	if a.Named {
		for _, b := range []*syntax.StatementBlock{a.Begin, a.Process, a.End} {
			if err := f.execBlock(b); err != nil {
				return err
			}
		}
		return nil
	}
	return f.execBlock(a.End)
}

// displayValue prepares a value reaching the host for formatting.
func (rt *Runtime) displayValue(v any) any {
	switch t := v.(type) {
	case *ErrorRecord:
		return format.Rendered{Text: FormatError(t) + "\n"}
	case *WarningRecord:
		return "WARNING: " + t.Message
	case *StreamRecord:
		return value.ToString(t.Message)
	}
	return ToDisplay(v)
}

// showParseErrors displays every parse error of a failed parse.
func (rt *Runtime) showParseErrors(err error) {
	var list syntax.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			rt.ShowError(&ErrorRecord{Message: e.Msg, ExceptionType: "System.Management.Automation.ParseException", ErrorID: e.ID,
				Category: "ParserError", Source: e.Source, Extent: e.Extent, HasPosition: true})
		}
		return
	}
	rt.ShowError(AsRecord(err))
}

// loadScript reads and parses a script file.
func (rt *Runtime) loadScript(path string) (*ScriptBlock, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		msg := "The argument '" + path + "' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
		return nil, &ErrorRecord{Message: msg, ExceptionType: "System.IO.FileNotFoundException", ErrorID: "FileNotFound", Category: "ObjectNotFound", Cause: err}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	ast, perr := syntax.Parse(&syntax.Source{Name: path, Text: text})
	if perr != nil {
		return nil, perr
	}
	sb := newScriptBlock(ast, scriptInfoFor(path))
	return sb, nil
}

// checkRequires enforces a script's #Requires lines.
func (rt *Runtime) checkRequires(sb *ScriptBlock) error {
	var missing []string
	for _, r := range sb.Ast.Requires {
		fields := strings.Fields(r.Text)
		if len(fields) == 0 {
			continue
		}
		switch strings.ToLower(strings.TrimLeft(fields[0], "-–")) {
		case "modules", "module":
			rest := strings.TrimSpace(r.Text[strings.Index(r.Text, fields[0])+len(fields[0]):])
			for _, m := range parseRequiredModules(rest) {
				if !rt.requireModule(m) {
					missing = append(missing, m.text)
				}
			}
		case "version":
			if len(fields) > 1 && versionGreater(fields[1], PSVersion) {
				return &ErrorRecord{Message: fmt.Sprintf("The script '%s' cannot be run because it contained a \"#requires\" statement for Windows PowerShell %s. The version of Windows PowerShell that is required by the script does not match the currently running version of PowerShell %s.", baseName(sb), fields[1], PSVersion),
					ExceptionType: "System.Management.Automation.ScriptRequiresException", ErrorID: "ScriptRequiresUnmatchedPSVersion", Category: "ResourceUnavailable"}
			}
		case "psedition":
			if len(fields) > 1 && !strings.EqualFold(fields[1], "Core") {
				return &ErrorRecord{Message: fmt.Sprintf("The script '%s' cannot be run because it contained a \"#requires\" statement for PowerShell editions '%s'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Core.", baseName(sb), fields[1]),
					ExceptionType: "System.Management.Automation.ScriptRequiresException", ErrorID: "ScriptRequiresUnmatchedPSEdition", Category: "ResourceUnavailable"}
			}
		case "runasadministrator":
			// pwsh on Linux and macOS ignores it.
		default:
			return &ErrorRecord{Message: "Cannot process the #requires statement because it is not in the correct format.\nThe #requires statement must be in one of the following formats: \n \"#requires -shellid <shellID>\" \n \"#requires -version <major.minor>\" \n \"#requires -psedition <edition>\" \n \"#requires -pssnapin <psSnapInName> [-version <major.minor>]\" \n \"#requires -modules <ModuleSpecification>\" \n \"#requires -runasadministrator\"",
				ExceptionType: "System.Management.Automation.ParseException", ErrorID: "ScriptRequiresInvalidFormat", Category: "ParserError"}
		}
	}
	if len(missing) > 0 {
		return &ErrorRecord{Message: fmt.Sprintf("The script '%s' cannot be run because the following modules that are specified by the \"#requires\" statements of the script are missing: %s.", baseName(sb), strings.Join(missing, ", ")),
			ExceptionType: "System.Management.Automation.ScriptRequiresException", ErrorID: "ScriptRequiresMissingModules", Category: "ResourceUnavailable"}
	}
	return nil
}

// baseName is the file name of a script block's script.
func baseName(sb *ScriptBlock) string {
	if sb.file == nil {
		return ""
	}
	p := sb.file.Path
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// versionGreater reports whether version a is greater than b.
func versionGreater(a, b string) bool { return CompareVersions(a, b) > 0 }
