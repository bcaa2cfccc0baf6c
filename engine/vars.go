package engine

import (
	"github.com/csshell/csshell/engine/format"
	"os"
	"runtime"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// PSVersion is the PowerShell version csshell emulates.
const PSVersion = "7.4.6"

// initVariables sets the automatic and preference variables of a new
// session.
func (rt *Runtime) initVariables() {
	g := rt.global
	g.SetLocal("ErrorActionPreference", "Continue")
	g.SetLocal("WarningPreference", "Continue")
	g.SetLocal("VerbosePreference", "SilentlyContinue")
	g.SetLocal("DebugPreference", "SilentlyContinue")
	g.SetLocal("InformationPreference", "SilentlyContinue")
	g.SetLocal("ProgressPreference", "Continue")
	g.SetLocal("ConfirmPreference", "High")
	g.SetLocal("WhatIfPreference", false)
	g.SetLocal("FormatEnumerationLimit", int32(4))
	// The formatter reads $global:FormatEnumerationLimit, and only when it
	// holds an int, as pwsh's does (a script's own $FormatEnumerationLimit
	// changes nothing).
	rt.Formats.SetEnumerationLimit(func() int {
		if v := g.Local("FormatEnumerationLimit"); v != nil {
			if n, ok := v.Value.(int32); ok {
				return int(n)
			}
		}
		return 4
	})
	g.SetLocal("MaximumHistoryCount", int32(4096))
	g.SetLocal("IsLinux", runtime.GOOS == "linux")
	g.SetLocal("IsMacOS", runtime.GOOS == "darwin")
	g.SetLocal("IsWindows", runtime.GOOS == "windows")
	g.SetLocal("IsCoreCLR", true)
	g.SetLocal("PID", int32(os.Getpid()))
	home, _ := os.UserHomeDir()
	g.SetLocal("HOME", home)
	g.SetLocal("PSHOME", "/opt/microsoft/powershell/7")
	g.SetLocal("PSEdition", "Core")
	g.SetLocal("NestedPromptLevel", int32(0))
	g.SetLocal("ShellId", "Microsoft.PowerShell")
	ver := value.NewHashtable()
	ver.Set("PSVersion", semanticVersion(PSVersion))
	ver.Set("PSEdition", "Core")
	ver.Set("GitCommitId", PSVersion)
	ver.Set("OS", runtime.GOOS+" "+runtime.GOARCH)
	ver.Set("Platform", platformName())
	ver.Set("PSCompatibleVersions", []any{"1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0"})
	ver.Set("PSRemotingProtocolVersion", "2.3")
	ver.Set("SerializationVersion", "1.1.0.1")
	ver.Set("WSManStackVersion", "3.0")
	g.SetLocal("PSVersionTable", ver)
	if wd, err := os.Getwd(); err == nil {
		rt.location = wd
	}
}

// semanticVersionView is pwsh's table for a SemanticVersion
// ($PSVersionTable.PSVersion).
var semanticVersionView = format.View{
	TypeName: "System.Management.Automation.SemanticVersion",
	Kind:     format.TableView,
	Columns: []format.Column{
		{Label: "Major", Property: "Major", Width: 6, Align: format.AlignLeft},
		{Label: "Minor", Property: "Minor", Width: 6, Align: format.AlignLeft},
		{Label: "Patch", Property: "Patch", Width: 6, Align: format.AlignLeft},
		{Label: "PreReleaseLabel", Property: "PreReleaseLabel", Width: 15, Align: format.AlignLeft},
		{Label: "BuildLabel", Property: "BuildLabel", Width: 10, Align: format.AlignLeft},
	},
}

// semanticVersion makes a SemanticVersion object: it prints as text and has
// Major, Minor and Patch.
func semanticVersion(text string) *value.Object {
	o := value.NewObject("System.Management.Automation.SemanticVersion", "System.Object")
	parts := strings.Split(text, ".")
	for i, n := range []string{"Major", "Minor", "Patch"} {
		v := int32(0)
		if i < len(parts) {
			if c, err := value.ConvertToName(parts[i], "int"); err == nil {
				v = c.(int32)
			}
		}
		o.Set(n, v)
	}
	o.Set("PreReleaseLabel", nil)
	o.Set("BuildLabel", nil)
	o.Base = text
	return o
}

// platformName is $PSVersionTable.Platform.
func platformName() string {
	if runtime.GOOS == "windows" {
		return "Win32NT"
	}
	return "Unix"
}

// hostObject is what $Host shows.
func (rt *Runtime) hostObject() *value.Object {
	o := value.NewObject("System.Management.Automation.Internal.Host.InternalHost")
	o.Set("Name", "csshell")
	o.Set("Version", PSVersion)
	o.Set("InstanceId", "00000000-0000-0000-0000-000000000000")
	ui := value.NewObject("System.Management.Automation.Internal.Host.InternalHostUserInterface")
	raw := value.NewObject("System.Management.Automation.Internal.Host.InternalHostRawUserInterface")
	size := value.NewObject("System.Management.Automation.Host.Size")
	size.Set("Width", int32(rt.host.ConsoleWidth()))
	size.Set("Height", int32(50))
	raw.Set("WindowSize", size)
	raw.Set("BufferSize", size)
	ui.Set("RawUI", raw)
	o.Set("UI", ui)
	o.Set("CurrentCulture", "en-US")
	o.Set("CurrentUICulture", "en-US")
	return o
}

// getVar reads a variable, including automatic ones computed on demand.
func (f *frame) getVar(x *syntax.VariableExpr) (any, error) { return f.readVar(x, false) }

// readVar reads a variable; inString tells that it is a variable expanded
// directly in a double-quoted string (strict mode 1 allows unset ones there).
func (f *frame) readVar(x *syntax.VariableExpr, inString bool) (any, error) {
	name := x.Name
	switch lowerKey(name) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	case "?":
		return f.rt.lastStatus, nil
	case "error":
		return f.rt.Errors(), nil
	case "host":
		return f.rt.hostObject(), nil
	case "psstyle":
		return f.rt.PSStyle(), nil
	case "pwd":
		return pathInfo(f.rt.location), nil
	case "psscriptroot":
		if f.script != nil {
			return f.script.Dir, nil
		}
		return "", nil
	case "pscommandpath":
		if f.script != nil {
			return f.script.Path, nil
		}
		return "", nil
	case "executioncontext":
		return &executionContext{f: f}, nil
	}
	qual, rest := splitScope(name)
	switch qual {
	case "env":
		return f.rt.getEnv(rest), nil
	case "global":
		if v := f.rt.global.Lookup(rest); v != nil {
			return f.varRead(v, inString), nil
		}
		return f.undefinedVar(x, inString)
	case "script":
		if v := f.scope.scriptScope().Lookup(rest); v != nil {
			return f.varRead(v, inString), nil
		}
		return f.undefinedVar(x, inString)
	case "local", "private":
		if v := f.scope.Local(rest); v != nil {
			return f.varRead(v, inString), nil
		}
		return f.undefinedVar(x, inString)
	case "function":
		if fn := f.scope.lookupFunc(rest); fn != nil {
			return fn.Block, nil
		}
		return nil, nil
	case "using", "variable":
		name = rest
	}
	if v := f.scope.Lookup(name); v != nil {
		return f.varRead(v, inString), nil
	}
	return f.undefinedVar(x, inString)
}

