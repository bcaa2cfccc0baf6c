package dialin

import "time"

// The attendant's limits. No public source gives the online service's
// numbers (dialin-admin-center.md §4, open points 2 and 3); these are
// csshell's, stated in the README.
const (
	// MaxIDAttempts is how many conference IDs a caller may try before
	// the call is rejected.
	MaxIDAttempts = 3
	// MaxPINAttempts is how many leader PINs a caller may try in one call
	// before it is rejected (each wrong one also counts toward the lockout).
	MaxPINAttempts = 3
	// MaxEntryDigits is the longest entry the attendant collects before #
	// (a conference ID has 7 digits, a PIN at most 12).
	MaxEntryDigits = 16
	// EntryTimeout is how long the attendant waits for keys at an entry
	// prompt before it counts a silent attempt (the interactive phone).
	EntryTimeout = 10 * time.Second
	// MaxMeetingCalls is how many people a meeting holds, its lobby
	// included: Teams' limit of 1000 people in a meeting (limits and
	// specifications for Microsoft Teams). A caller beyond it is refused.
	MaxMeetingCalls = 1000
	// LeaderTimeout is how long "press * if you are the organizer" waits
	// before the caller is taken to be an attendee.
	LeaderTimeout = 5 * time.Second
)

// The meeting length limits (T-FAQ-new): a meeting ends when its list of
// participants has not changed for 24 hours; one joined only by phone
// ends 24 hours after it started when someone used the PIN, 4 hours after
// it started when anonymous callers may start meetings and nobody used
// the PIN, and 90 minutes after the last authenticated participant left
// otherwise.
const (
	IdleLimit               = 24 * time.Hour
	PhoneOnlyWithPINLimit   = 24 * time.Hour
	PhoneOnlyAnonymousLimit = 4 * time.Hour
	AfterAuthenticatedLeft  = 90 * time.Minute
)
