package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerNewObject adds New-Object.
func registerNewObject(rt *engine.Runtime) {
	p := newNewObjectParams()
	rt.Register(&engine.Cmdlet{
		Name: "New-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Creates an instance of a Microsoft .NET Framework or COM object.",
		Description: "The New-Object cmdlet creates an instance of a .NET type. csshell knows PSObject (and PSCustomObject), " +
			"Hashtable, ArrayList, List[T] and HashSet[T]; -Property sets properties of the new object. Other type names fail " +
			"as in pwsh when the type's assembly is not loaded.",
		DefaultSet: "Net",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Create a custom object", Code: "New-Object -TypeName PSObject -Property @{Name='x'; Size=1}"},
		},
		Outputs: []string{"System.Object"},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return newObject(c, p) }),
	})
}

// newObjectParams are New-Object's parameters.
type newObjectParams struct {
	typeName, comObject engine.Param[string]
	argumentList        engine.Param[any]
	strict              engine.Param[bool]
	property            engine.Param[any]
}

func newNewObjectParams() *newObjectParams {
	return &newObjectParams{
		typeName: engine.Declare[string](&engine.ParamInfo{Name: "TypeName", Type: "String", Sets: []engine.ParamSet{{Name: "Net", Position: 0, Mandatory: true}},
			Help: "Specifies the fully qualified name of the .NET class."}),
		comObject: engine.Declare[string](&engine.ParamInfo{Name: "ComObject", Type: "String", Sets: []engine.ParamSet{{Name: "Com", Position: 0, Mandatory: true}},
			Help: "Specifies the programmatic identifier (ProgID) of the COM object (not supported)."}),
		argumentList: engine.Declare[any](&engine.ParamInfo{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"}, Sets: []engine.ParamSet{{Name: "Net", Position: 1}},
			Help: "Specifies an array of arguments to pass to the constructor of the .NET class."}),
		strict:   engine.Declare[bool](engine.NamedParamInSets("Strict", "SwitchParameter", "Indicates that the cmdlet generates a non-terminating error when a COM object uses an interop assembly.", "Com")),
		property: engine.Declare[any](engine.NamedParam("Property", "Hashtable", "Sets property values and invokes methods of the new object.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *newObjectParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.typeName.Info(), p.comObject.Info(), p.argumentList.Info(), p.strict.Info(), p.property.Info()}
}

// newObject runs New-Object.
func newObject(c *engine.Call, p *newObjectParams) error {
	if c.Set == "Com" {
		return engine.NewError("InvalidOperation", "NoCOMClassIdentified", p.comObject.Get(c),
			"A parameter cannot be found that matches parameter name 'ComObject'.").
			WithException("System.Management.Automation.PSNotSupportedException")
	}
	name := strings.TrimSpace(p.typeName.Get(c))
	key := strings.ToLower(name)
	if strings.HasPrefix(key, "[") && strings.HasSuffix(key, "]") {
		key = key[1 : len(key)-1]
	}
	var obj any
	switch key {
	case "psobject", "system.management.automation.psobject", "pscustomobject", "system.management.automation.pscustomobject",
		"object", "system.object":
		o := value.NewObject()
		obj = o
	case "hashtable", "system.collections.hashtable", "collections.hashtable":
		obj = value.NewHashtable()
	default:
		if t, ok := value.LookupType(key); ok && value.IsListType(t) {
			var args []any
			if argList, ok := p.argumentList.Lookup(c); ok {
				if items, isList := value.Enumerate(argList); isList {
					args = items
				} else {
					args = []any{argList}
				}
			}
			l, err := value.NewListArgs(t, args)
			if err != nil {
				return engine.NewError("InvalidOperation", "ConstructorInvokedThrowException", name,
					"%s", strings.Replace(err.Error(), "\"new\"", "\".ctor\"", 1)).WithException("System.Management.Automation.MethodInvocationException")
			}
			obj = l
			break
		}
		return engine.NewError("InvalidType", "TypeNotFound", name,
			"Cannot find type [%s]: verify that the assembly containing this type is loaded.", name).
			WithException("System.Management.Automation.PSArgumentException")
	}
	if h, ok := p.property.Get(c).(*value.Hashtable); ok {
		for i, k := range h.Keys() {
			pn := value.ToString(k)
			v := h.Values()[i]
			switch t := obj.(type) {
			case *value.Object:
				t.Set(pn, v)
			case *value.Hashtable:
				t.Set(k, v)
			default:
				return engine.NewError("InvalidOperation", "InvalidOperationException", obj,
					"The member \"%s\" was not found for the specified .NET object.", pn)
			}
		}
	}
	return c.WriteObject(obj)
}

// memberTypes are the PSMemberTypes names Add-Member accepts.
var memberTypes = []string{"AliasProperty", "CodeProperty", "Property", "NoteProperty", "ScriptProperty", "PropertySet",
	"Method", "CodeMethod", "ScriptMethod", "MemberSet", "ParameterizedProperty", "Event", "Dynamic", "InferredProperty",
	"Properties", "Methods", "All"}

// registerAddMember adds Add-Member.
func registerAddMember(rt *engine.Runtime) {
	p := newAddMemberParams()
	rt.Register(&engine.Cmdlet{
		Name: "Add-Member", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Adds custom properties and methods to an instance of a PowerShell object.",
		Description: "The Add-Member cmdlet lets you add members (properties) to an instance of a PowerShell object: note " +
			"properties, alias properties and script properties. ScriptMethod and the code member types are not supported. " +
			"Adding a member that exists fails unless -Force is given.",
		DefaultSet: "TypeNameSet",
		Params:     p.infos(),
		Examples: []engine.Example{
			{Title: "Add a note property", Code: "$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2; $o"},
			{Title: "Add an alias property", Code: "$o | Add-Member -MemberType AliasProperty -Name Size -Value a -PassThru"},
		},
		Outputs: []string{"System.Object"},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return addMember(c, p) }),
	})
}

// addMemberParams are Add-Member's parameters.
type addMemberParams struct {
	passThru            engine.Param[bool]
	inputObject         engine.Param[any]
	memberType, name    engine.Param[string]
	value, secondValue  engine.Param[any]
	notePropertyName    engine.Param[string]
	notePropertyValue   engine.Param[any]
	notePropertyMembers engine.Param[any]
	typeName            engine.Param[string]
	force               engine.Param[bool]
}

func newAddMemberParams() *addMemberParams {
	ms, single, multi, tn := "MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet", "TypeNameSet"
	return &addMemberParams{
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the item with which you are working.")),
		inputObject: engine.Declare[any](&engine.ParamInfo{Name: "InputObject", Type: "PSObject", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, Mandatory: true, FromPipeline: true}},
			Help: "Specifies the object to which the new member is added."}),
		memberType: engine.Declare[string](&engine.ParamInfo{Name: "MemberType", Type: "PSMemberTypes", Aliases: []string{"Type"}, Sets: []engine.ParamSet{{Name: ms, Position: 0, Mandatory: true}},
			Help: "Specifies the type of the member to add: NoteProperty, AliasProperty or ScriptProperty."}),
		name:                engine.Declare[string](&engine.ParamInfo{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: ms, Position: 1, Mandatory: true}}, Help: "Specifies the name of the member that this cmdlet adds."}),
		value:               engine.Declare[any](&engine.ParamInfo{Name: "Value", Type: "Object", AllowNull: true, Sets: []engine.ParamSet{{Name: ms, Position: 2}}, Help: "Specifies the initial value of the added member."}),
		secondValue:         engine.Declare[any](&engine.ParamInfo{Name: "SecondValue", Type: "Object", Sets: []engine.ParamSet{{Name: ms, Position: 3}}, Help: "Specifies optional additional information about AliasProperty and ScriptProperty members."}),
		notePropertyName:    engine.Declare[string](&engine.ParamInfo{Name: "NotePropertyName", Type: "String", Sets: []engine.ParamSet{{Name: single, Position: 0, Mandatory: true}}, Help: "Specifies the note property name."}),
		notePropertyValue:   engine.Declare[any](&engine.ParamInfo{Name: "NotePropertyValue", Type: "Object", AllowNull: true, Sets: []engine.ParamSet{{Name: single, Position: 1, Mandatory: true}}, Help: "Specifies the note property value."}),
		notePropertyMembers: engine.Declare[any](&engine.ParamInfo{Name: "NotePropertyMembers", Type: "Hashtable", Sets: []engine.ParamSet{{Name: multi, Position: 0, Mandatory: true}}, Help: "Specifies a hashtable of note property names and values."}),
		typeName: engine.Declare[string](&engine.ParamInfo{Name: "TypeName", Type: "String", Sets: []engine.ParamSet{{Name: tn, Position: -1, Mandatory: true}, {Name: ms, Position: -1}, {Name: single, Position: -1}, {Name: multi, Position: -1}},
			Help: "Specifies a name for the type (inserted first in the object's type names)."}),
		force: engine.Declare[bool](engine.NamedParamInSets("Force", "SwitchParameter", "By default, Add-Member can't add a new member if the object already has a member with the same name. With Force it replaces it.", ms, single, multi)),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *addMemberParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.passThru.Info(), p.inputObject.Info(), p.memberType.Info(), p.name.Info(), p.value.Info(), p.secondValue.Info(),
		p.notePropertyName.Info(), p.notePropertyValue.Info(), p.notePropertyMembers.Info(), p.typeName.Info(), p.force.Info()}
}

