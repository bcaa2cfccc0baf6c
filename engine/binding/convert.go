package binding

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/csshell/csshell/engine/value"
	"github.com/shopspring/decimal"
)

// paramClass is how a parameter's type is converted.
type paramClass int

const (
	classPlain paramClass = iota // value.ConvertTo to the declared type
	classSwitch
	classBool
	classScriptBlock
	classScriptBlockArray
	classAction
)

func classify(typ string) paramClass {
	return classCache.get(typ, classifyUncached)
}

// classCache and typeCache memoise classify and paramType: the binder asks
// for every pipeline object.
var (
	classCache memo[paramClass]
	typeCache  memo[*value.Type]
)

// memo memoises a function of a type name. A read is one atomic load and
// a lookup in a plain map (a sync.Map, hashing the name as an interface,
// took a fifth of 1..1000000 | ForEach-Object { $_ * 2 }); the few
// misses copy the map.
type memo[T any] struct {
	m  atomic.Pointer[map[string]T]
	mu sync.Mutex
}

// get returns f(key), computed once.
func (c *memo[T]) get(key string, f func(string) T) T {
	if m := c.m.Load(); m != nil {
		if v, ok := (*m)[key]; ok {
			return v
		}
	}
	v := f(key)
	c.mu.Lock()
	defer c.mu.Unlock()
	next := map[string]T{key: v}
	if m := c.m.Load(); m != nil {
		for k, old := range *m {
			next[k] = old
		}
	}
	c.m.Store(&next)
	return v
}

func classifyUncached(typ string) paramClass {
	switch strings.ToLower(strings.TrimSpace(typ)) {
	case "switchparameter", "switch", "system.management.automation.switchparameter":
		return classSwitch
	case "boolean", "bool", "system.boolean":
		return classBool
	case "scriptblock", "system.management.automation.scriptblock":
		return classScriptBlock
	case "scriptblock[]", "system.management.automation.scriptblock[]":
		return classScriptBlockArray
	case "actionpreference", "system.management.automation.actionpreference":
		return classAction
	}
	return classPlain
}

// paramType is the value type a parameter converts to. An empty Type means
// Object. Types the value package does not know (Teams' UserIdParameter,
// Fqdn, …) are taken as String: their pwsh classes are built from strings
// and print as the string.
func paramType(typ string) *value.Type {
	return typeCache.get(typ, paramTypeUncached)
}

func paramTypeUncached(typ string) *value.Type {
	if strings.TrimSpace(typ) == "" {
		return value.TObject
	}
	if t, ok := lookupType(typ); ok {
		return t
	}
	if strings.HasSuffix(strings.TrimSpace(typ), "[]") {
		return value.ArrayOf(value.TString)
	}
	return value.TString
}

// lookupType is value.LookupType, resolving array names ("Int32[]")
// element first.
func lookupType(typ string) (*value.Type, bool) {
	typ = strings.TrimSpace(typ)
	if elem, ok := strings.CutSuffix(typ, "[]"); ok {
		t, ok := lookupType(elem)
		if !ok {
			return nil, false
		}
		return value.ArrayOf(t), true
	}
	return value.LookupType(typ)
}

var displayNames = map[string]string{
	"actionpreference": "System.Management.Automation.ActionPreference",
	"switchparameter":  "System.Management.Automation.SwitchParameter",
	"switch":           "System.Management.Automation.SwitchParameter",
	"scriptblock":      "System.Management.Automation.ScriptBlock",
	"scriptblock[]":    "System.Management.Automation.ScriptBlock[]",
}

// DisplayType returns the type name pwsh shows for a parameter type in
// messages: the .NET full name for types it knows ("Int32" →
// "System.Int32", "String[]" → "System.String[]"), else the name as
// declared ("UserIdParameter").
func DisplayType(typ string) string {
	k := strings.ToLower(strings.TrimSpace(typ))
	if n, ok := displayNames[k]; ok {
		return n
	}
	if k == "" {
		return "System.Object"
	}
	if t, ok := lookupType(typ); ok {
		return t.FullName
	}
	return typ
}

