package powershell

import (
	"sort"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerSortObject adds Sort-Object (alias sort).
func registerSortObject(rt *engine.Runtime) {
	p := newSortParams()
	rt.Register(&engine.Cmdlet{
		Name: "Sort-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Sorts objects by property values.",
		Description: "The Sort-Object cmdlet sorts objects in ascending or descending order based on object property values. " +
			"Without -Property it sorts by the objects themselves. Properties may be names, script blocks or hashtables with " +
			"Expression and Ascending/Descending keys. The sort is stable; $null sorts first in ascending order, numbers compare " +
			"numerically and strings case-insensitively unless -CaseSensitive.",
		DefaultSet: "Default",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Sort numbers", Code: "3, 1, 2 | Sort-Object"},
			{Title: "Sort by a property, descending", Code: "Get-Variable | Sort-Object Name -Descending"},
			{Title: "Sort by several keys", Code: "$list | Sort-Object @{Expression='Count'; Descending=$true}, Name"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New:     func() engine.Processor { return &sortObject{p: p} },
	})
	rt.SetAliases("Sort-Object", "sort")
}

// sortEntry is one input object and its sort keys.
type sortEntry struct {
	obj    any
	keys   []any
	exists []bool
}

// sortParams are Sort-Object's parameters.
type sortParams struct {
	stable, descending, unique engine.Param[bool]
	top, bottom                engine.Param[int]
	inputObject, property      engine.Param[any]
	culture                    engine.Param[string]
	caseSensitive              engine.Param[bool]
}

func newSortParams() *sortParams {
	return &sortParams{
		stable:     engine.Declare[bool](engine.NamedParamInSets("Stable", "SwitchParameter", "The sorted objects are delivered in the order they were received when the sort criteria are equal.", "Default")),
		descending: engine.Declare[bool](engine.NamedParam("Descending", "SwitchParameter", "Indicates that Sort-Object sorts the objects in descending order.")),
		unique:     engine.Declare[bool](engine.NamedParam("Unique", "SwitchParameter", "Indicates that Sort-Object eliminates duplicates and returns only the unique members of the collection.")),
		top: engine.Declare[int](&engine.ParamInfo{Name: "Top", Type: "Int32", Sets: []engine.ParamSet{{Name: "Top", Position: -1, Mandatory: true}}, ValidateRange: &[2]float64{1, 2147483647},
			Help: "Specifies the number of objects to get from the start of a sorted object array."}),
		bottom: engine.Declare[int](&engine.ParamInfo{Name: "Bottom", Type: "Int32", Sets: []engine.ParamSet{{Name: "Bottom", Position: -1, Mandatory: true}}, ValidateRange: &[2]float64{1, 2147483647},
			Help: "Specifies the number of objects to get from the end of a sorted object array."}),
		inputObject: pipelineInput("To sort objects, send them down the pipeline to Sort-Object."),
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}},
			Help: "Specifies the property names that Sort-Object uses to sort the objects."}),
		culture:       engine.Declare[string](engine.NamedParam("Culture", "String", "Specifies the cultural configuration to use for sorts.")),
		caseSensitive: engine.Declare[bool](engine.NamedParam("CaseSensitive", "SwitchParameter", "Indicates that the sort is case-sensitive.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *sortParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.stable.Info(), p.descending.Info(), p.unique.Info(), p.top.Info(), p.bottom.Info(),
		p.inputObject.Info(), p.property.Info(), p.culture.Info(), p.caseSensitive.Info()}
}

// sortObject is one Sort-Object invocation.
type sortObject struct {
	p       *sortParams
	specs   []propSpec
	entries []sortEntry
}

func (s *sortObject) Begin(c *engine.Call) error {
	specs, err := propertySpecs(c, s.p.property, true)
	if err != nil {
		return err
	}
	s.specs = specs
	return nil
}

func (s *sortObject) Process(c *engine.Call) error {
	in, ok := processInput(c, s.p.inputObject)
	if !ok {
		return nil
	}
	e, err := sortKeys(c, s.specs, in)
	if err != nil {
		return err
	}
	s.entries = append(s.entries, e)
	return nil
}

// sortKeys computes an object's keys (the object itself without specs).
func sortKeys(c *engine.Call, specs []propSpec, in any) (sortEntry, error) {
	e := sortEntry{obj: in}
	if len(specs) == 0 {
		e.keys, e.exists = []any{in}, []bool{true}
		return e, nil
	}
	for _, ps := range specs {
		if ps.wildcard {
			for _, n := range propertyNamesOf(in) {
				if value.Like(n, ps.name, false) {
					v, _ := propOf(in, n)
					e.keys = append(e.keys, v)
					e.exists = append(e.exists, true)
				}
			}
			continue
		}
		v, found, err := ps.eval(c, in)
		if err != nil {
			return e, err
		}
		e.keys = append(e.keys, v)
		e.exists = append(e.exists, found)
	}
	return e, nil
}

// compareEntries orders two entries; desc tells each key's direction.
func compareEntries(a, b sortEntry, desc []bool, caseSensitive bool) int {
	for i := 0; i < len(a.keys) && i < len(b.keys); i++ {
		d := false
		if i < len(desc) {
			d = desc[i]
		} else if len(desc) > 0 {
			d = desc[len(desc)-1]
		}
		var r int
		switch {
		case a.exists[i] && !b.exists[i]:
			r = -1
		case !a.exists[i] && b.exists[i]:
			r = 1
		default:
			r, _ = value.CompareValues(a.keys[i], b.keys[i], caseSensitive)
		}
		if r != 0 {
			if d {
				return -r
			}
			return r
		}
	}
	return 0
}

func (s *sortObject) End(c *engine.Call) error {
	globalDesc := s.p.descending.Get(c)
	var desc []bool
	if len(s.specs) == 0 {
		desc = []bool{globalDesc}
	}
	for _, ps := range s.specs {
		d := globalDesc
		if ps.descending != nil {
			d = *ps.descending
		}
		desc = append(desc, d)
	}
	cs := s.p.caseSensitive.Get(c)
	items := s.entries
	sort.SliceStable(items, func(i, j int) bool { return compareEntries(items[i], items[j], desc, cs) < 0 })
	if s.p.unique.Get(c) {
		var out []sortEntry
		for _, e := range items {
			if len(out) > 0 && compareEntries(out[len(out)-1], e, desc, cs) == 0 {
				continue
			}
			out = append(out, e)
		}
		items = out
	}
	if top, ok := s.p.top.Lookup(c); ok {
		items = items[:min(len(items), top)]
	}
	if bottom, ok := s.p.bottom.Lookup(c); ok {
		items = items[max(0, len(items)-bottom):]
	}
	for _, e := range items {
		if err := c.WriteObject(e.obj); err != nil {
			return err
		}
	}
	return nil
}
