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
	registerCultureCmdlets(rt)
	registerStrictMode(rt)
	registerInvokeExpression(rt)
	registerInvokeCommand(rt)
}

// registerGetDate adds Get-Date.
func registerGetDate(rt *engine.Runtime) {
	p := newGetDateParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Date", Module: "Microsoft.PowerShell.Utility",
		Synopsis: "Gets the current date and time.",
		Description: "The Get-Date cmdlet gets a DateTime object that represents the current date or a date that you specify. " +
			"-Year, -Month, … replace parts of it; -Format (.NET format strings) and -UFormat (Unix strftime-style) return a string.",
		DefaultSet: "DateAndFormat",
		Params:     p.infos(),
		OutputType: dateOutput,
		Examples: []engine.Example{
			{Title: "Get the current date", Code: "Get-Date"},
			{Title: "Format a date", Code: "Get-Date -Date '2024-01-02' -Format 'yyyy-MM-dd'"},
			{Title: "Use a Unix format", Code: "Get-Date -UFormat '%Y/%m/%d'"},
		},
		Outputs: []string{"System.DateTime", "System.String"},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return getDate(c, p) }),
	})
}

// getDateParams are Get-Date's parameters.
type getDateParams struct {
	date                                                engine.Param[any]
	unixTimeSeconds                                     engine.Param[int]
	year, month, day, hour, minute, second, millisecond engine.Param[int]
	displayHint, format, uFormat                        engine.Param[string]
	asUTC                                               engine.Param[bool]
}

func newGetDateParams() *getDateParams {
	part := func(name string, lo, hi float64, help string) engine.Param[int] {
		return engine.Declare[int](&engine.ParamInfo{Name: name, Type: "Int32", ValidateRange: &[2]float64{lo, hi},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: help})
	}
	return &getDateParams{
		date: engine.Declare[any](&engine.ParamInfo{Name: "Date", Type: "DateTime", Aliases: []string{"LastWriteTime"},
			Sets: []engine.ParamSet{{Name: "DateAndFormat", Position: 0, FromPipeline: true, FromPipelineByName: true}, {Name: "DateAndUFormat", Position: 0, FromPipeline: true, FromPipelineByName: true}},
			Help: "Specifies a date and time. By default, Get-Date gets the current system date and time."}),
		unixTimeSeconds: engine.Declare[int](&engine.ParamInfo{Name: "UnixTimeSeconds", Type: "Int64", Aliases: []string{"UnixTime"},
			Sets: []engine.ParamSet{{Name: "UnixTimeSecondsAndFormat", Position: -1, Mandatory: true}, {Name: "UnixTimeSecondsAndUFormat", Position: -1, Mandatory: true}},
			Help: "Date and time represented in seconds since January 1, 1970, 0:00:00."}),
		year:        part("Year", 1, 9999, "Specifies the year that is displayed."),
		month:       part("Month", 1, 12, "Specifies the month that is displayed."),
		day:         part("Day", 1, 31, "Specifies the day of the month that is displayed."),
		hour:        part("Hour", 0, 23, "Specifies the hour that is displayed."),
		minute:      part("Minute", 0, 59, "Specifies the minute that is displayed."),
		second:      part("Second", 0, 59, "Specifies the second that is displayed."),
		millisecond: part("Millisecond", 0, 999, "Specifies the milliseconds in the date."),
		displayHint: engine.Declare[string](&engine.ParamInfo{Name: "DisplayHint", Type: "String", ValidateSet: []string{"Date", "Time", "DateTime"}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
			Help: "Determines which elements of the date and time are displayed."}),
		format: engine.Declare[string](&engine.ParamInfo{Name: "Format", Type: "String", Sets: []engine.ParamSet{{Name: "DateAndFormat", Position: -1}, {Name: "UnixTimeSecondsAndFormat", Position: -1}},
			Help: "Displays the date and time in the .NET format indicated by the format specifier; the output is a String."}),
		uFormat: engine.Declare[string](&engine.ParamInfo{Name: "UFormat", Type: "String", Sets: []engine.ParamSet{{Name: "DateAndUFormat", Position: -1, Mandatory: true}, {Name: "UnixTimeSecondsAndUFormat", Position: -1, Mandatory: true}},
			Help: "Displays the date and time in UNIX format; the output is a String."}),
		asUTC: engine.Declare[bool](engine.NamedParam("AsUTC", "SwitchParameter", "Converts the date value to the equivalent time in UTC.")),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *getDateParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.date.Info(), p.unixTimeSeconds.Info(), p.year.Info(), p.month.Info(), p.day.Info(), p.hour.Info(),
		p.minute.Info(), p.second.Info(), p.millisecond.Info(), p.displayHint.Info(), p.format.Info(), p.uFormat.Info(), p.asUTC.Info()}
}

