package powershell

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// memberDefType is the type name of Get-Member's output.
const memberDefType = "Microsoft.PowerShell.Commands.MemberDefinition"

// registerGetMember adds Get-Member (alias gm) and its grouped table view.
func registerGetMember(rt *engine.Runtime) {
	p := newGetMemberParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Member", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Gets the properties and methods of objects.",
		Description: "The Get-Member cmdlet gets the members, the properties and methods, of objects. Piped collections are " +
			"examined element by element, and each distinct type is listed once. csshell knows the members of its own value " +
			"types (custom objects, strings, numbers, dates, hashtables, arrays); .NET methods beyond those are not listed.",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "Get the members of a custom object", Code: "[pscustomobject]@{a=1} | Get-Member"},
			{Title: "Get the properties only", Code: "'abc' | Get-Member -MemberType Property"},
		},
		Outputs: []string{memberDefType},
		New:     func() engine.Processor { return &getMember{p: p, seen: map[string]bool{}} },
	})
	rt.SetAliases("Get-Member", "gm")
	rt.Formats.Register(format.View{TypeName: memberDefType, Kind: format.TableView, GroupBy: "TypeName", GroupLabel: "TypeName",
		Columns: []format.Column{{Property: "Name", Align: format.AlignLeft}, {Property: "MemberType", Align: format.AlignLeft}, {Property: "Definition", Align: format.AlignLeft}}})
}

// getMemberParams are Get-Member's parameters.
type getMemberParams struct {
	inputObject      engine.Param[any]
	name, memberType engine.Param[[]string]
	view             engine.Param[string]
	static, force    engine.Param[bool]
}

func newGetMemberParams() *getMemberParams {
	return &getMemberParams{
		inputObject: pipelineInput("Specifies the object whose members are retrieved."),
		name:        engine.Declare[[]string](&engine.ParamInfo{Name: "Name", Type: "String[]", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}, Help: "Specifies the names of one or more properties or methods of the object (wildcards allowed)."}),
		memberType: engine.Declare[[]string](&engine.ParamInfo{Name: "MemberType", Type: "String[]", Aliases: []string{"Type"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
			ValidateSet: memberTypes, Help: "Specifies the member type that this cmdlet gets."}),
		view:   engine.Declare[string](engine.NamedParam("View", "String", "Specifies the type of members that this cmdlet gets.")),
		static: engine.Declare[bool](engine.NamedParam("Static", "SwitchParameter", "Indicates that this cmdlet gets only the static properties and methods of the object.")),
		force:  engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Adds the intrinsic members and the compiler-generated get_ and set_ methods to the display.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *getMemberParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.name.Info(), p.memberType.Info(), p.view.Info(), p.static.Info(), p.force.Info()}
}

// getMember is one Get-Member invocation.
type getMember struct {
	p     *getMemberParams
	seen  map[string]bool
	count int
}

func (g *getMember) Begin(c *engine.Call) error { return nil }

