package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// Param is a typed handle on one declared parameter: the declaration (its
// ParamInfo, which the cmdlet lists in Params and which the binder, help,
// completion and history masking read) and the one way the cmdlet reads
// the bound value. A cmdlet never names a parameter a second time as a
// string: it keeps the handle Declare returned.
//
// The Go type T is checked against the declared PowerShell type when the
// handle is declared, that is while the cmdlet is being registered:
//
//	string    any scalar type (String, Guid, Fqdn, UserIdParameter, Int32…), read as its text
//	bool      SwitchParameter or Boolean
//	int       an integer type (Int32, Int64, UInt32, Int16, Byte)
//	[]string  an array type (String[], Object[]…) or Object; a scalar reads as one item
//	any       every type: the bound value as the binder converted it
type Param[T any] struct {
	info *ParamInfo
}

// Declare returns the handle of p, checking that T can hold p's declared
// type. A mismatch is a programming error found at registration: it panics
// with the parameter's name, so the registration test of every cmdlet
// fails.
func Declare[T any](p *ParamInfo) Param[T] {
	if p == nil || p.Name == "" {
		panic("engine: Declare of a parameter without a name")
	}
	var zero T
	if err := checkHandleType(any(zero), p); err != nil {
		panic("engine: parameter " + p.Name + ": " + err.Error())
	}
	return Param[T]{info: p}
}

// Info is the declaration, for the cmdlet's Params list.
func (p Param[T]) Info() *ParamInfo { return p.info }

// Name is the parameter's canonical name.
func (p Param[T]) Name() string { return p.info.Name }

// Declared reports whether the running cmdlet declares this parameter
// (for helpers shared by cmdlets of which only some have it).
func (p Param[T]) Declared(c *Call) bool {
	return c.Cmdlet != nil && slices.Contains(c.Cmdlet.Params, p.info)
}

// Given reports whether the parameter is bound in this call (on the
// command line, by splatting, or from the current pipeline object).
func (p Param[T]) Given(c *Call) bool {
	_, ok := c.bound[p.key(c)]
	return ok
}

// Get returns the bound value as T, or T's zero value when the parameter
// is not bound (a switch not given is false).
func (p Param[T]) Get(c *Call) T {
	v, _ := p.Lookup(c)
	return v
}

// Or returns the bound value, or def when the parameter is not bound.
func (p Param[T]) Or(c *Call, def T) T {
	if v, ok := p.Lookup(c); ok {
		return v
	}
	return def
}

// Lookup returns the bound value as T and whether the parameter is bound
// to a value T can hold (an int bound to $null, or to text that is no
// integer, is not).
func (p Param[T]) Lookup(c *Call) (T, bool) {
	var out T
	raw, ok := c.bound[p.key(c)]
	if !ok {
		return out, false
	}
	switch dst := any(&out).(type) {
	case *string:
		if raw != nil {
			*dst = value.ToString(raw)
		}
	case *bool:
		*dst = value.ToBool(raw)
	case *int:
		// A compiled cmdlet's value-type parameter keeps a $null argument
		// as nil: it reads as not given, so Or gives the default.
		if raw == nil {
			return out, false
		}
		n, err := value.ConvertTo(raw, mustType("long"))
		if err != nil {
			return out, false
		}
		*dst = int(n.(int64))
	case *[]string:
		*dst = stringsOf(raw)
	case *any:
		*dst = raw
	}
	return out, true
}

// key is the key the call's bound values use for this parameter. It
// checks that the running cmdlet declares this very parameter: a handle
// read by another cmdlet is a programming error.
func (p Param[T]) key(c *Call) string {
	if c.Cmdlet != nil && !slices.Contains(c.Cmdlet.Params, p.info) && !slices.Contains(c.Cmdlet.Withdrawn, p.info) && !isCommonParam(p.info.Name) {
		panic(fmt.Sprintf("engine: %s reads parameter %s, which it does not declare", c.Cmdlet.Name, p.info.Name))
	}
	return p.info.Name
}

// stringsOf reads a bound value as a list of strings.
func stringsOf(v any) []string {
	if v == nil {
		return nil
	}
	items, isList := value.Enumerate(v)
	if !isList {
		return []string{value.ToString(v)}
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = value.ToString(it)
	}
	return out
}

// checkHandleType reports whether a handle of zero's Go type can read a
// parameter declared as p.Type.
func checkHandleType(zero any, p *ParamInfo) error {
	t := strings.ToLower(strings.TrimSpace(p.Type))
	isArray := strings.HasSuffix(t, "[]")
	isSwitch := p.IsSwitch()
	switch zero.(type) {
	case string:
		if isArray || isSwitch || t == "scriptblock" {
			return fmt.Errorf("a string handle cannot read a [%s]", p.Type)
		}
	case bool:
		if !isSwitch && t != "boolean" && t != "bool" {
			return fmt.Errorf("a bool handle needs a [switch] or [bool], not [%s]", p.Type)
		}
	case int:
		switch t {
		case "int32", "int", "int64", "long", "uint32", "uint64", "int16", "byte":
		default:
			return fmt.Errorf("an int handle needs an integer type, not [%s]", p.Type)
		}
	case []string:
		if !isArray && t != "object" && t != "" {
			return fmt.Errorf("a []string handle needs an array type, not [%s]", p.Type)
		}
	case nil: // T is an interface type: any value
	default:
		return fmt.Errorf("no handle type %T", zero)
	}
	return nil
}
