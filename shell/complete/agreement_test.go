package complete_test

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/shell/complete"
	"github.com/csshell/csshell/storage/badgerstore"
)

// fullRuntime is a session with every cmdlet registered, the tenant ones
// over an in-memory store, as cmd/csshell wires it.
func fullRuntime(t *testing.T) *engine.Runtime {
	t.Helper()
	store, err := badgerstore.OpenInMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	rt := engine.New(engine.NewHost(strings.NewReader(""), io.Discard, io.Discard))
	cmdlets.Register(rt)
	tenant, err := teams.NewTenant(store)
	if err != nil {
		t.Fatal(err)
	}
	cmdlets.RegisterTenant(rt, tenant)
	rt.SetLocation(t.TempDir())
	return rt
}

// TestCompletionAgreesWithBinding checks, for every parameter set of
// every registered cmdlet, that completion and execution agree: the line
// "<cmdlet> -<naming the set> v [-<shared> v] -" is bound by the real
// Bind (placeholder values of the right type, mandatory ones supplied),
// and "-<Tab>" at its end must offer exactly the parameters of the set
// Bind chose, minus those given, common parameters last — never one of
// an excluded set.
func TestCompletionAgreesWithBinding(t *testing.T) {
	rt := fullRuntime(t)
	c := complete.New(complete.FromRuntime(rt))
	checked := 0
	for _, cmd := range rt.Cmdlets() {
		info, ok := rt.LookupCommand(cmd.Name)
		if !ok {
			t.Errorf("%s: registered but not found", cmd.Name)
			continue
		}
		m := info.Meta()
		for _, set := range namedSets(m) {
			given := naming(m, set)
			if given == nil {
				continue // no parameters name this set alone
			}
			if shared := sharedWith(m, set, given); shared != nil {
				given = append(given, shared)
			}
			line, args := commandLine(m, given)
			t.Run(cmd.Name+"/"+set, func(t *testing.T) {
				bd, err := binding.Bind(m, args, binding.Options{Prompt: func(p *binding.ParamInfo) (any, error) {
					v, _ := placeholder(m, p)
					return v, nil
				}})
				if err != nil {
					t.Fatalf("Bind %q: %v", line, err)
				}
				if !strings.EqualFold(bd.Set, set) {
					t.Fatalf("Bind %q chose set %q, want %q", line, bd.Set, set)
				}
				r := c.Complete(line, len(line))
				got := make([]string, len(r.Items))
				for i, it := range r.Items {
					got[i] = it.Text
				}
				want := offered(m, bd.Set, given)
				if !slices.Equal(got, want) {
					t.Errorf("%q offers\n %q\nthe binder allows\n %q", line, got, want)
				}
				for _, p := range m.Params {
					if _, in := p.InSet(bd.Set); !in && slices.Contains(got, "-"+p.Name) {
						t.Errorf("%q offers -%s, of a set the binder excludes", line, p.Name)
					}
				}
			})
			checked++
		}
	}
	if checked < 10 {
		t.Fatalf("only %d parameter sets checked; the registry looks empty", checked)
	}
}

// namedSets lists the command's named parameter sets in order of mention.
func namedSets(m *binding.Meta) []string {
	var out []string
	for _, p := range m.Params {
		for _, s := range p.Sets {
			if s.Name != binding.AllSets && s.Name != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, s.Name) }) {
				out = append(out, s.Name)
			}
		}
	}
	return out
}

// naming picks parameters of set that together belong to no other set:
// the first one found only in set, else a greedy choice of parameters
// each excluding more of the other sets (Import-Csv's -Delimiter with
// -Path). nil when no choice names the set alone.
func naming(m *binding.Meta, set string) []*binding.ParamInfo {
	for _, p := range m.Params {
		if len(p.Sets) == 1 && strings.EqualFold(p.Sets[0].Name, set) {
			return []*binding.ParamInfo{p}
		}
	}
	left := namedSets(m)
	var out []*binding.ParamInfo
	for _, p := range m.Params {
		if _, in := p.InSet(set); !in {
			continue
		}
		var keep []string
		for _, s := range left {
			if _, in := p.InSet(s); in {
				keep = append(keep, s)
			}
		}
		if len(keep) < len(left) {
			out, left = append(out, p), keep
		}
		if len(left) == 1 {
			return out
		}
	}
	return nil
}

