package format

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// FormatValue applies a .NET format spec (Column.FormatString) to a value.
// The engine sets it; when nil, the value is shown with value.ToString.
var FormatValue func(v any, spec string) (string, error)

// defaultEnumerationLimit is $FormatEnumerationLimit's default: how many
// elements of a collection a cell shows before "…".
const defaultEnumerationLimit = 4

// ellipsis ends truncated cells and collections.
const ellipsis = "…"

// columnValue reads the raw value of column c for item.
func columnValue(c Column, item any) (any, error) {
	if c.Value != nil {
		return c.Value(item)
	}
	if c.Property == "" {
		return nil, nil
	}
	v, _ := member(item, c.Property)
	return v, nil
}

// columnText is the display text of column c for item. A failing
// computed column shows as empty, as in pwsh; the error is returned.
func columnText(c Column, item any, limit int) (string, error) {
	v, err := columnValue(c, item)
	if err != nil {
		return "", err
	}
	if c.FormatString != "" && v != nil {
		if FormatValue != nil {
			s, err := FormatValue(v, c.FormatString)
			if err != nil {
				return "", err
			}
			return s, nil
		}
		return value.ToString(v), nil
	}
	return displayString(v, limit), nil
}

// displayString is pwsh's SmartToString: collections as "{a, b, c…}" up to
// limit elements (a negative limit shows them all), everything else through
// value.ToString.
func displayString(v any, limit int) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		return enumString(len(x), func(i int) any { return x[i] }, limit)
	case *value.List:
		items := x.Snapshot()
		return enumString(len(items), func(i int) any { return items[i] }, limit)
	case *value.Hashtable:
		keys, vals := x.Keys(), x.Values()
		return enumString(len(keys), func(i int) any { return dictEntry{keys[i], vals[i]} }, limit)
	}
	return value.ToString(v)
}

// enumString renders n elements as "{e1, e2…}".
func enumString(n int, at func(int) any, limit int) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i < n; i++ {
		if limit >= 0 && i == limit {
			b.WriteString(ellipsis)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(elementString(at(i)))
	}
	b.WriteByte('}')
	return b.String()
}

// elementString is the text of one element of a collection in a cell:
// nested collections show their type name.
func elementString(v any) string {
	switch x := v.(type) {
	case dictEntry:
		return "[" + elementString(x.Key) + ", " + elementString(x.Value) + "]"
	case []any:
		return "System.Object[]"
	case *value.List:
		s, _ := value.InvokeMethod(x, "ToString", nil)
		return value.ToString(s)
	}
	return value.ToString(v)
}

// firstLine is StringManipulationHelper.TruncateAtNewLine: a cell of a
// table shows its first line, followed by "…" when there are more.
func firstLine(s string) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		return s[:i] + ellipsis
	}
	return s
}
