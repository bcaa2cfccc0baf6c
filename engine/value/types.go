package value

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ScriptBlockValue is a script block as a value; the engine implements it.
type ScriptBlockValue interface{ ScriptText() string }

// Type is a .NET type as a PowerShell value (a type literal such as [int]).
// Name is the short .NET name ("Int32"), FullName the namespace-qualified
// one ("System.Int32"), Accel the PowerShell accelerator if any ("int").
// Elem is the element type of an array type.
type Type struct {
	Name     string
	FullName string
	Accel    string
	Elem     *Type
	kind     typeKind
	// display is how PowerShell names a constructed generic type when it
	// converts it to a string ("System.Collections.Generic.List[string]").
	display string
	// class holds the static members of a type implemented in Go
	// (native.go); base is its .NET base type when it is not System.Object.
	class *class
	base  *Type
	// enum describes an enum type (enum.go).
	enum *enumDef
}

type typeKind int

const (
	kOther typeKind = iota
	kObject
	kInt
	kLong
	kByte
	kDouble
	kDecimal
	kString
	kChar
	kBool
	kArray
	kHashtable
	kOrdered
	kDateTime
	kTimeSpan
	kGuid
	kRegex
	kPSCustomObject
	kPSObject
	kSwitch
	kScriptBlock
	kVoid
	kType
	kValueType
	kMath
	kNull
	kList    // System.Collections.ArrayList and List[T]
	kHashSet // HashSet[T]
	kMembers // PSObject.Properties
	// Interfaces that -is tests: the collections implement them.
	kIEnumerable
	kICollection
	kIList
	kIDictionary
)

func mk(full, accel string, k typeKind) *Type {
	name := full
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		name = full[i+1:]
	}
	return &Type{Name: name, FullName: full, Accel: accel, kind: k}
}

// Well-known types.
var (
	TObject         = mk("System.Object", "object", kObject)
	TInt            = mk("System.Int32", "int", kInt)
	TLong           = mk("System.Int64", "long", kLong)
	TByte           = mk("System.Byte", "byte", kByte)
	TDouble         = mk("System.Double", "double", kDouble)
	TDecimal        = mk("System.Decimal", "decimal", kDecimal)
	TString         = mk("System.String", "string", kString)
	TChar           = mk("System.Char", "char", kChar)
	TBool           = mk("System.Boolean", "bool", kBool)
	TArray          = &Type{Name: "Object[]", FullName: "System.Object[]", kind: kArray, Elem: TObject}
	TArrayBase      = mk("System.Array", "array", kArray)
	THashtable      = mk("System.Collections.Hashtable", "hashtable", kHashtable)
	TOrdered        = mk("System.Collections.Specialized.OrderedDictionary", "ordered", kOrdered)
	TDateTime       = mk("System.DateTime", "datetime", kDateTime)
	TTimeSpan       = mk("System.TimeSpan", "timespan", kTimeSpan)
	TGuid           = mk("System.Guid", "guid", kGuid)
	TRegex          = mk("System.Text.RegularExpressions.Regex", "regex", kRegex)
	TPSCustomObject = mk("System.Management.Automation.PSCustomObject", "pscustomobject", kPSCustomObject)
	TPSObject       = mk("System.Management.Automation.PSObject", "psobject", kPSObject)
	TSwitch         = mk("System.Management.Automation.SwitchParameter", "switch", kSwitch)
	TScriptBlock    = mk("System.Management.Automation.ScriptBlock", "scriptblock", kScriptBlock)
	TVoid           = mk("System.Void", "void", kVoid)
	TType           = mk("System.Type", "type", kType)
	TValueType      = mk("System.ValueType", "", kValueType)
	TMath           = mk("System.Math", "math", kMath)
	TConvert        = mk("System.Convert", "convert", kOther)
	TEnvironment    = mk("System.Environment", "environment", kOther)
	TPath           = mk("System.IO.Path", "", kOther)
	TFile           = mk("System.IO.File", "", kOther)
	TUnixFileMode   = mk("System.IO.UnixFileMode", "", kOther)
	TConsole        = mk("System.Console", "console", kOther)
	TRuntimeType    = mk("System.RuntimeType", "", kOther)
	TDayOfWeek      = mk("System.DayOfWeek", "", kOther)
	TDateTimeKind   = mk("System.DateTimeKind", "", kOther)
	TDictEntry      = mk("System.Collections.DictionaryEntry", "", kOther)
	TArrayList      = mk("System.Collections.ArrayList", "", kList)
	TIEnumerable    = mk("System.Collections.IEnumerable", "", kIEnumerable)
	TICollection    = mk("System.Collections.ICollection", "", kICollection)
	TIList          = mk("System.Collections.IList", "", kIList)
	TIDictionary    = mk("System.Collections.IDictionary", "", kIDictionary)
)

