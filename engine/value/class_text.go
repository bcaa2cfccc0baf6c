package value

import (
	"math"
	"strings"
	"unicode/utf16"
)

// StringBuilder is a [System.Text.StringBuilder]. Its text is kept as
// UTF-16 code units so that Length, Insert and Remove count as .NET does.
type StringBuilder struct {
	buf      []uint16
	capacity int
}

// TStringBuilder is System.Text.StringBuilder.
var TStringBuilder = defineClass("System.Text.StringBuilder", "", nil, &class{call: stringBuilderStatic})

func stringBuilderStatic(name, lname string, args []any) (any, bool, error) {
	if lname != "new" {
		return nil, false, nil
	}
	sb := &StringBuilder{capacity: 16}
	switch len(args) {
	case 0:
	case 1:
		if n, ok := args[0].(int32); ok {
			sb.capacity = max(int(n), 1)
			break
		}
		sb.append(ToString(args[0]))
	case 2:
		sb.append(ToString(args[0]))
		n, err := argInt(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		sb.capacity = max(sb.capacity, n)
	default:
		return nil, true, errOverload(name, len(args))
	}
	return sb, true, nil
}

func (sb *StringBuilder) append(s string) error {
	if err := CheckStringSize(len(sb.buf) + len(s)); err != nil {
		return err
	}
	sb.buf = append(sb.buf, utf16.Encode([]rune(s))...)
	for sb.capacity < len(sb.buf) {
		sb.capacity *= 2
	}
	return nil
}

// NativeType implements Native.
func (sb *StringBuilder) NativeType() *Type { return TStringBuilder }

// String implements Native: the text built so far.
func (sb *StringBuilder) String() string { return string(utf16.Decode(sb.buf)) }

// Properties lists the properties pwsh's default view shows.
func (sb *StringBuilder) Properties() []string { return []string{"Capacity", "MaxCapacity", "Length"} }

// Member implements Native.
func (sb *StringBuilder) Member(lname string) (any, bool) {
	switch lname {
	case "length":
		return int32(len(sb.buf)), true
	case "capacity":
		return int32(sb.capacity), true
	case "maxcapacity":
		return int32(math.MaxInt32), true
	}
	return nil, false
}

// SetMember sets Length (truncating, or padding with NUL characters) and
// Capacity.
func (sb *StringBuilder) SetMember(lname string, v any) (bool, error) {
	switch lname {
	case "length", "capacity":
		n, err := ConvertTo(v, TInt)
		if err != nil {
			return true, err
		}
		i := int(n.(int32))
		if i < 0 || (lname == "capacity" && i < len(sb.buf)) {
			return true, newErr(ExSetValue, "ExceptionWhenSetting", "NotSpecified",
				"Exception setting \"%s\": \"%s\"", strings.ToUpper(lname[:1])+lname[1:], "Specified argument was out of the range of valid values.")
		}
		if lname == "capacity" {
			sb.capacity = max(i, 1)
			return true, nil
		}
		if i <= len(sb.buf) {
			sb.buf = sb.buf[:i]
			return true, nil
		}
		return true, sb.append(strings.Repeat("\x00", i-len(sb.buf)))
	}
	return false, nil
}

// Method implements Native. Append, AppendLine, AppendFormat, Insert,
// Remove, Replace and Clear return the builder itself, as in .NET (so an
// unused result is output unless it is voided).
func (sb *StringBuilder) Method(name, lname string, args []any) (any, bool, error) {
	switch lname {
	case "append":
		switch len(args) {
		case 1:
			return sb, true, sb.append(appendText(args[0]))
		case 2:
			n, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if n < 0 {
				return nil, true, errMethodCall(name, 2, "ArgumentOutOfRangeException", "Count cannot be less than zero. (Parameter 'repeatCount')")
			}
			s := appendText(args[0])
			if err := CheckStringSize(len(s) * n); err != nil {
				return nil, true, err
			}
			return sb, true, sb.append(strings.Repeat(s, n))
		}
	case "appendline":
		switch len(args) {
		case 0:
			return sb, true, sb.append("\n")
		case 1:
			return sb, true, sb.append(appendText(args[0]) + "\n")
		}
	case "appendformat":
		if len(args) >= 2 {
			s, err := Format(ToString(args[0]), args[1:])
			if err != nil {
				return nil, true, err
			}
			return sb, true, sb.append(s)
		}
	case "insert":
		if len(args) == 2 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i > len(sb.buf) {
				return nil, true, errMethodCall(name, 2, "ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than or equal to the size of the collection. (Parameter 'index')")
			}
			ins := utf16.Encode([]rune(appendText(args[1])))
			sb.buf = append(sb.buf[:i], append(ins, sb.buf[i:]...)...)
			return sb, true, sb.append("")
		}
	case "remove":
		if len(args) == 2 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			n, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || n < 0 || i+n > len(sb.buf) {
				return nil, true, errMethodCall(name, 2, "ArgumentOutOfRangeException", "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'startIndex')")
			}
			sb.buf = append(sb.buf[:i], sb.buf[i+n:]...)
			return sb, true, nil
		}
	case "replace":
		if len(args) == 2 {
			old := ToString(args[0])
			if old == "" {
				return nil, true, errMethodCall(name, 2, "ArgumentException", "The value cannot be an empty string. (Parameter 'oldValue')")
			}
			s := strings.ReplaceAll(sb.String(), old, ToString(args[1]))
			sb.buf = sb.buf[:0]
			return sb, true, sb.append(s)
		}
	case "clear":
		if len(args) == 0 {
			sb.buf = sb.buf[:0]
			return sb, true, nil
		}
	case "tostring":
		switch len(args) {
		case 0:
			return sb.String(), true, nil
		case 2:
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			n, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || n < 0 || i+n > len(sb.buf) {
				return nil, true, errMethodCall(name, 2, "ArgumentOutOfRangeException", "Index and length must refer to a location within the string. (Parameter 'length')")
			}
			return string(utf16.Decode(sb.buf[i : i+n])), true, nil
		}
	case "ensurecapacity":
		if len(args) == 1 {
			n, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			sb.capacity = max(sb.capacity, n)
			return int32(sb.capacity), true, nil
		}
	default:
		return nil, false, nil
	}
	return nil, true, errOverload(name, len(args))
}

