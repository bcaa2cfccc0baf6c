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
	// index maps lower-case names to positions in props, made only once
	// the object has more than smallObject properties (object_lookup.go).
	index map[string]int
	// slab holds the properties Set adds, allocated a block at a time.
	slab []Property
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
	return &Object{TypeNames: typeNames}
}

// NewObjectSized is NewObject for an object that will get about n
// properties: their list and storage are allocated once.
func NewObjectSized(n int, typeNames ...string) *Object {
	o := NewObject(typeNames...)
	if n > 0 {
		o.props = make([]*Property, 0, n)
		o.slab = make([]Property, 0, n)
	}
	return o
}

// Set adds the property or replaces its value, keeping its position.
func (o *Object) Set(name string, v any) {
	if i := o.find(name); i >= 0 {
		o.props[i].Value = v
		o.props[i].Getter = nil
		return
	}
	p := o.newProperty()
	p.Name, p.Value = name, v
	o.add(p)
}

// SetChecked adds a property whose assignments by a script go through set
// (SetMember), with its first value.
func (o *Object) SetChecked(name string, v any, set func(self *Object, v any) (any, error)) {
	o.Set(name, v)
	o.props[o.find(name)].Setter = set
}

// SetScript adds a computed (script) property.
func (o *Object) SetScript(name string, get func(self *Object) any) {
	if i := o.find(name); i >= 0 {
		o.props[i].Getter = get
		return
	}
	p := o.newProperty()
	p.Name, p.Getter = name, get
	o.add(p)
}

// Get returns a property's value and whether the object has it.
func (o *Object) Get(name string) (any, bool) {
	i := o.find(name)
	if i < 0 {
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
	return o.find(name) >= 0
}

// Remove deletes a property if present.
func (o *Object) Remove(name string) {
	i := o.find(name)
	if i < 0 {
		return
	}
	o.props = append(o.props[:i], o.props[i+1:]...)
	if o.index == nil {
		return
	}
	delete(o.index, strings.ToLower(name))
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
	c := NewObjectSized(len(o.props), append([]string(nil), o.TypeNames...)...)
	c.Base, c.Stringer, c.secure = o.Base, o.Stringer, o.secure
	for _, p := range o.props {
		cp := c.newProperty()
		*cp = *p
		c.add(cp)
	}
	return c
}
