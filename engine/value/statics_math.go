package value

import (
	"math"
	"strings"
)

func mathArgs(name string, args []any, want int) ([]num, error) {
	if len(args) != want {
		return nil, errOverload(name, len(args))
	}
	out := make([]num, want)
	for i, a := range args {
		if s, ok := a.(string); ok {
			nn, err := scanNumber(s, TDouble)
			if err != nil {
				return nil, argConvErr(name, args, i, err)
			}
			out[i] = nn
			continue
		}
		nn, ok := asNum(a)
		if !ok {
			return nil, argConvErr(name, args, i, errInvalidCast(a, "System.Double"))
		}
		out[i] = nn
	}
	return out, nil
}

func mathStatic(name, n string, args []any) (any, bool, error) {
	f1 := map[string]func(float64) float64{
		"sqrt": math.Sqrt, "log10": math.Log10, "log2": math.Log2, "exp": math.Exp,
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "asin": math.Asin, "acos": math.Acos,
		"atan": math.Atan, "sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh, "cbrt": math.Cbrt,
	}
	if f, ok := f1[n]; ok {
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		return f(a[0].float()), true, nil
	}
	switch n {
	case "pow", "atan2", "ieeeremainder":
		a, err := mathArgs(name, args, 2)
		if err != nil {
			return nil, true, err
		}
		switch n {
		case "pow":
			return math.Pow(a[0].float(), a[1].float()), true, nil
		case "atan2":
			return math.Atan2(a[0].float(), a[1].float()), true, nil
		}
		return math.Remainder(a[0].float(), a[1].float()), true, nil
	case "log":
		if len(args) == 2 {
			a, err := mathArgs(name, args, 2)
			if err != nil {
				return nil, true, err
			}
			return math.Log(a[0].float()) / math.Log(a[1].float()), true, nil
		}
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		return math.Log(a[0].float()), true, nil
	case "max", "min":
		a, err := mathArgs(name, args, 2)
		if err != nil {
			return nil, true, err
		}
		x, y, _ := widen(a[0], a[1])
		c := compareNum(x, y)
		if x.k == nDouble && (math.IsNaN(x.f) || math.IsNaN(y.f)) {
			return math.NaN(), true, nil
		}
		if (n == "max") == (c >= 0) {
			return x.value(), true, nil
		}
		return y.value(), true, nil
	case "abs":
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		x := a[0]
		switch x.k {
		case nDouble:
			return math.Abs(x.f), true, nil
		case nDecimal:
			return x.d.Abs(), true, nil
		}
		if (x.k == nInt && x.i == math.MinInt32) || (x.k == nLong && x.i == math.MinInt64) {
			return nil, true, errMethodCall(name, 1, "OverflowException", "Negating the minimum value of a twos complement number is invalid.")
		}
		if x.i < 0 {
			x.i = -x.i
		}
		return x.value(), true, nil
	case "sign":
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		if a[0].k == nDouble && math.IsNaN(a[0].f) {
			return nil, true, errMethodCall(name, 1, "ArithmeticException", "Function does not accept floating point Not-a-Number values.")
		}
		return int32(compareNum(a[0], num{k: nInt})), true, nil
	case "floor", "ceiling", "truncate":
		a, err := mathArgs(name, args, 1)
		if err != nil {
			return nil, true, err
		}
		x := a[0]
		if x.k == nDecimal {
			switch n {
			case "floor":
				return x.d.Floor(), true, nil
			case "ceiling":
				return x.d.Ceil(), true, nil
			}
			return x.d.Truncate(0), true, nil
		}
		f := x.float()
		switch n {
		case "floor":
			return math.Floor(f), true, nil
		case "ceiling":
			return math.Ceil(f), true, nil
		}
		return math.Trunc(f), true, nil
	case "round":
		return mathRound(name, args)
	case "divrem":
		return nil, true, errOverload(name, len(args))
	}
	return nil, false, nil
}

// mathRound is Math.Round: banker's rounding by default; a digits count
// and a MidpointRounding ('ToEven', 'AwayFromZero', ...) may follow.
func mathRound(name string, args []any) (any, bool, error) {
	if len(args) < 1 || len(args) > 3 {
		return nil, true, errOverload(name, len(args))
	}
	a, err := mathArgs(name, args[:1], 1)
	if err != nil {
		return nil, true, err
	}
	digits, mode := 0, "toeven"
	for i, x := range args[1:] {
		if s, ok := x.(string); ok {
			if _, isNum := ParseNumber(s); !isNum {
				mode = strings.ToLower(s)
				continue
			}
		}
		d, err := argInt(name, args, i+1)
		if err != nil {
			return nil, true, err
		}
		digits = d
	}
	if digits < 0 || digits > 28 || (a[0].k != nDecimal && digits > 15) {
		return nil, true, argOutOfRange(name, args, "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
	}
	switch mode {
	case "toeven", "awayfromzero", "tozero", "tonegativeinfinity", "topositiveinfinity":
	default:
		return nil, true, argConvErr(name, args, len(args)-1, errInvalidCastValue(mode, "System.MidpointRounding", "InvalidCastFromStringToEnum", "Unable to match the identifier name "+mode+" to a valid enumerator name."))
	}
	x := a[0]
	if x.k == nDecimal {
		switch mode {
		case "awayfromzero":
			return x.d.Round(int32(digits)), true, nil
		case "tozero":
			return x.d.Truncate(int32(digits)), true, nil
		case "tonegativeinfinity":
			return x.d.RoundFloor(int32(digits)), true, nil
		case "topositiveinfinity":
			return x.d.RoundCeil(int32(digits)), true, nil
		}
		return x.d.RoundBank(int32(digits)), true, nil
	}
	f := x.float()
	p := math.Pow(10, float64(digits))
	v := f * p
	var r float64
	switch mode {
	case "awayfromzero":
		ip, frac := math.Modf(v)
		if math.Abs(frac) >= 0.5 {
			ip += math.Copysign(1, frac)
		}
		r = ip
	case "tozero":
		r = math.Trunc(v)
	case "tonegativeinfinity":
		r = math.Floor(v)
	case "topositiveinfinity":
		r = math.Ceil(v)
	default:
		r = math.RoundToEven(v)
	}
	if digits > 0 {
		r /= p
	}
	if math.IsInf(v, 0) {
		r = f
	}
	return r, true, nil
}
