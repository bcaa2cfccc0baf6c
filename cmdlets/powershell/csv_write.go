package powershell

import (
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// csvQuoteKind is -UseQuotes: Never, Always (the default) or AsNeeded.
type csvQuoteKind int

const (
	csvQuoteAlways csvQuoteKind = iota
	csvQuoteNever
	csvQuoteAsNeeded
)

// csvWriter is pwsh's ExportCsvHelper: it turns objects into CSV lines.
type csvWriter struct {
	delim rune
	quote csvQuoteKind
	// quoteFields, when not nil, is -QuoteFields (lower-cased names): those
	// columns are always quoted and no others are.
	quoteFields map[string]bool
}

// csvPropertyNames lists the columns an object exports as: a dictionary's
// keys, else its properties (PSCustomObject notes, then the adapted
// properties of the wrapped value).
func csvPropertyNames(v any) []string {
	switch x := v.(type) {
	case *value.Hashtable:
		names := make([]string, 0, x.Len())
		for _, k := range x.Keys() {
			names = append(names, value.ToString(k))
		}
		return names
	case *value.Object:
		names := x.PropertyNames()
		if x.Base != nil {
			for _, n := range csvPropertyNames(x.Base) {
				if !x.Has(n) {
					names = append(names, n)
				}
			}
		}
		return names
	case time.Duration:
		return append([]string(nil), csvTimeSpanProps...)
	case *engine.ErrorRecord:
		return []string{"PSMessageDetails", "Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId",
			"ErrorDetails", "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo"}
	}
	return propertyNamesOf(v)
}

// csvTimeSpanProps are TimeSpan's properties in .NET 8's order.
var csvTimeSpanProps = []string{"Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds",
	"Minutes", "Seconds", "TotalDays", "TotalHours", "TotalMilliseconds", "TotalMicroseconds",
	"TotalNanoseconds", "TotalMinutes", "TotalSeconds"}

// csvFieldValue returns the text of one column of an object, and false when
// the value is $null or missing (the field is then left empty, unquoted).
func csvFieldValue(v any, name string) (string, bool) {
	if h, ok := v.(*value.Hashtable); ok {
		if x, has := h.Get(name); has {
			if x == nil {
				return "", false
			}
			return csvText(x), true
		}
	}
	if o, ok := v.(*value.Object); ok && o != nil && o.Base == nil {
		x, has := o.Get(name)
		if !has || x == nil {
			return "", false
		}
		return csvText(x), true
	}
	if _, ok := v.(*value.Hashtable); !ok && !csvHasProperty(v, name) {
		return "", false
	}
	x, ok := propOf(v, name)
	if !ok || x == nil {
		return "", false
	}
	return csvText(x), true
}

// csvHasProperty reports whether v has a property called name.
func csvHasProperty(v any, name string) bool {
	for _, n := range csvPropertyNames(v) {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// csvText is a value's .NET ToString(), which is what Export-Csv writes:
// arrays are "System.Object[]", doubles round-trip, dates use the
// (invariant) culture's general format.
func csvText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		return "System.Object[]"
	case *engine.ErrorRecord:
		return x.Message
	case *value.Object:
		return value.ToString(x)
	case value.ScriptBlockValue:
		return x.ScriptText()
	}
	if r, err := value.InvokeMethod(v, "ToString", nil); err == nil {
		if s, ok := r.(string); ok {
			return s
		}
	}
	return value.ToString(v)
}

// csvTypeLine is the "#TYPE name" line of -IncludeTypeInformation; an
// imported object's "CSV:" prefix is dropped.
func csvTypeLine(v any) string {
	name := typeNameOf(v)
	if o, ok := v.(*value.Object); ok && len(o.TypeNames) > 0 {
		name = o.TypeNames[0]
	}
	if len(name) >= 4 && strings.EqualFold(name[:4], "CSV:") {
		name = name[4:]
	}
	return "#TYPE " + name
}

// quoteAlways appends s in double quotes, doubling the quotes inside.
func quoteAlways(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' {
			b.WriteByte('"')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
}

// field appends one field (a header name or a value) as -UseQuotes and
// -QuoteFields say.
func (w *csvWriter) field(b *strings.Builder, column, s string) {
	if w.quoteFields != nil {
		if w.quoteFields[strings.ToLower(column)] {
			quoteAlways(b, s)
		} else {
			b.WriteString(s)
		}
		return
	}
	switch w.quote {
	case csvQuoteAlways:
		quoteAlways(b, s)
	case csvQuoteAsNeeded:
		if strings.ContainsRune(s, w.delim) || strings.ContainsAny(s, "\n\"") {
			quoteAlways(b, s)
		} else {
			b.WriteString(s)
		}
	default:
		b.WriteString(s)
	}
}

// headerLine is the line of column names.
func (w *csvWriter) headerLine(names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteRune(w.delim)
		}
		w.field(&b, n, n)
	}
	return b.String()
}

// recordLine is the line of one object's values for the given columns.
func (w *csvWriter) recordLine(v any, names []string) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteRune(w.delim)
		}
		if s, ok := csvFieldValue(v, n); ok {
			w.field(&b, n, s)
		}
	}
	return b.String()
}
