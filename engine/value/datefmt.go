package value

import (
	"strconv"
	"strings"
	"time"
)

const (
	unixToDotNetSeconds = 62135596800
	maxTicks            = 3155378975999999999
)

// TimeToTicks returns t as .NET DateTime ticks (100 ns since 0001-01-01),
// of t's wall-clock time in its own location.
func TimeToTicks(t time.Time) int64 {
	_, off := t.Zone()
	return (t.Unix()+int64(off)+unixToDotNetSeconds)*10000000 + int64(t.Nanosecond()/100)
}

// TicksToTime converts .NET ticks to a local time.Time with that wall clock.
func TicksToTime(ticks int64) time.Time {
	secs := ticks/10000000 - unixToDotNetSeconds
	ns := (ticks % 10000000) * 100
	u := time.Unix(secs, ns).UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), u.Hour(), u.Minute(), u.Second(), u.Nanosecond(), time.Local)
}

var dateLayouts = []string{
	"2006-01-02",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05.9999999",
	"2006-01-02 15:04:05.9999999",
	"1/2/2006",
	"1/2/2006 15:04:05",
	"1/2/2006 15:04",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04 PM",
	"2006/1/2",
	"2006/1/2 15:04:05",
	"2006/1/2 15:04",
	"January 2, 2006",
	"January 2 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 02 January 2006",
	"Monday, 02 January 2006 15:04:05",
	"January 2, 2006 15:04:05",
	"2 Jan 2006 15:04:05",
}

var zonedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.9999999Z07:00",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z",
	time.RFC1123,
	time.RFC1123Z,
}

// ParseDate parses a date string the way [datetime] casts do (invariant
// culture): ISO 8601 forms, MM/dd/yyyy, month names and time-only strings.
// A string with a zone or 'Z' is converted to local time.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			return t, true
		}
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Local(), true
		}
	}
	for _, l := range []string{"15:04:05", "15:04", "3:04 PM", "3:04:05 PM"} {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			n := time.Now()
			return time.Date(n.Year(), n.Month(), n.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.Local), true
		}
	}
	return time.Time{}, false
}

var stdDateFormats = map[string]string{
	"d": "MM/dd/yyyy",
	"D": "dddd, dd MMMM yyyy",
	"f": "dddd, dd MMMM yyyy HH:mm",
	"F": "dddd, dd MMMM yyyy HH:mm:ss",
	"g": "MM/dd/yyyy HH:mm",
	"G": "MM/dd/yyyy HH:mm:ss",
	"m": "MMMM dd",
	"M": "MMMM dd",
	"o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
	"O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK",
	"r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
	"R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
	"s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
	"t": "HH:mm",
	"T": "HH:mm:ss",
	"u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
	"U": "dddd, dd MMMM yyyy HH:mm:ss",
	"y": "yyyy MMMM",
	"Y": "yyyy MMMM",
}

// FormatDate formats t with a .NET standard or custom date format string in
// the invariant culture. An empty format is "G".
func FormatDate(t time.Time, format string) string {
	if format == "" {
		format = "G"
	}
	if len(format) == 1 {
		if f, ok := stdDateFormats[format]; ok {
			switch format {
			case "r", "R", "U":
				t = t.UTC()
			}
			format = f
		}
	}
	return customDate(t, format)
}

func countRun(f string, i int) int {
	n := 1
	for i+n < len(f) && f[i+n] == f[i] {
		n++
	}
	return n
}

