package binding

import "strings"

// inSet returns p's membership in set; "" is the implicit only set of a
// command that declares no named set.
func (p *pinfo) inSet(set string) (ParamSet, bool) { return inSet(p.sets, set) }

// inAny reports whether p belongs to one of sets.
func (p *pinfo) inAny(sets []string) bool {
	for _, set := range sets {
		if _, ok := p.inSet(set); ok {
			return true
		}
	}
	return false
}

// mandatoryIn reports whether p is mandatory in set.
func (p *pinfo) mandatoryIn(set string) bool {
	s, ok := p.inSet(set)
	return ok && s.Mandatory
}

// mandatorySomewhere reports whether p is mandatory in any of its sets
// (pwsh then refuses $null and "" unless AllowNull/AllowEmptyString).
func (p *pinfo) mandatorySomewhere() bool {
	for _, s := range p.sets {
		if s.Mandatory {
			return true
		}
	}
	return false
}

// pipelineIn reports whether p takes pipeline input in one of sets.
func (p *pinfo) pipelineIn(sets []string) bool {
	for _, set := range sets {
		if s, ok := p.inSet(set); ok && (s.FromPipeline || s.FromPipelineByName) {
			return true
		}
	}
	return false
}

// positionIn returns p's smallest position among sets, or -1.
func (p *pinfo) positionIn(sets []string) int {
	best := -1
	for _, set := range sets {
		if s, ok := p.inSet(set); ok && s.Position >= 0 && (best < 0 || s.Position < best) {
			best = s.Position
		}
	}
	return best
}

// initialSets is every set of the command ([""] when it names none).
func (b *binder) initialSets() []string {
	if len(b.universe) == 0 {
		return []string{""}
	}
	return append([]string(nil), b.universe...)
}

// narrow keeps the sets of cands that contain p.
func narrow(cands []string, p *pinfo) []string {
	all := true
	for _, s := range cands {
		if _, ok := p.inSet(s); !ok {
			all = false
			break
		}
	}
	if all {
		return cands // nothing to drop: share the slice
	}
	var out []string
	for _, s := range cands {
		if _, ok := p.inSet(s); ok {
			out = append(out, s)
		}
	}
	return out
}

// hasDefault reports whether the default set is among cands.
func (b *binder) hasDefault(cands []string) bool {
	return b.m.DefaultSet != "" && containsFold(cands, b.m.DefaultSet)
}

// setName is the name reported for a resolved set.
func (b *binder) setName(set string) string {
	if set == "" {
		return b.m.DefaultSet
	}
	return set
}

// resolve picks one set among cands as pwsh does once binding is over: the
// only one; else the default set; else the only set whose mandatory
// parameters are all bound. ok is false when still ambiguous.
func (b *binder) resolve(cands []string, bound map[string]any) (string, bool) {
	switch len(cands) {
	case 0:
		return "", false
	case 1:
		return cands[0], true
	}
	if b.hasDefault(cands) {
		for _, s := range cands {
			if strings.EqualFold(s, b.m.DefaultSet) {
				return s, true
			}
		}
	}
	var satisfied []string
	for _, s := range cands {
		if len(b.missingIn(s, bound, nil)) == 0 {
			satisfied = append(satisfied, s)
		}
	}
	if len(satisfied) == 1 {
		return satisfied[0], true
	}
	return "", false
}

// missingIn lists, in declaration order, the parameters mandatory in set
// and not bound; skip, when non-nil, excuses some (those the pipeline may
// still supply).
func (b *binder) missingIn(set string, bound map[string]any, skip func(p *pinfo) bool) []*pinfo {
	var out []*pinfo
	for _, p := range b.declared {
		if _, ok := bound[p.Name]; ok || !p.mandatoryIn(set) {
			continue
		}
		if skip != nil && skip(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}