// getEnv reads an environment variable ($null when unset).
func (rt *Runtime) getEnv(name string) any {
	if rt.host.Environ != nil {
		for _, kv := range rt.host.Environ() {
			k, v, _ := strings.Cut(kv, "=")
			if k == name || (runtime.GOOS == "windows" && strings.EqualFold(k, name)) {
				if v == "" {
					// pwsh 7.4 removes a variable set to "" or $null.
					return nil
				}
				return v
			}
		}
		return nil
	}
	if v := rt.host.Getenv(name); v != "" {
		return v
	}
	return nil
}

// readOnlyVars cannot be assigned.
var readOnlyVars = map[string]bool{"true": true, "false": true, "?": true, "host": true, "psstyle": true, "pid": true, "psversiontable": true, "home": true, "pshome": true, "ismacos": true, "islinux": true, "iswindows": true, "iscoreclr": true}

// setVar assigns a variable by name (with its scope qualifier).
func (f *frame) setVar(name string, v any, at syntax.Node) error {
	empty := v == automationNull
	v = noAuto(v)
	qual, rest := splitScope(name)
	key := lowerKey(rest)
	if key == "null" {
		return nil
	}
	if readOnlyVars[key] {
		return f.notWritable(at, rest)
	}
	var sc *Scope
	switch qual {
	case "function":
		return f.wrapErr(at, f.setProviderItem(ItemPath{Provider: FunctionProvider, Path: rest}, v))
	case "env":
		if f.rt.host.Setenv != nil {
			if err := f.rt.host.Setenv(rest, value.ToString(v)); err != nil {
				return f.errAt(at, "System.ArgumentException", "SetEnvFailed", err.Error())
			}
		}
		return nil
	case "global":
		sc = f.rt.global
	case "script":
		sc = f.scope.scriptScope()
	default:
		sc = f.scope
	}
	if key == "error" {
		return nil
	}
	existing := sc.Local(rest)
	if existing != nil {
		if existing.ReadOnly || existing.Constant {
			return f.notWritable(at, rest)
		}
		if existing.Constraint != nil {
			cv, err := value.ConvertTo(v, existing.Constraint)
			if err != nil {
				return f.wrapErr(at, metadataError(err))
			}
			v = cv
		}
		existing.Value = v
		existing.empty = empty && existing.Constraint == nil
		if qual == "private" {
			existing.Private = true
		}
		return nil
	}
	// A type constraint declared in a parent scope does not carry over to a
	// new local variable (PowerShell makes a fresh one).
	nv := sc.SetLocal(rest, v)
	nv.Private = qual == "private"
	nv.empty = empty
	return nil
}

