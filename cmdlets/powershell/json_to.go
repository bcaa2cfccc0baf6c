package powershell

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/shopspring/decimal"
)

// registerJSONCmdlets adds ConvertTo-Json and ConvertFrom-Json.
func registerJSONCmdlets(rt *engine.Runtime) {
	to := newToJSONParams()
	rt.Register(&engine.Cmdlet{
		Name: "ConvertTo-Json", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Converts an object to a JSON-formatted string.",
		Description: "The ConvertTo-Json cmdlet converts any .NET object to a string in JavaScript Object Notation (JSON) format. The properties are converted to field names, the field values are converted to property values, and the methods are removed.",
		Params:      to.infos(),
		Outputs:     []string{"System.String"},
		Examples: []engine.Example{{Title: "Convert a hashtable", Code: "@{Name='x'; Count=2} | ConvertTo-Json -Compress",
			Remarks: "Returns a one-line JSON object."}},
		New: func() engine.Processor { return &toJSON{p: to} },
	})
	from := newFromJSONParams()
	rt.Register(&engine.Cmdlet{
		Name: "ConvertFrom-Json", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Converts a JSON-formatted string to a custom object or a hash table.",
		Description: "The ConvertFrom-Json cmdlet converts a JavaScript Object Notation (JSON) formatted string to a custom PSObject or Hashtable object that has a property for each field in the JSON string.",
		Params:      from.infos(),
		Outputs:     []string{"System.Management.Automation.PSCustomObject"},
		Examples: []engine.Example{{Title: "Read a JSON file", Code: "Get-Content ./data.json -Raw | ConvertFrom-Json",
			Remarks: "Turns the file's JSON into objects."}},
		New: func() engine.Processor { return &fromJSON{p: from} },
	})
}

// toJSON is ConvertTo-Json.
type toJSON struct {
	p     *toJSONParams
	items []any
}

func (t *toJSON) Begin(c *engine.Call) error { return nil }

func (t *toJSON) Process(c *engine.Call) error {
	if c.HasInput || t.p.inputObject.Given(c) {
		t.items = append(t.items, t.p.inputObject.Get(c))
	}
	return nil
}

func (t *toJSON) End(c *engine.Call) error {
	if len(t.items) == 0 {
		return nil
	}
	var v any
	if len(t.items) == 1 && !t.p.asArray.Get(c) {
		v = t.items[0]
	} else {
		v = append([]any(nil), t.items...)
	}
	opt := jsonOptions{depth: t.p.depth.Or(c, 2), compress: t.p.compress.Get(c), escape: strings.ToLower(t.p.escapeHandling.Get(c)),
		enumsAsStrings: t.p.enumsAsStrings.Get(c)}
	text, truncated := jsonSerialize(v, opt)
	if truncated {
		c.WriteWarning(fmt.Sprintf("Resulting JSON is truncated as serialization has exceeded the set depth of %d.", opt.depth))
	}
	return c.WriteObject(text)
}

// jsonOptions are the settings of one serialization.
type jsonOptions struct {
	depth    int
	compress bool
	escape   string // "", "default", "escapenonascii", "escapehtml"
	// enumsAsStrings writes enums by name (else by number).
	enumsAsStrings bool
}

// jsonSerialize renders v as pwsh 7's ConvertTo-Json does (Newtonsoft's
// writer); truncated reports that the depth limit cut the value.
func jsonSerialize(v any, opt jsonOptions) (text string, truncated bool) {
	w := &jsonWriter{opt: opt}
	w.value(v, 0, 0)
	return w.b.String(), w.truncated
}

// jsonWriter accumulates the output.
type jsonWriter struct {
	b         strings.Builder
	opt       jsonOptions
	truncated bool
}

// newline starts a new indented line (nothing when compressed).
func (w *jsonWriter) newline(indent int) {
	if w.opt.compress {
		return
	}
	w.b.WriteByte('\n')
	w.b.WriteString(strings.Repeat("  ", indent))
}

// jsonMember is a named value of an object.
type jsonMember struct {
	name string
	v    any
}

// value writes v at nesting depth (pwsh's currentDepth) and indent.
func (w *jsonWriter) value(v any, depth, indent int) {
	if l, ok := v.(*value.List); ok {
		// A list serializes as the array it holds.
		v = l.Snapshot()
	}
	if e, ok := v.(value.EnumValue); ok && w.opt.enumsAsStrings {
		v = e.String()
	}
	if s, ok := jsonScalar(v, w.opt.escape); ok {
		w.b.WriteString(s)
		return
	}
	if depth > w.opt.depth {
		w.truncated = true
		w.b.WriteString(jsonQuote(value.ToString(v), w.opt.escape))
		return
	}
	if x, ok := v.([]any); ok {
		w.container('[', ']', len(x), indent, func(i int) {
			w.value(x[i], depth+1, indent+1)
		})
		return
	}
	members := jsonMembers(v)
	w.container('{', '}', len(members), indent, func(i int) {
		m := members[i]
		w.b.WriteString(jsonQuote(m.name, w.opt.escape))
		if w.opt.compress {
			w.b.WriteByte(':')
		} else {
			w.b.WriteString(": ")
		}
		w.value(m.v, depth+1, indent+1)
	})
}

