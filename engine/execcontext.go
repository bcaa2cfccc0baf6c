package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// executionContext is $ExecutionContext (EngineIntrinsics), reduced to what
// scripts use: SessionState.Path (CurrentLocation,
// GetUnresolvedProviderPathFromPSPath) and InvokeCommand.ExpandString. It
// remembers the frame that read it, so paths and strings resolve there.
type executionContext struct{ f *frame }

// sessionState is $ExecutionContext.SessionState.
type sessionState struct{ f *frame }

// pathIntrinsics is $ExecutionContext.SessionState.Path.
type pathIntrinsics struct{ f *frame }

// commandIntrinsics is $ExecutionContext.InvokeCommand.
type commandIntrinsics struct{ f *frame }

// intrinsicMember reads a property of the $ExecutionContext objects;
// handled is false when target is not one of them.
func intrinsicMember(target any, name string) (v any, ok, handled bool) {
	lname := strings.ToLower(name)
	switch t := target.(type) {
	case *executionContext:
		switch lname {
		case "sessionstate":
			return &sessionState{f: t.f}, true, true
		case "invokecommand":
			return &commandIntrinsics{f: t.f}, true, true
		case "host":
			return t.f.rt.hostObject(), true, true
		}
		return nil, false, true
	case *sessionState:
		switch lname {
		case "path":
			return &pathIntrinsics{f: t.f}, true, true
		case "languagemode":
			return "FullLanguage", true, true
		}
		return nil, false, true
	case *pathIntrinsics:
		switch lname {
		case "currentlocation", "currentfilesystemlocation":
			return pathInfo(t.f.rt.location), true, true
		}
		return nil, false, true
	case *commandIntrinsics:
		return nil, false, true
	}
	return nil, false, false
}

// intrinsicMethod calls a method of the $ExecutionContext objects; handled
// is false when target is not one of them.
func intrinsicMethod(target any, name string, args []any) (any, bool, error) {
	lname := strings.ToLower(name)
	switch t := target.(type) {
	case *pathIntrinsics:
		switch lname {
		case "getunresolvedproviderpathfrompspath", "getresolvedproviderpathfrompspath":
			if len(args) == 1 {
				return t.f.rt.ResolvePath(stripProvider(value.ToString(args[0]))), true, nil
			}
		case "combine":
			if len(args) == 2 {
				a, b := value.ToString(args[0]), value.ToString(args[1])
				if a == "" {
					return b, true, nil
				}
				return strings.TrimRight(a, "/\\") + "/" + strings.TrimLeft(b, "/\\"), true, nil
			}
		case "isvalid":
			if len(args) == 1 {
				return true, true, nil
			}
		default:
			return nil, false, nil
		}
		return nil, true, &value.Error{ExceptionType: value.ExMethodException, ErrorID: "MethodCountCouldNotFindBest", Category: "NotSpecified",
			Msg: "Cannot find an overload for \"" + name + "\" and the argument count: \"" + value.ToString(int32(len(args))) + "\"."}
	case *commandIntrinsics:
		if lname == "expandstring" && len(args) == 1 {
			v, err := t.f.expandText(value.ToString(args[0]))
			return v, true, err
		}
	}
	switch target.(type) {
	case *executionContext, *sessionState, *pathIntrinsics, *commandIntrinsics:
		switch lname {
		case "tostring":
			return intrinsicTypeName(target), true, nil
		case "gettype":
			full := intrinsicTypeName(target)
			return &value.Type{Name: shortTypeName(full), FullName: full}, true, nil
		}
		return nil, true, &value.Error{ExceptionType: value.ExRuntime, ErrorID: "MethodNotFound", Category: "InvalidOperation",
			Msg: "Method invocation failed because [" + intrinsicTypeName(target) + "] does not contain a method named '" + name + "'."}
	}
	return nil, false, nil
}

// intrinsicTypeName is the .NET type of an $ExecutionContext object.
func intrinsicTypeName(v any) string {
	switch v.(type) {
	case *executionContext:
		return "System.Management.Automation.EngineIntrinsics"
	case *sessionState:
		return "System.Management.Automation.SessionState"
	case *pathIntrinsics:
		return "System.Management.Automation.PathIntrinsics"
	}
	return "System.Management.Automation.CommandInvocationIntrinsics"
}

// stripProvider removes a provider qualifier
// ("Microsoft.PowerShell.Core\FileSystem::/tmp" → "/tmp").
func stripProvider(p string) string {
	if i := strings.Index(p, "::"); i >= 0 {
		return p[i+2:]
	}
	return p
}

// expandText expands variables and subexpressions in s as if it were a
// double-quoted string, in f's scope.
func (f *frame) expandText(s string) (any, error) {
	src := &syntax.Source{Name: "ExpandString", Text: "@\"\n" + s + "\n\"@"}
	sb, err := syntax.Parse(src)
	if err != nil || sb.End == nil || len(sb.End.Statements) != 1 {
		return s, nil
	}
	e := simpleExpr(sb.End.Statements[0])
	g := *f
	g.source = src
	switch x := e.(type) {
	case *syntax.ExpandableString:
		return g.expandString(x)
	case *syntax.StringConstant:
		return x.Value, nil
	}
	return s, nil
}
