package value

import (
	"sort"
	"strconv"
	"strings"
)

// enumDef describes an enum type: its members in declaration order and
// whether it is a [Flags] enum.
type enumDef struct {
	names  []string
	values []int64
	flags  bool
}

// EnumValue is a value of an enum type ([System.DayOfWeek]::Monday).
type EnumValue struct {
	T *Type
	V int64
}

// defineEnum registers an enum type; members alternate name and value.
func defineEnum(full string, flags bool, members ...any) *Type {
	d := &enumDef{flags: flags}
	for i := 0; i+1 < len(members); i += 2 {
		d.names = append(d.names, members[i].(string))
		d.values = append(d.values, int64(members[i+1].(int)))
	}
	t := mk(full, "", kOther)
	t.enum = d
	registerType(t)
	return t
}

// TEnum is System.Enum, the base of every enum type and the home of the
// [Enum]::GetNames family.
var TEnum = defineClass("System.Enum", "", TValueType, &class{call: enumStatic})

// Enum types csshell knows.
var (
	TSplitOptions = defineEnum("System.Management.Automation.SplitOptions", true,
		"SimpleMatch", 1, "RegexMatch", 2, "CultureInvariant", 4, "IgnorePatternWhitespace", 8,
		"Multiline", 16, "Singleline", 32, "IgnoreCase", 64, "ExplicitCapture", 128)
	TFileAttributes = defineEnum("System.IO.FileAttributes", true,
		"ReadOnly", 1, "Hidden", 2, "System", 4, "Directory", 16, "Archive", 32, "Device", 64,
		"Normal", 128, "Temporary", 256, "SparseFile", 512, "ReparsePoint", 1024, "Compressed", 2048,
		"Offline", 4096, "NotContentIndexed", 8192, "Encrypted", 16384, "IntegrityStream", 32768,
		"NoScrubData", 131072)
	TConsoleColor = defineEnum("System.ConsoleColor", false,
		"Black", 0, "DarkBlue", 1, "DarkGreen", 2, "DarkCyan", 3, "DarkRed", 4, "DarkMagenta", 5,
		"DarkYellow", 6, "Gray", 7, "DarkGray", 8, "Blue", 9, "Green", 10, "Cyan", 11, "Red", 12,
		"Magenta", 13, "Yellow", 14, "White", 15)
	TActionPreference = defineEnum("System.Management.Automation.ActionPreference", false,
		"SilentlyContinue", 0, "Stop", 1, "Continue", 2, "Inquire", 3, "Ignore", 4, "Suspend", 5, "Break", 6)
	TRegexOptions = defineEnum("System.Text.RegularExpressions.RegexOptions", true,
		"None", 0, "IgnoreCase", 1, "Multiline", 2, "ExplicitCapture", 4, "Compiled", 8, "Singleline", 16,
		"IgnorePatternWhitespace", 32, "RightToLeft", 64, "ECMAScript", 256, "CultureInvariant", 512,
		"NonBacktracking", 1024)
	TCommandTypes = defineEnum("System.Management.Automation.CommandTypes", true,
		"Alias", 1, "Function", 2, "Filter", 4, "Cmdlet", 8, "ExternalScript", 16, "Application", 32,
		"Script", 64, "Configuration", 256, "All", 383)
	TAceFlags = defineEnum("System.Security.AccessControl.AceFlags", true,
		"None", 0, "ObjectInherit", 1, "ContainerInherit", 2, "NoPropagateInherit", 4, "InheritOnly", 8,
		"InheritanceFlags", 15, "Inherited", 16, "SuccessfulAccess", 64, "FailedAccess", 128, "AuditFlags", 192)
	TStringComparison = defineEnum("System.StringComparison", false,
		"CurrentCulture", 0, "CurrentCultureIgnoreCase", 1, "InvariantCulture", 2,
		"InvariantCultureIgnoreCase", 3, "Ordinal", 4, "OrdinalIgnoreCase", 5)
)

func init() {
	for _, t := range []*Type{TDayOfWeek, TDateTimeKind} {
		t.enum = &enumDef{}
	}
	TDayOfWeek.enum.names = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	TDateTimeKind.enum.names = []string{"Unspecified", "Utc", "Local"}
	for _, t := range []*Type{TDayOfWeek, TDateTimeKind} {
		for i := range t.enum.names {
			t.enum.values = append(t.enum.values, int64(i))
		}
	}
}

// IsEnum reports whether t is an enum type.
func (t *Type) IsEnum() bool { return t != nil && t.enum != nil }

