package powershell

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerCompareObject adds Compare-Object (aliases compare, diff) and
// Tee-Object's sibling helpers.
func registerCompareObject(rt *engine.Runtime) {
	rt.Register(&engine.Cmdlet{
		Name: "Compare-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Compares two sets of objects.",
		Description: "The Compare-Object cmdlet compares two sets of objects: the reference set and the difference set. The result " +
			"shows the objects that are only in the difference set (SideIndicator =>), then those only in the reference set (<=); " +
			"with -IncludeEqual, the objects in both (==).",
		Params: []*engine.ParamInfo{
			{Name: "ReferenceObject", Type: "PSObject[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true}}, AllowEmptyCollection: true,
				Help: "Specifies an array of objects used as a reference for comparison."},
			{Name: "DifferenceObject", Type: "PSObject[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipeline: true}}, AllowEmptyCollection: true,
				Help: "Specifies the objects that are compared to the reference objects."},
			engine.NamedParam("SyncWindow", "Int32", "Specifies how far around each object to look for a match."),
			engine.NamedParam("Property", "Object[]", "Specifies an array of properties of the reference and difference objects to compare."),
			engine.NamedParam("ExcludeDifferent", "SwitchParameter", "Indicates that this cmdlet displays only the characteristics of compared objects that are equal."),
			engine.NamedParam("IncludeEqual", "SwitchParameter", "Indicates that this cmdlet displays characteristics of compared objects that are equal."),
			engine.NamedParam("PassThru", "SwitchParameter", "Returns the compared objects themselves, each with a SideIndicator note property."),
			engine.NamedParam("Culture", "String", "Specifies the culture to use for comparisons."),
			engine.NamedParam("CaseSensitive", "SwitchParameter", "Indicates that comparisons should be case-sensitive."),
		},
		Examples: []engine.Example{
			{Title: "Compare two lists", Code: "Compare-Object -ReferenceObject a, b, c -DifferenceObject b, c, d"},
			{Title: "Show equal items too", Code: "Compare-Object 1, 2 2, 3 -IncludeEqual"},
		},
		Outputs: []string{"System.Management.Automation.PSCustomObject"},
		New:     func() engine.Processor { return &compareObject{} },
	})
	rt.SetAliases("Compare-Object", "compare", "diff")
}

// compareObject is one Compare-Object invocation.
type compareObject struct {
	specs []propSpec
	diff  []any
}

func (co *compareObject) Begin(c *engine.Call) error {
	specs, err := propertySpecs(c, false)
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
	co.diff = append(co.diff, listOf(c.Get("DifferenceObject"))...)
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
	cs := c.Switch("CaseSensitive")
	ref := listOf(c.Get("ReferenceObject"))
	if c.Get("ReferenceObject") == nil {
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
	if c.Switch("IncludeEqual") || c.Switch("ExcludeDifferent") {
		out = append(out, equal...)
	}
	if !c.Switch("ExcludeDifferent") {
		out = append(out, onlyDiff...)
		for i, r := range ref {
			if !used[i] {
				out = append(out, result{r, refKeys[i], "<="})
			}
		}
	}
	if c.Switch("ExcludeDifferent") && !c.Switch("IncludeEqual") {
		// pwsh shows the equal objects only with -IncludeEqual or -ExcludeDifferent.
	}
	for _, r := range out {
		var o any
		switch {
		case c.Switch("PassThru"):
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
