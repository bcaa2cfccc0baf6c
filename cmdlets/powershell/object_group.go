package powershell

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// Type names of Group-Object's results.
const (
	groupInfoType          = "Microsoft.PowerShell.Commands.GroupInfo"
	groupInfoNoElementType = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
)

// registerGroupObject adds Group-Object (alias group) and the GroupInfo view.
func registerGroupObject(rt *engine.Runtime) {
	p := newGroupParams()
	rt.Register(&engine.Cmdlet{
		Name: "Group-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Groups objects that contain the same value for specified properties.",
		Description: "The Group-Object cmdlet displays objects in groups based on the value of a specified property. It returns a " +
			"table with one row for each property value and a column that displays the number of items with that value. When every " +
			"key has the same type the groups are sorted by their key; otherwise they come in the order of first appearance.",
		DefaultSet: "Default",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Group numbers", Code: "1, 2, 1, 3 | Group-Object"},
			{Title: "Group by a property into a hashtable", Code: "$items | Group-Object -Property Kind -AsHashTable -AsString"},
		},
		Outputs: []string{groupInfoType, "System.Collections.Hashtable"},
		New:     func() engine.Processor { return &groupObject{p: p} },
	})
	rt.SetAliases("Group-Object", "group")
	rt.Formats.Register(format.View{TypeName: groupInfoType, Kind: format.TableView, Columns: []format.Column{
		{Property: "Count", Width: 5, Align: format.AlignRight},
		{Property: "Name", Width: 25, Align: format.AlignLeft},
		{Property: "Group", Align: format.AlignLeft},
	}})
	rt.Formats.Register(format.View{TypeName: groupInfoNoElementType, Kind: format.TableView, Columns: []format.Column{
		{Property: "Count", Width: 5, Align: format.AlignRight},
		{Property: "Name", Align: format.AlignLeft},
	}})
}

// groupParams are Group-Object's parameters.
type groupParams struct {
	noElement, asHashTable, asString engine.Param[bool]
	inputObject, property            engine.Param[any]
	culture                          engine.Param[string]
	caseSensitive                    engine.Param[bool]
}

