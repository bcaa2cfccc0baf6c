package binding

// bindPositional binds the positional values in order, each to the
// parameters at the next position (after the previous one) among the
// unbound parameters of the sets still possible; at one position, default
// set members are tried first, and without coercion before with it.
// Values no parameter takes go to the ValueFromRemainingArguments
// parameter, else to $args for a plain function.
func (r *lineRun) bindPositional(positional []posArg) error {
	b := r.b
	last := -1
	var leftover []posArg
	for _, pa := range positional {
		group, next := b.nextPositional(r.params, r.cands, last)
		if len(group) == 0 {
			if b.remainingParam(r.params, r.cands) != nil {
				leftover = append(leftover, pa)
				continue
			}
			if !b.m.CmdletBinding {
				r.unbound[pa.idx] = []any{unwrap(pa.arg.Value)}
				r.note(pa.idx, nil, ArgUnbound)
				continue
			}
			if err := r.fail(pa.idx, errPositionalNotFound(argValueText(pa.arg))); err != nil {
				return err
			}
			continue
		}
		p, v, err := r.bindAt(b.orderGroup(group, r.cands), pa.arg)
		if err != nil {
			return err
		}
		r.params[p.Name] = v
		r.note(pa.idx, p, ArgPositional)
		last = next
		if len(b.universe) > 0 {
			r.cands = narrow(r.cands, p)
		}
	}
	rest := b.remainingParam(r.params, r.cands)
	if rest == nil || len(leftover) == 0 {
		return nil
	}
	vals := make([]any, len(leftover))
	for i, pa := range leftover {
		vals[i] = pa.arg.Value
		r.note(pa.idx, rest, ArgRemaining)
	}
	arg := Arg{Value: vals, HasValue: true, Extent: leftover[0].arg.Extent}
	if len(vals) == 1 {
		arg = leftover[0].arg
	}
	p, v, err := r.bindAt([]*pinfo{rest}, arg)
	if err != nil {
		return err
	}
	r.params[p.Name] = v
	if len(b.universe) > 0 {
		r.cands = narrow(r.cands, p)
	}
	return nil
}

// bindAt binds a positional argument to one parameter of group: Bind
// converts (see binder.bindAt); Partial converts nothing and takes the
// first parameter the value fits without coercion, else the first one.
func (r *lineRun) bindAt(group []*pinfo, a Arg) (*pinfo, any, error) {
	if r.pb == nil {
		p, v, err := r.b.bindAt(group, a.Value)
		return p, v, blame(err, a.Extent)
	}
	if !a.Unknown {
		for _, p := range group {
			if fits(p, a.Value) {
				return p, unknownValue{}, nil
			}
		}
	}
	return group[0], unknownValue{}, nil
}

// nextPositional returns the unbound parameters at the smallest position
// after last among cands (remaining-arguments parameters take no
// position), and that position.
func (b *binder) nextPositional(bound map[string]any, cands []string, last int) ([]*pinfo, int) {
	next := -1
	var group []*pinfo
	for _, p := range b.declared {
		if _, ok := bound[p.Name]; ok {
			continue
		}
		if p.takesRemaining() {
			continue
		}
		pos := b.posOf(p, cands)
		if pos < 0 || pos <= last || (next >= 0 && pos > next) {
			continue
		}
		if pos < next || next < 0 {
			next, group = pos, nil
		}
		group = append(group, p)
	}
	return group, next
}

// posOf is p's position among cands (declaration order for plain functions).
func (b *binder) posOf(p *pinfo, cands []string) int {
	if !b.m.CmdletBinding {
		return p.plainPos
	}
	return p.positionIn(cands)
}

// takesRemaining reports whether p collects the remaining arguments in
// any of its sets (such parameters are not bound by position).
func (p *pinfo) takesRemaining() bool {
	for _, s := range p.sets {
		if s.FromRemainingArgs {
			return true
		}
	}
	return false
}

// remainingParam returns the unbound ValueFromRemainingArguments
// parameter of the candidate sets, if any.
func (b *binder) remainingParam(bound map[string]any, cands []string) *pinfo {
	for _, p := range b.declared {
		if _, ok := bound[p.Name]; ok {
			continue
		}
		for _, s := range p.sets {
			if s.FromRemainingArgs && (s.Name == AllSets || len(cands) == 0 || containsFold(cands, s.Name)) {
				return p
			}
		}
	}
	return nil
}

// orderGroup puts the default set's parameters first.
func (b *binder) orderGroup(group []*pinfo, cands []string) []*pinfo {
	if len(group) < 2 || !b.hasDefault(cands) {
		return group
	}
	var first, rest []*pinfo
	for _, p := range group {
		if _, ok := p.inSet(b.m.DefaultSet); ok {
			first = append(first, p)
		} else {
			rest = append(rest, p)
		}
	}
	return append(first, rest...)
}

// bindAt binds v to the first parameter of group that takes it: one that
// needs no coercion, else the first whose conversion succeeds; when all
// fail, the first failure is returned.
func (b *binder) bindAt(group []*pinfo, v any) (*pinfo, any, error) {
	for _, p := range group {
		if fits(p, v) {
			out, err := b.convertValidate(p, v)
			if err != nil {
				return nil, nil, err
			}
			return p, out, nil
		}
	}
	var first error
	for _, p := range group {
		out, err := b.convert(p, v)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		if err := b.validate(p, out); err != nil {
			return nil, nil, err
		}
		return p, out, nil
	}
	return nil, nil, first
}
