package value

import (
	"encoding/base64"
	"math"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dlclark/regexp2/v2"
	"github.com/shopspring/decimal"
)

// GetStatic reads a static property ([int]::MaxValue, [math]::PI, ...).
// An unknown static property is $null, as pwsh outside strict mode.
func GetStatic(t *Type, name string) (any, error) {
	if t == nil {
		return nil, nil
	}
	n := strings.ToLower(name)
	switch t.kind {
	case kInt:
		switch n {
		case "maxvalue":
			return int32(math.MaxInt32), nil
		case "minvalue":
			return int32(math.MinInt32), nil
		}
	case kLong:
		switch n {
		case "maxvalue":
			return int64(math.MaxInt64), nil
		case "minvalue":
			return int64(math.MinInt64), nil
		}
	case kByte:
		switch n {
		case "maxvalue":
			return uint8(255), nil
		case "minvalue":
			return uint8(0), nil
		}
	case kDouble:
		switch n {
		case "maxvalue":
			return math.MaxFloat64, nil
		case "minvalue":
			return -math.MaxFloat64, nil
		case "nan":
			return math.NaN(), nil
		case "positiveinfinity":
			return math.Inf(1), nil
		case "negativeinfinity":
			return math.Inf(-1), nil
		case "epsilon":
			return math.SmallestNonzeroFloat64, nil
		}
	case kDecimal:
		maxd, _ := decimal.NewFromString("79228162514264337593543950335")
		switch n {
		case "maxvalue":
			return maxd, nil
		case "minvalue":
			return maxd.Neg(), nil
		case "zero":
			return decimal.Zero, nil
		case "one":
			return decimal.NewFromInt(1), nil
		}
	case kChar:
		switch n {
		case "maxvalue":
			return Char(0xFFFF), nil
		case "minvalue":
			return Char(0), nil
		}
	case kString:
		if n == "empty" {
			return "", nil
		}
	case kBool:
		switch n {
		case "truestring":
			return "True", nil
		case "falsestring":
			return "False", nil
		}
	case kMath:
		switch n {
		case "pi":
			return math.Pi, nil
		case "e":
			return math.E, nil
		case "tau":
			return 2 * math.Pi, nil
		}
	case kDateTime:
		switch n {
		case "now":
			return time.Now(), nil
		case "utcnow":
			return time.Now().UTC(), nil
		case "today":
			y, m, d := time.Now().Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.Local), nil
		case "minvalue":
			return TicksToTime(0), nil
		case "maxvalue":
			return TicksToTime(maxTicks), nil
		}
	case kTimeSpan:
		switch n {
		case "zero":
			return time.Duration(0), nil
		case "maxvalue":
			return time.Duration(math.MaxInt64), nil
		case "minvalue":
			return time.Duration(math.MinInt64), nil
		}
	case kGuid:
		if n == "empty" {
			return Guid{}, nil
		}
	}
	switch t {
	case TEnvironment:
		switch n {
		case "newline":
			return "\n", nil
		case "machinename":
			h, _ := os.Hostname()
			return h, nil
		case "username":
			return os.Getenv("USER"), nil
		case "processorcount":
			return int32(1), nil
		case "userdomainname":
			h, _ := os.Hostname()
			return h, nil
		}
	case TPath:
		switch n {
		case "directoryseparatorchar", "altdirectoryseparatorchar":
			return Char('/'), nil
		case "pathseparator":
			return Char(':'), nil
		}
	}
	return nil, nil
}

func staticErr(t *Type, name string) error { return errMethodNotFound(t.FullName, name) }

