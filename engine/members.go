package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// getMember reads a property of a value, knowing the engine's own types
// (error records, script blocks) before the value package's.
func getMember(target any, name string) (any, bool) {
	if v, ok, handled := intrinsicMember(target, name); handled {
		return v, ok
	}
	switch t := target.(type) {
	case *ErrorRecord:
		return errorRecordMember(t, name)
	case *ScriptBlock:
		switch strings.ToLower(name) {
		case "ast":
			return t.Ast, true
		case "file":
			if t.file != nil {
				return t.file.Path, true
			}
			return nil, true
		}
		return nil, false
	case *psCmdlet:
		return t.member(name)
	case *WarningRecord:
		if strings.EqualFold(name, "Message") {
			return t.Message, true
		}
		return nil, false
	case *StreamRecord:
		if strings.EqualFold(name, "Message") || strings.EqualFold(name, "MessageData") {
			return t.Message, true
		}
		return nil, false
	case *value.List:
		if v, ok := value.GetMember(t, name); ok {
			return v, true
		}
		return getMember(t.Snapshot(), name)
	case []any:
		// The array's own properties win over member enumeration.
		switch strings.ToLower(name) {
		case "length", "count", "longlength", "rank", "isfixedsize", "isreadonly", "issynchronized":
			return value.GetMember(target, name)
		}
		// Member enumeration over engine types in an array.
		var out []any
		for _, it := range t {
			if v, ok := getMember(it, name); ok {
				if inner, isList := v.([]any); isList {
					out = append(out, inner...)
				} else {
					out = append(out, v)
				}
			}
		}
		if len(out) > 0 {
			if len(out) == 1 {
				return out[0], true
			}
			return out, true
		}
	}
	return value.GetMember(target, name)
}

// errorRecordMember exposes an ErrorRecord's properties as pwsh does.
func errorRecordMember(r *ErrorRecord, name string) (any, bool) {
	switch strings.ToLower(name) {
	case "exception":
		return exceptionObject(r), true
	case "fullyqualifiederrorid":
		return r.FullyQualifiedErrorID(), true
	case "categoryinfo":
		ci := value.NewObject("System.Management.Automation.ErrorCategoryInfo")
		ci.Set("Category", r.Category)
		ci.Set("Activity", r.CommandName)
		ci.Set("Reason", shortTypeName(r.ExceptionType))
		ci.Set("TargetName", value.ToString(r.TargetObject))
		ci.Set("TargetType", targetTypeName(r.TargetObject))
		return ci, true
	case "targetobject":
		return r.TargetObject, true
	case "invocationinfo":
		return invocationObject(r), true
	case "scriptstacktrace":
		if r.HasPosition && r.Source != nil {
			line, _ := lineOf(r)
			return "at <ScriptBlock>, " + sourceName(r) + ": line " + value.ToString(int32(line)), true
		}
		return "", true
	case "errordetails":
		return nil, true
	}
	return nil, false
}

// targetTypeName names the type of an error's target object.
func targetTypeName(v any) string {
	if v == nil {
		return ""
	}
	return value.TypeOf(v).Name
}

// exceptionObject builds $_.Exception.
func exceptionObject(r *ErrorRecord) *value.Object {
	ex := value.NewObject(r.ExceptionType, "System.Exception", "System.Object")
	ex.Set("Message", r.Message)
	ex.Set("Source", r.CommandName)
	ex.Set("HResult", int32(-2146233087))
	if r.InnerExceptionType != "" {
		inner := value.NewObject(r.InnerExceptionType, "System.Exception", "System.Object")
		inner.Set("Message", r.Message)
		inner.Set("InnerException", nil)
		inner.Base = r.Message
		ex.Set("InnerException", inner)
	} else {
		ex.Set("InnerException", nil)
	}
	ex.Set("ErrorRecord", r)
	ex.Base = r
	return ex
}

// invocationObject builds $_.InvocationInfo.
func invocationObject(r *ErrorRecord) *value.Object {
	ii := value.NewObject("System.Management.Automation.InvocationInfo")
	ii.Set("MyCommand", r.CommandName)
	line, col := lineOf(r)
	text := ""
	if r.HasPosition && r.Source != nil {
		text, _ = lineText(r)
	}
	ii.Set("ScriptLineNumber", int32(line))
	ii.Set("OffsetInLine", int32(col))
	ii.Set("Line", text)
	ii.Set("ScriptName", sourceName(r))
	ii.Set("PositionMessage", FormatError(&ErrorRecord{Message: "", Source: r.Source, Extent: r.Extent, HasPosition: r.HasPosition}))
	return ii
}

