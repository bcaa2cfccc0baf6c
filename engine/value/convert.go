package value

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ConvertToName is ConvertTo with the target type given by name.
func ConvertToName(v any, typeName string) (any, error) {
	t, ok := LookupType(typeName)
	if !ok {
		return nil, newErr(ExRuntime, "TypeNotFound", "InvalidOperation",
			"Unable to find type [%s].", typeName)
	}
	return ConvertTo(v, t)
}

// ConvertTo converts v to type t with PowerShell's conversion rules
// (LanguagePrimitives.ConvertTo), as a cast [t]v does.
func ConvertTo(v any, t *Type) (any, error) {
	if t == nil {
		return v, nil
	}
	if o, ok := v.(*Object); ok && o.Base != nil && t.kind != kObject && t.kind != kPSObject {
		v = o.Base
	}
	if t.enum != nil {
		return toEnum(v, t)
	}
	if t.class != nil && t.class.from != nil && v != nil && !IsInstance(v, t) {
		if r, ok := t.class.from(v); ok {
			return r, nil
		}
	}
	if e, ok := v.(EnumValue); ok && t.kind != kObject && t.kind != kPSObject && t.kind != kString && !IsInstance(v, t) {
		v = enumNumber(e)
	}
	if t == TUnixFileMode {
		// A [Flags] enum, kept as its text ("UserWrite, UserRead"),
		// which SetUnixFileMode reads back.
		m, ok := parseUnixFileMode(v)
		if !ok {
			return nil, errInvalidCast(v, t.FullName)
		}
		return UnixFileModeText(m), nil
	}
	switch t.kind {
	case kObject, kPSObject:
		return v, nil
	case kVoid:
		return nil, nil
	case kString:
		if v == nil {
			return "", nil
		}
		return ToString(v), nil
	case kBool:
		return ToBool(v), nil
	case kSwitch:
		return SwitchParameter(ToBool(v)), nil
	case kInt, kLong, kByte, kDouble, kDecimal:
		return toNumberKind(v, t)
	case kChar:
		return toChar(v)
	case kArray:
		return toArray(v, t)
	case kList, kHashSet:
		return listFrom(v, t)
	case kHashtable, kOrdered:
		if v == nil {
			return nil, nil
		}
		h, ok := v.(*Hashtable)
		if !ok {
			return nil, errInvalidCast(v, t.FullName)
		}
		if h.Ordered == (t.kind == kOrdered) {
			return h, nil
		}
		c := h.Copy()
		c.Ordered = t.kind == kOrdered
		return c, nil
	case kPSCustomObject:
		if h, ok := v.(*Hashtable); ok {
			o := NewObjectSized(len(h.Keys()))
			for i, k := range h.Keys() {
				o.Set(ToString(k), h.Values()[i])
			}
			return o, nil
		}
		return v, nil
	case kDateTime:
		return toDateTime(v)
	case kTimeSpan:
		return toTimeSpan(v)
	case kGuid:
		switch x := v.(type) {
		case Guid:
			return x, nil
		case string:
			if g, ok := ParseGuid(x); ok {
				return g, nil
			}
			return nil, errInvalidCastValue(v, t.FullName, "InvalidCastParseTargetInvocation",
				"Exception calling \"Parse\" with \"1\" argument(s): \"Unrecognized Guid format.\"")
		}
	case kRegex:
		switch x := v.(type) {
		case *Regex:
			return x, nil
		case string:
			r, err := NewRegex(x, false)
			if err != nil {
				return nil, errInvalidCastValue(v, t.FullName, "InvalidCastConstructorException", err.Error())
			}
			return r, nil
		}
	case kScriptBlock:
		if sb, ok := v.(ScriptBlockValue); ok {
			return sb, nil
		}
	case kType:
		switch x := v.(type) {
		case *Type:
			return x, nil
		case string:
			if tt, ok := LookupType(x); ok {
				return tt, nil
			}
			return nil, errInvalidCastValue(v, "System.Type", "InvalidCastFromStringToType",
				"Unable to find type ["+x+"].")
		}
	default:
		if v == nil || IsInstance(v, t) {
			return v, nil
		}
	}
	if v == nil {
		return nil, errNullCast(t)
	}
	return nil, errInvalidCast(v, t.FullName)
}