// dotNetText is the text .NET's ToString gives v in conversion messages.
func dotNetText(v any) string {
	switch v.(type) {
	case []any:
		return "System.Object[]"
	case *value.Hashtable:
		return value.TypeOf(v).FullName
	}
	return value.ToString(v)
}

// isPSObjectType reports a parameter declared [psobject] or [psobject[]].
func isPSObjectType(typ string) bool {
	t := strings.TrimSuffix(typ, "[]") // no ToLower: asked for every pipeline object
	return strings.EqualFold(t, "psobject") || strings.EqualFold(t, "system.management.automation.psobject")
}

func unwrap(v any) any {
	switch x := v.(type) {
	case *value.Object:
		if x != nil && x.Base != nil {
			return x.Base
		}
	case NumberLiteral:
		return x.Value
	}
	return v
}

// literals resolves the numeric literals in an argument (itself, or the
// elements of an array of arguments) for a parameter of type t: their
// text for strings, their value otherwise.
func literals(v any, t *value.Type) any {
	asText := t == value.TString || (t.IsArray() && t.Elem == value.TString)
	switch x := v.(type) {
	case NumberLiteral:
		if asText {
			return x.Text
		}
		return x.Value
	case []any:
		var out []any
		for i, it := range x {
			if nl, ok := it.(NumberLiteral); ok {
				if out == nil {
					out = append([]any(nil), x...)
				}
				if asText {
					out[i] = nl.Text
				} else {
					out[i] = nl.Value
				}
			}
		}
		if out != nil {
			return out
		}
	}
	return v
}

// NumberLiteral is a numeric literal written as a command argument: its
// value and the text as typed. Bound to a [string] parameter it gives the
// text, as pwsh does (`-Pin 05219` is "05219", not "5219"); anywhere else,
// the number.
type NumberLiteral struct {
	Value any
	Text  string
}

// isBoolish reports whether a [bool] or [switch] parameter accepts v:
// booleans and numbers only.
func isBoolish(v any) bool {
	switch v.(type) {
	case bool, value.SwitchParameter, int, int32, int64, uint8, float64, decimal.Decimal:
		return true
	}
	return false
}

// isBoolArray reports whether a parameter type is an array of Booleans.
func isBoolArray(typ string) bool {
	el, ok := strings.CutSuffix(strings.ToLower(typ), "[]")
	return ok && (el == "bool" || el == "boolean" || el == "system.boolean")
}

// convert converts an argument to p's type, as the binder does (with
// coercion). Switches become bool; ActionPreference values their name.
func (b *binder) convert(p *pinfo, v any) (any, error) {
	compiled := b.m.Compiled || p.kind != kindDeclared
	v = literals(v, p.typ)
	if !p.psobject {
		// A [psobject] parameter gets the object as it came, its
		// members with it (Format-Table's -InputObject reads the
		// properties of Get-Command's CommandInfo, not of its base).
		v = unwrap(v)
	}
	switch p.class {
	case classSwitch, classBool:
		if isBoolish(v) {
			return value.ToBool(v), nil
		}
		if v == nil {
			if p.class == classSwitch {
				return false, nil
			}
			return nil, errNullNotAllowed(p.Name)
		}
		return nil, errTransform(p.Name, fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
			value.TypeOf(v).FullName, DisplayType(p.Type)), nil)
	case classScriptBlock:
		if _, ok := v.(value.ScriptBlockValue); ok || v == nil {
			return v, nil
		}
		return nil, errScriptBlock(p.Name, v)
	case classScriptBlockArray:
		if v == nil {
			return nil, nil
		}
		items, ok := v.([]any)
		if !ok {
			items = []any{v}
		}
		out := make([]any, len(items))
		for i, it := range items {
			it = unwrap(it)
			if _, ok := it.(value.ScriptBlockValue); !ok {
				return nil, errScriptBlock(p.Name, it)
			}
			out[i] = it
		}
		return out, nil
	case classAction:
		return convertAction(p.Name, v)
	}
	if b.m.CmdletBinding && !b.m.Compiled && isBoolArray(p.Type) {
		// An advanced function's [bool[]] takes Booleans and numbers only
		// (a plain function converts any value, for V1's sake).
		items, ok := v.([]any)
		if !ok {
			items = []any{v}
		}
		for _, it := range items {
			if it = unwrap(it); it != nil && !isBoolish(it) {
				return nil, errTransform(p.Name, fmt.Sprintf("Cannot convert value \"%s\" to type \"System.Boolean\". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.",
					value.TypeOf(it).FullName), nil)
			}
		}
	}
	t := p.typ
	if v == nil && compiled {
		return nil, nil
	}
	out, err := value.ConvertTo(v, t)
	if err != nil {
		if compiled {
			return nil, errCannotConvert(p.Name, err.Error(), err)
		}
		return nil, errTransform(p.Name, err.Error(), err)
	}
	return out, nil
}