// InvokeStatic calls a static method ([math]::Round(2.5), [string]::Join(...)).
func InvokeStatic(t *Type, name string, args []any) (any, error) {
	if t == nil {
		return nil, errMethodNotFound("System.Object", name)
	}
	n := strings.ToLower(name)
	var (
		r       any
		handled bool
		err     error
	)
	switch t.kind {
	case kMath:
		r, handled, err = mathStatic(name, n, args)
	case kString:
		r, handled, err = stringStatic(name, n, args)
	case kDateTime:
		r, handled, err = dateStatic(name, n, args)
	case kRegex:
		r, handled, err = regexStatic(name, n, args)
	case kChar:
		r, handled, err = charStatic(name, n, args)
	case kTimeSpan:
		r, handled, err = timeSpanStatic(name, n, args)
	case kGuid:
		switch {
		case n == "newguid" && len(args) == 0:
			return NewGuid(), nil
		case n == "parse" && len(args) == 1:
			g, ok := ParseGuid(ToString(args[0]))
			if !ok {
				return nil, errMethodCall(name, 1, "FormatException", "Unrecognized Guid format.")
			}
			return g, nil
		}
	case kInt, kLong, kByte, kDouble, kDecimal, kBool:
		if n == "parse" && len(args) >= 1 {
			if t.kind == kBool {
				s := strings.TrimSpace(ToString(args[0]))
				switch strings.ToLower(s) {
				case "true":
					return true, nil
				case "false":
					return false, nil
				}
				return nil, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid Boolean.")
			}
			s := ToString(args[0])
			v, cerr := ConvertTo(s, t)
			if cerr != nil || strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "0x") || strings.TrimSpace(s) == "" {
				return nil, errMethodCall(name, len(args), "FormatException", "The input string '"+s+"' was not in a correct format.")
			}
			return v, nil
		}
	}
	if handled || err != nil {
		return r, err
	}
	switch t {
	case TConvert:
		r, handled, err = convertStatic(name, n, args)
	case TPath:
		r, handled, err = pathStatic(name, n, args)
	case TEnvironment:
		if n == "getenvironmentvariable" && len(args) >= 1 {
			v, ok := os.LookupEnv(ToString(args[0]))
			if !ok {
				return nil, nil
			}
			return v, nil
		}
	}
	if handled || err != nil {
		return r, err
	}
	if n == "equals" && len(args) == 2 {
		return strictEqual(args[0], args[1]), nil
	}
	return nil, staticErr(t, name)
}

func mathArgs(name string, args []any, want int) ([]num, error) {
	if len(args) != want {
		return nil, errOverload(name, len(args))
	}
	out := make([]num, want)
	for i, a := range args {
		if s, ok := a.(string); ok {
			nn, err := scanNumber(s, TDouble)
			if err != nil {
				return nil, argConvErr(name, args, i, err)
			}
			out[i] = nn
			continue
		}
		nn, ok := asNum(a)
		if !ok {
			return nil, argConvErr(name, args, i, errInvalidCast(a, "System.Double"))
		}
		out[i] = nn
	}
	return out, nil
}

