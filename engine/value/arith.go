package value

import (
	"math"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

var opMethods = map[string]string{
	"+": "op_Addition", "-": "op_Subtraction", "*": "op_Multiply", "/": "op_Division",
	"%": "op_Modulus", "-band": "op_BitwiseAnd", "-bor": "op_BitwiseOr",
	"-bxor": "op_ExclusiveOr", "-shl": "op_LeftShift", "-shr": "op_RightShift",
}

func unwrapBase(v any) any {
	if o, ok := v.(*Object); ok && o != nil && o.Base != nil {
		return o.Base
	}
	return v
}

// scanNumber converts a string operand to a number as PowerShell's
// Parser.ScanNumber does, failing with the cast error for type t.
func scanNumber(s string, t *Type) (num, error) {
	v, ok := ParseNumber(s)
	if !ok {
		if t == nil || !isNumericKind(t.kind) {
			t = TInt
		}
		return num{}, errInvalidCastValue(s, t.FullName, parseFailID(t), "The input string '"+s+"' was not in a correct format.")
	}
	n, _ := asNum(v)
	return n, nil
}

// implicitOpErr is the error pwsh raises when no operator applies: the
// method lookup happens on the left type unless it is primitive.
func implicitOpErr(a, b any, op string) *Error {
	m := opMethods[op]
	if _, prim := asNum(a); prim && a != nil {
		if _, bprim := asNum(b); !bprim {
			if _, isStr := b.(string); !isStr {
				return errOpNotDefined(b, m)
			}
		}
		return newErr(ExRuntime, "NotADefinedOperationForType", "InvalidOperation",
			"The operation '[%s] %s [%s]' is not defined.", TypeOf(a).FullName, op, TypeOf(b).FullName)
	}
	return errOpNotDefined(a, m)
}

// operandNum converts the right operand of a numeric operation.
func operandNum(b any, leftType *Type) (num, error, bool) {
	if s, ok := b.(string); ok {
		n, err := scanNumber(s, leftType)
		return n, err, true
	}
	n, ok := asNum(b)
	return n, nil, ok
}

// Binary applies a binary arithmetic or bitwise operator ("+", "-", "*",
// "/", "%", "-band", "-bor", "-bxor", "-shl", "-shr") with PowerShell's
// rules: the left operand's type decides the operation.
func Binary(op string, a, b any) (any, error) {
	if x, ok := a.(int32); ok {
		if y, ok := b.(int32); ok {
			if r, ok := int32Binary(op, x, y); ok {
				return r, nil
			}
		}
	}
	a, b = unwrapBase(a), unwrapBase(b)
	switch op {
	case "+":
		return add(a, b)
	case "*":
		return multiply(a, b)
	case "-", "/", "%":
		return subDivRem(op, a, b)
	case "-band", "-bor", "-bxor":
		return bitwise(op, a, b)
	case "-shl", "-shr":
		return shift(op, a, b)
	}
	return nil, newErr(ExRuntime, "OperatorNotSupported", "InvalidOperation", "The operator '%s' is not supported.", op)
}

func add(a, b any) (any, error) {
	if a == nil {
		return b, nil
	}
	switch x := a.(type) {
	case string:
		y := ToString(b)
		if err := CheckStringSize(concatSize(len(x), len(y))); err != nil {
			return nil, err
		}
		return x + y, nil
	case Char:
		return string(rune(x)) + ToString(b), nil
	case []any, *List:
		xs, _ := asItems(x)
		y, many := asItems(b)
		n := 1
		if many {
			n = len(y)
		}
		if err := CheckArraySize(concatSize(len(xs), n)); err != nil {
			return nil, err
		}
		out := make([]any, 0, len(xs)+n)
		out = append(out, xs...)
		if many {
			return append(out, y...), nil
		}
		return append(out, b), nil
	case *Hashtable:
		y, ok := b.(*Hashtable)
		if !ok {
			return nil, newErr(ExRuntime, "AddHashTableToNonHashTable", "InvalidOperation",
				"A hash table can only be added to another hash table.")
		}
		out := x.Copy()
		for i, k := range y.Keys() {
			if out.Has(k) {
				return nil, newErr(ExArgument, "System.ArgumentException", "NotSpecified", "%s", dupKeyMsg(k))
			}
			out.Set(k, y.Values()[i])
		}
		return out, nil
	case time.Time:
		if d, ok := b.(time.Duration); ok {
			return x.Add(d), nil
		}
	case time.Duration:
		if d, ok := b.(time.Duration); ok {
			return x + d, nil
		}
	}
	return numericBinary("+", a, b)
}

func numericBinary(op string, a, b any) (any, error) {
	na, ok := asNum(a)
	if !ok {
		return nil, implicitOpErr(a, b, op)
	}
	nb, err, ok := operandNum(b, TypeOf(a))
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, implicitOpErr(a, b, op)
	}
	return numericOp(op, na, nb)
}

