// Package storage is the tenant model — its directory users, their
// audio-conferencing state, bridges, service numbers, settings, dial-out
// policies, mail outbox and audit log — and the contract of the store that
// keeps it: the Store, Reader and Writer interfaces, the key codec
// (keys.go), the demo tenant, and the operations built on the interfaces
// (resets, synthetic users, snapshots' file format). It imports no other
// package of the project, and no database: the Badger implementation is
// storage/badgerstore, and the program's wiring chooses it.
//
// Every change runs in one transaction that is synced to disk before
// Update returns, so nothing a caller has shown is ever lost. Leader PINs
// are never stored in clear: only a keyed hash (HMAC-SHA256 with a
// per-tenant secret kept outside the database, and a per-user salt).
package storage

import "time"

// Tenant is the organisation: its id, name and domains.
type Tenant struct {
	ID            string   // GUID
	Name          string   // e.g. "Contoso"
	Domains       []string // e.g. contoso.com, contoso.onmicrosoft.com
	DefaultDomain string
	// ConferencingStatus is "Enabled" or "Disabled" (PSTN conferencing
	// service status, Get-CsOnlineDialinConferencingTenantConfiguration).
	ConferencingStatus string
}

// ProviderMicrosoft is the audio-conferencing provider name of users
// conferencing through Microsoft.
const ProviderMicrosoft = "Microsoft"

// User is a directory user of the tenant.
type User struct {
	ID                 string // object id (GUID); what Get-* return as Identity
	UserPrincipalName  string
	DisplayName        string
	SipAddress         string // "sip:alias@domain"
	PrimarySmtpAddress string
	HasMailbox         bool
	UsageLocation      string // ISO country code, e.g. "US", "GB"
	City               string
	Department         string
	Roles              []string
	// The directory attributes Get-CsOnlineUser shows besides the above
	// (optional: older records decode with ""): given name and surname,
	// job title, company, country or region as a name ("United States"),
	// state or province, postal code, street address and preferred
	// language ("en-US").
	GivenName         string `json:",omitempty"`
	Surname           string `json:",omitempty"`
	Title             string `json:",omitempty"`
	Company           string `json:",omitempty"`
	Country           string `json:",omitempty"`
	StateOrProvince   string `json:",omitempty"`
	PostalCode        string `json:",omitempty"`
	StreetAddress     string `json:",omitempty"`
	PreferredLanguage string `json:",omitempty"`
	// ACP is the dial-in of a third-party audio conferencing provider
	// (acp.go), the zero value when the user has none on record.
	ACP ACPDialIn `json:",omitzero"`
	// AudioConferencingLicense is true when the user holds an
	// audio-conferencing licence.
	AudioConferencingLicense bool
	// Provider is the audio-conferencing provider: ProviderMicrosoft, a
	// third party's name (e.g. "Intercall"), or "" for none.
	Provider string
	// PasswordHash is set when the account has a password (New-TenantUser
	// -Password); demo accounts have none.
	PasswordHash []byte
	PasswordSalt []byte
	// DialOutPolicy is the per-user dial-out policy name, "" for Global.
	DialOutPolicy string
	// AudioConferencingPolicy is the name (without "Tag:") of the Teams
	// audio conferencing policy assigned to the user, "" for the tenant
	// default; it always names a policy the tenant has.
	AudioConferencingPolicy string `json:",omitempty"`
	// MeetingPolicy is the name (without "Tag:") of the Teams meeting
	// policy assigned to the user, "" for the tenant default; it always
	// names a policy the tenant has.
	MeetingPolicy string `json:",omitempty"`
	// PhoneNumber is the user's primary phone number in stored form
	// (NormalizePhoneNumber: E.164 digits, then ";ext=" and digits for a
	// Direct Routing extension), "" for none; no other user holds it and
	// it is no service number. PhoneNumberType is its NumberType
	// (PhoneNumberDirectRouting, …) and PhoneLocationID its emergency
	// location (a GUID, "" for none).
	PhoneNumber     string `json:",omitempty"`
	PhoneNumberType string `json:",omitempty"`
	PhoneLocationID string `json:",omitempty"`
	// EnterpriseVoiceEnabled is Teams Phone's switch: set when a number
	// is assigned, cleared when it is removed, or set directly
	// (Set-CsPhoneNumberAssignment -EnterpriseVoiceEnabled).
	EnterpriseVoiceEnabled bool `json:",omitempty"`
	// Conferencing is the user's audio-conferencing state; nil when the user
	// is not enabled for audio conferencing.
	Conferencing *Conferencing
	Created      time.Time
	Modified     time.Time
}

// UserName is a user's object id and UPN as stored: what
// Reader.SearchUserNames finds without reading the user.
type UserName struct {
	ID                string
	UserPrincipalName string
}

// Conferencing is a user's audio-conferencing state.
type Conferencing struct {
	BridgeID              string
	ConferenceID          string // 7 digits, unique on its bridge
	ServiceNumber         string // default toll number, E.164 digits without '+'
	TollFreeServiceNumber string // default toll-free number, "" when none
	AllowPSTNOnlyMeetings bool
	AllowTollFreeDialIn   bool
	// PIN is the keyed hash of the leader PIN; the clear PIN is never kept.
	PIN PINHash
}

