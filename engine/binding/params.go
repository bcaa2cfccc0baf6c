// Package binding is PowerShell's parameter binder, one for cmdlets,
// functions and scripts: it matches a command's evaluated arguments and its
// pipeline input to the parameters its metadata declares.
package binding

import "strings"

// AllSets is the parameter-set name meaning "every set" (PowerShell's
// __AllParameterSets).
const AllSets = "__AllParameterSets"

// ParamSet is a parameter's membership in one parameter set, with what may
// differ per set: position, whether it is mandatory, and pipeline binding.
type ParamSet struct {
	Name               string // AllSets when the parameter is in every set
	Position           int    // 0-based; -1 when the parameter is named only
	Mandatory          bool
	FromPipeline       bool // ValueFromPipeline
	FromPipelineByName bool // ValueFromPipelineByPropertyName
	// FromRemainingArgs is ValueFromRemainingArguments: positional values
	// that no other parameter takes are collected into this one.
	FromRemainingArgs bool
	HelpMessage       string
}

// ParamInfo describes one parameter of a cmdlet, function or script. The
// same description drives the binder, Get-Help, Get-Command and tab
// completion.
type ParamInfo struct {
	Name    string
	Type    string // as PowerShell names it: "String", "String[]", "SwitchParameter", "Int32", "Boolean", "Object", "ScriptBlock", "Hashtable", "UserIdParameter", …
	Aliases []string
	Sets    []ParamSet // never empty: {Name: AllSets, Position: -1} for a plain named parameter
	Help    string

	ValidateSet []string
	// ValidateSetCaseSensitive is set when IgnoreCase=$false was written;
	// the zero value compares case-insensitively, as pwsh does by default.
	ValidateSetCaseSensitive bool
	ValidateRange            *[2]float64 // {min, max}, inclusive
	ValidateNotNull          bool
	ValidateNotNullOrEmpty   bool
	ValidatePattern          string // matched case-insensitively, as pwsh does
	// ValidateSetMessage and ValidatePatternMessage are the attributes'
	// ErrorMessage: a .NET format string of the value ({0}) and the set or
	// pattern ({1}) replacing pwsh's own text.
	ValidateSetMessage     string
	ValidatePatternMessage string
	AllowNull              bool
	AllowEmptyString       bool
	AllowEmptyCollection   bool
	// ValidateScript, when set, runs after conversion; a non-nil error is
	// reported as a validation failure.
	ValidateScript func(v any) error
	// Default is shown by Get-Help; it is not bound.
	Default string
	// Complete, when set, lists values for tab completion of this parameter.
	Complete func(prefix string) []string
	// Sensitive marks a parameter whose value is a secret (a PIN, a
	// password, a credential, an access token): wherever a command line is
	// recorded (history), the value typed for it in clear is masked,
	// however the parameter is named on the line (prefix, alias, position,
	// splatting, pipeline by property name).
	Sensitive bool
}

// IsSwitch reports whether the parameter is a [switch].
func (p *ParamInfo) IsSwitch() bool {
	return strings.EqualFold(p.Type, "SwitchParameter") || strings.EqualFold(p.Type, "switch")
}

// InSet returns the parameter's membership in set, as the binder reads
// it: membership of AllSets counts for every set; "" is the implicit only
// set of a command that names none, which every parameter belongs to; a
// parameter that declares no set is a named parameter of every set.
func (p *ParamInfo) InSet(set string) (ParamSet, bool) {
	return inSet(p.Sets, set)
}

// inSet is InSet over a list of memberships.
func inSet(sets []ParamSet, set string) (ParamSet, bool) {
	if len(sets) == 0 {
		return ParamSet{Name: AllSets, Position: -1}, true
	}
	for _, s := range sets {
		if set == "" || s.Name == AllSets || strings.EqualFold(s.Name, set) {
			return s, true
		}
	}
	return ParamSet{}, false
}