// addMember runs Add-Member for one object.
func addMember(c *engine.Call, p *addMemberParams) error {
	in := p.inputObject.Get(c)
	if c.HasInput {
		in = c.Input
	}
	obj, ok := in.(*value.Object)
	if !ok {
		obj = value.NewObject(value.TypeOf(in).FullName, "System.Object")
		obj.Base = in
		if in == nil {
			obj = value.NewObject()
		}
	}
	force := p.force.Get(c)
	add := func(name string, set func()) error {
		if obj.Has(name) && !force {
			return engine.NewError("InvalidOperation", "MemberAlreadyExists", in,
				"Cannot add a member with the name \"%s\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.", name).
				WithException("System.InvalidOperationException")
		}
		set()
		return nil
	}
	switch c.Set {
	case "NotePropertySingleMemberSet":
		name, v := p.notePropertyName.Get(c), p.notePropertyValue.Get(c)
		if err := add(name, func() { obj.Set(name, v) }); err != nil {
			return c.WriteError(err.(*engine.ErrorRecord))
		}
	case "NotePropertyMultiMemberSet":
		h, _ := p.notePropertyMembers.Get(c).(*value.Hashtable)
		if h != nil {
			for i, k := range h.Keys() {
				name, v := value.ToString(k), h.Values()[i]
				if err := add(name, func() { obj.Set(name, v) }); err != nil {
					return c.WriteError(err.(*engine.ErrorRecord))
				}
			}
		}
	case "MemberSet":
		mt := p.memberType.Get(c)
		canon := ""
		for _, t := range memberTypes {
			if strings.EqualFold(t, mt) {
				canon = t
			}
		}
		if canon == "" {
			return engine.NewError("InvalidArgument", "CannotConvertArgumentNoMessage", mt,
				"Cannot bind parameter 'MemberType'. Cannot convert value \"%s\" to type \"System.Management.Automation.PSMemberTypes\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\nAliasProperty, CodeProperty, Property, NoteProperty, ScriptProperty, Properties, PropertySet, Method, CodeMethod, ScriptMethod, Methods, ParameterizedProperty, MemberSet, Event, Dynamic, InferredProperty, All\"",
				mt, mt).WithException("System.Management.Automation.ParameterBindingException")
		}
		name := p.name.Get(c)
		v := p.value.Get(c)
		var err error
		switch canon {
		case "NoteProperty":
			err = add(name, func() { obj.Set(name, v) })
		case "AliasProperty":
			target := value.ToString(v)
			err = add(name, func() {
				obj.SetScript(name, func(self *value.Object) any {
					r, _ := propOf(self, target)
					return r
				})
			})
		case "ScriptProperty":
			sb, ok := blockOf(v)
			if !ok {
				return engine.NewError("InvalidArgument", "CannotConvertArgument", v,
					"Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.ScriptBlock\".", value.ToString(v), typeNameOf(v)).
					WithException("System.Management.Automation.PSInvalidCastException")
			}
			err = add(name, func() {
				obj.SetScript(name, func(self *value.Object) any {
					sc := c.Scope()
					prev := sc.Local("this")
					var old any
					if prev != nil {
						old = prev.Value
					}
					sc.SetLocal("this", self)
					r, _ := c.InvokeBlockValue(sb, self)
					if prev != nil {
						sc.SetLocal("this", old)
					} else {
						sc.Remove("this")
					}
					return r
				})
			})
		default:
			return engine.NewError("NotImplemented", "NotSupported", in,
				"Add-Member -MemberType %s is not supported by csshell; use NoteProperty, AliasProperty or ScriptProperty.", canon).
				WithException("System.NotSupportedException")
		}
		if err != nil {
			return c.WriteError(err.(*engine.ErrorRecord))
		}
	}
	if tn := p.typeName.Get(c); tn != "" {
		obj.TypeNames = append([]string{tn}, obj.TypeNames...)
	}
	if p.passThru.Get(c) {
		return c.WriteObject(obj)
	}
	return nil
}
