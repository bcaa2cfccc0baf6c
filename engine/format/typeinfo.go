package format

import (
	"strings"
	"time"

	"github.com/csshell/csshell/engine/value"
	"github.com/shopspring/decimal"
)

// Type names of the values the formatter gives views to.
const (
	typeDictEntry   = "System.Collections.DictionaryEntry"
	typeTimeSpan    = "System.TimeSpan"
	typeRuntimeType = "System.RuntimeType"
)

// dictEntry is one entry of a hashtable: pwsh enumerates dictionaries
// before formatting them, so each entry is a row of the Name/Value table.
type dictEntry struct{ Key, Value any }

// typeNamesOf returns the type names used to select a view for v.
func typeNamesOf(v any) []string {
	switch x := v.(type) {
	case *value.Object:
		if len(x.TypeNames) == 0 {
			return []string{"System.Management.Automation.PSCustomObject", "System.Object"}
		}
		return x.TypeNames
	case dictEntry:
		return []string{typeDictEntry, "System.ValueType", "System.Object"}
	case time.Duration:
		return []string{typeTimeSpan, "System.ValueType", "System.Object"}
	case *value.Type:
		return []string{typeRuntimeType, "System.Reflection.TypeInfo", "System.Type", "System.Reflection.MemberInfo", "System.Object"}
	case value.Guid:
		return []string{"System.Guid", "System.ValueType", "System.Object"}
	case value.SwitchParameter:
		return []string{"System.Management.Automation.SwitchParameter", "System.ValueType", "System.Object"}
	case value.Native:
		var names []string
		for t := x.NativeType(); t != nil; t = t.BaseType() {
			names = append(names, t.FullName)
		}
		return names
	}
	return nil
}

// isScalar reports whether v is one of pwsh's DefaultScalarTypes (printed
// with ToString, right-aligned in tables unless it is a string).
func isScalar(v any) bool {
	switch v.(type) {
	case string, bool, int32, int64, int, uint8, float64, decimal.Decimal, value.Char:
		return true
	}
	return false
}

// isNumberLike reports whether a table column starting with v is
// right-aligned: scalars other than strings.
func isNumberLike(v any) bool {
	if _, ok := v.(string); ok {
		return false
	}
	return isScalar(v)
}

// timeSpanProps are the properties of a TimeSpan, in .NET 8's order.
var timeSpanProps = []string{"Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds",
	"Minutes", "Seconds", "TotalDays", "TotalHours", "TotalMilliseconds", "TotalMicroseconds",
	"TotalNanoseconds", "TotalMinutes", "TotalSeconds"}

// propertyNames lists the properties a view built from properties shows.
func propertyNames(v any) []string {
	switch x := v.(type) {
	case *value.Object:
		if x.Base != nil && len(x.Properties()) == 0 {
			return propertyNames(x.Base)
		}
		return x.PropertyNames()
	case dictEntry:
		return []string{"Name", "Key", "Value"}
	case time.Duration:
		return timeSpanProps
	case *value.Type:
		return []string{"IsPublic", "IsSerial", "Name", "BaseType"}
	case value.Guid:
		return []string{"Guid"}
	case value.SwitchParameter:
		return []string{"IsPresent"}
	case value.Native:
		return x.Properties()
	}
	return nil
}

// member reads a property of v, knowing the formatter's own types.
func member(v any, name string) (any, bool) {
	switch x := v.(type) {
	case *value.Object:
		if r, ok := x.Get(name); ok {
			return r, true
		}
	case dictEntry:
		switch strings.ToLower(name) {
		case "name", "key":
			return x.Key, true
		case "value":
			return x.Value, true
		}
		return nil, false
	case time.Duration:
		if r, ok := durationMember(x, name); ok {
			return r, true
		}
	case *value.Type:
		switch strings.ToLower(name) {
		case "ispublic", "isserial":
			return true, true
		case "name":
			return x.Name, true
		case "fullname":
			return x.FullName, true
		case "basetype":
			return baseTypeName(x), true
		}
	case value.Guid:
		if strings.EqualFold(name, "Guid") {
			return value.ToString(x), true
		}
	case value.SwitchParameter:
		if strings.EqualFold(name, "IsPresent") {
			return bool(x), true
		}
	}
	return value.GetMember(v, name)
}

// baseTypeName approximates Type.BaseType for the type table.
func baseTypeName(t *value.Type) string {
	if t.IsArray() {
		return "System.Array"
	}
	switch t.FullName {
	case "System.Object":
		return ""
	case "System.Int32", "System.Int64", "System.Byte", "System.Double", "System.Decimal", "System.Char",
		"System.Boolean", "System.DateTime", "System.TimeSpan", "System.Guid", "System.Int16", "System.UInt16",
		"System.UInt32", "System.UInt64", "System.Single", "System.SByte",
		"System.Management.Automation.SwitchParameter":
		return "System.ValueType"
	}
	return "System.Object"
}

// TimeSpan tick constants.
const (
	ticksPerMs     = 10000
	ticksPerSecond = ticksPerMs * 1000
	ticksPerMinute = ticksPerSecond * 60
	ticksPerHour   = ticksPerMinute * 60
	ticksPerDay    = ticksPerHour * 24
)

// durationMember returns a TimeSpan property of d.
func durationMember(d time.Duration, name string) (any, bool) {
	t := int64(d / 100)
	switch strings.ToLower(name) {
	case "ticks":
		return t, true
	case "days":
		return int32(t / ticksPerDay), true
	case "hours":
		return int32(t / ticksPerHour % 24), true
	case "minutes":
		return int32(t / ticksPerMinute % 60), true
	case "seconds":
		return int32(t / ticksPerSecond % 60), true
	case "milliseconds":
		return int32(t / ticksPerMs % 1000), true
	case "microseconds":
		return int32(t / 10 % 1000), true
	case "nanoseconds":
		return int32(t % 10 * 100), true
	case "totaldays":
		return float64(t) / ticksPerDay, true
	case "totalhours":
		return float64(t) / ticksPerHour, true
	case "totalminutes":
		return float64(t) / ticksPerMinute, true
	case "totalseconds":
		return float64(t) / ticksPerSecond, true
	case "totalmilliseconds":
		return float64(t) / ticksPerMs, true
	case "totalmicroseconds":
		return float64(t) / 10, true
	case "totalnanoseconds":
		return float64(t) * 100, true
	}
	return nil, false
}

// longDate is pwsh's en-US display of a DateTime (its DateTime property):
// "Thursday, November 26, 2026 12:25:38 AM".
func longDate(t time.Time) string {
	return t.Format("Monday, January 2, 2006 3:04:05 PM")
}

// outOfBand returns the text printed in place for v when pwsh formats it
// out of band (scalars, dates, property-less objects, values with no
// properties to show), and whether it is such a value.
func outOfBand(v any) (string, bool) {
	switch x := v.(type) {
	case time.Time:
		return "\n" + longDate(x) + "\n\n", true
	case *value.Object:
		if x.Base != nil && (isScalar(x.Base) || len(x.Properties()) == 0) {
			return outOfBand(x.Base)
		}
		if len(x.Properties()) == 0 {
			return value.ToString(x) + "\n", true
		}
		return "", false
	case dictEntry, time.Duration, *value.Type, value.Guid, value.SwitchParameter:
		return "", false
	case value.Native:
		if len(x.Properties()) > 0 {
			return "", false
		}
	}
	return value.ToString(v) + "\n", true
}
