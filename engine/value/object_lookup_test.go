package value

import (
	"strconv"
	"strings"
	"testing"
)

// sameLower must agree with comparing strings.ToLower copies, which the
// index of a large object uses: a property is found by the same names
// whatever the object's size.
func TestSameLowerIsToLowerEquality(t *testing.T) {
	names := []string{"", "a", "A", "Identity", "IDENTITY", "identitY", "LeaderPin", "leaderpin", "LeaderPinX",
		"\u212a", "k", "K", "\u017f", "s", "S", "ǅ", "ǆ", "Ǆ", "İ", "i", "ß", "ẞ", "\xff", "\ufffd", "a\xffb", "a\ufffdb", "Straße", "STRASSE"}
	for _, a := range names {
		for _, b := range names {
			if got, want := sameLower(a, b), lowerEqual(a, b); got != want {
				t.Errorf("sameLower(%q, %q) = %v, ToLower equality %v", a, b, got, want)
			}
		}
	}
}

// lowerEqual is what sameLower must answer: the equality of the
// lower-cased copies an index would hold (not strings.EqualFold, which
// folds more: 'ſ' and 's').
func lowerEqual(a, b string) bool {
	la, lb := strings.ToLower(a), strings.ToLower(b)
	return la == lb
}

func FuzzSameLower(f *testing.F) {
	f.Add("Identity", "IDENTITY")
	f.Add("\u212a", "k")
	f.Add("a\xff", "A\ufffd")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameLower(a, b), lowerEqual(a, b); got != want {
			t.Errorf("sameLower(%q, %q) = %v, ToLower equality %v", a, b, got, want)
		}
	})
}

// Small objects (names compared) and large ones (an index) find, replace
// and remove properties alike, in any case, keeping their order.
func TestObjectLookupSmallAndLarge(t *testing.T) {
	for _, n := range []int{1, smallObject, smallObject + 1, 3 * smallObject} {
		o := NewObject()
		for i := range n {
			o.Set("Prop"+strconv.Itoa(i), i)
		}
		for i := range n {
			name := "PROP" + strconv.Itoa(i)
			if v, ok := o.Get(strings.ToLower(name)); !ok || v != i {
				t.Fatalf("n=%d: Get(%s) = %v, %v", n, name, v, ok)
			}
		}
		o.Set("prop0", "x")
		if v, _ := o.Get("Prop0"); v != "x" || o.Properties()[0].Name != "Prop0" || len(o.Properties()) != n {
			t.Fatalf("n=%d: replacing kept neither the value, the name nor the count: %v %v", n, v, o.PropertyNames())
		}
		o.Remove("PROP0")
		if o.Has("Prop0") || len(o.Properties()) != n-1 {
			t.Fatalf("n=%d: Remove left %v", n, o.PropertyNames())
		}
		for i := 1; i < n; i++ {
			if v, ok := o.Get("prop" + strconv.Itoa(i)); !ok || v != i {
				t.Fatalf("n=%d: after Remove, Get(prop%d) = %v, %v", n, i, v, ok)
			}
		}
		c := o.Copy()
		c.Set("Prop1", "changed")
		if v, _ := o.Get("Prop1"); n > 1 && v != 1 {
			t.Fatalf("n=%d: Copy shares properties: %v", n, v)
		}
	}
}
