package value

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// nkind orders the numeric operation types as .NET TypeCodes do: the wider
// operand decides the operation type.
type nkind int

const (
	nInt nkind = iota
	nLong
	nDouble
	nDecimal
)

// num is a number in operation form.
type num struct {
	k nkind
	i int64
	f float64
	d decimal.Decimal
}

// asNum returns v as a number when it is numeric or primitive (bool, char,
// byte count as [int]); nil is 0.
func asNum(v any) (num, bool) {
	switch x := v.(type) {
	case nil:
		return num{k: nInt}, true
	case int32:
		return num{k: nInt, i: int64(x)}, true
	case int:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			return num{k: nInt, i: int64(x)}, true
		}
		return num{k: nLong, i: int64(x)}, true
	case uint8:
		return num{k: nInt, i: int64(x)}, true
	case bool:
		if x {
			return num{k: nInt, i: 1}, true
		}
		return num{k: nInt}, true
	case SwitchParameter:
		if x {
			return num{k: nInt, i: 1}, true
		}
		return num{k: nInt}, true
	case Char:
		return num{k: nInt, i: int64(x)}, true
	case int64:
		return num{k: nLong, i: x}, true
	case EnumValue:
		return num{k: nInt, i: x.V}, true
	case float64:
		return num{k: nDouble, f: x}, true
	case decimal.Decimal:
		return num{k: nDecimal, d: x}, true
	case *Object:
		if x != nil && x.Base != nil {
			return asNum(x.Base)
		}
	}
	return num{}, false
}

// isNumeric reports whether v is a number type proper (not bool/char/null).
func isNumeric(v any) bool {
	switch v.(type) {
	case int32, int64, uint8, float64, decimal.Decimal, int:
		return true
	}
	return false
}

func (n num) value() any {
	switch n.k {
	case nInt:
		return int32(n.i)
	case nLong:
		return n.i
	case nDouble:
		return n.f
	}
	return n.d
}

func (n num) float() float64 {
	switch n.k {
	case nDouble:
		return n.f
	case nDecimal:
		f, _ := n.d.Float64()
		return f
	}
	return float64(n.i)
}

// doubleToDecimal converts like C# (decimal)double: 15 significant digits.
func doubleToDecimal(f float64) (decimal.Decimal, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) >= 7.9228162514264338e28 {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(strconv.FormatFloat(f, 'e', 14, 64))
	if err != nil {
		return decimal.Decimal{}, false
	}
	return normDecimal(d), true
}

// normDecimal strips trailing fractional zeros.
func normDecimal(d decimal.Decimal) decimal.Decimal {
	if d.Exponent() >= 0 {
		return d
	}
	s := d.String() // String already drops trailing zeros
	r, err := decimal.NewFromString(s)
	if err != nil {
		return d
	}
	return r
}

func (n num) dec() (decimal.Decimal, bool) {
	switch n.k {
	case nDecimal:
		return n.d, true
	case nDouble:
		return doubleToDecimal(n.f)
	}
	return decimal.NewFromInt(n.i), true
}

// widen brings a and b to a common operation kind.
func widen(a, b num) (num, num, nkind) {
	k := max(a.k, b.k)
	conv := func(n num) num {
		if n.k == k {
			return n
		}
		switch k {
		case nLong:
			return num{k: nLong, i: n.i}
		case nDouble:
			return num{k: nDouble, f: n.float()}
		case nDecimal:
			d, ok := n.dec()
			if !ok {
				return num{k: nDouble, f: n.float()}
			}
			return num{k: nDecimal, d: d}
		}
		return n
	}
	a, b = conv(a), conv(b)
	if a.k != b.k { // a double too large for decimal: fall back to double
		a = num{k: nDouble, f: a.float()}
		b = num{k: nDouble, f: b.float()}
		k = nDouble
	}
	return a, b, k
}

func intResult(r int64, k nkind) any {
	if k == nInt {
		if r >= math.MinInt32 && r <= math.MaxInt32 {
			return int32(r)
		}
		return float64(r)
	}
	return r
}

