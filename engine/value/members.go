package value

import (
	"iter"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// utf16Len is a string's .NET Length (UTF-16 code units).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// GetMember reads a property, case-insensitively: PSCustomObject
// properties, hashtable keys (a key wins over Keys/Values/Count), string
// Length, array Length/Count and member enumeration over the elements,
// date and time-span parts, and the Count/Length every scalar has. ok is
// false when there is no such member (pwsh then yields $null).
func GetMember(v any, name string) (any, bool) {
	lname := strings.ToLower(name)
	if lname == "psobject" && v != nil {
		if h, ok := v.(*Hashtable); !ok || !h.Has(name) {
			return psObjectView(v), true
		}
	}
	switch x := v.(type) {
	case nil:
		if lname == "count" || lname == "length" {
			return int32(0), true
		}
		return nil, false
	case *Object:
		if x == nil {
			return nil, false
		}
		if r, ok := x.Get(name); ok {
			return r, true
		}
		if x.Base != nil {
			return GetMember(x.Base, name)
		}
	case *Hashtable:
		if r, ok := x.Get(name); ok {
			return r, true
		}
		switch lname {
		case "count":
			return int32(x.Len()), true
		case "keys":
			return append([]any{}, x.Keys()...), true
		case "values":
			return append([]any{}, x.Values()...), true
		case "isreadonly", "isfixedsize", "issynchronized":
			return false, true
		}
		return nil, false
	case SwitchParameter:
		if lname == "ispresent" {
			return bool(x), true
		}
	case string:
		if lname == "length" {
			return int32(utf16Len(x)), true
		}
	case []any:
		switch lname {
		case "length", "count":
			return int32(len(x)), true
		case "longlength":
			return int64(len(x)), true
		case "rank":
			return int32(1), true
		case "isfixedsize", "isreadonly":
			return lname == "isfixedsize", true
		case "issynchronized":
			return false, true
		}
		return enumerateMember(x, name)
	case *List:
		return listMember(x, name)
	case time.Time:
		if r, ok := dateMember(x, lname); ok {
			return r, true
		}
	case time.Duration:
		if r, ok := timeSpanMember(x, lname); ok {
			return r, true
		}
	case *Type:
		switch lname {
		case "name":
			return x.Name, true
		case "fullname":
			return x.FullName, true
		case "namespace":
			if i := strings.LastIndexByte(x.FullName, '.'); i >= 0 {
				return x.FullName[:i], true
			}
			return "", true
		case "isarray":
			return x.IsArray(), true
		case "basetype":
			if b := x.BaseType(); b != nil {
				return b, true
			}
			return nil, true
		case "isenum":
			return x.IsEnum(), true
		case "isvaluetype":
			switch x.kind {
			case kInt, kLong, kByte, kDouble, kDecimal, kChar, kBool, kDateTime, kTimeSpan, kGuid, kSwitch:
				return true, true
			}
			return false, true
		}
	case Native:
		if r, ok := x.Member(lname); ok {
			return r, true
		}
	case EnumValue:
		if r, ok := enumMember(x, lname); ok {
			return r, true
		}
	case *Regex:
		switch lname {
		case "options":
			return x.Options(), true
		case "righttoleft":
			return x.rtl, true
		}
	case decimal.Decimal:
		switch lname {
		case "scale":
			return uint8(max(0, -x.Exponent())), true
		}
	}
	if lname == "count" || lname == "length" {
		return int32(1), true
	}
	return nil, false
}

// enumerateMember is member enumeration: the member of every element that
// has it, flattened; one result is returned as a scalar.
func enumerateMember(a []any, name string) (any, bool) {
	var out []any
	found := false
	for _, e := range a {
		if inner, isArr := asItems(e); isArr {
			r, ok := enumerateMember(inner, name)
			if ok {
				found = true
				if ra, isA := r.([]any); isA {
					out = append(out, ra...)
				} else {
					out = append(out, r)
				}
			}
			continue
		}
		if e == nil {
			continue
		}
		r, ok := GetMember(e, name)
		if !ok {
			continue
		}
		found = true
		if ra, isA := r.([]any); isA {
			out = append(out, ra...)
		} else {
			out = append(out, r)
		}
	}
	if !found {
		return nil, false
	}
	if len(out) == 1 {
		return out[0], true
	}
	if out == nil {
		out = []any{}
	}
	return out, true
}

func dateMember(t time.Time, n string) (any, bool) {
	switch n {
	case "year":
		return int32(t.Year()), true
	case "month":
		return int32(t.Month()), true
	case "day":
		return int32(t.Day()), true
	case "hour":
		return int32(t.Hour()), true
	case "minute":
		return int32(t.Minute()), true
	case "second":
		return int32(t.Second()), true
	case "millisecond":
		return int32(t.Nanosecond() / 1e6), true
	case "microsecond":
		return int32(t.Nanosecond() / 1e3 % 1000), true
	case "dayofweek":
		return EnumValue{TDayOfWeek, int64(t.Weekday())}, true
	case "dayofyear":
		return int32(t.YearDay()), true
	case "date":
		y, m, d := t.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, t.Location()), true
	case "ticks":
		return TimeToTicks(t), true
	case "timeofday":
		y, m, d := t.Date()
		return t.Sub(time.Date(y, m, d, 0, 0, 0, 0, t.Location())), true
	case "kind":
		if t.Location() == time.UTC {
			return "Utc", true
		}
		return "Local", true
	}
	return nil, false
}

