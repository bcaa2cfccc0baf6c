package value

// arrayMethod implements System.Object[] methods; an unknown method is
// invoked on every element (method enumeration).
func arrayMethod(a []any, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	switch lname {
	case "contains":
		if n == 1 {
			for _, e := range a {
				if strictEqual(e, args[0]) {
					return true, true, nil
				}
			}
			return false, true, nil
		}
	case "indexof", "lastindexof":
		if n == 1 {
			if lname == "indexof" {
				for i, e := range a {
					if strictEqual(e, args[0]) {
						return int32(i), true, nil
					}
				}
			} else {
				for i := len(a) - 1; i >= 0; i-- {
					if strictEqual(a[i], args[0]) {
						return int32(i), true, nil
					}
				}
			}
			return int32(-1), true, nil
		}
	case "clone":
		if n == 0 {
			return append([]any{}, a...), true, nil
		}
	case "getvalue", "get", "get_item":
		if n == 1 {
			i, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i >= len(a) {
				return nil, true, errMethodCall(name, n, "IndexOutOfRangeException", "Index was outside the bounds of the array.")
			}
			return a[i], true, nil
		}
	case "setvalue", "set", "set_item":
		if n == 2 {
			vi, ii := 0, 1
			if lname != "setvalue" {
				vi, ii = 1, 0
			}
			i, err := argInt(name, args, ii)
			if err != nil {
				return nil, true, err
			}
			if i < 0 || i >= len(a) {
				return nil, true, errMethodCall(name, n, "IndexOutOfRangeException", "Index was outside the bounds of the array.")
			}
			a[i] = args[vi]
			return nil, true, nil
		}
	case "add", "remove", "removeat", "insert", "clear":
		if lname == "clear" && n == 0 {
			for i := range a {
				a[i] = nil
			}
			return nil, true, nil
		}
		return nil, true, errMethodCall(name, n, "NotSupportedException", "Collection was of a fixed size.")
	case "getlength", "getupperbound", "getlowerbound":
		if n == 1 {
			switch lname {
			case "getlength":
				return int32(len(a)), true, nil
			case "getupperbound":
				return int32(len(a) - 1), true, nil
			}
			return int32(0), true, nil
		}
	case "tostring":
		if n == 0 {
			return "System.Object[]", true, nil
		}
	case "gettype", "equals", "gethashcode":
		return nil, false, nil
	default:
		if len(a) == 0 {
			return nil, true, errMethodNotFound("System.Object[]", name)
		}
		var out []any
		for _, e := range a {
			r, err := InvokeMethod(e, name, args)
			if err != nil {
				if me, ok := err.(*Error); ok && me.ErrorID == "MethodNotFound" {
					return nil, true, errMethodNotFound("System.Object[]", name)
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
	return nil, true, errOverload(name, n)
}

// hashtableMethod implements System.Collections.Hashtable methods.
func hashtableMethod(h *Hashtable, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	switch lname {
	case "containskey", "contains":
		if n == 1 {
			if args[0] == nil {
				return nil, true, errMethodCall(name, n, "ArgumentNullException", "Key cannot be null. (Parameter 'key')")
			}
			return h.Has(args[0]), true, nil
		}
	case "containsvalue":
		if n == 1 {
			for _, v := range h.Values() {
				if strictEqual(v, args[0]) {
					return true, true, nil
				}
			}
			return false, true, nil
		}
	case "add":
		if n == 2 {
			if args[0] == nil {
				return nil, true, errMethodCall(name, n, "ArgumentNullException", "Key cannot be null. (Parameter 'key')")
			}
			if h.Has(args[0]) {
				return nil, true, errMethodCall(name, n, "ArgumentException", dupKeyMsg(args[0]))
			}
			h.Set(args[0], args[1])
			return nil, true, nil
		}
	case "remove":
		if n == 1 {
			h.Remove(args[0])
			return nil, true, nil
		}
	case "clear":
		if n == 0 {
			h.Clear()
			return nil, true, nil
		}
	case "clone":
		if n == 0 {
			return h.Copy(), true, nil
		}
	case "get_item", "item":
		if n == 1 {
			v, _ := h.Get(args[0])
			return v, true, nil
		}
	case "set_item":
		if n == 2 {
			h.Set(args[0], args[1])
			return nil, true, nil
		}
	case "getenumerator":
		if n == 0 {
			out := make([]any, 0, h.Len())
			for i, k := range h.Keys() {
				out = append(out, NewDictionaryEntry(k, h.Values()[i]))
			}
			return out, true, nil
		}
	default:
		return nil, false, nil
	}
	return nil, true, errOverload(name, n)
}

// NewDictionaryEntry makes a System.Collections.DictionaryEntry value, as
// enumerating a hashtable yields: properties Name (alias of Key), Key and Value.
func NewDictionaryEntry(k, v any) *Object {
	o := NewObject("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
	o.Set("Name", k)
	o.Set("Key", k)
	o.Set("Value", v)
	return o
}