func multiply(a, b any) (any, error) {
	if a == nil {
		return nil, nil
	}
	switch x := a.(type) {
	case string:
		n, err := repeatCount(b)
		if err != nil {
			return nil, err
		}
		if n > 0 && len(x) > 0 && n > maxRepeat/len(x) {
			return nil, errStringTooLarge()
		}
		return strings.Repeat(x, n), nil
	case []any:
		n, err := repeatCount(b)
		if err != nil {
			return nil, err
		}
		if n > 0 && len(x) > 0 && n > MaxArrayLength/len(x) {
			return nil, errArrayTooLarge()
		}
		out := make([]any, 0, len(x)*n)
		for i := 0; i < n; i++ {
			out = append(out, x...)
		}
		return out, nil
	case *List:
		return multiply(x.Snapshot(), b)
	}
	return numericBinary("*", a, b)
}

func repeatCount(b any) (int, error) {
	v, err := ConvertTo(b, TInt)
	if err != nil {
		return 0, err
	}
	n := int(v.(int32))
	if n < 0 {
		return 0, errInvalidCastValue(b, "System.UInt32", "InvalidCastIConvertible", "Value was either too large or too small for a UInt32.")
	}
	return n, nil
}

func subDivRem(op string, a, b any) (any, error) {
	if a == nil {
		a = int32(0)
	}
	switch x := a.(type) {
	case string:
		var t *Type
		if isNumeric(b) {
			t = TypeOf(b)
		}
		na, err := scanNumber(x, t)
		if err != nil {
			return nil, err
		}
		nb, err, ok := operandNum(b, TInt)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, implicitOpErr(a, b, op)
		}
		return numericOp(op, na, nb)
	case time.Time:
		if op == "-" {
			switch y := b.(type) {
			case time.Time:
				return x.Sub(y), nil
			case time.Duration:
				return x.Add(-y), nil
			}
		}
	case time.Duration:
		if d, ok := b.(time.Duration); ok && op == "-" {
			return x - d, nil
		}
	}
	return numericBinary(op, a, b)
}

// toIntegral converts an operand of a bitwise operator to int64; wide
// reports whether it is a 64-bit type.
func toIntegral(v any) (int64, bool, error) {
	if s, ok := v.(string); ok {
		n, err := scanNumber(s, TInt)
		if err != nil {
			return 0, false, err
		}
		v = n.value()
	}
	n, ok := asNum(v)
	if !ok {
		return 0, false, errInvalidCast(v, "System.Int32")
	}
	switch n.k {
	case nInt:
		return n.i, false, nil
	case nLong:
		return n.i, true, nil
	case nDouble:
		r := math.RoundToEven(n.f)
		if math.IsNaN(r) || r < math.MinInt64 || r >= 9.223372036854775807e18 {
			return 0, false, errInvalidCastValue(v, "System.Int64", "InvalidCastIConvertible", tooLargeMsg(TLong))
		}
		return int64(r), r < math.MinInt32 || r > math.MaxInt32, nil
	}
	r := n.d.RoundBank(0)
	if r.LessThan(decimal.NewFromInt(math.MinInt64)) || r.GreaterThan(decimal.NewFromInt(math.MaxInt64)) {
		return 0, false, errInvalidCastValue(v, "System.Int64", "InvalidCastIConvertible", tooLargeMsg(TLong))
	}
	i := r.IntPart()
	return i, i < math.MinInt32 || i > math.MaxInt32, nil
}

