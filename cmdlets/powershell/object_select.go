package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerSelectObject adds Select-Object (alias select).
func registerSelectObject(rt *engine.Runtime) {
	p := newSelectParams()
	rt.Register(&engine.Cmdlet{
		Name: "Select-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Selects objects or object properties.",
		Description: "The Select-Object cmdlet selects specified properties of an object or set of objects. It can also select unique " +
			"objects, a specified number of objects, or objects in a specified position in an array. With -Property it makes new objects " +
			"(of type Selected.<original type>) that have only the selected properties; calculated properties are hashtables with " +
			"Name (or Label) and Expression keys.",
		DefaultSet: "DefaultParameter",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Select properties", Code: "[pscustomobject]@{a=1;b=2;c=3} | Select-Object a, b"},
			{Title: "Select the first objects", Code: "1..10 | Select-Object -First 3"},
			{Title: "Add a calculated property", Code: "'abc' | Select-Object @{Name='Len'; Expression={$_.Length}}"},
			{Title: "Expand a property", Code: "[pscustomobject]@{List=1,2,3} | Select-Object -ExpandProperty List"},
		},
		Outputs: []string{"System.Management.Automation.PSObject"},
		New:     func() engine.Processor { return &selectObject{p: p} },
	})
	rt.SetAliases("Select-Object", "select")
}

// selectParams are Select-Object's parameters.
type selectParams struct {
	inputObject, property       engine.Param[any]
	excludeProperty             engine.Param[[]string]
	expandProperty              engine.Param[string]
	unique, caseInsensitive     engine.Param[bool]
	last, first, skip, skipLast engine.Param[int]
	wait                        engine.Param[bool]
	index, skipIndex            engine.Param[any]
}

func newSelectParams() *selectParams {
	dflt, skipLast, index, skipIndex := "DefaultParameter", "SkipLastParameter", "IndexParameter", "SkipIndexParameter"
	rng := &[2]float64{0, 2147483647}
	return &selectParams{
		inputObject: pipelineInput("Specifies objects to send to the cmdlet through the pipeline."),
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: []engine.ParamSet{{Name: dflt, Position: 0}, {Name: skipLast, Position: 0}},
			Help: "Specifies the properties to select: names, wildcards, or calculated properties."}),
		excludeProperty: engine.Declare[[]string](engine.NamedParamInSets("ExcludeProperty", "String[]", "Specifies the properties that this cmdlet excludes from the operation.", dflt, skipLast)),
		expandProperty:  engine.Declare[string](engine.NamedParamInSets("ExpandProperty", "String", "Specifies a property to select, and indicates that an attempt should be made to expand that property.", dflt, skipLast)),
		unique:          engine.Declare[bool](engine.NamedParam("Unique", "SwitchParameter", "Specifies that if a subset of the input objects has identical properties and values, only a single member of the subset is selected.")),
		caseInsensitive: engine.Declare[bool](engine.NamedParam("CaseInsensitive", "SwitchParameter", "By default, -Unique compares strings case-sensitively; this switch makes it case-insensitive.")),
		last:            engine.Declare[int](&engine.ParamInfo{Name: "Last", Type: "Int32", Sets: []engine.ParamSet{{Name: dflt, Position: -1}}, ValidateRange: rng, Help: "Specifies the number of objects to select from the end of an array of input objects."}),
		first:           engine.Declare[int](&engine.ParamInfo{Name: "First", Type: "Int32", Sets: []engine.ParamSet{{Name: dflt, Position: -1}}, ValidateRange: rng, Help: "Specifies the number of objects to select from the beginning of an array of input objects."}),
		skip:            engine.Declare[int](&engine.ParamInfo{Name: "Skip", Type: "Int32", Sets: []engine.ParamSet{{Name: dflt, Position: -1}}, ValidateRange: rng, Help: "Skips (doesn't select) the specified number of items."}),
		skipLast:        engine.Declare[int](&engine.ParamInfo{Name: "SkipLast", Type: "Int32", Sets: []engine.ParamSet{{Name: skipLast, Position: -1}}, ValidateRange: rng, Help: "Skips (doesn't select) the specified number of items from the end of a list or array."}),
		wait:            engine.Declare[bool](engine.NamedParamInSets("Wait", "SwitchParameter", "Indicates that the cmdlet turns off optimization (it reads every input object).", dflt, index)),
		index:           engine.Declare[any](&engine.ParamInfo{Name: "Index", Type: "Int32[]", Sets: []engine.ParamSet{{Name: index, Position: -1}}, Help: "Selects objects from an array based on their index values."}),
		skipIndex:       engine.Declare[any](&engine.ParamInfo{Name: "SkipIndex", Type: "Int32[]", Sets: []engine.ParamSet{{Name: skipIndex, Position: -1}}, Help: "Skips objects from an array based on their index values."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *selectParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.property.Info(), p.excludeProperty.Info(), p.expandProperty.Info(),
		p.unique.Info(), p.caseInsensitive.Info(), p.last.Info(), p.first.Info(), p.skip.Info(), p.skipLast.Info(),
		p.wait.Info(), p.index.Info(), p.skipIndex.Info()}
}

