package binding

import (
	"errors"
	"testing"
)

// at gives an argument its extent.
func at(a Arg, start, end int) Arg {
	a.Extent = Extent{start, end}
	return a
}

// TestErrorsBlameTheArgument: a binding error carries the extent of the
// argument pwsh underlines — the -Name for name errors, the value for
// conversion and validation errors — and none for the whole command's.
func TestErrorsBlameTheArgument(t *testing.T) {
	colon := at(nv("PinLength", int32(99)), 20, 33)
	colon.ValueExtent = Extent{31, 33}
	for _, c := range []struct {
		name string
		meta func() *Meta
		args []Arg
		want Extent
	}{
		{"unknown name", teams, []Arg{at(v("bob"), 0, 3), at(n("Nope"), 4, 9), at(v("x"), 10, 11)}, Extent{4, 9}},
		{"ambiguous name", teams, []Arg{at(n("Send"), 4, 9)}, Extent{4, 9}},
		{"given twice", teams, []Arg{at(n("BridgeName"), 0, 11), at(v("a"), 12, 13), at(n("BridgeName"), 14, 25), at(v("b"), 26, 27)}, Extent{14, 25}},
		{"missing value", teams, []Arg{at(v("bob"), 0, 3), at(n("BridgeName"), 4, 15)}, Extent{4, 15}},
		{"positional not found", teams, []Arg{at(v("bob"), 0, 3), at(v("extra"), 4, 9)}, Extent{4, 9}},
		{"conversion of a named value", validation, []Arg{at(n("PinLength"), 0, 10), at(v("abc"), 11, 14)}, Extent{11, 14}},
		{"validation of a colon value", validation, []Arg{colon}, Extent{31, 33}},
		{"conversion of a positional value", mandatory, []Arg{at(v("bob"), 0, 3), at(v("abc"), 4, 7)}, Extent{4, 7}},
		{"set conflict is the command's", teams, []Arg{at(n("Tenant"), 0, 7), at(v(tenantGUID), 8, 44), at(n("TenantDomain"), 45, 58), at(v("x"), 59, 60)}, Extent{}},
		{"missing mandatory is the command's", mandatory, []Arg{at(v("bob"), 0, 3)}, Extent{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Bind(c.meta(), c.args, Options{})
			var be *Error
			if !errors.As(err, &be) {
				t.Fatalf("err = %v, want a binding error", err)
			}
			if be.Extent != c.want {
				t.Errorf("%s: extent %v, want %v", be.ErrorID, be.Extent, c.want)
			}
		})
	}
}