// sharedWith is the first other parameter of set that belongs to other
// sets as well.
func sharedWith(m *binding.Meta, set string, not []*binding.ParamInfo) *binding.ParamInfo {
	for _, p := range m.Params {
		if _, in := p.InSet(set); in && !slices.Contains(not, p) && (len(p.Sets) > 1 || p.Sets[0].Name == binding.AllSets) {
			return p
		}
	}
	return nil
}

// commandLine writes "Name -P v … -" for completion and the matching
// arguments, with values, for Bind.
func commandLine(m *binding.Meta, given []*binding.ParamInfo) (string, []binding.Arg) {
	var sb strings.Builder
	sb.WriteString(m.Name)
	var args []binding.Arg
	for _, p := range given {
		sb.WriteString(" -" + p.Name)
		args = append(args, binding.Arg{Name: p.Name, IsParam: true, Text: "-" + p.Name})
		if p.IsSwitch() {
			continue
		}
		v, text := placeholder(m, p)
		sb.WriteString(" " + text)
		args = append(args, binding.Arg{Value: v, HasValue: true, Text: text})
	}
	sb.WriteString(" -")
	return sb.String(), args
}

// scriptBlock stands for a { } literal.
type scriptBlock string

func (s scriptBlock) ScriptText() string { return string(s) }

// placeholder finds a value p accepts: its first ValidateSet value, else
// the first candidate that binds to p alone without a conversion or
// validation error about p. text is how the line writes it (any text:
// completion does not evaluate named values).
func placeholder(m *binding.Meta, p *binding.ParamInfo) (any, string) {
	if len(p.ValidateSet) > 0 {
		return p.ValidateSet[0], "'" + p.ValidateSet[0] + "'"
	}
	if p.IsSwitch() {
		return true, "$true"
	}
	h := value.NewHashtable()
	h.Set("Name", "x")
	candidates := []any{"x", int32(1), true, "00000000-0000-0000-0000-000000000001", "user0@contoso.com",
		"14255550100", "2024-01-01", scriptBlock("$_"), h, []any{"x"}}
	if p.ValidateRange != nil {
		candidates = append([]any{int32(p.ValidateRange[0])}, candidates...)
	}
	for _, v := range candidates {
		args := []binding.Arg{{Name: p.Name, IsParam: true, Text: "-" + p.Name}, {Value: v, HasValue: true}}
		_, err := binding.Bind(m, args, binding.Options{})
		var be *binding.Error
		if err == nil || (errors.As(err, &be) && !strings.EqualFold(be.ParamName, p.Name)) {
			return v, "x"
		}
	}
	return "x", "x"
}

// offered is what -<Tab> must list once the parameters given are bound
// and set chosen: the command's parameters of that set, then the common
// ones (WhatIf and Confirm with ShouldProcess), minus those given.
func offered(m *binding.Meta, set string, given []*binding.ParamInfo) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p *binding.ParamInfo) {
		k := strings.ToLower(p.Name)
		if seen[k] {
			return
		}
		seen[k] = true
		if !slices.Contains(given, p) {
			out = append(out, "-"+p.Name)
		}
	}
	for _, p := range m.Params {
		if _, in := p.InSet(set); in {
			add(p)
		} else {
			seen[strings.ToLower(p.Name)] = true
		}
	}
	extra := binding.CommonParams()
	if m.SupportsShouldProcess {
		extra = append(extra, binding.ShouldProcessParams()...)
	}
	for _, p := range extra {
		add(p)
	}
	return out
}