// selectObject is one Select-Object invocation.
type selectObject struct {
	p        *selectParams
	specs    []propSpec
	exclude  []string
	expand   string
	first    int // -1 when not given
	last     int
	skip     int
	skipLast int
	unique   bool
	ci       bool
	index    map[int]bool
	skipIdx  map[int]bool
	maxIdx   int

	n        int   // input objects seen
	written  int   // objects written after -Skip
	buffered []any // for -Last, -SkipLast, -Unique
	seen     []any // -Unique: kept objects
	stopped  bool
}

func (s *selectObject) Begin(c *engine.Call) error {
	p := s.p
	s.first, s.last = p.first.Or(c, -1), p.last.Or(c, -1)
	s.skip, s.skipLast = p.skip.Get(c), p.skipLast.Get(c)
	s.unique, s.ci = p.unique.Get(c), p.caseInsensitive.Get(c)
	s.expand = p.expandProperty.Get(c)
	s.exclude = p.excludeProperty.Get(c)
	if prop, ok := p.property.Lookup(c); ok {
		specs, err := parsePropSpecs(prop, false)
		if err != nil {
			return err
		}
		s.specs = specs
	} else if len(s.exclude) > 0 {
		s.specs = []propSpec{{name: "*", wildcard: true}}
	}
	s.maxIdx = -1
	if idx, ok := p.index.Lookup(c); ok {
		s.index = map[int]bool{}
		for _, v := range listOf(idx) {
			n, err := value.ConvertTo(v, value.TInt)
			if err == nil {
				s.index[int(n.(int32))] = true
				s.maxIdx = max(s.maxIdx, int(n.(int32)))
			}
		}
	}
	if idx, ok := p.skipIndex.Lookup(c); ok {
		s.skipIdx = map[int]bool{}
		for _, v := range listOf(idx) {
			n, err := value.ConvertTo(v, value.TInt)
			if err == nil {
				s.skipIdx[int(n.(int32))] = true
			}
		}
	}
	return nil
}

func (s *selectObject) Process(c *engine.Call) error {
	if s.stopped {
		return nil
	}
	in, ok := processInput(c, s.p.inputObject)
	if !ok {
		return nil
	}
	i := s.n
	s.n++
	if s.index != nil {
		if !s.index[i] {
			if i > s.maxIdx && !s.p.wait.Get(c) {
				s.stopped = true
				return engine.ErrStopUpstream
			}
			return nil
		}
	}
	if s.skipIdx != nil && s.skipIdx[i] {
		return nil
	}
	if i < s.skip {
		return nil
	}
	if s.last >= 0 || s.skipLast > 0 || (s.unique && s.first >= 0) {
		s.buffered = append(s.buffered, in)
		return nil
	}
	if s.first >= 0 && s.written >= s.first {
		s.stopped = true
		return engine.ErrStopUpstream
	}
	wrote, err := s.emit(c, in)
	if err != nil {
		return err
	}
	if wrote {
		s.written++
	}
	if s.first >= 0 && s.written >= s.first && !s.p.wait.Get(c) {
		s.stopped = true
		return engine.ErrStopUpstream
	}
	if s.index != nil && i >= s.maxIdx && !s.p.wait.Get(c) {
		s.stopped = true
		return engine.ErrStopUpstream
	}
	return nil
}

func (s *selectObject) End(c *engine.Call) error {
	items := s.buffered
	if s.buffered == nil {
		return nil
	}
	if s.skipLast > 0 {
		if s.skipLast >= len(items) {
			items = nil
		} else {
			items = items[:len(items)-s.skipLast]
		}
	}
	if s.unique && s.first >= 0 {
		// -First with -Unique counts unique objects.
		n := 0
		for _, it := range items {
			if s.first >= 0 && n >= s.first {
				break
			}
			wrote, err := s.emit(c, it)
			if err != nil {
				return err
			}
			if wrote {
				n++
			}
		}
		return nil
	}
	var picked []any
	if s.first >= 0 {
		picked = append(picked, items[:min(s.first, len(items))]...)
	}
	if s.last >= 0 {
		from := max(0, len(items)-s.last)
		if s.first >= 0 {
			from = max(from, min(s.first, len(items)))
		}
		picked = append(picked, items[from:]...)
	}
	if s.first < 0 && s.last < 0 {
		picked = items
	}
	for _, it := range picked {
		if _, err := s.emit(c, it); err != nil {
			return err
		}
	}
	return nil
}

