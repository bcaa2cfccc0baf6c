package engine

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// stream numbers, as redirection operators name them.
const (
	streamOutput      = 1
	streamError       = 2
	streamWarning     = 3
	streamVerbose     = 4
	streamDebug       = 5
	streamInformation = 6
)

// stageIO is where a running command's streams go: the success output to
// out, the others through routes (nil route = the host).
type stageIO struct {
	out    func(any) error
	routes routes
	// captures are the -ErrorVariable/-WarningVariable/-InformationVariable
	// lists of the commands this one runs inside (innermost first).
	captures *capture
}

// routes maps the non-success streams (index 2..6) to their destinations.
type routes [7]func(any) error

// withOut returns a copy of io with a different success output.
func (io *stageIO) withOut(out func(any) error) *stageIO {
	c := *io
	c.out = out
	return &c
}

// WarningRecord is what Write-Warning produces when the warning stream is
// redirected to the output (3>&1).
type WarningRecord struct{ Message string }

// String returns the message.
func (w *WarningRecord) String() string { return w.Message }

// StreamRecord is a verbose, debug or information record redirected into
// the output.
type StreamRecord struct {
	Stream  int
	Message any
}

// String returns the message text.
func (s *StreamRecord) String() string { return value.ToString(s.Message) }

// preferences are the effective action preferences of one call.
type preferences struct {
	errorAction string // "Continue", "Stop", "SilentlyContinue", "Ignore", "Inquire"
	warning     string
	verbose     string
	debug       string
	information string
	whatIf      bool
	confirm     bool
}

// prefsFrom reads the preference variables visible in scope. It runs for
// every command invoked, so the names are given as the scope keys them
// (lower case): Lookup then makes no lower-cased copy of each.
func prefsFrom(sc *Scope) preferences {
	get := func(name, def string) string {
		if v := sc.Lookup(name); v != nil && v.Value != nil {
			return canonicalAction(value.ToString(v.Value), def)
		}
		return def
	}
	p := preferences{
		errorAction: get("erroractionpreference", "Continue"),
		warning:     get("warningpreference", "Continue"),
		verbose:     get("verbosepreference", "SilentlyContinue"),
		debug:       get("debugpreference", "SilentlyContinue"),
		information: get("informationpreference", "SilentlyContinue"),
	}
	if v := sc.Lookup("whatifpreference"); v != nil {
		p.whatIf = value.ToBool(v.Value)
	}
	// A command's impact is Medium unless it says otherwise: it asks when
	// $ConfirmPreference is Medium or Low (an advanced function given
	// -Confirm sets it to Low in its scope).
	if v := sc.Lookup("confirmpreference"); v != nil {
		switch strings.ToLower(value.ToString(v.Value)) {
		case "low", "medium":
			p.confirm = true
		}
	}
	return p
}

// actionNames are ActionPreference's names in pwsh's order.
var actionNames = []string{"SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"}

// canonicalAction maps a preference value (name or number) to its name.
func canonicalAction(s, def string) string {
	for _, n := range actionNames {
		if strings.EqualFold(n, s) {
			return n
		}
	}
	switch s {
	case "0":
		return "SilentlyContinue"
	case "1":
		return "Stop"
	case "2":
		return "Continue"
	case "3":
		return "Inquire"
	case "4":
		return "Ignore"
	}
	return def
}

// writeError applies the error action to a non-terminating error: Stop
// makes it terminating (returned), Ignore drops it, SilentlyContinue only
// records it in $Error, Continue records and shows it.
func (rt *Runtime) writeError(f *frame, io *stageIO, p preferences, rec *ErrorRecord) error {
	rt.lastStatus = false
	rt.errorWrites++
	if io != nil {
		io.captures.addError(rec)
	}
	switch p.errorAction {
	case "Ignore":
		return nil
	case "Stop":
		rec.scriptTerminating = true
		rec.fromStop = true
		return rec
	}
	rt.recordError(rec)
	if p.errorAction == "SilentlyContinue" {
		return nil
	}
	if io != nil && io.routes[streamError] != nil {
		return io.routes[streamError](rec)
	}
	rt.ShowError(rec)
	return nil
}

// writeStream sends a warning, verbose, debug or information record to its
// route or to the host, per the stream's preference.
func (rt *Runtime) writeStream(io *stageIO, stream int, pref string, msg any) {
	if io != nil && pref != "Ignore" {
		io.captures.addStream(stream, msg)
	}
	switch pref {
	case "SilentlyContinue", "Ignore":
		if stream != streamInformation {
			return
		}
		// Information records (Write-Host) always show unless ignored.
		if pref == "Ignore" {
			return
		}
	}
	if io != nil && io.routes[stream] != nil {
		var rec any
		switch stream {
		case streamWarning:
			rec = &WarningRecord{Message: value.ToString(msg)}
		default:
			rec = &StreamRecord{Stream: stream, Message: msg}
		}
		_ = io.routes[stream](rec)
		return
	}
	rt.showStream(stream, msg)
}

// showStream displays a stream record on the host.
func (rt *Runtime) showStream(stream int, msg any) {
	h := rt.host
	switch stream {
	case streamWarning:
		h.WriteLine(rt.streamLine("Warning", "WARNING: ", value.ToString(msg)))
	case streamVerbose:
		h.WriteLine(rt.streamLine("Verbose", "VERBOSE: ", value.ToString(msg)))
	case streamDebug:
		h.WriteLine(rt.streamLine("Debug", "DEBUG: ", value.ToString(msg)))
	case streamInformation:
		if hm, ok := msg.(*HostMessage); ok {
			text := h.Paint(hm.Text, hm.Foreground, hm.Background)
			if hm.NoNewline {
				h.Write(text)
			} else {
				h.WriteLine(text)
			}
			return
		}
		h.WriteLine(value.ToString(msg))
	}
}

// HostMessage is the information record Write-Host writes: text with
// colours and the -NoNewline flag.
type HostMessage struct {
	Text       string
	Foreground string
	Background string
	NoNewline  bool
}

// String returns the text.
func (m *HostMessage) String() string { return m.Text }

// confirm asks the host whether to go ahead with an action (-Confirm).
func (rt *Runtime) confirm(c *Call, target, action string) (bool, error) {
	return rt.confirmText(&c.prefs, fmt.Sprintf("Performing the operation \"%s\" on target \"%s\".", action, target))
}

// confirmText asks the host whether to go ahead with the action text
// describes; "Yes to All" and "No to All" change prefs for the rest of
// the call.
func (rt *Runtime) confirmText(prefs *preferences, text string) (bool, error) {
	h := rt.host
	if h.NonInteractive {
		return false, NonInteractiveError()
	}
	if !h.Interactive {
		return true, nil
	}
	h.WriteLine("")
	h.WriteLine("Confirm")
	h.WriteLine("Are you sure you want to perform this action?")
	h.WriteLine(text)
	for {
		ans, err := h.Prompt(`[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `)
		if err != nil {
			return false, err
		}
		switch strings.ToUpper(strings.TrimSpace(ans)) {
		case "", "Y":
			return true, nil
		case "A":
			prefs.confirm = false
			return true, nil
		case "N":
			return false, nil
		case "L":
			prefs.confirm = false
			prefs.whatIf = false
			return false, nil
		}
	}
}
