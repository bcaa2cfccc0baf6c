package value

import (
	"encoding/base64"
	"math"
	"os"
	"path"
	"strconv"
	"strings"
	"time"
)

func dateStatic(name, n string, args []any) (any, bool, error) {
	switch n {
	case "parse":
		if len(args) >= 1 {
			t, ok := ParseDate(ToString(args[0]))
			if !ok {
				return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid DateTime.")
			}
			return t, true, nil
		}
	case "parseexact":
		if len(args) >= 2 {
			t, ok := ParseExactDate(ToString(args[0]), ToString(args[1]))
			if !ok {
				return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid DateTime.")
			}
			return t, true, nil
		}
	case "daysinmonth":
		if len(args) == 2 {
			y, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			m, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if m < 1 || m > 12 {
				return nil, true, argOutOfRange(name, args, "Month must be between one and twelve. (Parameter 'month')")
			}
			return int32(daysIn(y, time.Month(m))), true, nil
		}
	case "isleapyear":
		if len(args) == 1 {
			y, err := argInt(name, args, 0)
			if err != nil {
				return nil, true, err
			}
			return y%4 == 0 && (y%100 != 0 || y%400 == 0), true, nil
		}
	case "new":
		if len(args) >= 3 && len(args) <= 7 {
			vals := make([]int, 7)
			for i := range args {
				v, err := argInt(name, args, i)
				if err != nil {
					return nil, true, err
				}
				vals[i] = v
			}
			t := time.Date(vals[0], time.Month(vals[1]), vals[2], vals[3], vals[4], vals[5], vals[6]*1e6, time.Local)
			if t.Year() != vals[0] || int(t.Month()) != vals[1] || t.Day() != vals[2] || vals[0] < 1 || vals[0] > 9999 {
				return nil, true, argOutOfRange(name, args, "Year, Month, and Day parameters describe an un-representable DateTime.")
			}
			return t, true, nil
		}
	}
	return nil, false, nil
}

func timeSpanStatic(name, n string, args []any) (any, bool, error) {
	units := map[string]float64{
		"fromdays": 864e11, "fromhours": 36e11, "fromminutes": 6e10, "fromseconds": 1e9,
		"frommilliseconds": 1e6, "fromticks": 100,
	}
	if u, ok := units[n]; ok {
		if len(args) != 1 {
			return nil, true, errOverload(name, len(args))
		}
		f, err := argFloat(name, args, 0)
		if err != nil {
			return nil, true, err
		}
		d := f * u
		if math.IsNaN(d) || math.Abs(d) >= 9.2e18 {
			return nil, true, errMethodCall(name, 1, "OverflowException", "TimeSpan overflowed because the duration is too long.")
		}
		return time.Duration(math.Round(d)), true, nil
	}
	if n == "parse" && len(args) >= 1 {
		d, ok := parseTimeSpan(ToString(args[0]))
		if !ok {
			return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+ToString(args[0])+"' was not recognized as a valid TimeSpan.")
		}
		return d, true, nil
	}
	return nil, false, nil
}

