package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// automationNull is "no value at all" (PowerShell's AutomationNull): what
// a void method or [void] cast yields. It is never written to the pipeline.
type automationNullType struct{}

var automationNull = &automationNullType{}

// eval evaluates an expression.
func (f *frame) eval(e syntax.Expression) (any, error) {
	switch x := e.(type) {
	case *syntax.NumberExpr:
		if d, ok := x.Value.(syntax.DecimalLiteral); ok {
			return value.ConvertToName(string(d), "decimal")
		}
		return x.Value, nil
	case *syntax.StringConstant:
		return x.Value, nil
	case *syntax.ExpandableString:
		return f.expandString(x)
	case *syntax.VariableExpr:
		return f.getVar(x)
	case *syntax.BinaryExpr:
		return f.evalBinary(x)
	case *syntax.UnaryExpr:
		return f.evalUnary(x)
	case *syntax.TernaryExpr:
		c, err := f.evalValue(x.Cond)
		if err != nil {
			return nil, err
		}
		if value.ToBool(c) {
			return f.eval(x.Then)
		}
		return f.eval(x.Else)
	case *syntax.ArrayLiteral:
		out := make([]any, 0, len(x.Elements))
		for _, el := range x.Elements {
			v, err := f.eval(el)
			if err != nil {
				return nil, err
			}
			out = append(out, v) // [void]1, 2 keeps its AutomationNull element
		}
		return out, nil
	case *syntax.ArrayExpr:
		out, err := f.collectBlock(x.Body)
		if out == nil {
			out = []any{}
		}
		return out, err
	case *syntax.SubExpr:
		out, err := f.collectBlock(x.Body)
		if err != nil {
			return nil, err
		}
		if len(out) == 0 {
			return automationNull, nil
		}
		return collapse(out), nil
	case *syntax.ParenExpr:
		return f.evalStatementRaw(x.Inner)
	case *syntax.HashtableExpr:
		return f.evalHashtable(x)
	case *syntax.ScriptBlockExpr:
		return newScriptBlock(x.Body, f.script), nil
	case *syntax.ConvertExpr:
		return f.evalConvert(x)
	case *syntax.TypeExpr:
		return f.lookupType(x.Type)
	case *syntax.MemberExpr:
		return f.evalMember(x)
	case *syntax.InvokeMemberExpr:
		return f.evalInvokeMember(x)
	case *syntax.IndexExpr:
		return f.evalIndex(x)
	}
	return nil, f.errAt(e, "RuntimeException", "NotImplemented", "This expression is not supported by csshell.")
}

// argValues makes AutomationNull arguments $null: a variable that holds
// a command's empty output ($x = & {}) binds as $null (f $x).
func argValues(args []binding.Arg) []binding.Arg {
	for i := range args {
		if args[i].Value == automationNull {
			args[i].Value = nil
		}
	}
	return args
}

// noAuto turns automationNull into $null where a value is needed.
func noAuto(v any) any {
	if v == automationNull {
		return nil
	}
	return v
}

// evalValue evaluates an expression where a value is needed.
func (f *frame) evalValue(e syntax.Expression) (any, error) {
	v, err := f.eval(e)
	return noAuto(v), err
}

// evalStatementValue runs a statement and returns its output as a value: an
// expression's value as is; a command's output collapsed (nothing → $null,
// one object → it, more → an array).
func (f *frame) evalStatementValue(st syntax.Statement) (any, error) {
	if e := simpleExpr(st); e != nil {
		return f.evalValue(e)
	}
	if as, ok := st.(*syntax.AssignmentStmt); ok {
		return f.assign(as, true)
	}
	var out []any
	err := f.withIO(f.io.withOut(cappedAppend(&out))).execStmt(st)
	if err != nil {
		return nil, err
	}
	return collapse(out), nil
}

// evalStatementRaw is evalStatementValue for an assignment's right side
// and a parenthesized statement: a command that writes nothing yields
// AutomationNull, which a variable keeps ($x = & {}; @($x).Count is 0,
// where @($null).Count is 1).
func (f *frame) evalStatementRaw(st syntax.Statement) (any, error) {
	if e := simpleExpr(st); e != nil {
		return f.eval(e)
	}
	if as, ok := st.(*syntax.AssignmentStmt); ok {
		return f.assign(as, true)
	}
	var out []any
	err := f.withIO(f.io.withOut(cappedAppend(&out))).execStmt(st)
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return automationNull, nil
	}
	return collapse(out), nil
}

// simpleExpr returns the expression of a pipeline that is just one
// expression without redirections, or nil.
func simpleExpr(st syntax.Statement) syntax.Expression {
	p, ok := st.(*syntax.Pipeline)
	if !ok || len(p.Elements) != 1 {
		return nil
	}
	ce, ok := p.Elements[0].(*syntax.CommandExpr)
	if !ok || len(ce.Redirections) > 0 {
		return nil
	}
	return ce.Expr
}