func mathStatic(name, n string, args []any) (any, bool, error) {
	f1 := map[string]func(float64) float64{
		"sqrt": math.Sqrt, "log10": math.Log10, "log2": math.Log2, "exp": math.Exp,
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "asin": math.Asin, "acos": math.Acos,
		"atan": math.Atan, "sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh, "cbrt": math.Cbrt,
	}
	if f, ok := f1[n]; ok {
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		return f(a[0].float()), true, nil
	}
	switch n {
	case "pow", "atan2", "ieeeremainder":
		a, err := mathArgs(name, args, 2)
		if err != nil {
			return nil, true, err
		}
		switch n {
		case "pow":
			return math.Pow(a[0].float(), a[1].float()), true, nil
		case "atan2":
			return math.Atan2(a[0].float(), a[1].float()), true, nil
		}
		return math.Remainder(a[0].float(), a[1].float()), true, nil
	case "log":
		if len(args) == 2 {
			a, err := mathArgs(name, args, 2)
			if err != nil {
				return nil, true, err
			}
			return math.Log(a[0].float()) / math.Log(a[1].float()), true, nil
		}
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		return math.Log(a[0].float()), true, nil
	case "max", "min":
		a, err := mathArgs(name, args, 2)
		if err != nil {
			return nil, true, err
		}
		x, y, _ := widen(a[0], a[1])
		c := compareNum(x, y)
		if x.k == nDouble && (math.IsNaN(x.f) || math.IsNaN(y.f)) {
			return math.NaN(), true, nil
		}
		if (n == "max") == (c >= 0) {
			return x.value(), true, nil
		}
		return y.value(), true, nil
	case "abs":
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		x := a[0]
		switch x.k {
		case nDouble:
			return math.Abs(x.f), true, nil
		case nDecimal:
			return x.d.Abs(), true, nil
		}
		if (x.k == nInt && x.i == math.MinInt32) || (x.k == nLong && x.i == math.MinInt64) {
			return nil, true, errMethodCall(name, 1, "OverflowException", "Negating the minimum value of a twos complement number is invalid.")
		}
		if x.i < 0 {
			x.i = -x.i
		}
		return x.value(), true, nil
	case "sign":
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		if a[0].k == nDouble && math.IsNaN(a[0].f) {
			return nil, true, errMethodCall(name, 1, "ArithmeticException", "Function does not accept floating point Not-a-Number values.")
		}
		return int32(compareNum(a[0], num{k: nInt})), true, nil
	case "floor", "ceiling", "truncate":
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		x := a[0]
		if x.k == nDecimal {
			switch n {
			case "floor":
				return x.d.Floor(), true, nil
			case "ceiling":
				return x.d.Ceil(), true, nil
			}
			return x.d.Truncate(0), true, nil
		}
		f := x.float()
		switch n {
		case "floor":
			return math.Floor(f), true, nil
		case "ceiling":
			return math.Ceil(f), true, nil
		}
		return math.Trunc(f), true, nil
	case "round":
		return mathRound(name, args)
	case "divrem":
		return nil, true, errOverload(name, len(args))
	}
	return nil, false, nil
}

