package value

import (
	"strings"
)

// splitSections splits a custom numeric format on unquoted ';'.
func splitSections(f string) []string {
	var out []string
	start := 0
	var quote byte
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\\':
			i++
		case c == '\'' || c == '"':
			quote = c
		case c == ';':
			out = append(out, f[start:i])
			start = i + 1
		}
	}
	return append(out, f[start:])
}

type customLayout struct {
	intCount, firstZero   int
	fracCount, lastZero   int
	thousands             bool
	scaling               int
	percent, permille     int
	exp                   bool
	expDigits             int
	hasPoint, anyDigitPos bool
}

func analyzeCustom(sec string) customLayout {
	l := customLayout{firstZero: -1, lastZero: -1}
	inFrac := false
	pending := 0
	seenDigit := false
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch c {
		case '\\':
			i++
		case '\'', '"':
			j := strings.IndexByte(sec[i+1:], c)
			if j < 0 {
				i = len(sec)
			} else {
				i += j + 1
			}
		case '0', '#':
			l.anyDigitPos = true
			if inFrac {
				if c == '0' {
					l.lastZero = l.fracCount
				}
				l.fracCount++
			} else {
				if pending > 0 && seenDigit {
					l.thousands = true
				}
				pending = 0
				if c == '0' && l.firstZero < 0 {
					l.firstZero = l.intCount
				}
				l.intCount++
				seenDigit = true
			}
		case ',':
			if !inFrac {
				pending++
			}
		case '.':
			if !inFrac {
				if seenDigit {
					l.scaling += pending
				}
				pending = 0
				inFrac = true
				l.hasPoint = true
			}
		case '%':
			l.percent++
		case 0xE2:
			if strings.HasPrefix(sec[i:], "\u2030") {
				l.permille++
				i += 2
			}
		case 'E', 'e':
			j := i + 1
			if j < len(sec) && (sec[j] == '+' || sec[j] == '-') {
				j++
			}
			k := j
			for k < len(sec) && sec[k] == '0' {
				k++
			}
			if k > j && !l.exp {
				l.exp = true
				l.expDigits = k - j
				if !inFrac && seenDigit {
					l.scaling += pending
				}
				pending = 0
				i = k - 1
				inFrac = true // no more integer placeholders after an exponent
			}
		}
	}
	if !l.hasPoint && !l.exp && seenDigit {
		l.scaling += pending
	}
	return l
}

// customNumber formats n with a .NET custom numeric format string.
func customNumber(n dnum, v any, spec string) string {
	secs := splitSections(spec)
	sec := secs[0]
	neg := n.neg && !n.isZero()
	autoMinus := true
	if n.isZero() && len(secs) >= 3 && secs[2] != "" {
		sec = secs[2]
	} else if neg && len(secs) >= 2 && secs[1] != "" {
		sec = secs[1]
		autoMinus = false
	}
	l := analyzeCustom(sec)
	val := dnum{d: n.d, e: n.e}
	val = val.shift(2*l.percent + 3*l.permille - 3*l.scaling)
	expVal := 0
	if l.exp {
		ic := max(l.intCount, 1)
		r := val.roundAt(ic + l.fracCount)
		if !r.isZero() {
			expVal = r.e - ic
			val = r.shift(-expVal)
		} else {
			val = r
		}
	}
	r := val.roundFrac(l.fracCount)
	ip := r.intPart()
	minInt := 0
	if l.firstZero >= 0 {
		minInt = l.intCount - l.firstZero
	}
	if len(ip) < minInt {
		ip = strings.Repeat("0", minInt-len(ip)) + ip
	}
	fp := r.fracPart(l.fracCount)
	keep := l.lastZero + 1
	for len(fp) > keep && fp[len(fp)-1] == '0' {
		fp = fp[:len(fp)-1]
	}
	var b strings.Builder
	intIdx, fracIdx := 0, 0
	inFrac := false
	offset := len(ip) - l.intCount
	emitDigit := func(k int) {
		b.WriteByte(ip[k])
		if rem := len(ip) - 1 - k; l.thousands && rem > 0 && rem%3 == 0 {
			b.WriteByte(',')
		}
	}
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch c {
		case '\\':
			if i+1 < len(sec) {
				b.WriteByte(sec[i+1])
			}
			i++
		case '\'', '"':
			j := strings.IndexByte(sec[i+1:], c)
			if j < 0 {
				b.WriteString(sec[i+1:])
				i = len(sec)
			} else {
				b.WriteString(sec[i+1 : i+1+j])
				i += j + 1
			}
		case '0', '#':
			if inFrac {
				if fracIdx < len(fp) {
					b.WriteByte(fp[fracIdx])
				}
				fracIdx++
				continue
			}
			if intIdx == 0 && offset > 0 {
				for k := 0; k <= offset; k++ {
					emitDigit(k)
				}
			} else if k := intIdx + offset; k >= 0 {
				emitDigit(k)
			}
			intIdx++
		case ',':
		case '.':
			if !inFrac {
				inFrac = true
				if len(fp) > 0 {
					b.WriteByte('.')
				}
			} else {
				b.WriteByte('.')
			}
		case 'E', 'e':
			j := i + 1
			sign := byte(0)
			if j < len(sec) && (sec[j] == '+' || sec[j] == '-') {
				sign = sec[j]
				j++
			}
			k := j
			for k < len(sec) && sec[k] == '0' {
				k++
			}
			if k > j && l.exp {
				b.WriteByte(c)
				ev := expVal
				if ev < 0 {
					b.WriteByte('-')
					ev = -ev
				} else if sign == '+' {
					b.WriteByte('+')
				}
				b.WriteString(padInt(ev, k-j))
				i = k - 1
				inFrac = true
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	if neg && autoMinus && !r.isZero() {
		out = "-" + out
	}
	return out
}
