package value

import (
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// dnum is an exact decimal number for formatting: 0.d1d2... * 10^e, with
// no leading or trailing zero digits; zero has no digits.
type dnum struct {
	neg bool
	d   []byte
	e   int
}

func (n dnum) isZero() bool { return len(n.d) == 0 }

func trimDigits(neg bool, digits string, e int) dnum {
	i := 0
	for i < len(digits) && digits[i] == '0' {
		i++
		e--
	}
	digits = strings.TrimRight(digits[i:], "0")
	if digits == "" {
		return dnum{neg: neg}
	}
	return dnum{neg: neg, d: []byte(digits), e: e}
}

func dnumFromInt(i int64) dnum {
	neg := i < 0
	var s string
	if i == math.MinInt64 {
		s = "9223372036854775808"
	} else {
		if neg {
			i = -i
		}
		s = strconv.FormatInt(i, 10)
	}
	return trimDigits(neg, s, len(s))
}

func dnumFromDecimal(d decimal.Decimal) dnum {
	s := d.String()
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	return trimDigits(neg, ip+fp, len(ip))
}

// dnumFromFloat gives the exact decimal expansion of a finite double.
func dnumFromFloat(f float64) dnum {
	neg := math.Signbit(f)
	f = math.Abs(f)
	if f == 0 {
		return dnum{neg: neg}
	}
	// 41 correctly rounded significant digits: exact for every double
	// that can produce a rounding tie at a formattable position.
	digits, e := splitE(strconv.FormatFloat(f, 'e', 40, 64))
	return trimDigits(neg, digits, e)
}

func dnumOf(v any) (dnum, bool) {
	switch x := v.(type) {
	case int32:
		return dnumFromInt(int64(x)), true
	case int64:
		return dnumFromInt(x), true
	case int:
		return dnumFromInt(int64(x)), true
	case uint8:
		return dnumFromInt(int64(x)), true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return dnum{}, false
		}
		return dnumFromFloat(x), true
	case decimal.Decimal:
		return dnumFromDecimal(x), true
	}
	return dnum{}, false
}

// roundAt keeps cut digits (counted from the first digit), rounding half
// away from zero.
func (n dnum) roundAt(cut int) dnum {
	if cut >= len(n.d) {
		return n
	}
	if cut < 0 {
		return dnum{neg: n.neg}
	}
	up := n.d[cut] >= '5'
	d := append([]byte(nil), n.d[:cut]...)
	e := n.e
	if up {
		i := len(d) - 1
		for i >= 0 {
			if d[i] == '9' {
				d[i] = '0'
				i--
				continue
			}
			d[i]++
			break
		}
		if i < 0 {
			d = append([]byte{'1'}, d...)
			e++
		}
	}
	return trimDigits(n.neg, string(d), e)
}

// roundFrac rounds to frac digits after the decimal point.
func (n dnum) roundFrac(frac int) dnum { return n.roundAt(n.e + frac) }

// shift multiplies by 10^k.
func (n dnum) shift(k int) dnum {
	if n.isZero() {
		return n
	}
	n.e += k
	return n
}

// intPart returns the integer digits ("" when the integer part is 0).
func (n dnum) intPart() string {
	if n.e <= 0 || n.isZero() {
		return ""
	}
	if len(n.d) >= n.e {
		return string(n.d[:n.e])
	}
	return string(n.d) + strings.Repeat("0", n.e-len(n.d))
}

// fracPart returns count digits after the decimal point.
func (n dnum) fracPart(count int) string {
	b := make([]byte, count)
	for i := 0; i < count; i++ {
		idx := n.e + i
		if idx >= 0 && idx < len(n.d) {
			b[i] = n.d[idx]
		} else {
			b[i] = '0'
		}
	}
	return string(b)
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	first := len(s) % 3
	if first > 0 {
		b.WriteString(s[:first])
	}
	for i := first; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