// getDate runs Get-Date.
func getDate(c *engine.Call, p *getDateParams) error {
	t := time.Now()
	if d, ok := p.date.Get(c).(time.Time); ok {
		t = d
	}
	if n, ok := p.unixTimeSeconds.Lookup(c); ok {
		t = time.Unix(int64(n), 0).UTC()
	}
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	ns := t.Nanosecond()
	y = p.year.Or(c, y)
	mo = time.Month(p.month.Or(c, int(mo)))
	if p.day.Given(c) {
		d = p.day.Or(c, d)
		if last := time.Date(y, mo+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
			return engine.NewError("InvalidArgument", "System.ArgumentOutOfRangeException", nil,
				"Year, Month, and Day parameters describe an un-representable DateTime.").WithException("System.ArgumentOutOfRangeException")
		}
	}
	h = p.hour.Or(c, h)
	mi = p.minute.Or(c, mi)
	s = p.second.Or(c, s)
	if ms, ok := p.millisecond.Lookup(c); ok {
		ns = ms * int(time.Millisecond)
	}
	t = time.Date(y, mo, d, h, mi, s, ns, t.Location())
	if p.asUTC.Get(c) {
		t = t.UTC()
	}
	switch {
	case p.uFormat.Given(c):
		return c.WriteObject(uFormat(t, p.uFormat.Get(c)))
	case p.format.Given(c):
		return c.WriteObject(value.FormatDate(t, p.format.Get(c)))
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

// startSleepParams are Start-Sleep's parameters.
type startSleepParams struct {
	seconds      engine.Param[any]
	milliseconds engine.Param[int]
	duration     engine.Param[any]
}

func newStartSleepParams() *startSleepParams {
	return &startSleepParams{
		seconds: engine.Declare[any](&engine.ParamInfo{Name: "Seconds", Type: "Double", ValidateRange: &[2]float64{0, 2147483.647}, Sets: []engine.ParamSet{{Name: "Seconds", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}},
			Help: "Specifies how long the resource sleeps in seconds."}),
		milliseconds: engine.Declare[int](&engine.ParamInfo{Name: "Milliseconds", Type: "Int32", Aliases: []string{"ms"}, ValidateRange: &[2]float64{0, 2147483647}, Sets: []engine.ParamSet{{Name: "Milliseconds", Position: -1, Mandatory: true, FromPipelineByName: true}},
			Help: "Specifies how long the resource sleeps in milliseconds."}),
		duration: engine.Declare[any](&engine.ParamInfo{Name: "Duration", Type: "TimeSpan", Aliases: []string{"ts"}, Sets: []engine.ParamSet{{Name: "FromTimeSpan", Position: 0, Mandatory: true, FromPipeline: true, FromPipelineByName: true}},
			Help: "Specifies how long the resource sleeps as a TimeSpan."}),
	}
}

// infos is the declaration list, in pwsh's order.
func (p *startSleepParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.seconds.Info(), p.milliseconds.Info(), p.duration.Info()}
}

// registerStartSleep adds Start-Sleep (alias sleep).
func registerStartSleep(rt *engine.Runtime) {
	p := newStartSleepParams()
	rt.Register(&engine.Cmdlet{
		Name: "Start-Sleep", Module: "Microsoft.PowerShell.Utility",
		Synopsis:    "Suspends the activity in a script or session for the specified period of time.",
		Description: "The Start-Sleep cmdlet suspends the activity in a script or session for the specified period of time. Ctrl-C ends the wait.",
		DefaultSet:  "Seconds",
		Params:      p.infos(),
		Examples:    []engine.Example{{Title: "Pause for 1.5 seconds", Code: "Start-Sleep -Seconds 1.5"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var d time.Duration
			switch c.Set {
			case "Milliseconds":
				d = time.Duration(p.milliseconds.Get(c)) * time.Millisecond
			case "FromTimeSpan":
				if x, ok := p.duration.Get(c).(time.Duration); ok {
					d = x
				}
			default:
				f, _ := toFloat(p.seconds.Get(c))
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