var typeTable = map[string]*Type{}

// registerType makes t known to type literals by its full name, its
// accelerator and the other names given.
func registerType(t *Type, names ...string) {
	typeTable[strings.ToLower(t.FullName)] = t
	if t.Accel != "" {
		typeTable[t.Accel] = t
	}
	for _, n := range names {
		typeTable[strings.ToLower(n)] = t
	}
}

func init() {
	reg := registerType
	reg(TObject)
	reg(TInt, "int32")
	reg(TLong, "int64")
	reg(TByte)
	reg(TDouble, "float", "single", "system.single")
	reg(TDecimal)
	reg(TString)
	reg(TChar)
	reg(TBool, "boolean")
	reg(TArray)
	reg(TArrayBase)
	reg(THashtable)
	reg(TOrdered)
	reg(TDateTime)
	reg(TTimeSpan)
	reg(TGuid)
	reg(TRegex)
	reg(TPSCustomObject)
	reg(TPSObject)
	reg(TSwitch, "switchparameter")
	reg(TScriptBlock)
	reg(TVoid)
	reg(TType, "system.runtimetype")
	reg(TValueType)
	reg(TMath)
	reg(TConvert)
	reg(TEnvironment)
	reg(TPath, "io.path")
	reg(TConsole)
	reg(TDayOfWeek)
	reg(TFile)
	reg(TUnixFileMode)
	reg(TDateTimeKind)
	reg(TDictEntry)
	reg(TArrayList)
	reg(TIEnumerable)
	reg(TICollection)
	reg(TIList)
	reg(TIDictionary)
}

// LookupType resolves a type name as written in a type literal: accelerators
// (int, string, hashtable, ...), full names (System.Int32) and names without
// the System. prefix, case-insensitively, plus array forms such as "int[]".
func LookupType(name string) (*Type, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	if strings.HasPrefix(n, "[") && strings.HasSuffix(n, "]") && !strings.HasSuffix(n, "[]") {
		n = strings.TrimSpace(n[1 : len(n)-1])
	}
	if n == "" {
		return nil, false
	}
	if strings.HasSuffix(n, "[]") {
		elem, ok := LookupType(n[:len(n)-2])
		if !ok {
			return nil, false
		}
		return ArrayOf(elem), true
	}
	if t, ok := typeTable[n]; ok {
		return t, true
	}
	if t, ok := typeTable["system."+n]; ok {
		return t, true
	}
	return lookupGeneric(n)
}

// ArrayOf returns the array type whose elements are elem (object[] for object).
func ArrayOf(elem *Type) *Type {
	if elem == TObject {
		return TArray
	}
	acc := ""
	if elem.Accel != "" {
		acc = elem.Accel + "[]"
	}
	return &Type{Name: elem.Name + "[]", FullName: elem.FullName + "[]", Accel: acc, Elem: elem, kind: kArray}
}

// String returns the name PowerShell shows when a type is converted to a
// string: the accelerator when there is one ("int"), else the full name.
func (t *Type) String() string {
	if t == nil {
		return ""
	}
	if t.display != "" {
		return t.display
	}
	if t.Accel != "" && t.kind != kObject && t.kind != kPSObject {
		return t.Accel
	}
	return t.FullName
}

// IsArray reports whether t is an array type.
func (t *Type) IsArray() bool { return t != nil && t.kind == kArray }

