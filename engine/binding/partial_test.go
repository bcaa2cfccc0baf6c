package binding

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// u is an Unknown (unevaluated) plain argument, as completion passes it.
func u(text string) Arg { return Arg{Text: text, Unknown: true} }

// roleOf is "Role:Param" for one argument, for compact expectations.
func roleOf(ab ArgBinding) string {
	names := []string{"none", "name", "name:value", "value", "positional", "remaining", "unbound"}
	s := names[ab.Role]
	if ab.Param != nil {
		s += ":" + ab.Param.Name
	}
	return s
}

func paramNames(ps []*ParamInfo) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return out
}

func problemIDs(pb *PartialBinding) []string {
	out := []string{}
	for _, p := range pb.Problems {
		out = append(out, p.Err.ErrorID+"@"+strconv.Itoa(p.Arg))
	}
	return out
}

type partialCase struct {
	name     string
	meta     func() *Meta
	args     []Arg
	cursor   int
	roles    []string
	bound    []string
	sets     []string
	target   string   // "" for nil
	problems []string // "ErrorID@argIndex"
	offer    []string // Offerable(offerPrefix), when non-nil
	prefix   string
}

func TestPartial(t *testing.T) {
	cases := []partialCase{
		{name: "named value at cursor", meta: teams, args: []Arg{u("bob"), n("BridgeName"), u("")}, cursor: 2,
			roles: []string{"positional:Identity", "name:BridgeName", "value:BridgeName"},
			bound: []string{"Identity", "BridgeName"}, sets: []string{"TenantIdParams", "TenantDomainParams"},
			target: "BridgeName", problems: []string{}},
		{name: "positional at cursor", meta: teams, args: []Arg{u("")}, cursor: 0,
			roles: []string{"positional:Identity"}, bound: []string{"Identity"},
			sets: []string{"TenantIdParams", "TenantDomainParams"}, target: "Identity", problems: []string{}},
		{name: "colon value", meta: teams, args: []Arg{{Name: "SendEmail", IsParam: true, Colon: true, Unknown: true, Text: "-SendEmail:"}}, cursor: 0,
			roles: []string{"name:value:SendEmail"}, bound: []string{"SendEmail"}, target: "SendEmail", problems: []string{},
			sets: []string{"TenantIdParams", "TenantDomainParams"}},
		{name: "name being typed binds nothing and takes no value", meta: teams,
			args: []Arg{n("BridgeName"), n("Se")}, cursor: 1,
			roles: []string{"name:BridgeName", "none"}, bound: []string{"BridgeName"},
			sets: []string{"TenantIdParams", "TenantDomainParams"}, problems: []string{"MissingArgument@0"},
			prefix: "Se", offer: []string{"SendEmail", "SendEmailToAddress"}},
		{name: "a set parameter narrows and hides the other set", meta: teams,
			args: []Arg{n("Tenant"), u("g"), n("")}, cursor: 2,
			roles: []string{"name:Tenant", "value:Tenant", "none"}, bound: []string{"Tenant"},
			sets: []string{"TenantIdParams"}, problems: []string{}, prefix: "T", offer: []string{}},
		{name: "conflicting sets are recorded and the sets kept", meta: teams,
			args: []Arg{n("Tenant"), u("g"), n("TenantDomain"), u("d")}, cursor: -1,
			roles: []string{"name:Tenant", "value:Tenant", "name:TenantDomain", "value:TenantDomain"},
			bound: []string{"Tenant", "TenantDomain"}, sets: []string{"TenantIdParams"},
			problems: []string{"AmbiguousParameterSet@2"}},
		{name: "unknown and ambiguous names", meta: teams,
			args: []Arg{n("Nope"), u("x"), n("Send"), u("y")}, cursor: -1,
			roles: []string{"none", "positional:Identity", "none", "none"}, bound: []string{"Identity"},
			sets:     []string{"TenantIdParams", "TenantDomainParams"},
			problems: []string{"AmbiguousParameter@2", "NamedParameterNotFound@0", "PositionalParameterNotFound@3"}},
		{name: "given twice still names the parameter", meta: teams,
			args: []Arg{n("BridgeName"), u("a"), n("BridgeName"), u("b")}, cursor: -1,
			roles: []string{"name:BridgeName", "value:BridgeName", "name:BridgeName", "value:BridgeName"},
			bound: []string{"BridgeName"}, sets: []string{"TenantIdParams", "TenantDomainParams"},
			problems: []string{"ParameterAlreadyBound@2"}},
		{name: "common parameters last", meta: teams, args: []Arg{u("bob"), n("")}, cursor: 1,
			roles: []string{"positional:Identity", "none"}, bound: []string{"Identity"},
			sets: []string{"TenantIdParams", "TenantDomainParams"}, problems: []string{},
			prefix: "", offer: []string{"BridgeName", "ResetLeaderPin", "AllowTollFreeDialIn", "SendEmail", "SendEmailToAddress",
				"ResultSize", "Tenant", "TenantDomain", "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction",
				"ProgressAction", "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer",
				"PipelineVariable", "WhatIf", "Confirm"}},
		{name: "plain function positions and $args", meta: plain,
			args: []Arg{u("x"), n("Zap"), u("2"), u("more")}, cursor: 3,
			roles: []string{"positional:a", "unbound", "positional:b", "unbound"}, bound: []string{"a", "b"},
			problems: []string{}},
		{name: "remaining arguments", meta: forEachObject,
			args: []Arg{u("{a}"), u("{b}"), u("{c}")}, cursor: 2,
			roles: []string{"positional:Process", "remaining:RemainingScripts", "remaining:RemainingScripts"},
			bound: []string{"Process", "RemainingScripts"}, sets: []string{"ScriptBlockSet"},
			target: "RemainingScripts", problems: []string{}},
		{name: "default set first at one position", meta: whereObject, args: []Arg{u("")}, cursor: 0,
			roles: []string{"positional:Property"}, bound: []string{"Property"}, sets: []string{"EqualSet", "MatchSet"},
			target: "Property", problems: []string{}},
		{name: "a known value picks the parameter it fits", meta: whereObject, args: []Arg{v(&fakeSB{"$true"})}, cursor: 0,
			roles: []string{"positional:FilterScript"}, bound: []string{"FilterScript"}, sets: []string{"ScriptBlockSet"},
			target: "FilterScript", problems: []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pb := Partial(c.meta(), c.args, c.cursor)
			var roles []string
			for _, ab := range pb.Args {
				roles = append(roles, roleOf(ab))
			}
			if !reflect.DeepEqual(roles, c.roles) {
				t.Errorf("roles = %q, want %q", roles, c.roles)
			}
			if got := paramNames(pb.Bound); !sameSet(got, c.bound) {
				t.Errorf("bound = %q, want %q", got, c.bound)
			}
			if !reflect.DeepEqual(pb.Sets, c.sets) {
				t.Errorf("sets = %q, want %q", pb.Sets, c.sets)
			}
			target := ""
			if pb.Target != nil {
				target = pb.Target.Name
			}
			if target != c.target {
				t.Errorf("target = %q, want %q", target, c.target)
			}
			if got := problemIDs(pb); !reflect.DeepEqual(got, c.problems) {
				t.Errorf("problems = %q, want %q", got, c.problems)
			}
			if c.offer != nil {
				if got := paramNames(pb.Offerable(c.prefix)); !reflect.DeepEqual(got, c.offer) {
					t.Errorf("Offerable(%q) = %q, want %q", c.prefix, got, c.offer)
				}
			}
		})
	}
}