func errNullCast(t *Type) *Error {
	return newErr(ExInvalidCast, "NullToValueTypeInvalidCast", "InvalidArgument",
		"Cannot convert null to type \"%s\".", t.FullName)
}

func toArray(v any, t *Type) (any, error) {
	if v == nil {
		return nil, nil
	}
	elem := t.Elem
	if elem == nil {
		elem = TObject
	}
	if s, ok := v.(string); ok && elem.kind == kChar {
		out := []any{}
		for _, r := range s {
			out = append(out, Char(r))
		}
		return out, nil
	}
	src, ok := asItems(v)
	if !ok {
		src = []any{v}
	}
	out := make([]any, len(src))
	for i, e := range src {
		c, err := ConvertTo(e, elem)
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

func toChar(v any) (any, error) {
	switch x := v.(type) {
	case Char:
		return x, nil
	case string:
		r := []rune(x)
		if len(r) == 1 {
			return Char(r[0]), nil
		}
		return nil, errInvalidCastValue(v, "System.Char", "InvalidCastParseTargetInvocation", "String must be exactly one character long.")
	case nil:
		return Char(0), nil
	case int32, int64, uint8, float64, decimal.Decimal, bool:
		n, err := toNumberKind(v, TInt)
		if err != nil {
			return nil, err
		}
		i := n.(int32)
		if i < 0 || i > 0xFFFF {
			return nil, errInvalidCastValue(v, "System.Char", "InvalidCastIConvertible", "Value was either too large or too small for a character.")
		}
		return Char(i), nil
	case []any:
		if len(x) == 1 {
			return toChar(x[0])
		}
	}
	return nil, errInvalidCast(v, "System.Char")
}

// ToBool is PowerShell's truthiness (LanguagePrimitives.IsTrue).
func ToBool(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case SwitchParameter:
		return bool(x)
	case string:
		return x != ""
	case int32:
		return x != 0
	case int64:
		return x != 0
	case int:
		return x != 0
	case uint8:
		return x != 0
	case float64:
		return x != 0
	case decimal.Decimal:
		return !x.IsZero()
	case Char:
		return x != 0
	case EnumValue:
		return x.V != 0
	case []any:
		return itemsTrue(x)
	case *List:
		return itemsTrue(x.Items)
	case *Object:
		if x != nil && x.Base != nil {
			return ToBool(x.Base)
		}
		return x != nil
	}
	return true
}

// ParseNumber converts a string to a number as PowerShell does for
// arithmetic and comparisons: whitespace is trimmed, an empty string is 0,
// and decimal integers, hex (0x1F), reals (1.5, 1e3) and the kb/mb/gb/tb/pb
// multipliers are accepted. The result is int32 when it fits, else int64,
// else float64.
func ParseNumber(s string) (any, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return int32(0), true
	}
	neg := false
	body := s
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	mult := int64(1)
	if len(body) > 2 {
		switch strings.ToLower(body[len(body)-2:]) {
		case "kb":
			mult = 1 << 10
		case "mb":
			mult = 1 << 20
		case "gb":
			mult = 1 << 30
		case "tb":
			mult = 1 << 40
		case "pb":
			mult = 1 << 50
		}
		if mult != 1 {
			body = body[:len(body)-2]
		}
	}
	if body == "" {
		return nil, false
	}
	if len(body) > 2 && body[0] == '0' && (body[1] == 'x' || body[1] == 'X') {
		u, err := strconv.ParseUint(body[2:], 16, 64)
		if err != nil || strings.ContainsAny(body[2:], "+-_") {
			return nil, false
		}
		var n int64
		switch {
		case u <= math.MaxUint32 && len(body[2:]) <= 8:
			n = int64(int32(uint32(u)))
		default:
			n = int64(u)
		}
		if neg {
			n = -n
		}
		return narrowInt(n, mult)
	}
	isInt := true
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' || c == 'e' || c == 'E':
			isInt = false
		case (c == '+' || c == '-') && i > 0 && (body[i-1] == 'e' || body[i-1] == 'E'):
		default:
			return nil, false
		}
	}
	if isInt {
		n, err := strconv.ParseInt(body, 10, 64)
		if err == nil {
			if neg {
				n = -n
			}
			return narrowInt(n, mult)
		}
	}
	f, err := strconv.ParseFloat(body, 64)
	if err != nil && !isRangeErr(err) {
		return nil, false
	}
	if neg {
		f = -f
	}
	return f * float64(mult), true
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func narrowInt(n, mult int64) (any, bool) {
	if mult != 1 {
		if n != 0 && (n > math.MaxInt64/mult || n < math.MinInt64/mult) {
			return float64(n) * float64(mult), true
		}
		n *= mult
	}
	if n >= math.MinInt32 && n <= math.MaxInt32 {
		return int32(n), true
	}
	return n, true
}