// mathRound is Math.Round: banker's rounding by default; a digits count
// and a MidpointRounding ('ToEven', 'AwayFromZero', ...) may follow.
func mathRound(name string, args []any) (any, bool, error) {
	if len(args) < 1 || len(args) > 3 {
		return nil, true, errOverload(name, len(args))
	}
	a, err := mathArgs(name, args[:1], 1)
	if err != nil {
		return nil, true, err
	}
	digits, mode := 0, "toeven"
	for i, x := range args[1:] {
		if s, ok := x.(string); ok {
			if _, isNum := ParseNumber(s); !isNum {
				mode = strings.ToLower(s)
				continue
			}
		}
		d, err := argInt(name, args, i+1)
		if err != nil {
			return nil, true, err
		}
		digits = d
	}
	if digits < 0 || digits > 28 || (a[0].k != nDecimal && digits > 15) {
		return nil, true, argOutOfRange(name, args, "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
	}
	switch mode {
	case "toeven", "awayfromzero", "tozero", "tonegativeinfinity", "topositiveinfinity":
	default:
		return nil, true, argConvErr(name, args, len(args)-1, errInvalidCastValue(mode, "System.MidpointRounding", "InvalidCastFromStringToEnum", "Unable to match the identifier name "+mode+" to a valid enumerator name."))
	}
	x := a[0]
	if x.k == nDecimal {
		switch mode {
		case "awayfromzero":
			return x.d.Round(int32(digits)), true, nil
		case "tozero":
			return x.d.Truncate(int32(digits)), true, nil
		case "tonegativeinfinity":
			return x.d.RoundFloor(int32(digits)), true, nil
		case "topositiveinfinity":
			return x.d.RoundCeil(int32(digits)), true, nil
		}
		return x.d.RoundBank(int32(digits)), true, nil
	}
	f := x.float()
	p := math.Pow(10, float64(digits))
	v := f * p
	var r float64
	switch mode {
	case "awayfromzero":
		ip, frac := math.Modf(v)
		if math.Abs(frac) >= 0.5 {
			ip += math.Copysign(1, frac)
		}
		r = ip
	case "tozero":
		r = math.Trunc(v)
	case "tonegativeinfinity":
		r = math.Floor(v)
	case "topositiveinfinity":
		r = math.Ceil(v)
	default:
		r = math.RoundToEven(v)
	}
	if digits > 0 {
		r /= p
	}
	if math.IsInf(v, 0) {
		r = f
	}
	return r, true, nil
}

func stringStatic(name, n string, args []any) (any, bool, error) {
	switch n {
	case "isnullorempty":
		if len(args) == 1 {
			return args[0] == nil || ToString(args[0]) == "", true, nil
		}
	case "isnullorwhitespace":
		if len(args) == 1 {
			return strings.TrimSpace(ToString(args[0])) == "", true, nil
		}
	case "join":
		if len(args) >= 2 {
			sep := ToString(args[0])
			items := args[1:]
			if len(items) == 1 {
				if a, ok := items[0].([]any); ok {
					items = a
				}
			}
			parts := make([]string, len(items))
			for i, e := range items {
				parts[i] = ToString(e)
			}
			return strings.Join(parts, sep), true, nil
		}
	case "concat":
		var b strings.Builder
		items := args
		if len(items) == 1 {
			if a, ok := items[0].([]any); ok {
				items = a
			}
		}
		for _, e := range items {
			b.WriteString(ToString(e))
		}
		return b.String(), true, nil
	case "format":
		if len(args) >= 1 {
			fargs := args[1:]
			if len(fargs) == 1 {
				if a, ok := fargs[0].([]any); ok {
					fargs = a
				}
			}
			s, err := composite(ToString(args[0]), fargs)
			if err != nil {
				return nil, true, errMethodCall(name, len(args), "FormatException", err.Error())
			}
			return s, true, nil
		}
	case "compare":
		if len(args) >= 2 {
			ignore := len(args) >= 3 && (ToBool(args[2]) && !isComparisonName(args[2]) || comparisonIgnoresCase(args[2]))
			if args[0] == nil || args[1] == nil {
				switch {
				case args[0] == nil && args[1] == nil:
					return int32(0), true, nil
				case args[0] == nil:
					return int32(-1), true, nil
				}
				return int32(1), true, nil
			}
			return int32(CompareStrings(ToString(args[0]), ToString(args[1]), ignore)), true, nil
		}
	case "equals":
		if len(args) == 2 {
			return ToString(args[0]) == ToString(args[1]) && (args[0] == nil) == (args[1] == nil), true, nil
		}
	case "new":
		if len(args) == 2 {
			c, err := ConvertTo(args[0], TChar)
			if err != nil {
				return nil, true, wrapMethodErr(name, args, err)
			}
			k, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if k < 0 || k > maxRepeat {
				return nil, true, argOutOfRange(name, args, "Count cannot be less than zero. (Parameter 'count')")
			}
			return strings.Repeat(string(rune(c.(Char))), k), true, nil
		}
	}
	return nil, false, nil
}

func isComparisonName(v any) bool {
	_, isStr := v.(string)
	return isStr && strings.Contains(strings.ToLower(ToString(v)), "case")
}

func dateStatic(name, n string, args []any) (any, bool, error) {
	switch n {
	case "parse":
		if len(args) >= 1 {
			t, ok := ParseDate(ToString(args[0]))
			if !ok {
				return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid DateTime.")
			}
			return t, true, nil
		}
	case "parseexact":
		if len(args) >= 2 {
			t, ok := ParseExactDate(ToString(args[0]), ToString(args[1]))
			if !ok {
				return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid DateTime.")
			}
			return t, true, nil
		}
	case "daysinmonth":
		if len(args) == 2 {
			y, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			m, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if m < 1 || m > 12 {
				return nil, true, argOutOfRange(name, args, "Month must be between one and twelve. (Parameter 'month')")
			}
			return int32(daysIn(y, time.Month(m))), true, nil
		}
	case "isleapyear":
		if len(args) == 1 {
			y, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			return y%4 == 0 && (y%100 != 0 || y%400 == 0), true, nil
		}
	case "new":
		if len(args) >= 3 && len(args) <= 7 {
			vals := make([]int, 7)
			for i := range args {
				v, err := argInt(name, args, i)
				if err != nil {
					return nil, true, err
				}
				vals[i] = v
			}
			t := time.Date(vals[0], time.Month(vals[1]), vals[2], vals[3], vals[4], vals[5], vals[6]*1e6, time.Local)
			if t.Year() != vals[0] || int(t.Month()) != vals[1] || t.Day() != vals[2] || vals[0] < 1 || vals[0] > 9999 {
				return nil, true, argOutOfRange(name, args, "Year, Month, and Day parameters describe an un-representable DateTime.")
			}
			return t, true, nil
		}
	}
	return nil, false, nil
}

func regexOptsIgnoreCase(v any) bool {
	s := strings.ToLower(ToString(v))
	if strings.Contains(s, "ignorecase") {
		return true
	}
	if i, err := strconv.Atoi(s); err == nil {
		return i&1 != 0
	}
	return false
}

func regexStatic(name, n string, args []any) (any, bool, error) {
	switch n {
	case "escape":
		if len(args) == 1 {
			return regexp2.Escape(ToString(args[0])), true, nil
		}
	case "unescape":
		if len(args) == 1 {
			s, err := regexp2.Unescape(ToString(args[0]))
			if err != nil {
				return nil, true, argException(name, args, err.Error())
			}
			return s, true, nil
		}
	}
	if len(args) < 2 {
		return nil, false, nil
	}
	ignore := false
	switch n {
	case "replace":
		if len(args) == 4 {
			ignore = regexOptsIgnoreCase(args[3])
		} else if len(args) != 3 {
			return nil, true, errOverload(name, len(args))
		}
	default:
		if len(args) == 3 {
			ignore = regexOptsIgnoreCase(args[2])
		} else if len(args) != 2 {
			return nil, true, errOverload(name, len(args))
		}
	}
	r, err := NewRegex(ToString(args[1]), ignore)
	if err != nil {
		return nil, true, wrapMethodErr(name, args, err)
	}
	input := ToString(args[0])
	switch n {
	case "ismatch":
		return regexMethod(r, name, "ismatch", []any{input})
	case "match":
		return regexMethod(r, name, "match", []any{input})
	case "matches":
		return regexMethod(r, name, "matches", []any{input})
	case "split":
		return regexMethod(r, name, "split", []any{input})
	case "replace":
		return regexMethod(r, name, "replace", []any{input, args[2]})
	}
	return nil, false, nil
}

// charArg reads a char argument: a Char, a one-character string, or
// (string, index).
func charArg(name string, args []any) (rune, error) {
	switch len(args) {
	case 1:
		c, err := ConvertTo(args[0], TChar)
		if err != nil {
			return 0, argConvErr(name, args, 0, err)
		}
		return rune(c.(Char)), nil
	case 2:
		rs := []rune(ToString(args[0]))
		i, err := argInt(name, args, 1)
		if err != nil {
			return 0, err
		}
		if i < 0 || i >= len(rs) {
			return 0, argOutOfRange(name, args, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
		}
		return rs[i], nil
	}
	return 0, errOverload(name, len(args))
}

func charStatic(name, n string, args []any) (any, bool, error) {
	preds := map[string]func(rune) bool{
		"isdigit": unicode.IsDigit, "isletter": unicode.IsLetter, "isupper": unicode.IsUpper,
		"islower": unicode.IsLower, "iswhitespace": unicode.IsSpace, "ispunctuation": unicode.IsPunct,
		"isletterordigit": func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) },
		"isnumber":        unicode.IsNumber, "iscontrol": unicode.IsControl, "issymbol": unicode.IsSymbol,
		"isseparator": func(r rune) bool { return unicode.In(r, unicode.Z) },
	}
	if p, ok := preds[n]; ok {
		r, err := charArg(name, args)
		if err != nil {
			return nil, true, err
		}
		return p(r), true, nil
	}
	switch n {
	case "toupper", "toupperinvariant", "tolower", "tolowerinvariant":
		r, err := charArg(name, args[:min(1, len(args))])
		if err != nil {
			return nil, true, err
		}
		if strings.HasPrefix(n, "toupper") {
			return Char(unicode.ToUpper(r)), true, nil
		}
		return Char(unicode.ToLower(r)), true, nil
	case "getnumericvalue":
		r, err := charArg(name, args)
		if err != nil {
			return nil, true, err
		}
		if r >= '0' && r <= '9' {
			return float64(r - '0'), true, nil
		}
		return float64(-1), true, nil
	}
	return nil, false, nil
}