func convertStatic(name, n string, args []any) (any, bool, error) {
	if len(args) == 0 {
		return nil, false, nil
	}
	targets := map[string]*Type{
		"toint32": TInt, "toint64": TLong, "todouble": TDouble, "todecimal": TDecimal,
		"tobyte": TByte, "toboolean": TBool, "tochar": TChar, "todatetime": TDateTime,
		"toint16": TInt, "tosingle": TDouble,
	}
	if t, ok := targets[n]; ok {
		if len(args) == 2 && (t == TInt || t == TLong || t == TByte) {
			base, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if base != 2 && base != 8 && base != 10 && base != 16 {
				return nil, true, argException(name, args, "Invalid Base. (Parameter 'fromBase')")
			}
			s := strings.TrimSpace(ToString(args[0]))
			if base == 16 {
				s = strings.TrimPrefix(strings.TrimPrefix(s, "0x"), "0X")
			}
			u, perr := strconv.ParseUint(s, base, 64)
			if perr != nil {
				i, ierr := strconv.ParseInt(s, base, 64)
				if ierr != nil || base != 10 {
					return nil, true, errMethodCall(name, 2, "FormatException", "Could not find any recognizable digits.")
				}
				u = uint64(i)
			}
			switch t {
			case TInt:
				if base == 10 {
					v, cerr := ConvertTo(s, TInt)
					if cerr != nil {
						return nil, true, wrapMethodErr(name, args, cerr)
					}
					return v, true, nil
				}
				if u > math.MaxUint32 {
					return nil, true, errMethodCall(name, 2, "OverflowException", "Value was either too large or too small for an Int32.")
				}
				return int32(uint32(u)), true, nil
			case TByte:
				if u > 255 {
					return nil, true, errMethodCall(name, 2, "OverflowException", "Value was either too large or too small for an unsigned byte.")
				}
				return uint8(u), true, nil
			}
			return int64(u), true, nil
		}
		if t == TBool {
			if s, ok := args[0].(string); ok {
				return stringToBoolStrict(name, args, s)
			}
		}
		v, err := ConvertTo(args[0], t)
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return v, true, nil
	}
	switch n {
	case "tostring":
		if len(args) == 2 && isIntValue(args[1]) {
			base, err := argInt(name, args, 1)
			if err != nil {
				return nil, true, err
			}
			if base != 2 && base != 8 && base != 10 && base != 16 {
				return nil, true, argException(name, args, "Invalid Base. (Parameter 'toBase')")
			}
			nn, ok := asNum(args[0])
			if !ok || nn.k == nDouble || nn.k == nDecimal {
				return nil, true, errOverload(name, 2)
			}
			if base == 10 {
				return strconv.FormatInt(nn.i, 10), true, nil
			}
			u := uint64(nn.i)
			if nn.k == nInt {
				u = uint64(uint32(int32(nn.i)))
			}
			return strconv.FormatUint(u, base), true, nil
		}
		if len(args) == 1 {
			return dotNetToString(args[0]), true, nil
		}
		s, err := FormatValue(args[0], ToString(args[1]))
		if err != nil {
			return nil, true, wrapMethodErr(name, args, err)
		}
		return s, true, nil
	case "tobase64string":
		b, err := byteArg(name, args)
		if err != nil {
			return nil, true, err
		}
		return base64.StdEncoding.EncodeToString(b), true, nil
	case "frombase64string":
		b, err := base64.StdEncoding.DecodeString(ToString(args[0]))
		if err != nil {
			return nil, true, errMethodCall(name, 1, "FormatException", "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
		}
		out := make([]any, len(b))
		for i, c := range b {
			out[i] = c
		}
		return out, true, nil
	}
	return nil, false, nil
}

func stringToBoolStrict(name string, args []any, s string) (any, bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true":
		return true, true, nil
	case "false":
		return false, true, nil
	}
	return nil, true, errMethodCall(name, len(args), "FormatException", "String '"+s+"' was not recognized as a valid Boolean.")
}

func byteArg(name string, args []any) ([]byte, error) {
	a, ok := args[0].([]any)
	if !ok {
		return nil, errOverload(name, len(args))
	}
	b := make([]byte, len(a))
	for i, e := range a {
		v, err := ConvertTo(e, TByte)
		if err != nil {
			return nil, wrapMethodErr(name, args, err)
		}
		b[i] = v.(uint8)
	}
	return b, nil
}

func pathStatic(name, n string, args []any) (any, bool, error) {
	if len(args) == 0 {
		if n == "gettemppath" {
			d := os.TempDir()
			if !strings.HasSuffix(d, "/") {
				d += "/"
			}
			return d, true, nil
		}
		return nil, false, nil
	}
	p := ToString(args[0])
	switch n {
	case "getfullpath":
		return getFullPath(name, args)
	case "getfilename":
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			return p[i+1:], true, nil
		}
		return p, true, nil
	case "getextension":
		base := p[strings.LastIndexByte(p, '/')+1:]
		if i := strings.LastIndexByte(base, '.'); i >= 0 && i < len(base)-1 {
			return base[i:], true, nil
		}
		return "", true, nil
	case "getfilenamewithoutextension":
		base := p[strings.LastIndexByte(p, '/')+1:]
		if i := strings.LastIndexByte(base, '.'); i >= 0 {
			return base[:i], true, nil
		}
		return base, true, nil
	case "getdirectoryname":
		if p == "" {
			return nil, true, nil
		}
		i := strings.LastIndexByte(p, '/')
		switch {
		case i < 0:
			return "", true, nil
		case i == 0:
			if p == "/" {
				return nil, true, nil
			}
			return "/", true, nil
		}
		return strings.TrimRight(p[:i], "/"), true, nil
	case "combine", "join":
		items := args
		if len(items) == 1 {
			if a, ok := asItems(items[0]); ok {
				items = a
			}
		}
		out := ""
		for _, it := range items {
			s := ToString(it)
			switch {
			case s == "":
			case n == "combine" && strings.HasPrefix(s, "/"):
				out = s
			case out == "" || strings.HasSuffix(out, "/"):
				out += s
			default:
				out += "/" + s
			}
		}
		return out, true, nil
	case "ispathrooted":
		return strings.HasPrefix(p, "/"), true, nil
	case "haseextension", "hasextension":
		base := path.Base(p)
		i := strings.LastIndexByte(base, '.')
		return i >= 0 && i < len(base)-1, true, nil
	case "changeextension":
		if len(args) == 2 {
			base := p
			if i := strings.LastIndexByte(p, '.'); i > strings.LastIndexByte(p, '/') {
				base = p[:i]
			}
			if args[1] == nil {
				return base, true, nil
			}
			ext := ToString(args[1])
			if ext != "" && !strings.HasPrefix(ext, ".") {
				ext = "." + ext
			}
			return base + ext, true, nil
		}
	}
	return nil, false, nil
}
