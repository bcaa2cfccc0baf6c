package binding

// Meta is what the binder needs to know of a command.
type Meta struct {
	Name       string // for messages
	Params     []*ParamInfo
	DefaultSet string // "" if none
	// SupportsShouldProcess adds -WhatIf (alias wi) and -Confirm (alias cf).
	SupportsShouldProcess bool
	// CmdletBinding is set for cmdlets and advanced functions/scripts:
	// common parameters apply and unknown named arguments are errors. A
	// plain function (no [CmdletBinding()] nor [Parameter()]) has it false:
	// its parameters are positional in declaration order and arguments it
	// cannot bind (positional values and unknown -Names) go to $args
	// (Binding.Unbound).
	CmdletBinding bool
	// Compiled marks a compiled (C#) cmdlet. pwsh reports a failed type
	// conversion of such a cmdlet's argument as "Cannot bind parameter 'X'.
	// …" (CannotConvertArgumentNoMessage) and leaves $null unconverted,
	// where script functions (the default here) report "Cannot process
	// argument transformation on parameter 'X'. …" and turn $null into ""
	// for [string] parameters.
	Compiled bool
}

// Arg is one evaluated argument as written on the command line.
type Arg struct {
	Name     string // parameter name as typed, without the dash; "" for a plain value
	IsParam  bool   // written as -Name or -Name:value
	Value    any
	HasValue bool   // false for a bare -Name (a switch, or a parameter whose value is the next Arg)
	Colon    bool   // -Name:value (implies a value)
	Text     string // source text, for messages (e.g. "-Idx" or "abc")
	Splatted bool   // came from @hashtable/@array splatting
	// Unknown marks a value that was not evaluated: Partial binds source
	// text (completion, history masking), so its arguments may stand for a
	// value without having one.
	Unknown bool
	// Extent is where the argument is written ("-Name", "-Name:value" or
	// the value); ValueExtent, for -Name:value, where its value is. Zero
	// when unknown (splatted or synthesized arguments). Binding errors
	// carry the extent of the argument they blame.
	Extent      Extent
	ValueExtent Extent
}

// Extent is a byte range [Start, End) in the script text.
type Extent struct {
	Start, End int
}

// IsZero reports an unknown (empty) extent.
func (e Extent) IsZero() bool { return e.End <= e.Start }

// Binding is the result of binding a command line.
type Binding struct {
	// Params maps canonical parameter names to converted values, common
	// parameters included ("ErrorAction", "Verbose", "WhatIf", ...).
	// Switches are stored as bool; ActionPreference values as their
	// canonical name ("Stop").
	Params map[string]any
	// Set is the chosen parameter set: "" when the command declares no
	// named set and has no DefaultSet. When the choice waits for pipeline
	// input it is the default set if still possible, else "";
	// BindInput returns the final one.
	Set string
	// Unbound holds the values for $args (non-CmdletBinding commands
	// only), in order; an unknown -Name is passed as the string "-Name"
	// ("-Name:" followed by the value for -Name:value).
	Unbound []any

	b      *binder
	cands  []string   // parameter sets still possible after the command line
	inPlan *inputPlan // BindInput's precomputed lists (commands without named sets)
	// inTakers are the parameters (not bound on the command line) that
	// take pipeline input in one of cands; inMissing caches, per set, the
	// mandatory parameters not bound on the command line (BindInput with
	// named sets).
	inTakers  []*pinfo
	inTaken   bool
	inMissing map[string][]*pinfo
	// fast, once set, is the one Object parameter every input object
	// binds to by value, and fastSet the set that binding resolves to
	// (the same for every object, since the bound names are the same).
	fast      *pinfo
	fastSet   string
	fastState int // 0 undecided, 1 fast path on, 2 off
	// fastParams is the map the fast path hands out, reused for every
	// object (cmdlets read it during Process and do not keep it).
	fastParams map[string]any
}

// Options tune Bind.
type Options struct {
	// Prompt is called for each missing mandatory parameter when the
	// session is interactive; nil means non-interactive (error).
	Prompt func(p *ParamInfo) (any, error)
	// PromptStart, when set, is called once with all the missing
	// mandatory parameters before Prompt asks for the first (pwsh's host
	// asks for them in one Prompt call: its header and "(Type !? for
	// Help.)" depend on all of them).
	PromptStart func(missing []*ParamInfo)
	// ExpectingInput tells that the command receives pipeline input, so
	// mandatory parameters that can come from the pipeline are not missing
	// yet and an ambiguous parameter set may be resolved by BindInput.
	ExpectingInput bool
}
