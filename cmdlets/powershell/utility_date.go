package powershell

import (
	"fmt"
	"strings"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// registerUtilityCmdlets adds Get-Date, Start-Sleep, the variable cmdlets,
// Read-Host, Clear-Host, Get-Random and New-Guid.
func registerUtilityCmdlets(rt *engine.Runtime) {
	registerGetDate(rt)
	registerStartSleep(rt)
	registerVariableCmdlets(rt)
	registerHostCmdlets(rt)
	registerRandomCmdlets(rt)
	registerStrictMode(rt)
}

// registerGetDate adds Get-Date.
func registerGetDate(rt *engine.Runtime) {
	part := func(name string, lo, hi float64, help string) *engine.ParamInfo {
		return &engine.ParamInfo{Name: name, Type: "Int32", ValidateRange: &[2]float64{lo, hi},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: help}
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-Date", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Gets the current date and time.",
		Description: "The Get-Date cmdlet gets a DateTime object that represents the current date or a date that you specify. " +
			"-Year, -Month, … replace parts of it; -Format (.NET format strings) and -UFormat (Unix strftime-style) return a string.",
		DefaultSet: "DateAndFormat",
		Params: []*engine.ParamInfo{
			{Name: "Date", Type: "DateTime", Aliases: []string{"LastWriteTime"},
				Sets: []engine.ParamSet{{Name: "DateAndFormat", Position: 0, FromPipeline: true, FromPipelineByName: true}, {Name: "DateAndUFormat", Position: 0, FromPipeline: true, FromPipelineByName: true}},
				Help: "Specifies a date and time. By default, Get-Date gets the current system date and time."},
			{Name: "UnixTimeSeconds", Type: "Int64", Aliases: []string{"UnixTime"},
				Sets: []engine.ParamSet{{Name: "UnixTimeSecondsAndFormat", Position: -1, Mandatory: true}, {Name: "UnixTimeSecondsAndUFormat", Position: -1, Mandatory: true}},
				Help: "Date and time represented in seconds since January 1, 1970, 0:00:00."},
			part("Year", 1, 9999, "Specifies the year that is displayed."),
			part("Month", 1, 12, "Specifies the month that is displayed."),
			part("Day", 1, 31, "Specifies the day of the month that is displayed."),
			part("Hour", 0, 23, "Specifies the hour that is displayed."),
			part("Minute", 0, 59, "Specifies the minute that is displayed."),
			part("Second", 0, 59, "Specifies the second that is displayed."),
			part("Millisecond", 0, 999, "Specifies the milliseconds in the date."),
			{Name: "DisplayHint", Type: "String", ValidateSet: []string{"Date", "Time", "DateTime"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
				Help: "Determines which elements of the date and time are displayed."},
			{Name: "Format", Type: "String", Sets: []engine.ParamSet{{Name: "DateAndFormat", Position: -1}, {Name: "UnixTimeSecondsAndFormat", Position: -1}},
				Help: "Displays the date and time in the .NET format indicated by the format specifier; the output is a String."},
			{Name: "UFormat", Type: "String", Sets: []engine.ParamSet{{Name: "DateAndUFormat", Position: -1, Mandatory: true}, {Name: "UnixTimeSecondsAndUFormat", Position: -1, Mandatory: true}},
				Help: "Displays the date and time in UNIX format; the output is a String."},
			engine.NamedParam("AsUTC", "SwitchParameter", "Converts the date value to the equivalent time in UTC."),
		},
		Examples: []engine.Example{
			{Title: "Get the current date", Code: "Get-Date"},
			{Title: "Format a date", Code: "Get-Date -Date '2024-01-02' -Format 'yyyy-MM-dd'"},
			{Title: "Use a Unix format", Code: "Get-Date -UFormat '%Y/%m/%d'"},
		},
		Outputs: []string{"System.DateTime", "System.String"},
		New:     engine.ProcessOnly(getDate),
	})
}

// getDate runs Get-Date.
func getDate(c *engine.Call) error {
	t := time.Now()
	if v, ok := c.Params["Date"]; ok && v != nil {
		if d, ok := v.(time.Time); ok {
			t = d
		}
	}
	if c.Has("UnixTimeSeconds") {
		n, _ := value.ConvertTo(c.Get("UnixTimeSeconds"), value.TLong)
		t = time.Unix(n.(int64), 0).UTC()
	}
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	ns := t.Nanosecond()
	if c.Has("Year") {
		y = c.Int("Year", y)
	}
	if c.Has("Month") {
		mo = time.Month(c.Int("Month", int(mo)))
	}
	if c.Has("Day") {
		d = c.Int("Day", d)
		if last := time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
			return engine.NewError("InvalidArgument", "System.ArgumentOutOfRangeException", nil,
				"Year, Month, and Day parameters describe an un-representable DateTime.").WithException("System.ArgumentOutOfRangeException")
		}
	}
	if c.Has("Hour") {
		h = c.Int("Hour", h)
	}
	if c.Has("Minute") {
		mi = c.Int("Minute", mi)
	}
	if c.Has("Second") {
		s = c.Int("Second", s)
	}
	if c.Has("Millisecond") {
		ns = c.Int("Millisecond", 0) * int(time.Millisecond)
	}
	t = time.Date(y, mo, d, h, mi, s, ns, t.Location())
	if c.Switch("AsUTC") {
		t = t.UTC()
	}
	switch {
	case c.Has("UFormat"):
		return c.WriteObject(uFormat(t, c.String("UFormat")))
	case c.Has("Format"):
		return c.WriteObject(value.FormatDate(t, c.String("Format")))
	}
	return c.WriteObject(t)
}

