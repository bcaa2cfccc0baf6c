package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerNewObject adds New-Object.
func registerNewObject(rt *engine.Runtime) {
	rt.Register(&engine.Cmdlet{
		Name: "New-Object", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Creates an instance of a Microsoft .NET Framework or COM object.",
		Description: "The New-Object cmdlet creates an instance of a .NET type. csshell knows PSObject (and PSCustomObject), " +
			"Hashtable, ArrayList, List[T] and HashSet[T]; -Property sets properties of the new object. Other type names fail " +
			"as in pwsh when the type's assembly is not loaded.",
		DefaultSet: "Net",
		Params: []*engine.ParamInfo{
			{Name: "TypeName", Type: "String", Sets: []engine.ParamSet{{Name: "Net", Position: 0, Mandatory: true}},
				Help: "Specifies the fully qualified name of the .NET class."},
			{Name: "ComObject", Type: "String", Sets: []engine.ParamSet{{Name: "Com", Position: 0, Mandatory: true}},
				Help: "Specifies the programmatic identifier (ProgID) of the COM object (not supported)."},
			{Name: "ArgumentList", Type: "Object[]", Aliases: []string{"Args"}, Sets: []engine.ParamSet{{Name: "Net", Position: 1}},
				Help: "Specifies an array of arguments to pass to the constructor of the .NET class."},
			engine.NamedParamInSets("Strict", "SwitchParameter", "Indicates that the cmdlet generates a non-terminating error when a COM object uses an interop assembly.", "Com"),
			engine.NamedParam("Property", "Hashtable", "Sets property values and invokes methods of the new object."),
		},
		Examples: []engine.Example{
			{Title: "Create a custom object", Code: "New-Object -TypeName PSObject -Property @{Name='x'; Size=1}"},
		},
		Outputs: []string{"System.Object"},
		New:     engine.ProcessOnly(newObject),
	})
}

// newObject runs New-Object.
func newObject(c *engine.Call) error {
	if c.Set == "Com" {
		return engine.NewError("InvalidOperation", "NoCOMClassIdentified", c.String("ComObject"),
			"A parameter cannot be found that matches parameter name 'ComObject'.").
			WithException("System.Management.Automation.PSNotSupportedException")
	}
	name := strings.TrimSpace(c.String("TypeName"))
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
			if c.Has("ArgumentList") {
				if items, isList := value.Enumerate(c.Get("ArgumentList")); isList {
					args = items
				} else {
					args = []any{c.Get("ArgumentList")}
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
	if h, ok := c.Get("Property").(*value.Hashtable); ok {
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
	ms, single, multi, tn := "MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet", "TypeNameSet"
	rt.Register(&engine.Cmdlet{
		Name: "Add-Member", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Adds custom properties and methods to an instance of a PowerShell object.",
		Description: "The Add-Member cmdlet lets you add members (properties) to an instance of a PowerShell object: note " +
			"properties, alias properties and script properties. ScriptMethod and the code member types are not supported. " +
			"Adding a member that exists fails unless -Force is given.",
		DefaultSet: tn,
		Params: []*engine.ParamInfo{
			engine.NamedParam("PassThru", "SwitchParameter", "Returns an object representing the item with which you are working."),
			{Name: "InputObject", Type: "PSObject", Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, Mandatory: true, FromPipeline: true}},
				Help: "Specifies the object to which the new member is added."},
			{Name: "MemberType", Type: "PSMemberTypes", Aliases: []string{"Type"}, Sets: []engine.ParamSet{{Name: ms, Position: 0, Mandatory: true}},
				Help: "Specifies the type of the member to add: NoteProperty, AliasProperty or ScriptProperty."},
			{Name: "Name", Type: "String", Sets: []engine.ParamSet{{Name: ms, Position: 1, Mandatory: true}}, Help: "Specifies the name of the member that this cmdlet adds."},
			{Name: "Value", Type: "Object", AllowNull: true, Sets: []engine.ParamSet{{Name: ms, Position: 2}}, Help: "Specifies the initial value of the added member."},
			{Name: "SecondValue", Type: "Object", Sets: []engine.ParamSet{{Name: ms, Position: 3}}, Help: "Specifies optional additional information about AliasProperty and ScriptProperty members."},
			{Name: "NotePropertyName", Type: "String", Sets: []engine.ParamSet{{Name: single, Position: 0, Mandatory: true}}, Help: "Specifies the note property name."},
			{Name: "NotePropertyValue", Type: "Object", AllowNull: true, Sets: []engine.ParamSet{{Name: single, Position: 1, Mandatory: true}}, Help: "Specifies the note property value."},
			{Name: "NotePropertyMembers", Type: "Hashtable", Sets: []engine.ParamSet{{Name: multi, Position: 0, Mandatory: true}}, Help: "Specifies a hashtable of note property names and values."},
			{Name: "TypeName", Type: "String", Sets: []engine.ParamSet{{Name: tn, Position: -1, Mandatory: true}, {Name: ms, Position: -1}, {Name: single, Position: -1}, {Name: multi, Position: -1}},
				Help: "Specifies a name for the type (inserted first in the object's type names)."},
			engine.NamedParamInSets("Force", "SwitchParameter", "By default, Add-Member can't add a new member if the object already has a member with the same name. With Force it replaces it.", ms, single, multi),
		},
		Examples: []engine.Example{
			{Title: "Add a note property", Code: "$o = [pscustomobject]@{a=1}; $o | Add-Member -NotePropertyName b -NotePropertyValue 2; $o"},
			{Title: "Add an alias property", Code: "$o | Add-Member -MemberType AliasProperty -Name Size -Value a -PassThru"},
		},
		Outputs: []string{"System.Object"},
		New:     engine.ProcessOnly(addMember),
	})
}

// addMember runs Add-Member for one object.
func addMember(c *engine.Call) error {
	in := c.Get("InputObject")
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
	force := c.Switch("Force")
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
		name, v := c.String("NotePropertyName"), c.Get("NotePropertyValue")
		if err := add(name, func() { obj.Set(name, v) }); err != nil {
			return c.WriteError(err.(*engine.ErrorRecord))
		}
	case "NotePropertyMultiMemberSet":
		h, _ := c.Get("NotePropertyMembers").(*value.Hashtable)
		if h != nil {
			for i, k := range h.Keys() {
				name, v := value.ToString(k), h.Values()[i]
				if err := add(name, func() { obj.Set(name, v) }); err != nil {
					return c.WriteError(err.(*engine.ErrorRecord))
				}
			}
		}
	case "MemberSet":
		mt := c.String("MemberType")
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
		name := c.String("Name")
		v := c.Get("Value")
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
	if tn := c.String("TypeName"); tn != "" {
		obj.TypeNames = append([]string{tn}, obj.TypeNames...)
	}
	if c.Switch("PassThru") {
		return c.WriteObject(obj)
	}
	return nil
}
