package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerObjectCmdlets adds the object-pipeline cmdlets: ForEach-Object,
// Where-Object, Select-Object, Sort-Object, Measure-Object, Group-Object,
// Compare-Object, Tee-Object, New-Object, Add-Member, Get-Member and
// Get-Unique, with their aliases and default views.
func registerObjectCmdlets(rt *engine.Runtime) {
	registerForEachObject(rt)
	registerWhereObject(rt)
	registerSelectObject(rt)
	registerSortObject(rt)
	registerMeasureObject(rt)
	registerGroupObject(rt)
	registerCompareObject(rt)
	registerTeeObject(rt)
	registerNewObject(rt)
	registerAddMember(rt)
	registerGetMember(rt)
	registerGetUnique(rt)
}

// pipelineInput declares the usual -InputObject parameter bound from the
// pipeline.
func pipelineInput(help string) engine.Param[any] {
	return engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject",
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true}}, Help: help})
}

// processInput is the object one Process call works on: the pipeline
// input, else the bound -InputObject (see pipelineInput); ok is false when
// there is neither.
func processInput(c *engine.Call, input engine.Param[any]) (in any, ok bool) {
	if c.HasInput {
		return c.Input, true
	}
	return input.Lookup(c)
}

// propOf reads a property of any value (PSCustomObject properties,
// hashtable keys, .NET-like members the value package knows, and the
// engine's error records).
func propOf(v any, name string) (any, bool) {
	if rec, ok := v.(*engine.ErrorRecord); ok {
		switch strings.ToLower(name) {
		case "targetobject":
			return rec.TargetObject, true
		case "fullyqualifiederrorid":
			return rec.FullyQualifiedErrorID(), true
		case "message":
			return rec.Message, true
		}
		return nil, false
	}
	return value.GetMember(v, name)
}

// propertyNamesOf lists the properties of a value for wildcard expansion.
func propertyNamesOf(v any) []string {
	switch x := v.(type) {
	case *value.Object:
		if len(x.Properties()) == 0 && x.Base != nil {
			return propertyNamesOf(x.Base)
		}
		return x.PropertyNames()
	case *value.Hashtable:
		return []string{"IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count"}
	case string:
		return []string{"Length"}
	case []any:
		return []string{"Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize", "IsSynchronized", "Count"}
	case value.Native:
		return x.Properties()
	}
	return nil
}

// typeNameOf is the most derived type name of a value as pwsh shows it in
// Get-Member and Selected.<type> names.
func typeNameOf(v any) string {
	switch x := v.(type) {
	case *value.Object:
		if x.Base != nil && len(x.TypeNames) == 0 {
			return typeNameOf(x.Base)
		}
		return x.TypeName()
	case *engine.ErrorRecord:
		return "System.Management.Automation.ErrorRecord"
	case *engine.ScriptBlock:
		return "System.Management.Automation.ScriptBlock"
	case value.ScriptBlockValue:
		return "System.Management.Automation.ScriptBlock"
	}
	return value.TypeOf(v).FullName
}

// blockOf returns v as a script block, if it is one.
func blockOf(v any) (*engine.ScriptBlock, bool) {
	if o, ok := v.(*value.Object); ok && o.Base != nil {
		v = o.Base
	}
	sb, ok := v.(*engine.ScriptBlock)
	return sb, ok && sb != nil
}

// propSpec is one entry of a -Property argument: a name (maybe with
// wildcards), a script block, or a calculated property hashtable.
type propSpec struct {
	name       string              // name or label
	expr       *engine.ScriptBlock // expression block, when any
	exprName   string              // Expression = 'PropName'
	wildcard   bool                // name has wildcards
	calculated bool                // came from a hashtable or a block
	descending *bool               // Sort-Object's Descending/Ascending keys
}

// propertySpecs reads the call's -Property with parsePropSpecs; nil when
// it is not given.
func propertySpecs(c *engine.Call, property engine.Param[any], sortKeys bool) ([]propSpec, error) {
	v, ok := property.Lookup(c)
	if !ok {
		return nil, nil
	}
	return parsePropSpecs(v, sortKeys)
}

