package value

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ToString converts v to a string the way PowerShell does (string
// expansion, [string] casts), in the invariant culture. Arrays are joined
// with a single space.
func ToString(v any) string { return ToStringSep(v, " ") }

// ToStringSep is ToString with sep as the array separator ($OFS).
func ToStringSep(v any, sep string) string {
	if a, ok := asItems(v); ok {
		var b strings.Builder
		for i, e := range a {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(scalarString(e))
		}
		return b.String()
	}
	return scalarString(v)
}

// scalarString converts without enumerating: a nested array is
// "System.Object[]", as pwsh does for the elements of an array.
func scalarString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case uint8:
		return strconv.Itoa(int(x))
	case float64:
		return formatDoubleG(x, 15)
	case decimal.Decimal:
		return decimalString(x)
	case Char:
		return string(rune(x))
	case time.Time:
		return FormatDate(x, "G")
	case time.Duration:
		return timeSpanString(x)
	case Guid:
		return x.String()
	case *Regex:
		if x == nil {
			return ""
		}
		return x.pattern
	case []any:
		return "System.Object[]"
	case *List:
		return dotNetTypeString(x.typ)
	case *Hashtable:
		if x.Ordered {
			return "System.Collections.Specialized.OrderedDictionary"
		}
		return "System.Collections.Hashtable"
	case *Object:
		return objectString(x)
	case *Type:
		return x.String()
	case ScriptBlockValue:
		return x.ScriptText()
	case SwitchParameter:
		if x {
			return "True"
		}
		return "False"
	case EnumValue:
		return x.String()
	case Native:
		return x.String()
	}
	return ""
}

// dotNetToString is the value's .NET ToString(): like ToString, but an array
// is its type name.
func dotNetToString(v any) string {
	switch x := v.(type) {
	case []any:
		return "System.Object[]"
	case float64:
		return formatDoubleR(x)
	case *Type:
		return x.FullName
	}
	return scalarString(v)
}

func objectString(o *Object) string {
	if o == nil {
		return ""
	}
	if o.Stringer != nil {
		return o.Stringer(o)
	}
	if o.Base != nil {
		return ToString(o.Base)
	}
	switch o.TypeName() {
	case TypeNameMatch, TypeNameGroup, "System.Text.RegularExpressions.Capture":
		v, _ := o.Get("Value")
		return ToString(v)
	case "System.Collections.DictionaryEntry":
		return "System.Collections.DictionaryEntry"
	}
	props := o.Properties()
	if len(props) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("@{")
	for i, p := range props {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Name)
		b.WriteByte('=')
		b.WriteString(scalarString(o.PropertyValue(p)))
	}
	b.WriteByte('}')
	return b.String()
}

func decimalString(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.String()
}

func timeSpanString(d time.Duration) string {
	var b strings.Builder
	ticks := int64(d / 100)
	if ticks < 0 {
		b.WriteByte('-')
		if ticks == math.MinInt64 {
			ticks = math.MaxInt64
		} else {
			ticks = -ticks
		}
	}
	const tps = 10000000
	days := ticks / (tps * 86400)
	rem := ticks % (tps * 86400)
	h := rem / (tps * 3600)
	rem %= tps * 3600
	m := rem / (tps * 60)
	rem %= tps * 60
	s := rem / tps
	frac := rem % tps
	if days != 0 {
		b.WriteString(strconv.FormatInt(days, 10))
		b.WriteByte('.')
	}
	b.WriteString(pad2(h) + ":" + pad2(m) + ":" + pad2(s))
	if frac != 0 {
		f := strconv.FormatInt(frac, 10)
		b.WriteByte('.')
		b.WriteString(strings.Repeat("0", 7-len(f)) + f)
	}
	return b.String()
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// shortestDigits returns the shortest round-trip digits of |f| and the
// decimal exponent such that |f| = 0.d1d2... * 10^exp.
func shortestDigits(f float64) (string, int) {
	s := strconv.FormatFloat(math.Abs(f), 'e', -1, 64)
	return splitE(s)
}

// splitE turns "d.ddde±xx" into ("dddd", exp) with value 0.dddd*10^exp.
func splitE(s string) (string, int) {
	i := strings.IndexByte(s, 'e')
	mant, exps := s[:i], s[i+1:]
	e, _ := strconv.Atoi(exps)
	digits := strings.Replace(mant, ".", "", 1)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return "0", 0
	}
	return digits, e + 1
}

// formatDoubleG formats like .NET double.ToString("G<prec>"), invariant.
func formatDoubleG(f float64, prec int) string {
	if s, ok := specialDouble(f); ok {
		return s
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	s := strconv.FormatFloat(math.Abs(f), 'e', prec-1, 64)
	digits, exp := splitE(s)
	return generalString(math.Signbit(f), digits, exp, prec, "E")
}

// formatDoubleR formats like .NET Core double.ToString(): shortest round-trip.
func formatDoubleR(f float64) string {
	if s, ok := specialDouble(f); ok {
		return s
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	digits, exp := shortestDigits(f)
	maxd := max(len(digits), 15)
	return generalString(math.Signbit(f), digits, exp, maxd, "E")
}

func specialDouble(f float64) (string, bool) {
	switch {
	case math.IsNaN(f):
		return "NaN", true
	case math.IsInf(f, 1):
		return "Infinity", true
	case math.IsInf(f, -1):
		return "-Infinity", true
	}
	return "", false
}

// generalString lays out digits (value 0.digits*10^exp) in .NET's "G" form:
// scientific when exp > maxDigits or exp < -3.
func generalString(neg bool, digits string, exp, maxDigits int, e string) string {
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	if exp > maxDigits || exp < -3 {
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteString(e)
		x := exp - 1
		if x < 0 {
			b.WriteByte('-')
			x = -x
		} else {
			b.WriteByte('+')
		}
		xs := strconv.Itoa(x)
		if len(xs) < 2 {
			xs = "0" + xs
		}
		b.WriteString(xs)
		return b.String()
	}
	if exp <= 0 {
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -exp))
		b.WriteString(digits)
		return b.String()
	}
	if len(digits) <= exp {
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", exp-len(digits)))
		return b.String()
	}
	b.WriteString(digits[:exp])
	b.WriteByte('.')
	b.WriteString(digits[exp:])
	return b.String()
}