// emit selects from one object and writes the result; wrote is false when
// -Unique dropped it.
func (s *selectObject) emit(c *engine.Call, in any) (bool, error) {
	var outs []any
	if s.expand != "" {
		v, ok := propOf(in, s.expand)
		if !ok || in == nil {
			return false, c.WriteError(engine.NewError("InvalidArgument", "ExpandPropertyNotFound", in,
				"Property \"%s\" cannot be found.", s.expand).WithException("System.Management.Automation.PSArgumentException"))
		}
		elems, isList := value.Enumerate(v)
		if !isList {
			elems = []any{v}
		}
		for _, e := range elems {
			if len(s.specs) > 0 {
				obj, err := s.selectProps(c, in)
				if err != nil {
					return false, err
				}
				e = withNotes(e, obj)
			}
			outs = append(outs, e)
		}
	} else if len(s.specs) > 0 {
		obj, err := s.selectProps(c, in)
		if err != nil {
			return false, err
		}
		outs = []any{obj}
	} else {
		outs = []any{in}
	}
	wrote := false
	for _, o := range outs {
		if s.unique {
			dup := false
			for _, k := range s.seen {
				if sameObject(k, o, !s.ci) {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			s.seen = append(s.seen, o)
		}
		wrote = true
		if err := c.WriteObject(o); err != nil {
			return wrote, err
		}
	}
	return wrote, nil
}

// selectProps makes the Selected.<type> object of one input.
func (s *selectObject) selectProps(c *engine.Call, in any) (*value.Object, error) {
	tn := typeNameOf(in)
	out := value.NewObject("Selected."+tn, "System.Management.Automation.PSCustomObject", "System.Object")
	excluded := func(n string) bool {
		for _, e := range s.exclude {
			if value.Like(n, e, false) {
				return true
			}
		}
		return false
	}
	for _, ps := range s.specs {
		if ps.wildcard {
			for _, n := range propertyNamesOf(in) {
				if value.Like(n, ps.name, false) && !excluded(n) && !out.Has(n) {
					v, _ := propOf(in, n)
					out.Set(n, v)
				}
			}
			continue
		}
		if !ps.calculated && excluded(ps.name) {
			continue
		}
		if s.expand != "" && !ps.calculated && strings.EqualFold(ps.name, s.expand) {
			continue
		}
		v, found, err := ps.eval(c, in)
		if err != nil {
			return nil, err
		}
		if !found {
			v = nil
		}
		name := ps.name
		if !ps.calculated {
			if o, ok := in.(*value.Object); ok {
				for _, p := range o.Properties() {
					if strings.EqualFold(p.Name, name) {
						name = p.Name
					}
				}
			}
		}
		if out.Has(name) {
			return nil, engine.NewError("InvalidOperation", "AlreadyExistingUserSpecifiedPropertyNoExpand", in,
				"The property cannot be processed because the property \"%s\" already exists.", name).
				WithException("System.Management.Automation.PSArgumentException")
		}
		out.Set(name, v)
	}
	return out, nil
}

// withNotes adds the selected properties of obj to e as note properties
// (Select-Object -Property … -ExpandProperty …).
func withNotes(e any, obj *value.Object) any {
	var target *value.Object
	if o, ok := e.(*value.Object); ok {
		target = o
	} else {
		target = value.NewObject(value.TypeOf(e).FullName, "System.Object")
		target.Base = e
	}
	for _, p := range obj.Properties() {
		if !target.Has(p.Name) {
			target.Set(p.Name, obj.PropertyValue(p))
		}
	}
	return target
}

// sameObject compares two objects for -Unique: PSCustomObjects by their
// property names and values, others as values.
func sameObject(a, b any, caseSensitive bool) bool {
	oa, aok := a.(*value.Object)
	ob, bok := b.(*value.Object)
	if aok && bok && oa.Base == nil && ob.Base == nil {
		pa, pb := oa.Properties(), ob.Properties()
		if len(pa) != len(pb) {
			return false
		}
		for i := range pa {
			if !strings.EqualFold(pa[i].Name, pb[i].Name) ||
				!keyEqual(oa.PropertyValue(pa[i]), ob.PropertyValue(pb[i]), caseSensitive) {
				return false
			}
		}
		return true
	}
	if aok != bok {
		return false
	}
	if sa, ok := a.(string); ok {
		if sb, ok := b.(string); ok {
			if caseSensitive {
				return sa == sb
			}
			return strings.EqualFold(sa, sb)
		}
	}
	return keyEqual(a, b, caseSensitive)
}
