package value

import (
	"math"
	"testing"
	"time"
)

var tDate = time.Date(2024, 1, 31, 10, 5, 9, 0, time.Local)

func TestToString(t *testing.T) {
	sum := 0.1
	sum += 0.2
	cases := []struct {
		in   any
		want string
	}{
		{nil, ""},
		{true, "True"},
		{false, "False"},
		{int32(42), "42"},
		{int64(-7), "-7"},
		{uint8(255), "255"},
		{3.5, "3.5"},
		{1e15, "1E+15"},
		{1e14, "100000000000000"},
		{1e-5, "1E-05"},
		{0.0001, "0.0001"},
		{123456789012.0, "123456789012"},
		{sum, "0.3"},
		{math.NaN(), "NaN"},
		{math.Inf(1), "Infinity"},
		{math.Inf(-1), "-Infinity"},
		{math.MaxFloat64, "1.79769313486232E+308"},
		{2147483648.0, "2147483648"},
		{dec("1.50"), "1.50"},
		{dec("10"), "10"},
		{"abc", "abc"},
		{Char('x'), "x"},
		{arr(int32(1), int32(2), int32(3)), "1 2 3"},
		{arr(int32(1), arr(int32(2), int32(3))), "1 System.Object[]"},
		{arr(int32(1), nil, int32(2)), "1  2"},
		{ht("a", 1), "System.Collections.Hashtable"},
		{obj("a", int32(1), "b", "x"), "@{a=1; b=x}"},
		{obj("a", nil), "@{a=}"},
		{NewObject(), ""},
		{tDate, "01/31/2024 10:05:09"},
		{90 * time.Minute, "01:30:00"},
		{26 * time.Hour, "1.02:00:00"},
		{-90 * time.Second, "-00:01:30"},
		{1500 * time.Millisecond, "00:00:01.5000000"},
		{Guid{}, "00000000-0000-0000-0000-000000000000"},
		{TInt, "int"},
		{TString, "string"},
		{SwitchParameter(true), "True"},
	}
	for _, c := range cases {
		if got := ToString(c.in); got != c.want {
			t.Errorf("ToString(%#v) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := ToStringSep(arr(int32(1), int32(2)), ","); got != "1,2" {
		t.Errorf("ToStringSep = %q", got)
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want any
		ok   bool
	}{
		{"42", int32(42), true},
		{"  42 ", int32(42), true},
		{"-5", int32(-5), true},
		{"+5", int32(5), true},
		{"0x1F", int32(31), true},
		{"0xFFFFFFFF", int32(-1), true},
		{"1kb", int32(1024), true},
		{"2MB", int32(2097152), true},
		{"1.5", 1.5, true},
		{"1e3", 1000.0, true},
		{".5", 0.5, true},
		{"3000000000", int64(3000000000), true},
		{"", int32(0), true},
		{"abc", nil, false},
		{"1,000", nil, false},
		{"12abc", nil, false},
		{"NaN", nil, false},
		{"0x", nil, false},
	}
	for _, c := range cases {
		got, ok := ParseNumber(c.in)
		if ok != c.ok || (ok && !same(got, c.want)) {
			t.Errorf("ParseNumber(%q) = %#v, %v; want %#v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestConvertTo(t *testing.T) {
	cases := []struct {
		v    any
		typ  string
		want result
	}{
		{"42", "int", ok(int32(42))},
		{" 42 ", "int", ok(int32(42))},
		{"0x1F", "int", ok(int32(31))},
		{"", "int", ok(int32(0))},
		{nil, "int", ok(int32(0))},
		{2.5, "int", ok(int32(2))},
		{3.5, "int", ok(int32(4))},
		{-2.5, "int", ok(int32(-2))},
		{true, "int", ok(int32(1))},
		{"abc", "int", fails(`Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`)},
		{arr(int32(1), int32(2)), "int", fails(`Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".`)},
		{3e10, "int", fails(`Cannot convert value "30000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."`)},
		{int32(5), "long", ok(int64(5))},
		{int32(5), "double", ok(5.0)},
		{"1.5", "double", ok(1.5)},
		{"1.50", "decimal", ok(dec("1.50"))},
		{int32(300), "byte", fails(`Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."`)},
		{nil, "string", ok("")},
		{int32(5), "string", ok("5")},
		{arr(int32(1), int32(2)), "string", ok("1 2")},
		{"False", "bool", ok(true)},
		{"", "bool", ok(false)},
		{int32(0), "bool", ok(false)},
		{"a", "char", ok(Char('a'))},
		{int32(65), "char", ok(Char('A'))},
		{"ab", "char", fails(`Cannot convert value "ab" to type "System.Char". Error: "String must be exactly one character long."`)},
		{"abc", "char[]", ok(arr(Char('a'), Char('b'), Char('c')))},
		{"x", "string[]", ok(arr("x"))},
		{arr(int32(1), int32(2)), "string[]", ok(arr("1", "2"))},
		{arr("1", "2"), "int[]", ok(arr(int32(1), int32(2)))},
		{int32(1), "array", ok(arr(int32(1)))},
		{ht("b", int32(2), "a", int32(1)), "pscustomobject", ok(obj("b", int32(2), "a", int32(1)))},
		{"2024-01-31", "datetime", ok(time.Date(2024, 1, 31, 0, 0, 0, 0, time.Local))},
		{"01/31/2024", "datetime", ok(time.Date(2024, 1, 31, 0, 0, 0, 0, time.Local))},
		{"2024-01-31T10:00:00", "datetime", ok(time.Date(2024, 1, 31, 10, 0, 0, 0, time.Local))},
		{"2024-01-31 10:00", "datetime", ok(time.Date(2024, 1, 31, 10, 0, 0, 0, time.Local))},
		{"01:30:00", "timespan", ok(90 * time.Minute)},
		{"int", "type", ok(TInt)},
		{true, "switch", ok(SwitchParameter(true))},
		{int32(5), "object", ok(int32(5))},
	}
	for _, c := range cases {
		got, err := ConvertToName(c.v, c.typ)
		check(t, desc("[", c.typ, "]", c.v), got, err, c.want)
	}
	if _, err := ConvertToName(1, "NoSuchType"); err == nil {
		t.Error("unknown type should fail")
	}
	_, err := ConvertToName("abc", "int")
	if ve, ok := err.(*Error); !ok || ve.ExceptionType != ExInvalidCast || ve.ErrorID != "InvalidCastFromStringToInteger" {
		t.Errorf("error fields: %#v", err)
	}
	o, _ := ConvertToName(ht("a", 1), "ordered")
	if h, ok := o.(*Hashtable); !ok || !h.Ordered {
		t.Errorf("[ordered] gave %#v", o)
	}
}

func TestToBool(t *testing.T) {
	cases := []struct {
		v    any
		want bool
	}{
		{nil, false}, {int32(0), false}, {int32(1), true}, {0.0, false}, {"", false},
		{"False", true}, {"0", true}, {arr(), false}, {arr(int32(0)), false},
		{arr(int32(0), int32(0)), true}, {arr("a"), true}, {SwitchParameter(false), false},
		{NewHashtable(), true}, {NewObject(), true}, {dec("0"), false}, {Char(0), false},
	}
	for _, c := range cases {
		if got := ToBool(c.v); got != c.want {
			t.Errorf("ToBool(%#v) = %v", c.v, got)
		}
	}
}

func TestTypes(t *testing.T) {
	for _, c := range []struct {
		name, full string
	}{
		{"int", "System.Int32"}, {"INT32", "System.Int32"}, {"System.Int32", "System.Int32"},
		{"long", "System.Int64"}, {"string[]", "System.String[]"}, {"int[]", "System.Int32[]"},
		{"ordered", "System.Collections.Specialized.OrderedDictionary"}, {"hashtable", "System.Collections.Hashtable"},
		{"pscustomobject", "System.Management.Automation.PSCustomObject"}, {"switch", "System.Management.Automation.SwitchParameter"},
		{"math", "System.Math"}, {"datetime", "System.DateTime"}, {"regex", "System.Text.RegularExpressions.Regex"},
		{"Text.RegularExpressions.Regex", "System.Text.RegularExpressions.Regex"}, {"bool", "System.Boolean"},
		{"object[]", "System.Object[]"}, {"IO.Path", "System.IO.Path"},
	} {
		ty, ok := LookupType(c.name)
		if !ok || ty.FullName != c.full {
			t.Errorf("LookupType(%q) = %v, %v", c.name, ty, ok)
		}
	}
	if _, ok := LookupType("nosuch"); ok {
		t.Error("nosuch found")
	}
	for _, c := range []struct {
		v    any
		full string
	}{
		{arr(), "System.Object[]"}, {NewObject(), "System.Management.Automation.PSCustomObject"},
		{&Hashtable{Ordered: true}, "System.Collections.Specialized.OrderedDictionary"},
		{int32(1), "System.Int32"}, {1.5, "System.Double"}, {"s", "System.String"}, {tDate, "System.DateTime"},
	} {
		if got := TypeOf(c.v).FullName; got != c.full {
			t.Errorf("TypeOf(%#v) = %s", c.v, got)
		}
	}
	for _, c := range []struct {
		v    any
		typ  string
		want bool
	}{
		{int32(1), "int", true}, {int32(1), "long", false}, {int32(1), "object", true}, {nil, "object", false},
		{"a", "string", true}, {arr(), "array", true}, {arr(), "object[]", true}, {arr(), "int[]", false},
		{NewObject(), "pscustomobject", true}, {NewObject(), "psobject", true}, {int32(1), "ValueType", true},
		{ht(), "hashtable", true}, {"a", "ValueType", false},
	} {
		ty, _ := LookupType(c.typ)
		if got := IsInstance(c.v, ty); got != c.want {
			t.Errorf("%#v -is [%s] = %v", c.v, c.typ, got)
		}
	}
}

func TestBinary(t *testing.T) {
	cases := []struct {
		op   string
		a, b any
		want result
	}{
		{"+", int32(1), int32(2), ok(int32(3))},
		{"+", int32(math.MaxInt32), int32(1), ok(2147483648.0)},
		{"*", int32(math.MaxInt32), int32(2), ok(4294967294.0)},
		{"+", int64(math.MaxInt64), int64(1), ok(9223372036854775808.0)},
		{"+", int32(1), int64(2), ok(int64(3))},
		{"+", uint8(1), uint8(2), ok(int32(3))},
		{"/", int32(7), int32(2), ok(3.5)},
		{"/", int32(6), int32(2), ok(int32(3))},
		{"/", int32(10), int32(4), ok(2.5)},
		{"%", int32(7), int32(3), ok(int32(1))},
		{"%", int32(-7), int32(3), ok(int32(-1))},
		{"/", int32(1), int32(0), fails("Attempted to divide by zero.")},
		{"%", int32(1), int32(0), fails("Attempted to divide by zero.")},
		{"/", dec("1"), int32(0), fails("Attempted to divide by zero.")},
		{"/", 1.0, int32(0), ok(math.Inf(1))},
		{"*", int32(2), 3.0, ok(6.0)},
		{"+", dec("1.5"), int32(1), ok(dec("2.5"))},
		{"+", dec("1.50"), dec("1"), ok(dec("2.50"))},
		{"/", dec("1"), dec("4"), ok(dec("0.25"))},
		{"+", "a", int32(1), ok("a1")},
		{"+", "a", arr(int32(1), int32(2)), ok("a1 2")},
		{"+", "a", nil, ok("a")},
		{"*", "ab", int32(3), ok("ababab")},
		{"*", "ab", int32(0), ok("")},
		{"+", arr(int32(1), int32(2)), int32(3), ok(arr(int32(1), int32(2), int32(3)))},
		{"+", arr(int32(1)), arr(int32(2), int32(3)), ok(arr(int32(1), int32(2), int32(3)))},
		{"+", arr(int32(1)), nil, ok(arr(int32(1), nil))},
		{"*", arr(int32(1), int32(2)), int32(2), ok(arr(int32(1), int32(2), int32(1), int32(2)))},
		{"+", int32(1), "2", ok(int32(3))},
		{"+", int32(1), "2.5", ok(3.5)},
		{"+", int32(1), "abc", fails(`Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`)},
		{"+", nil, int32(1), ok(int32(1))},
		{"+", nil, "a", ok("a")},
		{"-", nil, int32(1), ok(int32(-1))},
		{"*", nil, int32(5), ok(nil)},
		{"+", true, int32(1), ok(int32(2))},
		{"-", "5", int32(2), ok(int32(3))},
		{"*", int32(3), "4", ok(int32(12))},
		{"+", Char('a'), int32(1), ok("a1")},
		{"-", arr(int32(1), int32(2)), int32(1), fails("Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.")},
		{"+", int32(1), arr(int32(1), int32(2)), fails("Method invocation failed because [System.Object[]] does not contain a method named 'op_Addition'.")},
		{"+", NewObject(), int32(1), fails("Method invocation failed because [System.Management.Automation.PSObject] does not contain a method named 'op_Addition'.")},
		{"+", ht("a", int32(1)), ht("b", int32(2)), ok(ht("a", int32(1), "b", int32(2)))},
		{"+", ht("a", int32(1)), ht("a", int32(2)), fails("Item has already been added. Key in dictionary: 'a'  Key being added: 'a'")},
		{"+", ht("a", int32(1)), int32(1), fails("A hash table can only be added to another hash table.")},
		{"-band", int32(5), int32(3), ok(int32(1))},
		{"-bor", int32(5), int32(3), ok(int32(7))},
		{"-bxor", int32(5), int32(3), ok(int32(6))},
		{"-shl", int32(1), int32(4), ok(int32(16))},
		{"-shr", int32(256), int32(2), ok(int32(64))},
		{"-shl", int64(1), int32(40), ok(int64(1099511627776))},
		{"-band", int64(6), int32(3), ok(int64(2))},
		{"-", tDate, tDate.Add(-time.Hour), ok(time.Hour)},
		{"+", tDate, time.Hour, ok(tDate.Add(time.Hour))},
		{"+", time.Hour, time.Minute, ok(61 * time.Minute)},
	}
	for _, c := range cases {
		got, err := Binary(c.op, c.a, c.b)
		check(t, desc(c.a, " ", c.op, " ", c.b), got, err, c.want)
	}
	_, err := Binary("/", int32(1), int32(0))
	if e, ok := err.(*Error); !ok || e.ExceptionType != ExRuntime {
		t.Errorf("divide error type: %#v", err)
	}
}

func TestUnary(t *testing.T) {
	cases := []struct {
		op   string
		v    any
		want result
	}{
		{"-", int32(5), ok(int32(-5))},
		{"-", "5", ok(int32(-5))},
		{"-", 1.5, ok(-1.5)},
		{"-", int32(math.MinInt32), ok(2147483648.0)},
		{"-", dec("1.5"), ok(dec("-1.5"))},
		{"+", "7", ok(int32(7))},
		{"-not", int32(0), ok(true)},
		{"!", "", ok(true)},
		{"-not", "False", ok(false)},
		{"-bnot", int32(5), ok(int32(-6))},
		{"-bnot", int64(0), ok(int64(-1))},
		{"-", arr(), fails("Method invocation failed because [System.Object[]] does not contain a method named 'op_UnaryNegation'.")},
	}
	for _, c := range cases {
		got, err := Unary(c.op, c.v)
		check(t, desc(c.op, c.v), got, err, c.want)
	}
}

func TestCompare(t *testing.T) {
	cases := []struct {
		op   string
		a, b any
		want result
	}{
		{"-eq", "1", int32(1), ok(true)},
		{"-eq", int32(1), "1.0", ok(true)},
		{"-eq", int32(2), "1.5", ok(false)},
		{"-eq", int32(1), "abc", ok(false)},
		{"-eq", "abc", nil, ok(false)},
		{"-eq", nil, nil, ok(true)},
		{"-eq", nil, int32(0), ok(false)},
		{"-eq", "a", "A", ok(true)},
		{"-ceq", "a", "A", ok(false)},
		{"-ieq", "a", "A", ok(true)},
		{"-ne", "a", "b", ok(true)},
		{"-eq", true, "false", ok(true)},
		{"-eq", int32(1), 1.0, ok(true)},
		{"-eq", 1.5, dec("1.5"), ok(true)},
		{"-eq", Char('a'), "A", ok(true)},
		{"-ceq", Char('a'), "A", ok(false)},
		{"-lt", "a", "B", ok(true)},
		{"-gt", "b", "A", ok(true)},
		{"-gt", int32(2), int32(1), ok(true)},
		{"-ge", int32(2), int32(2), ok(true)},
		{"-le", int32(3), int32(2), ok(false)},
		{"-gt", "10", int32(9), ok(false)},
		{"-gt", int32(10), "9", ok(true)},
		{"-lt", int32(1), 1.5, ok(true)},
		{"-gt", tDate, "2024-01-01", ok(true)},
		{"-gt", ht(), int32(1), fails(`Cannot compare "System.Collections.Hashtable" because it is not IComparable.`)},
		{"-eq", arr(int32(1), int32(2), int32(3)), int32(2), ok(arr(int32(2)))},
		{"-gt", arr(int32(1), int32(2), int32(3)), int32(1), ok(arr(int32(2), int32(3)))},
		{"-ne", arr(int32(1), nil, int32(2)), nil, ok(arr(int32(1), int32(2)))},
		{"-eq", arr(int32(1), int32(2)), int32(5), ok(arr())},
		{"-like", arr("apple", "banana", "avocado"), "a*", ok(arr("apple", "avocado"))},
		{"-match", arr("a1", "b", "c2"), `\d`, ok(arr("a1", "c2"))},
		{"-contains", arr(int32(1), int32(2), int32(3)), int32(2), ok(true)},
		{"-contains", arr(int32(1), int32(2)), "2", ok(true)},
		{"-contains", arr("a", "b"), "A", ok(true)},
		{"-ccontains", arr("a", "b"), "A", ok(false)},
		{"-notcontains", arr("a"), "b", ok(true)},
		{"-contains", "abc", "b", ok(false)},
		{"-in", int32(2), arr(int32(1), int32(2)), ok(true)},
		{"-notin", int32(5), arr(int32(1), int32(2)), ok(true)},
		{"-like", "abc", "a*", ok(true)},
		{"-like", "abc", "A?C", ok(true)},
		{"-clike", "abc", "A*", ok(false)},
		{"-notlike", "abc", "x*", ok(true)},
		{"-like", int32(123), "1*", ok(true)},
		{"-match", "abc", "B", ok(true)},
		{"-cmatch", "abc", "B", ok(false)},
		{"-notmatch", "abc", "x", ok(true)},
		{"-match", "abc", "x(", fails("Invalid pattern 'x(' at offset 2. Not enough )'s.")},
	}
	for _, c := range cases {
		got, err := Compare(c.op, c.a, c.b)
		check(t, desc(c.a, " ", c.op, " ", c.b), got, err, c.want)
	}
}

func TestEqualAndCompareValues(t *testing.T) {
	if !Equal("abc", "ABC", false) || Equal("abc", "ABC", true) {
		t.Error("Equal case handling")
	}
	if !Equal(int64(5), int32(5), false) {
		t.Error("Equal numeric widths")
	}
	cases := []struct {
		a, b any
		want int
	}{
		{nil, int32(1), -1}, {int32(1), nil, 1}, {nil, nil, 0},
		{int32(1), int32(2), -1}, {int32(2), 1.5, 1}, {int32(2), int32(10), -1},
		{"a", "B", -1}, {"B", "a", 1}, {"abc", "ABC", 0}, {"10", "9", -1},
		{"a", "ab", -1}, {"_", "a", -1}, {"1", "a", -1},
		{tDate, tDate.Add(time.Second), -1},
	}
	for _, c := range cases {
		got, err := CompareValues(c.a, c.b, false)
		if err != nil || got != c.want {
			t.Errorf("CompareValues(%#v, %#v) = %d, %v; want %d", c.a, c.b, got, err, c.want)
		}
	}
	if c, _ := CompareValues("a", "A", true); c != -1 {
		t.Errorf("case-sensitive a vs A = %d, want -1", c)
	}
}

func TestLike(t *testing.T) {
	cases := []struct {
		s, p string
		cs   bool
		want bool
	}{
		{"abc", "*", false, true},
		{"", "*", false, true},
		{"", "?", false, false},
		{"abc", "a*c", false, true},
		{"abc", "a*b", false, false},
		{"abc", "?b?", false, true},
		{"ABC", "abc", false, true},
		{"ABC", "abc", true, false},
		{"abc", "a[b-d]c", false, true},
		{"aec", "a[b-d]c", false, false},
		{"abc", "[abc]bc", false, true},
		{"a*c", "a`*c", false, true},
		{"abc", "a`*c", false, false},
		{"a[c", "a`[c", false, true},
		{"file.txt", "*.txt", false, true},
		{"file.txt.bak", "*.txt", false, false},
		{"aaa", "a*a*a", false, true},
		{"ab", "a*b*c", false, false},
	}
	for _, c := range cases {
		if got := Like(c.s, c.p, c.cs); got != c.want {
			t.Errorf("Like(%q, %q, %v) = %v", c.s, c.p, c.cs, got)
		}
	}
}

func TestMatch(t *testing.T) {
	okm, m, err := Match("abc", "(?<x>b)(c)", false)
	if err != nil || !okm {
		t.Fatalf("Match failed: %v", err)
	}
	want := ht(int32(0), "bc", int32(1), "c", "x", "b")
	if !same(m, want) {
		t.Errorf("$Matches = %v %v", m.Keys(), m.Values())
	}
	_, m, _ = Match("ab", "(x)?(b)", false)
	if m.Has(int32(1)) || !m.Has(int32(2)) {
		t.Errorf("non-participating group should be absent: %v", m.Keys())
	}
	if okm, _, _ := Match("ABC", "b", true); okm {
		t.Error("case-sensitive match should fail")
	}
	if okm, m, _ := Match(int32(123), `^\d+$`, false); !okm || ToString(m.Values()[0]) != "123" {
		t.Error("match on number")
	}
}

func TestReplaceSplitJoin(t *testing.T) {
	rcases := []struct {
		in, pat, rep any
		cs           bool
		want         any
	}{
		{"hello", "l", "L", false, "heLLo"},
		{"John Smith", `(\w+) (\w+)`, "$2, $1", false, "Smith, John"},
		{"abc", "B", "x", false, "axc"},
		{"abc", "B", "x", true, "abc"},
		{"a.b", `\.`, "", false, "ab"},
		{"2024-01-31", `(?<y>\d+)-(?<m>\d+)-(?<d>\d+)`, "${d}/${m}/${y}", false, "31/01/2024"},
		{"cost", "cost", "$$5", false, "$5"},
		{"abc", "b", "[$0]", false, "a[b]c"},
		{arr("ab", "cb"), "b", "x", false, arr("ax", "cx")},
		{nil, "a", "b", false, ""},
		{"aaa", "a", nil, false, ""},
	}
	for _, c := range rcases {
		got, err := Replace(c.in, c.pat, c.rep, c.cs)
		check(t, desc(c.in, " -replace ", c.pat), got, err, ok(c.want))
	}
	s, err := ReplaceFunc("a1b22", `\d+`, false, func(m *Object) (string, error) { v, _ := m.Get("Value"); return "<" + ToString(v) + ">", nil })
	if err != nil || s != "a<1>b<22>" {
		t.Errorf("ReplaceFunc = %q, %v", s, err)
	}
	scases := []struct {
		in, sep any
		max     int
		cs, sm  bool
		want    []any
	}{
		{"a,b,c", ",", 0, false, false, arr("a", "b", "c")},
		{"a,b,c", ",", 2, false, false, arr("a", "b,c")},
		{"a1b2c", `\d`, 0, false, false, arr("a", "b", "c")},
		{"a,b", "(,)", 0, false, false, arr("a", ",", "b")},
		{"a.b", ".", 0, false, true, arr("a", "b")},
		{"aXb", "x", 0, false, false, arr("a", "b")},
		{"aXb", "x", 0, true, false, arr("aXb")},
		{"a,,b", ",", 0, false, false, arr("a", "", "b")},
		{",a", ",", 0, false, false, arr("", "a")},
		{arr("a,b", "c,d"), ",", 0, false, false, arr("a", "b", "c", "d")},
		{"a,b,c", ",", 1, false, false, arr("a,b,c")},
		{"a,b,c", ",", -2, false, false, arr("a,b", "c")},
	}
	for _, c := range scases {
		opts := SplitIgnoreCase
		if c.cs {
			opts = 0
		}
		if c.sm {
			opts |= SplitSimpleMatch
		}
		got, err := Split(c.in, SplitSpec{Pattern: ToString(c.sep), Limit: c.max, Options: opts})
		check(t, desc(c.in, " -split ", c.sep), got, err, ok(c.want))
	}
	if got := SplitWhitespace("  a  b\tc "); !same(got, arr("a", "b", "c")) {
		t.Errorf("SplitWhitespace = %#v", got)
	}
	for _, c := range []struct {
		items any
		sep   string
		want  string
	}{
		{arr(int32(1), int32(2), int32(3)), ",", "1,2,3"},
		{nil, ",", ""},
		{"x", ",", "x"},
		{arr(int32(1), arr(int32(2), int32(3))), "-", "1-2 3"},
		{arr("a", nil, "b"), ",", "a,,b"},
	} {
		if got, _ := Join(c.items, c.sep); got != c.want {
			t.Errorf("Join(%#v) = %q", c.items, got)
		}
	}
}

func TestFormat(t *testing.T) {
	sum := 0.1
	sum += 0.2
	cases := []struct {
		f    string
		args []any
		want string
	}{
		{"{0}", arr(int32(1)), "1"},
		{"{0} {1}", arr("a", int32(2)), "a 2"},
		{"{0}", arr(1.5), "1.5"},
		{"{0}", arr(sum), "0.30000000000000004"},
		{"{0:N2}", arr(1234.5678), "1,234.57"},
		{"{0:N0}", arr(int32(1234567)), "1,234,567"},
		{"{0:N}", arr(int32(1000)), "1,000.00"},
		{"{0:D5}", arr(int32(42)), "00042"},
		{"{0:D}", arr(int32(-42)), "-42"},
		{"{0:X}", arr(int32(255)), "FF"},
		{"{0:x4}", arr(int32(255)), "00ff"},
		{"{0:X}", arr(int32(-1)), "FFFFFFFF"},
		{"{0:F1}", arr(2.26), "2.3"},
		{"{0:F}", arr(int32(3)), "3.00"},
		{"{0:F0}", arr(2.6), "3"},
		{"{0:P0}", arr(0.5), "50 %"},
		{"{0:P1}", arr(0.1234), "12.3 %"},
		{"{0:C}", arr(1234.5), "¤1,234.50"},
		{"{0:E2}", arr(1234.5), "1.23E+003"},
		{"{0:e}", arr(1234.5), "1.234500e+003"},
		{"{0:0.00}", arr(3.14159), "3.14"},
		{"{0:0.00}", arr(int32(3)), "3.00"},
		{"{0:#,##0}", arr(int32(1234567)), "1,234,567"},
		{"{0:#,##0.00}", arr(-1234.567), "-1,234.57"},
		{"{0:000}", arr(int32(7)), "007"},
		{"{0:#.##}", arr(0.5), ".5"},
		{"{0:0.##}", arr(1.0), "1"},
		{"{0:0.0}", arr(dec("2.25")), "2.3"},
		{"{0:0.###E+0}", arr(1234.0), "1.234E+3"},
		{"{0:0%}", arr(0.25), "25%"},
		{"{0:(###) ###-####}", arr(int64(5551234567)), "(555) 123-4567"},
		{"{0:0.0;(0.0);zero}", arr(-2.5), "(2.5)"},
		{"{0:0.0;(0.0);zero}", arr(0.0), "zero"},
		{"{0:#,#,,}", arr(int32(123456789)), "123"},
		{"{0,5}|", arr(int32(42)), "   42|"},
		{"{0,-5}|", arr(int32(42)), "42   |"},
		{"{0,8:N1}", arr(3.14159), "     3.1"},
		{"{{{0}}}", arr(int32(1)), "{1}"},
		{"{0:yyyy-MM-dd}", arr(tDate), "2024-01-31"},
		{"{0:HH:mm}", arr(tDate), "10:05"},
		{"{0}", arr(nil), ""},
		{"{0}", arr(true), "True"},
		{"{0:N2}", arr(dec("1234.5")), "1,234.50"},
		{"{0:G}", arr(int32(5)), "5"},
		{"{0:hh\\:mm}", arr(90 * time.Minute), "01:30"},
	}
	for _, c := range cases {
		got, err := Format(c.f, c.args)
		if err != nil || got != c.want {
			t.Errorf("%q -f %#v = %q, %v; want %q", c.f, c.args, got, err, c.want)
		}
	}
	if _, err := Format("{1}", arr(int32(1))); err == nil || !containsStr(err.Error(), "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.") {
		t.Errorf("index error: %v", err)
	}
	for _, bad := range []string{"{0", "{a}", "}", "{0:N2"} {
		if _, err := Format(bad, arr(int32(1))); err == nil {
			t.Errorf("%q should fail", bad)
		}
	}
}

func containsStr(s, sub string) bool {
	return len(s) >= len(sub) && (s == sub || len(sub) == 0 || indexStr(s, sub) >= 0)
}

func indexStr(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2024, 1, 31, 10, 5, 9, 123456700, time.Local)
	cases := []struct{ f, want string }{
		{"yyyy-MM-dd", "2024-01-31"},
		{"dddd", "Wednesday"},
		{"ddd, MMM d", "Wed, Jan 31"},
		{"MMMM", "January"},
		{"hh:mm tt", "10:05 AM"},
		{"h:m:s", "10:5:9"},
		{"yy", "24"},
		{"M/d/yyyy", "1/31/2024"},
		{"fff", "123"},
		{"FFFFFFF", "1234567"},
		{"s", "2024-01-31T10:05:09"},
		{"d", "01/31/2024"},
		{"D", "Wednesday, 31 January 2024"},
		{"G", "01/31/2024 10:05:09"},
		{"g", "01/31/2024 10:05"},
		{"t", "10:05"},
		{"T", "10:05:09"},
		{"y", "2024 January"},
		{"M", "January 31"},
		{"yyyyMMdd'T'HHmmss", "20240131T100509"},
		{"HH\\h", "10h"},
		{"%d", "31"},
		{"u", "2024-01-31 10:05:09Z"},
	}
	for _, c := range cases {
		if got := FormatDate(d, c.f); got != c.want {
			t.Errorf("FormatDate(%q) = %q, want %q", c.f, got, c.want)
		}
	}
	pm := time.Date(2024, 1, 31, 15, 0, 0, 0, time.UTC)
	if got := FormatDate(pm, "h tt K"); got != "3 PM Z" {
		t.Errorf("pm = %q", got)
	}
	if got := FormatDate(pm, "R"); got != "Wed, 31 Jan 2024 15:00:00 GMT" {
		t.Errorf("R = %q", got)
	}
}

func TestRangeEnumerate(t *testing.T) {
	cases := []struct {
		a, b any
		want result
	}{
		{int32(1), int32(5), ok(arr(int32(1), int32(2), int32(3), int32(4), int32(5)))},
		{int32(3), int32(1), ok(arr(int32(3), int32(2), int32(1)))},
		{int32(2), int32(2), ok(arr(int32(2)))},
		{"a", "e", ok(arr(Char('a'), Char('b'), Char('c'), Char('d'), Char('e')))},
		{Char('c'), Char('a'), ok(arr(Char('c'), Char('b'), Char('a')))},
		{"1", "3", ok(arr(int32(1), int32(2), int32(3)))},
		{-1, 1, ok(arr(int32(-1), int32(0), int32(1)))},
	}
	for _, c := range cases {
		got, err := Range(c.a, c.b)
		check(t, desc(c.a, "..", c.b), got, err, c.want)
	}
	if _, err := Range(int32(1), int32(math.MaxInt32)); err == nil {
		t.Error("huge range should fail")
	}
	if _, err := Range("x", int32(3)); err == nil {
		t.Error(`"x"..3 should fail`)
	}
	if a, ok := Enumerate(arr(int32(1), int32(2))); !ok || len(a) != 2 {
		t.Error("Enumerate array")
	}
	for _, v := range []any{nil, "abc", ht("a", 1), int32(1), NewObject()} {
		if _, ok := Enumerate(v); ok {
			t.Errorf("Enumerate(%#v) should not enumerate", v)
		}
	}
}

func TestMembers(t *testing.T) {
	o1, o2 := obj("Name", "a", "N", int32(1)), obj("Name", "b")
	cases := []struct {
		v    any
		name string
		want any
		ok   bool
	}{
		{obj("Name", "x"), "name", "x", true},
		{obj("Name", "x"), "Missing", nil, false},
		{obj("Name", "x"), "Count", int32(1), true},
		{ht("a", int32(1)), "A", int32(1), true},
		{ht("a", int32(1)), "Count", int32(1), true},
		{ht("Count", "mine"), "Count", "mine", true},
		{ht("a", int32(1), "b", int32(2)), "Keys", arr("a", "b"), true},
		{ht("a", int32(1)), "missing", nil, false},
		{"hello", "Length", int32(5), true},
		{arr(int32(1), int32(2)), "Count", int32(2), true},
		{arr(int32(1), int32(2)), "Length", int32(2), true},
		{arr(o1, o2), "Name", arr("a", "b"), true},
		{arr(o1, o2), "N", int32(1), true},
		{arr(o1, o2), "Zzz", nil, false},
		{nil, "Count", int32(0), true},
		{int32(5), "Count", int32(1), true},
		{int32(5), "Length", int32(1), true},
		{tDate, "Year", int32(2024), true},
		{tDate, "DayOfWeek", EnumValue{TDayOfWeek, 3}, true},
		{tDate, "DayOfYear", int32(31), true},
		{tDate, "Date", time.Date(2024, 1, 31, 0, 0, 0, 0, time.Local), true},
		{90 * time.Minute, "TotalMinutes", 90.0, true},
		{90 * time.Minute, "Hours", int32(1), true},
		{90 * time.Minute, "Minutes", int32(30), true},
		{TInt, "Name", "Int32", true},
		{TInt, "FullName", "System.Int32", true},
	}
	for _, c := range cases {
		got, ok := GetMember(c.v, c.name)
		if ok != c.ok || !same(got, c.want) {
			t.Errorf("GetMember(%#v, %q) = %#v, %v; want %#v, %v", c.v, c.name, got, ok, c.want, c.ok)
		}
	}
	o := obj("a", int32(1))
	if err := SetMember(o, "A", int32(2)); err != nil || !same(o.Properties()[0].Value, int32(2)) {
		t.Errorf("SetMember existing: %v", err)
	}
	err := SetMember(o, "zz", int32(1))
	if err == nil || err.Error() != "The property 'zz' cannot be found on this object. Verify that the property exists and can be set." {
		t.Errorf("SetMember missing: %v", err)
	}
	h := NewHashtable()
	if err := SetMember(h, "k", "v"); err != nil || !h.Has("K") {
		t.Error("SetMember hashtable")
	}
}

func TestInvokeMethod(t *testing.T) {
	sum := 0.1
	sum += 0.2
	h := ht("a", int32(1))
	cases := []struct {
		v    any
		name string
		args []any
		want result
	}{
		{"hello", "ToUpper", nil, ok("HELLO")},
		{"HeLLo", "tolower", nil, ok("hello")},
		{"hello", "Substring", arr(int32(1), int32(3)), ok("ell")},
		{"hello", "Substring", arr(int32(2)), ok("llo")},
		{"hello", "Substring", arr(int32(1), int32(10)), fails(`Exception calling "Substring" with "2" argument(s): "Index and length must refer to a location within the string. (Parameter 'length')"`)},
		{"hello", "Substring", arr(int32(1), int32(2), int32(3)), fails(`Cannot find an overload for "Substring" and the argument count: "3".`)},
		{"hello", "Foo", nil, fails("Method invocation failed because [System.String] does not contain a method named 'Foo'.")},
		{"hello", "Replace", arr("l", "L"), ok("heLLo")},
		{"hello", "Replace", arr("L", "x"), ok("hello")},
		{"hello", "Contains", arr("ell"), ok(true)},
		{"hello", "Contains", arr("ELL"), ok(false)},
		{"hello", "StartsWith", arr("he"), ok(true)},
		{"hello", "EndsWith", arr("LO"), ok(false)},
		{"hello", "IndexOf", arr("l"), ok(int32(2))},
		{"hello", "IndexOf", arr(Char('o')), ok(int32(4))},
		{"hello", "IndexOf", arr("z"), ok(int32(-1))},
		{"hello", "LastIndexOf", arr("l"), ok(int32(3))},
		{"5", "PadLeft", arr(int32(3), Char('0')), ok("005")},
		{"ab", "PadRight", arr(int32(4)), ok("ab  ")},
		{"  x  ", "Trim", nil, ok("x")},
		{"  x  ", "TrimStart", nil, ok("x  ")},
		{"xxhixx", "Trim", arr("x"), ok("hi")},
		{"hello.txt", "TrimEnd", arr(".txt"), ok("hello")},
		{"abc", "Insert", arr(int32(1), "X"), ok("aXbc")},
		{"abcdef", "Remove", arr(int32(1), int32(2)), ok("adef")},
		{"abcdef", "Remove", arr(int32(3)), ok("abc")},
		{"ab", "ToCharArray", nil, ok(arr(Char('a'), Char('b')))},
		{"a,b,,c", "Split", arr(","), ok(arr("a", "b", "", "c"))},
		{"a,b;c", "Split", arr(Char(','), Char(';')), ok(arr("a", "b", "c"))},
		{"a,b,c", "Split", arr(",", int32(2)), ok(arr("a", "b,c"))},
		{"a b", "Split", nil, ok(arr("a", "b"))},
		{"abc", "Equals", arr("abc"), ok(true)},
		{"abc", "Equals", arr("ABC"), ok(false)},
		{"abc", "GetType", nil, ok(TString)},
		{"abc", "Length", nil, fails("Method invocation failed because [System.String] does not contain a method named 'Length'.")},
		{arr(int32(1), int32(2)), "Contains", arr(int32(2)), ok(true)},
		{arr(int32(1), int32(2)), "Contains", arr("2"), ok(false)},
		{arr("a", "b"), "IndexOf", arr("b"), ok(int32(1))},
		{arr("a", "b"), "ToUpper", nil, ok(arr("A", "B"))},
		{arr(int32(1)), "Add", arr(int32(2)), fails(`Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."`)},
		{arr(int32(1)), "GetType", nil, ok(TArray)},
		{h, "ContainsKey", arr("A"), ok(true)},
		{h, "ContainsValue", arr(int32(1)), ok(true)},
		{h, "Add", arr("a", int32(2)), fails(`Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: 'a'  Key being added: 'a'"`)},
		{ht("a", int32(1)), "GetEnumerator", nil, ok(arr(NewDictionaryEntry("a", int32(1))))},
		{int32(5), "ToString", arr("D3"), ok("005")},
		{int32(255), "ToString", arr("X2"), ok("FF")},
		{1.5, "ToString", nil, ok("1.5")},
		{sum, "ToString", nil, ok("0.30000000000000004")},
		{1234.5, "ToString", arr("N1"), ok("1,234.5")},
		{int32(5), "CompareTo", arr(int32(7)), ok(int32(-1))},
		{int32(5), "Equals", arr(int32(5)), ok(true)},
		{int32(5), "Equals", arr(5.0), ok(false)},
		{TInt, "ToString", nil, ok("System.Int32")},
		{tDate, "AddDays", arr(int32(1)), ok(tDate.AddDate(0, 0, 1))},
		{tDate, "AddHours", arr(1.5), ok(tDate.Add(90 * time.Minute))},
		{tDate, "AddMonths", arr(int32(1)), ok(time.Date(2024, 2, 29, 10, 5, 9, 0, time.Local))},
		{tDate, "AddYears", arr(int32(-1)), ok(time.Date(2023, 1, 31, 10, 5, 9, 0, time.Local))},
		{tDate, "ToString", arr("yyyy"), ok("2024")},
		{tDate, "ToShortDateString", nil, ok("01/31/2024")},
		{tDate, "Subtract", arr(tDate.Add(-time.Hour)), ok(time.Hour)},
		{90 * time.Minute, "ToString", nil, ok("01:30:00")},
		{nil, "Foo", nil, fails("You cannot call a method on a null-valued expression.")},
	}
	for _, c := range cases {
		got, err := InvokeMethod(c.v, c.name, c.args)
		check(t, desc(c.v, ".", c.name, c.args), got, err, c.want)
	}
	h2 := NewHashtable()
	if _, err := InvokeMethod(h2, "Add", arr("k", int32(1))); err != nil || !h2.Has("k") {
		t.Error("hashtable Add")
	}
	if _, err := InvokeMethod(h2, "Remove", arr("K")); err != nil || h2.Len() != 0 {
		t.Error("hashtable Remove")
	}
	e, err := InvokeMethod("hello", "Substring", arr(int32(9)))
	if me, ok := err.(*Error); !ok || me.ExceptionType != ExMethodInvocation || me.ErrorID != "ArgumentOutOfRangeException" {
		t.Errorf("Substring error fields: %#v %#v", e, err)
	}
}

func TestStatics(t *testing.T) {
	ty := func(n string) *Type { x, _ := LookupType(n); return x }
	gets := []struct {
		t    string
		name string
		want any
	}{
		{"int", "MaxValue", int32(math.MaxInt32)},
		{"int", "minvalue", int32(math.MinInt32)},
		{"long", "MaxValue", int64(math.MaxInt64)},
		{"double", "PositiveInfinity", math.Inf(1)},
		{"math", "PI", math.Pi},
		{"math", "E", math.E},
		{"string", "Empty", ""},
		{"guid", "Empty", Guid{}},
		{"math", "NoSuch", nil},
		{"timespan", "Zero", time.Duration(0)},
	}
	for _, c := range gets {
		got, err := GetStatic(ty(c.t), c.name)
		check(t, c.t+"::"+c.name, got, err, ok(c.want))
	}
	calls := []struct {
		t    string
		name string
		args []any
		want result
	}{
		{"math", "Round", arr(2.5), ok(2.0)},
		{"math", "Round", arr(3.5), ok(4.0)},
		{"math", "Round", arr(-2.5), ok(-2.0)},
		{"math", "Round", arr(2.5, "AwayFromZero"), ok(3.0)},
		{"math", "Round", arr(1.2345, int32(2)), ok(1.23)},
		{"math", "Round", arr(1.25, int32(1), "AwayFromZero"), ok(1.3)},
		{"math", "Round", arr(dec("2.5")), ok(dec("2"))},
		{"math", "Max", arr(int32(1), int32(2)), ok(int32(2))},
		{"math", "Max", arr(int32(1), 2.5), ok(2.5)},
		{"math", "Min", arr(int32(1), int32(2)), ok(int32(1))},
		{"math", "Abs", arr(int32(-5)), ok(int32(5))},
		{"math", "Abs", arr(-1.5), ok(1.5)},
		{"math", "Floor", arr(2.7), ok(2.0)},
		{"math", "Ceiling", arr(2.1), ok(3.0)},
		{"math", "Truncate", arr(-2.7), ok(-2.0)},
		{"math", "Pow", arr(int32(2), int32(10)), ok(1024.0)},
		{"math", "Sqrt", arr(int32(16)), ok(4.0)},
		{"math", "Log10", arr(int32(1000)), ok(3.0)},
		{"math", "Sign", arr(-3.2), ok(int32(-1))},
		{"math", "Foo", arr(), fails("Method invocation failed because [System.Math] does not contain a method named 'Foo'.")},
		{"string", "Join", arr(",", arr(int32(1), int32(2))), ok("1,2")},
		{"string", "Join", arr("-", "a", "b"), ok("a-b")},
		{"string", "IsNullOrEmpty", arr(""), ok(true)},
		{"string", "IsNullOrEmpty", arr(nil), ok(true)},
		{"string", "IsNullOrWhiteSpace", arr("  "), ok(true)},
		{"string", "Format", arr("{0}-{1}", int32(1), int32(2)), ok("1-2")},
		{"string", "Concat", arr("a", int32(1)), ok("a1")},
		{"string", "Compare", arr("a", "B"), ok(int32(-1))},
		{"regex", "Escape", arr("a.b*c"), ok(`a\.b\*c`)},
		{"regex", "IsMatch", arr("abc", "b"), ok(true)},
		{"regex", "Replace", arr("abc", "b", "x"), ok("axc")},
		{"regex", "Split", arr("a1b2c", `\d`), ok(arr("a", "b", "c"))},
		{"char", "IsDigit", arr(Char('5')), ok(true)},
		{"char", "IsLetter", arr(Char('5')), ok(false)},
		{"char", "IsUpper", arr("A"), ok(true)},
		{"char", "ToUpper", arr(Char('a')), ok(Char('A'))},
		{"convert", "ToString", arr(int32(255), int32(2)), ok("11111111")},
		{"convert", "ToString", arr(int32(255), int32(16)), ok("ff")},
		{"convert", "ToInt32", arr("ff", int32(16)), ok(int32(255))},
		{"convert", "ToInt32", arr("42"), ok(int32(42))},
		{"convert", "ToBase64String", arr(arr(uint8(104), uint8(105))), ok("aGk=")},
		{"timespan", "FromMinutes", arr(int32(90)), ok(90 * time.Minute)},
		{"timespan", "FromSeconds", arr(1.5), ok(1500 * time.Millisecond)},
		{"IO.Path", "GetFileName", arr("/a/b/c.txt"), ok("c.txt")},
		{"IO.Path", "GetExtension", arr("/a/b/c.txt"), ok(".txt")},
		{"IO.Path", "GetFileNameWithoutExtension", arr("/a/b/c.tar.gz"), ok("c.tar")},
		{"IO.Path", "GetDirectoryName", arr("/a/b/c.txt"), ok("/a/b")},
		{"IO.Path", "Combine", arr("a", "b", "c.txt"), ok("a/b/c.txt")},
		{"IO.Path", "Combine", arr("a", "/b"), ok("/b")},
		{"datetime", "DaysInMonth", arr(int32(2024), int32(2)), ok(int32(29))},
		{"datetime", "IsLeapYear", arr(int32(2023)), ok(false)},
		{"datetime", "ParseExact", arr("31/01/2024", "dd/MM/yyyy", nil), ok(time.Date(2024, 1, 31, 0, 0, 0, 0, time.Local))},
		{"datetime", "ParseExact", arr("2024-01-31 3:04 PM", "yyyy-MM-dd h:mm tt", nil), ok(time.Date(2024, 1, 31, 15, 4, 0, 0, time.Local))},
		{"datetime", "Parse", arr("2024-01-31"), ok(time.Date(2024, 1, 31, 0, 0, 0, 0, time.Local))},
		{"int", "Parse", arr("42"), ok(int32(42))},
		{"int", "Parse", arr("abc"), fails(`Exception calling "Parse" with "1" argument(s): "The input string 'abc' was not in a correct format."`)},
		{"bool", "Parse", arr("true"), ok(true)},
		{"guid", "Parse", arr("00000000-0000-0000-0000-000000000001"), ok(Guid{15: 1})},
	}
	for _, c := range calls {
		got, err := InvokeStatic(ty(c.t), c.name, c.args)
		check(t, desc("[", c.t, "]::", c.name, c.args), got, err, c.want)
	}
	m, err := InvokeStatic(TRegex, "Match", arr("abc123", `(\d)(\d)`))
	if err != nil {
		t.Fatal(err)
	}
	mo := m.(*Object)
	if v, _ := mo.Get("Value"); v != "12" {
		t.Errorf("Match Value = %v", v)
	}
	if v, _ := mo.Get("Index"); v != int32(3) {
		t.Errorf("Match Index = %v", v)
	}
	if g, _ := mo.Get("Groups"); g.(*List).Len() != 3 || ToString(g.(*List).Items[2]) != "2" {
		t.Errorf("Match Groups = %v", g)
	}
	if ToString(mo) != "12" {
		t.Errorf("Match ToString = %q", ToString(mo))
	}
	ms, _ := InvokeStatic(TRegex, "Matches", arr("a1b2", `\d`))
	if len(ms.([]any)) != 2 {
		t.Errorf("Matches = %#v", ms)
	}
	g, _ := InvokeStatic(TGuid, "NewGuid", nil)
	if s := ToString(g); len(s) != 36 || s[14] != '4' {
		t.Errorf("NewGuid = %s", s)
	}
}

func TestNewRegex(t *testing.T) {
	r1, err := NewRegex("a+", true)
	if err != nil {
		t.Fatal(err)
	}
	r2, _ := NewRegex("a+", true)
	if r1 != r2 {
		t.Error("regex cache miss")
	}
	if _, err := NewRegex("[", false); err == nil || err.(*Error).ErrorID != "InvalidRegularExpression" {
		t.Errorf("bad pattern error: %v", err)
	}
	// .NET-only features: lookbehind, named groups, RegexOptions inline.
	if ok, _ := mustRegex(t, `(?<=a)b`).IsMatch("ab"); !ok {
		t.Error("lookbehind")
	}
	if ok, _ := mustRegex(t, `(?i)ABC`).IsMatch("abc"); !ok {
		t.Error("inline option")
	}
}

func mustRegex(t *testing.T, p string) *Regex {
	r, err := NewRegex(p, false)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
