package value

// arrayStatic implements [array]'s static methods: IndexOf, LastIndexOf and
// Reverse (in place, as .NET does).
func arrayStatic(n string, args []any) (any, bool, error) {
	if len(args) == 0 {
		return nil, false, nil
	}
	arr, ok := args[0].([]any)
	if !ok {
		return nil, false, nil
	}
	switch {
	case n == "indexof" && len(args) == 2:
		for i, v := range arr {
			if strictEqual(v, args[1]) {
				return int32(i), true, nil
			}
		}
		return int32(-1), true, nil
	case n == "lastindexof" && len(args) == 2:
		for i := len(arr) - 1; i >= 0; i-- {
			if strictEqual(arr[i], args[1]) {
				return int32(i), true, nil
			}
		}
		return int32(-1), true, nil
	case n == "reverse" && len(args) == 1:
		for i, j := 0, len(arr)-1; i < j; i, j = i+1, j-1 {
			arr[i], arr[j] = arr[j], arr[i]
		}
		return nil, true, nil
	}
	return nil, false, nil
}
