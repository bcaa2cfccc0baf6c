package value

import (
	"strings"
	"unicode"

	"github.com/dlclark/regexp2/v2"
)

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
				if a, ok := asItems(items[0]); ok {
					items = a
				}
			}
			out, err := joinCapped(items, sep)
			if err != nil {
				return nil, true, wrapMethodErr(name, args, err)
			}
			return out, true, nil
		}
	case "concat":
		items := args
		if len(items) == 1 {
			if a, ok := asItems(items[0]); ok {
				items = a
			}
		}
		out, err := joinCapped(items, "")
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return out, true, nil
	case "format":
		if len(args) >= 1 {
			fargs := args[1:]
			if len(fargs) == 1 {
				if a, ok := asItems(fargs[0]); ok {
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
			if k < 0 {
				return nil, true, argOutOfRange(name, args, "Count cannot be less than zero. (Parameter 'count')")
			}
			if k > maxRepeat/len(string(rune(c.(Char)))) {
				return nil, true, wrapMethodErr(name, args, errStringTooLarge())
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

// regexOptions converts a RegexOptions argument ('IgnoreCase, Multiline',
// a number, an enum value) to the .NET flags, which regexp2 shares but for
// Compiled, CultureInvariant and NonBacktracking (no meaning here).
func regexOptions(name string, args []any, i int) (int64, regexp2.RegexOptions, error) {
	e, err := ConvertTo(args[i], TRegexOptions)
	if err != nil {
		return 0, 0, newErr(ExMethodException, "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
			"Cannot convert argument \"options\", with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"",
			ToString(args[i]), name, TRegexOptions.FullName, err.Error())
	}
	n := e.(EnumValue).V
	return n, regexp2.RegexOptions(n &^ (8 | 512 | 1024)), nil
}

// newRegexNet compiles pattern with .NET RegexOptions, remembering them
// for the Options property.
func newRegexNet(name string, args []any, pattern string, optIdx int) (*Regex, error) {
	var net int64
	var opts regexp2.RegexOptions
	if optIdx < len(args) {
		var err error
		if net, opts, err = regexOptions(name, args, optIdx); err != nil {
			return nil, err
		}
	}
	r, err := newRegexOpt(pattern, opts)
	if err != nil {
		return nil, wrapMethodErr(name, args, err)
	}
	if net != int64(opts) {
		c := *r
		c.netOpts = net
		r = &c
	}
	return r, nil
}

func regexStatic(name, n string, args []any) (any, bool, error) {
	switch n {
	case "new":
		if len(args) == 1 || len(args) == 2 {
			// .NET names a constructor ".ctor" in its errors.
			r, err := newRegexNet(".ctor", args, ToString(args[0]), 1)
			return r, true, err
		}
		return nil, true, errOverload(name, len(args))
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
	optIdx := 2
	switch n {
	case "replace":
		optIdx = 3
		if len(args) != 3 && len(args) != 4 {
			return nil, true, errOverload(name, len(args))
		}
	default:
		if len(args) != 2 && len(args) != 3 {
			return nil, true, errOverload(name, len(args))
		}
	}
	r, err := newRegexNet(name, args, ToString(args[1]), optIdx)
	if err != nil {
		return nil, true, err
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
