package value

import (
	"strings"
	"sync"
)

// Assembly-qualification suffixes .NET puts after the type arguments of a
// constructed generic type's FullName (pwsh 7.4 runs on .NET 8).
const (
	coreLibAssembly    = "System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e"
	automationAssembly = "System.Management.Automation, Version=7.4.6.500, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
)

// genericTypes caches constructed generic types so that each one has a
// single *Type (type identity by pointer keeps working).
var genericTypes sync.Map // string -> *Type

// genericDefs are the generic collection types csshell implements, by
// lower-case name without the System. prefix.
var genericDefs = map[string]struct {
	full string
	kind typeKind
}{
	"collections.generic.list":    {"System.Collections.Generic.List", kList},
	"collections.generic.hashset": {"System.Collections.Generic.HashSet", kHashSet},
}

// lookupGeneric resolves a constructed generic type name such as
// "system.collections.generic.list[string]" (already lower-cased).
func lookupGeneric(n string) (*Type, bool) {
	open := strings.IndexByte(n, '[')
	if open <= 0 || !strings.HasSuffix(n, "]") {
		return nil, false
	}
	base := strings.TrimPrefix(strings.TrimSpace(n[:open]), "system.")
	def, ok := genericDefs[base]
	if !ok {
		return nil, false
	}
	arg := strings.TrimSpace(n[open+1 : len(n)-1])
	if strings.HasPrefix(arg, "[") && strings.HasSuffix(arg, "]") && !strings.HasSuffix(arg, "[]") {
		arg = arg[1 : len(arg)-1]
	}
	if arg == "" || strings.Contains(arg, ",") {
		return nil, false
	}
	elem, ok := LookupType(arg)
	if !ok {
		return nil, false
	}
	return genericType(def.full, def.kind, elem), true
}

// ListOf returns the type System.Collections.Generic.List[elem].
func ListOf(elem *Type) *Type { return genericType("System.Collections.Generic.List", kList, elem) }

// genericType builds (or finds) the generic type full`1[elem].
func genericType(full string, kind typeKind, elem *Type) *Type {
	if elem.kind == kPSCustomObject {
		elem = TPSObject // [pscustomobject] is typeof(PSObject)
	}
	key := full + "|" + elem.FullName
	if t, ok := genericTypes.Load(key); ok {
		return t.(*Type)
	}
	short := full[strings.LastIndexByte(full, '.')+1:]
	t := &Type{
		Name:     short + "`1",
		FullName: full + "`1[[" + elem.FullName + ", " + assemblyOf(elem) + "]]",
		Elem:     elem,
		kind:     kind,
		display:  full + "[" + elem.String() + "]",
	}
	actual, _ := genericTypes.LoadOrStore(key, t)
	return actual.(*Type)
}

// assemblyOf names the assembly that defines t, for assembly-qualified
// type names.
func assemblyOf(t *Type) string {
	if strings.HasPrefix(t.FullName, "System.Management.Automation.") {
		return automationAssembly
	}
	return coreLibAssembly
}

// dotNetTypeString is .NET's Type.ToString(): a constructed generic type
// shows its argument by full name without the assembly.
func dotNetTypeString(t *Type) string {
	if t.display != "" && t.Elem != nil {
		return t.FullName[:strings.Index(t.FullName, "[[")] + "[" + t.Elem.FullName + "]"
	}
	return t.FullName
}
