package value

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

const maxFormatWidth = 1 << 20

func errFormat(msg string) *Error {
	return newErr(ExFormat, "FormatError", "InvalidOperation", "%s", msg)
}

const badFormatMsg = "Input string was not in a correct format."

// Format implements the -f operator: .NET composite formatting of args
// ("{0}", "{0,10}", "{0,-10:N2}", "{{" and "}}" escapes). Errors carry
// pwsh's "Error formatting a string: ..." text.
func Format(format string, args []any) (string, error) {
	s, err := composite(format, args)
	if err != nil {
		return "", newErr(ExRuntime, "FormatError", "InvalidOperation", "Error formatting a string: %s.", err.Error())
	}
	return s, nil
}

func composite(f string, args []any) (string, error) {
	var b strings.Builder
	i := 0
	for i < len(f) {
		c := f[i]
		if c == '}' {
			if i+1 < len(f) && f[i+1] == '}' {
				b.WriteByte('}')
				i += 2
				continue
			}
			return "", errFormat(badFormatMsg)
		}
		if c != '{' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 < len(f) && f[i+1] == '{' {
			b.WriteByte('{')
			i += 2
			continue
		}
		i++
		// index
		start := i
		for i < len(f) && f[i] >= '0' && f[i] <= '9' {
			i++
		}
		if i == start || i-start > 6 {
			return "", errFormat(badFormatMsg)
		}
		idx, _ := strconv.Atoi(f[start:i])
		for i < len(f) && f[i] == ' ' {
			i++
		}
		width := 0
		if i < len(f) && f[i] == ',' {
			i++
			for i < len(f) && f[i] == ' ' {
				i++
			}
			neg := false
			if i < len(f) && f[i] == '-' {
				neg = true
				i++
			}
			ws := i
			for i < len(f) && f[i] >= '0' && f[i] <= '9' {
				i++
			}
			if i == ws || i-ws > 7 {
				return "", errFormat(badFormatMsg)
			}
			width, _ = strconv.Atoi(f[ws:i])
			if width > maxFormatWidth {
				return "", errFormat(badFormatMsg)
			}
			if neg {
				width = -width
			}
			for i < len(f) && f[i] == ' ' {
				i++
			}
		}
		spec := ""
		if i < len(f) && f[i] == ':' {
			i++
			var sb strings.Builder
			for {
				if i >= len(f) {
					return "", errFormat(badFormatMsg)
				}
				if f[i] == '}' {
					if i+1 < len(f) && f[i+1] == '}' {
						sb.WriteByte('}')
						i += 2
						continue
					}
					break
				}
				if f[i] == '{' {
					if i+1 < len(f) && f[i+1] == '{' {
						sb.WriteByte('{')
						i += 2
						continue
					}
					return "", errFormat(badFormatMsg)
				}
				sb.WriteByte(f[i])
				i++
			}
			spec = sb.String()
		}
		if i >= len(f) || f[i] != '}' {
			return "", errFormat(badFormatMsg)
		}
		i++
		if idx >= len(args) {
			return "", errFormat("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.")
		}
		s, err := FormatValue(args[idx], spec)
		if err != nil {
			return "", err
		}
		if pad := abs(width) - len([]rune(s)); pad > 0 {
			if width > 0 {
				s = strings.Repeat(" ", pad) + s
			} else {
				s += strings.Repeat(" ", pad)
			}
		}
		if err := CheckStringSize(concatSize(b.Len(), len(s))); err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

// FormatValue formats one value with a .NET format string, as
// value.ToString(spec) does for numbers, dates and time spans; other values
// ignore the format.
func FormatValue(v any, spec string) (string, error) {
	v = unwrapBase(v)
	switch x := v.(type) {
	case nil:
		return "", nil
	case int32, int64, uint8, int, float64, decimal.Decimal:
		return formatNumber(x, spec)
	case time.Time:
		return FormatDate(x, spec), nil
	case time.Duration:
		return formatTimeSpan(x, spec)
	case bool, string, Char:
		return ToString(x), nil
	case Guid:
		return formatGuid(x, spec)
	}
	return scalarString(v), nil
}

func formatGuid(g Guid, spec string) (string, error) {
	s := g.String()
	switch spec {
	case "", "D", "d":
		return s, nil
	case "N", "n":
		return strings.ReplaceAll(s, "-", ""), nil
	case "B", "b":
		return "{" + s + "}", nil
	case "P", "p":
		return "(" + s + ")", nil
	}
	return "", errFormat("Format string can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".")
}

func formatTimeSpan(d time.Duration, spec string) (string, error) {
	switch spec {
	case "", "c", "t", "T", "g", "G":
		return timeSpanString(d), nil
	}
	neg := d < 0
	if neg {
		d = -d
	}
	ticks := int64(d / 100)
	days := ticks / 864000000000
	h := int(ticks / 36000000000 % 24)
	m := int(ticks / 600000000 % 60)
	s := int(ticks / 10000000 % 60)
	frac := int(ticks % 10000000)
	var b strings.Builder
	for i := 0; i < len(spec); {
		c := spec[i]
		switch c {
		case 'd', 'h', 'm', 's', 'f', 'F':
			n := countRun(spec, i)
			switch c {
			case 'd':
				b.WriteString(padInt(int(days), n))
			case 'h':
				b.WriteString(padInt(h, min(n, 2)))
			case 'm':
				b.WriteString(padInt(m, min(n, 2)))
			case 's':
				b.WriteString(padInt(s, min(n, 2)))
			default:
				fs := padInt(frac, 7)[:min(n, 7)]
				if c == 'F' {
					fs = strings.TrimRight(fs, "0")
				}
				b.WriteString(fs)
			}
			i += n
		case '\\':
			if i+1 < len(spec) {
				b.WriteByte(spec[i+1])
			}
			i += 2
		case '\'', '"':
			j := strings.IndexByte(spec[i+1:], c)
			if j < 0 {
				return "", errFormat(badFormatMsg)
			}
			b.WriteString(spec[i+1 : i+1+j])
			i += j + 2
		default:
			return "", errFormat(badFormatMsg)
		}
	}
	return b.String(), nil
}

// standard reports whether spec is a standard numeric format: a letter and
// an optional precision.
func standardSpec(spec string) (byte, int, bool) {
	if spec == "" {
		return 0, -1, true
	}
	c := spec[0]
	if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
		return 0, 0, false
	}
	if len(spec) == 1 {
		return c, -1, true
	}
	if len(spec) > 10 {
		return 0, 0, false
	}
	p, err := strconv.Atoi(spec[1:])
	if err != nil || p < 0 || spec[1] == '+' || spec[1] == '-' {
		return 0, 0, false
	}
	if p > 999 {
		p = 999
	}
	return c, p, true
}

func isIntValue(v any) bool {
	switch v.(type) {
	case int32, int64, uint8, int:
		return true
	}
	return false
}

func formatNumber(v any, spec string) (string, error) {
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return specialFloatStr(f), nil
	}
	c, p, std := standardSpec(spec)
	if !std {
		n, _ := dnumOf(v)
		return customNumber(n, v, spec), nil
	}
	if c == 0 {
		return defaultNumber(v), nil
	}
	n, _ := dnumOf(v)
	upper := c >= 'A' && c <= 'Z'
	switch c | 0x20 {
	case 'g':
		if f, ok := v.(float64); ok {
			if p <= 0 {
				return formatDoubleR(f), nil
			}
			return applyCase(formatDoubleG(f, p), upper), nil
		}
		if p <= 0 {
			return defaultNumber(v), nil
		}
		r := n.roundAt(p)
		if r.isZero() {
			return "0", nil
		}
		return applyCase(generalString(r.neg, string(r.d), r.e, p, "E"), upper), nil
	case 'r':
		if f, ok := v.(float64); ok {
			return formatDoubleR(f), nil
		}
		return defaultNumber(v), nil
	case 'd':
		if !isIntValue(v) {
			return "", errFormat("Format specifier was invalid.")
		}
		s := n.intPart()
		if s == "" {
			s = "0"
		}
		if len(s) < p {
			s = strings.Repeat("0", p-len(s)) + s
		}
		if n.neg && !n.isZero() {
			s = "-" + s
		}
		return s, nil
	case 'x', 'b':
		if !isIntValue(v) {
			return "", errFormat("Format specifier was invalid.")
		}
		return formatRadix(v, c, p), nil
	case 'f', 'n':
		if p < 0 {
			p = 2
		}
		return fixed(n, p, c|0x20 == 'n'), nil
	case 'e':
		if p < 0 {
			p = 6
		}
		return scientific(n, p, string(c), 3), nil
	case 'p':
		if p < 0 {
			p = 2
		}
		s := fixed(dnum{d: n.d, e: n.e}.shift(2), p, true)
		if n.neg && s != fixed(dnum{}, p, true) {
			return "-" + s + " %", nil
		}
		return s + " %", nil
	case 'c':
		if p < 0 {
			p = 2
		}
		s := fixed(dnum{d: n.d, e: n.e}, p, true)
		if n.neg && s != fixed(dnum{}, p, true) {
			return "(¤" + s + ")", nil
		}
		return "¤" + s, nil
	}
	return "", errFormat("Format specifier was invalid.")
}

func applyCase(s string, upper bool) string {
	if upper {
		return s
	}
	return strings.ToLower(s)
}

func specialFloatStr(f float64) string {
	s, _ := specialDouble(f)
	return s
}

func defaultNumber(v any) string {
	if f, ok := v.(float64); ok {
		return formatDoubleR(f)
	}
	return scalarString(v)
}

// fixed formats n with p decimals (F, N).
func fixed(n dnum, p int, group bool) string {
	r := n.roundFrac(p)
	ip := r.intPart()
	if ip == "" {
		ip = "0"
	}
	if group {
		ip = groupThousands(ip)
	}
	s := ip
	if p > 0 {
		s += "." + r.fracPart(p)
	}
	if r.neg && !r.isZero() {
		s = "-" + s
	}
	return s
}

// scientific formats n as d.dddE+ddd with p decimals and at least minExp
// exponent digits.
func scientific(n dnum, p int, e string, minExp int) string {
	r := n.roundAt(p + 1)
	var b strings.Builder
	if r.neg && !r.isZero() {
		b.WriteByte('-')
	}
	exp := 0
	if r.isZero() {
		b.WriteByte('0')
		if p > 0 {
			b.WriteString("." + strings.Repeat("0", p))
		}
	} else {
		exp = r.e - 1
		b.WriteByte(r.d[0])
		if p > 0 {
			b.WriteByte('.')
			for i := 1; i <= p; i++ {
				if i < len(r.d) {
					b.WriteByte(r.d[i])
				} else {
					b.WriteByte('0')
				}
			}
		}
	}
	b.WriteString(e)
	if exp < 0 {
		b.WriteByte('-')
		exp = -exp
	} else {
		b.WriteByte('+')
	}
	b.WriteString(padInt(exp, minExp))
	return b.String()
}

func formatRadix(v any, c byte, p int) string {
	var u uint64
	switch x := v.(type) {
	case int32:
		u = uint64(uint32(x))
	case int64:
		u = uint64(x)
	case int:
		u = uint64(x)
	case uint8:
		u = uint64(x)
	}
	var s string
	if c|0x20 == 'b' {
		s = strconv.FormatUint(u, 2)
	} else {
		s = strconv.FormatUint(u, 16)
		if c == 'X' {
			s = strings.ToUpper(s)
		}
	}
	if len(s) < p {
		s = strings.Repeat("0", p-len(s)) + s
	}
	return s
}