func bitwise(op string, a, b any) (any, error) {
	if a == nil && b == nil {
		return int32(0), nil
	}
	if _, ok := asNum(a); !ok {
		if _, s := a.(string); !s {
			return nil, errOpNotDefined(a, opMethods[op])
		}
	}
	if e, ok := a.(EnumValue); ok {
		if c, err := toEnum(b, e.T); err == nil {
			b = c
		}
	}
	x, wx, err := toIntegral(a)
	if err != nil {
		return nil, err
	}
	y, wy, err := toIntegral(b)
	if err != nil {
		return nil, err
	}
	var r int64
	switch op {
	case "-band":
		r = x & y
	case "-bor":
		r = x | y
	default:
		r = x ^ y
	}
	if e, ok := a.(EnumValue); ok {
		// An enum stays an enum: [FileAttributes]::Hidden -bor 'ReadOnly'.
		return EnumValue{e.T, r}, nil
	}
	if wx || wy {
		return r, nil
	}
	return int32(r), nil
}

func shift(op string, a, b any) (any, error) {
	if a == nil {
		return int32(0), nil
	}
	if _, ok := asNum(a); !ok {
		if _, s := a.(string); !s {
			return nil, errOpNotDefined(a, opMethods[op])
		}
	}
	x, wide, err := toIntegral(a)
	if err != nil {
		return nil, err
	}
	if _, isLong := a.(int64); isLong {
		wide = true
	}
	c, _, err := toIntegral(b)
	if err != nil {
		return nil, err
	}
	if !wide {
		c &= 31
		v := int32(x)
		if op == "-shl" {
			return v << uint(c), nil
		}
		return v >> uint(c), nil
	}
	c &= 63
	if op == "-shl" {
		return x << uint(c), nil
	}
	return x >> uint(c), nil
}

// Unary applies a unary operator: "-", "+", "-bnot", "-not", "!".
func Unary(op string, v any) (any, error) {
	v = unwrapBase(v)
	switch op {
	case "-not", "!":
		return !ToBool(v), nil
	case "-":
		if d, ok := v.(time.Duration); ok {
			return -d, nil
		}
		n, err := unaryNum(v, "op_UnaryNegation")
		if err != nil {
			return nil, err
		}
		if n.k == nDecimal {
			return n.d.Neg(), nil
		}
		return numericOp("-", num{k: nInt}, n)
	case "+":
		n, err := unaryNum(v, "op_UnaryPlus")
		if err != nil {
			return nil, err
		}
		return n.value(), nil
	case "-bnot":
		if v == nil {
			return int32(-1), nil
		}
		if _, ok := asNum(v); !ok {
			if _, s := v.(string); !s {
				return nil, errOpNotDefined(v, "op_OnesComplement")
			}
		}
		x, wide, err := toIntegral(v)
		if err != nil {
			return nil, err
		}
		if _, isLong := v.(int64); wide || isLong {
			return ^x, nil
		}
		return ^int32(x), nil
	}
	return nil, newErr(ExRuntime, "OperatorNotSupported", "InvalidOperation", "The operator '%s' is not supported.", op)
}

func unaryNum(v any, method string) (num, error) {
	if s, ok := v.(string); ok {
		return scanNumber(s, TInt)
	}
	n, ok := asNum(v)
	if !ok {
		return num{}, errOpNotDefined(v, method)
	}
	return n, nil
}
