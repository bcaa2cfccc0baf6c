package value

import (
	"sort"
	"strings"
)

// listMethod implements the methods of ArrayList, List[T], HashSet[T] and
// PSObject.Properties; an unknown method is invoked on every element
// (method enumeration), as for arrays.
func listMethod(l *List, name, lname string, args []any) (any, bool, error) {
	if l.IsMembers() {
		if r, handled, err := membersMethod(l, name, lname, args); handled {
			return r, true, err
		}
	}
	if l.isSet() {
		if r, handled, err := setMethod(l, name, lname, args); handled {
			return r, true, err
		}
	}
	n := len(args)
	switch lname {
	case "add":
		if n == 1 && !l.isSet() {
			v, err := l.convertItem(args[0], name, "item")
			if err != nil {
				return nil, true, err
			}
			l.Items = append(l.Items, v)
			if l.IsArrayList() {
				return int32(len(l.Items) - 1), true, nil
			}
			return nil, true, nil
		}
	case "addrange":
		if n == 1 {
			return nil, true, l.addRange(name, args[0])
		}
	case "insert":
		if n == 2 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i > len(l.Items) {
				msg := "Index must be within the bounds of the List. (Parameter 'index')"
				if l.IsArrayList() {
					msg = "Insertion index was out of range. Must be non-negative and less than or equal to size. (Parameter 'index')"
				}
				return nil, true, argOutOfRange(name, args, msg)
			}
			v, err := l.convertItem(args[1], name, "item")
			if err != nil {
				return nil, true, err
			}
			l.Items = append(l.Items[:i], append([]any{v}, l.Items[i:]...)...)
			return nil, true, nil
		}
	case "remove":
		if n == 1 {
			v, err := l.convertItem(args[0], name, "item")
			if err != nil {
				return nil, true, err
			}
			i := l.index(v)
			if i >= 0 {
				l.Items = append(l.Items[:i], l.Items[i+1:]...)
			}
			if l.IsArrayList() {
				return nil, true, nil
			}
			return i >= 0, true, nil
		}
	case "removeat":
		if n == 1 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i >= len(l.Items) {
				return nil, true, argOutOfRange(name, args, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
			}
			l.Items = append(l.Items[:i], l.Items[i+1:]...)
			return nil, true, nil
		}
	case "removerange", "getrange":
		if n == 2 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			c, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || c < 0 {
				which := "index"
				if i >= 0 {
					which = "count"
				}
				return nil, true, argOutOfRange(name, args, "Non-negative number required. (Parameter '"+which+"')")
			}
			if i+c > len(l.Items) {
				return nil, true, argException(name, args, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.")
			}
			if lname == "getrange" {
				return &List{typ: l.typ, Items: append([]any{}, l.Items[i:i+c]...)}, true, nil
			}
			l.Items = append(l.Items[:i], l.Items[i+c:]...)
			return nil, true, nil
		}
	case "contains", "indexof", "lastindexof":
		if n == 1 {
			v, err := l.convertItem(args[0], name, "item")
			if err != nil {
				return nil, true, err
			}
			switch lname {
			case "contains":
				return l.index(v) >= 0, true, nil
			case "indexof":
				return int32(l.index(v)), true, nil
			}
			for i := len(l.Items) - 1; i >= 0; i-- {
				if strictEqual(l.Items[i], v) {
					return int32(i), true, nil
				}
			}
			return int32(-1), true, nil
		}
	case "clear":
		if n == 0 {
			l.Items = l.Items[:0:0]
			return nil, true, nil
		}
	case "toarray":
		if n == 0 {
			return l.Snapshot(), true, nil
		}
	case "clone":
		if n == 0 && l.IsArrayList() {
			return &List{typ: l.typ, Items: l.Snapshot()}, true, nil
		}
	case "sort":
		if n == 0 {
			var err error
			sort.SliceStable(l.Items, func(i, j int) bool {
				c, e := CompareValues(l.Items[i], l.Items[j], true)
				if e != nil && err == nil {
					err = e
				}
				return c < 0
			})
			if err != nil {
				return nil, true, errMethodCall(name, n, "InvalidOperationException", "Failed to compare two elements in the array.")
			}
			return nil, true, nil
		}
	case "reverse":
		if n == 0 {
			for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
				l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
			}
			return nil, true, nil
		}
	case "get_item", "item":
		if n == 1 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i >= len(l.Items) {
				return nil, true, argOutOfRange(name, args, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
			}
			return l.Items[i], true, nil
		}
	case "set_item":
		if n == 2 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i >= len(l.Items) {
				return nil, true, argOutOfRange(name, args, "Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')")
			}
			return nil, true, l.SetAt(i, args[1])
		}
	case "trimtosize", "ensurecapacity":
		return nil, true, nil
	case "tostring":
		if n == 0 {
			return dotNetTypeString(l.typ), true, nil
		}
	case "gettype", "equals", "gethashcode":
		return nil, false, nil
	default:
		return enumerateMethod(l.Items, l.typ.FullName, name, args)
	}
	return nil, true, errOverload(name, n)
}

