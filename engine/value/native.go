package value

// Native is an instance of a .NET class that csshell implements in Go
// (StringBuilder, Stopwatch, CultureInfo, ...). Each class keeps its type,
// properties, methods and ToString in one file; TypeOf, GetMember,
// InvokeMethod and ToString ask it.
type Native interface {
	// NativeType is the value's .NET type.
	NativeType() *Type
	// Member reads a property by lower-case name.
	Member(lname string) (any, bool)
	// Method calls an instance method (handled is false when there is no
	// such method or overload).
	Method(name, lname string, args []any) (r any, handled bool, err error)
	// String is the .NET ToString().
	String() string
	// Properties lists the properties a default view shows (none: the
	// value prints as its String).
	Properties() []string
}

// nativeSetter is a Native with settable properties ($sb.Length = 0).
type nativeSetter interface {
	// SetMember assigns a property by lower-case name; ok is false when
	// there is no such settable property.
	SetMember(lname string, v any) (ok bool, err error)
}

// class holds the static members of a type implemented in Go.
type class struct {
	// get reads a static property by lower-case name.
	get func(lname string) (any, bool)
	// call runs a static method, [T]::new included.
	call func(name, lname string, args []any) (any, bool, error)
	// from converts a value to the type in a cast ([cultureinfo]'en-US').
	from func(v any) (any, bool)
}

// defineClass registers a type with its static members and its base type
// (nil for System.Object), under its full name, its accelerator and any
// other names; it returns the type.
func defineClass(full, accel string, base *Type, c *class, names ...string) *Type {
	t := mk(full, accel, kOther)
	t.class = c
	t.base = base
	registerType(t, names...)
	return t
}