func timeSpanStatic(name, n string, args []any) (any, bool, error) {
	units := map[string]float64{
		"fromdays": 864e11, "fromhours": 36e11, "fromminutes": 6e10, "fromseconds": 1e9,
		"frommilliseconds": 1e6, "fromticks": 100,
	}
	if u, ok := units[n]; ok {
		if len(args) != 1 {
			return nil, true, errOverload(name, len(args))
		}
		f, err := argFloat(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		d := f * u
		if math.IsNaN(d) || math.Abs(d) >= 9.2e18 {
			return nil, true, errMethodCall(name, 1, "OverflowException", "TimeSpan overflowed because the duration is too long.")
		}
		return time.Duration(math.Round(d)), true, nil
	}
	if n == "parse" && len(args) >= 1 {
		d, ok := parseTimeSpan(ToString(args[0]))
		if !ok {
			return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid TimeSpan.")
		}
		return d, true, nil
	}
	return nil, false, nil
}

func convertStatic(name, n string, args []any) (any, bool, error) {
	if len(args) == 0 {
		return nil, false, nil
	}
	targets := map[string]*Type{
		"toint32": TInt, "toint64": TLong, "todouble": TDouble, "todecimal": TDecimal,
		"tobyte": TByte, "toboolean": TBool, "tochar": TChar, "todatetime": TDateTime,
		"toint16": TInt, "tosingle": TDouble,
	}
	if t, ok := targets[n]; ok {
		if len(args) == 2 && (t == TInt || t == TLong || t == TByte) {
			base, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if base != 2 && base != 8 && base != 10 && base != 16 {
				return nil, true, argException(name, args, "Invalid Base. (Parameter 'fromBase')")
			}
			s := strings.TrimSpace(ToString(args[0]))
			if base == 16 {
				s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
			}
			u, perr := strconv.ParseUint(s, base, 64)
			if perr != nil {
				i, ierr := strconv.ParseInt(s, base, 64)
				if ierr != nil || base != 10 {
					return nil, true, errMethodCall(name, 2, "FormatException", "Could not find any recognizable digits.")
				}
				u = uint64(i)
			}
			switch t {
			case TInt:
				if base == 10 {
					v, cerr := ConvertTo(s, TInt)
					if cerr != nil {
						return nil, true, wrapMethodErr(name, args, cerr)
					}
					return v, true, nil
				}
				if u > math.MaxUint32 {
					return nil, true, errMethodCall(name, 2, "OverflowException", "Value was either too large or too small for an Int32.")
				}
				return int32(uint32(u)), true, nil
			case TByte:
				if u > 255 {
					return nil, true, errMethodCall(name, 2, "OverflowException", "Value was either too large or too small for an unsigned byte.")
				}
				return uint8(u), true, nil
			}
			return int64(u), true, nil
		}
		if t == TBool {
			if s, ok := args[0].(string); ok {
				return stringToBoolStrict(name, args, s)
			}
		}
		v, err := ConvertTo(args[0], t)
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return v, true, nil
	}
	switch n {
	case "tostring":
		if len(args) == 2 && isIntValue(args[1]) {
			base, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if base != 2 && base != 8 && base != 10 && base != 16 {
				return nil, true, argException(name, args, "Invalid Base. (Parameter 'toBase')")
			}
			nn, ok := asNum(args[0])
			if !ok || nn.k == nDouble || nn.k == nDecimal {
				return nil, true, errOverload(name, 2)
			}
			if base == 10 {
				return strconv.FormatInt(nn.i, 10), true, nil
			}
			u := uint64(nn.i)
			if nn.k == nInt {
				u = uint64(uint32(int32(nn.i)))
			}
			return strconv.FormatUint(u, base), true, nil
		}
		if len(args) == 1 {
			return dotNetToString(args[0]), true, nil
		}
		s, err := FormatValue(args[0], ToString(args[1]))
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return s, true, nil
	case "tobase64string":
		b, err := byteArg(name, args)
		if err != nil {
			return nil, true, err
		}
		return base64.StdEncoding.EncodeToString(b), true, nil
	case "frombase64string":
		b, err := base64.StdEncoding.DecodeString(ToString(args[0]))
		if err != nil {
			return nil, true, errMethodCall(name, 1, "FormatException", "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
		}
		out := make([]any, len(b))
		for i, c := range b {
			out[i] = c
		}
		return out, true, nil
	}
	return nil, false, nil
}

func stringToBoolStrict(name string, args []any, s string) (any, bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true":
		return true, true, nil
	case "false":
		return false, true, nil
	}
	return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+s+"' was not recognized as a valid Boolean.")
}

