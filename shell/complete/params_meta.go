package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
)

// signature is a command's parameters as the binder sees them: declared
// ones, then the common parameters and WhatIf/Confirm when they apply.
type signature struct {
	meta     *binding.Meta
	declared []*binding.ParamInfo
	all      []*binding.ParamInfo
	universe []string // named parameter sets, in order of first mention
}

func newSignature(m *binding.Meta) *signature {
	s := &signature{meta: m}
	seen := map[string]bool{}
	for _, p := range m.Params {
		if p == nil || p.Name == "" || seen[strings.ToLower(p.Name)] {
			continue
		}
		seen[strings.ToLower(p.Name)] = true
		s.declared = append(s.declared, p)
		for _, set := range p.Sets {
			if set.Name != binding.AllSets && set.Name != "" && !containsFold(s.universe, set.Name) {
				s.universe = append(s.universe, set.Name)
			}
		}
	}
	if d := m.DefaultSet; d != "" && d != binding.AllSets && len(s.universe) > 0 && !containsFold(s.universe, d) {
		s.universe = append(s.universe, d)
	}
	s.all = append(s.all, s.declared...)
	if m.CmdletBinding {
		extra := binding.CommonParams()
		if m.SupportsShouldProcess {
			extra = append(extra, binding.ShouldProcessParams()...)
		}
		for _, p := range extra {
			if !seen[strings.ToLower(p.Name)] {
				s.all = append(s.all, p)
			}
		}
	}
	return s
}

// isDeclared reports whether p is the command's own parameter.
func (s *signature) isDeclared(p *binding.ParamInfo) bool {
	for _, d := range s.declared {
		if d == p {
			return true
		}
	}
	return false
}

// match finds the parameter a typed name designates, as the binder does:
// an exact name, an exact alias, else the one parameter whose name or
// alias the text begins (the command's own wins over common ones). nil
// when none or ambiguous.
func (s *signature) match(name string) *binding.ParamInfo {
	if name == "" {
		return nil
	}
	var hits []*binding.ParamInfo
	add := func(p *binding.ParamInfo) {
		for _, h := range hits {
			if h == p {
				return
			}
		}
		hits = append(hits, p)
	}
	for _, p := range s.all {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	for _, p := range s.all {
		for _, a := range p.Aliases {
			if strings.EqualFold(a, name) {
				return p
			}
		}
	}
	for _, p := range s.all {
		if hasPrefixFold(p.Name, name) {
			add(p)
		}
		for _, a := range p.Aliases {
			if hasPrefixFold(a, name) {
				add(p)
			}
		}
	}
	if len(hits) == 1 {
		return hits[0]
	}
	var own []*binding.ParamInfo
	for _, h := range hits {
		if s.isDeclared(h) {
			own = append(own, h)
		}
	}
	if len(own) == 1 {
		return own[0]
	}
	return nil
}

// initialSets is every parameter set of the command ([""] when it names
// none).
func (s *signature) initialSets() []string {
	if len(s.universe) == 0 {
		return []string{""}
	}
	return append([]string(nil), s.universe...)
}

// inSet returns p's membership in set ("" is the only set of a command
// that names none).
func inSet(p *binding.ParamInfo, set string) (binding.ParamSet, bool) {
	if len(p.Sets) == 0 {
		return binding.ParamSet{Name: binding.AllSets, Position: -1}, true
	}
	for _, ps := range p.Sets {
		if set == "" || ps.Name == binding.AllSets || ps.Name == "" || strings.EqualFold(ps.Name, set) {
			return ps, true
		}
	}
	return binding.ParamSet{}, false
}

// inAny reports whether p belongs to one of sets.
func inAny(p *binding.ParamInfo, sets []string) bool {
	for _, set := range sets {
		if _, ok := inSet(p, set); ok {
			return true
		}
	}
	return false
}

// narrow keeps the sets of cands that contain p; when none would remain
// the sets are kept (the line is already wrong, completion stays useful).
func narrow(cands []string, p *binding.ParamInfo) []string {
	var out []string
	for _, set := range cands {
		if _, ok := inSet(p, set); ok {
			out = append(out, set)
		}
	}
	if len(out) == 0 {
		return cands
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
