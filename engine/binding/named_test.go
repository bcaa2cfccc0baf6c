package binding

import "testing"

const (
	ambiguousSetMsg = "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided."
	tenantGUID      = "11111111-2222-3333-4444-555555555555"
)

func TestNamedAndPositional(t *testing.T) {
	runBind(t, []bindCase{
		{name: "positional identity", meta: teams, args: []Arg{v("alice@contoso.com")},
			want: map[string]any{"Identity": "alice@contoso.com"}, set: "TenantIdParams"},
		{name: "named identity case-insensitive", meta: teams, args: []Arg{n("identity"), v("bob")},
			want: map[string]any{"Identity": "bob"}, set: "TenantIdParams"},
		{name: "unique prefix", meta: teams, args: []Arg{n("Ide"), v("bob"), n("Bridge"), v("Conf")},
			want: map[string]any{"Identity": "bob", "BridgeName": "Conf"}, set: "TenantIdParams"},
		{name: "colon value", meta: teams, args: []Arg{nv("Identity", "bob"), nv("BridgeName", "B")},
			want: map[string]any{"Identity": "bob", "BridgeName": "B"}, set: "TenantIdParams"},
		{name: "own parameter wins a prefix shared with common ones", meta: teams, args: []Arg{n("i"), v("bob")},
			want: map[string]any{"Identity": "bob"}, set: "TenantIdParams"},
		{name: "ambiguous own parameters", meta: teams, args: []Arg{v("bob"), n("Send"), v("x")},
			err: "Parameter cannot be processed because the parameter name 'Send' is ambiguous. Possible matches include: -SendEmail -SendEmailToAddress.", errID: "AmbiguousParameter"},
		{name: "ambiguous lists own then common parameters", meta: func() *Meta {
			m := teams()
			m.Params = append(m.Params, &ParamInfo{Name: "Include", Type: "String", Sets: named()})
			return m
		}, args: []Arg{n("i"), v("x")},
			err: "Parameter cannot be processed because the parameter name 'i' is ambiguous. Possible matches include: -Identity -Include -InformationAction -InformationVariable.", errID: "AmbiguousParameter"},
		{name: "ambiguous common parameters", meta: teams, args: []Arg{v("bob"), n("Warn"), v("x")},
			err: "Parameter cannot be processed because the parameter name 'Warn' is ambiguous. Possible matches include: -WarningAction -WarningVariable.", errID: "AmbiguousParameter"},
		{name: "exact alias wins", meta: teams, args: []Arg{v("bob"), n("wa"), v("Stop")},
			want: map[string]any{"Identity": "bob", "WarningAction": "Stop"}, set: "TenantIdParams"},
		{name: "unknown parameter", meta: teams, args: []Arg{v("bob"), n("Colour"), v("x")},
			err: "A parameter cannot be found that matches parameter name 'Colour'.", errID: "NamedParameterNotFound",
			exType: "System.Management.Automation.ParameterBindingException"},
		{name: "specified twice", meta: teams, args: []Arg{n("Identity"), v("a"), n("Identity"), v("b")},
			err: `Cannot bind parameter because parameter 'Identity' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`, errID: "ParameterAlreadyBound"},
		{name: "specified twice via alias and prefix reports the typed name", meta: teams, args: []Arg{v("bob"), n("ea"), v("Stop"), n("ErrorA"), v("Stop")},
			err: `Cannot bind parameter because parameter 'ErrorA' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`, errID: "ParameterAlreadyBound"},
		{name: "positional after named", meta: teams, args: []Arg{n("BridgeName"), v("B"), v("bob")},
			want: map[string]any{"Identity": "bob", "BridgeName": "B"}, set: "TenantIdParams"},
		{name: "too many positional", meta: teams, args: []Arg{v("bob"), v("extra")},
			err: "A positional parameter cannot be found that accepts argument 'extra'.", errID: "PositionalParameterNotFound"},
		{name: "positional text used in message", meta: teams, args: []Arg{v("bob"), {Value: []any{int32(1), int32(2)}, Text: "1,2"}},
			err: "A positional parameter cannot be found that accepts argument '1,2'.", errID: "PositionalParameterNotFound"},
		{name: "missing argument at end", meta: teams, args: []Arg{v("bob"), n("BridgeName")},
			err: "Missing an argument for parameter 'BridgeName'. Specify a parameter of type 'System.String' and try again.", errID: "MissingArgument"},
		{name: "missing argument before another parameter", meta: teams, args: []Arg{n("Identity"), n("ResetLeaderPin")},
			err: "Missing an argument for parameter 'Identity'. Specify a parameter of type 'UserIdParameter' and try again.", errID: "MissingArgument"},
		{name: "missing argument uses canonical name and full type", meta: teams, args: []Arg{v("bob"), n("Result")},
			err: "Missing an argument for parameter 'ResultSize'. Specify a parameter of type 'System.Int32' and try again.", errID: "MissingArgument"},
		{name: "missing argument for a bool", meta: teams, args: []Arg{v("bob"), n("AllowTollFreeDialIn")},
			err: "Missing an argument for parameter 'AllowTollFreeDialIn'. Specify a parameter of type 'System.Boolean' and try again.", errID: "MissingArgument"},
		{name: "unknown -token is a value", meta: teams, args: []Arg{v("bob"), n("BridgeName"), {Name: "weird", IsParam: true, Text: "-weird"}},
			want: map[string]any{"Identity": "bob", "BridgeName": "-weird"}, set: "TenantIdParams"},
		{name: "switch bare", meta: teams, args: []Arg{v("bob"), n("ResetLeaderPin")},
			want: map[string]any{"Identity": "bob", "ResetLeaderPin": true}, set: "TenantIdParams"},
		{name: "switch colon false", meta: teams, args: []Arg{v("bob"), nv("ResetLeaderPin", false)},
			want: map[string]any{"Identity": "bob", "ResetLeaderPin": false}, set: "TenantIdParams"},
		{name: "switch colon number", meta: teams, args: []Arg{v("bob"), nv("SendEmail", int32(0))},
			want: map[string]any{"Identity": "bob", "SendEmail": false}, set: "TenantIdParams"},
		{name: "switch does not take the next argument", meta: teams, args: []Arg{n("ResetLeaderPin"), v("bob")},
			want: map[string]any{"Identity": "bob", "ResetLeaderPin": true}, set: "TenantIdParams"},
		{name: "switch given a string", meta: teams, args: []Arg{v("bob"), nv("SendEmail", "true")},
			err:   `Cannot process argument transformation on parameter 'SendEmail'. Cannot convert value "System.String" to type "System.Management.Automation.SwitchParameter". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
			errID: "ParameterArgumentTransformationError", exType: "System.Management.Automation.ParameterBindingArgumentTransformationException"},
		{name: "bool takes next argument", meta: teams, args: []Arg{v("bob"), n("AllowTollFreeDialIn"), v(true)},
			want: map[string]any{"Identity": "bob", "AllowTollFreeDialIn": true}, set: "TenantIdParams"},
		{name: "bool colon false", meta: teams, args: []Arg{v("bob"), nv("AllowTollFreeDialIn", false)},
			want: map[string]any{"Identity": "bob", "AllowTollFreeDialIn": false}, set: "TenantIdParams"},
		{name: "bool from number", meta: teams, args: []Arg{v("bob"), n("AllowTollFreeDialIn"), v(int32(1))},
			want: map[string]any{"Identity": "bob", "AllowTollFreeDialIn": true}, set: "TenantIdParams"},
		{name: "bool given string false", meta: teams, args: []Arg{v("bob"), n("AllowTollFreeDialIn"), v("false")},
			err:   `Cannot process argument transformation on parameter 'AllowTollFreeDialIn'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
			errID: "ParameterArgumentTransformationError"},
		{name: "bool given array", meta: teams, args: []Arg{v("bob"), nv("AllowTollFreeDialIn", []any{true})},
			err: `Cannot process argument transformation on parameter 'AllowTollFreeDialIn'. Cannot convert value "System.Object[]" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`},
		{name: "bool given null", meta: teams, args: []Arg{v("bob"), nv("AllowTollFreeDialIn", nil)},
			err: "Cannot bind argument to parameter 'AllowTollFreeDialIn' because it is null.", errID: "ParameterArgumentValidationErrorNullNotAllowed"},
		{name: "splatted named and positional", meta: teams, args: []Arg{
			{Value: "bob", Splatted: true},
			{Name: "BridgeName", IsParam: true, Value: "B", HasValue: true, Splatted: true},
			{Name: "SendEmail", IsParam: true, Value: true, HasValue: true, Splatted: true},
		}, want: map[string]any{"Identity": "bob", "BridgeName": "B", "SendEmail": true}, set: "TenantIdParams"},
	})
}