// uFormat formats t with Get-Date -UFormat's Unix-style specifiers.
func uFormat(t time.Time, f string) string {
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		ch := f[i]
		if ch != '%' || i+1 >= len(f) {
			b.WriteByte(ch)
			continue
		}
		i++
		switch f[i] {
		case 'a':
			b.WriteString(t.Format("Mon"))
		case 'A':
			b.WriteString(t.Weekday().String())
		case 'b', 'h':
			b.WriteString(t.Format("Jan"))
		case 'B':
			b.WriteString(t.Month().String())
		case 'c':
			b.WriteString(t.Format("Mon Jan 02 15:04:05 2006"))
		case 'C':
			fmt.Fprintf(&b, "%02d", t.Year()/100)
		case 'd':
			fmt.Fprintf(&b, "%02d", t.Day())
		case 'D':
			b.WriteString(t.Format("01/02/06"))
		case 'e':
			fmt.Fprintf(&b, "%2d", t.Day())
		case 'F':
			b.WriteString(t.Format("2006-01-02"))
		case 'g':
			yr, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", yr%100)
		case 'G':
			yr, _ := t.ISOWeek()
			fmt.Fprintf(&b, "%d", yr)
		case 'H':
			fmt.Fprintf(&b, "%02d", t.Hour())
		case 'I':
			fmt.Fprintf(&b, "%02d", hour12(t))
		case 'j':
			fmt.Fprintf(&b, "%03d", t.YearDay())
		case 'k':
			fmt.Fprintf(&b, "%2d", t.Hour())
		case 'l':
			fmt.Fprintf(&b, "%2d", hour12(t))
		case 'm':
			fmt.Fprintf(&b, "%02d", int(t.Month()))
		case 'M':
			fmt.Fprintf(&b, "%02d", t.Minute())
		case 'n':
			b.WriteByte('\n')
		case 'p':
			b.WriteString(t.Format("PM"))
		case 'r':
			b.WriteString(t.Format("03:04:05 PM"))
		case 'R':
			b.WriteString(t.Format("15:04"))
		case 's':
			fmt.Fprintf(&b, "%d", t.Unix())
		case 'S':
			fmt.Fprintf(&b, "%02d", t.Second())
		case 't':
			b.WriteByte('\t')
		case 'T', 'X':
			b.WriteString(t.Format("15:04:05"))
		case 'u':
			wd := int(t.Weekday())
			if wd == 0 {
				wd = 7
			}
			fmt.Fprintf(&b, "%d", wd)
		case 'U':
			fmt.Fprintf(&b, "%02d", (t.YearDay()+6-int(t.Weekday()))/7)
		case 'V':
			_, wk := t.ISOWeek()
			fmt.Fprintf(&b, "%02d", wk)
		case 'w':
			fmt.Fprintf(&b, "%d", int(t.Weekday()))
		case 'W':
			fmt.Fprintf(&b, "%02d", (t.YearDay()+6-(int(t.Weekday())+6)%7)/7)
		case 'x':
			b.WriteString(t.Format("01/02/06"))
		case 'y':
			fmt.Fprintf(&b, "%02d", t.Year()%100)
		case 'Y':
			fmt.Fprintf(&b, "%d", t.Year())
		case 'Z', 'z':
			_, off := t.Zone()
			sign := "+"
			if off < 0 {
				sign, off = "-", -off
			}
			fmt.Fprintf(&b, "%s%02d", sign, off/3600)
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte(f[i])
		}
	}
	return b.String()
}

// hour12 is the hour on a 12-hour clock.
func hour12(t time.Time) int {
	h := t.Hour() % 12
	if h == 0 {
		h = 12
	}
	return h
}

// registerStartSleep adds Start-Sleep (alias sleep).
func registerStartSleep(rt *engine.Runtime) {
	rt.Register(&engine.Cmdlet{
		Name: "Start-Sleep", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Suspends the activity in a script or session for the specified period of time.",
		Description: "The Start-Sleep cmdlet suspends the activity in a script or session for the specified period of time. Ctrl-C ends the wait.",
		DefaultSet:  "Seconds",
		Params: []*engine.ParamInfo{
			{Name: "Seconds", Type: "Double", ValidateRange: &[2]float64{0, 2147483.647}, Sets: []engine.ParamSet{{Name: "Seconds", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}},
				Help: "Specifies how long the resource sleeps in seconds."},
			{Name: "Milliseconds", Type: "Int32", Aliases: []string{"ms"}, ValidateRange: &[2]float64{0, 2147483647}, Sets: []engine.ParamSet{{Name: "Milliseconds", Position: -1, Mandatory: true, FromPipelineByName: true}},
				Help: "Specifies how long the resource sleeps in milliseconds."},
			{Name: "Duration", Type: "TimeSpan", Aliases: []string{"ts"}, Sets: []engine.ParamSet{{Name: "FromTimeSpan", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}},
				Help: "Specifies how long the resource sleeps as a TimeSpan."},
		},
		Examples: []engine.Example{{Title: "Pause for 1.5 seconds", Code: "Start-Sleep -Seconds 1.5"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var d time.Duration
			switch c.Set {
			case "Milliseconds":
				d = time.Duration(c.Int("Milliseconds", 0)) * time.Millisecond
			case "FromTimeSpan":
				if x, ok := c.Get("Duration").(time.Duration); ok {
					d = x
				}
			default:
				f, _ := toFloat(c.Get("Seconds"))
				d = time.Duration(f * float64(time.Second))
			}
			if d <= 0 {
				return nil
			}
			tm := time.NewTimer(d)
			defer tm.Stop()
			select {
			case <-tm.C:
				return nil
			case <-c.Context().Done():
				return engine.ErrPipelineStopped
			}
		}),
	})
	rt.SetAliases("Start-Sleep", "sleep")
}
