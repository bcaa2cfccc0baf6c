package engine

// NamedParam declares a parameter that is named only (no position) and in
// every parameter set: the most common shape of a cmdlet parameter.
func NamedParam(name, typ, help string, aliases ...string) *ParamInfo {
	return &ParamInfo{Name: name, Type: typ, Aliases: aliases,
		Sets: []ParamSet{{Name: AllSets, Position: -1}}, Help: help}
}

// NamedParamInSets declares a named-only parameter that belongs to the
// given parameter sets only.
func NamedParamInSets(name, typ, help string, sets ...string) *ParamInfo {
	p := &ParamInfo{Name: name, Type: typ, Help: help}
	for _, s := range sets {
		p.Sets = append(p.Sets, ParamSet{Name: s, Position: -1})
	}
	return p
}

// SetAliases registers several aliases for one command.
func (rt *Runtime) SetAliases(command string, aliases ...string) {
	for _, a := range aliases {
		rt.SetAlias(a, command)
	}
}

// MessageError is an error whose text is a user-facing PowerShell message
// (capitalised and punctuated, unlike Go error strings).
type MessageError string

// Error returns the message.
func (e MessageError) Error() string { return string(e) }

// ParamInSets declares a parameter that belongs to the given parameter
// sets only, at position pos (-1: named only), mandatory or not.
func ParamInSets(name, typ, help string, pos int, mandatory bool, sets ...string) *ParamInfo {
	p := &ParamInfo{Name: name, Type: typ, Help: help}
	for _, s := range sets {
		p.Sets = append(p.Sets, ParamSet{Name: s, Position: pos, Mandatory: mandatory})
	}
	return p
}

// WithCompleter sets the function that lists a parameter's values for tab
// completion and returns the parameter, so a declaration carries it.
func WithCompleter(p *ParamInfo, complete func(prefix string) []string) *ParamInfo {
	p.Complete = complete
	return p
}
