package value

import (
	"math"
	"time"

	"github.com/dlclark/regexp2/v2"
)

func argFloat(name string, args []any, i int) (float64, error) {
	v, err := ConvertTo(args[i], TDouble)
	if err != nil {
		return 0, wrapMethodErr(name, args, err)
	}
	return v.(float64), nil
}

func addDuration(t time.Time, f float64, unit time.Duration, name string, args []any) (any, bool, error) {
	d := f * float64(unit)
	if math.IsNaN(d) || math.Abs(d) > float64(math.MaxInt64) {
		return nil, true, argOutOfRange(name, args, "The added or subtracted value results in an un-representable DateTime. (Parameter 'value')")
	}
	// .NET rounds the added amount to whole milliseconds for AddX(double)
	return t.Add(time.Duration(d)), true, nil
}

// dateMethod implements System.DateTime methods.
func dateMethod(t time.Time, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	units := map[string]time.Duration{
		"adddays": 24 * time.Hour, "addhours": time.Hour, "addminutes": time.Minute,
		"addseconds": time.Second, "addmilliseconds": time.Millisecond,
	}
	if u, ok := units[lname]; ok {
		if n != 1 {
			return nil, true, errOverload(name, n)
		}
		f, err := argFloat(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		return addDuration(t, f, u, name, args)
	}
	switch lname {
	case "addmonths", "addyears":
		if n != 1 {
			return nil, true, errOverload(name, n)
		}
		k, err := argInt(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		if lname == "addyears" {
			k *= 12
		}
		y, m, d := t.Date()
		total := y*12 + int(m) - 1 + k
		ny, nm := total/12, time.Month(total%12+1)
		if ny < 1 || ny > 9999 {
			return nil, true, argOutOfRange(name, args, "The added or subtracted value results in an un-representable DateTime. (Parameter 'months')")
		}
		if dim := daysIn(ny, nm); d > dim {
			d = dim
		}
		return time.Date(ny, nm, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location()), true, nil
	case "addticks":
		if n == 1 {
			v, err := ConvertTo(args[0], TLong)
			if err != nil {
				return nil, true, wrapMethodErr(name, args, err)
			}
			return t.Add(time.Duration(v.(int64) * 100)), true, nil
		}
	case "add":
		if n == 1 {
			if d, ok := args[0].(time.Duration); ok {
				return t.Add(d), true, nil
			}
		}
	case "subtract":
		if n == 1 {
			switch x := args[0].(type) {
			case time.Time:
				return t.Sub(x), true, nil
			case time.Duration:
				return t.Add(-x), true, nil
			}
			return nil, true, errOverload(name, n)
		}
	case "tostring":
		if n == 0 {
			return FormatDate(t, "G"), true, nil
		}
		if n <= 2 {
			return FormatDate(t, ToString(args[0])), true, nil
		}
	case "toshortdatestring":
		return FormatDate(t, "d"), true, nil
	case "tolongdatestring":
		return FormatDate(t, "D"), true, nil
	case "toshorttimestring":
		return FormatDate(t, "t"), true, nil
	case "tolongtimestring":
		return FormatDate(t, "T"), true, nil
	case "touniversaltime":
		return t.UTC(), true, nil
	case "tolocaltime":
		return t.Local(), true, nil
	case "tofiletime", "tofiletimeutc":
		return TimeToTicks(t.UTC()) - 504911232000000000, true, nil
	case "isdaylightsavingtime":
		return t.IsDST(), true, nil
	case "equals":
		if n == 1 {
			o, ok := args[0].(time.Time)
			return ok && o.Equal(t), true, nil
		}
	}
	return nil, false, nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// timeSpanMethod implements System.TimeSpan methods.
func timeSpanMethod(d time.Duration, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	switch lname {
	case "add", "subtract":
		if n == 1 {
			o, ok := args[0].(time.Duration)
			if !ok {
				c, err := ConvertTo(args[0], TTimeSpan)
				if err != nil {
					return nil, true, wrapMethodErr(name, args, err)
				}
				o = c.(time.Duration)
			}
			if lname == "add" {
				return d + o, true, nil
			}
			return d - o, true, nil
		}
	case "negate":
		return -d, true, nil
	case "duration":
		if d < 0 {
			return -d, true, nil
		}
		return d, true, nil
	case "tostring":
		if n == 0 {
			return timeSpanString(d), true, nil
		}
		s, err := formatTimeSpan(d, ToString(args[0]))
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return s, true, nil
	}
	return nil, false, nil
}

// numberMethod implements methods of the numeric types.
func numberMethod(v any, name, lname string, args []any) (any, bool, error) {
	if lname == "tostring" && len(args) == 0 {
		return dotNetToString(v), true, nil
	}
	return nil, false, nil
}

// regexMethod implements [regex] instance methods.
func regexMethod(r *Regex, name, lname string, args []any) (any, bool, error) {
	n := len(args)
	switch lname {
	case "ismatch":
		if n == 1 {
			ok, err := r.IsMatch(ToString(args[0]))
			return ok, true, err
		}
	case "match":
		if n == 1 {
			m, err := r.MatchObject(ToString(args[0]))
			return m, true, err
		}
	case "matches":
		if n == 1 {
			m, err := r.MatchAll(ToString(args[0]))
			return m, true, err
		}
	case "replace":
		if n == 2 {
			s, err := r.re.Replace(ToString(args[0]), ToString(args[1]), -1, -1)
			if err != nil {
				return nil, true, regexRunErr(err)
			}
			return s, true, nil
		}
	case "split":
		if n == 1 {
			parts, err := r.split(ToString(args[0]), -1)
			if err != nil {
				return nil, true, err
			}
			out := make([]any, len(parts))
			for i, p := range parts {
				out[i] = p
			}
			return out, true, nil
		}
	case "getgroupnames":
		names := r.re.GetGroupNames()
		out := make([]any, len(names))
		for i, s := range names {
			out[i] = s
		}
		return out, true, nil
	case "tostring":
		if n == 0 {
			return r.pattern, true, nil
		}
	}
	return nil, false, nil
}

// Type names of regex result objects.
const (
	TypeNameMatch = "System.Text.RegularExpressions.Match"
	TypeNameGroup = "System.Text.RegularExpressions.Group"
)

// MatchObject runs the regex on s and returns a Match object (Success,
// Value, Index, Length, Groups, Captures, Name) as [regex]::Match does.
func (r *Regex) MatchObject(s string) (*Object, error) {
	m, err := r.re.FindStringMatch(s)
	if err != nil {
		return nil, regexRunErr(err)
	}
	return matchToObject(r, m), nil
}

// MatchAll returns every match of the regex in s as Match objects.
func (r *Regex) MatchAll(s string) ([]any, error) {
	out := []any{}
	m, err := r.re.FindStringMatch(s)
	for m != nil && err == nil {
		out = append(out, matchToObject(r, m))
		if len(out) > rangeMax {
			break
		}
		m, err = r.re.FindNextMatch(m)
	}
	if err != nil {
		return nil, regexRunErr(err)
	}
	return out, nil
}

func groupObject(typeName string, name string, g *regexp2.Group) *Object {
	o := NewObject(typeName, "System.Object")
	success := g != nil && len(g.Captures) > 0
	o.Set("Groups", nil)
	o.Set("Success", success)
	o.Set("Name", name)
	caps := []any{}
	idx, length, val := 0, 0, ""
	if success {
		idx, length, val = g.RuneIndex, g.RuneLength, g.String()
		for i := range g.Captures {
			c := &g.Captures[i]
			co := NewObject("System.Text.RegularExpressions.Capture", "System.Object")
			co.Set("Index", int32(c.RuneIndex))
			co.Set("Length", int32(c.RuneLength))
			co.Set("Value", c.String())
			caps = append(caps, co)
		}
	}
	o.Set("Captures", caps)
	o.Set("Index", int32(idx))
	o.Set("Length", int32(length))
	o.Set("Value", val)
	return o
}

func matchToObject(r *Regex, m *regexp2.Match) *Object {
	if m == nil {
		o := groupObject(TypeNameMatch, "0", nil)
		o.Set("Groups", groupCollection([]any{groupObject(TypeNameGroup, "0", nil)}))
		return o
	}
	o := groupObject(TypeNameMatch, "0", &m.Group)
	var groups []any
	for _, name := range r.re.GetGroupNames() {
		g := m.GroupByName(name)
		groups = append(groups, groupObject(TypeNameGroup, name, g))
	}
	o.Set("Groups", groupCollection(groups))
	return o
}

// tGroupCollection is a Match's Groups: indexed by number or group name.
var tGroupCollection = &Type{Name: "GroupCollection", FullName: "System.Text.RegularExpressions.GroupCollection", kind: kMembers}

// groupCollection wraps a match's groups so that Groups['name'] finds a
// group by its Name, as Groups[1] does by number.
func groupCollection(groups []any) *List { return &List{typ: tGroupCollection, Items: groups} }
