package value

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// parseCompareOp splits "-ceq" into ("eq", caseSensitive=true).
func parseCompareOp(op string) (string, bool) {
	o := strings.ToLower(strings.TrimPrefix(op, "-"))
	cs := false
	if len(o) > 2 && (o[0] == 'c' || o[0] == 'i') && o != "contains" && o != "in" {
		switch o[1:] {
		case "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
			"contains", "notcontains", "in", "notin", "replace", "split":
			cs = o[0] == 'c'
			o = o[1:]
		}
	}
	return o, cs
}

// Compare applies a comparison operator (-eq -ne -gt -ge -lt -le -like
// -notlike -match -notmatch -contains -notcontains -in -notin, each with an
// optional c/i prefix). With an array on the left (except for -contains and
// -in) the result is the []any of matching elements; otherwise a bool.
func Compare(op string, a, b any) (any, error) {
	o, cs := parseCompareOp(op)
	a, b = unwrapBase(a), unwrapBase(b)
	switch o {
	case "contains", "notcontains":
		r, err := contains(a, b, cs)
		if o == "notcontains" {
			r = !r
		}
		return r, err
	case "in", "notin":
		r, err := contains(b, a, cs)
		if o == "notin" {
			r = !r
		}
		return r, err
	}
	if arr, ok := asItems(a); ok {
		out := []any{}
		for _, e := range arr {
			r, err := scalarCompare(o, e, b, cs)
			if err != nil {
				return nil, err
			}
			if r {
				out = append(out, e)
			}
		}
		return out, nil
	}
	return scalarCompareAny(o, a, b, cs)
}