func tooLargeMsg(t *Type) string {
	switch t.kind {
	case kByte:
		return "Value was either too large or too small for an unsigned byte."
	case kLong:
		return "Value was either too large or too small for an Int64."
	case kDecimal:
		return "Value was either too large or too small for a Decimal."
	case kDouble:
		return "Value was either too large or too small for a Double."
	}
	return "Value was either too large or too small for an Int32."
}

func parseFailID(t *Type) string {
	switch t.kind {
	case kDouble:
		return "InvalidCastFromStringToDoubleOrSingle"
	case kDecimal:
		return "InvalidCastFromStringToDecimal"
	}
	return "InvalidCastFromStringToInteger"
}

// toNumberKind converts v to the numeric type t (int, long, byte, double, decimal).
func toNumberKind(v any, t *Type) (any, error) {
	var src any
	switch x := v.(type) {
	case nil:
		src = int32(0)
	case bool:
		src = int32(0)
		if x {
			src = int32(1)
		}
	case SwitchParameter:
		src = int32(0)
		if x {
			src = int32(1)
		}
	case Char:
		src = int32(x)
	case int:
		src = int64(x)
	case int32, int64, uint8, float64, decimal.Decimal:
		src = x
	case string:
		if t.kind == kDecimal {
			if d, err := decimal.NewFromString(strings.TrimSpace(x)); err == nil && !strings.ContainsAny(x, "eE") {
				return d, nil
			}
		}
		n, ok := ParseNumber(x)
		if !ok {
			return nil, errInvalidCastValue(v, t.FullName, parseFailID(t), "The input string '"+x+"' was not in a correct format.")
		}
		src = n
	case []any:
		if len(x) == 1 {
			return toNumberKind(x[0], t)
		}
		return nil, errInvalidCast(v, t.FullName)
	default:
		return nil, errInvalidCast(v, t.FullName)
	}
	r, ok := numConvert(src, t.kind)
	if !ok {
		return nil, errInvalidCastValue(src, t.FullName, "InvalidCastIConvertible", tooLargeMsg(t))
	}
	return r, nil
}

// numConvert converts a Go numeric value to the numeric kind k, rounding
// half to even; ok is false on overflow or NaN.
func numConvert(src any, k typeKind) (any, bool) {
	switch k {
	case kDouble:
		return toFloat(src), true
	case kDecimal:
		switch x := src.(type) {
		case decimal.Decimal:
			return x, true
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 7.9e28 {
				return nil, false
			}
			return decimal.NewFromFloat(x), true
		default:
			i, _ := toInt64Exact(src)
			return decimal.NewFromInt(i), true
		}
	}
	var lo, hi float64
	switch k {
	case kInt:
		lo, hi = math.MinInt32, math.MaxInt32
	case kByte:
		lo, hi = 0, 255
	default:
		lo, hi = math.MinInt64, math.MaxInt64
	}
	var i int64
	switch x := src.(type) {
	case int32:
		i = int64(x)
	case int64:
		i = x
	case uint8:
		i = int64(x)
	case float64:
		r := math.RoundToEven(x)
		if math.IsNaN(r) || r < lo || r > hi || (k == kLong && r >= 9.223372036854775807e18) {
			return nil, false
		}
		i = int64(r)
	case decimal.Decimal:
		r := x.RoundBank(0)
		if r.LessThan(decimal.NewFromFloat(lo)) || r.GreaterThan(decimal.NewFromFloat(hi)) {
			if k != kLong || r.LessThan(decimal.NewFromInt(math.MinInt64)) || r.GreaterThan(decimal.NewFromInt(math.MaxInt64)) {
				return nil, false
			}
		}
		i = r.IntPart()
	default:
		return nil, false
	}
	if float64(i) < lo || float64(i) > hi {
		return nil, false
	}
	switch k {
	case kInt:
		return int32(i), true
	case kByte:
		return uint8(i), true
	}
	return i, true
}