func newGroupParams() *groupParams {
	return &groupParams{
		noElement: engine.Declare[bool](engine.NamedParam("NoElement", "SwitchParameter", "Indicates that this cmdlet omits the members of a group from the results.")),
		asHashTable: engine.Declare[bool](&engine.ParamInfo{Name: "AsHashTable", Type: "SwitchParameter", Aliases: []string{"AHT"}, Sets: []engine.ParamSet{{Name: "HashTable", Position: -1}},
			Help: "Indicates that this cmdlet returns the group as a hash table."}),
		asString:    engine.Declare[bool](engine.NamedParamInSets("AsString", "SwitchParameter", "Indicates that this cmdlet converts all the keys in the hash table to strings.", "HashTable")),
		inputObject: pipelineInput("Specifies the objects to group."),
		property: engine.Declare[any](&engine.ParamInfo{Name: "Property", Type: "Object[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}},
			Help: "Specifies the properties for grouping."}),
		culture:       engine.Declare[string](engine.NamedParam("Culture", "String", "Specifies the culture to use when comparing strings.")),
		caseSensitive: engine.Declare[bool](engine.NamedParam("CaseSensitive", "SwitchParameter", "Indicates that this cmdlet makes the grouping case-sensitive.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *groupParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.noElement.Info(), p.asHashTable.Info(), p.asString.Info(), p.inputObject.Info(),
		p.property.Info(), p.culture.Info(), p.caseSensitive.Info()}
}

// groupObject is one Group-Object invocation.
type groupObject struct {
	p       *groupParams
	specs   []propSpec
	entries []sortEntry
	types   []string
	mixed   bool
}

func (g *groupObject) Begin(c *engine.Call) error {
	if g.p.asString.Get(c) && !g.p.asHashTable.Get(c) {
		return engine.NewError("InvalidArgument", "ArgumentException", nil,
			"The AsString parameter cannot be used without the AsHashTable parameter.").WithException("System.ArgumentException")
	}
	specs, err := propertySpecs(c, g.p.property, false)
	if err != nil {
		return err
	}
	g.specs = specs
	if g.p.asHashTable.Get(c) && !g.p.asString.Get(c) && len(specs) > 1 {
		return engine.NewError("InvalidArgument", "ArgumentException", nil,
			"The AsHashTable parameter is only valid when grouping by a single property. Use the AsString parameter to group by multiple properties.").
			WithException("System.ArgumentException")
	}
	return nil
}

func (g *groupObject) Process(c *engine.Call) error {
	in, ok := processInput(c, g.p.inputObject)
	if !ok {
		return nil
	}
	if in == nil {
		return nil
	}
	e, err := sortKeys(c, g.specs, in)
	if err != nil {
		return err
	}
	for i := range e.keys {
		if !e.exists[i] {
			e.keys[i] = nil
		}
	}
	g.entries = append(g.entries, e)
	if !g.mixed {
		for i, k := range e.keys {
			if k == nil {
				continue
			}
			tn := value.TypeOf(k).FullName
			if i >= len(g.types) {
				g.types = append(g.types, tn)
			} else if g.types[i] == "" {
				g.types[i] = tn
			} else if g.types[i] != tn {
				g.mixed = true
			}
		}
	}
	return nil
}

// groupEntry is one group being built.
type groupEntry struct {
	keys  []any
	items []any
}

func (g *groupObject) End(c *engine.Call) error {
	cs := g.p.caseSensitive.Get(c)
	var groups []*groupEntry
	entries := g.entries
	eq := func(a, b []any) bool {
		for i := range a {
			if i >= len(b) {
				return false
			}
			if r, _ := value.CompareValues(a[i], b[i], cs); r != 0 {
				return false
			}
		}
		return len(a) == len(b)
	}
	if !g.mixed {
		asc := make([]bool, 0)
		sort.SliceStable(entries, func(i, j int) bool { return compareEntries(entries[i], entries[j], asc, cs) < 0 })
		for _, e := range entries {
			if n := len(groups); n > 0 && eq(groups[n-1].keys, e.keys) {
				groups[n-1].items = append(groups[n-1].items, e.obj)
				continue
			}
			groups = append(groups, &groupEntry{keys: e.keys, items: []any{e.obj}})
		}
	} else {
		for _, e := range entries {
			found := false
			for _, gr := range groups {
				if eq(gr.keys, e.keys) {
					gr.items = append(gr.items, e.obj)
					found = true
					break
				}
			}
			if !found {
				groups = append(groups, &groupEntry{keys: e.keys, items: []any{e.obj}})
			}
		}
	}
	if len(groups) == 0 {
		return nil
	}
	name := func(gr *groupEntry) string {
		parts := make([]string, len(gr.keys))
		for i, k := range gr.keys {
			parts[i] = value.ToString(k)
		}
		return strings.Join(parts, ", ")
	}
	if g.p.asHashTable.Get(c) {
		h := value.NewHashtable()
		for _, gr := range groups {
			var key any = name(gr)
			if !g.p.asString.Get(c) && len(gr.keys) > 0 {
				key = gr.keys[0]
			}
			h.Set(key, gr.items)
		}
		return c.WriteObject(h)
	}
	noElem := g.p.noElement.Get(c)
	for _, gr := range groups {
		tn := groupInfoType
		if noElem {
			tn = groupInfoNoElementType
		}
		o := value.NewObject(tn, groupInfoType, "System.Object")
		if noElem {
			o.TypeNames = []string{groupInfoNoElementType, groupInfoType, "System.Object"}
		}
		o.Set("Name", name(gr))
		o.Set("Count", int32(len(gr.items)))
		if noElem {
			o.Set("Group", nil)
		} else {
			o.Set("Group", gr.items)
		}
		o.Set("Values", append([]any{}, gr.keys...))
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}