func padInt(v, width int) string {
	s := strconv.Itoa(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

func customDate(t time.Time, f string) string {
	var b strings.Builder
	for i := 0; i < len(f); {
		c := f[i]
		switch c {
		case 'd', 'M', 'y', 'h', 'H', 'm', 's', 'f', 'F', 't', 'z', 'K', 'g':
			n := countRun(f, i)
			b.WriteString(dateField(t, c, n))
			i += n
		case '\'', '"':
			j := i + 1
			for j < len(f) && f[j] != c {
				if f[j] == '\\' && j+1 < len(f) {
					j++
				}
				b.WriteByte(f[j])
				j++
			}
			i = j + 1
		case '\\':
			if i+1 < len(f) {
				b.WriteByte(f[i+1])
			}
			i += 2
		case '%':
			if i+1 < len(f) && f[i+1] != '%' {
				b.WriteString(dateField(t, f[i+1], 1))
				i += 2
			} else {
				i++
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func dateField(t time.Time, c byte, n int) string {
	switch c {
	case 'd':
		switch n {
		case 1:
			return strconv.Itoa(t.Day())
		case 2:
			return padInt(t.Day(), 2)
		case 3:
			return t.Weekday().String()[:3]
		}
		return t.Weekday().String()
	case 'M':
		switch n {
		case 1:
			return strconv.Itoa(int(t.Month()))
		case 2:
			return padInt(int(t.Month()), 2)
		case 3:
			return t.Month().String()[:3]
		}
		return t.Month().String()
	case 'y':
		switch n {
		case 1:
			return strconv.Itoa(t.Year() % 100)
		case 2:
			return padInt(t.Year()%100, 2)
		}
		return padInt(t.Year(), n)
	case 'h':
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		if n == 1 {
			return strconv.Itoa(h)
		}
		return padInt(h, 2)
	case 'H':
		if n == 1 {
			return strconv.Itoa(t.Hour())
		}
		return padInt(t.Hour(), 2)
	case 'm':
		if n == 1 {
			return strconv.Itoa(t.Minute())
		}
		return padInt(t.Minute(), 2)
	case 's':
		if n == 1 {
			return strconv.Itoa(t.Second())
		}
		return padInt(t.Second(), 2)
	case 'f', 'F':
		if n > 7 {
			n = 7
		}
		s := padInt(t.Nanosecond()/100, 7)[:n]
		if c == 'F' {
			s = strings.TrimRight(s, "0")
		}
		return s
	case 't':
		ampm := "AM"
		if t.Hour() >= 12 {
			ampm = "PM"
		}
		if n == 1 {
			return ampm[:1]
		}
		return ampm
	case 'g':
		return "A.D."
	case 'K':
		if t.Location() == time.UTC {
			return "Z"
		}
		return zoneOffset(t, 3)
	case 'z':
		return zoneOffset(t, n)
	}
	return ""
}

func zoneOffset(t time.Time, n int) string {
	_, off := t.Zone()
	sign := "+"
	if off < 0 {
		sign = "-"
		off = -off
	}
	h, m := off/3600, off%3600/60
	switch n {
	case 1:
		return sign + strconv.Itoa(h)
	case 2:
		return sign + padInt(h, 2)
	}
	return sign + padInt(h, 2) + ":" + padInt(m, 2)
}

// ParseExactDate parses s with a .NET custom (or standard) date format, in
// the invariant culture, as [datetime]::ParseExact does.
func ParseExactDate(s, format string) (time.Time, bool) {
	if len(format) == 1 {
		if f, ok := stdDateFormats[format]; ok {
			format = f
		}
	}
	year, month, day := 1, 1, 1
	hour, minute, sec, nsec := 0, 0, 0, 0
	pm, hasAMPM, hour12 := false, false, false
	loc := time.Local
	i := 0
	readNum := func(minD, maxD int) (int, bool) {
		j := i
		for j < len(s) && j-i < maxD && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i < minD {
			return 0, false
		}
		v, err := strconv.Atoi(s[i:j])
		if err != nil {
			return 0, false
		}
		i = j
		return v, true
	}
	readName := func(names []string) (int, bool) {
		for k, n := range names {
			if len(s)-i >= len(n) && strings.EqualFold(s[i:i+len(n)], n) {
				i += len(n)
				return k, true
			}
		}
		return 0, false
	}
	months := make([]string, 12)
	monthsShort := make([]string, 12)
	for m := 0; m < 12; m++ {
		months[m] = time.Month(m + 1).String()
		monthsShort[m] = months[m][:3]
	}
	days := make([]string, 7)
	daysShort := make([]string, 7)
	for d := 0; d < 7; d++ {
		days[d] = time.Weekday(d).String()
		daysShort[d] = days[d][:3]
	}
	for f := 0; f < len(format); {
		c := format[f]
		var ok bool
		switch c {
		case 'y', 'M', 'd', 'H', 'h', 'm', 's', 'f', 'F', 't', 'z', 'K':
			n := countRun(format, f)
			f += n
			switch c {
			case 'y':
				if n <= 2 {
					year, ok = readNum(n, 2)
					year += 2000
					if year > 2049 {
						year -= 100
					}
				} else {
					year, ok = readNum(n, max(n, 4))
				}
			case 'M':
				switch {
				case n <= 2:
					month, ok = readNum(n, 2)
				case n == 3:
					month, ok = readName(monthsShort)
					month++
				default:
					month, ok = readName(months)
					month++
				}
			case 'd':
				switch {
				case n <= 2:
					day, ok = readNum(n, 2)
				case n == 3:
					_, ok = readName(daysShort)
				default:
					_, ok = readName(days)
				}
			case 'H':
				hour, ok = readNum(n, 2)
			case 'h':
				hour, ok = readNum(n, 2)
				hour12 = true
			case 'm':
				minute, ok = readNum(n, 2)
			case 's':
				sec, ok = readNum(n, 2)
			case 'f', 'F':
				start := i
				var v int
				v, ok = readNum(map[bool]int{true: n, false: 0}[c == 'f'], n)
				if ok {
					for k := i - start; k < 9; k++ {
						v *= 10
					}
					nsec = v
				}
			case 't':
				hasAMPM = true
				var k int
				if n == 1 {
					k, ok = readName([]string{"A", "P"})
				} else {
					k, ok = readName([]string{"AM", "PM"})
				}
				pm = k == 1
			case 'z', 'K':
				if i < len(s) && (s[i] == 'Z' || s[i] == 'z') {
					i++
					loc, ok = time.UTC, true
					break
				}
				if i < len(s) && (s[i] == '+' || s[i] == '-') {
					sign := 1
					if s[i] == '-' {
						sign = -1
					}
					i++
					var h, mm int
					h, ok = readNum(1, 2)
					if ok && i < len(s) && s[i] == ':' {
						i++
						mm, ok = readNum(2, 2)
					}
					loc = time.FixedZone("", sign*(h*3600+mm*60))
				} else {
					ok = c == 'K'
				}
			}
		case '\'', '"':
			j := strings.IndexByte(format[f+1:], c)
			if j < 0 {
				return time.Time{}, false
			}
			lit := format[f+1 : f+1+j]
			ok = strings.HasPrefix(s[i:], lit)
			i += len(lit)
			f += j + 2
		case '\\':
			if f+1 >= len(format) {
				return time.Time{}, false
			}
			ok = i < len(s) && s[i] == format[f+1]
			i++
			f += 2
		case '%':
			f++
			ok = true
		default:
			ok = i < len(s) && s[i] == c
			i++
			f++
		}
		if !ok || i > len(s) {
			return time.Time{}, false
		}
	}
	if i != len(s) {
		return time.Time{}, false
	}
	if hour12 || hasAMPM {
		if hour > 12 {
			return time.Time{}, false
		}
		if pm && hour < 12 {
			hour += 12
		} else if !pm && hasAMPM && hour == 12 {
			hour = 0
		}
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, nsec, loc)
	if loc != time.Local && loc != time.UTC {
		t = t.Local()
	}
	return t, true
}