// sortedMembers lists an enum's members by value, as .NET's GetNames does.
func (d *enumDef) sortedMembers() ([]string, []int64) {
	idx := make([]int, len(d.names))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return uint64(d.values[idx[a]]) < uint64(d.values[idx[b]]) })
	names := make([]string, len(idx))
	values := make([]int64, len(idx))
	for i, j := range idx {
		names[i], values[i] = d.names[j], d.values[j]
	}
	return names, values
}

// String is the enum's .NET ToString(): the member's name, the names of
// its flags joined by ", ", or the number when no member matches.
func (e EnumValue) String() string {
	d := e.T.enum
	for i, v := range d.values {
		if v == e.V {
			return d.names[i]
		}
	}
	if d.flags && e.V != 0 {
		names, values := d.sortedMembers()
		rest := e.V
		var parts []string
		for i := len(values) - 1; i >= 0; i-- {
			if v := values[i]; v != 0 && rest&v == v {
				parts = append(parts, names[i])
				rest &^= v
			}
		}
		if rest == 0 {
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return strings.Join(parts, ", ")
		}
	}
	return strconv.FormatInt(e.V, 10)
}

// defined reports whether v is a member (for flags, a union of members).
func (d *enumDef) defined(v int64) bool {
	if d.flags {
		var all int64
		for _, x := range d.values {
			all |= x
		}
		return v&^all == 0
	}
	for _, x := range d.values {
		if x == v {
			return true
		}
	}
	return false
}

// enumCastErr is pwsh's message for a string that names no member.
func enumCastErr(v any, t *Type, inner string) *Error {
	return errInvalidCastValue(v, t.FullName, "InvalidCastFromStringToEnum", inner)
}

// undefinedEnumErr is pwsh's message for a number that is no member.
func undefinedEnumErr(v any, t *Type) *Error {
	return newErr(ExInvalidCast, "UndefinedIntegerToEnum", "InvalidArgument",
		"Cannot convert value \"%s\" to type \"%s\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"%s\".",
		ToString(v), t.FullName, strings.Join(t.enum.names, ","))
}

// toEnum converts v to the enum type t as a cast does: a member, a number,
// a name (case-insensitive; comma-separated names; a unique prefix), or a
// collection of them.
func toEnum(v any, t *Type) (any, error) {
	d := t.enum
	switch x := unwrapBase(v).(type) {
	case nil:
		return nil, newErr(ExInvalidCast, "nullToEnumInvalidCast", "InvalidArgument",
			"Cannot convert null to type \"%s\" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are \"%s\".",
			t.FullName, strings.Join(d.names, ","))
	case EnumValue:
		if x.T == t {
			return x, nil
		}
		return toEnum(x.V, t)
	case string:
		n, err := parseEnumText(x, t)
		if err != nil {
			return nil, err
		}
		if !d.defined(n) {
			return nil, undefinedEnumErr(v, t)
		}
		return EnumValue{t, n}, nil
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = ToString(e)
		}
		return toEnum(strings.Join(parts, ","), t)
	}
	if n, ok := toInt64Exact(unwrapBase(v)); ok {
		if !d.defined(n) {
			return nil, undefinedEnumErr(v, t)
		}
		return EnumValue{t, n}, nil
	}
	return nil, errInvalidCast(v, t.FullName)
}

// parseEnumText reads "Name", "Name, Other", "3" or a unique prefix of a
// name, as Enum.Parse (ignoring case) and pwsh's disambiguation do.
func parseEnumText(s string, t *Type) (int64, error) {
	d := t.enum
	var out int64
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if n, err := strconv.ParseInt(part, 10, 64); err == nil {
			out |= n
			continue
		}
		found := false
		for i, name := range d.names {
			if strings.EqualFold(part, name) {
				out |= d.values[i]
				found = true
				break
			}
		}
		if found {
			continue
		}
		var hits []int
		for i, name := range d.names {
			if part != "" && len(part) < len(name) && strings.EqualFold(name[:len(part)], part) {
				hits = append(hits, i)
			}
		}
		switch len(hits) {
		case 1:
			out |= d.values[hits[0]]
		case 0:
			names, _ := d.sortedMembers()
			return 0, enumCastErr(s, t, "Unable to match the identifier name "+part+
				" to a valid enumerator name. Specify one of the following enumerator names and try again:\n"+strings.Join(names, ", "))
		default:
			amb := make([]string, len(hits))
			for i, h := range hits {
				amb[i] = d.names[h]
			}
			return 0, enumCastErr(s, t, "The identifier name "+part+
				" cannot be processed due to the inability to differentiate between the following enumerator names: "+
				strings.Join(amb, ", ")+". Try a more specific identifier name.")
		}
	}
	return out, nil
}

