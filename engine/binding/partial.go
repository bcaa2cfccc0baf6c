package binding

import "strings"

// ArgRole tells what one argument of a command line is to the binder.
type ArgRole int

// The roles an argument can have. Every role but ArgNone and ArgUnbound
// comes with the parameter concerned (ArgBinding.Param).
const (
	// ArgNone: the argument binds to nothing — an unknown or ambiguous
	// -Name, a positional value no parameter takes, or the -Name being
	// typed at the cursor.
	ArgNone ArgRole = iota
	// ArgName is a bare -Name: a switch, or a parameter whose value is the
	// next argument (or is missing).
	ArgName
	// ArgNameValue is -Name:value, the name and its value in one argument.
	ArgNameValue
	// ArgValue is the value following a bare -Name.
	ArgValue
	// ArgPositional is a value bound by position.
	ArgPositional
	// ArgRemaining is a value collected by the ValueFromRemainingArguments
	// parameter.
	ArgRemaining
	// ArgUnbound is passed to $args (a plain function's unknown -Name or
	// surplus value); Param is nil.
	ArgUnbound
)

// HasValue reports whether an argument of this role carries a value of
// its parameter (all roles but ArgNone, ArgName and ArgUnbound).
func (r ArgRole) HasValue() bool {
	switch r {
	case ArgNameValue, ArgValue, ArgPositional, ArgRemaining:
		return true
	}
	return false
}

// ArgBinding is what one argument binds to.
type ArgBinding struct {
	Role ArgRole
	// Param is the parameter the argument names or is a value of; nil for
	// ArgNone and ArgUnbound. It is set even when binding that parameter
	// fails further on (a parameter given twice, or outside the parameter
	// sets still possible): the argument still means that parameter.
	Param *ParamInfo
}

// Problem is what would make Bind fail, found at argument Arg (-1 when no
// argument is to blame).
type Problem struct {
	Arg int
	Err *Error
}

// PartialBinding is what binding a command line as far as its text goes
// tells: see Partial.
type PartialBinding struct {
	// Args has one entry per argument given to Partial.
	Args []ArgBinding
	// Bound lists the parameters bound, in the command's order (declared,
	// then common parameters), a parameter whose value is missing
	// included.
	Bound []*ParamInfo
	// Sets are the named parameter sets still possible, in the command's
	// order (its DefaultSet counts as a set, as for Bind); nil when the
	// command names no set.
	Sets []string
	// Target is the parameter the cursor argument's value binds to (named,
	// positional or remaining arguments); nil when it binds to none, or is
	// a -Name being typed.
	Target *ParamInfo
	// Problems are the reasons Bind would fail on these arguments, in the
	// order found; missing mandatory parameters are not checked.
	Problems []Problem

	b     *binder
	cands []string
	bound map[string]any
}

// Partial binds a command line as far as its text goes, with the same
// steps as Bind (name matching, reparse of -Name value pairs, set
// narrowing, positional order, remaining arguments, plain-function
// positions), for tab completion and history masking. It never fails:
// unknown or ambiguous names, missing values and set conflicts are
// recorded in Problems, and no value is converted or validated (arguments
// may be Unknown). A parameter outside every set still possible is
// recorded as a problem and leaves the sets as they were.
//
// cursor is the index of the argument being typed (-1 for none; it may be
// an empty Unknown argument the caller adds at the cursor). A bare -Name
// there is a name still being typed: it binds nothing, and the -Name
// before it does not take it as its value.
func Partial(m *Meta, args []Arg, cursor int) *PartialBinding {
	b := newBinder(m)
	pb := &PartialBinding{Args: make([]ArgBinding, len(args)), b: b}
	r := newRun(b, args, pb)
	if cursor >= 0 && cursor < len(args) {
		if a := args[cursor]; a.IsParam && !a.HasValue && !a.Colon {
			r.skip = cursor
		}
	}
	_ = r.bindLine() // a Partial run records its problems and never stops
	pb.cands, pb.bound = r.cands, r.params
	if len(b.universe) > 0 {
		pb.Sets = append([]string(nil), r.cands...)
	}
	for _, p := range b.params {
		if _, ok := r.params[p.Name]; ok {
			pb.Bound = append(pb.Bound, p.ParamInfo)
		}
	}
	if cursor >= 0 && cursor < len(args) && pb.Args[cursor].Role.HasValue() {
		pb.Target = pb.Args[cursor].Param
	}
	return pb
}

// IsBound reports whether the parameter named name (canonical name, any
// case) is bound.
func (pb *PartialBinding) IsBound(name string) bool {
	for _, p := range pb.Bound {
		if strings.EqualFold(p.Name, name) {
			return true
		}
	}
	return false
}

// Offerable lists the parameter names that may still be given, in the
// order pwsh's completion lists them (the command's own parameters in
// declaration order, then the common ones): not bound, in one of the sets
// still possible, and whose name begins with prefix (case-insensitive;
// "" for all).
func (pb *PartialBinding) Offerable(prefix string) []*ParamInfo {
	var out []*ParamInfo
	for _, p := range pb.b.params {
		if _, ok := pb.bound[p.Name]; ok || !hasPrefixFold(p.Name, prefix) {
			continue
		}
		if p.kind == kindDeclared && !p.inAny(pb.cands) {
			continue
		}
		out = append(out, p.ParamInfo)
	}
	return out
}

// Set is the parameter set Bind would choose from what is bound so far
// (the only one left, else the default set, else the only one whose
// mandatory parameters are all bound), and whether it is decided yet.
// It is "" for a command that names no set and has no DefaultSet.
func (pb *PartialBinding) Set() (string, bool) {
	set, ok := pb.b.resolve(pb.cands, pb.bound)
	if !ok {
		return "", false
	}
	return pb.b.setName(set), true
}
