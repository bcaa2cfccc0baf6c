package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerCompareObject adds Compare-Object (aliases compare, diff) and
// Tee-Object's sibling helpers.
func registerCompareObject(rt *engine.Runtime) {
	p := newCompareParams()
	rt.Register(&engine.Cmdlet{
		Name: "Compare-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Compares two sets of objects.",
		Description: "The Compare-Object cmdlet compares two sets of objects: the reference set and the difference set. The result " +
			"shows the objects that are only in the difference set (SideIndicator =>), then those only in the reference set (<=); " +
			"with -IncludeEqual, the objects in both (==).",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "Compare two lists", Code: "Compare-Object -ReferenceObject a, b, c -DifferenceObject b, c, d"},
			{Title: "Show equal items too", Code: "Compare-Object 1, 2 2, 3 -IncludeEqual"},
		},
		Outputs: []string{"System.Management.Automation.PSCustomObject"},
		New:     func() engine.Processor { return &compareObject{p: p} },
	})
	rt.SetAliases("Compare-Object", "compare", "diff")
}

// compareParams are Compare-Object's parameters.
type compareParams struct {
	referenceObject, differenceObject engine.Param[any]
	syncWindow                        engine.Param[int]
	property                          engine.Param[any]
	excludeDifferent, includeEqual    engine.Param[bool]
	passThru                          engine.Param[bool]
	culture                           engine.Param[string]
	caseSensitive                     engine.Param[bool]
}

func newCompareParams() *compareParams {
	return &compareParams{
		referenceObject: engine.Declare[any](&engine.ParamInfo{Name: "ReferenceObject", Type: "PSObject[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}}, AllowEmptyCollection: true,
			Help: "Specifies an array of objects used as a reference for comparison."}),
		differenceObject: engine.Declare[any](&engine.ParamInfo{Name: "DifferenceObject", Type: "PSObject[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipeline: true}}, AllowEmptyCollection: true,
			Help: "Specifies the objects that are compared to the reference objects."}),
		syncWindow:       engine.Declare[int](engine.NamedParam("SyncWindow", "Int32", "Specifies how far around each object to look for a match.")),
		property:         engine.Declare[any](engine.NamedParam("Property", "Object[]", "Specifies an array of properties of the reference and difference objects to compare.")),
		excludeDifferent: engine.Declare[bool](engine.NamedParam("ExcludeDifferent", "SwitchParameter", "Indicates that this cmdlet displays only the characteristics of compared objects that are equal.")),
		includeEqual:     engine.Declare[bool](engine.NamedParam("IncludeEqual", "SwitchParameter", "Indicates that this cmdlet displays characteristics of compared objects that are equal.")),
		passThru:         engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns the compared objects themselves, each with a SideIndicator note property.")),
		culture:          engine.Declare[string](engine.NamedParam("Culture", "String", "Specifies the culture to use for comparisons.")),
		caseSensitive:    engine.Declare[bool](engine.NamedParam("CaseSensitive", "SwitchParameter", "Indicates that comparisons should be case-sensitive.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *compareParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.referenceObject.Info(), p.differenceObject.Info(), p.syncWindow.Info(), p.property.Info(),
		p.excludeDifferent.Info(), p.includeEqual.Info(), p.passThru.Info(), p.culture.Info(), p.caseSensitive.Info()}
}

// compareObject is one Compare-Object invocation.
type compareObject struct {
	p     *compareParams
	specs []propSpec
	diff  []any
}

func (co *compareObject) Begin(c *engine.Call) error {
	specs, err := propertySpecs(c, co.p.property, false)
	if err != nil {
		return err
	}
	co.specs = specs
	return nil
}

func (co *compareObject) Process(c *engine.Call) error {
	if c.HasInput {
		co.diff = append(co.diff, c.Input)
		return nil
	}
	co.diff = append(co.diff, listOf(co.p.differenceObject.Get(c))...)
	return nil
}

// keysOf computes the compared values of an object.
func (co *compareObject) keysOf(c *engine.Call, v any) ([]any, error) {
	if len(co.specs) == 0 {
		return []any{v}, nil
	}
	var out []any
	for _, ps := range co.specs {
		r, _, err := ps.eval(c, v)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func (co *compareObject) End(c *engine.Call) error {
	cs := co.p.caseSensitive.Get(c)
	ref := listOf(co.p.referenceObject.Get(c))
	if co.p.referenceObject.Get(c) == nil {
		ref = nil
	}
	refKeys := make([][]any, len(ref))
	for i, r := range ref {
		k, err := co.keysOf(c, r)
		if err != nil {
			return err
		}
		refKeys[i] = k
	}
	used := make([]bool, len(ref))
	type result struct {
		obj  any
		keys []any
		side string
	}
	var equal, onlyDiff []result
	for _, d := range co.diff {
		dk, err := co.keysOf(c, d)
		if err != nil {
			return err
		}
		match := -1
		for i := range ref {
			if !used[i] && isEqualKeys(refKeys[i], dk, cs) {
				match = i
				break
			}
		}
		if match >= 0 {
			used[match] = true
			equal = append(equal, result{ref[match], refKeys[match], "=="})
		} else {
			onlyDiff = append(onlyDiff, result{d, dk, "=>"})
		}
	}
	var out []result
	if co.p.includeEqual.Get(c) || co.p.excludeDifferent.Get(c) {
		out = append(out, equal...)
	}
	if !co.p.excludeDifferent.Get(c) {
		out = append(out, onlyDiff...)
		for i, r := range ref {
			if !used[i] {
				out = append(out, result{r, refKeys[i], "<="})
			}
		}
	}
	if co.p.excludeDifferent.Get(c) && !co.p.includeEqual.Get(c) {
		// pwsh shows the equal objects only with -IncludeEqual or -ExcludeDifferent.
	}
	for _, r := range out {
		var o any
		switch {
		case co.p.passThru.Get(c):
			o = withNotes(r.obj, sideObject(nil, nil, r.side))
		default:
			o = sideObject(co.specs, r.keys, r.side)
			if len(co.specs) == 0 {
				o = sideObject(nil, []any{r.obj}, r.side)
			}
		}
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// sideObject makes a Compare-Object result: the compared properties (or
// InputObject) and SideIndicator.
func sideObject(specs []propSpec, keys []any, side string) *value.Object {
	o := value.NewObject()
	if specs == nil && keys != nil {
		o.Set("InputObject", keys[0])
	}
	for i, ps := range specs {
		o.Set(ps.name, keys[i])
	}
	o.Set("SideIndicator", side)
	return o
}