func errScriptBlock(param string, v any) *Error {
	return errCannotConvert(param, fmt.Sprintf("Cannot convert the \"%s\" value of type \"%s\" to type \"System.Management.Automation.ScriptBlock\".",
		dotNetText(v), value.TypeOf(v).FullName), nil)
}

// convertAction converts to ActionPreference, stored as its canonical name.
func convertAction(param string, v any) (any, error) {
	const tn = "System.Management.Automation.ActionPreference"
	switch x := v.(type) {
	case nil:
		return nil, errCannotConvert(param, "Cannot convert null to type \""+tn+"\".", nil)
	case int32, int64, int, uint8:
		n, _ := value.ConvertTo(x, value.TLong)
		if i, ok := n.(int64); ok && i >= 0 && int(i) < len(actionPreferences) {
			return actionPreferences[i], nil
		}
	}
	s := value.ToString(v)
	for _, n := range actionPreferences {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return n, nil
		}
	}
	return nil, errCannotConvert(param, fmt.Sprintf("Cannot convert value \"%s\" to type \"%s\". Error: \"Unable to match the identifier name %s to a valid enumerator name. Specify one of the following enumerator names and try again:\n%s\"",
		s, tn, s, strings.Join(actionPreferences, ", ")), nil)
}

var valueTypes = []*value.Type{value.TInt, value.TLong, value.TByte, value.TDouble, value.TDecimal,
	value.TBool, value.TChar, value.TDateTime, value.TTimeSpan, value.TGuid, value.TSwitch}

func isValueType(t *value.Type) bool {
	for _, x := range valueTypes {
		if x == t {
			return true
		}
	}
	return false
}

// fits reports whether v binds to p without type coercion (pwsh's first
// pipeline passes): v already has the parameter's type (or, for an array
// parameter, the element type).
func fits(p *pinfo, v any) bool {
	v = unwrap(v)
	switch p.class {
	case classSwitch, classBool:
		switch v.(type) {
		case bool, value.SwitchParameter:
			return true
		}
		return false
	case classScriptBlock:
		_, ok := v.(value.ScriptBlockValue)
		return ok || v == nil
	case classScriptBlockArray:
		if items, ok := v.([]any); ok {
			for _, it := range items {
				if _, ok := unwrap(it).(value.ScriptBlockValue); !ok {
					return false
				}
			}
			return true
		}
		_, ok := v.(value.ScriptBlockValue)
		return ok || v == nil
	case classAction:
		return false
	}
	t := p.typ
	if v == nil {
		return !isValueType(t)
	}
	if t.IsArray() && t.Elem != nil {
		if items, ok := v.([]any); ok {
			for _, it := range items {
				if it != nil && !fitsType(unwrap(it), t.Elem) {
					return false
				}
			}
			return true
		}
		return fitsType(v, t.Elem)
	}
	return fitsType(v, t)
}

func fitsType(v any, t *value.Type) bool {
	if t == value.TObject || t == value.TPSObject {
		return true
	}
	return value.IsInstance(v, t)
}
