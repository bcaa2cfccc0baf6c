package value

import (
	"strings"
	"time"
)

// Stopwatch is a [System.Diagnostics.Stopwatch].
type Stopwatch struct {
	elapsed time.Duration
	started time.Time // zero when stopped
}

// TStopwatch is System.Diagnostics.Stopwatch.
var TStopwatch = defineClass("System.Diagnostics.Stopwatch", "", nil, &class{
	call: func(name, lname string, args []any) (any, bool, error) {
		switch {
		case lname == "new" && len(args) == 0:
			return &Stopwatch{}, true, nil
		case lname == "startnew" && len(args) == 0:
			return &Stopwatch{started: time.Now()}, true, nil
		case lname == "gettimestamp" && len(args) == 0:
			return time.Now().UnixNano(), true, nil
		}
		return nil, false, nil
	},
	get: func(lname string) (any, bool) {
		switch lname {
		case "frequency":
			return int64(1e9), true
		case "ishighresolution":
			return true, true
		}
		return nil, false
	},
})

func (s *Stopwatch) now() time.Duration {
	if s.started.IsZero() {
		return s.elapsed
	}
	return s.elapsed + time.Since(s.started)
}

// NativeType implements Native.
func (s *Stopwatch) NativeType() *Type { return TStopwatch }

// String implements Native (.NET prints the type name).
func (s *Stopwatch) String() string { return TStopwatch.FullName }

// Properties implements Native.
func (s *Stopwatch) Properties() []string {
	return []string{"IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks"}
}

// Member implements Native.
func (s *Stopwatch) Member(lname string) (any, bool) {
	switch lname {
	case "isrunning":
		return !s.started.IsZero(), true
	case "elapsed":
		return s.now() / 100 * 100, true
	case "elapsedmilliseconds":
		return int64(s.now() / time.Millisecond), true
	case "elapsedticks":
		return int64(s.now()), true
	}
	return nil, false
}

// Method implements Native: Start, Stop, Reset, Restart.
func (s *Stopwatch) Method(name, lname string, args []any) (any, bool, error) {
	if len(args) != 0 {
		return nil, false, nil
	}
	switch lname {
	case "start":
		if s.started.IsZero() {
			s.started = time.Now()
		}
	case "stop":
		s.elapsed = s.now()
		s.started = time.Time{}
	case "reset":
		s.elapsed, s.started = 0, time.Time{}
	case "restart":
		s.elapsed, s.started = 0, time.Now()
	default:
		return nil, false, nil
	}
	return nil, true, nil
}

// DateTimeOffset is a [DateTimeOffset]: a date and time with its offset
// from UTC (kept as the time's zone).
type DateTimeOffset struct{ t time.Time }

// TDateTimeOffset is System.DateTimeOffset.
var TDateTimeOffset = defineClass("System.DateTimeOffset", "", TValueType, &class{
	call: dateTimeOffsetStatic,
	get: func(lname string) (any, bool) {
		switch lname {
		case "now":
			return &DateTimeOffset{time.Now()}, true
		case "utcnow":
			return &DateTimeOffset{time.Now().UTC()}, true
		case "unixepoch":
			return &DateTimeOffset{time.Unix(0, 0).UTC()}, true
		case "minvalue":
			return &DateTimeOffset{TicksToTime(0).UTC()}, true
		case "maxvalue":
			return &DateTimeOffset{TicksToTime(maxTicks).UTC()}, true
		}
		return nil, false
	},
	from: func(v any) (any, bool) {
		switch x := unwrapBase(v).(type) {
		case time.Time:
			return &DateTimeOffset{x}, true
		case string:
			if t, ok := parseDateTimeOffset(x); ok {
				return &DateTimeOffset{t}, true
			}
		}
		return nil, false
	},
})

// parseDateTimeOffset reads an ISO 8601 time with an offset, else a date
// as [datetime] reads it (in local time).
func parseDateTimeOffset(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00", "1/2/2006 3:04:05 PM -07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return ParseDate(s)
}

