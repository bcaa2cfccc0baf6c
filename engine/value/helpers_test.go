package value

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func obj(kv ...any) *Object {
	o := NewObject()
	for i := 0; i+1 < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1])
	}
	return o
}

func ht(kv ...any) *Hashtable {
	h := NewHashtable()
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return h
}

func arr(v ...any) []any { return v }

// same compares values by type and value (decimals by value and scale,
// NaN equal to NaN).
func same(a, b any) bool {
	switch x := a.(type) {
	case decimal.Decimal:
		y, ok := b.(decimal.Decimal)
		return ok && x.String() == y.String() && x.Exponent() == y.Exponent()
	case float64:
		y, ok := b.(float64)
		return ok && (x == y || math.IsNaN(x) && math.IsNaN(y))
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !same(x[i], y[i]) {
				return false
			}
		}
		return true
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y)
	case *Hashtable:
		y, ok := b.(*Hashtable)
		if !ok || x.Len() != y.Len() {
			return false
		}
		for i, k := range x.Keys() {
			if !same(k, y.Keys()[i]) || !same(x.Values()[i], y.Values()[i]) {
				return false
			}
		}
		return true
	case *Object:
		y, ok := b.(*Object)
		if !ok || len(x.Properties()) != len(y.Properties()) {
			return false
		}
		for i, p := range x.Properties() {
			q := y.Properties()[i]
			if p.Name != q.Name || !same(x.PropertyValue(p), y.PropertyValue(q)) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}

// errCase is an expected error message ("" means success expected).
type result struct {
	v   any
	err string
}

func check(t *testing.T, name string, got any, err error, want result) {
	t.Helper()
	if want.err != "" {
		if err == nil {
			t.Errorf("%s: want error %q, got %#v", name, want.err, got)
		} else if err.Error() != want.err {
			t.Errorf("%s: error\n got %q\nwant %q", name, err.Error(), want.err)
		}
		return
	}
	if err != nil {
		t.Errorf("%s: unexpected error %v", name, err)
		return
	}
	if !same(got, want.v) {
		t.Errorf("%s: got %#v (%T), want %#v (%T)", name, got, got, want.v, want.v)
	}
}

func ok(v any) result         { return result{v: v} }
func fails(msg string) result { return result{err: msg} }

func desc(v ...any) string { return fmt.Sprint(v...) }