func TestCommonParameters(t *testing.T) {
	runBind(t, []bindCase{
		{name: "ErrorAction by alias", meta: teams, args: []Arg{v("bob"), n("ea"), v("stop")},
			want: map[string]any{"Identity": "bob", "ErrorAction": "Stop"}, set: "TenantIdParams"},
		{name: "ErrorAction by number", meta: teams, args: []Arg{v("bob"), n("ErrorAction"), v(int32(0))},
			want: map[string]any{"Identity": "bob", "ErrorAction": "SilentlyContinue"}, set: "TenantIdParams"},
		{name: "ErrorAction bad value", meta: teams, args: []Arg{v("bob"), n("ErrorAction"), v("Foo")},
			err:   "Cannot bind parameter 'ErrorAction'. Cannot convert value \"Foo\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Foo to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"",
			errID: "CannotConvertArgumentNoMessage", exType: "System.Management.Automation.ParameterBindingException"},
		{name: "all common parameters", meta: teams, args: []Arg{v("bob"), n("vb"), n("db"), n("wa"), v("Continue"), n("infa"), v("Ignore"),
			n("proga"), v("SilentlyContinue"), n("ev"), v("e"), n("wv"), v("w"), n("iv"), v("i"), n("ov"), v("o"), n("ob"), v("5"), n("pv"), v("p")},
			want: map[string]any{"Identity": "bob", "Verbose": true, "Debug": true, "WarningAction": "Continue", "InformationAction": "Ignore",
				"ProgressAction": "SilentlyContinue", "ErrorVariable": "e", "WarningVariable": "w", "InformationVariable": "i",
				"OutVariable": "o", "OutBuffer": int32(5), "PipelineVariable": "p"}, set: "TenantIdParams"},
		{name: "OutBuffer bad value uses cmdlet-style message", meta: teams, args: []Arg{v("bob"), n("OutBuffer"), v("abc")},
			err: `Cannot bind parameter 'OutBuffer'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`, errID: "CannotConvertArgumentNoMessage"},
		{name: "WhatIf and Confirm", meta: teams, args: []Arg{v("bob"), n("wi"), nv("Confirm", false)},
			want: map[string]any{"Identity": "bob", "WhatIf": true, "Confirm": false}, set: "TenantIdParams"},
		{name: "WhatIf unknown without ShouldProcess", meta: mandatory, args: []Arg{v("a"), v(int32(1)), n("Maybe"), v(""), n("Req"), v("r"), n("WhatIf")},
			err: "A parameter cannot be found that matches parameter name 'WhatIf'."},
		{name: "no common parameters for plain functions", meta: plain, args: []Arg{n("Verbose")},
			want: map[string]any{}, unbound: []any{"-Verbose"}},
	})
}

func TestCommonParamsList(t *testing.T) {
	want := []string{"Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
		"ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable"}
	got := CommonParams()
	if len(got) != len(want) {
		t.Fatalf("got %d common parameters", len(got))
	}
	for i, p := range got {
		if p.Name != want[i] || len(p.Aliases) != 1 || len(p.Sets) != 1 {
			t.Errorf("common %d = %+v", i, p)
		}
	}
	sp := ShouldProcessParams()
	if len(sp) != 2 || sp[0].Name != "WhatIf" || sp[0].Aliases[0] != "wi" || sp[1].Name != "Confirm" || sp[1].Aliases[0] != "cf" || !sp[1].IsSwitch() {
		t.Errorf("ShouldProcessParams = %+v", sp)
	}
	if !IsCommonParam("erroraction") || !IsCommonParam("WhatIf") || IsCommonParam("Identity") {
		t.Error("IsCommonParam")
	}
}
