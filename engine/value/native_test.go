package value

import "testing"

func TestStringBuilderMembers(t *testing.T) {
	v, err := InvokeStatic(TStringBuilder, "new", []any{"hello"})
	if err != nil {
		t.Fatal(err)
	}
	sb := v.(*StringBuilder)
	if r, err := InvokeMethod(sb, "Append", []any{int32(7)}); err != nil || r != sb {
		t.Fatalf("Append = %v, %v; want the builder", r, err)
	}
	if err := SetMember(sb, "Length", int32(2)); err != nil || sb.String() != "he" {
		t.Fatalf("Length = 2: %q, %v", sb.String(), err)
	}
	if err := SetMember(sb, "Length", int32(-1)); err == nil {
		t.Fatal("Length = -1 accepted")
	}
	if err := SetMember(sb, "Nope", int32(1)); err == nil {
		t.Fatal("unknown property set")
	}
	if n, _ := GetMember(sb, "Capacity"); n != int32(16) {
		t.Fatalf("Capacity = %v", n)
	}
}

func TestEnumConversions(t *testing.T) {
	for _, c := range []struct {
		in   any
		t    *Type
		want string
		ok   bool
	}{
		{"monday", TDayOfWeek, "Monday", true},
		{"Tue", TDayOfWeek, "Tuesday", true},
		{"s", TDayOfWeek, "", false},
		{int32(7), TDayOfWeek, "", false},
		{"Hidden, ReadOnly", TFileAttributes, "ReadOnly, Hidden", true},
		{int32(3), TFileAttributes, "ReadOnly, Hidden", true},
		{[]any{"Multiline", "IgnoreCase"}, TRegexOptions, "IgnoreCase, Multiline", true},
		{int32(0), TRegexOptions, "None", true},
	} {
		got, err := ConvertTo(c.in, c.t)
		if (err == nil) != c.ok || (c.ok && ToString(got) != c.want) {
			t.Errorf("[%s]%v = %v, %v; want %q (ok %v)", c.t.Name, c.in, got, err, c.want, c.ok)
		}
	}
	if !Equal(EnumValue{TDayOfWeek, 5}, "friday", false) || Equal(EnumValue{TDayOfWeek, 5}, "monday", false) {
		t.Error("enum -eq string")
	}
}