// varRead is a variable's value read by an expression; in a string it
// is never AutomationNull.
func (f *frame) varRead(v *Variable, inString bool) any {
	if inString {
		return v.Value
	}
	return v.read()
}

// metadataError re-labels a conversion failure of a type-constrained
// variable as the ArgumentTransformationMetadataException pwsh reports.
func metadataError(err error) error {
	rec := AsRecord(err)
	if rec.Category != "InvalidArgument" {
		return err
	}
	cp := *rec
	cp.Category = "MetadataError"
	cp.ExceptionType = "System.Management.Automation.ArgumentTransformationMetadataException"
	cp.ErrorID = "RuntimeException"
	return &cp
}

// errAt makes a statement-terminating error located at n.
func (f *frame) errAt(n syntax.Node, exceptionType, id, msg string) *ErrorRecord {
	if !strings.Contains(exceptionType, ".") {
		exceptionType = "System.Management.Automation." + exceptionType
	}
	rec := &ErrorRecord{Message: msg, ExceptionType: exceptionType, ErrorID: id, Category: "InvalidOperation"}
	f.locate(rec, n)
	return rec
}

// wrapErr turns err into an ErrorRecord located at n (unless it is a
// control-flow signal or already has a position).
func (f *frame) wrapErr(n syntax.Node, err error) error {
	if err == nil || isFlow(err) {
		return err
	}
	rec := AsRecord(err)
	if !rec.HasPosition {
		f.locate(rec, n)
	}
	return rec
}

// locate stamps rec with n's position in f's source.
func (f *frame) locate(rec *ErrorRecord, n syntax.Node) {
	if n == nil || f.source == nil {
		return
	}
	rec.Source = f.source
	rec.Extent = n.Ext()
	rec.HasPosition = true
}

// pathInfo is the PathInfo object $PWD and Get-Location give: Path,
// ProviderPath, Drive and Provider, printing as the path.
func pathInfo(path string) *value.Object {
	o := value.NewObject("System.Management.Automation.PathInfo", "System.Object")
	o.Set("Drive", "/")
	o.Set("Provider", "Microsoft.PowerShell.Core\\FileSystem")
	o.Set("ProviderPath", path)
	o.Set("Path", path)
	o.Base = path
	return o
}
