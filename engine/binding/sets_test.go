package binding

import (
	"errors"
	"testing"
)

func TestParameterSets(t *testing.T) {
	sb := &fakeSB{"$_.x"}
	runBind(t, []bindCase{
		{name: "default set when ambiguous", meta: teams, args: []Arg{v("bob")},
			want: map[string]any{"Identity": "bob"}, set: "TenantIdParams"},
		{name: "named parameter picks its set", meta: teams, args: []Arg{v("bob"), n("TenantDomain"), v("contoso.com")},
			want: map[string]any{"Identity": "bob", "TenantDomain": "contoso.com"}, set: "TenantDomainParams"},
		{name: "parameters of two sets", meta: teams, args: []Arg{v("bob"), n("Tenant"), v(tenantGUID), n("TenantDomain"), v("x")},
			err: ambiguousSetMsg, errID: "AmbiguousParameterSet"},
		{name: "where scriptblock positional", meta: whereObject, args: []Arg{v(sb)},
			want: map[string]any{"FilterScript": sb}, set: "ScriptBlockSet"},
		{name: "where property positional takes default set", meta: whereObject, args: []Arg{v("Name")},
			want: map[string]any{"Property": "Name"}, set: "EqualSet"},
		{name: "where property value eq", meta: whereObject, args: []Arg{v("Name"), n("eq"), v("x")},
			want: map[string]any{"Property": "Name", "EQ": true, "Value": "x"}, set: "EqualSet"},
		{name: "where by alias", meta: whereObject, args: []Arg{v("Name"), n("imatch"), v("^a")},
			want: map[string]any{"Property": "Name", "Match": true, "Value": "^a"}, set: "MatchSet"},
		{name: "where filter and property conflict", meta: whereObject, args: []Arg{n("FilterScript"), v(sb), n("Property"), v("x")},
			err: ambiguousSetMsg},
		{name: "where filter plus positional has no position left", meta: whereObject, args: []Arg{n("FilterScript"), v(sb), v("x")},
			err: "A positional parameter cannot be found that accepts argument 'x'."},
		{name: "select property positional", meta: selectObject, args: []Arg{v([]any{"a", "b"})},
			want: map[string]any{"Property": []any{"a", "b"}}, set: "DefaultParameter"},
		{name: "select skiplast set", meta: selectObject, args: []Arg{v("a"), n("SkipLast"), v(int32(2))},
			want: map[string]any{"Property": []any{"a"}, "SkipLast": int32(2)}, set: "SkipLastParameter"},
		{name: "select first with skiplast conflict", meta: selectObject, args: []Arg{n("First"), v(int32(1)), n("SkipLast"), v(int32(2))},
			err: ambiguousSetMsg},
		{name: "unique mandatory-satisfied set when no default", meta: func() *Meta {
			return &Meta{Name: "Test-Sets", CmdletBinding: true, Params: []*ParamInfo{
				{Name: "A", Type: "String", Sets: []ParamSet{in("SetA", -1, false)}},
				{Name: "B", Type: "String", Sets: []ParamSet{in("SetB", -1, true)}},
				{Name: "C", Type: "String", Sets: []ParamSet{in("SetA", -1, false), in("SetB", -1, false)}},
			}}
		}, args: []Arg{n("C"), v("2")},
			want: map[string]any{"C": "2"}, set: "SetA"},
		{name: "still ambiguous without default", meta: func() *Meta {
			return &Meta{Name: "Test-Sets", CmdletBinding: true, Params: []*ParamInfo{
				{Name: "A", Type: "String", Sets: []ParamSet{in("SetA", -1, false)}},
				{Name: "B", Type: "String", Sets: []ParamSet{in("SetB", -1, false)}},
				{Name: "C", Type: "String", Sets: []ParamSet{in("SetA", -1, false), in("SetB", -1, false)}},
			}}
		}, args: []Arg{n("C"), v("2")}, err: ambiguousSetMsg},
	})
}

func TestMandatory(t *testing.T) {
	runBind(t, []bindCase{
		{name: "missing mandatory", meta: teams, args: nil,
			err: "Cannot process command because of one or more missing mandatory parameters: Identity.", errID: "MissingMandatoryParameter"},
		{name: "missing several in declaration order", meta: mandatory, args: []Arg{n("Note"), v("n")},
			err: "Cannot process command because of one or more missing mandatory parameters: Identity Pin Maybe Req."},
		{name: "pipeline will supply it", meta: teams, args: nil, opt: Options{ExpectingInput: true},
			want: map[string]any{}, set: "TenantIdParams"},
		{name: "pipeline cannot supply a non-pipeline one", meta: mandatory, args: []Arg{v("a")}, opt: Options{ExpectingInput: true},
			err: "Cannot process command because of one or more missing mandatory parameters: Pin Maybe Req."},
		{name: "where needs its mandatory set parameter", meta: whereObject, args: []Arg{n("eq")},
			err: "Cannot process command because of one or more missing mandatory parameters: Property."},
	})
}

func TestPrompt(t *testing.T) {
	var asked []string
	answers := map[string]any{"Identity": "bob", "Pin": "1234", "Maybe": nil, "Req": []any{"r"}}
	opt := Options{Prompt: func(p *ParamInfo) (any, error) {
		asked = append(asked, p.Name)
		return answers[p.Name], nil
	}}
	got, err := Bind(mandatory(), nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(asked) != 4 || asked[0] != "Identity" || asked[1] != "Pin" || asked[2] != "Maybe" || asked[3] != "Req" {
		t.Errorf("asked %v", asked)
	}
	if got.Params["Pin"] != int32(1234) || got.Params["Identity"] != "bob" {
		t.Errorf("Params %v", got.Params)
	}

	// A prompted answer is converted and validated.
	answers["Pin"] = "abc"
	_, err = Bind(mandatory(), nil, opt)
	checkErr(t, err, `Cannot process argument transformation on parameter 'Pin'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`, "", "")

	// A prompt failure is returned as is.
	stop := errors.New("stopped")
	_, err = Bind(teams(), nil, Options{Prompt: func(*ParamInfo) (any, error) { return nil, stop }})
	if !errors.Is(err, stop) {
		t.Errorf("err = %v", err)
	}
}
