package binding

import (
	"reflect"
	"testing"

	"github.com/csshell/csshell/engine/value"
)

func obj(kv ...any) *value.Object {
	o := value.NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

type inputCase struct {
	name  string
	meta  func() *Meta
	args  []Arg
	item  any
	want  map[string]any
	set   string
	err   string
	errID string
}

func TestBindInput(t *testing.T) {
	cases := []inputCase{
		{name: "by value", meta: teams, item: "alice@contoso.com",
			want: map[string]any{"Identity": "alice@contoso.com"}, set: "TenantIdParams"},
		{name: "by property name", meta: teams, item: obj("Identity", "bob", "Other", 1),
			want: map[string]any{"Identity": "bob"}, set: "TenantIdParams"},
		{name: "by value with coercion", meta: teams, item: int32(5),
			want: map[string]any{"Identity": "5"}, set: "TenantIdParams"},
		{name: "command-line parameters are kept", meta: teams, args: []Arg{n("TenantDomain"), v("contoso.com"), n("SendEmail")}, item: "bob",
			want: map[string]any{"Identity": "bob", "TenantDomain": "contoso.com", "SendEmail": true}, set: "TenantDomainParams"},
		{name: "bound on the command line cannot take input", meta: teams, args: []Arg{v("bob")}, item: "carol",
			err: "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.", errID: "InputObjectNotBound"},
		{name: "no pipeline parameters", meta: mandatory, args: []Arg{v("a"), v(int32(1)), n("Maybe"), v(""), n("Req"), v("r")}, item: 1,
			errID: "InputObjectNotBound", err: "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input."},
		{name: "property conversion failure", meta: func() *Meta {
			return &Meta{Name: "Set-Size", CmdletBinding: true, Params: []*ParamInfo{
				{Name: "Size", Type: "Int32", Sets: all(-1, false, false, true)},
			}}
		}, item: obj("Size", "big"),
			err: `Cannot process argument transformation on parameter 'Size'. Cannot convert value "big" to type "System.Int32". Error: "The input string 'big' was not in a correct format."`, errID: "ParameterArgumentTransformationError"},
		{name: "null input to a mandatory parameter", meta: getItem, item: nil,
			err: "Cannot bind argument to parameter 'Path' because it is null."},
		{name: "by name through an alias picks the other set", meta: getItem, item: obj("PSPath", "/tmp/x"),
			want: map[string]any{"LiteralPath": []any{"/tmp/x"}}, set: "LiteralPath"},
		{name: "string goes to the default set by value", meta: getItem, item: "/tmp/y",
			want: map[string]any{"Path": []any{"/tmp/y"}}, set: "Path"},
		{name: "by name in the default set first", meta: getItem, item: obj("Path", "/a", "PSPath", "/b"),
			want: map[string]any{"Path": []any{"/a"}}, set: "Path"},
		{name: "hashtable keys are not properties", meta: func() *Meta {
			return &Meta{Name: "Set-Size", CmdletBinding: true, Params: []*ParamInfo{
				{Name: "Size", Type: "Int32", Sets: all(-1, false, false, true)},
			}}
		}, item: func() any { h := value.NewHashtable(); h.Set("Size", int32(1)); return h }(),
			errID: "InputObjectNotBound", err: "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input."},
		{name: "where input object", meta: whereObject, args: []Arg{v(&fakeSB{"1"})}, item: int32(3),
			want: map[string]any{"FilterScript": &fakeSB{"1"}, "InputObject": int32(3)}, set: "ScriptBlockSet"},
		{name: "select input object", meta: selectObject, args: []Arg{n("First"), v(int32(1))}, item: obj("a", 1),
			want: map[string]any{"First": int32(1), "InputObject": obj("a", 1)}, set: "DefaultParameter"},
		{name: "missing mandatory after pipeline", meta: func() *Meta {
			return &Meta{Name: "Set-Thing", CmdletBinding: true, Params: []*ParamInfo{
				{Name: "Name", Type: "String", Sets: all(-1, true, false, true)},
				{Name: "Id", Type: "Int32", Sets: all(-1, true, false, true)},
			}}
		}, item: obj("Name", "n"),
			err: "The input object cannot be bound because it did not contain the information required to bind all mandatory parameters:  Id", errID: "InputObjectMissingMandatory"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bd, err := Bind(c.meta(), c.args, Options{ExpectingInput: true})
			if err != nil {
				t.Fatalf("Bind: %v", err)
			}
			got, set, err := bd.BindInput(c.item)
			checkErr(t, err, c.err, c.errID, "")
			if c.err != "" {
				return
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("params = %#v\nwant     %#v", got, c.want)
			}
			if set != c.set {
				t.Errorf("set = %q, want %q", set, c.set)
			}
		})
	}
}

func TestBindInputIndependent(t *testing.T) {
	bd, err := Bind(getItem(), []Arg{n("Force")}, Options{ExpectingInput: true})
	if err != nil {
		t.Fatal(err)
	}
	p1, s1, err := bd.BindInput(obj("PSPath", "/one"))
	if err != nil || s1 != "LiteralPath" || !reflect.DeepEqual(p1["LiteralPath"], []any{"/one"}) {
		t.Fatalf("first: %v %q %v", p1, s1, err)
	}
	p2, s2, err := bd.BindInput("/two")
	if err != nil || s2 != "Path" {
		t.Fatalf("second: %v %q %v", p2, s2, err)
	}
	if _, leaked := p2["LiteralPath"]; leaked {
		t.Error("LiteralPath leaked from the previous object")
	}
	if len(bd.Params) != 1 || bd.Params["Force"] != true {
		t.Errorf("command-line params changed: %v", bd.Params)
	}
}