func scalarCompareAny(o string, a, b any, cs bool) (any, error) {
	r, err := scalarCompare(o, a, b, cs)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func contains(coll, v any, cs bool) (bool, error) {
	items, ok := asItems(coll)
	if !ok {
		items = []any{coll}
	}
	for _, e := range items {
		if Equal(e, v, cs) {
			return true, nil
		}
	}
	return false, nil
}

func scalarCompare(o string, a, b any, cs bool) (bool, error) {
	switch o {
	case "eq":
		return Equal(a, b, cs), nil
	case "ne":
		return !Equal(a, b, cs), nil
	case "like", "notlike":
		r := Like(ToString(a), ToString(b), cs)
		return r == (o == "like"), nil
	case "match", "notmatch":
		r, err := patternRegex(b, cs)
		if err != nil {
			return false, err
		}
		m, err := r.IsMatch(ToString(a))
		if err != nil {
			return false, err
		}
		return m == (o == "match"), nil
	case "gt", "ge", "lt", "le":
		c, err := orderCompare(a, b, cs)
		if err != nil {
			return false, err
		}
		if c == 2 { // NaN: unordered
			return false, nil
		}
		switch o {
		case "gt":
			return c > 0, nil
		case "ge":
			return c >= 0, nil
		case "lt":
			return c < 0, nil
		}
		return c <= 0, nil
	}
	return false, newErr(ExRuntime, "OperatorNotSupported", "InvalidOperation", "The operator '-%s' is not supported.", o)
}

// Equal is PowerShell's -eq on two scalars: the right operand is converted
// to the left operand's type; strings compare case-insensitively unless
// caseSensitive.
func Equal(a, b any, caseSensitive bool) bool {
	a, b = unwrapBase(a), unwrapBase(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	switch x := a.(type) {
	case string:
		return stringsEqual(x, ToString(b), caseSensitive)
	case Char:
		switch y := b.(type) {
		case Char:
			return charEq(x, y, caseSensitive)
		case string:
			r, n := utf8.DecodeRuneInString(y)
			return n == len(y) && n > 0 && charEq(x, Char(r), caseSensitive)
		}
		if nb, ok := asNum(b); ok {
			return compareNum(num{k: nInt, i: int64(x)}, nb) == 0
		}
		return false
	case bool:
		return x == ToBool(b)
	case SwitchParameter:
		return bool(x) == ToBool(b)
	case EnumValue:
		c, err := toEnum(b, x.T)
		return err == nil && c.(EnumValue).V == x.V
	}
	if na, ok := asNum(a); ok {
		if s, ok := b.(string); ok {
			nb, err := scanNumber(s, TypeOf(a))
			return err == nil && compareNum(na, nb) == 0
		}
		if nb, ok := asNum(b); ok {
			return compareNum(na, nb) == 0
		}
		return false
	}
	switch x := a.(type) {
	case time.Time:
		c, err := ConvertTo(b, TDateTime)
		return err == nil && x.Equal(c.(time.Time))
	case time.Duration:
		c, err := ConvertTo(b, TTimeSpan)
		return err == nil && x == c.(time.Duration)
	case Guid:
		c, err := ConvertTo(b, TGuid)
		return err == nil && x == c.(Guid)
	case *Type:
		c, err := ConvertTo(b, TType)
		return err == nil && x.FullName == c.(*Type).FullName
	case []any:
		y, ok := b.([]any)
		return ok && len(x) == len(y) && (len(x) == 0 || &x[0] == &y[0])
	}
	return a == b
}

func charEq(x, y Char, cs bool) bool {
	if cs {
		return x == y
	}
	return unicode.ToUpper(rune(x)) == unicode.ToUpper(rune(y))
}

func stringsEqual(a, b string, cs bool) bool {
	if cs {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// orderCompare compares a with b converted to a's type for -lt/-gt and
// friends; null handling follows pwsh.
func orderCompare(a, b any, cs bool) (int, error) {
	if a == nil || b == nil {
		if a == nil && b == nil {
			return 0, nil
		}
		// As LanguagePrimitives.CompareObjectToNull: $null is below every
		// value but a negative number.
		v, sign := b, -1
		if b == nil {
			v, sign = a, 1
		}
		if n, ok := asNum(v); ok && isNumeric(v) && compareNum(n, num{k: nInt}) < 0 {
			return -sign, nil
		}
		return sign, nil
	}
	switch x := a.(type) {
	case string:
		return CompareStrings(x, ToString(b), !cs), nil
	case EnumValue:
		c, err := toEnum(b, x.T)
		if err != nil {
			return 0, err
		}
		return cmpInt(x.V, c.(EnumValue).V), nil
	case Char:
		if s, ok := b.(string); ok {
			return CompareStrings(string(rune(x)), s, !cs), nil
		}
		if y, ok := b.(Char); ok {
			return CompareStrings(string(rune(x)), string(rune(y)), !cs), nil
		}
	}
	if na, ok := asNum(a); ok {
		var nb num
		if s, isStr := b.(string); isStr {
			n, err := scanNumber(s, TypeOf(a))
			if err != nil {
				return 0, err
			}
			nb = n
		} else if n, ok := asNum(b); ok {
			nb = n
		} else {
			c, err := ConvertTo(b, TypeOf(a))
			if err != nil {
				return 0, err
			}
			nb, _ = asNum(c)
		}
		return compareNum(na, nb), nil
	}
	switch x := a.(type) {
	case time.Time:
		c, err := ConvertTo(b, TDateTime)
		if err != nil {
			return 0, err
		}
		return x.Compare(c.(time.Time)), nil
	case time.Duration:
		c, err := ConvertTo(b, TTimeSpan)
		if err != nil {
			return 0, err
		}
		return cmpInt(int64(x), int64(c.(time.Duration))), nil
	case Guid:
		c, err := ConvertTo(b, TGuid)
		if err != nil {
			return 0, err
		}
		return strings.Compare(x.String(), c.(Guid).String()), nil
	}
	return 0, newErr(ExRuntime, "NotIcomparable", "InvalidOperation",
		"Cannot compare \"%s\" because it is not IComparable.", dotNetToString(a))
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// CompareValues orders two values for Sort-Object and friends: nil sorts
// first, numbers numerically, strings culture-style, otherwise the right
// value is converted to the left's type, falling back to string order.
func CompareValues(a, b any, caseSensitive bool) (int, error) {
	a, b = unwrapBase(a), unwrapBase(b)
	switch {
	case a == nil && b == nil:
		return 0, nil
	case a == nil:
		return -1, nil
	case b == nil:
		return 1, nil
	}
	if na, ok := asNum(a); ok && isNumeric(a) {
		if nb, ok := asNum(b); ok && isNumeric(b) {
			c := compareNum(na, nb)
			if c == 2 {
				return nanOrder(na, nb), nil
			}
			return c, nil
		}
	}
	if sa, ok := a.(string); ok {
		return CompareStrings(sa, ToString(b), !caseSensitive), nil
	}
	if c, err := orderCompare(a, b, caseSensitive); err == nil {
		if c == 2 {
			return 0, nil
		}
		return c, nil
	}
	return CompareStrings(ToString(a), ToString(b), !caseSensitive), nil
}

// nanOrder sorts NaN before every other number, as .NET's Double.CompareTo.
func nanOrder(a, b num) int {
	an := a.k == nDouble && a.f != a.f
	bn := b.k == nDouble && b.f != b.f
	switch {
	case an && bn:
		return 0
	case an:
		return -1
	}
	return 1
}

// CompareStrings compares like .NET's invariant-culture string comparison
// (approximated): punctuation sorts before digits, digits before letters,
// letters alphabetically regardless of case; when case matters and the
// strings differ only by case, lower case sorts first.
func CompareStrings(a, b string, ignoreCase bool) int {
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb))
	for i := 0; i < n; i++ {
		ka, kb := sortKey(ra[i]), sortKey(rb[i])
		if ka != kb {
			if ka < kb {
				return -1
			}
			return 1
		}
	}
	if len(ra) != len(rb) {
		if len(ra) < len(rb) {
			return -1
		}
		return 1
	}
	if ignoreCase {
		return 0
	}
	for i := 0; i < n; i++ {
		if ra[i] != rb[i] {
			if unicode.IsLower(ra[i]) && !unicode.IsLower(rb[i]) {
				return -1
			}
			if !unicode.IsLower(ra[i]) && unicode.IsLower(rb[i]) {
				return 1
			}
			if ra[i] < rb[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

func sortKey(r rune) int64 {
	l := unicode.ToLower(r)
	var class int64
	switch {
	case unicode.IsLetter(r):
		class = 3
	case unicode.IsDigit(r):
		class = 2
	case unicode.IsSpace(r) || unicode.IsControl(r):
		class = 0
	default:
		class = 1
	}
	return class<<32 | int64(l)
}
