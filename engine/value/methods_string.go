package value

import (
	"strings"
	"unicode"
)

// stringMethod implements System.String instance methods.
func stringMethod(s, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	rs := []rune(s)
	switch lname {
	case "toupper", "toupperinvariant":
		if n <= 1 {
			return strings.ToUpper(s), true, nil
		}
	case "tolower", "tolowerinvariant":
		if n <= 1 {
			return strings.ToLower(s), true, nil
		}
	case "trim", "trimstart", "trimend":
		var set func(rune) bool
		if n == 0 {
			set = unicode.IsSpace
		} else {
			cs := argChars(args)
			set = func(r rune) bool { return strings.ContainsRune(string(cs), r) }
		}
		switch lname {
		case "trim":
			return strings.TrimFunc(s, set), true, nil
		case "trimstart":
			return strings.TrimLeftFunc(s, set), true, nil
		}
		return strings.TrimRightFunc(s, set), true, nil
	case "substring":
		if n < 1 || n > 2 {
			return nil, true, errOverload(name, n)
		}
		start, err := argInt(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		if start < 0 {
			return nil, true, argOutOfRange(name, args, "StartIndex cannot be less than zero. (Parameter 'startIndex')")
		}
		if start > len(rs) {
			return nil, true, argOutOfRange(name, args, "startIndex cannot be larger than length of string. (Parameter 'startIndex')")
		}
		if n == 1 {
			return string(rs[start:]), true, nil
		}
		l, err := argInt(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		if l < 0 {
			return nil, true, argOutOfRange(name, args, "Length cannot be less than zero. (Parameter 'length')")
		}
		if start+l > len(rs) {
			return nil, true, argOutOfRange(name, args, "Index and length must refer to a location within the string. (Parameter 'length')")
		}
		return string(rs[start : start+l]), true, nil
	case "replace":
		if n < 2 || n > 4 {
			return nil, true, errOverload(name, n)
		}
		if c, ok := args[0].(Char); ok {
			if err := replaceSize(s, string(rune(c)), ToString(args[1]), false); err != nil {
				return nil, true, wrapMethodErr(name, args, err)
			}
			return strings.ReplaceAll(s, string(rune(c)), ToString(args[1])), true, nil
		}
		old := ToString(args[0])
		if old == "" {
			if args[0] == nil {
				return nil, true, errMethodCall(name, n, "ArgumentNullException", "Value cannot be null. (Parameter 'oldValue')")
			}
			return nil, true, argException(name, args, "The value cannot be an empty string. (Parameter 'oldValue')")
		}
		ignore := (n == 3 && comparisonIgnoresCase(args[2])) || (n == 4 && ToBool(args[2]))
		if err := replaceSize(s, old, ToString(args[1]), ignore); err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		if ignore {
			return replaceFold(s, old, ToString(args[1])), true, nil
		}
		return strings.ReplaceAll(s, old, ToString(args[1])), true, nil
	case "contains", "startswith", "endswith":
		if n < 1 || n > 3 {
			return nil, true, errOverload(name, n)
		}
		sub := ToString(args[0])
		hay := s
		if n >= 2 && (comparisonIgnoresCase(args[1]) || (n == 3 && ToBool(args[1]))) {
			sub, hay = strings.ToLower(sub), strings.ToLower(s)
		}
		switch lname {
		case "contains":
			return strings.Contains(hay, sub), true, nil
		case "startswith":
			return strings.HasPrefix(hay, sub), true, nil
		}
		return strings.HasSuffix(hay, sub), true, nil
	case "indexof", "lastindexof":
		return indexOf(rs, name, lname, args)
	case "indexofany":
		if n == 1 {
			cs := argChars(args)
			for i, r := range rs {
				if strings.ContainsRune(string(cs), r) {
					return int32(i), true, nil
				}
			}
			return int32(-1), true, nil
		}
	case "padleft", "padright":
		if n < 1 || n > 2 {
			return nil, true, errOverload(name, n)
		}
		w, err := argInt(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		if w < 0 {
			return nil, true, argOutOfRange(name, args, "Non-negative number required. (Parameter 'totalWidth')")
		}
		pad := " "
		if n == 2 {
			c, err := ConvertTo(args[1], TChar)
			if err != nil {
				return nil, true, wrapMethodErr(name, args, err)
			}
			pad = string(rune(c.(Char)))
		}
		if w > MaxGrowth/len(pad) {
			return nil, true, wrapMethodErr(name, args, errStringTooLarge())
		}
		if len(rs) >= w {
			return s, true, nil
		}
		p := strings.Repeat(pad, w-len(rs))
		if lname == "padleft" {
			return p + s, true, nil
		}
		return s + p, true, nil
	case "insert":
		if n != 2 {
			return nil, true, errOverload(name, n)
		}
		i, err := argInt(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i > len(rs) {
			return nil, true, argOutOfRange(name, args, "Specified argument was out of the range of valid values. (Parameter 'startIndex')")
		}
		ins := ToString(args[1])
		if err := CheckStringSize(concatSize(len(s), len(ins))); err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return string(rs[:i]) + ins + string(rs[i:]), true, nil
	case "remove":
		if n < 1 || n > 2 {
			return nil, true, errOverload(name, n)
		}
		i, err := argInt(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		if i < 0 {
			return nil, true, argOutOfRange(name, args, "StartIndex cannot be less than zero. (Parameter 'startIndex')")
		}
		if n == 1 {
			if i > len(rs) {
				return nil, true, argOutOfRange(name, args, "startIndex must be less than length of string. (Parameter 'startIndex')")
			}
			return string(rs[:i]), true, nil
		}
		c, err := argInt(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		if c < 0 {
			return nil, true, argOutOfRange(name, args, "Count cannot be less than zero. (Parameter 'count')")
		}
		if i+c > len(rs) {
			return nil, true, argOutOfRange(name, args, "Index and count must refer to a location within the string. (Parameter 'count')")
		}
		return string(rs[:i]) + string(rs[i+c:]), true, nil
	case "tochararray":
		out := make([]any, len(rs))
		for i, r := range rs {
			out[i] = Char(r)
		}
		return out, true, nil
	case "chars", "get_chars":
		if n == 1 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i >= len(rs) {
				return nil, true, errMethodCall(name, n, "IndexOutOfRangeException", "Index was outside the bounds of the array.")
			}
			return Char(rs[i]), true, nil
		}
	case "split":
		return splitMethod(s, name, args)
	case "equals":
		if n == 1 {
			if t, ok := args[0].(string); ok {
				return s == t, true, nil
			}
			return false, true, nil
		}
		if n == 2 {
			t := ToString(args[0])
			if comparisonIgnoresCase(args[1]) {
				return strings.EqualFold(s, t), true, nil
			}
			return s == t, true, nil
		}
	case "compareto":
		if n == 1 {
			if args[0] == nil {
				return int32(1), true, nil
			}
			return int32(CompareStrings(s, ToString(args[0]), false)), true, nil
		}
	case "normalize", "clone", "tostring":
		if n == 0 || lname == "normalize" || lname == "tostring" {
			return s, true, nil
		}
	case "getenumerator":
		return stringMethod(s, "ToCharArray", "tochararray", nil)
	case "isnormalized":
		return true, true, nil
	}
	return nil, false, nil
}

// replaceSize fails when replacing every old in s by rep would make a
// string over the growth cap.
func replaceSize(s, old, rep string, fold bool) error {
	if len(rep) <= len(old) {
		return nil
	}
	k := 0
	if fold {
		k = strings.Count(strings.ToLower(s), strings.ToLower(old))
	} else {
		k = strings.Count(s, old)
	}
	if k > 0 && len(rep)-len(old) > (MaxGrowth-len(s))/k {
		return errStringTooLarge()
	}
	return nil
}

func replaceFold(s, old, rep string) string {
	var b strings.Builder
	ls, lo := strings.ToLower(s), strings.ToLower(old)
	if len(ls) != len(s) || len(lo) != len(old) {
		return strings.ReplaceAll(s, old, rep)
	}
	for {
		i := strings.Index(ls, lo)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteString(rep)
		s, ls = s[i+len(old):], ls[i+len(old):]
	}
}

func indexOf(rs []rune, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	if n < 1 || n > 3 {
		return nil, true, errOverload(name, n)
	}
	var needle []rune
	if c, ok := args[0].(Char); ok {
		needle = []rune{rune(c)}
	} else {
		needle = []rune(ToString(args[0]))
	}
	ignore := false
	if n >= 2 && !isNumeric(args[n-1]) {
		if _, isStr := args[n-1].(string); isStr {
			if _, numOK := ParseNumber(ToString(args[n-1])); !numOK {
				ignore = comparisonIgnoresCase(args[n-1])
				n--
			}
		}
	}
	hay := rs
	if ignore {
		hay = []rune(strings.ToLower(string(rs)))
		needle = []rune(strings.ToLower(string(needle)))
	}
	start, end := 0, len(hay)
	if lname == "lastindexof" {
		start = 0
		if n >= 2 {
			i, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || (i >= len(hay) && len(hay) > 0) {
				return nil, true, argOutOfRange(name, args, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')")
			}
			end = min(len(hay), i+1)
		}
		for i := end - len(needle); i >= start; i-- {
			if runesAt(hay, needle, i) {
				return int32(i), true, nil
			}
		}
		if len(needle) == 0 {
			return int32(max(0, end-1)), true, nil
		}
		return int32(-1), true, nil
	}
	if n >= 2 {
		i, err := argInt(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		if i < 0 || i > len(hay) {
			return nil, true, argOutOfRange(name, args, "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'startIndex')")
		}
		start = i
	}
	if n == 3 {
		c, err := argInt(name, args, 2)
		if err != nil {
			return nil, true, err
		}
		if c < 0 || start+c > len(hay) {
			return nil, true, argOutOfRange(name, args, "Count must be positive and count must refer to a location within the string/array/collection. (Parameter 'count')")
		}
		end = start + c
	}
	for i := start; i+len(needle) <= end; i++ {
		if runesAt(hay, needle, i) {
			return int32(i), true, nil
		}
	}
	return int32(-1), true, nil
}

func runesAt(hay, needle []rune, i int) bool {
	if i < 0 || i+len(needle) > len(hay) {
		return false
	}
	for j, r := range needle {
		if hay[i+j] != r {
			return false
		}
	}
	return true
}

// splitMethod is String.Split: a string argument is a whole separator, char
// arguments (or a char array) split on any of them; an optional count and
// StringSplitOptions (RemoveEmptyEntries, TrimEntries) follow.
func splitMethod(s, name string, args []any) (any, bool, error) {
	var seps []string
	count := -1
	remove, trim := false, false
	rest := args
	if len(rest) > 0 {
		switch x := rest[0].(type) {
		case string:
			seps = []string{x}
			rest = rest[1:]
		case Char:
			i := 0
			for i < len(rest) {
				c, ok := rest[i].(Char)
				if !ok {
					break
				}
				seps = append(seps, string(rune(c)))
				i++
			}
			rest = rest[i:]
		case []any:
			for _, e := range x {
				seps = append(seps, ToString(e))
			}
			rest = rest[1:]
		case nil:
			rest = rest[1:]
		}
	}
	for _, a := range rest {
		if isNumeric(a) {
			c, err := ConvertTo(a, TInt)
			if err != nil {
				return nil, true, wrapMethodErr(name, args, err)
			}
			count = int(c.(int32))
			if count < 0 {
				return nil, true, argOutOfRange(name, args, "Count cannot be less than zero. (Parameter 'count')")
			}
			continue
		}
		o := strings.ToLower(ToString(a))
		remove = remove || strings.Contains(o, "removeemptyentries") || o == "1" || o == "3"
		trim = trim || strings.Contains(o, "trimentries") || o == "2" || o == "3"
	}
	var parts []string
	if len(seps) == 0 || (len(seps) == 1 && seps[0] == "") {
		if len(seps) == 1 {
			parts = []string{s}
		} else {
			parts = splitAny(s, func(r rune) bool { return unicode.IsSpace(r) })
		}
	} else {
		parts = splitSeps(s, seps)
	}
	var out []any
	for i := 0; i < len(parts); i++ {
		p := parts[i]
		if trim {
			p = strings.TrimSpace(p)
		}
		if remove && p == "" {
			continue
		}
		if count >= 0 && len(out) == count-1 && count > 0 {
			// the last piece keeps the rest of the string unsplit
			restStr := joinRest(s, parts, seps, i)
			if trim {
				restStr = strings.TrimSpace(restStr)
			}
			out = append(out, restStr)
			break
		}
		out = append(out, p)
	}
	if count == 0 || out == nil {
		out = []any{}
	}
	return out, true, nil
}

func splitAny(s string, f func(rune) bool) []string {
	var parts []string
	start := 0
	for i, r := range s {
		if f(r) {
			parts = append(parts, s[start:i])
			start = i + len(string(r))
		}
	}
	return append(parts, s[start:])
}

func splitSeps(s string, seps []string) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); {
		matched := ""
		for _, sep := range seps {
			if sep != "" && strings.HasPrefix(s[i:], sep) {
				matched = sep
				break
			}
		}
		if matched == "" {
			i++
			continue
		}
		parts = append(parts, s[start:i])
		i += len(matched)
		start = i
	}
	return append(parts, s[start:])
}

// joinRest reconstructs the unsplit remainder of s from piece i on.
func joinRest(s string, parts []string, seps []string, i int) string {
	off := 0
	for j := 0; j < i; j++ {
		off += len(parts[j])
		for _, sep := range seps {
			if sep != "" && strings.HasPrefix(s[off:], sep) {
				off += len(sep)
				break
			}
		}
		if len(seps) == 0 {
			_, w := firstRune(s[off:])
			off += w
		}
	}
	return s[off:]
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
