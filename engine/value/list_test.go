package value

import "testing"

func TestLookupGenericList(t *testing.T) {
	for _, name := range []string{"System.Collections.Generic.List[string]", "collections.generic.list[[string]]", "[System.Collections.Generic.List[System.String]]"} {
		typ, ok := LookupType(name)
		if !ok {
			t.Fatalf("%s: not found", name)
		}
		if typ.String() != "System.Collections.Generic.List[string]" || typ.Name != "List`1" {
			t.Errorf("%s: got %q / %q", name, typ.String(), typ.Name)
		}
		if again, _ := LookupType(name); again != typ {
			t.Errorf("%s: a second lookup gave another *Type", name)
		}
	}
	if _, ok := LookupType("System.Collections.Generic.List[nosuchtype]"); ok {
		t.Error("List[nosuchtype] resolved")
	}
	if typ, _ := LookupType("System.Collections.Generic.List[pscustomobject]"); typ.Elem != TPSObject {
		t.Errorf("List[pscustomobject] element is %v, want PSObject", typ.Elem)
	}
}

func TestListConversionAndMethods(t *testing.T) {
	typ, _ := LookupType("System.Collections.Generic.List[int]")
	v, err := ConvertTo([]any{"1", int32(2)}, typ)
	if err != nil {
		t.Fatal(err)
	}
	l := v.(*List)
	if r, _ := InvokeMethod(l, "Add", []any{"3"}); r != nil {
		t.Errorf("List[int].Add returned %v", r)
	}
	if got, _ := Join(l, ","); got != "1,2,3" {
		t.Errorf("got %q", got)
	}
	if _, err := InvokeMethod(l, "Add", []any{"x"}); err == nil {
		t.Error("Add('x') on List[int] did not fail")
	}
	al := NewArrayList()
	if r, _ := InvokeMethod(al, "Add", []any{"a"}); r != int32(0) {
		t.Errorf("ArrayList.Add returned %v", r)
	}
	if v, ok := l.At(-1); !ok || v != int32(3) {
		t.Errorf("At(-1) = %v, %v", v, ok)
	}
	if err := l.SetAt(5, 1); err == nil {
		t.Error("SetAt out of range did not fail")
	}
}

func TestFullPath(t *testing.T) {
	cases := [][3]string{
		{"a/../b", "/base", "/base/b"},
		{"/x/./y/", "/", "/x/y/"},
		{"/x//y/..", "/", "/x"},
		{".", "/base/", "/base"},
	}
	for _, c := range cases {
		if got := FullPath(c[0], c[1]); got != c[2] {
			t.Errorf("FullPath(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
