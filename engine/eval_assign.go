package engine

import (
	"github.com/csshell/csshell/engine/syntax"
	"github.com/csshell/csshell/engine/value"
)

// assign runs an assignment statement; with wantValue it returns the value
// assigned (for ($x = 5) in parentheses).
func (f *frame) assign(as *syntax.AssignmentStmt, wantValue bool) (any, error) {
	rhs, err := f.evalStatementRaw(as.Right)
	if err != nil {
		return nil, err
	}
	if as.Op != "=" {
		rhs = noAuto(rhs)
		if as.Op == "??=" {
			cur, err := f.evalValue(as.Left)
			if err != nil {
				return nil, err
			}
			if cur != nil {
				return cur, nil
			}
		} else {
			cur, err := f.evalValue(as.Left)
			if err != nil {
				return nil, err
			}
			op := as.Op[:len(as.Op)-1]
			nv, err := value.Binary(op, cur, rhs)
			if err != nil {
				return nil, f.wrapErr(as, err)
			}
			rhs = nv
		}
	}
	if err := f.assignTo(as.Left, rhs); err != nil {
		return nil, err
	}
	return rhs, nil
}

// assignTo stores v into an assignable expression.
func (f *frame) assignTo(target syntax.Expression, v any) error {
	switch t := target.(type) {
	case *syntax.VariableExpr:
		return f.setVar(t.Name, v, t)
	case *syntax.ConvertExpr:
		ve, ok := t.Operand.(*syntax.VariableExpr)
		if !ok {
			return f.errAt(t, "System.Management.Automation.RuntimeException", "InvalidLeftHandSide",
				"The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.")
		}
		typ, err := f.lookupType(t.Type)
		if err != nil {
			return err
		}
		cv, err := value.ConvertTo(noAuto(v), typ)
		if err != nil {
			return f.wrapErr(t, metadataError(err))
		}
		if err := f.setVar(ve.Name, cv, ve); err != nil {
			return err
		}
		qual, rest := splitScope(ve.Name)
		sc := f.scope
		switch qual {
		case "global":
			sc = f.rt.global
		case "script":
			sc = f.scope.scriptScope()
		}
		if vr := sc.Local(rest); vr != nil {
			vr.Constraint = typ
		}
		return nil
	case *syntax.MemberExpr:
		obj, err := f.evalValue(t.Target)
		if err != nil {
			return err
		}
		name, err := f.memberName(t.Member)
		if err != nil {
			return err
		}
		if obj == nil {
			return f.errAt(t, "System.Management.Automation.RuntimeException", "PropertyAssignmentException",
				"The property '"+name+"' cannot be found on this object. Verify that the property exists and can be set.")
		}
		if err := value.SetMember(obj, name, noAuto(v)); err != nil {
			return f.wrapErr(t, err)
		}
		return nil
	case *syntax.IndexExpr:
		obj, err := f.evalValue(t.Target)
		if err != nil {
			return err
		}
		idx, err := f.evalValue(t.Index)
		if err != nil {
			return err
		}
		return f.setIndex(t, obj, idx, noAuto(v))
	case *syntax.ArrayLiteral:
		v = noAuto(v)
		items, ok := value.Enumerate(v)
		if !ok {
			items = []any{v}
		}
		n := len(t.Elements)
		for i, el := range t.Elements {
			var part any
			switch {
			case i < n-1 && i < len(items):
				part = items[i]
			case i == n-1 && len(items) > n:
				part = append([]any(nil), items[i:]...)
			case i < len(items):
				part = items[i]
			}
			if err := f.assignTo(el, part); err != nil {
				return err
			}
		}
		return nil
	case *syntax.ParenExpr:
		if e := simpleExpr(t.Inner); e != nil {
			return f.assignTo(e, v)
		}
	}
	return f.errAt(target, "System.Management.Automation.RuntimeException", "InvalidLeftHandSide",
		"The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.")
}

// setIndex implements $a[i] = v and $h[k] = v.
func (f *frame) setIndex(at syntax.Node, obj, idx, v any) error {
	switch t := obj.(type) {
	case *value.Hashtable:
		t.Set(idx, v)
		return nil
	case *value.Object:
		if name, ok := idx.(string); ok {
			if err := value.SetMember(t, name, v); err != nil {
				return f.wrapErr(at, err)
			}
			return nil
		}
	case []any:
		n, err := value.ConvertToName(idx, "int")
		if err != nil {
			return f.wrapErr(at, err)
		}
		i := int(n.(int32))
		if i < 0 {
			i += len(t)
		}
		if i < 0 || i >= len(t) {
			rec := f.errAt(at, "System.IndexOutOfRangeException", "System.IndexOutOfRangeException", "Index was outside the bounds of the array.")
			rec.Category = "OperationStopped"
			return rec
		}
		t[i] = v
		return nil
	case *value.List:
		n, err := value.ConvertToName(idx, "int")
		if err != nil {
			return f.wrapErr(at, err)
		}
		if err := t.SetAt(int(n.(int32)), v); err != nil {
			return f.wrapErr(at, err)
		}
		return nil
	case nil:
		return f.errAt(at, "System.Management.Automation.RuntimeException", "NullArray", "Cannot index into a null array.")
	}
	return f.errAt(at, "System.Management.Automation.RuntimeException", "CannotIndex",
		"Unable to index into an object of type "+value.TypeOf(obj).FullName+".")
}

// incDec implements ++ and -- (prefix and postfix).
func (f *frame) incDec(x *syntax.UnaryExpr) (any, error) {
	cur, err := f.evalValue(x.Operand)
	if err != nil {
		return nil, err
	}
	if cur == nil {
		cur = int32(0)
	}
	op := "+"
	if x.Op == "--" {
		op = "-"
	}
	nv, err := value.Binary(op, cur, int32(1))
	if err != nil {
		return nil, f.wrapErr(x, err)
	}
	if err := f.assignTo(x.Operand, nv); err != nil {
		return nil, err
	}
	if x.Postfix {
		return cur, nil
	}
	return nv, nil
}