// collectBlock runs statements and returns everything they wrote.
func (f *frame) collectBlock(b *syntax.StatementBlock) ([]any, error) {
	var out []any
	err := f.withIO(f.io.withOut(cappedAppend(&out))).execBlock(b)
	return out, err
}

// cappedAppend is an output writer collecting into *out, which fails once
// the collection would pass the growth cap (value.MaxArrayLength): output
// collected into an array, @($a; $a) or $x = … | …, cannot grow without
// bound either.
func cappedAppend(out *[]any) func(any) error {
	return func(v any) error {
		if err := value.CheckArraySize(len(*out) + 1); err != nil {
			return err
		}
		*out = append(*out, v)
		return nil
	}
}

// evalHashtable builds @{ … }.
func (f *frame) evalHashtable(x *syntax.HashtableExpr) (any, error) {
	h := value.NewHashtable()
	for _, kv := range x.Pairs {
		k, err := f.evalValue(kv.Key)
		if err != nil {
			return nil, err
		}
		if k == nil {
			return nil, f.errAt(kv.Key, "System.Management.Automation.RuntimeException", "InvalidNullKey", "A null key is not allowed in a hash literal.")
		}
		if h.Has(k) {
			return nil, f.errAt(kv.Key, "System.Management.Automation.RuntimeException", "DuplicateKeyInHashLiteral",
				"Duplicate keys '"+value.ToString(k)+"' are not allowed in hash literals.")
		}
		v, err := f.evalStatementValue(kv.Value)
		if err != nil {
			return nil, err
		}
		h.Set(k, v)
	}
	return h, nil
}

// lookupType resolves a type literal.
func (f *frame) lookupType(t *syntax.TypeName) (*value.Type, error) {
	if vt, ok := value.LookupType(t.Name); ok {
		return vt, nil
	}
	// "using namespace System.Text" lets [StringBuilder] name System.Text.StringBuilder.
	for _, ns := range t.Namespaces {
		if vt, ok := value.LookupType(ns + "." + t.Name); ok {
			return vt, nil
		}
	}
	return nil, f.errAt(t, "System.Management.Automation.RuntimeException", "TypeNotFound", "Unable to find type ["+t.Name+"].")
}

// evalConvert evaluates [Type]operand.
func (f *frame) evalConvert(x *syntax.ConvertExpr) (any, error) {
	name := strings.ToLower(x.Type.Name)
	switch name {
	case "ordered":
		if hx, ok := x.Operand.(*syntax.HashtableExpr); ok {
			v, err := f.evalHashtable(hx)
			if err != nil {
				return nil, err
			}
			h := v.(*value.Hashtable)
			h.Ordered = true
			return h, nil
		}
		return nil, f.errAt(x, "System.Management.Automation.RuntimeException", "OrderedAttributeOnlyOnHashLiteralNode",
			"The ordered attribute can be specified only on a hash literal node.")
	case "void":
		_, err := f.eval(x.Operand)
		return automationNull, err
	}
	t, err := f.lookupType(x.Type)
	if err != nil {
		return nil, err
	}
	v, err := f.evalValue(x.Operand)
	if err != nil {
		return nil, err
	}
	out, err := value.ConvertTo(v, t)
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	return out, nil
}

// evalMember evaluates target.member and Type::member.
func (f *frame) evalMember(x *syntax.MemberExpr) (any, error) {
	target, err := f.evalValue(x.Target)
	if err != nil {
		return nil, err
	}
	name, err := f.memberName(x.Member)
	if err != nil {
		return nil, err
	}
	if x.Static {
		t, ok := target.(*value.Type)
		if !ok {
			return nil, f.errAt(x, "System.Management.Automation.RuntimeException", "InvalidOperation", "Static members can only be accessed on a type.")
		}
		v, err := value.GetStatic(t, name)
		if err != nil {
			return nil, f.wrapErr(x, err)
		}
		return v, nil
	}
	if target == nil && x.NullConditional {
		return nil, nil
	}
	v, ok := getMember(target, name)
	if !ok && f.scope.StrictMode() >= 2 {
		if _, isHash := target.(*value.Hashtable); !isHash {
			return nil, f.errPropertyStrict(x, name)
		}
	}
	return v, nil
}

// memberName evaluates a member name expression.
func (f *frame) memberName(e syntax.Expression) (string, error) {
	if s, ok := e.(*syntax.StringConstant); ok {
		return s.Value, nil
	}
	v, err := f.evalValue(e)
	if err != nil {
		return "", err
	}
	return value.ToString(v), nil
}

