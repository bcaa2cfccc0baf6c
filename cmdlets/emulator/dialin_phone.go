package emulator

import (
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// phoneHelp is the line the interactive phone starts with.
const phoneHelp = "Keys: 0-9 * # are touch-tones; Enter stays silent; H hangs up; Q puts the phone down, leaving the call in its lobby or meeting."

// phone is an interactive call: the attendant's prompts shown as they
// are played, keys read one at a time from the terminal. Each key is one
// change of the tenant (audited with what it did, never the digits), so
// a caller waiting in the lobby is there for every other command and
// process.
type phone struct {
	c       *engine.Call
	t       *teams.Tenant
	call    *dialin.Call
	shown   int  // transcript lines already shown
	audited int  // call.Audit entries already audited
	echoed  bool // keys were echoed on the current line
}

// phoneCall runs Invoke-TenantDialIn as a phone.
func phoneCall(c *engine.Call, t *teams.Tenant, p *dialInParams) error {
	h := c.Host()
	if !c.Interactive() || h.ReadKey == nil {
		return teams.Fail(c, teams.InvalidOperation("NoKeypad", "Invoke-TenantDialIn",
			"There is no keypad: the session is not interactive. Give the keys with -Digits, or -ConferenceId or -Organizer."))
	}
	ph := &phone{c: c, t: t}
	err := ph.step(func(w storage.Writer) error {
		number, err := dialNumber(w, p.number.Get(c), nil, "")
		if err != nil {
			return err
		}
		ph.call, err = dialin.Dial(w, number, p.callerID.Get(c))
		return err
	})
	if err != nil {
		return teams.UserFail(c, err)
	}
	if h.KeyMode != nil {
		end := h.KeyMode() // keys typed while a key is handled stay unseen
		defer end()
	}
	h.WriteLine(phoneHelp)
	ph.show()
	for !ph.call.Done() {
		key, ok, err := h.ReadKey(ph.call.Timeout())
		if err != nil {
			// Ctrl-C (or the terminal gone): the caller hangs up, and the
			// command stops as Read-Host does, without an error record.
			_ = ph.step(func(w storage.Writer) error { return ph.call.HangUp(w) })
			ph.show()
			return engine.ErrPipelineStopped
		}
		quit, err := ph.key(key, ok)
		if err != nil {
			return teams.UserFail(c, err)
		}
		ph.show()
		if quit {
			break
		}
	}
	return c.WriteObject(dialInCallObject(ph.call))
}

// key handles one key read (ok=false: the prompt timed out); quit is true
// for Q, which leaves the call connected.
func (ph *phone) key(key rune, ok bool) (quit bool, err error) {
	switch {
	case !ok || key == '\r' || key == ' ':
		return false, ph.step(func(w storage.Writer) error {
			if ph.call.Timeout() > 0 {
				return ph.call.Silence(w)
			}
			return ph.call.Refresh(w)
		})
	case key == 'h' || key == 'H':
		return false, ph.step(func(w storage.Writer) error { return ph.call.HangUp(w) })
	case key == 'q' || key == 'Q':
		return true, ph.step(func(w storage.Writer) error {
			if ph.call.Waiting() != "" {
				// Not in a lobby or a meeting yet: putting the phone
				// down ends the call.
				return ph.call.HangUp(w)
			}
			return ph.call.Refresh(w)
		})
	case key < 0x80 && dialin.IsTone(byte(key)):
		if ph.call.Waiting() != dialin.WaitPIN {
			ph.c.Host().Write(string(key)) // a PIN's keys are not echoed
			ph.echoed = true
		}
		return false, ph.step(func(w storage.Writer) error { return ph.call.Press(w, byte(key)) })
	}
	return false, nil // not a phone key
}

// step runs one change of the call and audits what it did.
func (ph *phone) step(fn func(w storage.Writer) error) error {
	return ph.t.Change(func(w storage.Writer, admin *storage.User) error {
		if err := fn(w); err != nil {
			return err
		}
		if ph.call == nil || len(ph.call.Audit) == ph.audited {
			return nil
		}
		changes := ph.call.Audit[ph.audited:]
		ph.audited = len(ph.call.Audit)
		return auditCall(ph.t, w, admin, ph.c, ph.call, changes)
	})
}

// show writes the transcript lines not shown yet; the caller's keys were
// echoed as they were pressed, so their lines are not repeated.
func (ph *phone) show() {
	h := ph.c.Host()
	lines := ph.call.Transcript[ph.shown:]
	ph.shown = len(ph.call.Transcript)
	for _, l := range lines {
		if l.Speaker == dialin.SpeakerCaller {
			continue
		}
		if ph.echoed {
			h.WriteLine("")
			ph.echoed = false
		}
		h.WriteLine(strings.TrimSpace(l.String()))
	}
}