func (g *getMember) Process(c *engine.Call) error {
	in, ok := processInput(c, g.p.inputObject)
	if !ok {
		return nil
	}
	if in == nil {
		return nil
	}
	g.count++
	tn := typeNameOf(in)
	key := tn
	if o, ok := in.(*value.Object); ok {
		key = tn + "|" + strings.Join(o.PropertyNames(), "|")
	}
	if g.seen[key] {
		return nil
	}
	g.seen[key] = true
	members := membersOf(in)
	names := g.p.name.Get(c)
	kinds := g.p.memberType.Get(c)
	sort.SliceStable(members, func(i, j int) bool {
		if members[i].kind != members[j].kind {
			return members[i].kind < members[j].kind
		}
		return strings.ToLower(members[i].name) < strings.ToLower(members[j].name)
	})
	for _, m := range members {
		if len(names) > 0 && !value.LikeAny(m.name, names) {
			continue
		}
		if len(kinds) > 0 && !kindMatches(m.kind, kinds) {
			continue
		}
		o := value.NewObject(memberDefType, "System.Object")
		o.Set("TypeName", tn)
		o.Set("Name", m.name)
		o.Set("MemberType", m.kind)
		o.Set("Definition", m.def)
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

func (g *getMember) End(c *engine.Call) error {
	if g.count == 0 {
		return c.WriteError(engine.NewError("CloseError", "NoObjectInGetMember", nil,
			"You must specify an object for the Get-Member cmdlet.").WithException("System.InvalidOperationException"))
	}
	return nil
}

// kindMatches applies -MemberType (with the Properties/Methods/All groups).
func kindMatches(kind string, kinds []string) bool {
	for _, k := range kinds {
		switch strings.ToLower(k) {
		case "all":
			return true
		case "properties":
			if strings.HasSuffix(kind, "Property") && kind != "ParameterizedProperty" {
				return true
			}
		case "methods":
			if strings.HasSuffix(kind, "Method") {
				return true
			}
		default:
			if strings.EqualFold(k, kind) {
				return true
			}
		}
	}
	return false
}

// memberInfo is one member row.
type memberInfo struct{ name, kind, def string }

// shortType is the type name pwsh shows in member definitions.
func shortType(v any) string {
	switch o := v.(type) {
	case nil:
		return "object"
	case []any:
		return "Object[]"
	case *value.Object:
		if o.Base == nil {
			return "System.Management.Automation.PSCustomObject"
		}
	}
	t := value.TypeOf(v)
	switch t.FullName {
	case "System.Management.Automation.ScriptBlock":
		return "scriptblock"
	case "System.Collections.Hashtable":
		return "hashtable"
	}
	return t.String()
}

// baseMethods are the methods every object has.
var baseMethods = []memberInfo{
	{"Equals", "Method", "bool Equals(System.Object obj)"},
	{"GetHashCode", "Method", "int GetHashCode()"},
	{"GetType", "Method", "type GetType()"},
	{"ToString", "Method", "string ToString()"},
}

// membersOf lists the members of a value.
func membersOf(v any) []memberInfo {
	var out []memberInfo
	switch x := v.(type) {
	case *value.Object:
		if x.Base != nil {
			out = membersOf(x.Base)
		} else {
			out = append(out, baseMethods...)
		}
		for _, p := range x.Properties() {
			if p.Getter != nil {
				out = append(out, memberInfo{p.Name, "ScriptProperty", "System.Object " + p.Name + " {get;}"})
				continue
			}
			pv := p.Value
			out = append(out, memberInfo{p.Name, "NoteProperty", shortType(pv) + " " + p.Name + "=" + noteText(pv)})
		}
		return out
	case string:
		out = append(out, baseMethods[:3]...)
		out = append(out, []memberInfo{
			{"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
			{"CompareTo", "Method", "int CompareTo(System.Object value), int CompareTo(string strB), int IComparable.CompareTo(System.Object obj), int IComparable[string].CompareTo(string other)"},
			{"Contains", "Method", "bool Contains(string value), bool Contains(string value, System.StringComparison comparisonType), bool Contains(char value), bool Contains(char value, System.StringComparison comparisonType)"},
			{"EndsWith", "Method", "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), bool EndsWith(string value, bool ignoreCase, cultureinfo culture), bool EndsWith(char value)"},
			{"IndexOf", "Method", "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(string value), int IndexOf(string value, int startIndex)"},
			{"Insert", "Method", "string Insert(int startIndex, string value)"},
			{"LastIndexOf", "Method", "int LastIndexOf(char value), int LastIndexOf(string value)"},
			{"PadLeft", "Method", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"},
			{"PadRight", "Method", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"},
			{"Remove", "Method", "string Remove(int startIndex, int count), string Remove(int startIndex)"},
			{"Replace", "Method", "string Replace(string oldValue, string newValue), string Replace(char oldChar, char newChar)"},
			{"Split", "Method", "string[] Split(char separator, System.StringSplitOptions options), string[] Split(string separator, System.StringSplitOptions options)"},
			{"StartsWith", "Method", "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType), bool StartsWith(char value)"},
			{"Substring", "Method", "string Substring(int startIndex), string Substring(int startIndex, int length)"},
			{"ToCharArray", "Method", "char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)"},
			{"ToLower", "Method", "string ToLower(), string ToLower(cultureinfo culture)"},
			{"ToLowerInvariant", "Method", "string ToLowerInvariant()"},
			{"ToString", "Method", "string ToString(), string ToString(System.IFormatProvider provider), string IConvertible.ToString(System.IFormatProvider provider)"},
			{"ToUpper", "Method", "string ToUpper(), string ToUpper(cultureinfo culture)"},
			{"ToUpperInvariant", "Method", "string ToUpperInvariant()"},
			{"Trim", "Method", "string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)"},
			{"TrimEnd", "Method", "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)"},
			{"TrimStart", "Method", "string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] trimChars)"},
			{"Chars", "ParameterizedProperty", "char Chars(int index) {get;}"},
			{"Length", "Property", "int Length {get;}"},
		}...)
		return out
	case *value.Hashtable:
		out = append(out, baseMethods...)
		out = append(out,
			memberInfo{"Add", "Method", "void Add(System.Object key, System.Object value), void IDictionary.Add(System.Object key, System.Object value)"},
			memberInfo{"Clear", "Method", "void Clear(), void IDictionary.Clear()"},
			memberInfo{"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
			memberInfo{"Contains", "Method", "bool Contains(System.Object key), bool IDictionary.Contains(System.Object key)"},
			memberInfo{"ContainsKey", "Method", "bool ContainsKey(System.Object key)"},
			memberInfo{"ContainsValue", "Method", "bool ContainsValue(System.Object value)"},
			memberInfo{"Remove", "Method", "void Remove(System.Object key), void IDictionary.Remove(System.Object key)"},
			memberInfo{"Item", "ParameterizedProperty", "System.Object Item(System.Object key) {get;set;}"},
			memberInfo{"Count", "Property", "int Count {get;}"},
			memberInfo{"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
			memberInfo{"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
			memberInfo{"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
			memberInfo{"Keys", "Property", "System.Collections.ICollection Keys {get;}"},
			memberInfo{"SyncRoot", "Property", "System.Object SyncRoot {get;}"},
			memberInfo{"Values", "Property", "System.Collections.ICollection Values {get;}"},
		)
		return out
	case []any:
		out = append(out, baseMethods...)
		out = append(out,
			memberInfo{"Count", "AliasProperty", "Count = Length"},
			memberInfo{"Clone", "Method", "System.Object Clone(), System.Object ICloneable.Clone()"},
			memberInfo{"CopyTo", "Method", "void CopyTo(array array, int index), void CopyTo(array array, long index)"},
			memberInfo{"GetValue", "Method", "System.Object GetValue(Params int[] indices), System.Object GetValue(int index)"},
			memberInfo{"SetValue", "Method", "void SetValue(System.Object value, int index)"},
			memberInfo{"IsFixedSize", "Property", "bool IsFixedSize {get;}"},
			memberInfo{"IsReadOnly", "Property", "bool IsReadOnly {get;}"},
			memberInfo{"IsSynchronized", "Property", "bool IsSynchronized {get;}"},
			memberInfo{"Length", "Property", "int Length {get;}"},
			memberInfo{"LongLength", "Property", "long LongLength {get;}"},
			memberInfo{"Rank", "Property", "int Rank {get;}"},
			memberInfo{"SyncRoot", "Property", "System.Object SyncRoot {get;}"},
		)
		return out
	case int32, int64, float64, uint8:
		t := shortType(v)
		out = append(out, baseMethods...)
		out = append(out,
			memberInfo{"CompareTo", "Method", "int CompareTo(System.Object value), int CompareTo(" + t + " value), int IComparable.CompareTo(System.Object obj), int IComparable[" + t + "].CompareTo(" + t + " other)"},
			memberInfo{"GetTypeCode", "Method", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
		)
		return out
	case bool:
		out = append(out, baseMethods...)
		out = append(out,
			memberInfo{"CompareTo", "Method", "int CompareTo(System.Object obj), int CompareTo(bool value), int IComparable.CompareTo(System.Object obj), int IComparable[bool].CompareTo(bool other)"},
			memberInfo{"GetTypeCode", "Method", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"},
		)
		return out
	}
	out = append(out, baseMethods...)
	if o, ok := v.(interface{ String() string }); ok && o != nil {
		_ = o
	}
	for _, n := range propertyNamesOf(v) {
		pv, _ := propOf(v, n)
		out = append(out, memberInfo{n, "Property", shortType(pv) + " " + n + " {get;}"})
	}
	return out
}

// noteText is how a note property's value shows in its definition.
func noteText(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case []any:
		return "System.Object[]"
	case *value.Hashtable:
		return "System.Collections.Hashtable"
	case *value.Object:
		if x.Base == nil {
			return value.ToString(x)
		}
	}
	return value.ToString(v)
}

// registerGetUnique adds Get-Unique (alias gu).
func registerGetUnique(rt *engine.Runtime) {
	p := newGetUniqueParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Unique", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Returns unique items from a sorted list.",
		Description: "The Get-Unique cmdlet compares each item in a sorted list to the next item, eliminates duplicates, and " +
			"returns only one instance of each item. The list must be sorted for the cmdlet to work properly. Strings compare " +
			"case-sensitively unless -CaseInsensitive is given.",
		DefaultSet: "AsString",
		Params:     p.infos(),
		Examples:   []engine.Example{{Title: "Get unique numbers", Code: "1, 1, 2, 3, 3 | Get-Unique"}},
		Outputs:    []string{"System.Management.Automation.PSObject"},
		New:        func() engine.Processor { return &getUnique{p: p} },
	})
	rt.SetAliases("Get-Unique", "gu")
}

// getUniqueParams are Get-Unique's parameters.
type getUniqueParams struct {
	inputObject                       engine.Param[any]
	asString, onType, caseInsensitive engine.Param[bool]
}

func newGetUniqueParams() *getUniqueParams {
	return &getUniqueParams{
		inputObject:     pipelineInput("Specifies input for Get-Unique."),
		asString:        engine.Declare[bool](engine.NamedParamInSets("AsString", "SwitchParameter", "Indicates that this cmdlet uses the data as a string.", "AsString")),
		onType:          engine.Declare[bool](engine.NamedParamInSets("OnType", "SwitchParameter", "Indicates that this cmdlet returns only one object of each type.", "UniqueByType")),
		caseInsensitive: engine.Declare[bool](engine.NamedParam("CaseInsensitive", "SwitchParameter", "Indicates that this cmdlet is case-insensitive.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *getUniqueParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.inputObject.Info(), p.asString.Info(), p.onType.Info(), p.caseInsensitive.Info()}
}

// getUnique is one Get-Unique invocation.
type getUnique struct {
	p       *getUniqueParams
	last    any
	hasLast bool
}

func (g *getUnique) Begin(c *engine.Call) error { return nil }

func (g *getUnique) Process(c *engine.Call) error {
	in, ok := processInput(c, g.p.inputObject)
	if !ok {
		return nil
	}
	if g.hasLast {
		var same bool
		switch {
		case g.p.onType.Get(c):
			same = typeNameOf(in) == typeNameOf(g.last)
		case g.p.asString.Get(c):
			a, b := value.ToString(in), value.ToString(g.last)
			same = a == b || (g.p.caseInsensitive.Get(c) && strings.EqualFold(a, b))
		default:
			sa, aok := in.(string)
			sb, bok := g.last.(string)
			if aok && bok {
				same = sa == sb || (g.p.caseInsensitive.Get(c) && strings.EqualFold(sa, sb))
			} else {
				same = keyEqual(in, g.last, !g.p.caseInsensitive.Get(c))
			}
		}
		if same {
			return nil
		}
	}
	g.last, g.hasLast = in, true
	if !c.HasInput {
		return c.WriteObjects(in)
	}
	return c.WriteObject(in)
}

func (g *getUnique) End(c *engine.Call) error { return nil }
