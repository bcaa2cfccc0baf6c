package value

import (
	"strings"
)

func init() {
	// [psobject]::new() is an empty custom object.
	TPSObject.class = &class{call: func(name, lname string, args []any) (any, bool, error) {
		if lname == "new" && len(args) == 0 {
			return NewObject(), true, nil
		}
		return nil, false, nil
	}}
}

// singleton is a class whose only instance is its static Value
// ([DBNull]::Value, [NullString]::Value); it prints as nothing.
type singleton struct{ t *Type }

// NativeType implements Native.
func (s *singleton) NativeType() *Type { return s.t }

// String implements Native.
func (s *singleton) String() string { return "" }

// Properties implements Native.
func (s *singleton) Properties() []string { return nil }

// Member implements Native.
func (s *singleton) Member(string) (any, bool) { return nil, false }

// Method implements Native.
func (s *singleton) Method(string, string, []any) (any, bool, error) { return nil, false, nil }

// valueClass is the static side of a singleton class.
func valueClass(full, accel string) *Type {
	inst := &singleton{}
	t := defineClass(full, accel, nil, &class{get: func(lname string) (any, bool) {
		if lname == "value" {
			return inst, true
		}
		return nil, false
	}})
	inst.t = t
	return t
}

// The singleton classes: DBNull (a database null, which is not $null) and
// NullString (a null string for .NET method arguments).
var (
	TDBNull     = valueClass("System.DBNull", "")
	TNullString = valueClass("System.Management.Automation.Language.NullString", "nullstring")
)

// Tuple is a System.Tuple of one or more items ([Tuple]::Create).
type Tuple struct{ items []any }

// TTuple is System.Tuple, whose Create makes tuples.
var TTuple = defineClass("System.Tuple", "", nil, &class{call: func(name, lname string, args []any) (any, bool, error) {
	if lname == "create" && len(args) >= 1 && len(args) <= 8 {
		return &Tuple{items: append([]any(nil), args...)}, true, nil
	}
	return nil, false, nil
}})

// NativeType implements Native: Tuple`n with its item types.
func (t *Tuple) NativeType() *Type {
	parts := make([]string, len(t.items))
	for i, it := range t.items {
		parts[i] = "[" + TypeOf(it).FullName + ", " + assemblyOf(TypeOf(it)) + "]"
	}
	n := string(rune('0' + len(t.items)))
	return &Type{Name: "Tuple`" + n, FullName: "System.Tuple`" + n + "[" + strings.Join(parts, ",") + "]", kind: kOther}
}

// String implements Native: "(1, a)".
func (t *Tuple) String() string {
	parts := make([]string, len(t.items))
	for i, it := range t.items {
		parts[i] = dotNetToString(it)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Properties implements Native: Item1..ItemN and Length.
func (t *Tuple) Properties() []string {
	out := make([]string, 0, len(t.items)+1)
	for i := range t.items {
		out = append(out, "Item"+string(rune('1'+i)))
	}
	return append(out, "Length")
}

// Member implements Native.
func (t *Tuple) Member(lname string) (any, bool) {
	if lname == "length" {
		return int32(len(t.items)), true
	}
	if len(lname) == 5 && strings.HasPrefix(lname, "item") {
		i := int(lname[4] - '1')
		if i >= 0 && i < len(t.items) {
			return t.items[i], true
		}
	}
	return nil, false
}

// Method implements Native.
func (t *Tuple) Method(name, lname string, args []any) (any, bool, error) {
	if lname == "tostring" && len(args) == 0 {
		return t.String(), true, nil
	}
	return nil, false, nil
}

// PSTypeName is a [PSTypeName]: a type name, resolved to a type when
// one is known.
type PSTypeName struct {
	name string
	t    *Type
}

// TPSTypeName is System.Management.Automation.PSTypeName.
var TPSTypeName = defineClass("System.Management.Automation.PSTypeName", "pstypename", nil, &class{
	call: func(name, lname string, args []any) (any, bool, error) {
		if lname == "new" && len(args) == 1 {
			return newPSTypeName(args[0]), true, nil
		}
		return nil, false, nil
	},
	from: func(v any) (any, bool) { return newPSTypeName(v), true },
})

func newPSTypeName(v any) *PSTypeName {
	if t, ok := v.(*Type); ok {
		return &PSTypeName{name: t.FullName, t: t}
	}
	s := ToString(v)
	t, _ := LookupType(s)
	return &PSTypeName{name: s, t: t}
}

// NativeType implements Native.
func (p *PSTypeName) NativeType() *Type { return TPSTypeName }

// String implements Native: the name.
func (p *PSTypeName) String() string { return p.name }

// Properties implements Native.
func (p *PSTypeName) Properties() []string { return []string{"Name", "Type"} }

// Member implements Native: Name and Type ($null when unknown).
func (p *PSTypeName) Member(lname string) (any, bool) {
	switch lname {
	case "name":
		return p.name, true
	case "type":
		if p.t == nil {
			return nil, true
		}
		return p.t, true
	}
	return nil, false
}

// Method implements Native.
func (p *PSTypeName) Method(string, string, []any) (any, bool, error) { return nil, false, nil }

// TLanguagePrimitives is System.Management.Automation.LanguagePrimitives:
// PowerShell's own conversions and comparisons.
var TLanguagePrimitives = defineClass("System.Management.Automation.LanguagePrimitives", "", nil, &class{call: languagePrimitivesStatic})

func languagePrimitivesStatic(name, lname string, args []any) (any, bool, error) {
	switch {
	case lname == "convertto" && len(args) == 2:
		t, ok := args[1].(*Type)
		if !ok {
			tt, err := ConvertTo(args[1], TType)
			if err != nil {
				return nil, true, argConvErr(name, args, 1, err)
			}
			t = tt.(*Type)
		}
		v, err := ConvertTo(args[0], t)
		if err != nil {
			return nil, true, errMethodCall(name, 2, "PSInvalidCastException", err.Error())
		}
		return v, true, nil
	case lname == "tryconvertto" && len(args) == 2:
		t, ok := args[1].(*Type)
		if !ok {
			return nil, true, errOverload(name, 2)
		}
		_, err := ConvertTo(args[0], t)
		return err == nil, true, nil
	case lname == "istrue" && len(args) == 1:
		return ToBool(args[0]), true, nil
	case lname == "isnull" && len(args) == 1:
		return unwrapBase(args[0]) == nil, true, nil
	case lname == "equals" && (len(args) == 2 || len(args) == 3):
		ignoreCase := len(args) < 3 || ToBool(args[2])
		return Equal(args[0], args[1], !ignoreCase), true, nil
	case lname == "compare" && (len(args) == 2 || len(args) == 3):
		ignoreCase := len(args) < 3 || ToBool(args[2])
		c, err := CompareValues(args[0], args[1], !ignoreCase)
		if err != nil {
			return nil, true, errMethodCall(name, len(args), "PSInvalidCastException", err.Error())
		}
		return int32(c), true, nil
	}
	return nil, false, nil
}