func timeSpanMember(d time.Duration, n string) (any, bool) {
	ticks := int64(d / 100)
	const tpd, tph, tpm, tps, tpms = 864000000000, 36000000000, 600000000, 10000000, 10000
	switch n {
	case "days":
		return int32(ticks / tpd), true
	case "hours":
		return int32(ticks / tph % 24), true
	case "minutes":
		return int32(ticks / tpm % 60), true
	case "seconds":
		return int32(ticks / tps % 60), true
	case "milliseconds":
		return int32(ticks / tpms % 1000), true
	case "ticks":
		return ticks, true
	case "totaldays":
		return float64(ticks) / tpd, true
	case "totalhours":
		return float64(ticks) / tph, true
	case "totalminutes":
		return float64(ticks) / tpm, true
	case "totalseconds":
		return float64(ticks) / tps, true
	case "totalmilliseconds":
		return float64(ticks) / tpms, true
	}
	return nil, false
}

// SetMember assigns a property: an existing PSCustomObject property or a
// hashtable key (added when missing).
func SetMember(v any, name string, x any) error {
	switch o := v.(type) {
	case *Object:
		if o != nil && o.Has(name) {
			p := o.props[o.find(name)]
			if p.Setter != nil {
				v, err := p.Setter(o, x)
				if err != nil {
					return err
				}
				x = v
			}
			p.Value, p.Getter = x, nil
			return nil
		}
	case *Hashtable:
		o.Set(name, x)
		return nil
	case nativeSetter:
		if ok, err := o.SetMember(strings.ToLower(name), x); ok || err != nil {
			return err
		}
	}
	return newErr(ExRuntime, "PropertyAssignmentException", "InvalidOperation",
		"The property '%s' cannot be found on this object. Verify that the property exists and can be set.", name)
}

// Enumerate reports what the pipeline unrolls: the elements of an array
// (one level). Hashtables, strings, scalars and nil are not enumerated.
func Enumerate(v any) ([]any, bool) {
	switch x := v.(type) {
	case []any:
		return x, true
	case *List:
		return x.Items, true
	case *Object:
		if x != nil && x.Base != nil {
			if a, ok := x.Base.([]any); ok {
				return a, true
			}
		}
	}
	return nil, false
}

// rangeMax bounds the matches MatchAll collects.
const rangeMax = 10_000_000

// Range implements a..b as an array (pwsh's ParserOps.RangeOperator): an
// int range (either direction) or, when both ends are one-character
// strings or chars, a [char] range. The array is held to the growth cap
// (pwsh has no limit of its own but memory: .NET fails with "Array
// dimensions exceeded supported range."); where pwsh enumerates a range
// lazily — the first element of a pipeline, a foreach or switch
// condition — the engine uses RangeSeq instead, which has no bound.
func Range(a, b any) ([]any, error) {
	seq, n, err := RangeSeq(a, b)
	if err != nil {
		return nil, err
	}
	if n > int64(MaxArrayLength) {
		return nil, errArrayTooLarge()
	}
	out := make([]any, 0, n)
	for v := range seq {
		out = append(out, v)
	}
	return out, nil
}

// RangeSeq is a..b as a lazy sequence (pwsh's RangeEnumerator and
// CharRangeEnumerator), with the number of elements it yields; the
// operands are converted as Range converts them, and fail the same way.
func RangeSeq(a, b any) (iter.Seq[any], int64, error) {
	a, b = unwrapBase(a), unwrapBase(b)
	ca, aok := rangeChar(a)
	cb, bok := rangeChar(b)
	if aok && bok {
		lo, hi := int64(ca), int64(cb)
		return rangeSteps(lo, hi, func(i int64) any { return Char(i) }), rangeLen(lo, hi), nil
	}
	av, err := ConvertTo(a, TInt)
	if err != nil {
		return nil, 0, err
	}
	bv, err := ConvertTo(b, TInt)
	if err != nil {
		return nil, 0, err
	}
	lo, hi := int64(av.(int32)), int64(bv.(int32))
	return rangeSteps(lo, hi, func(i int64) any { return int32(i) }), rangeLen(lo, hi), nil
}

// rangeLen is how many values lo..hi holds.
func rangeLen(lo, hi int64) int64 {
	if lo > hi {
		return lo - hi + 1
	}
	return hi - lo + 1
}

// rangeSteps yields mk(i) for i from lo to hi, upwards or downwards.
func rangeSteps(lo, hi int64, mk func(int64) any) iter.Seq[any] {
	return func(yield func(any) bool) {
		step := int64(1)
		if lo > hi {
			step = -1
		}
		for i := lo; ; i += step {
			if !yield(mk(i)) || i == hi {
				return
			}
		}
	}
}

func rangeChar(v any) (Char, bool) {
	switch x := v.(type) {
	case Char:
		return x, true
	case string:
		r := []rune(x)
		if len(r) == 1 && !(r[0] >= '0' && r[0] <= '9') {
			return Char(r[0]), true
		}
	}
	return 0, false
}
