package value

import "math"

// int32Binary is Binary's fast path for two [int]s: the result stays an
// [int] when it fits, and becomes a [double] when it overflows (or, for
// /, when the division is not exact), as in pwsh. ok is false for the
// cases the general code handles (division by zero, other operators).
func int32Binary(op string, x, y int32) (any, bool) {
	var r int64
	switch op {
	case "+":
		r = int64(x) + int64(y)
	case "-":
		r = int64(x) - int64(y)
	case "*":
		r = int64(x) * int64(y)
	case "/":
		if y == 0 {
			return nil, false
		}
		if int64(x)%int64(y) != 0 {
			return float64(x) / float64(y), true
		}
		r = int64(x) / int64(y)
	case "%":
		if y == 0 {
			return nil, false
		}
		return x % y, true
	default:
		return nil, false
	}
	if r < math.MinInt32 || r > math.MaxInt32 {
		return float64(r), true
	}
	return int32(r), true
}
