package binding

import "testing"

func TestConversion(t *testing.T) {
	sb := &fakeSB{"$_"}
	runBind(t, []bindCase{
		{name: "int from string", meta: teams, args: []Arg{v("bob"), n("ResultSize"), v("42")},
			want: map[string]any{"Identity": "bob", "ResultSize": int32(42)}, set: "TenantIdParams"},
		{name: "int transformation error", meta: teams, args: []Arg{v("bob"), n("ResultSize"), v("abc")},
			err:   `Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`,
			errID: "ParameterArgumentTransformationError", exType: "System.Management.Automation.ParameterBindingArgumentTransformationException"},
		{name: "compiled cmdlet conversion error", meta: selectObject, args: []Arg{n("First"), v("abc")},
			err:   `Cannot bind parameter 'First'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`,
			errID: "CannotConvertArgumentNoMessage", exType: "System.Management.Automation.ParameterBindingException"},
		{name: "unknown type taken as string", meta: teams, args: []Arg{v(int32(7))},
			want: map[string]any{"Identity": "7"}, set: "TenantIdParams"},
		{name: "guid", meta: teams, args: []Arg{v("bob"), n("Tenant"), v(tenantGUID)},
			want: map[string]any{"Identity": "bob", "Tenant": guid(tenantGUID)}, set: "TenantIdParams"},
		{name: "array parameter wraps a scalar", meta: validation, args: []Arg{n("Names"), v("x")},
			want: map[string]any{"Names": []any{"x"}}},
		{name: "array parameter converts elements", meta: validation, args: []Arg{n("Names"), v([]any{int32(1), "b"})},
			want: map[string]any{"Names": []any{"1", "b"}}},
		{name: "int array", meta: selectObject, args: []Arg{n("Index"), v([]any{"1", int32(2)})},
			want: map[string]any{"Index": []any{int32(1), int32(2)}}, set: "IndexParameter"},
		{name: "scalar given an array", meta: selectObject, args: []Arg{n("First"), v([]any{int32(1), int32(2)})},
			err: `Cannot bind parameter 'First'. Cannot convert the "System.Object[]" value of type "System.Object[]" to type "System.Int32".`},
		{name: "script block", meta: validation, args: []Arg{n("Block"), v(sb)},
			want: map[string]any{"Block": sb}},
		{name: "script block given a string", meta: validation, args: []Arg{n("Block"), v("x")},
			err:   `Cannot bind parameter 'Block'. Cannot convert the "x" value of type "System.String" to type "System.Management.Automation.ScriptBlock".`,
			errID: "CannotConvertArgumentNoMessage"},
		{name: "hashtable given a string", meta: validation, args: []Arg{n("Table"), v("x")},
			err: `Cannot process argument transformation on parameter 'Table'. Cannot convert the "x" value of type "System.String" to type "System.Collections.Hashtable".`},
		{name: "null string for a function parameter becomes empty", meta: validation, args: []Arg{nv("Color", nil)},
			err: `Cannot validate argument on parameter 'Color'. The argument "" does not belong to the set "Red,Green,Blue" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`},
		{name: "null stays null for compiled cmdlets", meta: selectObject, args: []Arg{nv("ExpandProperty", nil)},
			want: map[string]any{"ExpandProperty": nil}, set: "DefaultParameter"},
	})
}

func TestDisplayType(t *testing.T) {
	for in, want := range map[string]string{
		"String": "System.String", "Int32": "System.Int32", "Boolean": "System.Boolean", "String[]": "System.String[]",
		"Object": "System.Object", "ScriptBlock": "System.Management.Automation.ScriptBlock",
		"Hashtable": "System.Collections.Hashtable", "UserIdParameter": "UserIdParameter",
		"SwitchParameter": "System.Management.Automation.SwitchParameter", "": "System.Object",
		"ActionPreference": "System.Management.Automation.ActionPreference",
	} {
		if got := DisplayType(in); got != want {
			t.Errorf("DisplayType(%q) = %q, want %q", in, got, want)
		}
	}
}
