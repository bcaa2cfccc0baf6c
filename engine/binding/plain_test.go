package binding

import "testing"

func TestPlainFunction(t *testing.T) {
	runBind(t, []bindCase{
		{name: "positional in declaration order, switch skipped", meta: plain, args: []Arg{v("x"), v("5")},
			want: map[string]any{"a": "x", "b": int32(5)}},
		{name: "rest goes to args", meta: plain, args: []Arg{v("x"), v(int32(5)), v("y"), v("z")},
			want: map[string]any{"a": "x", "b": int32(5)}, unbound: []any{"y", "z"}},
		{name: "unknown name goes to args in order", meta: plain, args: []Arg{v("x"), n("Zap"), v(int32(2)), v("more")},
			want: map[string]any{"a": "x", "b": int32(2)}, unbound: []any{"-Zap", "more"}},
		{name: "unknown name with colon value", meta: plain, args: []Arg{nv("zap", int32(1))},
			want: map[string]any{}, unbound: []any{"-zap:", int32(1)}},
		{name: "named and switch", meta: plain, args: []Arg{n("s"), n("b"), v("3"), v("first")},
			want: map[string]any{"s": true, "b": int32(3), "a": "first"}},
		{name: "prefix", meta: plain, args: []Arg{nv("S", true)},
			want: map[string]any{"s": true}},
		{name: "conversion error", meta: plain, args: []Arg{v("x"), v("abc")},
			err: `Cannot process argument transformation on parameter 'b'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`},
		{name: "missing argument", meta: plain, args: []Arg{n("a")},
			err: "Missing an argument for parameter 'a'. Specify a parameter of type 'System.Object' and try again."},
		{name: "specified twice", meta: plain, args: []Arg{n("a"), v(1), n("a"), v(2)},
			err: `Cannot bind parameter because parameter 'a' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`},
		{name: "no parameters at all", meta: func() *Meta { return &Meta{Name: "g"} }, args: []Arg{v(int32(1)), n("x")},
			want: map[string]any{}, unbound: []any{int32(1), "-x"}},
	})
}

func TestRobustness(t *testing.T) {
	runBind(t, []bindCase{
		{name: "nil meta", meta: func() *Meta { return nil }, args: []Arg{v("x")},
			want: map[string]any{}, unbound: []any{"x"}},
		{name: "nil and nameless params", meta: func() *Meta {
			return &Meta{Name: "h", CmdletBinding: true, Params: []*ParamInfo{nil, {Name: ""}, {Name: "P", Type: "NoSuchType"}}}
		}, args: []Arg{nv("P", nil)}, want: map[string]any{"P": ""}},
		{name: "empty parameter name", meta: teams, args: []Arg{v("bob"), {IsParam: true, Text: "-"}},
			err: "A parameter cannot be found that matches parameter name ''."},
		{name: "params without sets are in all sets", meta: func() *Meta {
			return &Meta{Name: "h", CmdletBinding: true, Params: []*ParamInfo{{Name: "P", Type: "String"}}}
		}, args: []Arg{n("P"), v("x")}, want: map[string]any{"P": "x"}},
	})
	var nb *Binding
	if _, _, err := nb.BindInput(1); err == nil {
		t.Error("nil Binding bound input")
	}
}