// numericOp applies an arithmetic op ("+", "-", "*", "/", "%") to numbers.
func numericOp(op string, a, b num) (any, error) {
	a, b, k := widen(a, b)
	switch k {
	case nDouble:
		x, y := a.f, b.f
		switch op {
		case "+":
			return x + y, nil
		case "-":
			return x - y, nil
		case "*":
			return x * y, nil
		case "/":
			return x / y, nil
		case "%":
			return math.Mod(x, y), nil
		}
	case nDecimal:
		x, y := a.d, b.d
		switch op {
		case "+":
			return x.Add(y), nil
		case "-":
			return x.Sub(y), nil
		case "*":
			return x.Mul(y), nil
		case "/":
			if y.IsZero() {
				return nil, errDivideByZero()
			}
			return decimalDiv(x, y), nil
		case "%":
			if y.IsZero() {
				return nil, errDivideByZero()
			}
			return x.Mod(y), nil
		}
	default:
		x, y := a.i, b.i
		switch op {
		case "+":
			if k == nLong && addOverflows(x, y) {
				return float64(x) + float64(y), nil
			}
			return intResult(x+y, k), nil
		case "-":
			if k == nLong && subOverflows(x, y) {
				return float64(x) - float64(y), nil
			}
			return intResult(x-y, k), nil
		case "*":
			if k == nLong {
				if x != 0 && y != 0 && (x*y/y != x || (x == -1 && y == math.MinInt64) || (y == -1 && x == math.MinInt64)) {
					return float64(x) * float64(y), nil
				}
			}
			if k == nInt {
				return intResult(x*y, k), nil
			}
			return x * y, nil
		case "/":
			if y == 0 {
				return nil, errDivideByZero()
			}
			if (k == nInt && x == math.MinInt32 && y == -1) || (k == nLong && x == math.MinInt64 && y == -1) {
				return float64(x) / float64(y), nil
			}
			if x%y == 0 {
				return intResult(x/y, k), nil
			}
			return float64(x) / float64(y), nil
		case "%":
			if y == 0 {
				return nil, errDivideByZero()
			}
			if y == -1 {
				return intResult(0, k), nil
			}
			return intResult(x%y, k), nil
		}
	}
	return nil, newErr(ExRuntime, "OperatorNotSupported", "InvalidOperation", "The operator '%s' is not supported.", op)
}

func addOverflows(x, y int64) bool {
	s := x + y
	return (x > 0 && y > 0 && s < 0) || (x < 0 && y < 0 && s >= 0)
}

func subOverflows(x, y int64) bool {
	s := x - y
	return (x >= 0 && y < 0 && s < 0) || (x < 0 && y > 0 && s >= 0)
}

// decimalDiv divides with .NET decimal precision (at most 28 fractional
// digits and 29 significant digits), dropping trailing zeros.
func decimalDiv(x, y decimal.Decimal) decimal.Decimal {
	q := x.DivRound(y, 28)
	intDigits := len(q.Abs().Truncate(0).String())
	if q.Abs().LessThan(decimal.NewFromInt(1)) {
		intDigits = 0
	}
	places := int32(28)
	if intDigits > 1 {
		places = int32(max(0, 29-intDigits))
		q = x.DivRound(y, places)
	}
	return normDecimal(q)
}

// compareNum compares two numbers in their common type: -1, 0, 1; NaN
// compares as unordered (returns 2).
func compareNum(a, b num) int {
	if (a.k == nDecimal && b.k == nDouble) || (a.k == nDouble && b.k == nDecimal) {
		da, oka := a.dec()
		db, okb := b.dec()
		if oka && okb {
			return da.Cmp(db)
		}
		return cmpFloat(a.float(), b.float())
	}
	a, b, k := widen(a, b)
	switch k {
	case nDouble:
		return cmpFloat(a.f, b.f)
	case nDecimal:
		return a.d.Cmp(b.d)
	}
	switch {
	case a.i < b.i:
		return -1
	case a.i > b.i:
		return 1
	}
	return 0
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		return 0
	}
	return 2
}
