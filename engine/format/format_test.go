package format

import (
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/engine/value"
)

// golden is one case: items through a Writer (mode "out") or a Format-*
// function, and the exact text expected.
type golden struct {
	name  string
	mode  string // "out" (default), "table", "list", "wide"
	width int
	reg   *Registry
	items []any
	table TableOptions
	list  ListOptions
	prop  string // Format-Wide -Property
	cols  int    // Format-Wide -Column
	want  string
}

var sampleDate = time.Date(2026, 11, 26, 0, 25, 38, 0, time.UTC)

func goldens() []golden {
	intType, _ := value.LookupType("int")
	strType, _ := value.LookupType("string")
	long := strings.Repeat("abcdefghij", 6)
	return []golden{
		// --- scalars ---
		{name: "string", items: []any{"hello"}, want: `hello
`},
		{name: "int", items: []any{i32(42)}, want: `42
`},
		{name: "nil prints nothing", items: []any{nil}, want: ``},
		{name: "bool", items: []any{true}, want: `True
`},
		{name: "scalars mixed", items: []any{"a", i32(1), 1.5, value.Char('c'), int64(-3), uint8(7)}, want: `a
1
1.5
c
-3
7
`},
		{name: "empty string is an empty line", items: []any{""}, want: `
`},
		{name: "array unrolled", items: []any{[]any{"x", i32(2), nil}}, want: `x
2
`},
		{name: "multiline string", items: []any{"a\nb"}, want: `a
b
`},
		{name: "date", items: []any{sampleDate}, want: `
Thursday, November 26, 2026 12:25:38 AM

`},
		{name: "timespan list", items: []any{90 * time.Second}, want: `
Days              : 0
Hours             : 0
Minutes           : 1
Seconds           : 30
Milliseconds      : 0
Ticks             : 900000000
TotalDays         : 0.00104166666666667
TotalHours        : 0.025
TotalMinutes      : 1.5
TotalSeconds      : 90
TotalMilliseconds : 90000

`},
		{name: "type table", items: []any{intType, strType}, want: `
IsPublic IsSerial Name                                     BaseType
-------- -------- ----                                     --------
True     True     Int32                                    System.ValueType
True     True     String                                   System.Object

`},
		{name: "empty object", items: []any{obj()}, want: `
`},
		// --- tables from properties ---
		{name: "table", items: []any{obj("Name", "hello", "Value", i32(1))}, want: `
Name  Value
----  -----
hello     1

`},
		{name: "table widths from all rows", items: []any{obj("Name", "a", "Size", i32(10)), obj("Name", "longer name", "Size", i32(12345))}, want: `
Name         Size
----         ----
a              10
longer name 12345

`},
		{name: "numbers right aligned", items: []any{obj("Id", i32(5), "Ratio", 0.25, "Big", int64(1234567), "Ok", true)}, want: `
Id Ratio     Big   Ok
-- -----     ---   --
 5  0.25 1234567 True

`},
		{name: "alignment from first object", items: []any{obj("V", "text"), obj("V", i32(3))}, want: `
V
-
text
3

`},
		{name: "null cells", items: []any{obj("A", nil, "B", "x")}, want: `
A B
- -
  x

`},
		{name: "arrays in cells", items: []any{obj("Three", []any{i32(1), i32(2), i32(3)}, "Four", []any{i32(1), i32(2), i32(3), i32(4)}, "Five", []any{i32(1), i32(2), i32(3), i32(4), i32(5)}, "Empty", []any{})}, want: `
Three     Four         Five          Empty
-----     ----         ----          -----
{1, 2, 3} {1, 2, 3, 4} {1, 2, 3, 4…} {}

`},
		{name: "nested values in cells", items: []any{obj("Obj", obj("a", i32(1), "b", "x"), "Hash", ht("k", i32(1)), "Nest", []any{i32(1), []any{i32(2)}})}, want: `
Obj         Hash     Nest
---         ----     ----
@{a=1; b=x} {[k, 1]} {1, System.Object[]}

`},
		// pwsh 7.4: the column is as wide as the whole text
		// (ProcessCachedGroupOnTable), the cell its first line and "…"
		// (StringManipulationHelper.TruncateAtNewLine).
		{name: "multiline cell shows first line", items: []any{obj("Text", "first\nsecond", "N", i32(1))}, want: `
Text         N
----         -
first…       1

`},
		{name: "long value truncated", width: 40, items: []any{obj("Name", "x", "Path", long)}, want: `
Name Path
---- ----
x    abcdefghijabcdefghijabcdefghijabcd…

`},
		{name: "columns truncated right to left", width: 30, items: []any{obj("A", long, "B", "b")}, want: `
A
-
abcdefghijabcdefghijabcdefghi…

`},
		{name: "right aligned truncated at head", width: 10, items: []any{obj("Name", "n", "Value", int64(12345678901234))}, want: `
Name Value
---- -----
n    …1234

`},
		{name: "same type shares table", items: []any{obj("a", i32(1)), obj("b", i32(2))}, want: `
a
-
1


`},
		{name: "scalar inside table", items: []any{obj("a", i32(1)), "text", obj("a", i32(2))}, want: `
a
-
1
text
2

`},
		{name: "date inside table", items: []any{obj("a", i32(1)), sampleDate, obj("a", i32(2))}, want: `
a
-
1

Thursday, November 26, 2026 12:25:38 AM

2

`},
		{name: "scalars around table", items: []any{"before", obj("a", i32(1)), "after"}, want: `before

a
-
1
after

`},
		{name: "wide object in property table", items: []any{obj("a", i32(1)), obj("a", i32(2), "b", 2, "c", 3, "d", 4, "e", 5)}, want: `
a
-
1
2

`},
		// --- hashtables ---
		{name: "hashtable", items: []any{ht("a", i32(1), "bb", "x")}, want: `
Name                           Value
----                           -----
a                              1
bb                             x

`},
		{name: "hashtables share table", items: []any{ht("a", i32(1)), ht("b", []any{i32(1), i32(2)})}, want: `
Name                           Value
----                           -----
a                              1
b                              {1, 2}

`},
		{name: "empty hashtable", items: []any{ht()}, want: ``},
		{name: "hashtable long key", items: []any{ht(strings.Repeat("k", 35), i32(1))}, want: `
Name                           Value
----                           -----
kkkkkkkkkkkkkkkkkkkkkkkkkkkkk… 1

`},
		{name: "object after hashtable is a list", items: []any{ht("a", i32(1)), obj("x", i32(1))}, want: `
Name                           Value
----                           -----
a                              1

x : 1


`},
		// --- lists ---
		{name: "list five properties", items: []any{obj("A", i32(1), "Bb", "x", "C", nil, "D", []any{i32(1), i32(2)}, "E", obj("z", i32(1)))}, want: `
A  : 1
Bb : x
C  :
D  : {1, 2}
E  : @{z=1}

`},
		{name: "two lists", items: []any{
			obj("Name", "x", "Count", i32(5), "A", i32(1), "B", i32(2), "C", i32(3)),
			obj("LongerLabel", "y", "Count", i32(6), "A", i32(1), "B", i32(2), "C", i32(3))}, want: `
Name  : x
Count : 5
A     : 1
B     : 2
C     : 3

LongerLabel : y
Count       : 6
A           : 1
B           : 2
C           : 3

`},
		{name: "list wraps long values", width: 30, items: []any{obj("Name", "x", "Text", "the quick brown fox jumps over the lazy dog", "A", 1, "B", 2, "C", 3)}, want: `
Name : x
Text : the quick brown fox
       jumps over the lazy dog
A    : 1
B    : 2
C    : 3

`},
		{name: "list multiline value", items: []any{obj("Name", "x", "Text", "one\ntwo", "A", i32(1), "B", i32(2), "C", i32(3))}, want: `
Name : x
Text : one
       two
A    : 1
B    : 2
C    : 3

`},
		{name: "hashtable entries join a property list", items: []any{obj("A", i32(1), "B", i32(2), "C", i32(3), "D", i32(4), "E", i32(5)), ht("k", "v")}, want: `
A : 1
B : 2
C : 3
D : 4
E : 5

Name  : k
Key   : k
Value : v

`},
		// --- registered views ---
		{name: "view fixed widths", reg: testRegistry(), items: []any{
			typed([]string{"Test.Proc"}, "Id", i32(42), "Name", "pwsh", "CPU", 1.5),
			typed([]string{"Test.Proc"}, "Id", i32(7), "Name", "a-very-long-process", "CPU", nil)}, want: `
    Id ProcessName    CPU(s)
    -- -----------    ------
    42 pwsh              1.5
     7 a-very-long…

`},
		{name: "view measured with groups", reg: testRegistry(), items: []any{
			typed([]string{"Test.Item"}, "Mode", "-a---", "Length", int64(10), "Name", "a.txt", "Dir", "/tmp"),
			typed([]string{"Test.Item"}, "Mode", "-a---", "Length", int64(2048), "Name", "b.txt", "Dir", "/tmp"),
			typed([]string{"Test.Item"}, "Mode", "d----", "Length", nil, "Name", "sub", "Dir", "/var")}, want: `
   Directory: /tmp

Mode  Length Name
----  ------ ----
-a---     10 a.txt
-a---   2048 b.txt

   Directory: /var

Mode  Length Name
----  ------ ----
d----        sub

`},
		{name: "list view", reg: testRegistry(), items: []any{
			typed([]string{"Test.Svc"}, "Name", "sshd", "Display", "OpenSSH", "Status", "Running", "Extra", 1),
			typed([]string{"Test.Svc"}, "Name", "cron", "Display", "Cron", "Status", "Stopped")}, want: `
Name        : sshd
DisplayName : OpenSSH
Status      : Running

Name        : cron
DisplayName : Cron
Status      : Stopped

`},
		{name: "other type in view is a list", reg: testRegistry(), items: []any{
			typed([]string{"Test.Proc"}, "Id", i32(1), "Name", "init", "CPU", 0.5),
			obj("x", i32(1), "y", "z"),
			typed([]string{"Test.Proc"}, "Id", i32(2), "Name", "sh", "CPU", 0.1)}, want: `
    Id ProcessName    CPU(s)
    -- -----------    ------
     1 init              0.5

x : 1
y : z

     2 sh                0.1

`},
		{name: "view by base type name", reg: testRegistry(), items: []any{typed([]string{"Test.Derived", "Test.Proc"}, "Id", i32(3), "Name", "d", "CPU", nil)}, want: `
    Id ProcessName    CPU(s)
    -- -----------    ------
     3 d

`},
		{name: "wide view from writer", reg: testRegistry(), items: []any{
			typed([]string{"Test.Word"}, "Word", "alpha"), typed([]string{"Test.Word"}, "Word", "beta"), typed([]string{"Test.Word"}, "Word", "gamma")}, width: 40, want: `
alpha                beta
gamma

`},
		{name: "rendered verbatim ends table", items: []any{obj("a", i32(1)), Rendered{Text: "\nX\n\n"}, obj("a", i32(2))}, want: `
a
-
1


X


a
-
2

`},
		{name: "switch parameter", items: []any{value.SwitchParameter(true)}, want: `
IsPresent
---------
     True

`},
		// --- Format-Table ---
		{name: "ft hashtable autosize", mode: "table", table: TableOptions{AutoSize: true}, items: []any{ht("a", i32(1), "bb", "x")}, want: `
Name Value
---- -----
a    1
bb   x

`},
		{name: "ft hide headers", mode: "table", table: TableOptions{HideTableHeaders: true}, items: []any{obj("a", i32(1), "b", "x"), obj("a", i32(22), "b", "y")}, want: `
 1 x
22 y

`},
		{name: "ft wrap", mode: "table", width: 30, table: TableOptions{Wrap: true}, items: []any{obj("Id", i32(1), "Text", "the quick brown fox jumps over the lazy dog")}, want: `
Id Text
-- ----
 1 the quick brown fox jumps
   over the lazy dog

`},
		{name: "ft no wrap", mode: "table", width: 30, items: []any{obj("Id", i32(1), "Text", "the quick brown fox jumps over the lazy dog")}, want: `
Id Text
-- ----
 1 the quick brown fox jumps …

`},
		{name: "ft columns", mode: "table", table: TableOptions{Columns: []Column{
			{Property: "Name"},
			{Label: "Double", Value: func(it any) (any, error) { v, _ := it.(*value.Object).Get("N"); return v.(int32) * 2, nil }},
		}}, items: []any{obj("Name", "a", "N", i32(2)), obj("Name", "b", "N", i32(50))}, want: `
Name Double
---- ------
a         4
b       100

`},
		{name: "ft many properties", mode: "table", items: []any{obj("A", i32(1), "B", i32(2), "C", i32(3), "D", i32(4), "E", i32(5), "F", "six")}, want: `
A B C D E F
- - - - - -
1 2 3 4 5 six

`},
		{name: "ft fixed width column wraps header", mode: "table", table: TableOptions{Columns: []Column{
			{Label: "LongHeader", Property: "a", Width: 4}, {Property: "b", Width: 3}}}, items: []any{obj("a", "abcdef", "b", i32(1))}, want: `
Long   b
Head
er
----   -
abc…   1

`},
		{name: "ft strings stay out of band", mode: "table", items: []any{"s", obj("a", i32(1))}, want: `s

a
-
1

`},
		{name: "ft view", mode: "table", reg: testRegistry(), items: []any{typed([]string{"Test.Proc"}, "Id", i32(1), "Name", "x", "CPU", 2.5)}, want: `
    Id ProcessName    CPU(s)
    -- -----------    ------
     1 x                 2.5

`},
		{name: "ft list view type uses properties", mode: "table", reg: testRegistry(), items: []any{typed([]string{"Test.Svc"}, "Name", "sshd", "Status", "Running")}, want: `
Name Status
---- ------
sshd Running

`},
		// --- Format-List ---
		{name: "fl object", mode: "list", items: []any{obj("a", i32(1), "bbb", "x")}, want: `
a   : 1
bbb : x

`},
		{name: "fl columns", mode: "list", list: ListOptions{Columns: []Column{{Property: "bbb"}, {Label: "Twice", Value: func(it any) (any, error) { return "2x", nil }}}}, items: []any{obj("a", i32(1), "bbb", "x")}, want: `
bbb   : x
Twice : 2x

`},
		{name: "fl hashtable", mode: "list", items: []any{ht("k", "v")}, want: `
Name  : k
Key   : k
Value : v

`},
		{name: "fl registered table type uses properties", mode: "list", reg: testRegistry(), items: []any{typed([]string{"Test.Proc"}, "Id", i32(1), "Name", "x", "CPU", 2.5)}, want: `
Id   : 1
Name : x
CPU  : 2.5

`},
		// --- Format-Wide ---
		{name: "fw default two columns", mode: "wide", width: 40, items: []any{obj("Name", "a"), obj("Name", "bb"), obj("Name", "ccc")}, want: `
a                    bb
ccc

`},
		{name: "fw three columns", mode: "wide", width: 30, cols: 3, items: []any{obj("Name", "a"), obj("Name", "b"), obj("Name", "c"), obj("Name", "d")}, want: `
a          b         c
d

`},
		{name: "fw property truncated", mode: "wide", width: 20, prop: "Id", items: []any{obj("Name", "a", "Id", "0123456789abcdef"), obj("Name", "b", "Id", "x")}, want: `
012345678… x

`},
	}
}

func TestGolden(t *testing.T) {
	for _, g := range goldens() {
		t.Run(g.name, func(t *testing.T) {
			r := g.reg
			if r == nil {
				r = NewRegistry()
			}
			var got string
			var err error
			switch g.mode {
			case "table":
				opt := g.table
				opt.Width = g.width
				got, err = FormatTable(r, g.items, opt)
			case "list":
				opt := g.list
				opt.Width = g.width
				got, err = FormatList(r, g.items, opt)
			case "wide":
				got, err = FormatWide(r, g.items, g.prop, g.cols, g.width)
			default:
				got = writeAll(t, r, g.width, g.items...)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != g.want {
				t.Errorf("got:\n%s<<END\nwant:\n%s<<END\ngot  %q\nwant %q", got, g.want, got, g.want)
			}
			for _, l := range strings.Split(got, "\n") {
				if strings.HasSuffix(l, " ") {
					t.Errorf("trailing space in %q", l)
				}
			}
		})
	}
}
