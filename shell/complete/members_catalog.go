package complete

import (
	"time"

	"github.com/csshell/csshell/engine/value"
)

// method is a .NET method offered after '.': Name( when it takes
// arguments, Name() when it takes none.
type method struct {
	name   string
	noArgs bool
}

// objectMethods are the methods every object has.
var objectMethods = []method{{"Equals", false}, {"GetHashCode", true}, {"GetType", true}, {"ToString", true}}

var stringMethods = []method{
	{"Clone", true}, {"CompareTo", false}, {"Contains", false}, {"EndsWith", false}, {"Equals", false},
	{"GetEnumerator", true}, {"GetHashCode", true}, {"GetType", true}, {"IndexOf", false}, {"IndexOfAny", false},
	{"Insert", false}, {"IsNormalized", true}, {"LastIndexOf", false}, {"Normalize", true}, {"PadLeft", false},
	{"PadRight", false}, {"Remove", false}, {"Replace", false}, {"Split", false}, {"StartsWith", false},
	{"Substring", false}, {"ToCharArray", true}, {"ToLower", true}, {"ToLowerInvariant", true}, {"ToString", true},
	{"ToUpper", true}, {"ToUpperInvariant", true}, {"Trim", true}, {"TrimEnd", true}, {"TrimStart", true},
}

var arrayProps = []string{"Count", "IsFixedSize", "IsReadOnly", "IsSynchronized", "Length", "LongLength", "Rank"}

var arrayMethods = []method{
	{"Clone", true}, {"Contains", false}, {"Equals", false}, {"GetHashCode", true}, {"GetLength", false},
	{"GetLowerBound", false}, {"GetType", true}, {"GetUpperBound", false}, {"GetValue", false}, {"IndexOf", false},
	{"LastIndexOf", false}, {"SetValue", false}, {"ToString", true},
}

var hashtableProps = []string{"Count", "IsFixedSize", "IsReadOnly", "IsSynchronized", "Keys", "Values"}

var hashtableMethods = []method{
	{"Add", false}, {"Clear", true}, {"Clone", true}, {"Contains", false}, {"ContainsKey", false},
	{"ContainsValue", false}, {"Equals", false}, {"GetEnumerator", true}, {"GetHashCode", true}, {"GetType", true},
	{"Remove", false}, {"ToString", true},
}

var dateProps = []string{"Date", "Day", "DayOfWeek", "DayOfYear", "Hour", "Kind", "Microsecond", "Millisecond",
	"Minute", "Month", "Second", "Ticks", "TimeOfDay", "Year"}

var dateMethods = []method{
	{"AddDays", false}, {"AddHours", false}, {"AddMilliseconds", false}, {"AddMinutes", false}, {"AddMonths", false},
	{"AddSeconds", false}, {"AddYears", false}, {"CompareTo", false}, {"Equals", false}, {"GetHashCode", true},
	{"GetType", true}, {"ToLocalTime", true}, {"ToString", false}, {"ToUniversalTime", true},
}

var timeSpanProps = []string{"Days", "Hours", "Milliseconds", "Minutes", "Seconds", "Ticks", "TotalDays",
	"TotalHours", "TotalMilliseconds", "TotalMinutes", "TotalSeconds"}

// memberSet lists the members of a value: property names (in the value's
// own order) and methods.
type memberSet struct {
	props   []string
	methods []method
}

// membersOf describes what can follow '.' on a value: PSCustomObject
// properties, hashtable keys, and the members of strings, arrays (with the
// properties of their elements, which member enumeration reaches), dates,
// time spans and scalars.
func membersOf(v any) memberSet {
	switch x := v.(type) {
	case nil:
		return memberSet{}
	case *value.Object:
		if x == nil {
			return memberSet{}
		}
		ms := memberSet{props: x.PropertyNames(), methods: objectMethods}
		if x.Base != nil {
			base := membersOf(x.Base)
			ms.props = append(ms.props, base.props...)
			ms.methods = append(append([]method(nil), ms.methods...), base.methods...)
		}
		return ms
	case *value.Hashtable:
		if x == nil {
			return memberSet{}
		}
		var keys []string
		for _, k := range x.Keys() {
			keys = append(keys, value.ToString(k))
		}
		return memberSet{props: append(keys, hashtableProps...), methods: hashtableMethods}
	case string:
		return memberSet{props: []string{"Length"}, methods: stringMethods}
	case []any:
		ms := memberSet{props: append([]string(nil), arrayProps...), methods: arrayMethods}
		if len(x) > 0 {
			switch x[0].(type) {
			case *value.Object, *value.Hashtable:
				ms.props = append(ms.props, membersOf(x[0]).props...)
			}
		}
		return ms
	case time.Time:
		return memberSet{props: dateProps, methods: dateMethods}
	case time.Duration:
		return memberSet{props: timeSpanProps, methods: objectMethods}
	case int, int32, int64, float64, bool, uint8, uint32, uint64:
		return memberSet{methods: append([]method{{"CompareTo", false}}, objectMethods...)}
	}
	return memberSet{methods: objectMethods}
}
