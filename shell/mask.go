package shell

import "github.com/csshell/csshell/engine"

// MaskSecrets returns line with its secrets masked as well as can be
// done without a session: every command is unknown, so a -Name or
// variable that reads like a secret (-Pin, -LeaderPin, -Password, $pin =
// …) has its literal value masked. A history given the session
// (History.SetSession) masks through the binder instead; see
// engine.(*Runtime).MaskSecrets.
func MaskSecrets(line string) string {
	var none *engine.Runtime
	return none.MaskSecrets(line)
}

// SetSession makes h mask what it records through rt: each command of an
// entry is resolved as rt runs it and its binder says which values are
// secret (engine.(*Runtime).HistoryLine). Until it is set, h guesses by
// name, as MaskSecrets does.
func (h *History) SetSession(rt *engine.Runtime) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.rt = rt
}

// recordable is what h may record of an entry: its secrets masked, and
// whether it may be written to the file. A line that PSReadLine's default
// history handler would keep in memory only (a secret left where no
// masking could pinpoint it) is not recorded: it stays in the prompt's own
// history of the session and never reaches the file.
func (h *History) recordable(entry string) (string, bool) {
	h.mu.Lock()
	rt := h.rt
	h.mu.Unlock()
	return rt.HistoryLine(entry)
}
