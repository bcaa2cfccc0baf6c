package binding

import "github.com/csshell/csshell/engine/value"

// Bind binds a command line as pwsh does: named arguments first (checking
// parameter sets as it goes), then positional ones in position order
// within the sets still possible, then picks the parameter set and checks
// mandatory parameters (prompting when Options.Prompt is set).
func Bind(m *Meta, args []Arg, opt Options) (*Binding, error) {
	return Prepare(m).Bind(args, opt)
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

// argText is how an argument is named in messages: its source text, else
// its value as a string.
func argText(a Arg) string {
	if a.Text != "" {
		return a.Text
	}
	return value.ToString(a.Value)
}

// argValueText is how pwsh names a positional argument no parameter
// takes: its value's .NET ToString() ('zzz' for $v = 'zzz', not '$v').
func argValueText(a Arg) string {
	if !a.HasValue {
		return argText(a)
	}
	switch v := unwrap(a.Value).(type) {
	case []any:
		return "System.Object[]"
	case nil:
		return ""
	default:
		return value.ToString(v)
	}
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
	if opt.PromptStart != nil {
		infos := make([]*ParamInfo, len(missing))
		for i, p := range missing {
			infos[i] = p.ParamInfo
		}
		opt.PromptStart(infos)
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
