package emulator

import (
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// The type names of the caller's-side objects.
const (
	dialInCallType         = "csshell.TenantDialInCall"
	meetingType            = "csshell.TenantMeeting"
	meetingParticipantType = "csshell.TenantMeetingParticipant"
)

// registerDialInFormats adds the default views of the caller's-side
// objects.
func registerDialInFormats(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: dialInCallType, Kind: format.TableView, Columns: []format.Column{
		{Property: "CallId", Align: format.AlignRight}, {Property: "ConferenceId"}, {Property: "Organizer"},
		{Property: "Role"}, {Property: "State"}, {Property: "Reason"}}})
	rt.Formats.Register(format.View{TypeName: meetingType, Kind: format.TableView, Columns: []format.Column{
		{Property: "ConferenceId"}, {Property: "Organizer"}, {Property: "State"}, {Property: "StartedBy"},
		{Label: "InMeeting", Property: "ParticipantCount", Align: format.AlignRight},
		{Label: "InLobby", Property: "LobbyCount", Align: format.AlignRight}}})
	rt.Formats.Register(format.View{TypeName: meetingParticipantType, Kind: format.TableView, Columns: []format.Column{
		{Property: "CallId", Align: format.AlignRight}, {Property: "Name"}, {Property: "Via"}, {Property: "Role"},
		{Property: "State"}, {Property: "Muted"}, {Property: "HandRaised"}}})
}

// dialInCallObject is the object Invoke-TenantDialIn returns: the call
// and its transcript (prompts played, keys heard — a PIN's as the mask).
func dialInCallObject(c *dialin.Call) *value.Object {
	o := value.NewObject(dialInCallType, "System.Management.Automation.PSCustomObject", "System.Object")
	o.Set("CallId", int(c.ID))
	o.Set("Number", "+"+c.Number)
	o.Set("CallerId", teams.NullIfEmpty(c.CallerID))
	o.Set("Language", teams.NullIfEmpty(c.Language))
	o.Set("ConferenceId", teams.NullIfEmpty(c.ConferenceID))
	o.Set("Organizer", teams.NullIfEmpty(c.Organizer))
	o.Set("Role", teams.NullIfEmpty(c.Role))
	o.Set("State", c.State)
	o.Set("Reason", teams.NullIfEmpty(c.Reason))
	lines := make([]string, len(c.Transcript))
	for i, l := range c.Transcript {
		lines[i] = l.String()
	}
	o.Set("Transcript", teams.StringArray(lines))
	return o
}

// meetingObject is the object Get-TenantMeeting returns: the meeting,
// who is in it and who waits in its lobby.
func meetingObject(r storage.Reader, organizer *storage.User, m *storage.Meeting) *value.Object {
	o := value.NewObject(meetingType, "System.Management.Automation.PSCustomObject", "System.Object")
	var confID any
	if cf := organizer.Conferencing; cf != nil {
		confID = cf.ConferenceID
	}
	o.Set("ConferenceId", confID)
	o.Set("Organizer", organizer.UserPrincipalName)
	o.Set("State", m.State)
	o.Set("StartedBy", teams.NullIfEmpty(m.StartedBy))
	var started any
	if !m.StartedAt.IsZero() {
		started = m.StartedAt
	}
	o.Set("StartedAt", started)
	o.Set("Announcements", m.State == storage.MeetingStarted && m.Announcements)
	in, lobby := dialin.Participants(m), dialin.Lobby(m)
	o.Set("Participants", participantObjects(r, in))
	o.Set("Lobby", participantObjects(r, lobby))
	o.Set("ParticipantCount", len(in))
	o.Set("LobbyCount", len(lobby))
	return o
}

// participantObjects are the roster entries of calls.
func participantObjects(r storage.Reader, calls []*storage.MeetingCall) []any {
	out := make([]any, 0, len(calls))
	for _, mc := range calls {
		o := value.NewObject(meetingParticipantType, "System.Management.Automation.PSCustomObject", "System.Object")
		o.Set("CallId", int(mc.CallID))
		o.Set("Name", dialin.ParticipantName(r, mc))
		o.Set("Via", mc.Via)
		var number any
		if mc.Number != "" {
			number = "+" + mc.Number
		}
		o.Set("Number", number)
		o.Set("CallerId", teams.NullIfEmpty(mc.CallerID))
		o.Set("UserPrincipalName", teams.NullIfEmpty(mc.UserPrincipalName))
		o.Set("Role", mc.Role)
		o.Set("State", mc.State)
		o.Set("Muted", mc.Muted)
		o.Set("HandRaised", mc.HandRaised)
		o.Set("Joined", mc.Joined)
		out = append(out, o)
	}
	return out
}
