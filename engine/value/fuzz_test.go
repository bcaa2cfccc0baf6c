package value

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func FuzzFormat(f *testing.F) {
	for _, s := range []string{"{0}", "{0:N2}", "{0,-10:X4}", "{1:0.##E+00;(#);zero}", "{{}}", "{0:yyyy-MM-dd}", "{0:#,##0.00%}", "{2:G17}", "{0:\\#'a'}"} {
		f.Add(s, int64(1234), 3.25, "1.5")
	}
	f.Fuzz(func(t *testing.T, format string, n int64, x float64, d string) {
		dv, err := decimal.NewFromString(d)
		if err != nil {
			dv = decimal.NewFromInt(n)
		}
		args := []any{n, x, dv, int32(n), time.Unix(n%1e10, 0), time.Duration(n)}
		_, _ = Format(format, args)
		for _, a := range args {
			_, _ = FormatValue(a, format)
		}
		_ = FormatDate(time.Unix(n%1e10, 0), format)
		_, _ = ParseExactDate(d, format)
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"42", "0x1F", "1e3", "-1.5kb", " 7 ", "9999999999999999999999", "0x", "1e", "+-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseNumber(s)
		_, _ = ConvertTo(s, TInt)
		_, _ = ConvertTo(s, TDecimal)
		_, _ = ConvertTo(s, TDateTime)
		_, _ = ConvertTo(s, TTimeSpan)
		_, _ = Binary("+", int32(1), s)
		_, _ = Binary("-", s, int32(1))
		_, _ = Binary("-shl", s, s)
		_, _ = Compare("-gt", int32(1), s)
		_, _ = Range(s, s)
	})
}

func FuzzLike(f *testing.F) {
	for _, s := range []string{"*", "a?c", "[a-z]*", "`*", "[", "[]", "a[b-", "**?**"} {
		f.Add("abc", s)
	}
	f.Fuzz(func(t *testing.T, s, p string) {
		_ = Like(s, p, false)
		_ = Like(s, p, true)
		_, _, _ = Match(s, p, false)
		_, _ = Replace(s, p, "$1", false)
		_, _ = Split(s, SplitSpec{Pattern: p, Limit: 3, Options: SplitIgnoreCase})
		_, _ = Split(s, SplitSpec{Pattern: p, Limit: -2})
		_, _ = InvokeMethod(s, "Split", []any{p, int32(2)})
		_, _ = InvokeMethod(s, "IndexOf", []any{p})
	})
}
