package engine

// MissingHint explains a command or parameter the session does not have:
// given the scope of the call, the command's name and, for a named
// parameter that matched nothing, the parameter's name (else ""), it
// returns a warning to show before pwsh's error, or "" for none. A module
// uses it to name what replaced an item its loaded version lacks.
type MissingHint func(sc *Scope, command, parameter string) string

// AddMissingHint adds a hint; each is asked in turn, and every non-empty
// answer is written to the warning stream.
func (rt *Runtime) AddMissingHint(h MissingHint) {
	rt.missingHints = append(rt.missingHints, h)
}

// hintMissing writes the hints about a missing command or parameter.
func (f *frame) hintMissing(command, parameter string) {
	for _, h := range f.rt.missingHints {
		if msg := h(f.scope, command, parameter); msg != "" {
			f.rt.writeStream(f.io, streamWarning, prefsFrom(f.scope).warning, msg)
		}
	}
}
