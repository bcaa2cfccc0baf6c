package engine

import (
	"github.com/csshell/csshell/engine/value"
)

// OutputType describes the objects a cmdlet writes (pwsh's [OutputType]
// attribute) for tab completion, which never runs the cmdlet: after
// "Get-CsOnlineDialInConferencingUser | Select-Object " it offers the
// properties of the upstream command's objects.
type OutputType struct {
	// Name is the type's full name, as Outputs (help's OUTPUTS) names it.
	Name string
	// Sample builds one object of the type with the code that builds the
	// cmdlet's real output (from empty inputs), so the property names have
	// one source: what the cmdlet really emits. It must be cheap and must
	// not touch the tenant: completion calls it at each Tab.
	Sample func() any
}

// Object returns a sample object, or nil when there is none or building
// it fails (completion then offers nothing, as for an undeclared type).
func (t *OutputType) Object() (v any) {
	if t == nil || t.Sample == nil {
		return nil
	}
	defer func() {
		if recover() != nil {
			v = nil
		}
	}()
	return t.Sample()
}

// Properties lists the property names of the type's objects, in the
// order the cmdlet writes them; nil when unknown.
func (t *OutputType) Properties() []string {
	if o, ok := t.Object().(*value.Object); ok && o != nil {
		return o.PropertyNames()
	}
	return nil
}
