package dialin

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// CallConnecting is a call's state while the attendant is still asking
// (conference ID, organizer question, PIN); the other states are
// storage's (CallLobby, CallInMeeting, CallRejected, CallEnded).
const CallConnecting = "Connecting"

// phase is what the attendant waits for.
type phase int

const (
	phaseID        phase = iota // a conference ID and #
	phaseLeader                 // * if the caller is the organizer
	phasePIN                    // a PIN and #
	phaseConnected              // in the lobby or the meeting: keys are commands
	phaseDone                   // rejected or ended
)

// Transcript speakers.
const (
	SpeakerAttendant = "Attendant" // the conferencing auto attendant
	SpeakerCaller    = "Caller"    // the keys the caller pressed
	SpeakerMeeting   = "Meeting"   // what the meeting heard (announcements)
)

// Line is one line of a call's transcript.
type Line struct {
	Speaker string
	Text    string
}

func (l Line) String() string { return l.Speaker + ": " + l.Text }

// Call is one phone call to a service number, driven key by key. Each
// method runs inside one transaction of the tenant (its storage.Writer);
// the call's own progress between keys is kept here, in memory, and
// its place in a meeting in the meeting's record.
type Call struct {
	ID           uint64
	Number       string // the number dialled, stored form (E.164 digits)
	CallerID     string
	Language     string // the number's primary language
	ConferenceID string
	OrganizerID  string
	Organizer    string // the organizer's UPN
	Role         string // storage.RoleLeader or RoleAttendee, once known
	State        string // CallConnecting, or a storage call state
	Reason       string // why a call was rejected or ended
	Transcript   []Line
	// Audit is what the call did that the audit log records: its PIN
	// checks and lockouts (never the digits), how it ended.
	Audit []storage.Change

	phase    phase
	bridgeID string
	tollFree bool
	entry    []byte // keys since the prompt; a PIN's only until its #
	tries    int
	command  []byte // in-meeting command keys after *
	keys     []byte // keys heard since the attendant last spoke
	secret   bool   // keys holds PIN digits: the transcript shows the mask
	refusal  string // why the attendant last refused an entry
}