func TestPartialOffersOnlyPossibleSets(t *testing.T) {
	pb := Partial(teams(), []Arg{n("Tenant"), u("g"), n("")}, 2)
	got := paramNames(pb.Offerable("Ten"))
	if len(got) != 0 {
		t.Errorf("Offerable(Ten) after -Tenant = %q, want none (Tenant bound, TenantDomain in another set)", got)
	}
	pb = Partial(teams(), []Arg{n("")}, 0)
	if got := paramNames(pb.Offerable("ten")); !reflect.DeepEqual(got, []string{"Tenant", "TenantDomain"}) {
		t.Errorf("Offerable(ten) = %q", got)
	}
	if set, ok := pb.Set(); !ok || set != "TenantIdParams" {
		t.Errorf("Set() = %q, %v; want the default set", set, ok)
	}
}

// TestPartialAgreesWithBind runs Bind's own table through Partial: when
// Bind succeeds, Partial binds the same parameters (the prompted ones
// aside) without a problem; when it fails on the command line, Partial
// reports that problem first.
func TestPartialAgreesWithBind(t *testing.T) {
	sb := &fakeSB{"$_"}
	lines := []struct {
		meta func() *Meta
		args []Arg
	}{
		{teams, []Arg{v("bob")}},
		{teams, []Arg{v("bob"), n("TenantDomain"), v("contoso.com")}},
		{teams, []Arg{v("bob"), n("Tenant"), v(tenantGUID), n("TenantDomain"), v("x")}},
		{teams, []Arg{n("ResetLeaderPin"), n("Identity"), v("x"), n("SendEmail")}},
		{whereObject, []Arg{v(sb)}},
		{whereObject, []Arg{v("Name"), n("eq"), v("x")}},
		{whereObject, []Arg{v("Name"), n("imatch"), v("^a")}},
		{whereObject, []Arg{n("FilterScript"), v(sb), v("x")}},
		{selectObject, []Arg{v("a"), n("SkipLast"), v(int32(2))}},
		{selectObject, []Arg{n("First"), v(int32(1)), n("SkipLast"), v(int32(2))}},
		{plain, []Arg{v("x"), n("Zap"), v(int32(2)), v("more")}},
		{plain, []Arg{n("s"), n("b"), v("3"), v("first")}},
		{plain, []Arg{n("a"), v(1), n("a"), v(2)}},
		{forEachObject, []Arg{v(sb), v(sb), v(sb)}},
		{getItem, []Arg{v("x"), n("Force")}},
		{getItem, []Arg{n("LP"), v("x")}},
		{teams, []Arg{n("Bridge"), n("Nope")}},
		{teams, []Arg{n("BridgeName")}},
	}
	for _, l := range lines {
		m := l.meta()
		name := m.Name + " " + argsText(l.args)
		got, err := Bind(m, l.args, Options{Prompt: func(*ParamInfo) (any, error) { return "p", nil }})
		pb := Partial(m, l.args, -1)
		if err != nil {
			be, _ := err.(*Error)
			if be == nil || be.Category != "InvalidArgument" {
				continue // a conversion or validation failure: Partial converts nothing
			}
			if len(pb.Problems) == 0 || pb.Problems[0].Err.Msg != be.Msg {
				t.Errorf("%s: Bind fails with %q, Partial problems %q", name, be.Msg, problemIDs(pb))
			}
			continue
		}
		if len(pb.Problems) > 0 {
			t.Errorf("%s: Bind succeeds, Partial reports %q", name, problemIDs(pb))
		}
		for _, p := range pb.Bound {
			if _, ok := got.Params[p.Name]; !ok {
				t.Errorf("%s: Partial binds %s, Bind does not", name, p.Name)
			}
		}
		if set, ok := pb.Set(); !ok || set != got.Set {
			t.Errorf("%s: Partial set %q (%v), Bind set %q", name, set, ok, got.Set)
		}
	}
}

func argsText(args []Arg) string {
	var sb strings.Builder
	for _, a := range args {
		sb.WriteString(" " + argText(a))
	}
	return sb.String()
}

func sameSet(a, b []string) bool {
	a, b = append([]string{}, a...), append([]string{}, b...)
	sort.Strings(a)
	sort.Strings(b)
	return reflect.DeepEqual(a, b)
}

// forEachObject is ForEach-Object's script-block set: one positional
// block, then the remaining ones.
func forEachObject() *Meta {
	return &Meta{
		Name: "ForEach-Object", CmdletBinding: true, Compiled: true, DefaultSet: "ScriptBlockSet",
		Params: []*ParamInfo{
			{Name: "Process", Type: "ScriptBlock[]", Sets: []ParamSet{{Name: "ScriptBlockSet", Position: 0, Mandatory: true}}},
			{Name: "RemainingScripts", Type: "ScriptBlock[]", Sets: []ParamSet{{Name: "ScriptBlockSet", Position: -1, FromRemainingArgs: true}}},
			{Name: "MemberName", Type: "String", Sets: []ParamSet{{Name: "PropertyAndMethodSet", Position: 0, Mandatory: true}}},
		},
	}
}