// parsePropSpecs reads a -Property argument. allowed lists the hashtable
// keys the cmdlet accepts (beyond Name/Label/Expression).
func parsePropSpecs(v any, sortKeys bool) ([]propSpec, error) {
	items, ok := value.Enumerate(v)
	if !ok {
		items = []any{v}
	}
	var out []propSpec
	for _, it := range items {
		if sb, ok := blockOf(it); ok {
			out = append(out, propSpec{name: sb.ScriptText(), expr: sb, calculated: true})
			continue
		}
		if h, ok := it.(*value.Hashtable); ok {
			ps, err := parseCalculated(h, sortKeys)
			if err != nil {
				return nil, err
			}
			out = append(out, ps)
			continue
		}
		if it == nil {
			continue
		}
		n := value.ToString(it)
		out = append(out, propSpec{name: n, wildcard: value.HasWildcard(n)})
	}
	return out, nil
}

// parseCalculated reads @{Name=…; Expression=…} (keys may be abbreviated
// as pwsh allows: N, L, E, and for sorting Ascending/Descending).
func parseCalculated(h *value.Hashtable, sortKeys bool) (propSpec, error) {
	var ps propSpec
	ps.calculated = true
	hasName := false
	for i, k := range h.Keys() {
		key := strings.ToLower(value.ToString(k))
		val := h.Values()[i]
		switch {
		case key != "" && (strings.HasPrefix("name", key) || strings.HasPrefix("label", key)):
			if hasName {
				return ps, engine.NewError("InvalidArgument", "DictionaryKeyDuplicate", nil,
					"The \"%s\" key has a duplicate.", value.ToString(k))
			}
			hasName = true
			ps.name = value.ToString(val)
		case key != "" && strings.HasPrefix("expression", key):
			if sb, ok := blockOf(val); ok {
				ps.expr = sb
				if !hasName {
					ps.name = sb.ScriptText()
				}
			} else {
				ps.exprName = value.ToString(val)
				if !hasName {
					ps.name = ps.exprName
				}
			}
		case sortKeys && key != "" && strings.HasPrefix("descending", key):
			b := value.ToBool(val)
			ps.descending = &b
		case sortKeys && key != "" && strings.HasPrefix("ascending", key):
			b := !value.ToBool(val)
			ps.descending = &b
		default:
			return ps, engine.NewError("InvalidArgument", "DictionaryKeyIllegal", nil,
				"The %s key is not valid.", value.ToString(k)).WithException("System.NotSupportedException")
		}
	}
	if ps.expr == nil && ps.exprName == "" {
		return ps, engine.NewError("InvalidArgument", "DictionaryKeyMandatoryEntry", nil,
			"Missing the mandatory Expression key.").WithException("System.NotSupportedException")
	}
	if !hasName && ps.expr != nil {
		ps.name = ps.expr.ScriptText()
	}
	return ps, nil
}

// eval computes a spec's value for one object; found is false when a
// plain property is missing.
func (ps propSpec) eval(c *engine.Call, v any) (any, bool, error) {
	if ps.expr != nil {
		r, err := c.InvokeBlockValue(ps.expr, v)
		return r, true, err
	}
	name := ps.name
	if ps.exprName != "" {
		name = ps.exprName
	}
	r, ok := propOf(v, name)
	return r, ok, nil
}

// isEqualKeys compares two key lists for grouping and uniqueness.
func isEqualKeys(a, b []any, caseSensitive bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !keyEqual(a[i], b[i], caseSensitive) {
			return false
		}
	}
	return true
}

// keyEqual compares two values as the object commands do: by CompareValues
// ordering (so 1 and "1" are equal, like pwsh's ObjectCommandComparer).
func keyEqual(a, b any, caseSensitive bool) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	c, err := value.CompareValues(a, b, caseSensitive)
	if err != nil {
		return value.Equal(a, b, caseSensitive)
	}
	return c == 0
}
