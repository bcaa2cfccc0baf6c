package value

import (
	"math"
	"os"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// GetStatic reads a static property ([int]::MaxValue, [math]::PI, ...).
// An unknown static property is $null, as pwsh outside strict mode.
func GetStatic(t *Type, name string) (any, error) {
	if t == nil {
		return nil, nil
	}
	n := strings.ToLower(name)
	if t.enum != nil {
		if v, ok := enumStaticMember(t, name); ok {
			return v, nil
		}
	}
	if t.class != nil && t.class.get != nil {
		if v, ok := t.class.get(n); ok {
			return v, nil
		}
	}
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
	if t.class != nil && t.class.call != nil {
		if r, handled, err = t.class.call(name, n, args); handled || err != nil {
			return r, err
		}
	}
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
	case kArray:
		r, handled, err = arrayStatic(n, args)
	case kList, kHashSet:
		if n == "new" {
			return NewListArgs(t, args)
		}
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
	case TFile:
		r, handled, err = fileStatic(name, n, args)
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
