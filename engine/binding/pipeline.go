package binding

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// BindInput binds one pipeline object as pwsh does, in four passes —
// ValueFromPipeline without type coercion, ByPropertyName without
// coercion, ValueFromPipeline with coercion, ByPropertyName with coercion —
// over the parameters not bound on the command line, within the sets still
// possible (the default set tried first in each pass). It returns a fresh
// map (command-line parameters plus this object's) and the resolved set;
// nothing of one object carries over to the next. pwsh reports the errors
// returned here as non-terminating errors for the object.
func (bd *Binding) BindInput(item any) (params map[string]any, set string, err error) {
	if bd == nil || bd.b == nil {
		return map[string]any{}, "", errInputNotBound()
	}
	b := bd.b
	if bd.fastState == 1 && item != nil {
		if params, ok := bd.bindFast(item); ok {
			return params, bd.fastSet, nil
		}
	}
	params = make(map[string]any, len(bd.Params)+2)
	for k, v := range bd.Params {
		params[k] = v
	}
	if len(b.universe) == 0 {
		params, set, err = bd.bindInputNoSets(item, params)
	} else {
		params, set, err = bd.bindInputSets(item, params)
	}
	if bd.fastState == 0 && err == nil && item != nil {
		bd.decideFast(params, set)
	}
	return params, set, err
}

// decideFast turns on the fast path after a first successful binding when
// the command's only input parameter is an Object taken by value alone:
// then every later object binds the same way to the same set, and only
// the per-object conversion and validation remain to run.
func (bd *Binding) decideFast(params map[string]any, set string) {
	bd.fastState = 2
	takers := bd.takers()
	if len(takers) != 1 {
		return
	}
	p := takers[0]
	sets := bd.cands
	if len(sets) == 0 {
		sets = bd.b.initialSets()
	}
	if takesInput(p, sets, true) || !takesInput(p, sets, false) || p.class != classPlain {
		return
	}
	if t := p.typ; t != value.TObject && t != value.TPSObject {
		return
	}
	if _, ok := params[p.Name]; !ok || len(params) != len(bd.Params)+1 {
		return
	}
	bd.fast, bd.fastSet, bd.fastState = p, set, 1
}

// bindFast binds item to the fast path's parameter; ok is false when the
// general passes must decide (the conversion or validation failed).
func (bd *Binding) bindFast(item any) (map[string]any, bool) {
	p := bd.fast
	out, err := bd.b.convert(p, item)
	if err != nil || bd.b.validate(p, out) != nil {
		return nil, false
	}
	params := bd.fastParams
	if params == nil {
		params = make(map[string]any, len(bd.Params)+1)
		for k, v := range bd.Params {
			params[k] = v
		}
		bd.fastParams = params
	}
	params[p.Name] = out
	return params, true
}

// bindInputSets is BindInput for commands with named parameter sets.
func (bd *Binding) bindInputSets(item any, params map[string]any) (map[string]any, string, error) {
	b := bd.b
	var err error
	cands := append([]string(nil), bd.cands...)
	if len(cands) == 0 {
		cands = b.initialSets()
	}
	bound := false
	for pass := 0; pass < 4; pass++ {
		byName, coerce := pass%2 == 1, pass >= 2
		did := false
		var rest []string
		if len(cands) > 1 && b.hasDefault(cands) {
			for _, s := range cands {
				if !strings.EqualFold(s, b.m.DefaultSet) {
					rest = append(rest, s)
				}
			}
			if did, err = bd.pass(item, params, []string{b.m.DefaultSet}, &cands, byName, coerce); err != nil {
				return nil, "", err
			}
		} else {
			rest = cands
		}
		if !did {
			if did, err = bd.pass(item, params, rest, &cands, byName, coerce); err != nil {
				return nil, "", err
			}
		}
		bound = bound || did
	}
	if !bound {
		return nil, "", errInputNotBound()
	}
	s, ok := b.resolve(cands, params)
	if !ok {
		return nil, "", errAmbiguousSet()
	}
	if missing := bd.missingAfterInput(s, params); len(missing) > 0 {
		return nil, "", errInputMissingMandatory(missing)
	}
	return params, b.setName(s), nil
}

// takers returns (and caches) the parameters not bound on the command line
// that take pipeline input, by value or by property name, in one of the
// sets still possible after the command line; only they can bind input.
func (bd *Binding) takers() []*pinfo {
	if bd.inTaken {
		return bd.inTakers
	}
	sets := bd.cands
	if len(sets) == 0 {
		sets = bd.b.initialSets()
	}
	for _, p := range bd.b.declared {
		if _, ok := bd.Params[p.Name]; ok {
			continue
		}
		if takesInput(p, sets, false) || takesInput(p, sets, true) {
			bd.inTakers = append(bd.inTakers, p)
		}
	}
	bd.inTaken = true
	return bd.inTakers
}

