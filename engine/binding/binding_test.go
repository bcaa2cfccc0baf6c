package binding

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/csshell/csshell/engine/value"
)

// fakeSB is a script block value for tests.
type fakeSB struct{ text string }

func (s *fakeSB) ScriptText() string { return s.text }

// v is a plain argument.
func v(x any) Arg { return Arg{Value: x, Text: value.ToString(x)} }

// n is a bare -Name.
func n(name string) Arg { return Arg{Name: name, IsParam: true, Text: "-" + name} }

// nv is -Name:value.
func nv(name string, x any) Arg {
	return Arg{Name: name, IsParam: true, Value: x, HasValue: true, Colon: true, Text: "-" + name + ":"}
}

func all(pos int, mandatory, byValue, byName bool) []ParamSet {
	return []ParamSet{{Name: AllSets, Position: pos, Mandatory: mandatory, FromPipeline: byValue, FromPipelineByName: byName}}
}

func named() []ParamSet { return all(-1, false, false, false) }

func in(set string, pos int, mandatory bool) ParamSet {
	return ParamSet{Name: set, Position: pos, Mandatory: mandatory}
}

// teams is a Set-CsOnlineDialInConferencingUser-like cmdlet.
func teams() *Meta {
	return &Meta{
		Name: "Set-CsOnlineDialInConferencingUser", CmdletBinding: true, SupportsShouldProcess: true,
		DefaultSet: "TenantIdParams",
		Params: []*ParamInfo{
			{Name: "Identity", Type: "UserIdParameter", Sets: all(0, true, true, true)},
			{Name: "BridgeName", Type: "String", Sets: named()},
			{Name: "ResetLeaderPin", Type: "SwitchParameter", Sets: named()},
			{Name: "AllowTollFreeDialIn", Type: "Boolean", Sets: named()},
			{Name: "SendEmail", Type: "SwitchParameter", Sets: named()},
			{Name: "SendEmailToAddress", Type: "String", Sets: named()},
			{Name: "ResultSize", Type: "Int32", Sets: named(), ValidateRange: &[2]float64{0, math.MaxInt32}},
			{Name: "Tenant", Type: "Guid", Sets: []ParamSet{in("TenantIdParams", -1, false)}},
			{Name: "TenantDomain", Type: "String", Sets: []ParamSet{in("TenantDomainParams", -1, false)}},
		},
	}
}

// validation is an advanced function exercising the Validate* attributes.
func validation() *Meta {
	return &Meta{
		Name: "Test-Validate", CmdletBinding: true,
		Params: []*ParamInfo{
			{Name: "Color", Type: "String", Sets: named(), ValidateSet: []string{"Red", "Green", "Blue"}},
			{Name: "Exact", Type: "String", Sets: named(), ValidateSet: []string{"Red"}, ValidateSetCaseSensitive: true},
			{Name: "PinLength", Type: "Int32", Sets: named(), ValidateRange: &[2]float64{4, 12}},
			{Name: "Code", Type: "String", Sets: named(), ValidatePattern: `^\d+$`},
			{Name: "Label", Type: "String", Sets: named(), ValidateNotNullOrEmpty: true},
			{Name: "Tag", Type: "Object", Sets: named(), ValidateNotNull: true},
			{Name: "Colors", Type: "String[]", Sets: named(), ValidateSet: []string{"Red", "Green", "Blue"}},
			{Name: "Even", Type: "Int32", Sets: named(), ValidateScript: func(x any) error {
				if n, _ := x.(int32); n%2 != 0 {
					return fmt.Errorf("The value %v is odd.", x)
				}
				return nil
			}},
			{Name: "Names", Type: "String[]", Sets: named()},
			{Name: "Block", Type: "ScriptBlock", Sets: named()},
			{Name: "Flag", Type: "Boolean", Sets: named()},
			{Name: "Table", Type: "Hashtable", Sets: named()},
		},
	}
}

// mandatory is an advanced function with mandatory parameters.
func mandatory() *Meta {
	return &Meta{
		Name: "Set-Pin", CmdletBinding: true,
		Params: []*ParamInfo{
			{Name: "Identity", Type: "String", Sets: all(0, true, false, false)},
			{Name: "Pin", Type: "Int32", Sets: all(1, true, false, false)},
			{Name: "Note", Type: "String", Sets: named()},
			{Name: "Maybe", Type: "String", Sets: all(-1, true, false, false), AllowEmptyString: true, AllowNull: true},
			{Name: "List", Type: "String[]", Sets: all(-1, false, false, false)},
			{Name: "Req", Type: "String[]", Sets: all(-1, true, false, false)},
		},
	}
}

