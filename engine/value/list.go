package value

import "strings"

// List is a mutable .NET collection: System.Collections.ArrayList,
// System.Collections.Generic.List[T], HashSet[T], or the
// PSObject.Properties collection of an object. It enumerates in the
// pipeline like an array (Enumerate) but, unlike an array, can grow.
// Items holds the elements; a typed list converts what it is given to
// its element type.
type List struct {
	Items []any
	typ   *Type
	owner *Object // PSObject.Properties: the object the properties belong to
}

// tMembers is the type of PSObject.Properties.
var tMembers = &Type{
	Name:     "PSMemberInfoIntegratingCollection`1",
	FullName: "System.Management.Automation.PSMemberInfoIntegratingCollection`1[[System.Management.Automation.PSPropertyInfo, " + automationAssembly + "]]",
	kind:     kMembers,
}

// NewArrayList makes an empty System.Collections.ArrayList.
func NewArrayList() *List { return &List{typ: TArrayList, Items: []any{}} }

// NewList makes an empty collection of the list type t (ArrayList,
// List[T] or HashSet[T]); ok is false when t is not such a type.
func NewList(t *Type) (*List, bool) {
	if t == nil || (t.kind != kList && t.kind != kHashSet) {
		return nil, false
	}
	return &List{typ: t, Items: []any{}}, true
}

// IsListType reports whether t is a type NewList can make.
func IsListType(t *Type) bool { return t != nil && (t.kind == kList || t.kind == kHashSet) }

// Type returns the list's .NET type.
func (l *List) Type() *Type { return l.typ }

// IsArrayList reports whether l is a System.Collections.ArrayList.
func (l *List) IsArrayList() bool { return l.typ == TArrayList }

// isSet reports whether l is a HashSet.
func (l *List) isSet() bool { return l.typ.kind == kHashSet }

// IsMembers reports whether l is a PSObject.Properties collection, which
// is indexed by member name.
func (l *List) IsMembers() bool { return l.typ.kind == kMembers }

// Len returns the number of elements.
func (l *List) Len() int { return len(l.Items) }

// convertItem converts v to the element type of a typed list; method and
// argName name the call for the error text.
func (l *List) convertItem(v any, method, argName string) (any, error) {
	elem := l.typ.Elem
	if elem == nil || elem.kind == kObject || elem.kind == kPSObject {
		return v, nil
	}
	c, err := ConvertTo(v, elem)
	if err != nil {
		return nil, newErr(ExMethodException, "MethodArgumentConversionInvalidCastArgument", "NotSpecified",
			"Cannot convert argument \"%s\", with value: \"%s\", for \"%s\" to type \"%s\": \"%s\"",
			argName, ToString(v), method, elem.FullName, err.Error())
	}
	return c, nil
}

// index returns the position of v (Object.Equals semantics), or -1.
func (l *List) index(v any) int {
	switch x := v.(type) { // fast paths for the usual element types
	case string:
		for i, e := range l.Items {
			if s, ok := e.(string); ok && s == x {
				return i
			}
		}
		return -1
	case int32:
		for i, e := range l.Items {
			if n, ok := e.(int32); ok && n == x {
				return i
			}
		}
		return -1
	}
	for i, e := range l.Items {
		if strictEqual(e, v) {
			return i
		}
	}
	return -1
}

// At returns element i, negative indexes counting from the end; ok is
// false when i is out of range.
func (l *List) At(i int) (any, bool) {
	if i < 0 {
		i += len(l.Items)
	}
	if i < 0 || i >= len(l.Items) {
		return nil, false
	}
	return l.Items[i], true
}

// SetAt assigns element i (negative from the end), converting v to the
// element type; an index out of range is .NET's ArgumentOutOfRangeException.
func (l *List) SetAt(i int, v any) error {
	if i < 0 {
		i += len(l.Items)
	}
	if i < 0 || i >= len(l.Items) {
		return newErr(ExArgumentOutRange, "System.ArgumentOutOfRangeException", "OperationStopped",
			"Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
	}
	c, err := l.convertItem(v, "set_Item", "value")
	if err != nil {
		return err
	}
	l.Items[i] = c
	return nil
}

// Member returns the element of a PSObject.Properties collection named
// name (case-insensitive).
func (l *List) Member(name string) (any, bool) {
	for _, e := range l.Items {
		if o, ok := e.(*Object); ok {
			if n, _ := o.Get("Name"); strings.EqualFold(ToString(n), name) {
				return o, true
			}
		}
	}
	return nil, false
}

// Snapshot returns a copy of the elements as an array.
func (l *List) Snapshot() []any { return append([]any{}, l.Items...) }

// listFrom builds a list of type t from v: an array or list is copied
// element by element (converted to the element type), $null is $null and
// a scalar becomes the only element.
func listFrom(v any, t *Type) (any, error) {
	if v == nil {
		return nil, nil
	}
	if l, ok := v.(*List); ok && l.typ == t {
		return l, nil
	}
	src, ok := asItems(v)
	if !ok {
		src = []any{v}
	}
	l := &List{typ: t, Items: make([]any, 0, len(src))}
	for _, e := range src {
		if t.Elem != nil && t.Elem.kind != kObject && t.Elem.kind != kPSObject {
			c, err := ConvertTo(e, t.Elem)
			if err != nil {
				return nil, errInvalidCastValue(v, t.FullName, "ConvertToFinalInvalidCastException", err.Error())
			}
			e = c
		}
		if l.isSet() && l.index(e) >= 0 {
			continue
		}
		l.Items = append(l.Items, e)
	}
	return l, nil
}

// asItems returns the elements of an array or list.
func asItems(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case *List:
		return x.Items, true
	}
	return nil, false
}

// NewListArgs constructs a list of type t as ::new(args) and New-Object do:
// no argument or a capacity makes an empty list, a collection is copied.
func NewListArgs(t *Type, args []any) (*List, error) {
	l, ok := NewList(t)
	if !ok {
		return nil, errMethodNotFound(t.FullName, "new")
	}
	switch len(args) {
	case 0:
		return l, nil
	case 1:
		switch args[0].(type) {
		case int32, int64, uint8:
			n, err := argInt("new", args, 0)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, argOutOfRange("new", args, "Non-negative number required. (Parameter 'capacity')")
			}
			return l, nil
		}
		if err := l.addRange("new", args[0]); err != nil {
			return nil, err
		}
		return l, nil
	}
	return nil, errOverload("new", len(args))
}