// Dial places a call from callerID to a service number and plays the
// greeting and the conference-ID prompt; a number that is not a service
// number on a bridge rejects the call at once.
func Dial(w storage.Writer, number, callerID string) (*Call, error) {
	id, err := w.NextCallID()
	if err != nil {
		return nil, err
	}
	c := &Call{ID: id, Number: storage.NormalizeNumber(number), CallerID: callerID, State: CallConnecting}
	n, err := w.ServiceNumber(c.Number)
	if errors.Is(err, storage.ErrNotFound) || err == nil && n.BridgeID == "" {
		c.say(PromptNotInService)
		c.finish(storage.CallRejected, fmt.Sprintf("+%s is not a service number on one of the tenant's bridges.", c.Number))
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	c.bridgeID, c.tollFree, c.Language = n.BridgeID, n.Type == storage.NumberTollFree, n.PrimaryLanguage
	c.say(PromptGreeting)
	c.say(PromptConferenceID)
	return c, nil
}

// Done reports whether the call is over (rejected or ended).
func (c *Call) Done() bool { return c.phase == phaseDone }

// Timeout is how long the attendant waits for a key before it takes
// silence for an answer; 0 when it does not (in the lobby or the meeting,
// or after the call).
func (c *Call) Timeout() time.Duration {
	switch c.phase {
	case phaseID, phasePIN:
		return EntryTimeout
	case phaseLeader:
		return LeaderTimeout
	}
	return 0
}

// Press is the caller pressing one key: 0-9, * or #. Other keys are not
// touch-tones and are ignored.
func (c *Call) Press(w storage.Writer, key byte) error {
	if c.phase == phaseDone || !IsTone(key) {
		return nil
	}
	switch c.phase {
	case phaseID, phasePIN:
		c.keys = append(c.keys, key)
	case phaseLeader:
		if IsDigit(key) {
			c.hide() // perhaps a PIN keyed without the *
		} else {
			c.keys = append(c.keys, key)
		}
	}
	switch c.phase {
	case phaseID, phasePIN:
		if key != '#' {
			if key != '*' && len(c.entry) < MaxEntryDigits {
				c.entry = append(c.entry, key)
			}
			return nil
		}
		entry := c.entry
		c.entry = nil
		if c.phase == phaseID {
			return c.submitID(w, string(entry))
		}
		err := c.submitPIN(w, string(entry))
		clear(entry)
		return err
	case phaseLeader:
		if key == '*' {
			c.flushKeys()
			c.phase, c.secret = phasePIN, true
			c.say(PromptPIN)
			return nil
		}
		return c.asAttendee(w)
	case phaseConnected:
		return c.keypad(w, key)
	}
	return nil
}

// Silence is the caller letting the prompt time out: at an entry prompt
// it is a failed attempt (a PIN not given is not a wrong PIN: it does not
// count toward the lockout); at the organizer question the caller is an
// attendee.
func (c *Call) Silence(w storage.Writer) error {
	switch c.phase {
	case phaseID, phasePIN:
		clear(c.entry)
		c.entry = nil
		c.tries++
		what, prompt := "conference ID", PromptConferenceID
		if c.phase == phasePIN {
			what, prompt = "PIN", PromptPIN
		}
		if c.tries >= MaxAttempts(c.phase) {
			c.say(PromptTooManyTries)
			c.finish(storage.CallEnded, fmt.Sprintf("No %s was entered after %d prompts.", what, c.tries))
			return nil
		}
		c.say(prompt)
	case phaseLeader:
		return c.asAttendee(w)
	}
	return nil
}

// MaxAttempts is how many entries the attendant takes at a prompt.
func MaxAttempts(p phase) int {
	if p == phasePIN {
		return MaxPINAttempts
	}
	return MaxIDAttempts
}

// IsTone reports whether key is a touch-tone: 0-9, * or #.
func IsTone(key byte) bool { return IsDigit(key) || key == '*' || key == '#' }

// IsDigit reports whether key is 0-9.
func IsDigit(key byte) bool { return '0' <= key && key <= '9' }

// hide records keys the transcript must not show (they may be a PIN
// keyed at the wrong moment): the mask, once for a run of them.
func (c *Call) hide() {
	if !strings.HasSuffix(string(c.keys), secret.Mask) {
		c.keys = append(c.keys, secret.Mask...)
	}
}

// HangUp ends the call: a caller in the lobby or the meeting leaves it.
func (c *Call) HangUp(w storage.Writer) error {
	if c.phase == phaseDone {
		return nil
	}
	c.flushKeys()
	if c.phase == phaseConnected {
		if err := c.leave(w); err != nil {
			return err
		}
	}
	c.finish(storage.CallEnded, "The caller hung up.")
	return nil
}

// leave takes the call out of its meeting, announcing it.
func (c *Call) leave(w storage.Writer) error {
	organizer, err := w.User(c.OrganizerID)
	if err != nil {
		return err
	}
	m, _, err := Load(w, organizer, w.Now())
	if err != nil {
		return err
	}
	gone, ok := Leave(m, c.ID, w.Now())
	if !ok {
		return nil
	}
	if gone.State == storage.CallInMeeting {
		if err := c.announce(w, m, gone, "left"); err != nil {
			return err
		}
	}
	return Save(w, m)
}

// Flush writes the keys heard since the attendant last spoke into the
// transcript (a scripted call's last keys).
func (c *Call) Flush() { c.flushKeys() }

// say is the attendant speaking; the keys heard before it go first.
func (c *Call) say(text string) {
	c.flushKeys()
	c.Transcript = append(c.Transcript, Line{SpeakerAttendant, text})
}

// flushKeys writes the keys heard since the last prompt as one line: a
// PIN's digits as the mask, whatever their number. In the lobby and the
// meeting only whole commands are shown (keypad.go).
func (c *Call) flushKeys() {
	if len(c.keys) == 0 {
		return
	}
	text := string(c.keys)
	if c.secret {
		text = secret.Mask
		if c.keys[len(c.keys)-1] == '#' {
			text += "#"
		}
		clear(c.keys)
	}
	c.Transcript = append(c.Transcript, Line{SpeakerCaller, text})
	c.keys, c.secret = c.keys[:0], c.phase == phasePIN
}

// finish ends the call in a final state.
func (c *Call) finish(state, reason string) {
	c.flushKeys()
	c.phase, c.State, c.Reason = phaseDone, state, reason
	clear(c.entry)
	c.entry = nil
	c.Audit = append(c.Audit, storage.Change{Property: "CallState", New: state})
}

// submitID checks an entered conference ID.
func (c *Call) submitID(w storage.Writer, id string) error {
	c.tries++
	organizer, reason, final, err := c.findOrganizer(w, id)
	if err != nil {
		return err
	}
	if reason == reasonUnknownID || reason == reasonNotAnID {
		// No conference ID the tenant ever gave: perhaps a PIN keyed at
		// the wrong prompt, so it is shown only as the mask.
		c.keys = append(c.keys[:0], secret.Mask+"#"...)
		reason = fmt.Sprintf(reason, c.bridgeName(w, c.bridgeID))
	}
	if organizer == nil {
		if final {
			c.say(PromptNoTollFree)
			c.finish(storage.CallRejected, reason)
			return nil
		}
		c.refusal = reason
		c.say(PromptBadConferenceID)
		if c.tries >= MaxIDAttempts {
			c.say(PromptTooManyTries)
			c.finish(storage.CallRejected, fmt.Sprintf("The conference ID was refused %d times; the last: %s", c.tries, reason))
			return nil
		}
		c.say(PromptConferenceID)
		return nil
	}
	c.tries = 0
	c.ConferenceID, c.OrganizerID, c.Organizer = id, organizer.ID, organizer.UserPrincipalName
	m, _, err := Load(w, organizer, w.Now())
	if err != nil {
		return err
	}
	anonymous, err := AnonymousStart(w, organizer)
	if err != nil {
		return err
	}
	if m.State == storage.MeetingStarted || anonymous {
		return c.asAttendee(w)
	}
	c.phase = phaseLeader
	c.say(PromptLeaderQuestion)
	return nil
}

// findOrganizer returns the organizer whose meeting a conference ID on
// this call's bridge reaches; nil with the reason when none does (final
// when asking again cannot help).
func (c *Call) findOrganizer(w storage.Writer, id string) (*storage.User, string, bool, error) {
	if len(id) != 7 || strings.Trim(id, "0123456789") != "" {
		return nil, reasonNotAnID, false, nil
	}
	userID, ok, err := w.ConferenceIDOwner(c.bridgeID, id)
	if err != nil {
		return nil, "", false, err
	}
	if ok {
		u, err := w.User(userID)
		if err != nil {
			return nil, "", false, err
		}
		if c.tollFree && !u.Conferencing.AllowTollFreeDialIn {
			return nil, fmt.Sprintf("%s's meetings cannot be joined on the toll-free number +%s (AllowTollFreeDialIn is False).",
				u.UserPrincipalName, c.Number), true, nil
		}
		if c.tollFree {
			// The organizer's audio conferencing policy decides too
			// (cmdlets.md rule 45).
			p, err := storage.EffectiveAudioConferencingPolicy(w, u)
			if err != nil {
				return nil, "", false, err
			}
			if !p.AllowTollFreeDialin {
				return nil, fmt.Sprintf("%s's meetings cannot be joined on the toll-free number +%s (the audio conferencing policy %s has AllowTollFreeDialin False).",
					u.UserPrincipalName, c.Number, p.Identity), true, nil
			}
		}
		return u, "", false, nil
	}
	reason, err := c.whyNoOwner(w, id)
	return nil, reason, false, err
}

// whyNoOwner explains a conference ID nobody holds on this call's bridge:
// held on another bridge, released (the audit log says by what), or
// never given.
func (c *Call) whyNoOwner(w storage.Writer, id string) (string, error) {
	here := c.bridgeName(w, c.bridgeID)
	bridges, err := w.Bridges()
	if err != nil {
		return "", err
	}
	for _, b := range bridges {
		if strings.EqualFold(b.ID, c.bridgeID) {
			continue
		}
		if userID, ok, err := w.ConferenceIDOwner(b.ID, id); err != nil {
			return "", err
		} else if ok {
			owner := userID
			if u, err := w.User(userID); err == nil {
				owner = u.UserPrincipalName
			}
			return fmt.Sprintf("Conference ID %s belongs to %s on the bridge '%s'; +%s is a number of the bridge '%s'.",
				id, owner, b.Name, c.Number, here), nil
		}
	}
	last, err := w.Audit(1, func(a *storage.AuditRecord) bool {
		for _, ch := range a.Changes {
			if ch.Property == "ConferenceId" && ch.Old == id {
				return true
			}
		}
		return false
	})
	if err != nil {
		return "", err
	}
	if len(last) == 1 {
		a := last[0]
		return fmt.Sprintf("Conference ID %s is no longer in service: %s took it from %s on %s.",
			id, a.Cmdlet, a.Target, a.Time.UTC().Format(time.RFC3339)), nil
	}
	return reasonUnknownID, nil
}

// The reasons for an entry that is no conference ID the tenant gave; they
// do not repeat the entry, and take the bridge's name.
const (
	reasonNotAnID   = "The entry is not a conference ID (7 digits) on the bridge '%s'."
	reasonUnknownID = "No organizer has the conference ID entered on the bridge '%s'."
)

// bridgeName names a bridge for a reason.
func (c *Call) bridgeName(r storage.Reader, id string) string {
	if b, err := r.Bridge(id); err == nil {
		return b.Name
	}
	return id
}

// submitPIN checks an entered leader PIN.
func (c *Call) submitPIN(w storage.Writer, pin string) error {
	organizer, err := w.User(c.OrganizerID)
	if err != nil {
		return err
	}
	check, err := CheckLeaderPIN(w, organizer, pin)
	if err != nil {
		return err
	}
	c.Audit = append(c.Audit, check.Changes...)
	c.tries++
	switch {
	case check.Refused || check.Lock != storage.PINUnlocked:
		c.say(PromptPINLocked)
		c.finish(storage.CallRejected, fmt.Sprintf("The leader PIN of %s is locked: %s.", organizer.UserPrincipalName,
			strings.TrimPrefix(LockText(check.Lock, check.Until), "True ")))
		return nil
	case !check.OK:
		c.refusal = "A wrong leader PIN was entered for " + organizer.UserPrincipalName + "."
		c.say(PromptBadPIN)
		if c.tries >= MaxPINAttempts {
			c.say(PromptTooManyTries)
			c.finish(storage.CallRejected, fmt.Sprintf("A wrong leader PIN was entered %d times.", c.tries))
			return nil
		}
		c.say(PromptPIN)
		return nil
	}
	return c.asLeader(w, organizer)
}

// asLeader joins the organizer who gave the PIN: the meeting starts.
func (c *Call) asLeader(w storage.Writer, organizer *storage.User) error {
	now := w.Now()
	m, _, err := Load(w, organizer, now)
	if err != nil {
		return err
	}
	if c.full(m) {
		return nil
	}
	c.tries, c.Role, c.phase = 0, storage.RoleLeader, phaseConnected
	c.say(PromptLeaderJoined)
	mc := c.meetingCall(now)
	mc.UserPrincipalName = organizer.UserPrincipalName
	mc.State = storage.CallInMeeting
	m.Calls = append(m.Calls, mc)
	m.PINUsed, m.AuthenticatedLeft = true, time.Time{}
	var admitted []*storage.MeetingCall
	if m.State != storage.MeetingStarted {
		if admitted, err = start(w, m, organizer, organizer.UserPrincipalName+" (leader PIN)", true, now); err != nil {
			return err
		}
	} else {
		m.Changed = now
		// An authenticated user joins: phone callers may bypass the
		// lobby now, if the policy lets them (policy.go).
		bypass, err := PSTNBypass(w, organizer)
		if err != nil {
			return err
		}
		if bypass {
			admitted = Admit(m, now)
		}
	}
	c.State = storage.CallInMeeting
	c.Audit = append(c.Audit, storage.Change{Property: "CallState", New: c.State + " (leader)"})
	if err := c.announce(w, m, mc, "joined"); err != nil {
		return err
	}
	for _, a := range admitted {
		if err := c.announce(w, m, a, "joined"); err != nil {
			return err
		}
	}
	if len(Lobby(m)) > 0 {
		c.say(PromptLobbyWaiting)
	}
	return Save(w, m)
}

// asAttendee joins an anonymous caller: the name first when the tenant
// records names, then the meeting if it has started (or the organizer
// lets anonymous callers start it), else the lobby.
func (c *Call) asAttendee(w storage.Writer) error {
	organizer, err := w.User(c.OrganizerID)
	if err != nil {
		return err
	}
	settings, err := w.Settings()
	if err != nil {
		return err
	}
	now := w.Now()
	m, _, err := Load(w, organizer, now)
	if err != nil {
		return err
	}
	if c.full(m) {
		return nil
	}
	c.tries, c.Role, c.phase = 0, storage.RoleAttendee, phaseConnected
	mc := c.meetingCall(now)
	if settings.EnableNameRecording && settings.EntryExitAnnouncementsType != "ToneOnly" {
		c.say(PromptRecordName)
		c.say(PromptNameRecorded)
		mc.NameRecorded = true
	}
	m.Calls = append(m.Calls, mc)
	anonymous, err := AnonymousStart(w, organizer)
	if err != nil {
		return err
	}
	var admitted []*storage.MeetingCall
	switch {
	case m.State == storage.MeetingStarted:
		m.Changed = now
	case anonymous:
		if admitted, err = start(w, m, organizer, c.callerName()+" (anonymous caller)", false, now); err != nil {
			return err
		}
	default:
		mc.State = storage.CallLobby
		c.State = storage.CallLobby
		c.Audit = append(c.Audit, storage.Change{Property: "CallState", New: c.State})
		c.say(PromptLobby)
		c.say(PromptMusic)
		return Save(w, m)
	}
	mc.State, c.State = storage.CallInMeeting, storage.CallInMeeting
	c.Audit = append(c.Audit, storage.Change{Property: "CallState", New: c.State})
	c.say(PromptJoining)
	for _, a := range append([]*storage.MeetingCall{mc}, admitted...) {
		if err := c.announce(w, m, a, "joined"); err != nil {
			return err
		}
	}
	return Save(w, m)
}

// full refuses the call when the meeting holds MaxMeetingCalls people.
func (c *Call) full(m *storage.Meeting) bool {
	if len(m.Calls) < MaxMeetingCalls {
		return false
	}
	c.say(PromptMeetingFull)
	c.finish(storage.CallRejected, fmt.Sprintf("The meeting is full: it holds %d people, the most a Teams meeting takes.", MaxMeetingCalls))
	return true
}

// meetingCall is this call's entry in a meeting.
func (c *Call) meetingCall(now time.Time) *storage.MeetingCall {
	return &storage.MeetingCall{CallID: c.ID, Via: storage.ViaPhone, Number: c.Number, CallerID: c.CallerID,
		Role: c.Role, State: storage.CallLobby, Joined: now}
}

// callerName is how the meeting names an anonymous caller.
func (c *Call) callerName() string {
	if c.CallerID == "" {
		return "An unknown caller"
	}
	return c.CallerID
}

// announce adds what the meeting hears when someone joins or leaves —
// when announcements are on and someone else is in the meeting: the name
// (a display name, a recorded name, or the number) or a tone, as the
// tenant's EntryExitAnnouncementsType says.
func (c *Call) announce(r storage.Reader, m *storage.Meeting, who *storage.MeetingCall, verb string) error {
	if !m.Announcements {
		return nil
	}
	others := 0
	for _, p := range Participants(m) {
		if p.CallID != who.CallID {
			others++
		}
	}
	if others == 0 {
		return nil
	}
	settings, err := r.Settings()
	if err != nil {
		return err
	}
	if settings.EntryExitAnnouncementsType == "ToneOnly" {
		tone := "(entry tone)"
		if verb == "left" {
			tone = "(exit tone)"
		}
		c.Transcript = append(c.Transcript, Line{SpeakerMeeting, tone})
		return nil
	}
	c.Transcript = append(c.Transcript, Line{SpeakerMeeting, ParticipantName(r, who) + " has " + verb + " the meeting."})
	return nil
}

// ParticipantName is how announcements and rosters name a participant:
// a signed-in user's display name, an anonymous caller's recorded name,
// or their number.
func ParticipantName(r storage.Reader, p *storage.MeetingCall) string {
	if p.UserPrincipalName != "" {
		if us, err := r.FindUsers(p.UserPrincipalName); err == nil && len(us) == 1 {
			return us[0].DisplayName
		}
		return p.UserPrincipalName
	}
	name := p.CallerID
	if name == "" {
		name = "an unknown caller"
	}
	if p.NameRecorded {
		return "[the name recorded by " + name + "]"
	}
	return name
}

// What the attendant waits for (Waiting).
const (
	WaitConferenceID = "ConferenceId"
	WaitLeader       = "Leader"
	WaitPIN          = "PIN"
)

// Waiting returns what the attendant waits for: WaitConferenceID,
// WaitLeader or WaitPIN; "" in the lobby, the meeting, or after the call.
func (c *Call) Waiting() string {
	switch c.phase {
	case phaseID:
		return WaitConferenceID
	case phaseLeader:
		return WaitLeader
	case phasePIN:
		return WaitPIN
	}
	return ""
}

// GiveUp is the caller hanging up after the attendant refused what they
// entered: the call is rejected, for that refusal's reason.
func (c *Call) GiveUp() {
	if c.phase == phaseDone {
		return
	}
	reason := c.refusal
	if reason == "" {
		reason = "The caller hung up before joining."
	}
	c.finish(storage.CallRejected, reason)
}

// Refuse rejects a call for a reason found before any key (the emulator
// was asked to call an organizer who has no meeting to reach).
func (c *Call) Refuse(reason string) {
	if c.phase != phaseDone {
		c.say(PromptGoodbye)
		c.finish(storage.CallRejected, reason)
	}
}