// addRange appends the elements of coll (a scalar is one element).
func (l *List) addRange(method string, coll any) error {
	if coll == nil {
		return errMethodCall(method, 1, "ArgumentNullException", "Value cannot be null. (Parameter 'collection')")
	}
	src, ok := asItems(coll)
	if !ok {
		src = []any{coll}
	}
	if err := CheckArraySize(concatSize(len(l.Items), len(src))); err != nil {
		return wrapMethodErr(method, []any{coll}, err)
	}
	add := make([]any, 0, len(src))
	for _, e := range src {
		v, err := l.convertItem(e, method, "collection")
		if err != nil {
			return err
		}
		if l.isSet() && (l.index(v) >= 0 || containsStrict(add, v)) {
			continue
		}
		add = append(add, v)
	}
	l.Items = append(l.Items, add...)
	return nil
}

// containsStrict reports whether items holds v (Object.Equals).
func containsStrict(items []any, v any) bool {
	for _, e := range items {
		if strictEqual(e, v) {
			return true
		}
	}
	return false
}

// setMethod implements the HashSet[T] methods that differ from a list's.
func setMethod(l *List, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	switch lname {
	case "add":
		if n == 1 {
			v, err := l.convertItem(args[0], name, "item")
			if err != nil {
				return nil, true, err
			}
			if l.index(v) >= 0 {
				return false, true, nil
			}
			l.Items = append(l.Items, v)
			return true, true, nil
		}
	case "unionwith":
		if n == 1 {
			return nil, true, l.addRange(name, args[0])
		}
	case "exceptwith", "intersectwith":
		if n == 1 {
			other, ok := asItems(args[0])
			if !ok {
				other = []any{args[0]}
			}
			conv := make([]any, 0, len(other))
			for _, e := range other {
				v, err := l.convertItem(e, name, "other")
				if err != nil {
					return nil, true, err
				}
				conv = append(conv, v)
			}
			keep := l.Items[:0]
			for _, e := range l.Items {
				if containsStrict(conv, e) == (lname == "intersectwith") {
					keep = append(keep, e)
				}
			}
			l.Items = keep
			return nil, true, nil
		}
	case "insert", "removeat", "indexof", "lastindexof", "sort", "reverse", "getrange", "removerange", "get_item", "set_item", "addrange", "toarray":
		return nil, true, errMethodNotFound(l.typ.FullName, name)
	}
	return nil, false, nil
}

// membersMethod implements PSObject.Properties: Match(pattern) lists the
// properties whose names match a wildcard, Remove(name) deletes a property
// from the object, Item(name) finds one.
func membersMethod(l *List, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	switch lname {
	case "match":
		if n >= 1 {
			pat := ToString(args[0])
			out := []any{}
			for _, e := range l.Items {
				if o, ok := e.(*Object); ok {
					pn, _ := o.Get("Name")
					if Like(ToString(pn), pat, false) {
						out = append(out, o)
					}
				}
			}
			return out, true, nil
		}
	case "remove":
		if n == 1 {
			pn := ToString(args[0])
			if m, ok := l.Member(pn); ok {
				for i, e := range l.Items {
					if e == m {
						l.Items = append(l.Items[:i], l.Items[i+1:]...)
						break
					}
				}
			}
			if l.owner != nil {
				l.owner.Remove(pn)
			}
			return nil, true, nil
		}
	case "item", "get_item":
		if n == 1 {
			v, _ := l.Member(ToString(args[0]))
			return v, true, nil
		}
	case "add", "insert", "removeat", "indexof", "sort", "reverse", "getrange", "addrange", "clear", "toarray":
		return nil, true, errMethodNotFound(l.typ.FullName, name)
	}
	return nil, false, nil
}

// enumerateMethod invokes a method on every element of a collection
// (PowerShell's method enumeration); typeName names the collection in the
// MethodNotFound error when no element has the method.
func enumerateMethod(items []any, typeName, name string, args []any) (any, bool, error) {
	if len(items) == 0 {
		return nil, true, errMethodNotFound(typeName, name)
	}
	var out []any
	for _, e := range items {
		r, err := InvokeMethod(e, name, args)
		if err != nil {
			if me, ok := err.(*Error); ok && me.ErrorID == "MethodNotFound" {
				return nil, true, errMethodNotFound(typeName, name)
			}
			return nil, true, err
		}
		if ra, ok := r.([]any); ok {
			out = append(out, ra...)
		} else if r != nil {
			out = append(out, r)
		}
	}
	if len(out) == 1 {
		return out[0], true, nil
	}
	return out, true, nil
}

// listMember reads a property of a list: Count and the ICollection flags;
// other names enumerate over the elements.
func listMember(l *List, name string) (any, bool) {
	switch strings.ToLower(name) {
	case "count":
		return int32(len(l.Items)), true
	case "capacity":
		if !l.isSet() && !l.IsMembers() {
			return dotNetCapacity(len(l.Items)), true
		}
	case "isreadonly", "isfixedsize", "issynchronized":
		if !l.IsMembers() {
			return false, true
		}
	case "syncroot":
		if l.IsArrayList() {
			return l, true
		}
	}
	return enumerateMember(l.Items, name)
}

// dotNetCapacity is the Capacity a list grown by Add from empty has: 0,
// then 4, doubling as needed.
func dotNetCapacity(n int) int32 {
	if n == 0 {
		return 0
	}
	c := 4
	for c < n {
		c *= 2
	}
	return int32(c)
}
