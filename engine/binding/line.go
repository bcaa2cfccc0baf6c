package binding

// lineRun is one binding of a command line's arguments: reparse, named
// arguments, then positional ones. Bind and Partial run these same steps
// and differ in two hooks only: what a problem does (Bind stops at the
// first and returns it, Partial records it and goes on) and what a bound
// value is (Bind converts and validates it, Partial keeps the fact that
// the parameter is bound, since it binds source text, not values).
type lineRun struct {
	b       *binder
	args    []Arg
	params  map[string]any // canonical name → value (unknownValue in Partial)
	cands   []string       // the parameter sets still possible
	unbound map[int][]any  // $args values by argument index (plain functions)
	// pb collects what Partial reports; nil when binding for real.
	pb *PartialBinding
	// skip is the argument Partial leaves out: a -Name still being typed at
	// the cursor, which binds nothing yet. -1 for none.
	skip int
}

// namedArg is a -Name argument paired with its value.
type namedArg struct {
	p      *pinfo // nil: no such parameter
	typed  string
	val    any
	idx    int     // the -Name argument
	valIdx int     // the argument holding the value when it is the next one; -1 otherwise
	role   ArgRole // ArgName or ArgNameValue, for the -Name argument
}

// posArg is a plain (positional) argument and its index on the line.
type posArg struct {
	idx int
	arg Arg
}

// unknownValue stands, in Partial, for a value bound but not converted.
type unknownValue struct{}

func newRun(b *binder, args []Arg, pb *PartialBinding) *lineRun {
	return &lineRun{b: b, args: args, params: map[string]any{}, cands: b.initialSets(),
		unbound: map[int][]any{}, pb: pb, skip: -1}
}

// fail handles a problem found at argument idx (-1 when no argument is to
// blame): Bind returns it, Partial records it and returns nil so that
// binding goes on.
func (r *lineRun) fail(idx int, e *Error) error {
	// pwsh blames the argument, except for a parameter set conflict,
	// which is the whole command's.
	if idx >= 0 && idx < len(r.args) && e.ErrorID != "AmbiguousParameterSet" {
		e.Extent = r.args[idx].Extent
	}
	if r.pb == nil {
		return e
	}
	r.pb.Problems = append(r.pb.Problems, Problem{Arg: idx, Err: e})
	return nil
}

// value is what binding v, written at extent at, to p stores: the
// converted, validated value in Bind (a failure blames at), a placeholder
// in Partial.
func (r *lineRun) value(p *pinfo, v any, at Extent) (any, error) {
	if r.pb != nil {
		return unknownValue{}, nil
	}
	out, err := r.b.convertValidate(p, v)
	return out, blame(err, at)
}

// blame places a binding error at the extent of the argument it is about,
// unless it is placed already.
func blame(err error, at Extent) error {
	if e, ok := err.(*Error); ok && e.Extent.IsZero() {
		e.Extent = at
	}
	return err
}

// valueExtent is where the value of a named argument is written.
func (r *lineRun) valueExtent(n namedArg) Extent {
	switch {
	case n.valIdx >= 0:
		return r.args[n.valIdx].Extent
	case !r.args[n.idx].ValueExtent.IsZero():
		return r.args[n.idx].ValueExtent
	}
	return r.args[n.idx].Extent
}

// note records, in Partial, what argument idx binds to.
func (r *lineRun) note(idx int, p *pinfo, role ArgRole) {
	if r.pb == nil || idx < 0 || idx >= len(r.pb.Args) {
		return
	}
	ab := ArgBinding{Role: role}
	if p != nil {
		ab.Param = p.ParamInfo
	}
	r.pb.Args[idx] = ab
}

// bindLine binds the command line as pwsh does: named arguments first
// (checking parameter sets as it goes), then positional ones in position
// order within the sets still possible.
func (r *lineRun) bindLine() error {
	named, positional, err := r.reparse()
	if err != nil {
		return err
	}
	if err := r.bindNamed(named); err != nil {
		return err
	}
	return r.bindPositional(positional)
}