// container writes a JSON array or object of n items between left and
// right (just the two when n is 0), each item on its own line one level
// deeper than indent; item writes the i-th.
func (w *jsonWriter) container(left, right byte, n, indent int, item func(i int)) {
	w.b.WriteByte(left)
	if n == 0 {
		w.b.WriteByte(right)
		return
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			w.b.WriteByte(',')
		}
		w.newline(indent + 1)
		item(i)
	}
	w.newline(indent)
	w.b.WriteByte(right)
}

// jsonMembers lists the members an object serializes as.
func jsonMembers(v any) []jsonMember {
	switch x := v.(type) {
	case *value.Hashtable:
		keys, vals := x.Keys(), x.Values()
		out := make([]jsonMember, len(keys))
		for i := range keys {
			out[i] = jsonMember{value.ToString(keys[i]), vals[i]}
		}
		return out
	case *value.Object:
		props := x.Properties()
		out := make([]jsonMember, 0, len(props))
		for _, p := range props {
			out = append(out, jsonMember{p.Name, x.PropertyValue(p)})
		}
		return out
	case time.Duration:
		names := []string{"Ticks", "Days", "Hours", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes", "Seconds",
			"TotalDays", "TotalHours", "TotalMilliseconds", "TotalMicroseconds", "TotalNanoseconds", "TotalMinutes", "TotalSeconds"}
		var out []jsonMember
		for _, n := range names {
			if m, ok := value.GetMember(x, n); ok {
				out = append(out, jsonMember{n, m})
			}
		}
		return out
	case value.SwitchParameter:
		return []jsonMember{{"IsPresent", bool(x)}}
	case value.Native:
		var out []jsonMember
		for _, n := range x.Properties() {
			if m, ok := value.GetMember(x, n); ok {
				out = append(out, jsonMember{n, m})
			}
		}
		return out
	}
	return nil
}

// jsonScalar renders values Newtonsoft writes as JSON primitives.
func jsonScalar(v any, escape string) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "null", true
	case string:
		return jsonQuote(x, escape), true
	case value.Char:
		return jsonQuote(string(rune(x)), escape), true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case int32:
		return strconv.FormatInt(int64(x), 10), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case uint8:
		return strconv.Itoa(int(x)), true
	case float64:
		return jsonDouble(x), true
	case decimal.Decimal:
		s := value.ToString(x)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s, true
	case time.Time:
		return jsonQuote(jsonDate(x), escape), true
	case value.Guid:
		return jsonQuote(x.String(), escape), true
	case *value.Regex, *value.Type, *engine.ScriptBlock, *engine.ErrorRecord, *engine.CommandInfo:
		return jsonQuote(value.ToString(x), escape), true
	case *value.Object:
		if x != nil && len(x.Properties()) == 0 && x.Base != nil {
			return jsonScalar(x.Base, escape)
		}
		return "", false
	case value.EnumValue:
		return strconv.FormatInt(x.V, 10), true
	case value.Native:
		if len(x.Properties()) > 0 {
			return "", false
		}
	case []any, *value.Hashtable, time.Duration, value.SwitchParameter:
		return "", false
	}
	return jsonQuote(value.ToString(v), escape), true
}

// jsonDouble is Newtonsoft's double text: the round-trip form with ".0"
// added to integral values; NaN and infinities as strings.
func jsonDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return `"NaN"`
	case math.IsInf(f, 1):
		return `"Infinity"`
	case math.IsInf(f, -1):
		return `"-Infinity"`
	}
	s := dotnetRoundTrip(f)
	if !strings.ContainsAny(s, ".E") {
		s += ".0"
	}
	return s
}

// dotnetRoundTrip formats f like .NET's double.ToString("R"): the shortest
// round-trip digits, in exponent form ("1E+20", "1E-05") when the exponent
// is below -5 or at least 15.
func dotnetRoundTrip(f float64) string {
	if f == 0 {
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // d.ddde±XX
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	if exp < -5 || exp >= 15 {
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		return fmt.Sprintf("%sE%s%02d", mant, sign, exp)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// jsonDate is Newtonsoft's ISO 8601 round-trip text of a DateTime:
// fractional seconds without trailing zeros, "Z" for UTC, an offset for
// fixed zones and nothing for local (unspecified) times.
func jsonDate(t time.Time) string {
	s := t.Format("2006-01-02T15:04:05")
	if ns := t.Nanosecond() / 100; ns != 0 {
		frac := strings.TrimRight(fmt.Sprintf("%07d", ns), "0")
		s += "." + frac
	}
	switch {
	case t.Location() == time.UTC:
		s += "Z"
	case t.Location() == time.Local:
	default:
		s += t.Format("-07:00")
	}
	return s
}

// jsonQuote quotes and escapes s as Newtonsoft does.
func jsonQuote(s string, escape string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	hexRune := func(u uint16) { fmt.Fprintf(&b, "\\u%04x", u) }
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || r == 0x85 || r == 0x2028 || r == 0x2029:
			hexRune(uint16(r))
		case escape == "escapehtml" && (r == '<' || r == '>' || r == '\'' || r == '&'):
			hexRune(uint16(r))
		case escape == "escapenonascii" && r > 0x7E:
			for _, u := range utf16.Encode([]rune{r}) {
				hexRune(u)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
