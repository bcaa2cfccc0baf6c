package value

import (
	"strings"

	"github.com/dlclark/regexp2/v2"
)

// SplitOptions are the options of the -split operator
// (System.Management.Automation.SplitOptions), a flags enum.
type SplitOptions int32

// The SplitOptions flags, with pwsh's values.
const (
	SplitSimpleMatch             SplitOptions = 1
	SplitRegexMatch              SplitOptions = 2
	SplitCultureInvariant        SplitOptions = 4
	SplitIgnorePatternWhitespace SplitOptions = 8
	SplitMultiline               SplitOptions = 16
	SplitSingleline              SplitOptions = 32
	SplitIgnoreCase              SplitOptions = 64
	SplitExplicitCapture         SplitOptions = 128
)

// parseSplitOptions converts the third operand of -split ("Singleline,
// IgnoreCase", a number) to SplitOptions as a cast to the enum would; pwsh
// reports a failure as a RuntimeException.
func parseSplitOptions(v any) (SplitOptions, error) {
	if o, ok := v.(SplitOptions); ok {
		return o, nil
	}
	e, err := toEnum(v, TSplitOptions)
	if err != nil {
		msg := err.Error()
		return 0, newErr(ExRuntime, "RuntimeException", "NotSpecified", "%s", msg)
	}
	return SplitOptions(e.(EnumValue).V), nil
}

// SplitSpec is the right operand of -split taken apart: a separator
// pattern or a predicate block, the maximum number of pieces (from the
// right when negative, all when 0) and the options.
type SplitSpec struct {
	Pattern string
	Block   ScriptBlockValue
	Limit   int
	Options SplitOptions
}

// ParseSplitOperand reads the right operand of -split (separator, or
// separator, max, options) as pwsh does: -split and -isplit add IgnoreCase,
// except that an empty options string asks for none; options are refused
// with a predicate.
func ParseSplitOperand(r any, ignoreCase bool) (SplitSpec, error) {
	var spec SplitSpec
	args, ok := asItems(r)
	if !ok {
		args = []any{r}
	}
	if len(args) == 0 {
		return spec, newErr(ExRuntime, "BadOperatorArgument", "InvalidOperation",
			"The argument to operator '-split' is not valid: %s.", TypeOf(r).FullName)
	}
	if b, ok := args[0].(ScriptBlockValue); ok {
		spec.Block = b
	} else {
		spec.Pattern = ToString(args[0])
	}
	if len(args) >= 2 && args[1] != nil {
		n, err := ConvertToName(args[1], "int")
		if err != nil {
			return spec, err
		}
		spec.Limit = int(n.(int32))
	}
	if len(args) >= 3 && args[2] != nil {
		if s, isStr := args[2].(string); !isStr || s != "" {
			o, err := parseSplitOptions(args[2])
			if err != nil {
				return spec, err
			}
			if spec.Block != nil {
				return spec, newErr("System.Management.Automation.ParseException", "InvalidSplitOptionWithPredicate", "ParserError",
					"Options are not allowed on the -split operator with a predicate.")
			}
			if ignoreCase {
				o |= SplitIgnoreCase
			}
			spec.Options = o
		}
	} else if ignoreCase {
		spec.Options |= SplitIgnoreCase
	}
	return spec, nil
}

// splitContent is the left operand of -split as strings: each element of a
// collection, else the value itself ($null is one empty string).
func splitContent(input any) []string {
	items, ok := asItems(input)
	if !ok {
		items = []any{input}
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = ToString(it)
	}
	return out
}

// Split implements binary -split with a separator pattern: every string of
// input is split as .NET Regex.Split does (captured groups included), at
// most |Limit| pieces, counted from the right when Limit is negative.
// SimpleMatch takes the separator literally and allows only IgnoreCase
// beside it.
func Split(input any, spec SplitSpec) ([]any, error) {
	o := spec.Options
	pattern := spec.Pattern
	if o&SplitSimpleMatch != 0 {
		if o&^(SplitSimpleMatch|SplitIgnoreCase) != 0 {
			return nil, newErr("System.Management.Automation.ParseException", "InvalidSplitOptionCombination", "ParserError",
				"The combination of options with the -split operator is not valid.")
		}
		pattern = regexp2.Escape(pattern)
	}
	ro := regexp2.None
	for _, f := range []struct {
		s SplitOptions
		r regexp2.RegexOptions
	}{
		{SplitIgnorePatternWhitespace, regexp2.IgnorePatternWhitespace},
		{SplitMultiline, regexp2.Multiline},
		{SplitSingleline, regexp2.Singleline},
		{SplitIgnoreCase, regexp2.IgnoreCase},
		{SplitExplicitCapture, regexp2.ExplicitCapture},
	} {
		if o&f.s != 0 {
			ro |= f.r
		}
	}
	limit := spec.Limit
	if limit < 0 {
		ro |= regexp2.RightToLeft
		limit = -limit
	}
	r, err := newRegexOpt(pattern, ro)
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, s := range splitContent(input) {
		if limit == 1 {
			out = append(out, s)
			continue
		}
		// .NET counts pieces; split counts separators (all when < 0).
		parts, err := r.split(s, limit-1)
		if err != nil {
			return nil, err
		}
		for _, p := range parts {
			out = append(out, p)
		}
	}
	return out, nil
}

// SplitPredicate implements binary -split with a script block: each string
// of input is cut at the characters for which isSep (given the string and
// the character and its index) is true, at most |limit| pieces, counted from the
// right when limit is negative; the separators are dropped.
func SplitPredicate(input any, limit int, isSep func(s string, ch rune, i int) (bool, error)) ([]any, error) {
	content := splitContent(input)
	out := []any{}
	if limit == 1 || limit == -1 {
		for _, s := range content {
			out = append(out, s)
		}
		return out, nil
	}
	max := limit
	if max < 0 {
		max = -max
	}
	for _, s := range content {
		u := []rune(s)
		var pieces []string
		rest := -1 // where the unsplit remainder ends (from the right) or starts
		if limit >= 0 {
			start := 0
			for i := range u {
				sep, err := isSep(s, u[i], i)
				if err != nil {
					return nil, err
				}
				if !sep {
					continue
				}
				pieces = append(pieces, string(u[start:i]))
				start = i + 1
				if max == len(pieces)+1 {
					break
				}
			}
			rest = start
			pieces = append(pieces, string(u[rest:]))
		} else {
			end := len(u)
			for i := len(u) - 1; i >= 0; i-- {
				sep, err := isSep(s, u[i], i)
				if err != nil {
					return nil, err
				}
				if !sep {
					continue
				}
				pieces = append(pieces, string(u[i+1:end]))
				end = i
				if max == len(pieces)+1 {
					break
				}
			}
			pieces = append(pieces, string(u[:end]))
			for i, j := 0, len(pieces)-1; i < j; i, j = i+1, j-1 {
				pieces[i], pieces[j] = pieces[j], pieces[i]
			}
		}
		for _, p := range pieces {
			out = append(out, p)
		}
	}
	return out, nil
}

// SplitWhitespace implements unary -split: each string, trimmed, split on
// runs of whitespace (an empty string stays one empty piece).
func SplitWhitespace(input any) []any {
	out := []any{}
	for _, s := range splitContent(input) {
		f := strings.Fields(s)
		if len(f) == 0 {
			out = append(out, "")
			continue
		}
		for _, p := range f {
			out = append(out, p)
		}
	}
	return out
}