// reparse pairs each -Name with its value (the next argument unless it is
// a switch or written -Name:value) and separates the positional values.
// Unknown names of a non-CmdletBinding command go to $args (unbound, by
// argument index).
func (r *lineRun) reparse() ([]namedArg, []posArg, error) {
	b, args := r.b, r.args
	var named []namedArg
	var positional []posArg
	for i := 0; i < len(args); i++ {
		if i == r.skip {
			continue
		}
		a := args[i]
		if !a.IsParam {
			positional = append(positional, posArg{i, a})
			continue
		}
		hasVal := a.HasValue || a.Colon
		p, err := b.match(a.Name)
		if err != nil {
			if err := r.fail(i, err); err != nil {
				return nil, nil, err
			}
			continue
		}
		if p == nil {
			switch {
			case b.m.CmdletBinding && !b.m.Compiled && b.remainingParam(nil, nil) != nil:
				// A -Token naming no parameter is a value for the
				// ValueFromRemainingArguments parameter of a function, as its
				// text (a cmdlet reports it).
				text := "-" + a.Name
				if a.Colon {
					text += ":"
				}
				positional = append(positional, posArg{i, Arg{Value: text, HasValue: true, Text: text, Extent: a.Extent}})
				if a.HasValue {
					positional = append(positional, posArg{i, Arg{Value: a.Value, HasValue: true, Extent: a.ValueExtent}})
				}
			case b.m.CmdletBinding:
				named = append(named, namedArg{typed: a.Name, idx: i, valIdx: -1})
			case hasVal:
				r.unbound[i] = []any{"-" + a.Name + ":", unwrap(a.Value)}
				r.note(i, nil, ArgUnbound)
			default:
				r.unbound[i] = []any{"-" + a.Name}
				r.note(i, nil, ArgUnbound)
			}
			continue
		}
		switch {
		case hasVal:
			named = append(named, namedArg{p, a.Name, a.Value, i, -1, ArgNameValue})
		case p.IsSwitch():
			named = append(named, namedArg{p, a.Name, true, i, -1, ArgName})
		default:
			val, ok := r.nextValue(i)
			if !ok {
				if err := r.fail(i, errMissingArgument(p)); err != nil {
					return nil, nil, err
				}
				named = append(named, namedArg{p, a.Name, nil, i, -1, ArgName})
				continue
			}
			named = append(named, namedArg{p, a.Name, val, i, i + 1, ArgName})
			i++
		}
	}
	return named, positional, nil
}

// nextValue is the value of the -Name at argument i when it is the next
// argument; ok is false when there is none (the end of the line, the
// -Name being typed at the cursor, or a following -Token that names a
// parameter of the command: pwsh's ReparseUnboundArguments takes a -Token
// as the value only when it names none).
func (r *lineRun) nextValue(i int) (any, bool) {
	if i+1 >= len(r.args) || i+1 == r.skip {
		return nil, false
	}
	nx := r.args[i+1]
	if !nx.IsParam {
		return nx.Value, true
	}
	if nx.HasValue || nx.Colon {
		return nil, false
	}
	if q, err := r.b.match(nx.Name); err != nil || q != nil {
		return nil, false
	}
	if nx.Text != "" {
		return nx.Text, true
	}
	return "-" + nx.Name, true
}

// bindNamed binds the named arguments, narrowing the parameter sets by
// each of the command's own parameters.
func (r *lineRun) bindNamed(named []namedArg) error {
	for _, n := range named {
		if n.p == nil {
			if err := r.fail(n.idx, errNamedNotFound(n.typed)); err != nil {
				return err
			}
			continue
		}
		// The arguments name the parameter even when binding it fails
		// below: a value given twice is still that parameter's value.
		r.note(n.idx, n.p, n.role)
		r.note(n.valIdx, n.p, ArgValue)
		if _, dup := r.params[n.p.Name]; dup {
			if err := r.fail(n.idx, errAlreadyBound(n.typed)); err != nil {
				return err
			}
			continue
		}
		if n.p.kind == kindDeclared {
			// A parameter of no set still possible: Partial keeps the sets
			// it had, so that the rest of the line still narrows them.
			if next := narrow(r.cands, n.p); len(next) > 0 {
				r.cands = next
			} else if err := r.fail(n.idx, errAmbiguousSet()); err != nil {
				return err
			}
		}
		v, err := r.value(n.p, n.val, r.valueExtent(n))
		if err != nil {
			return err
		}
		r.params[n.p.Name] = v
	}
	return nil
}