func toInt64Exact(v any) (int64, bool) {
	switch x := v.(type) {
	case int32:
		return int64(x), true
	case int64:
		return x, true
	case uint8:
		return int64(x), true
	case int:
		return int64(x), true
	}
	return 0, false
}

// toFloat converts any Go numeric representation to float64.
func toFloat(v any) float64 {
	switch x := v.(type) {
	case int32:
		return float64(x)
	case int64:
		return float64(x)
	case int:
		return float64(x)
	case uint8:
		return float64(x)
	case float64:
		return x
	case decimal.Decimal:
		f, _ := x.Float64()
		return f
	case bool:
		if x {
			return 1
		}
	case Char:
		return float64(x)
	}
	return 0
}

func toDateTime(v any) (any, error) {
	switch x := v.(type) {
	case time.Time:
		return x, nil
	case string:
		if t, ok := ParseDate(x); ok {
			return t, nil
		}
		return nil, errInvalidCastValue(v, "System.DateTime", "InvalidCastParseTargetInvocation",
			"String '"+x+"' was not recognized as a valid DateTime.")
	case int32, int64:
		n, _ := toInt64Exact(x)
		if n < 0 || n > maxTicks {
			break
		}
		return TicksToTime(n), nil
	case nil:
		return nil, errNullCast(TDateTime)
	}
	return nil, errInvalidCast(v, "System.DateTime")
}

func toTimeSpan(v any) (any, error) {
	switch x := v.(type) {
	case time.Duration:
		return x, nil
	case int32, int64:
		n, _ := toInt64Exact(x)
		if n > math.MaxInt64/100 || n < math.MinInt64/100 {
			return nil, errInvalidCast(v, "System.TimeSpan")
		}
		return time.Duration(n * 100), nil
	case string:
		if d, ok := parseTimeSpan(x); ok {
			return d, nil
		}
		return nil, errInvalidCastValue(v, "System.TimeSpan", "InvalidCastParseTargetInvocation",
			"String '"+x+"' was not recognized as a valid TimeSpan.")
	case nil:
		return nil, errNullCast(TTimeSpan)
	}
	return nil, errInvalidCast(v, "System.TimeSpan")
}

// parseTimeSpan parses [-][d.]hh:mm[:ss[.fffffff]] and a bare day count.
func parseTimeSpan(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var days int64
	if !strings.Contains(s, ":") {
		n, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return 0, false
		}
		d := time.Duration(n) * 24 * time.Hour
		if neg {
			d = -d
		}
		return d, true
	}
	if i := strings.IndexByte(s, '.'); i >= 0 && i < strings.IndexByte(s, ':') {
		n, err := strconv.ParseInt(s[:i], 10, 32)
		if err != nil {
			return 0, false
		}
		days, s = n, s[i+1:]
	}
	frac := int64(0)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		f := s[i+1:]
		if len(f) == 0 || len(f) > 7 {
			return 0, false
		}
		n, err := strconv.ParseInt(f+strings.Repeat("0", 7-len(f)), 10, 64)
		if err != nil {
			return 0, false
		}
		frac, s = n, s[:i]
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var nums [3]int64
	lim := [3]int64{23, 59, 59}
	for i, p := range parts {
		n, err := strconv.ParseInt(p, 10, 32)
		if err != nil || n < 0 || n > lim[i] {
			return 0, false
		}
		nums[i] = n
	}
	ticks := ((days*24+nums[0])*60+nums[1])*60 + nums[2]
	d := time.Duration(ticks)*time.Second + time.Duration(frac*100)
	if neg {
		d = -d
	}
	return d, true
}

// itemsTrue is the truthiness of a collection: empty is false, one element
// is that element's (a nested collection counts by being non-empty), more
// is true.
func itemsTrue(x []any) bool {
	switch len(x) {
	case 0:
		return false
	case 1:
		if inner, ok := asItems(x[0]); ok {
			return len(inner) > 0
		}
		return ToBool(x[0])
	}
	return true
}
