package value

import "strings"

// psObjectView is what .PSObject shows for a value: its BaseObject, its
// TypeNames and its Properties (each with Name, Value, MemberType,
// IsSettable and TypeNameOfValue). Properties is a collection indexed by
// name (.Properties['Name']) with Match(wildcard) and Remove(name).
func psObjectView(v any) *Object {
	view := NewObject("System.Management.Automation.PSObject", "System.Object")
	var props []any
	var owner *Object
	typeNames := []any{}
	if o, ok := v.(*Object); ok && o != nil {
		for _, p := range o.Properties() {
			pv := o.PropertyValue(p)
			po := NewObject("System.Management.Automation.PSNoteProperty", "System.Object")
			kind := "NoteProperty"
			if p.Getter != nil {
				kind = "ScriptProperty"
			}
			po.Set("Value", pv)
			po.Set("MemberType", kind)
			po.Set("IsSettable", p.Getter == nil)
			po.Set("IsGettable", true)
			tn := "System.Object"
			if pv != nil {
				tn = TypeOf(pv).FullName
			}
			po.Set("TypeNameOfValue", tn)
			po.Set("Name", p.Name)
			props = append(props, po)
		}
		for _, t := range o.TypeNames {
			typeNames = append(typeNames, t)
		}
		view.Set("BaseObject", v)
		owner = o
	} else {
		if n, ok := v.(Native); ok {
			// A Go-implemented class shows its .NET properties.
			for _, name := range n.Properties() {
				pv, _ := n.Member(strings.ToLower(name))
				po := NewObject("System.Management.Automation.PSProperty", "System.Object")
				po.Set("Value", pv)
				po.Set("MemberType", "Property")
				_, settable := v.(nativeSetter)
				po.Set("IsSettable", settable)
				po.Set("IsGettable", true)
				tn := "System.Object"
				if pv != nil {
					tn = TypeOf(pv).FullName
				}
				po.Set("TypeNameOfValue", tn)
				po.Set("Name", name)
				props = append(props, po)
			}
		}
		if v != nil {
			t := TypeOf(v)
			for b := t; b != nil; b = b.BaseType() {
				typeNames = append(typeNames, b.FullName)
			}
		}
		view.Set("BaseObject", v)
	}
	if props == nil {
		props = []any{}
	}
	view.Set("Properties", &List{typ: tMembers, Items: props, owner: owner})
	view.Set("TypeNames", typeNames)
	return view
}
