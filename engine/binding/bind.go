package binding

import "github.com/csshell/csshell/engine/value"

// namedArg is a -Name argument paired with its value.
type namedArg struct {
	p     *pinfo // nil: no such parameter
	typed string
	val   any
}

// posArg is a plain (positional) argument and its index on the line.
type posArg struct {
	idx int
	arg Arg
}

// Bind binds a command line as pwsh does: named arguments first (checking
// parameter sets as it goes), then positional ones in position order
// within the sets still possible, then picks the parameter set and checks
// mandatory parameters (prompting when Options.Prompt is set).
func Bind(m *Meta, args []Arg, opt Options) (*Binding, error) {
	b := newBinder(m)
	res := &Binding{Params: map[string]any{}, b: b}
	named, positional, unbound, err := b.reparse(args)
	if err != nil {
		return nil, err
	}
	cands := b.initialSets()
	for _, n := range named {
		if n.p == nil {
			return nil, errNamedNotFound(n.typed)
		}
		if _, dup := res.Params[n.p.Name]; dup {
			return nil, errAlreadyBound(n.typed)
		}
		if n.p.kind == kindDeclared {
			if cands = narrow(cands, n.p); len(cands) == 0 {
				return nil, errAmbiguousSet()
			}
		}
		v, err := b.convertValidate(n.p, n.val)
		if err != nil {
			return nil, err
		}
		res.Params[n.p.Name] = v
	}
	if cands, err = b.bindPositional(positional, res.Params, cands, unbound); err != nil {
		return nil, err
	}
	res.Unbound = flattenUnbound(unbound, len(args))
	res.cands = cands
	return res, b.finish(res, opt)
}

// reparse pairs each -Name with its value (the next argument unless it is
// a switch or written -Name:value) and separates the positional values.
// Unknown names of a non-CmdletBinding command go to $args (unbound, by
// argument index).
func (b *binder) reparse(args []Arg) ([]namedArg, []posArg, map[int][]any, error) {
	var named []namedArg
	var positional []posArg
	unbound := map[int][]any{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !a.IsParam {
			positional = append(positional, posArg{i, a})
			continue
		}
		hasVal := a.HasValue || a.Colon
		p, err := b.match(a.Name)
		if err != nil {
			return nil, nil, nil, err
		}
		if p == nil {
			if b.m.CmdletBinding {
				named = append(named, namedArg{typed: a.Name})
			} else if hasVal {
				unbound[i] = []any{"-" + a.Name + ":", unwrap(a.Value)}
			} else {
				unbound[i] = []any{"-" + a.Name}
			}
			continue
		}
		switch {
		case hasVal:
			named = append(named, namedArg{p, a.Name, a.Value})
		case p.IsSwitch():
			named = append(named, namedArg{p, a.Name, true})
		default:
			if i+1 >= len(args) {
				return nil, nil, nil, errMissingArgument(p)
			}
			nx := args[i+1]
			val := nx.Value
			if nx.IsParam {
				// A following -Token is the value only when it names no
				// parameter of the command (pwsh's ReparseUnboundArguments).
				if nx.HasValue || nx.Colon {
					return nil, nil, nil, errMissingArgument(p)
				}
				if q, err := b.match(nx.Name); err != nil || q != nil {
					return nil, nil, nil, errMissingArgument(p)
				}
				val = nx.Text
				if val == "" {
					val = "-" + nx.Name
				}
			}
			named = append(named, namedArg{p, a.Name, val})
			i++
		}
	}
	return named, positional, unbound, nil
}

// convertValidate converts v to p's type and validates it.
func (b *binder) convertValidate(p *pinfo, v any) (any, error) {
	out, err := b.convert(p, v)
	if err != nil {
		return nil, err
	}
	if err := b.validate(p, out); err != nil {
		return nil, err
	}
	return out, nil
}

// posOf is p's position among cands (declaration order for plain functions).
func (b *binder) posOf(p *pinfo, cands []string) int {
	if !b.m.CmdletBinding {
		return p.plainPos
	}
	return p.positionIn(cands)
}

// bindPositional binds the positional values in order, each to the
// parameters at the next position (after the previous one) among the
// unbound parameters of the sets still possible; at one position, default
// set members are tried first, and without coercion before with it.
func (b *binder) bindPositional(positional []posArg, bound map[string]any, cands []string, unbound map[int][]any) ([]string, error) {
	last := -1
	var leftover []any
	for _, pa := range positional {
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
		if len(group) == 0 {
			if b.remainingParam(bound, cands) != nil {
				leftover = append(leftover, pa.arg.Value)
				continue
			}
			if !b.m.CmdletBinding {
				unbound[pa.idx] = []any{unwrap(pa.arg.Value)}
				continue
			}
			return nil, errPositionalNotFound(argText(pa.arg))
		}
		p, v, err := b.bindAt(b.orderGroup(group, cands), pa.arg.Value)
		if err != nil {
			return nil, err
		}
		bound[p.Name] = v
		last = next
		if len(b.universe) > 0 {
			cands = narrow(cands, p)
		}
	}
	if rest := b.remainingParam(bound, cands); rest != nil && len(leftover) > 0 {
		var arg any = leftover
		if len(leftover) == 1 {
			arg = leftover[0]
		}
		p, v, err := b.bindAt([]*pinfo{rest}, arg)
		if err != nil {
			return nil, err
		}
		bound[p.Name] = v
		if len(b.universe) > 0 {
			cands = narrow(cands, p)
		}
	}
	return cands, nil
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

// argText is how an argument is named in messages: its source text, else
// its value as a string.
func argText(a Arg) string {
	if a.Text != "" {
		return a.Text
	}
	return value.ToString(a.Value)
}

func flattenUnbound(unbound map[int][]any, n int) []any {
	var out []any
	for i := 0; i < n; i++ {
		out = append(out, unbound[i]...)
	}
	return out
}

// finish resolves the parameter set and handles missing mandatory
// parameters once the command line is bound.
func (b *binder) finish(res *Binding, opt Options) error {
	cands := res.cands
	if opt.ExpectingInput && len(cands) > 1 {
		// The pipeline may still decide; a parameter is missing already
		// when every remaining set requires it and none can take it from
		// the pipeline.
		if b.hasDefault(cands) {
			res.Set = b.m.DefaultSet
		}
		var missing []*pinfo
		for _, p := range b.declared {
			if _, ok := res.Params[p.Name]; ok || p.pipelineIn(cands) {
				continue
			}
			all := true
			for _, s := range cands {
				all = all && p.mandatoryIn(s)
			}
			if all {
				missing = append(missing, p)
			}
		}
		return b.supply(res, missing, opt)
	}
	set, ok := b.resolve(cands, res.Params)
	if !ok {
		return errAmbiguousSet()
	}
	res.Set = b.setName(set)
	if len(b.universe) > 0 {
		res.cands = []string{set}
	}
	var skip func(p *pinfo) bool
	if opt.ExpectingInput {
		skip = func(p *pinfo) bool { return p.pipelineIn([]string{set}) }
	}
	return b.supply(res, b.missingIn(set, res.Params, skip), opt)
}

// supply prompts for the missing mandatory parameters, or reports them.
func (b *binder) supply(res *Binding, missing []*pinfo, opt Options) error {
	if len(missing) == 0 {
		return nil
	}
	if opt.Prompt == nil {
		return errMissingMandatory(missing)
	}
	for _, p := range missing {
		v, err := opt.Prompt(p.ParamInfo)
		if err != nil {
			return err
		}
		out, err := b.convertValidate(p, v)
		if err != nil {
			return err
		}
		res.Params[p.Name] = out
	}
	return nil
}