func byteArg(name string, args []any) ([]byte, error) {
	a, ok := args[0].([]any)
	if !ok {
		return nil, errOverload(name, len(args))
	}
	b := make([]byte, len(a))
	for i, e := range a {
		v, err := ConvertTo(e, TByte)
		if err != nil {
			return nil, wrapMethodErr(name, args, err)
		}
		b[i] = v.(uint8)
	}
	return b, nil
}

func pathStatic(name, n string, args []any) (any, bool, error) {
	if len(args) == 0 {
		if n == "gettemppath" {
			d := os.TempDir()
			if !strings.HasSuffix(d, "/") {
				d += "/"
			}
			return d, true, nil
		}
		return nil, false, nil
	}
	p := ToString(args[0])
	switch n {
	case "getfilename":
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			return p[i+1:], true, nil
		}
		return p, true, nil
	case "getextension":
		base := p[strings.LastIndexByte(p, '/')+1:]
		if i := strings.LastIndexByte(base, '.'); i >= 0 && i < len(base)-1 {
			return base[i:], true, nil
		}
		return "", true, nil
	case "getfilenamewithoutextension":
		base := p[strings.LastIndexByte(p, '/')+1:]
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			return base[:i], true, nil
		}
		return base, true, nil
	case "getdirectoryname":
		if p == "" {
			return nil, true, nil
		}
		i := strings.LastIndexByte(p, '/')
		switch {
		case i < 0:
			return "", true, nil
		case i == 0:
			if p == "/" {
				return nil, true, nil
			}
			return "/", true, nil
		}
		return strings.TrimRight(p[:i], "/"), true, nil
	case "combine", "join":
		items := args
		if len(items) == 1 {
			if a, ok := items[0].([]any); ok {
				items = a
			}
		}
		out := ""
		for _, it := range items {
			s := ToString(it)
			switch {
			case s == "":
			case n == "combine" && strings.HasPrefix(s, "/"):
				out = s
			case out == "" || strings.HasSuffix(out, "/"):
				out += s
			default:
				out += "/" + s
			}
		}
		return out, true, nil
	case "ispathrooted":
		return strings.HasPrefix(p, "/"), true, nil
	case "haseextension", "hasextension":
		base := path.Base(p)
		i := strings.LastIndexByte(base, '.')
		return i >= 0 && i < len(base)-1, true, nil
	case "changeextension":
		if len(args) == 2 {
			base := p
			if i := strings.LastIndexByte(p, '.'); i > strings.LastIndexByte(p, '/') {
				base = p[:i]
			}
			if args[1] == nil {
				return base, true, nil
			}
			ext := ToString(args[1])
			if ext != "" && !strings.HasPrefix(ext, ".") {
				ext = "." + ext
			}
			return base + ext, true, nil
		}
	}
	return nil, false, nil
}
