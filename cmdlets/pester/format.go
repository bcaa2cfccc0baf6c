package pester

import (
	"fmt"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// formatNicely is Pester's Format-Nicely: how values appear in failure
// messages.
func formatNicely(v any) string {
	if o, ok := v.(*value.Object); ok && o.Base != nil {
		if _, isHash := o.Base.(*value.Hashtable); !isHash {
			v = o.Base
		}
	}
	switch x := v.(type) {
	case nil:
		return "$null"
	case bool:
		if x {
			return "$true"
		}
		return "$false"
	case string:
		if x == "" {
			return "<empty>"
		}
		return "'" + x + "'"
	case time.Time:
		return x.Format("2006-01-02T15:04:05.0000000Z07:00")
	case *value.Type:
		return "[" + x.FullName + "]"
	case *engine.ScriptBlock:
		return "{" + x.ScriptText() + "}"
	case *value.Hashtable:
		return value.ToString(x)
	case int, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64:
		return value.ToString(x)
	}
	if items, ok := value.Enumerate(v); ok {
		return formatCollection(items)
	}
	return value.ToString(v)
}

// formatCollection is Format-Collection: @(a, b, c), ten items at most.
func formatCollection(items []any) string {
	const limit = 10
	parts := make([]string, 0, limit)
	for i, it := range items {
		if i == limit {
			break
		}
		parts = append(parts, formatNicely(it))
	}
	s := "@(" + strings.Join(parts, ", ")
	if len(items) > limit {
		s += fmt.Sprintf(", ...%d more", len(items)-limit)
	}
	return s + ")"
}

// formatBecause is Format-Because: " because <reason>," or nothing.
func formatBecause(because string) string {
	if strings.TrimSpace(because) == "" {
		return ""
	}
	return " because " + strings.TrimPrefix(strings.TrimSpace(because), "because ") + ","
}

// joinAnd is Join-And: "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// typeName is the .NET full name of a value's type.
func typeName(v any) *value.Type { return value.TypeOf(v) }

// escapeControl is Pester's EscapeControlChars: control characters as
// their escapes (\n, \r, \t…).
func escapeControl(s string) string {
	r := strings.NewReplacer("\n", `\n`, "\r", `\r`, "\t", `\t`, "\a", `\a`, "\b", `\b`, "\f", `\f`, "\v", `\v`, "\x00", `\0`)
	return r.Replace(s)
}

// compareStrings is Get-CompareStringMessage: the lines Be and BeExactly
// print when two strings differ.
func compareStrings(expected, actual string, caseSensitive bool, because string) string {
	er, ar := []rune(expected), []rune(actual)
	n := len(er)
	if len(ar) > n {
		n = len(ar)
	}
	diff := -1
	for i := 0; i < n; i++ {
		if i >= len(er) || i >= len(ar) {
			diff = i
			break
		}
		a, b := string(er[i]), string(ar[i])
		if caseSensitive && a != b || !caseSensitive && !strings.EqualFold(a, b) {
			diff = i
			break
		}
	}
	if diff < 0 {
		return ""
	}
	lines := []string{"Expected strings to be the same," + formatBecause(because) + " but they were different."}
	if len(er) != len(ar) {
		lines = append(lines, fmt.Sprintf("Expected length: %d", len(er)), fmt.Sprintf("Actual length:   %d", len(ar)))
	} else {
		lines = append(lines, fmt.Sprintf("String lengths are both %d.", len(er)))
	}
	lines = append(lines, fmt.Sprintf("Strings differ at index %d.", diff))
	ex, ax := escapeControl(expected), escapeControl(actual)
	// The caret points at the difference in the escaped actual text.
	caret := len([]rune(escapeControl(string(ar[:min(diff, len(ar))]))))
	lines = append(lines, "Expected: '"+ex+"'", "But was:  '"+ax+"'", strings.Repeat(" ", len("Expected: ''")-1)+strings.Repeat("-", caret)+"^")
	return strings.Join(lines, "\n")
}