func dateTimeOffsetStatic(name, lname string, args []any) (any, bool, error) {
	switch {
	case lname == "fromunixtimeseconds" && len(args) == 1:
		n, err := ConvertTo(args[0], TLong)
		if err != nil {
			return nil, true, argConvErr(name, args, 0, err)
		}
		return &DateTimeOffset{time.Unix(n.(int64), 0).UTC()}, true, nil
	case lname == "fromunixtimemilliseconds" && len(args) == 1:
		n, err := ConvertTo(args[0], TLong)
		if err != nil {
			return nil, true, argConvErr(name, args, 0, err)
		}
		return &DateTimeOffset{time.UnixMilli(n.(int64)).UTC()}, true, nil
	case lname == "parse" && len(args) >= 1:
		t, ok := parseDateTimeOffset(ToString(args[0]))
		if !ok {
			return nil, true, errMethodCall(name, len(args), "FormatException", "The string '"+ToString(args[0])+"' was not recognized as a valid DateTime.")
		}
		return &DateTimeOffset{t}, true, nil
	case lname == "new" && len(args) == 1:
		if t, ok := unwrapBase(args[0]).(time.Time); ok {
			return &DateTimeOffset{t}, true, nil
		}
	}
	return nil, false, nil
}

// NativeType implements Native.
func (d *DateTimeOffset) NativeType() *Type { return TDateTimeOffset }

// String implements Native: "1/2/2020 3:04:05 PM +00:00".
func (d *DateTimeOffset) String() string {
	return FormatDate(d.t, "G") + " " + FormatDate(d.t, "zzz")
}

// Properties implements Native, in .NET's order.
func (d *DateTimeOffset) Properties() []string {
	return []string{"DateTime", "UtcDateTime", "LocalDateTime", "Date", "Day", "DayOfWeek", "DayOfYear",
		"Hour", "Millisecond", "Microsecond", "Nanosecond", "Minute", "Month", "Offset", "TotalOffsetMinutes",
		"Second", "Ticks", "UtcTicks", "TimeOfDay", "Year"}
}

// clock is the offset's wall time as a DateTime without a zone.
func (d *DateTimeOffset) clock() time.Time {
	y, mo, dd := d.t.Date()
	return time.Date(y, mo, dd, d.t.Hour(), d.t.Minute(), d.t.Second(), d.t.Nanosecond(), time.Local)
}

// Member implements Native.
func (d *DateTimeOffset) Member(lname string) (any, bool) {
	_, off := d.t.Zone()
	switch lname {
	case "datetime":
		return d.clock(), true
	case "utcdatetime":
		return d.t.UTC(), true
	case "localdatetime":
		return d.t.Local(), true
	case "offset":
		return time.Duration(off) * time.Second, true
	case "totaloffsetminutes":
		return int32(off / 60), true
	case "ticks":
		return TimeToTicks(d.clock()), true
	case "utcticks":
		return TimeToTicks(d.t.UTC()), true
	case "microsecond":
		return int32(d.t.Nanosecond() / 1000 % 1000), true
	case "nanosecond":
		return int32(d.t.Nanosecond() % 1000), true
	}
	return GetMember(d.clock(), lname)
}

// Method implements Native.
func (d *DateTimeOffset) Method(name, lname string, args []any) (any, bool, error) {
	switch {
	case lname == "tounixtimeseconds" && len(args) == 0:
		return d.t.Unix(), true, nil
	case lname == "tounixtimemilliseconds" && len(args) == 0:
		return d.t.UnixMilli(), true, nil
	case lname == "touniversaltime" && len(args) == 0:
		return &DateTimeOffset{d.t.UTC()}, true, nil
	case lname == "tolocaltime" && len(args) == 0:
		return &DateTimeOffset{d.t.Local()}, true, nil
	case lname == "tostring" && len(args) == 0:
		return d.String(), true, nil
	case lname == "tostring" && len(args) >= 1:
		return FormatDate(d.t, ToString(args[0])), true, nil
	case strings.HasPrefix(lname, "add") && len(args) == 1:
		r, err := InvokeMethod(d.clock(), name, args)
		if err != nil {
			return nil, true, err
		}
		if t, ok := r.(time.Time); ok {
			delta := t.Sub(d.clock())
			return &DateTimeOffset{d.t.Add(delta)}, true, nil
		}
	}
	return nil, false, nil
}