// invokeEngineMethod handles methods of engine types and the collection
// methods ForEach and Where; handled is false when the value package
// should try.
func (f *frame) invokeEngineMethod(target any, name string, args []any) (any, bool, error) {
	lname := strings.ToLower(name)
	switch lname {
	case "foreach":
		if len(args) >= 1 {
			if sb, ok := args[0].(*ScriptBlock); ok {
				v, err := f.collectionForEach(target, sb, args[1:])
				return v, true, err
			}
		}
	case "where":
		if len(args) >= 1 {
			if sb, ok := args[0].(*ScriptBlock); ok {
				v, err := f.collectionWhere(target, sb, args[1:])
				return v, true, err
			}
		}
	}
	if v, handled, err := intrinsicMethod(target, name, args); handled {
		return v, true, err
	}
	switch t := target.(type) {
	case *psCmdlet:
		return t.invoke(name, args)
	case *ScriptBlock:
		switch lname {
		case "invoke", "invokereturnasis":
			out, err := f.callBlockCollect(t, nil, args)
			if err != nil {
				return nil, true, err
			}
			if lname == "invokereturnasis" {
				return collapse(out), true, nil
			}
			if out == nil {
				out = []any{}
			}
			return out, true, nil
		case "getnewclosure":
			return t.newClosure(f.scope), true, nil
		case "tostring":
			return t.ScriptText(), true, nil
		case "gettype":
			return &value.Type{Name: "ScriptBlock", FullName: "System.Management.Automation.ScriptBlock"}, true, nil
		}
	case *ErrorRecord:
		switch lname {
		case "tostring":
			return t.Message, true, nil
		case "gettype":
			return &value.Type{Name: "ErrorRecord", FullName: "System.Management.Automation.ErrorRecord"}, true, nil
		}
	case *value.Object:
		if v, handled, err := f.hostUIMethod(t, name, lname, args); handled {
			return v, true, err
		}
		if v, handled, err := psStyleMethod(t, name, lname, args); handled {
			return v, true, err
		}
		if lname == "gettype" && len(t.TypeNames) > 1 && t.TypeNames[len(t.TypeNames)-2] == "System.Exception" {
			full := t.TypeNames[0]
			return &value.Type{Name: shortTypeName(full), FullName: full}, true, nil
		}
	}
	return nil, false, nil
}

// collectionForEach implements .ForEach({ … }).
func (f *frame) collectionForEach(target any, sb *ScriptBlock, args []any) (any, error) {
	items, ok := value.Enumerate(target)
	if !ok {
		items = []any{target}
	}
	out := []any{}
	for _, it := range items {
		err := f.dotBlock(sb, it, args, func(v any) error { out = append(out, v); return nil })
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// collectionWhere implements .Where({ … }[, mode[, count]]).
func (f *frame) collectionWhere(target any, sb *ScriptBlock, args []any) (any, error) {
	items, ok := value.Enumerate(target)
	if !ok {
		items = []any{target}
	}
	mode := "default"
	if len(args) > 0 {
		mode = strings.ToLower(value.ToString(args[0]))
	}
	limit := 0
	if len(args) > 1 {
		if n, err := value.ConvertToName(args[1], "int"); err == nil {
			limit = int(n.(int32))
		}
	}
	out := []any{}
	var rest []any
	for i, it := range items {
		v, err := f.callBlockValue(sb, it, nil)
		if err != nil {
			return nil, err
		}
		hit := value.ToBool(v)
		switch mode {
		case "first":
			if hit {
				out = append(out, it)
				if limit <= 1 || len(out) >= limit {
					return out, nil
				}
			}
		case "skipuntil":
			if hit {
				out = append(out, items[i:]...)
				return out, nil
			}
		case "until":
			if hit {
				return out, nil
			}
			out = append(out, it)
		case "split":
			if hit && (limit == 0 || len(out) < limit) {
				out = append(out, it)
			} else {
				rest = append(rest, it)
			}
		default:
			if hit {
				out = append(out, it)
			}
		}
	}
	if mode == "last" {
		n := limit
		if n <= 0 {
			n = 1
		}
		if len(out) > n {
			out = out[len(out)-n:]
		}
	}
	if mode == "split" {
		if rest == nil {
			rest = []any{}
		}
		return []any{out, rest}, nil
	}
	return out, nil
}

// lineOf returns the 1-based line and column of an error's position.
func lineOf(r *ErrorRecord) (int, int) {
	if !r.HasPosition || r.Source == nil {
		return 0, 0
	}
	return syntax.LineCol(r.Source.Text, r.Extent.Start)
}

// lineText returns the source line of an error's position.
func lineText(r *ErrorRecord) (string, int) {
	return syntax.LineAt(r.Source.Text, r.Extent.Start)
}

// sourceName returns the script path of an error, "" for prompt input.
func sourceName(r *ErrorRecord) string {
	if r.Source == nil || !isFileSource(r.Source) {
		return ""
	}
	return r.Source.Name
}
