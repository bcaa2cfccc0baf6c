package binding

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// Where a bindable parameter comes from; pwsh prefers the command's own
// parameters when a prefix is ambiguous.
const (
	kindDeclared = iota
	kindCommon
	kindShouldProcess
)

// pinfo is a bindable parameter: the ParamInfo with normalized sets.
type pinfo struct {
	*ParamInfo
	kind     int
	sets     []ParamSet // never empty
	plainPos int        // position for non-CmdletBinding commands; -1 for switches
	// class, typ and psobject are classify, paramType and isPSObjectType
	// of the parameter's type, looked up once per binder rather than for
	// every pipeline object.
	class    paramClass
	typ      *value.Type
	psobject bool
}

// newPinfo makes the binder's view of a parameter.
func newPinfo(p *ParamInfo, kind int) *pinfo {
	return &pinfo{ParamInfo: p, kind: kind, sets: p.Sets, plainPos: -1,
		class: classify(p.Type), typ: paramType(p.Type), psobject: isPSObjectType(p.Type)}
}

// binder is a command's bindable parameters, built from its Meta.
type binder struct {
	m        *Meta
	params   []*pinfo // declared, then common, then WhatIf/Confirm
	declared []*pinfo
	universe []string // the named parameter sets, in order of first mention
}

func newBinder(m *Meta) *binder {
	if m == nil {
		m = &Meta{}
	}
	b := &binder{m: m}
	pos := 0
	seen := map[string]bool{}
	for _, p := range m.Params {
		if p == nil || p.Name == "" {
			continue
		}
		k := strings.ToLower(p.Name)
		if seen[k] {
			continue
		}
		seen[k] = true
		pi := newPinfo(p, kindDeclared)
		if len(pi.sets) == 0 {
			pi.sets = allSets()
		}
		if !m.CmdletBinding && !p.IsSwitch() {
			pi.plainPos = pos
			pos++
		}
		b.params = append(b.params, pi)
		b.declared = append(b.declared, pi)
		for _, s := range pi.sets {
			if s.Name != AllSets && s.Name != "" && !containsFold(b.universe, s.Name) {
				b.universe = append(b.universe, s.Name)
			}
		}
	}
	if m.DefaultSet != "" && m.DefaultSet != AllSets && len(b.universe) > 0 && !containsFold(b.universe, m.DefaultSet) {
		b.universe = append(b.universe, m.DefaultSet)
	}
	if m.CmdletBinding {
		extra := CommonParams()
		kinds := make([]int, len(extra))
		for i := range kinds {
			kinds[i] = kindCommon
		}
		if m.SupportsShouldProcess {
			extra = append(extra, ShouldProcessParams()...)
			kinds = append(kinds, kindShouldProcess, kindShouldProcess)
		}
		for i, p := range extra {
			if seen[strings.ToLower(p.Name)] {
				continue // a declared parameter shadows it
			}
			b.params = append(b.params, newPinfo(p, kinds[i]))
		}
	}
	return b
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// match finds the parameter a typed name designates, as pwsh's
// GetMatchingParameter: an exact name, then an exact alias, then the unique
// prefix of names and aliases; when a prefix matches several parameters
// and exactly one of them is the command's own, that one wins. It returns
// nil, nil when nothing matches.
func (b *binder) match(name string) (*pinfo, *Error) {
	n := name
	if n == "" {
		return nil, nil
	}
	var matches []*pinfo
	for _, p := range b.params {
		if hasPrefixFold(p.Name, n) {
			if len(p.Name) == len(n) {
				return p, nil
			}
			matches = append(matches, p)
		}
	}
	for _, p := range b.params {
		for _, a := range p.Aliases {
			if !hasPrefixFold(a, n) {
				continue
			}
			if len(a) == len(n) {
				return p, nil
			}
			if !containsP(matches, p) {
				matches = append(matches, p)
			}
		}
	}
	switch {
	case len(matches) == 1:
		return matches[0], nil
	case len(matches) > 1:
		var own []*pinfo
		for _, p := range matches {
			if p.kind == kindDeclared {
				own = append(own, p)
			}
		}
		if len(own) == 1 {
			return own[0], nil
		}
		return nil, errAmbiguous(name, matches)
	}
	return nil, nil
}

func containsP(list []*pinfo, p *pinfo) bool {
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}
