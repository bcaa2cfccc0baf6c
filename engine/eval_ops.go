package engine

import (
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// evalBinary evaluates Left Op Right.
func (f *frame) evalBinary(x *syntax.BinaryExpr) (any, error) {
	switch x.Op {
	case "-and", "-or":
		l, err := f.evalValue(x.Left)
		if err != nil {
			return nil, err
		}
		lb := value.ToBool(l)
		if x.Op == "-and" && !lb {
			return false, nil
		}
		if x.Op == "-or" && lb {
			return true, nil
		}
		r, err := f.evalValue(x.Right)
		if err != nil {
			return nil, err
		}
		return value.ToBool(r), nil
	case "??":
		l, err := f.evalValue(x.Left)
		if err != nil || l != nil {
			return l, err
		}
		return f.evalValue(x.Right)
	}
	l, err := f.evalValue(x.Left)
	if err != nil {
		return nil, err
	}
	r, err := f.evalValue(x.Right)
	if err != nil {
		return nil, err
	}
	v, err := f.binaryOp(x, x.Op, l, r)
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	return v, nil
}

// binaryOp applies a binary operator to two values.
func (f *frame) binaryOp(x *syntax.BinaryExpr, op string, l, r any) (any, error) {
	switch op {
	case "+", "-", "*", "/", "%", "-band", "-bor", "-bxor", "-shl", "-shr":
		return value.Binary(op, l, r)
	case "-xor":
		return value.ToBool(l) != value.ToBool(r), nil
	case "..":
		return value.Range(l, r)
	case "-f":
		args, ok := r.([]any)
		if !ok {
			args = []any{r}
		}
		return value.Format(value.ToString(l), args)
	case "-is", "-isnot":
		t, err := asType(r)
		if err != nil {
			return nil, err
		}
		is := value.IsInstance(l, t)
		if op == "-isnot" {
			return !is, nil
		}
		return is, nil
	case "-as":
		t, err := asType(r)
		if err != nil {
			return nil, err
		}
		v, err := value.ConvertTo(l, t)
		if err != nil {
			return nil, nil
		}
		return v, nil
	case "-join", "-ijoin", "-cjoin":
		return value.Join(l, value.ToString(r))
	}
	base, cs := splitCase(op)
	switch base {
	case "-match", "-notmatch":
		if _, isList := l.([]any); isList {
			return value.Compare(op, l, r)
		}
		ok, m, err := value.Match(l, value.ToString(r), cs)
		if err != nil {
			return nil, err
		}
		if ok {
			f.scope.SetLocal("Matches", m)
		}
		if base == "-notmatch" {
			return !ok, nil
		}
		return ok, nil
	case "-replace":
		return f.replaceOp(l, r, cs)
	case "-split":
		return f.splitOp(l, r, cs)
	}
	return value.Compare(op, l, r)
}

// splitCase returns an operator without its i/c prefix and whether it is
// case-sensitive.
func splitCase(op string) (string, bool) {
	if len(op) > 2 && op[0] == '-' {
		switch op[1] {
		case 'c':
			if isCaseVariant(op[2:]) {
				return "-" + op[2:], true
			}
		case 'i':
			if isCaseVariant(op[2:]) {
				return "-" + op[2:], false
			}
		}
	}
	return op, false
}

// isCaseVariant reports whether name takes the i/c prefixes.
func isCaseVariant(name string) bool {
	switch name {
	case "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
		"contains", "notcontains", "in", "notin", "replace", "split":
		return true
	}
	return false
}

// asType turns the right operand of -is/-as into a type.
func asType(r any) (*value.Type, error) {
	switch t := r.(type) {
	case *value.Type:
		return t, nil
	case string:
		if vt, ok := value.LookupType(t); ok {
			return vt, nil
		}
		// pwsh converts the string to a Type and reports the failed cast.
		return nil, &value.Error{ExceptionType: "System.Management.Automation.RuntimeException", ErrorID: "RuntimeException", Category: "NotSpecified",
			Msg: "Cannot convert the \"" + t + "\" value of type \"System.String\" to type \"System.Type\"."}
	}
	return nil, &value.Error{ExceptionType: "System.Management.Automation.RuntimeException", ErrorID: "IsOperatorRequiresType", Category: "InvalidOperation",
		Msg: "The right operand of '-is' must be a type."}
}

// replaceOp implements -replace: the right side is a pattern or a
// (pattern, replacement) pair; the replacement may be a script block.
func (f *frame) replaceOp(l, r any, cs bool) (any, error) {
	var pattern, repl any
	if arr, ok := r.([]any); ok {
		switch len(arr) {
		case 0:
			pattern = ""
		case 1:
			pattern = arr[0]
		case 2:
			pattern, repl = arr[0], arr[1]
		default:
			return nil, &value.Error{ExceptionType: "System.Management.Automation.RuntimeException", ErrorID: "BadReplaceArgument", Category: "InvalidOperation",
				Msg: "The -replace operator allows only two elements to follow it, not " + value.ToString(int32(len(arr))) + "."}
		}
	} else {
		pattern = r
	}
	sb, isBlock := repl.(*ScriptBlock)
	if !isBlock {
		if repl == nil {
			repl = ""
		}
		return value.Replace(l, pattern, repl, cs)
	}
	one := func(s string) (any, error) {
		return value.ReplaceFunc(s, value.ToString(pattern), cs, func(m *value.Object) (string, error) {
			v, err := f.callBlockLocal(sb, m, []any{m})
			if err != nil {
				return "", err
			}
			return value.ToString(v), nil
		})
	}
	if arr, ok := l.([]any); ok {
		out := make([]any, len(arr))
		for i, it := range arr {
			v, err := one(value.ToString(it))
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	return one(value.ToString(l))
}

// splitOp implements binary -split: the right side is a separator pattern
// or a predicate block, then the maximum number of pieces and the options.
func (f *frame) splitOp(l, r any, cs bool) (any, error) {
	spec, err := value.ParseSplitOperand(r, !cs)
	if err != nil {
		return nil, err
	}
	sb, ok := spec.Block.(*ScriptBlock)
	if !ok {
		return value.Split(l, spec)
	}
	// The block sees the character as a string in $_, and the string and
	// the index as arguments.
	return value.SplitPredicate(l, spec.Limit, func(s string, ch rune, i int) (bool, error) {
		v, err := f.callBlockLocal(sb, string(ch), []any{s, int32(i)})
		if err != nil {
			return false, err
		}
		return value.ToBool(v), nil
	})
}

// callBlockLocal runs a block in a child scope with $_ set to input and
// positional arguments, as pwsh runs a -split predicate and a -replace
// evaluator (so their variables and $args stay inside); its output is
// collapsed.
func (f *frame) callBlockLocal(sb *ScriptBlock, input any, args []any) (any, error) {
	var out []any
	bargs := make([]binding.Arg, len(args))
	for i, a := range args {
		bargs[i] = binding.Arg{Value: a, HasValue: true, Text: value.ToString(a)}
	}
	st := &blockStage{f: f, sb: sb, args: bargs, out: func(v any) error { out = append(out, v); return nil }}
	if err := st.bindArgs(nil); err != nil {
		return nil, err
	}
	st.inner.scope.SetLocal("_", input)
	st.inner.scope.SetLocal("PSItem", input)
	if err := runStandalone(st); err != nil {
		return nil, err
	}
	return collapse(out), nil
}

// evalUnary evaluates prefix and postfix operators.
func (f *frame) evalUnary(x *syntax.UnaryExpr) (any, error) {
	switch x.Op {
	case "++", "--":
		return f.incDec(x)
	}
	v, err := f.evalValue(x.Operand)
	if err != nil {
		return nil, err
	}
	switch x.Op {
	case "-not", "!":
		return !value.ToBool(v), nil
	case ",":
		return []any{v}, nil
	case "-split", "-isplit", "-csplit":
		return value.SplitWhitespace(v), nil
	case "-join", "-ijoin", "-cjoin":
		out, err := value.Join(v, "")
		if err != nil {
			return nil, f.wrapErr(x, err)
		}
		return out, nil
	}
	out, err := value.Unary(x.Op, v)
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	return out, nil
}