// enumStatic implements [Enum]::GetNames, GetValues, GetName, Parse,
// IsDefined, ToObject and GetUnderlyingType.
func enumStatic(name, lname string, args []any) (any, bool, error) {
	if len(args) == 0 {
		return nil, false, nil
	}
	t, ok := args[0].(*Type)
	if !ok || !t.IsEnum() {
		if s, isStr := args[0].(string); isStr {
			if lt, found := LookupType(s); found && lt.IsEnum() {
				t, ok = lt, true
			}
		}
		if !ok || !t.IsEnum() {
			return nil, true, errMethodCall(name, len(args), "ArgumentException", "Type provided must be an Enum. (Parameter 'enumType')")
		}
	}
	d := t.enum
	switch {
	case lname == "getnames" && len(args) == 1:
		names, _ := d.sortedMembers()
		out := make([]any, len(names))
		for i, n := range names {
			out[i] = n
		}
		return out, true, nil
	case lname == "getvalues" && len(args) == 1:
		_, values := d.sortedMembers()
		out := make([]any, len(values))
		for i, v := range values {
			out[i] = EnumValue{t, v}
		}
		return out, true, nil
	case lname == "getname" && len(args) == 2:
		e, err := toEnum(args[1], t)
		if err != nil {
			return nil, true, nil
		}
		for i, v := range d.values {
			if v == e.(EnumValue).V {
				return d.names[i], true, nil
			}
		}
		return nil, true, nil
	case lname == "getunderlyingtype" && len(args) == 1:
		return TInt, true, nil
	case lname == "isdefined" && len(args) == 2:
		switch x := unwrapBase(args[1]).(type) {
		case string:
			for _, n := range d.names {
				if n == x {
					return true, true, nil
				}
			}
			return false, true, nil
		case EnumValue:
			for _, v := range d.values {
				if v == x.V {
					return true, true, nil
				}
			}
			return false, true, nil
		}
		n, ok := toInt64Exact(unwrapBase(args[1]))
		if !ok {
			return nil, true, errMethodCall(name, len(args), "ArgumentException", "The value passed in must be an enum base or an underlying type for an enum, such as an Int32. (Parameter 'value')")
		}
		for _, v := range d.values {
			if v == n {
				return true, true, nil
			}
		}
		return false, true, nil
	case lname == "toobject" && len(args) == 2:
		n, ok := toInt64Exact(unwrapBase(args[1]))
		if !ok {
			return nil, true, errMethodCall(name, len(args), "ArgumentException", "The value passed in must be an enum base or an underlying type for an enum, such as an Int32. (Parameter 'value')")
		}
		return EnumValue{t, n}, true, nil
	case lname == "parse" && (len(args) == 2 || len(args) == 3):
		s := strings.TrimSpace(ToString(args[1]))
		ignoreCase := len(args) == 3 && ToBool(args[2])
		var out int64
		for _, part := range strings.Split(s, ",") {
			part = strings.TrimSpace(part)
			if n, err := strconv.ParseInt(part, 10, 64); err == nil {
				out |= n
				continue
			}
			found := false
			for i, n := range d.names {
				if n == part || (ignoreCase && strings.EqualFold(n, part)) {
					out |= d.values[i]
					found = true
					break
				}
			}
			if !found {
				return nil, true, errMethodCall(name, len(args), "ArgumentException",
					"Requested value '"+ToString(args[1])+"' was not found.")
			}
		}
		return EnumValue{t, out}, true, nil
	}
	return nil, false, nil
}

// enumMember reads value__ of an enum value.
func enumMember(e EnumValue, lname string) (any, bool) {
	if lname == "value__" {
		return enumNumber(e), true
	}
	return nil, false
}

// enumNumber is the enum's underlying Int32 value.
func enumNumber(e EnumValue) any { return int32(e.V) }

// enumMethod implements HasFlag, CompareTo and GetTypeCode on enum values.
func enumMethod(e EnumValue, name, lname string, args []any) (any, bool, error) {
	switch {
	case lname == "hasflag" && len(args) == 1:
		f, err := toEnum(args[0], e.T)
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		v := f.(EnumValue).V
		return e.V&v == v, true, nil
	case lname == "tostring" && len(args) == 0:
		return e.String(), true, nil
	case lname == "gettypecode" && len(args) == 0:
		return "Int32", true, nil
	}
	return nil, false, nil
}

// enumStaticMember reads [EnumType]::Member.
func enumStaticMember(t *Type, name string) (any, bool) {
	for i, n := range t.enum.names {
		if strings.EqualFold(n, name) {
			return EnumValue{t, t.enum.values[i]}, true
		}
	}
	return nil, false
}