// appendText is how StringBuilder.Append renders its argument: the
// value's .NET ToString() (a char as itself, $null as nothing).
func appendText(v any) string {
	return dotNetToString(unwrapBase(v))
}

// WildcardPattern is a [WildcardPattern] (System.Management.Automation).
type WildcardPattern struct {
	pattern    string
	ignoreCase bool
}

// TWildcardPattern is System.Management.Automation.WildcardPattern.
var TWildcardPattern = defineClass("System.Management.Automation.WildcardPattern", "wildcardpattern", nil, &class{call: wildcardStatic})

func wildcardStatic(name, lname string, args []any) (any, bool, error) {
	switch {
	case (lname == "new" || lname == "get") && (len(args) == 1 || len(args) == 2):
		w := &WildcardPattern{pattern: ToString(args[0])}
		if len(args) == 2 {
			o := strings.ToLower(ToString(args[1]))
			w.ignoreCase = strings.Contains(o, "ignorecase")
			if n, ok := args[1].(int32); ok {
				w.ignoreCase = n&1 != 0
			}
		}
		return w, true, nil
	case lname == "containswildcardcharacters" && len(args) == 1:
		return HasWildcard(ToString(args[0])), true, nil
	case lname == "escape" && len(args) == 1:
		return EscapeWildcard(ToString(args[0])), true, nil
	case lname == "unescape" && len(args) == 1:
		return unescapeWildcard(ToString(args[0])), true, nil
	}
	return nil, false, nil
}

// EscapeWildcard puts a backtick before each wildcard character (and
// backtick) of s, as WildcardPattern.Escape does.
func EscapeWildcard(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '*', '?', '[', ']', '`':
			b.WriteByte('`')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unescapeWildcard drops the backtick before escaped wildcard characters.
func unescapeWildcard(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '`' && i+1 < len(rs) {
			switch rs[i+1] {
			case '*', '?', '[', ']', '`':
				i++
			}
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// NativeType implements Native.
func (w *WildcardPattern) NativeType() *Type { return TWildcardPattern }

// String implements Native (.NET prints the type name).
func (w *WildcardPattern) String() string { return TWildcardPattern.FullName }

// Properties lists the properties pwsh's default view shows.
func (w *WildcardPattern) Properties() []string { return nil }

// Member implements Native.
func (w *WildcardPattern) Member(lname string) (any, bool) { return nil, false }

// Method implements Native: IsMatch and ToWql-free basics.
func (w *WildcardPattern) Method(name, lname string, args []any) (any, bool, error) {
	if lname == "ismatch" {
		if len(args) != 1 {
			return nil, true, errOverload(name, len(args))
		}
		if args[0] == nil {
			return false, true, nil
		}
		return Like(ToString(args[0]), w.pattern, !w.ignoreCase), true, nil
	}
	return nil, false, nil
}
