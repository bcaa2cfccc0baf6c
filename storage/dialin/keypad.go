package dialin

import (
	"github.com/csshell/csshell/storage"
)

// keypad handles a key pressed in the lobby or the meeting: * starts a
// command, the digits after it name one (Keypads); # or a second *
// cancels a command half typed. Keys in the lobby do nothing.
func (c *Call) keypad(w storage.Writer, key byte) error {
	m, me, err := c.refresh(w)
	if err != nil || me == nil {
		return err
	}
	if me.State != storage.CallInMeeting {
		c.hide()
		return nil
	}
	switch {
	case key == '*' || key == '#':
		if len(c.command) > 0 {
			c.hide() // a command left half typed
		}
		c.command = c.command[:0]
		if key == '*' {
			c.command = append(c.command, '*')
		}
		return nil
	case len(c.command) == 0:
		c.hide() // a digit outside a command
		return nil
	}
	c.command = append(c.command, key)
	keys := string(c.command[1:])
	if keys == "2" {
		return nil // *2 waits for its second digit
	}
	c.command = c.command[:0]
	if keypadOf(keys) != nil {
		c.keys = append(c.keys, "*"+keys...)
	} else {
		c.hide() // not a command: perhaps a PIN keyed too late
	}
	return c.run(w, m, me, keys)
}

// run performs one keypad command for the caller me in meeting m.
func (c *Call) run(w storage.Writer, m *storage.Meeting, me *storage.MeetingCall, keys string) error {
	cmd := keypadOf(keys)
	if cmd == nil {
		c.say(PromptUnknownCommand)
		return nil
	}
	if cmd.OrganizerOnly && me.Role != storage.RoleLeader {
		c.say(PromptOrganizerOnly)
		return nil
	}
	now := w.Now()
	switch keys {
	case "1":
		for _, k := range Keypads {
			if !k.OrganizerOnly || me.Role == storage.RoleLeader {
				c.say(k.Help)
			}
		}
		return nil
	case "5":
		me.HandRaised = !me.HandRaised
		c.say(map[bool]string{true: PromptHandRaised, false: PromptHandLowered}[me.HandRaised])
	case "6":
		me.Muted = !me.Muted
		c.say(map[bool]string{true: PromptMuted, false: PromptUnmuted}[me.Muted])
	case "21":
		admitted := Admit(m, now)
		if len(admitted) == 0 {
			c.say(PromptLobbyEmpty)
			return nil
		}
		c.say(PromptAdmittedAll)
		for _, a := range admitted {
			if err := c.announce(w, m, a, "joined"); err != nil {
				return err
			}
		}
	case "22":
		for _, p := range m.Calls {
			if p.Role != storage.RoleLeader {
				p.Muted = true
			}
		}
		c.say(PromptMutedAll)
	case "23":
		m.Announcements = !m.Announcements
		c.say(map[bool]string{true: PromptAnnounceOn, false: PromptAnnounceOff}[m.Announcements])
	}
	return Save(w, m)
}

// refresh reads the call's meeting and its place in it. A call no longer
// there — the meeting was stopped or ran out, the call was disconnected —
// is over: it ends, and refresh returns nil for it.
func (c *Call) refresh(w storage.Writer) (*storage.Meeting, *storage.MeetingCall, error) {
	organizer, err := w.User(c.OrganizerID)
	if err != nil {
		c.say(PromptMeetingEnded)
		c.finish(storage.CallEnded, "The organizer is no longer a user of the tenant.")
		return nil, nil, nil
	}
	m, ended, err := Load(w, organizer, w.Now())
	if err != nil {
		return nil, nil, err
	}
	if ended != nil {
		if err := Save(w, m); err != nil {
			return nil, nil, err
		}
	}
	for _, mc := range m.Calls {
		if mc.CallID == c.ID {
			if c.State == storage.CallLobby && mc.State == storage.CallInMeeting {
				c.say(PromptAdmitted)
			}
			c.State = mc.State
			return m, mc, nil
		}
	}
	c.say(PromptMeetingEnded)
	reason := "The call was disconnected."
	if ended != nil {
		reason = "The meeting reached its length limit and ended."
	}
	c.finish(storage.CallEnded, reason)
	return nil, nil, nil
}

// Refresh brings the call up to date with its meeting (admitted from the
// lobby, disconnected, the meeting ended) without a key: the interactive
// phone calls it before each key it waits for.
func (c *Call) Refresh(w storage.Writer) error {
	if c.phase != phaseConnected {
		return nil
	}
	_, _, err := c.refresh(w)
	return err
}

// keypadOf returns the command keys name, nil for none.
func keypadOf(keys string) *Keypad {
	for i := range Keypads {
		if Keypads[i].Keys == keys {
			return &Keypads[i]
		}
	}
	return nil
}