// PINHash is a leader PIN as stored: HMAC-SHA256(secret, salt || pin).
type PINHash struct {
	Salt   []byte
	Hash   []byte
	Length int       // digits, so a rehearsal can tell old-length PINs
	SetAt  time.Time // when it was generated
	// Lockout counts failed checks of this PIN (pinlockout.go); nil while
	// there are none. A new PIN starts without one.
	Lockout *PINLockout `json:",omitempty"`
}

// Bridge is an audio-conferencing bridge.
type Bridge struct {
	ID                   string // GUID
	Name                 string
	Region               string // e.g. "NOAM", "EMEA"
	IsDefault            bool   // the tenant's default bridge
	IsShared             bool
	DefaultServiceNumber string // a toll number on this bridge
}

// Service number types.
const (
	NumberToll     = "Toll"
	NumberTollFree = "TollFree"
)

// ServiceNumber is a dial-in number of a bridge.
type ServiceNumber struct {
	Number             string // E.164 digits without '+'
	BridgeID           string // "" when unassigned
	City               string
	PrimaryLanguage    string
	SecondaryLanguages []string
	Type               string // NumberToll or NumberTollFree
	IsShared           bool
}

// Settings are the tenant's dial-in conferencing settings (one instance,
// Identity "Global"). NewDefaultSettings gives the documented defaults.
type Settings struct {
	AllowedDialOutExternalDomains            []string
	EnableEntryExitNotifications             bool
	EntryExitAnnouncementsType               string // UseNames | ToneOnly
	EnableNameRecording                      bool
	IncludeTollFreeNumberInMeetingInvites    bool
	MaskPstnNumbersType                      string // MaskedForExternalUsers | MaskedForAllUsers | NoMasking
	PinLength                                int    // MinPinLength..MaxPinLength
	AllowPSTNOnlyMeetingsByDefault           bool
	AutomaticallySendEmailsToUsers           bool
	SendEmailFromOverride                    bool
	SendEmailFromAddress                     string
	SendEmailFromDisplayName                 string
	AutomaticallyReplaceAcpProvider          bool
	UseUniqueConferenceIds                   bool
	AutomaticallyMigrateUserMeetings         bool
	MigrateServiceNumbersOnCrossForestMove   bool
	EnableDialOutJoinConfirmation            bool
	AllowFederatedUsersToDialOutToSelf       string // No | Yes | RequireSameEnterpriseUser
	AllowFederatedUsersToDialOutToThirdParty string
	// GlobalDialOutPolicy is the policy granted tenant-wide
	// (Grant-CsDialoutPolicy -Global), "" for the built-in Global one.
	GlobalDialOutPolicy string
	// GlobalAudioConferencingPolicy is the audio conferencing policy
	// granted tenant-wide (Grant-CsTeamsAudioConferencingPolicy -Global),
	// its name without "Tag:"; "" for Global.
	GlobalAudioConferencingPolicy string `json:",omitempty"`
	// GlobalMeetingPolicy is the Teams meeting policy granted
	// tenant-wide (Grant-CsTeamsMeetingPolicy -Global), its name without
	// "Tag:"; "" for Global.
	GlobalMeetingPolicy string `json:",omitempty"`
}

// NewDefaultSettings returns the documented default settings.
func NewDefaultSettings() *Settings {
	return &Settings{
		AllowedDialOutExternalDomains:            []string{},
		EnableEntryExitNotifications:             true,
		EntryExitAnnouncementsType:               "UseNames",
		EnableNameRecording:                      true,
		MaskPstnNumbersType:                      "MaskedForExternalUsers",
		PinLength:                                DefaultPinLength,
		AutomaticallySendEmailsToUsers:           true,
		AutomaticallyReplaceAcpProvider:          true,
		UseUniqueConferenceIds:                   true,
		AutomaticallyMigrateUserMeetings:         true,
		MigrateServiceNumbersOnCrossForestMove:   true,
		AllowFederatedUsersToDialOutToSelf:       "RequireSameEnterpriseUser",
		AllowFederatedUsersToDialOutToThirdParty: "Yes",
	}
}

// DialOutPolicy is a predefined dial-out policy.
type DialOutPolicy struct {
	Identity                         string // "Global" or "Tag:DialoutCPC…"
	AllowPSTNConferencingDialOutType string
	AllowPSTNOutboundCallingType     string
}

// Mail kinds.
const (
	MailEnabled  = "Enabled"  // user enabled for audio conferencing (has the PIN)
	MailPINReset = "PINReset" // leader PIN reset (has the PIN)
	MailInfo     = "Info"     // conferencing information sent on request (never the PIN)
	MailDisabled = "Disabled" // user disabled
	MailChanged  = "Changed"  // conference ID or default number changed (no PIN)
)

// Mail is one message of the tenant's outbox.
type Mail struct {
	Seq             uint64 // assigned by AddMail, increasing
	To              string
	From            string
	FromDisplayName string
	Subject         string
	Body            string // may hold a PIN: mail is the one place it is sent
	Kind            string
	UserID          string
	Sent            time.Time
}

// Change is one changed property in an audit record (never a PIN).
type Change struct {
	Property string
	Old      string
	New      string
}

// AuditRecord is one change to the tenant.
type AuditRecord struct {
	Seq      uint64 // assigned by AddAudit, increasing
	Time     time.Time
	Account  string // UPN of the signed-in account
	Cmdlet   string
	Target   string // UPN, bridge name, "Global", …
	TargetID string
	Changes  []Change
}