// selectObject is a Select-Object-like compiled cmdlet.
func selectObject() *Meta {
	return &Meta{
		Name: "Select-Object", CmdletBinding: true, Compiled: true, DefaultSet: "DefaultParameter",
		Params: []*ParamInfo{
			{Name: "InputObject", Type: "PSObject", Sets: all(-1, false, true, false)},
			{Name: "Property", Type: "Object[]", Sets: []ParamSet{in("DefaultParameter", 0, false), in("SkipLastParameter", 0, false)}},
			{Name: "ExcludeProperty", Type: "String[]", Sets: []ParamSet{in("DefaultParameter", -1, false), in("SkipLastParameter", -1, false)}},
			{Name: "ExpandProperty", Type: "String", Sets: []ParamSet{in("DefaultParameter", -1, false), in("SkipLastParameter", -1, false)}},
			{Name: "Unique", Type: "SwitchParameter", Sets: named()},
			{Name: "Last", Type: "Int32", Sets: []ParamSet{in("DefaultParameter", -1, false)}, ValidateRange: &[2]float64{0, math.MaxInt32}},
			{Name: "First", Type: "Int32", Sets: []ParamSet{in("DefaultParameter", -1, false)}, ValidateRange: &[2]float64{0, math.MaxInt32}},
			{Name: "Skip", Type: "Int32", Sets: []ParamSet{in("DefaultParameter", -1, false)}, ValidateRange: &[2]float64{0, math.MaxInt32}},
			{Name: "SkipLast", Type: "Int32", Sets: []ParamSet{in("SkipLastParameter", -1, false)}},
			{Name: "Index", Type: "Int32[]", Sets: []ParamSet{in("IndexParameter", -1, false)}},
		},
	}
}

// whereObject is a Where-Object-like compiled cmdlet.
func whereObject() *Meta {
	return &Meta{
		Name: "Where-Object", CmdletBinding: true, Compiled: true, DefaultSet: "EqualSet",
		Params: []*ParamInfo{
			{Name: "InputObject", Type: "PSObject", Sets: all(-1, false, true, false)},
			{Name: "FilterScript", Type: "ScriptBlock", Sets: []ParamSet{in("ScriptBlockSet", 0, true)}},
			{Name: "Property", Type: "String", Sets: []ParamSet{in("EqualSet", 0, true), in("MatchSet", 0, true)}},
			{Name: "Value", Type: "Object", Sets: []ParamSet{in("EqualSet", 1, false), in("MatchSet", 1, false)}},
			{Name: "EQ", Type: "SwitchParameter", Aliases: []string{"IEQ"}, Sets: []ParamSet{in("EqualSet", -1, false)}},
			{Name: "Match", Type: "SwitchParameter", Aliases: []string{"IMatch"}, Sets: []ParamSet{in("MatchSet", -1, true)}},
		},
	}
}

// plain is `function f($a, [switch]$s, [int]$b)`.
func plain() *Meta {
	return &Meta{
		Name: "f",
		Params: []*ParamInfo{
			{Name: "a", Type: "Object", Sets: named()},
			{Name: "s", Type: "SwitchParameter", Sets: named()},
			{Name: "b", Type: "Int32", Sets: named()},
		},
	}
}

// getItem has Path (default set, by value and by name) and LiteralPath
// (by name through its PSPath alias), like Get-Item.
func getItem() *Meta {
	return &Meta{
		Name: "Get-Item", CmdletBinding: true, Compiled: true, DefaultSet: "Path",
		Params: []*ParamInfo{
			{Name: "Path", Type: "String[]", Sets: []ParamSet{{Name: "Path", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}}},
			{Name: "LiteralPath", Type: "String[]", Aliases: []string{"PSPath", "LP"}, Sets: []ParamSet{{Name: "LiteralPath", Position: -1, Mandatory: true, FromPipelineByName: true}}},
			{Name: "Force", Type: "SwitchParameter", Sets: named()},
		},
	}
}

// bindCase is one table-driven Bind test.
type bindCase struct {
	name    string
	meta    func() *Meta
	args    []Arg
	opt     Options
	want    map[string]any // exact Params, when non-nil
	set     string         // expected Set, when want is non-nil
	unbound []any
	err     string // exact message, when an error is expected
	errID   string
	exType  string
}

func runBind(t *testing.T, cases []bindCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Bind(c.meta(), c.args, c.opt)
			checkErr(t, err, c.err, c.errID, c.exType)
			if c.err != "" || err != nil {
				return
			}
			if c.want != nil {
				if !reflect.DeepEqual(got.Params, c.want) {
					t.Errorf("Params = %#v\nwant     %#v", got.Params, c.want)
				}
				if got.Set != c.set {
					t.Errorf("Set = %q, want %q", got.Set, c.set)
				}
			}
			if !reflect.DeepEqual(got.Unbound, c.unbound) {
				t.Errorf("Unbound = %#v, want %#v", got.Unbound, c.unbound)
			}
		})
	}
}

func checkErr(t *testing.T, err error, msg, id, exType string) {
	t.Helper()
	if msg == "" {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error, want %q", msg)
	}
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("error %T is not *Error: %v", err, err)
	}
	if be.Msg != msg {
		t.Errorf("message\n got %q\nwant %q", be.Msg, msg)
	}
	if id != "" && be.ErrorID != id {
		t.Errorf("ErrorID = %q, want %q", be.ErrorID, id)
	}
	if exType != "" && be.ExceptionType != exType {
		t.Errorf("ExceptionType = %q, want %q", be.ExceptionType, exType)
	}
}

func guid(s string) value.Guid {
	g, ok := value.ParseGuid(s)
	if !ok {
		panic(s)
	}
	return g
}
