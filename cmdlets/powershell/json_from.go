package powershell

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// fromJSON is ConvertFrom-Json: it buffers its input strings and converts
// them in End, as pwsh does.
type fromJSON struct {
	p   *fromJSONParams
	buf []string
}

func (f *fromJSON) Begin(c *engine.Call) error { return nil }

func (f *fromJSON) Process(c *engine.Call) error {
	if s, ok := f.p.inputObject.Lookup(c); ok {
		f.buf = append(f.buf, s)
	}
	return nil
}

func (f *fromJSON) End(c *engine.Call) error {
	switch len(f.buf) {
	case 0:
		return nil
	case 1:
		_, err := f.convert(c, f.buf[0])
		return err
	}
	// Several strings: when the first one is complete JSON each is
	// converted on its own, else they are joined into one document.
	ok, err := f.convert(c, f.buf[0])
	if err != nil {
		if rec, isRec := err.(*engine.ErrorRecord); isRec && rec.ErrorID == "System.ArgumentException" {
			_, err = f.convert(c, strings.Join(f.buf, "\n"))
			return err
		}
		return err
	}
	if ok {
		for _, s := range f.buf[1:] {
			if _, err := f.convert(c, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// convert parses one JSON text and writes the result.
func (f *fromJSON) convert(c *engine.Call, text string) (bool, error) {
	if strings.TrimSpace(text) == "" {
		return true, nil
	}
	v, err := jsonParse(text, jsonParseOptions{asHashtable: f.p.asHashtable.Get(c), maxDepth: f.p.depth.Or(c, 1024), dateKind: strings.ToLower(f.p.dateKind.Get(c))})
	if err != nil {
		return false, err
	}
	if f.p.noEnumerate.Get(c) {
		return true, c.WriteObject(v)
	}
	return true, c.WriteObjects(v)
}

// jsonParseOptions are ConvertFrom-Json's settings.
type jsonParseOptions struct {
	asHashtable bool
	maxDepth    int
	dateKind    string // "", "default", "local", "utc", "offset", "string"
}

// jsonParse converts JSON text to PowerShell values: objects to
// PSCustomObjects (or hashtables), arrays to []any, integers to int64
// (larger ones to double), reals to double and ISO dates to time.Time. Errors
// carry pwsh's messages.
func jsonParse(text string, opt jsonParseOptions) (any, error) {
	if opt.maxDepth <= 0 {
		opt.maxDepth = 1024
	}
	p := &jsonParser{s: []rune(text), opt: opt, line: 1}
	p.skip()
	if p.i >= len(p.s) {
		return nil, nil
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skip()
	if p.i < len(p.s) {
		return nil, p.fail("Additional text encountered after finished reading JSON content: %c.", p.s[p.i])
	}
	return v, nil
}

// jsonParser is a Newtonsoft-lenient JSON reader (comments, single quotes,
// unquoted property names, NaN and Infinity).
type jsonParser struct {
	s         []rune
	i         int
	line      int
	lineStart int
	path      []string
	opt       jsonParseOptions
}

// fail makes pwsh's conversion error with Newtonsoft's location suffix.
func (p *jsonParser) fail(format string, args ...any) *engine.ErrorRecord {
	msg := fmt.Sprintf(format, args...)
	msg = fmt.Sprintf("Conversion from JSON failed with error: %s Path '%s', line %d, position %d.", msg, p.pathString(), p.line, p.i-p.lineStart)
	return engine.NewError("ParserError", "System.ArgumentException", nil, "%s", msg).WithException("System.ArgumentException")
}

func (p *jsonParser) pathString() string {
	var b strings.Builder
	for _, seg := range p.path {
		if strings.HasPrefix(seg, "[") {
			b.WriteString(seg)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(seg)
	}
	return b.String()
}

// skip passes white space and comments.
func (p *jsonParser) skip() {
	for p.i < len(p.s) {
		r := p.s[p.i]
		switch {
		case r == '\n':
			p.i++
			p.line++
			p.lineStart = p.i
		case unicode.IsSpace(r) || r == '\uFEFF':
			p.i++
		case r == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '/':
			for p.i < len(p.s) && p.s[p.i] != '\n' {
				p.i++
			}
		case r == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '*':
			p.i += 2
			for p.i < len(p.s) && !(p.s[p.i] == '*' && p.i+1 < len(p.s) && p.s[p.i+1] == '/') {
				if p.s[p.i] == '\n' {
					p.line++
					p.lineStart = p.i + 1
				}
				p.i++
			}
			p.i += 2
		default:
			return
		}
	}
}

// value reads one value at a nesting depth.
func (p *jsonParser) value(depth int) (any, error) {
	p.skip()
	if p.i >= len(p.s) {
		return nil, p.fail("Unexpected end when reading JSON.")
	}
	r := p.s[p.i]
	switch {
	case r == '{':
		if depth+1 > p.opt.maxDepth {
			p.i++
			return nil, p.fail("The reader's MaxDepth of %d has been exceeded.", p.opt.maxDepth)
		}
		return p.object(depth + 1)
	case r == '[':
		if depth+1 > p.opt.maxDepth {
			p.i++
			return nil, p.fail("The reader's MaxDepth of %d has been exceeded.", p.opt.maxDepth)
		}
		return p.array(depth + 1)
	case r == '"' || r == '\'':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		if t, ok := jsonParseDate(s, p.opt.dateKind); ok {
			return t, nil
		}
		return s, nil
	case r == '-' || r == '.' || (r >= '0' && r <= '9'):
		return p.number()
	case unicode.IsLetter(r):
		word := p.word()
		switch word {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null", "undefined":
			return nil, nil
		case "NaN":
			return math.NaN(), nil
		case "Infinity":
			return math.Inf(1), nil
		}
		p.i -= len([]rune(word)) - 1
		return nil, p.fail("Unexpected character encountered while parsing value: %c.", r)
	}
	p.i++
	return nil, p.fail("Unexpected character encountered while parsing value: %c.", r)
}

// word reads a run of identifier characters.
func (p *jsonParser) word() string {
	start := p.i
	for p.i < len(p.s) && (unicode.IsLetter(p.s[p.i]) || unicode.IsDigit(p.s[p.i]) || p.s[p.i] == '_' || p.s[p.i] == '$') {
		p.i++
	}
	return string(p.s[start:p.i])
}

// number reads a JSON number: int64 when integral and in range, else double.
func (p *jsonParser) number() (any, error) {
	start := p.i
	if p.s[p.i] == '-' {
		p.i++
		if p.i < len(p.s) && p.s[p.i] == 'I' {
			if w := p.word(); w == "Infinity" {
				return math.Inf(-1), nil
			}
			return nil, p.fail("Unexpected character encountered while parsing value: -.")
		}
	}
	for p.i < len(p.s) && strings.ContainsRune("0123456789.eE+-", p.s[p.i]) {
		if (p.s[p.i] == '+' || p.s[p.i] == '-') && !(p.s[p.i-1] == 'e' || p.s[p.i-1] == 'E') {
			break
		}
		p.i++
	}
	text := string(p.s[start:p.i])
	if !strings.ContainsAny(text, ".eE") {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return n, nil
		}
		if n, ok := new(big.Int).SetString(text, 10); ok {
			f, _ := new(big.Float).SetInt(n).Float64()
			return f, nil
		}
	}
	if f, err := strconv.ParseFloat(text, 64); err == nil {
		return f, nil
	}
	return nil, p.fail("Input string '%s' is not a valid number.", text)
}

// str reads a quoted string.
func (p *jsonParser) str() (string, error) {
	quote := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		r := p.s[p.i]
		p.i++
		switch {
		case r == quote:
			return b.String(), nil
		case r == '\\':
			if p.i >= len(p.s) {
				return "", p.fail("Unterminated string. Expected delimiter: %c.", quote)
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u':
				if p.i+4 > len(p.s) {
					return "", p.fail("Unexpected end while parsing Unicode escape sequence.")
				}
				n, err := strconv.ParseUint(string(p.s[p.i:p.i+4]), 16, 16)
				if err != nil {
					return "", p.fail("Invalid Unicode escape sequence: \\u%s.", string(p.s[p.i:p.i+4]))
				}
				p.i += 4
				u := rune(n)
				if utf16.IsSurrogate(u) && p.i+6 <= len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
					if n2, err := strconv.ParseUint(string(p.s[p.i+2:p.i+6]), 16, 16); err == nil {
						if d := utf16.DecodeRune(u, rune(n2)); d != unicode.ReplacementChar {
							p.i += 6
							b.WriteRune(d)
							continue
						}
					}
				}
				b.WriteRune(u)
			default:
				b.WriteRune(e)
			}
		case r == '\n':
			p.line++
			p.lineStart = p.i
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return "", p.fail("Unterminated string. Expected delimiter: %c.", quote)
}

// array reads [ … ].
func (p *jsonParser) array(depth int) (any, error) {
	p.i++
	out := []any{}
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, p.fail("Unexpected end when deserializing array.")
		}
		if p.s[p.i] == ']' {
			p.i++
			return out, nil
		}
		v, err := p.valueAt(fmt.Sprintf("[%d]", len(out)), depth)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if err := p.afterValue(']', "array"); err != nil {
			return nil, err
		}
	}
}

// valueAt reads a member's value with elem (an index or a property name)
// added to the path errors report; on an error the path keeps it.
func (p *jsonParser) valueAt(elem string, depth int) (any, error) {
	p.path = append(p.path, elem)
	v, err := p.value(depth)
	if err != nil {
		return nil, err
	}
	p.path = p.path[:len(p.path)-1]
	return v, nil
}

// afterValue reads what follows a member of an array or object (kind):
// a comma, which it consumes, or the closing bracket end, which it leaves
// for the next turn of the caller's loop.
func (p *jsonParser) afterValue(end rune, kind string) error {
	p.skip()
	if p.i >= len(p.s) {
		return p.fail("Unexpected end when deserializing %s.", kind)
	}
	switch p.s[p.i] {
	case ',':
		p.i++
	case end:
	default:
		r := p.s[p.i]
		p.i++
		return p.fail("After parsing a value an unexpected character was encountered: %c.", r)
	}
	return nil
}

// object reads { … } into a PSCustomObject or a hashtable.
func (p *jsonParser) object(depth int) (any, error) {
	p.i++
	var names []string
	var vals []any
	index := map[string]int{}
	for {
		p.skip()
		if p.i >= len(p.s) {
			return nil, p.fail("Unexpected end when deserializing object.")
		}
		r := p.s[p.i]
		if r == '}' {
			p.i++
			break
		}
		var name string
		switch {
		case r == '"' || r == '\'':
			s, err := p.str()
			if err != nil {
				return nil, err
			}
			name = s
		case unicode.IsLetter(r) || r == '_' || r == '$':
			name = p.word()
		default:
			p.i++
			return nil, p.fail("Invalid property identifier character: %c.", r)
		}
		p.skip()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			if p.i < len(p.s) {
				c := p.s[p.i]
				p.i++
				return nil, p.fail("Invalid character after parsing property name. Expected ':' but got: %c.", c)
			}
			return nil, p.fail("Unexpected end when deserializing object.")
		}
		p.i++
		v, err := p.valueAt(name, depth)
		if err != nil {
			return nil, err
		}
		if k, ok := index[name]; ok {
			vals[k] = v
		} else {
			index[name] = len(names)
			names = append(names, name)
			vals = append(vals, v)
		}
		if err := p.afterValue('}', "object"); err != nil {
			return nil, err
		}
	}
	if p.opt.asHashtable {
		h := value.NewHashtable()
		for i, n := range names {
			h.Set(n, vals[i])
		}
		return h, nil
	}
	o := value.NewObject()
	for i, n := range names {
		if n == "" {
			return nil, engine.NewError("InvalidOperation", "EmptyKeyInJsonString", nil,
				"The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashTable switch.").WithException("System.InvalidOperationException")
		}
		if o.Has(n) {
			var existing string
			for _, e := range o.PropertyNames() {
				if strings.EqualFold(e, n) {
					existing = e
				}
			}
			return nil, engine.NewError("InvalidOperation", "KeysWithDifferentCasesInJsonString", nil,
				"Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '%s' was '%s'.", existing, n).WithException("System.InvalidOperationException")
		}
		o.Set(n, vals[i])
	}
	return o, nil
}

// jsonDatePattern is the ISO 8601 form Newtonsoft turns into a DateTime.
var jsonDatePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}(:?\d{2})?)?$`)

// jsonParseDate converts an ISO date string as Newtonsoft does: no zone →
// local wall clock, Z → UTC, an offset → converted to local time.
func jsonParseDate(s, kind string) (time.Time, bool) {
	if kind == "string" || !jsonDatePattern.MatchString(s) {
		return time.Time{}, false
	}
	body, zone := s, ""
	switch {
	case strings.HasSuffix(s, "Z"):
		body, zone = s[:len(s)-1], "Z"
	case len(s) > 19 && strings.ContainsAny(s[16:], "+-"):
		i := strings.LastIndexAny(s, "+-")
		body, zone = s[:i], s[i:]
	}
	var t time.Time
	var err error
	for _, layout := range []string{"2006-01-02T15:04:05.9999999", "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		t, err = time.ParseInLocation(layout, body, time.UTC)
		if err == nil {
			break
		}
	}
	if err != nil {
		return time.Time{}, false
	}
	local := func(t time.Time) time.Time {
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.Local)
	}
	switch zone {
	case "":
		t = local(t)
		if kind == "utc" {
			t = t.UTC()
		}
	case "Z":
		if kind == "local" {
			t = t.Local()
		}
	default:
		z := strings.ReplaceAll(zone[1:], ":", "")
		h, _ := strconv.Atoi(z[:2])
		m := 0
		if len(z) >= 4 {
			m, _ = strconv.Atoi(z[2:4])
		}
		off := (h*60 + m) * 60
		if zone[0] == '-' {
			off = -off
		}
		t = t.Add(-time.Duration(off) * time.Second)
		switch kind {
		case "utc":
		case "offset":
			t = t.In(time.FixedZone("", off))
		default:
			t = t.Local()
		}
	}
	return t, true
}