// evalInvokeMember evaluates target.Method(args) and Type::Method(args).
func (f *frame) evalInvokeMember(x *syntax.InvokeMemberExpr) (any, error) {
	target, err := f.evalValue(x.Target)
	if err != nil {
		return nil, err
	}
	name, err := f.memberName(x.Member)
	if err != nil {
		return nil, err
	}
	args := make([]any, 0, len(x.Args))
	for _, a := range x.Args {
		v, err := f.evalValue(a)
		if err != nil {
			return nil, err
		}
		args = append(args, v)
	}
	if x.Static {
		t, ok := target.(*value.Type)
		if !ok {
			return nil, f.errAt(x, "System.Management.Automation.RuntimeException", "InvalidOperation", "Static members can only be accessed on a type.")
		}
		if t.FullName == value.TScriptBlock.FullName && strings.EqualFold(name, "Create") {
			v, err := createScriptBlock(args)
			if err != nil {
				return nil, f.wrapErr(x, err)
			}
			return v, nil
		}
		v, err := value.InvokeStatic(t, name, args)
		if err != nil {
			return nil, f.wrapErr(x, err)
		}
		return v, nil
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		return nil, f.errAt(x, "System.Management.Automation.RuntimeException", "InvokeMethodOnNull", "You cannot call a method on a null-valued expression.")
	}
	if ve, ok := x.Target.(*syntax.VariableExpr); ok && strings.EqualFold(ve.Name, "Error") && strings.EqualFold(name, "Clear") && len(args) == 0 {
		f.rt.ClearErrors() // $Error is an ArrayList the session owns
		return nil, nil
	}
	v, handled, err := f.invokeEngineMethod(target, name, args)
	if !handled {
		v, err = value.InvokeMethod(target, name, args)
	}
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	if v == nil {
		// The instance methods that yield nothing are the void ones
		// ($list.Add(1) on a List[int], $h.Remove('k')): they write
		// nothing to the pipeline, as AutomationNull.
		return automationNull, nil
	}
	return v, nil
}

// evalIndex evaluates target[index], including slices and negative indexes.
func (f *frame) evalIndex(x *syntax.IndexExpr) (any, error) {
	target, err := f.evalValue(x.Target)
	if err != nil {
		return nil, err
	}
	idx, err := f.evalValue(x.Index)
	if err != nil {
		return nil, err
	}
	if target == nil {
		if x.NullConditional {
			return nil, nil
		}
		return nil, f.errAt(x, "System.Management.Automation.RuntimeException", "NullArray", "Cannot index into a null array.")
	}
	if idx == nil {
		// pwsh's index binder refuses a null index before it looks at the
		// target: $h[$null] fails as $a[$null] does (NullArrayIndex).
		return nil, f.errAt(x, "System.Management.Automation.RuntimeException", "NullArrayIndex", "Index operation failed; the array index evaluated to null.")
	}
	if h, ok := target.(*value.Hashtable); ok {
		if keys, ok := idx.([]any); ok {
			out := make([]any, 0, len(keys))
			for _, k := range keys {
				v, _ := h.Get(k)
				out = append(out, v)
			}
			return out, nil
		}
		v, _ := h.Get(idx)
		return v, nil
	}
	if list, ok := idx.([]any); ok {
		out := make([]any, 0, len(list))
		for _, i := range list {
			v, found, err := indexOne(target, i)
			if err != nil {
				return nil, f.wrapErr(x, err)
			}
			if !found && f.scope.StrictMode() >= 3 {
				return nil, f.errIndexStrict(x)
			}
			if v != nil {
				out = append(out, v)
			}
		}
		return out, nil
	}
	v, found, err := indexOne(target, idx)
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	if !found && f.scope.StrictMode() >= 3 {
		return nil, f.errIndexStrict(x)
	}
	return v, nil
}

// indexOne indexes an array, a list, a string or a scalar with one index;
// found is false when the index is out of range.
func indexOne(target, idx any) (v any, found bool, err error) {
	switch t := target.(type) {
	case *value.Object:
		if s, isStr := idx.(string); isStr {
			v, _ := t.Get(s)
			return v, true, nil
		}
	case *value.List:
		if s, isStr := idx.(string); isStr && t.IsMembers() {
			v, _ := t.Member(s)
			return v, true, nil
		}
	}
	n, err := value.ConvertToName(idx, "int")
	if err != nil {
		return nil, false, err
	}
	i := int(n.(int32))
	switch t := target.(type) {
	case []any:
		if i < 0 {
			i += len(t)
		}
		if i < 0 || i >= len(t) {
			return nil, false, nil
		}
		return t[i], true, nil
	case *value.List:
		v, ok := t.At(i)
		return v, ok, nil
	case string:
		r := []rune(t)
		if i < 0 {
			i += len(r)
		}
		if i < 0 || i >= len(r) {
			return nil, false, nil
		}
		return value.Char(r[i]), true, nil
	}
	// A scalar indexed with 0 or -1 is itself (PowerShell wraps it).
	if i == 0 || i == -1 {
		return target, true, nil
	}
	return nil, false, nil
}
