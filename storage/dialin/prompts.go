package dialin

// What the attendant says. The greeting, the ID and PIN prompts, the
// organizer question and the leader's welcome follow the only published
// wording (third-party knowledge-base articles, dialin-admin-center.md
// §1.1, 3a); Microsoft publishes none, so the rest is csshell's own,
// written plainly.
const (
	PromptGreeting        = "Welcome to the audio conferencing center."
	PromptConferenceID    = "Please enter your conference ID, followed by the pound key."
	PromptBadConferenceID = "That conference ID is not valid."
	PromptLeaderQuestion  = "If you are the meeting organizer, press star now."
	PromptPIN             = "Please enter your PIN, followed by the pound key."
	PromptBadPIN          = "That PIN is not valid."
	PromptPINLocked       = "Your PIN is locked after too many attempts. Please contact your administrator."
	PromptLeaderJoined    = "You are now joining the meeting as the leader."
	PromptRecordName      = "After the tone, please say your name."
	PromptNameRecorded    = "(name recorded)"
	PromptLobby           = "Please wait. The meeting will start when the organizer joins."
	PromptMusic           = "(music on hold)"
	PromptJoining         = "You are now joining the meeting."
	PromptAdmitted        = "You are now being admitted to the meeting."
	PromptTooManyTries    = "Sorry, that was too many attempts. Goodbye."
	PromptNotInService    = "The number you have dialed is not in service."
	PromptNoTollFree      = "This meeting cannot be joined on a toll-free number. Please call a toll number. Goodbye."
	PromptLobbyWaiting    = "Callers are waiting in the lobby. Press star 2 1 to admit them."
	PromptMeetingEnded    = "The meeting has ended. Goodbye."
	PromptGoodbye         = "Goodbye."
	PromptMeetingFull     = "Sorry, this meeting is full. Goodbye."
	PromptUnknownCommand  = "That command is not available."
	PromptOrganizerOnly   = "Only the organizer can use that command."
	PromptMuted           = "You are muted."
	PromptUnmuted         = "You are unmuted."
	PromptHandRaised      = "Your hand is raised."
	PromptHandLowered     = "Your hand is lowered."
	PromptAdmittedAll     = "Everyone in the lobby has been admitted."
	PromptLobbyEmpty      = "Nobody is waiting in the lobby."
	PromptMutedAll        = "Everyone except the organizer is muted."
	PromptAnnounceOn      = "Entry and exit announcements are on."
	PromptAnnounceOff     = "Entry and exit announcements are off."
)

// Keypad is one in-meeting command: its keys after *, who may use it and
// what *1 says of it (T-FAQ-new, the Teams list).
type Keypad struct {
	Keys          string
	OrganizerOnly bool
	Help          string
}

// Keypads are the in-meeting commands, in the order *1 lists them.
var Keypads = []Keypad{
	{Keys: "1", Help: "Press star 1 to hear these commands."},
	{Keys: "5", Help: "Press star 5 to raise or lower your hand."},
	{Keys: "6", Help: "Press star 6 to mute or unmute yourself."},
	{Keys: "21", OrganizerOnly: true, Help: "Press star 2 1 to admit everyone waiting in the lobby."},
	{Keys: "22", OrganizerOnly: true, Help: "Press star 2 2 to mute everyone except the organizer."},
	{Keys: "23", OrganizerOnly: true, Help: "Press star 2 3 to turn entry and exit announcements on or off."},
}