// missingAfterInput is missingIn for one input object: the mandatory
// parameters of set (not bound on the command line, worked out once per
// set) that params lacks.
func (bd *Binding) missingAfterInput(set string, params map[string]any) []*pinfo {
	cands, ok := bd.inMissing[set]
	if !ok {
		cands = bd.b.missingIn(set, bd.Params, nil)
		if bd.inMissing == nil {
			bd.inMissing = map[string][]*pinfo{}
		}
		bd.inMissing[set] = cands
	}
	var out []*pinfo
	for _, p := range cands {
		if _, ok := params[p.Name]; !ok {
			out = append(out, p)
		}
	}
	return out
}

// pass binds item to the parameters of sets that take pipeline input in
// the given way, narrowing cands as parameters bind.
func (bd *Binding) pass(item any, params map[string]any, sets []string, cands *[]string, byName, coerce bool) (bool, error) {
	b := bd.b
	did := false
	for _, p := range bd.takers() {
		if _, ok := params[p.Name]; ok {
			continue
		}
		if !takesInput(p, sets, byName) {
			continue
		}
		v := item
		if byName {
			var found bool
			if v, found = property(item, p); !found {
				continue
			}
		}
		var out any
		if !coerce {
			if !fits(p, v) {
				continue
			}
			var err error
			if out, err = b.convert(p, v); err != nil {
				continue
			}
		} else {
			var err error
			if out, err = b.convert(p, v); err != nil {
				if byName {
					return did, err
				}
				continue
			}
		}
		if err := b.validate(p, out); err != nil {
			return did, err
		}
		params[p.Name] = out
		did = true
		if len(b.universe) > 0 {
			*cands = narrow(*cands, p)
			sets = narrow(sets, p)
		}
	}
	return did, nil
}

// takesInput reports whether p takes pipeline input (by value, or by
// property name when byName) in one of sets.
func takesInput(p *pinfo, sets []string, byName bool) bool {
	for _, set := range sets {
		s, ok := p.inSet(set)
		if ok && ((byName && s.FromPipelineByName) || (!byName && s.FromPipeline)) {
			return true
		}
	}
	return false
}

// property reads the property named like p (or one of its aliases) from
// item. As in pwsh, a hashtable's keys are not properties here.
func property(item any, p *pinfo) (any, bool) {
	if item == nil {
		return nil, false
	}
	if _, ok := item.(*value.Hashtable); ok {
		return nil, false
	}
	if v, ok := value.GetMember(item, p.Name); ok {
		return v, true
	}
	for _, a := range p.Aliases {
		if v, ok := value.GetMember(item, a); ok {
			return v, true
		}
	}
	return nil, false
}

// inputPlan is what BindInput needs for a command without named parameter
// sets, worked out once per invocation: the parameters (not bound on the
// command line) that take input by value and by property name, and the
// mandatory ones still unbound.
type inputPlan struct {
	byValue, byName []*pinfo
	mandatory       []*pinfo
}

// plan returns (and caches) the invocation's input plan.
func (bd *Binding) plan() *inputPlan {
	if bd.inPlan != nil {
		return bd.inPlan
	}
	pl := &inputPlan{}
	all := []string{AllSets}
	for _, p := range bd.b.declared {
		if _, ok := bd.Params[p.Name]; ok {
			continue
		}
		if takesInput(p, all, false) {
			pl.byValue = append(pl.byValue, p)
		}
		if takesInput(p, all, true) {
			pl.byName = append(pl.byName, p)
		}
		if p.mandatoryIn("") {
			pl.mandatory = append(pl.mandatory, p)
		}
	}
	bd.inPlan = pl
	return pl
}

// bindInputNoSets is BindInput's fast path for commands that declare no
// named parameter set: the same four passes over the precomputed lists.
func (bd *Binding) bindInputNoSets(item any, params map[string]any) (map[string]any, string, error) {
	b := bd.b
	pl := bd.plan()
	bound := false
	for pass := 0; pass < 4; pass++ {
		byName, coerce := pass%2 == 1, pass >= 2
		list := pl.byValue
		if byName {
			list = pl.byName
		}
		for _, p := range list {
			if _, ok := params[p.Name]; ok {
				continue
			}
			v := item
			if byName {
				var found bool
				if v, found = property(item, p); !found {
					continue
				}
			}
			if !coerce && !fits(p, v) {
				continue
			}
			out, err := b.convert(p, v)
			if err != nil {
				if coerce && byName {
					return nil, "", err
				}
				continue
			}
			if err := b.validate(p, out); err != nil {
				return nil, "", err
			}
			params[p.Name] = out
			bound = true
		}
	}
	if !bound {
		return nil, "", errInputNotBound()
	}
	var missing []*pinfo
	for _, p := range pl.mandatory {
		if _, ok := params[p.Name]; !ok {
			missing = append(missing, p)
		}
	}
	if len(missing) > 0 {
		return nil, "", errInputMissingMandatory(missing)
	}
	return params, bd.Set, nil
}