// TypeOf returns the type .GetType() reports for v.
func TypeOf(v any) *Type {
	switch x := v.(type) {
	case nil:
		return TObject
	case bool:
		return TBool
	case int32:
		return TInt
	case int64:
		return TLong
	case uint8:
		return TByte
	case float64:
		return TDouble
	case decimal.Decimal:
		return TDecimal
	case string:
		return TString
	case Char:
		return TChar
	case time.Time:
		return TDateTime
	case time.Duration:
		return TTimeSpan
	case Guid:
		return TGuid
	case *Regex:
		return TRegex
	case []any:
		return TArray
	case *List:
		return x.typ
	case *Hashtable:
		if x.Ordered {
			return TOrdered
		}
		return THashtable
	case *Object:
		if x.Base != nil {
			return TypeOf(x.Base)
		}
		tn := x.TypeName()
		if t, ok := LookupType(tn); ok {
			return t
		}
		return mk(tn, "", kOther)
	case *Type:
		return TRuntimeType
	case ScriptBlockValue:
		return TScriptBlock
	case SwitchParameter:
		return TSwitch
	case int:
		return TInt
	case Native:
		return x.NativeType()
	case EnumValue:
		return x.T
	}
	return TObject
}

// BaseType is the type's .NET BaseType: System.ValueType for numbers and
// other structs, System.Array for arrays, System.Enum for enums, $null for
// System.Object.
func (t *Type) BaseType() *Type {
	switch {
	case t == nil || t.kind == kObject:
		return nil
	case t.base != nil:
		return t.base
	case t.enum != nil:
		return TEnum
	case t.IsArray() && t != TArrayBase:
		return TArrayBase
	}
	switch t.kind {
	case kInt, kLong, kByte, kDouble, kDecimal, kChar, kBool, kDateTime, kTimeSpan, kGuid, kSwitch:
		return TValueType
	case kIEnumerable, kICollection, kIList, kIDictionary:
		return nil
	}
	return TObject
}

// typeNameForError is the type name pwsh puts in MethodNotFound messages.
func typeNameForError(v any) string {
	if o, ok := v.(*Object); ok && o.Base == nil {
		return "System.Management.Automation.PSObject"
	}
	return TypeOf(v).FullName
}

func isNumericKind(k typeKind) bool {
	switch k {
	case kInt, kLong, kByte, kDouble, kDecimal:
		return true
	}
	return false
}

// IsInstance implements -is: whether v is an instance of t.
func IsInstance(v any, t *Type) bool {
	if v == nil || t == nil {
		return false
	}
	switch t.kind {
	case kObject:
		return true
	case kPSObject:
		// Only a PSObject (a custom object or a wrapped value) is one;
		// a bare string or number is not.
		_, ok := v.(*Object)
		return ok
	case kValueType:
		switch v.(type) {
		case bool, int32, int64, uint8, float64, decimal.Decimal, Char, time.Time, time.Duration, Guid, SwitchParameter, EnumValue:
			return true
		}
		return false
	case kIEnumerable, kICollection, kIList, kIDictionary:
		return implements(unwrapBase(v), t.kind)
	case kArray:
		if _, ok := v.([]any); !ok {
			return false
		}
		return t.Elem == nil || t.Elem == TObject
	case kHashtable:
		h, ok := v.(*Hashtable)
		return ok && !h.Ordered
	case kOrdered:
		h, ok := v.(*Hashtable)
		return ok && h.Ordered
	case kPSCustomObject:
		o, ok := v.(*Object)
		return ok && o.Base == nil
	case kScriptBlock:
		_, ok := v.(ScriptBlockValue)
		return ok
	case kType:
		_, ok := v.(*Type)
		return ok
	}
	vt := TypeOf(v)
	for b := vt; b != nil; b = b.BaseType() {
		if b == t || strings.EqualFold(b.FullName, t.FullName) {
			return true
		}
	}
	if o, ok := v.(*Object); ok {
		for _, n := range o.TypeNames {
			if strings.EqualFold(n, t.FullName) {
				return true
			}
		}
	}
	return false
}

// implements reports whether v implements one of the collection
// interfaces: arrays and lists are IList, hashtables IDictionary, both
// ICollection; strings are IEnumerable too.
func implements(v any, k typeKind) bool {
	switch x := v.(type) {
	case []any:
		return true
	case *List:
		return k != kIList || x.typ.kind == kList
	case *Hashtable:
		return k != kIList
	case string:
		return k == kIEnumerable
	}
	return false
}
