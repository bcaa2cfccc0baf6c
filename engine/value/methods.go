package value

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// InvokeMethod calls a .NET-style instance method on v (case-insensitive
// name) with PowerShell's argument conversion and error texts. Script
// block methods (ForEach, Where) and script methods are the engine's.
func InvokeMethod(v any, name string, args []any) (any, error) {
	if o, ok := v.(*Object); ok && o != nil && o.Base != nil {
		v = o.Base
	}
	lname := strings.ToLower(name)
	if v == nil {
		return nil, newErr(ExRuntime, "InvokeMethodOnNull", "InvalidOperation", "You cannot call a method on a null-valued expression.")
	}
	var (
		r       any
		handled bool
		err     error
	)
	switch x := v.(type) {
	case string:
		r, handled, err = stringMethod(x, name, lname, args)
	case []any:
		r, handled, err = arrayMethod(x, name, lname, args)
	case *List:
		r, handled, err = listMethod(x, name, lname, args)
	case *Hashtable:
		r, handled, err = hashtableMethod(x, name, lname, args)
	case time.Time:
		r, handled, err = dateMethod(x, name, lname, args)
	case time.Duration:
		r, handled, err = timeSpanMethod(x, name, lname, args)
	case *Regex:
		r, handled, err = regexMethod(x, name, lname, args)
	case int32, int64, uint8, float64, decimal.Decimal, int:
		r, handled, err = numberMethod(x, name, lname, args)
	case *Type:
		if lname == "tostring" && len(args) == 0 {
			return dotNetTypeString(x), nil
		}
	case Native:
		r, handled, err = x.Method(name, lname, args)
	case EnumValue:
		r, handled, err = enumMethod(x, name, lname, args)
	}
	if handled || err != nil {
		return r, err
	}
	return commonMethod(v, name, lname, args)
}

// commonMethod handles the System.Object methods every value has.
func commonMethod(v any, name, lname string, args []any) (any, error) {
	switch lname {
	case "gettype":
		if len(args) == 0 {
			return TypeOf(v), nil
		}
	case "tostring":
		if len(args) == 0 {
			return dotNetToString(v), nil
		}
		if len(args) <= 2 {
			s, err := FormatValue(v, ToString(args[0]))
			if err != nil {
				return nil, wrapMethodErr(name, args, err)
			}
			return s, nil
		}
	case "equals":
		if len(args) == 1 {
			return strictEqual(v, args[0]), nil
		}
	case "gethashcode":
		if len(args) == 0 {
			return int32(len(ToString(v))), nil
		}
	case "compareto":
		if len(args) == 1 {
			c, err := CompareValues(v, args[0], true)
			if err != nil {
				return nil, wrapMethodErr(name, args, err)
			}
			return int32(c), nil
		}
	default:
		return nil, errMethodNotFound(typeNameForError(v), name)
	}
	return nil, errOverload(name, len(args))
}

// strictEqual is .NET Object.Equals: same type and value; strings ordinal.
func strictEqual(a, b any) bool {
	a, b = unwrapBase(a), unwrapBase(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if TypeOf(a) != TypeOf(b) {
		return false
	}
	switch x := a.(type) {
	case string:
		return x == b.(string)
	case decimal.Decimal:
		return x.Equal(b.(decimal.Decimal))
	case time.Time:
		return x.Equal(b.(time.Time))
	case []any:
		y := b.([]any)
		return len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	case *Type:
		return x.FullName == b.(*Type).FullName
	}
	return Equal(a, b, true)
}

// wrapMethodErr turns an error inside a method into pwsh's
// "Exception calling ..." MethodInvocationException.
func wrapMethodErr(name string, args []any, err error) error {
	inner := err.Error()
	id := "MethodInvocationException"
	if e, ok := err.(*Error); ok {
		if e.ExceptionType == ExMethodInvocation || e.ExceptionType == ExMethodException {
			return e
		}
		if i := strings.LastIndexByte(e.ExceptionType, '.'); i >= 0 {
			id = e.ExceptionType[i+1:]
		}
	}
	return errMethodCall(name, len(args), id, inner)
}

func argOutOfRange(name string, args []any, msg string) error {
	return errMethodCall(name, len(args), "ArgumentOutOfRangeException", msg)
}

func argException(name string, args []any, msg string) error {
	return errMethodCall(name, len(args), "ArgumentException", msg)
}

// argInt converts a method argument to int with PowerShell's conversion.
func argInt(name string, args []any, i int) (int, error) {
	v, err := ConvertTo(args[i], TInt)
	if err != nil {
		return 0, argConvErr(name, args, i, err)
	}
	return int(v.(int32)), nil
}

func argConvErr(name string, args []any, i int, err error) error {
	return newErr(ExMethodException, "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
		"Cannot convert argument \"%s\", with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"",
		argName(i), ToString(args[i]), name, "System.Int32", err.Error())
}

func argName(i int) string {
	names := []string{"startIndex", "length", "count", "value"}
	if i < len(names) {
		return names[i]
	}
	return "arg"
}

// argChars flattens char/string arguments into a set of runes (for Trim
// and Split).
func argChars(args []any) []rune {
	var out []rune
	for _, a := range args {
		switch x := a.(type) {
		case Char:
			out = append(out, rune(x))
		case []any:
			out = append(out, argChars(x)...)
		default:
			out = append(out, []rune(ToString(x))...)
		}
	}
	return out
}

// comparisonIgnoresCase reads a StringComparison argument.
func comparisonIgnoresCase(v any) bool {
	return strings.Contains(strings.ToLower(ToString(v)), "ignorecase") || ToString(v) == "1" || ToString(v) == "3" || ToString(v) == "5"
}
