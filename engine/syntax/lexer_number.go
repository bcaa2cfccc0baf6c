package syntax

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// numberEnd returns the end of a numeric-literal-shaped run starting at i
// (digits, an optional fraction and exponent, then any letters for
// suffixes and multipliers), or i when no number starts there.
func (p *parser) numberEnd(i int) int {
	t := p.text
	j := i
	isDigit := func(k int) bool { return k < len(t) && t[k] >= '0' && t[k] <= '9' }
	isAlnum := func(k int) bool {
		if k >= len(t) {
			return false
		}
		c := t[k]
		return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	if isDigit(j) && t[j] == '0' && j+1 < len(t) && (t[j+1] == 'x' || t[j+1] == 'X' || t[j+1] == 'b' || t[j+1] == 'B') && isAlnum(j+2) {
		j += 2
		for isAlnum(j) {
			j++
		}
		return j
	}
	sawDigits := false
	for isDigit(j) {
		j++
		sawDigits = true
	}
	if j < len(t) && t[j] == '.' && !(j+1 < len(t) && t[j+1] == '.') {
		if isDigit(j+1) || (sawDigits && !isWordStartAt(t, j+1)) {
			j++
			for isDigit(j) {
				j++
				sawDigits = true
			}
		}
	}
	if !sawDigits {
		return i
	}
	if j < len(t) && (t[j] == 'e' || t[j] == 'E') {
		k := j + 1
		if k < len(t) && (t[k] == '+' || t[k] == '-') {
			k++
		}
		if isDigit(k) {
			j = k
			for isDigit(j) {
				j++
			}
		}
	}
	for isAlnum(j) {
		j++
	}
	return j
}

func isWordStartAt(t string, k int) bool {
	if k >= len(t) {
		return false
	}
	c := t[k]
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

var multipliers = map[string]int64{
	"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30, "tb": 1 << 40, "pb": 1 << 50,
}

// parseNumber converts the text of a numeric literal (optionally signed
// with '+', '-' or a Unicode dash) into int32, int64, float64 or a
// DecimalLiteral. ok is false when the text is not shaped like a number;
// bad is true when it is shaped like one but its value cannot be
// represented (e.g. 1e999).
func parseNumber(text string) (val any, ok, bad bool) {
	s := text
	neg := false
	if s != "" && s[0] == '+' {
		s = s[1:]
	} else if s != "" && s[0] == '-' {
		neg, s = true, s[1:]
	} else {
		for _, d := range []string{"\u2013", "\u2014", "\u2015"} {
			if strings.HasPrefix(s, d) {
				neg, s = true, s[len(d):]
				break
			}
		}
	}
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '.') {
		// Neither a decimal nor 0x/0b (no Unicode letter lowers to a
		// digit or '.').
		return nil, false, false
	}
	low := strings.ToLower(s)
	var mult int64 = 1
	if len(low) > 2 {
		if m, found := multipliers[low[len(low)-2:]]; found {
			mult = m
			low = low[:len(low)-2]
		}
	}
	if low == "" {
		return nil, false, false
	}
	if strings.HasPrefix(low, "0x") || strings.HasPrefix(low, "0b") {
		return parseRadix(low, neg, mult)
	}
	suffix := byte(0)
	if c := low[len(low)-1]; c == 'l' || c == 'd' {
		suffix = c
		low = low[:len(low)-1]
	}
	if low == "" || !decimalShape(low) {
		return nil, false, false
	}
	isReal := strings.ContainsAny(low, ".e")
	if suffix == 'd' {
		if e := strings.IndexByte(low, 'e'); e >= 0 {
			if x, err := strconv.Atoi(low[e+1:]); err != nil || x > 400 || x < -400 {
				return nil, true, true
			}
		}
		return decimalValue(low, neg, mult), true, false
	}
	if !isReal {
		u, err := strconv.ParseUint(low, 10, 64)
		if err == nil {
			if v, fits := scaleInt(u, neg, mult); fits {
				if suffix == 'l' {
					return v, true, false
				}
				if v >= math.MinInt32 && v <= math.MaxInt32 {
					return int32(v), true, false
				}
				return v, true, false
			}
		}
		if suffix == 'l' {
			return nil, true, true
		}
	}
	f, err := strconv.ParseFloat(low, 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return nil, false, false
	}
	f *= float64(mult)
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, true, true
	}
	if neg {
		f = -f
	}
	if suffix == 'l' {
		if f != math.Trunc(f) || f > math.MaxInt64 || f < math.MinInt64 {
			return nil, true, true
		}
		return int64(f), true, false
	}
	return f, true, false
}

// decimalShape checks digits [. digits] [e [sign] digits].
func decimalShape(s string) bool {
	i, digits := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && s[i] == 'e' {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		ed := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			ed++
		}
		if ed == 0 {
			return false
		}
	}
	return i == len(s)
}

func scaleInt(u uint64, neg bool, mult int64) (int64, bool) {
	if u > math.MaxInt64 {
		if neg && u == 1<<63 && mult == 1 {
			return math.MinInt64, true
		}
		return 0, false
	}
	v := int64(u)
	if mult != 1 {
		if v > math.MaxInt64/mult {
			return 0, false
		}
		v *= mult
	}
	if neg {
		v = -v
	}
	return v, true
}

func parseRadix(low string, neg bool, mult int64) (any, bool, bool) {
	base := 16
	if low[1] == 'b' {
		base = 2
	}
	digits := low[2:]
	long := false
	if base == 16 && strings.HasSuffix(digits, "l") {
		long, digits = true, digits[:len(digits)-1]
	} else if base == 2 && strings.HasSuffix(digits, "l") {
		long, digits = true, digits[:len(digits)-1]
	}
	if digits == "" {
		return nil, false, false
	}
	u, err := strconv.ParseUint(digits, base, 64)
	if err != nil {
		if strings.Contains(err.Error(), "range") {
			return nil, true, true
		}
		return nil, false, false
	}
	var v int64
	switch {
	case !long && u <= math.MaxUint32:
		v = int64(int32(uint32(u))) // 0xFFFFFFFF is -1, as in PowerShell
	default:
		v = int64(u) // two's complement for 64-bit values
	}
	if mult != 1 {
		f := float64(v) * float64(mult)
		if f > math.MaxInt64 || f < math.MinInt64 {
			return nil, true, true
		}
		v *= mult
	}
	if neg {
		v = -v
	}
	if !long && v >= math.MinInt32 && v <= math.MaxInt32 {
		return int32(v), true, false
	}
	return v, true, false
}

func decimalValue(s string, neg bool, mult int64) DecimalLiteral {
	if mult == 1 && !strings.ContainsAny(s, "eE") {
		// Keep the digits as written: a decimal keeps its scale (1.50d).
		if neg {
			return DecimalLiteral("-" + s)
		}
		return DecimalLiteral(s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return DecimalLiteral(s)
	}
	if mult != 1 {
		r.Mul(r, new(big.Rat).SetInt64(mult))
	}
	if neg {
		r.Neg(r)
	}
	out := r.FloatString(28)
	if strings.Contains(out, ".") {
		out = strings.TrimRight(strings.TrimRight(out, "0"), ".")
	}
	return DecimalLiteral(out)
}
