package value

import "strings"

// Char is a [char]: one UTF-16 code unit in .NET; a rune here.
type Char rune

// SwitchParameter is the value of a [switch] parameter.
type SwitchParameter bool

// Guid is a [guid], kept as its 16 bytes.
type Guid [16]byte

// Property is one named property of an Object. A ScriptProperty has Getter
// set and Value unused. Setter, when set, checks (and may convert) a value
// assigned by the script before it is stored, as a .NET property setter
// does; its error is the assignment's.
type Property struct {
	Name   string
	Value  any
	Getter func(self *Object) any
	Setter func(self *Object, v any) (any, error)
}

// Object is a PSObject with ordered, case-insensitively named properties:
// [pscustomobject]@{...}, New-Object PSObject, Select-Object output, and the
// records cmdlets emit. TypeNames lists the type names, most derived first;
// the formatter picks a default view by them.
type Object struct {
	TypeNames []string
	props     []*Property
	index     map[string]int // lower-case name -> position in props
	// Base, when set, is the value this object wraps (for Add-Member on a
	// string, for example); property lookup falls back to it.
	Base any
	// Stringer, when set, is the object's .NET ToString() (a MatchInfo's
	// "path:line:text"), used for "$o", casts and -join.
	Stringer func(o *Object) string
	// secure is the text of a System.Security.SecureString (securestring.go):
	// never a property, so no formatting, conversion or export shows it.
	secure *string
}

// NewObject makes an empty object with the given type names; with none it is
// a System.Management.Automation.PSCustomObject.
func NewObject(typeNames ...string) *Object {
	if len(typeNames) == 0 {
		typeNames = []string{"System.Management.Automation.PSCustomObject", "System.Object"}
	}
	return &Object{TypeNames: typeNames, index: map[string]int{}}
}

// Set adds the property or replaces its value, keeping its position.
func (o *Object) Set(name string, v any) {
	key := strings.ToLower(name)
	if i, ok := o.index[key]; ok {
		o.props[i].Value = v
		o.props[i].Getter = nil
		return
	}
	o.index[key] = len(o.props)
	o.props = append(o.props, &Property{Name: name, Value: v})
}

// SetChecked adds a property whose assignments by a script go through set
// (SetMember), with its first value.
func (o *Object) SetChecked(name string, v any, set func(self *Object, v any) (any, error)) {
	o.Set(name, v)
	o.props[o.index[strings.ToLower(name)]].Setter = set
}

// SetScript adds a computed (script) property.
func (o *Object) SetScript(name string, get func(self *Object) any) {
	key := strings.ToLower(name)
	if i, ok := o.index[key]; ok {
		o.props[i].Getter = get
		return
	}
	o.index[key] = len(o.props)
	o.props = append(o.props, &Property{Name: name, Getter: get})
}

// Get returns a property's value and whether the object has it.
func (o *Object) Get(name string) (any, bool) {
	i, ok := o.index[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	p := o.props[i]
	if p.Getter != nil {
		return p.Getter(o), true
	}
	return p.Value, true
}

// Has reports whether the object has the property.
func (o *Object) Has(name string) bool {
	_, ok := o.index[strings.ToLower(name)]
	return ok
}

// Remove deletes a property if present.
func (o *Object) Remove(name string) {
	key := strings.ToLower(name)
	i, ok := o.index[key]
	if !ok {
		return
	}
	o.props = append(o.props[:i], o.props[i+1:]...)
	delete(o.index, key)
	for j := i; j < len(o.props); j++ {
		o.index[strings.ToLower(o.props[j].Name)] = j
	}
}

// Properties returns the properties in order. The slice is the object's own;
// callers must not change it.
func (o *Object) Properties() []*Property { return o.props }

// PropertyNames returns the property names in order.
func (o *Object) PropertyNames() []string {
	names := make([]string, len(o.props))
	for i, p := range o.props {
		names[i] = p.Name
	}
	return names
}

// PropertyValue returns the value of p, computing a script property.
func (o *Object) PropertyValue(p *Property) any {
	if p.Getter != nil {
		return p.Getter(o)
	}
	return p.Value
}

// TypeName returns the most derived type name.
func (o *Object) TypeName() string {
	if len(o.TypeNames) == 0 {
		return "System.Management.Automation.PSCustomObject"
	}
	return o.TypeNames[0]
}

// Copy returns a shallow copy (same property values, new property list).
func (o *Object) Copy() *Object {
	c := &Object{TypeNames: append([]string(nil), o.TypeNames...), index: make(map[string]int, len(o.props)), Base: o.Base, Stringer: o.Stringer, secure: o.secure}
	for i, p := range o.props {
		cp := *p
		c.props = append(c.props, &cp)
		c.index[strings.ToLower(p.Name)] = i
	}
	return c
}
