package storage

import (
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
)

// Teams meeting policies (Get-/Set-/New-/Remove-/Grant-
// CsTeamsMeetingPolicy): what the meetings a user organizes allow —
// among them who waits in the lobby, and whether phone callers may bypass
// it or start the meeting (the dial-in simulation reads the organizer's
// effective policy, storage/dialin). The facts are in
// ../shared/reference/pester-teams-surface.md §2.8 and
// dialin-admin-center.md §1.2.
//
// A policy is its identity and its settings, one text value per setting
// of MeetingPolicySettings (the one table the cmdlets' parameters, output
// and checks are built from). The seven policies every tenant has —
// Global and the six presets — are built in, here and nowhere else, as
// the audio conferencing policies' automatic ones are: a stored record of
// one (Set-CsTeamsMeetingPolicy changed it) takes its place; a custom
// policy exists only as a stored record.

// MeetingSettingKind is how a setting's value is written.
type MeetingSettingKind int

// The kinds of setting.
const (
	SettingBool   MeetingSettingKind = iota // "True" or "False"
	SettingText                             // any text, "" for none
	SettingChoice                           // one of Choices, spelt as there
	SettingInt                              // a decimal integer in [Min, Max]
	SettingList                             // Choices joined by ",", "" for none
	SettingGUID                             // a lower-case GUID, "" for none
)

// MeetingPolicySetting is one setting of a Teams meeting policy.
type MeetingPolicySetting struct {
	Name     string
	Kind     MeetingSettingKind
	Type     string // the module's parameter type: Boolean, String, UInt32, Int32, List, Guid
	Choices  []string
	Min, Max int64
	// Default is the value of Global as the service ships it, and of a
	// new policy (New-CsTeamsMeetingPolicy: "all the default values for
	// a meeting policy except" the ones given).
	Default string
}

// Names of the settings code reads.
const (
	MeetingDescription                       = "Description"
	MeetingAllowPSTNUsersToBypassLobby       = "AllowPSTNUsersToBypassLobby"
	MeetingAllowAnonymousUsersToStartMeeting = "AllowAnonymousUsersToStartMeeting"
	MeetingAutoAdmittedUsers                 = "AutoAdmittedUsers"
)

// Choice lists shared by several settings.
var (
	enabledDisabled = []string{"Enabled", "Disabled"}
	userOverride    = []string{"DisabledUserOverride", "Disabled"}
	mediaMode       = []string{"EnabledOutgoingIncoming", "Disabled"}
)

func boolSetting(name string, def bool) MeetingPolicySetting {
	return MeetingPolicySetting{Name: name, Kind: SettingBool, Type: "Boolean", Default: BoolValue(def)}
}

// BoolValue is a boolean setting's stored form: "True" or "False".
func BoolValue(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func choiceSetting(name, def string, choices ...string) MeetingPolicySetting {
	return MeetingPolicySetting{Name: name, Kind: SettingChoice, Type: "String", Choices: choices, Default: def}
}

// MeetingPolicySettings are the settings of a Teams meeting policy in
// the order Get-CsTeamsMeetingPolicy lists them after Identity. The
// first 27 are the live order (pester-teams-surface.md §2.8, SHAPES, cut
// off after AutoRecording); the next 14 keep the order of a 2019 capture
// of the cmdlet's output (the Format-List in a public module's comment,
// whose first names agree with SHAPES); the rest, which neither source
// places, follow in name order. Defaults: the parameter pages' documented
// ones, else the Teams admin center's (Microsoft Learn "Meeting policy
// settings reference": anonymous join On, anonymous start Off, "Who can
// bypass the lobby" People in my org and guests = EveryoneInCompany,
// dial-in bypass Off), else the Global policy of a tenant exported by
// Microsoft365DSC; the few no source gives are csshell's (README).
var MeetingPolicySettings = []MeetingPolicySetting{
	{Name: MeetingDescription, Kind: SettingText, Type: "String"},
	boolSetting("AllowChannelMeetingScheduling", true),
	boolSetting("AllowMeetNow", true),
	boolSetting("AllowPrivateMeetNow", true),
	choiceSetting("MeetingChatEnabledType", "Enabled", "Enabled", "Disabled", "EnabledExceptAnonymous"),
	boolSetting("AllowExternalNonTrustedMeetingChat", true),
	boolSetting("CopyRestriction", true),
	choiceSetting("LiveCaptionsEnabledType", "DisabledUserOverride", userOverride...),
	choiceSetting("DesignatedPresenterRoleMode", "EveryoneUserOverride",
		"EveryoneUserOverride", "EveryoneInCompanyUserOverride", "EveryoneInSameAndFederatedCompanyUserOverride", "OrganizerOnlyUserOverride"),
	boolSetting("AllowIPAudio", true),
	boolSetting("AllowIPVideo", true),
	choiceSetting("AllowEngagementReport", "Enabled", "Enabled", "Disabled", "ForceEnabled"),
	boolSetting("AllowTrackingInReport", false),
	choiceSetting("IPAudioMode", "EnabledOutgoingIncoming", mediaMode...),
	choiceSetting("IPVideoMode", "EnabledOutgoingIncoming", mediaMode...),
	boolSetting("AllowAnonymousUsersToDialOut", false),
	boolSetting(MeetingAllowAnonymousUsersToStartMeeting, false),
	boolSetting("AllowAnonymousUsersToJoinMeeting", true),
	boolSetting("ConditionalAccessAttendeeVerification", true),
	{Name: "BlockedAnonymousJoinClientTypes", Kind: SettingList, Type: "List", Choices: []string{"ACS", "Teams"}},
	{Name: "AllowedStreamingMediaInput", Kind: SettingText, Type: "String"},
	choiceSetting("ExplicitRecordingConsent", "Disabled", "Enabled", "Disabled", "LegitimateInterest"),
	choiceSetting("PreventComplianceRecording", "None", "None", "All"),
	boolSetting("EnableRecordingAndTranscriptionCustomMessage", false),
	{Name: "RecordingAndTranscriptionCustomMessageIdentifier", Kind: SettingGUID, Type: "Guid"},
	boolSetting("AllowLocalRecording", false),
	choiceSetting("AutoRecording", "Disabled", enabledDisabled...),

	boolSetting("AllowPrivateMeetingScheduling", true),
	choiceSetting(MeetingAutoAdmittedUsers, "EveryoneInCompany", MeetingAutoAdmittedValues...),
	boolSetting("AllowCloudRecording", true),
	boolSetting("AllowOutlookAddIn", true),
	boolSetting("AllowPowerPointSharing", true),
	boolSetting("AllowParticipantGiveRequestControl", true),
	boolSetting("AllowExternalParticipantGiveRequestControl", false),
	boolSetting("AllowSharedNotes", true),
	boolSetting("AllowWhiteboard", true),
	boolSetting("AllowTranscription", false),
	{Name: "MediaBitRateKb", Kind: SettingInt, Type: "UInt32", Min: 0, Max: 4294967295, Default: "50000"},
	choiceSetting("ScreenSharingMode", "EntireScreen", "SingleApplication", "EntireScreen", "Disabled"),
	boolSetting(MeetingAllowPSTNUsersToBypassLobby, false),
	boolSetting("AllowOrganizersToOverrideLobbySettings", false),

	boolSetting("AllowAnnotations", true),
	boolSetting("AllowBreakoutRooms", true),
	choiceSetting("AllowCartCaptionsScheduling", "DisabledUserOverride", "EnabledUserOverride", "DisabledUserOverride", "Disabled"),
	{Name: "AllowDocumentCollaboration", Kind: SettingText, Type: "String", Default: "Enabled"},
	boolSetting("AllowMeetingCoach", true),
	boolSetting("AllowMeetingReactions", true),
	boolSetting("AllowMeetingRegistration", true),
	boolSetting("AllowNDIStreaming", false),
	boolSetting("AllowNetworkConfigurationSettingsLookup", false),
	boolSetting("AllowRecordingStorageOutsideRegion", false),
	boolSetting("AllowWatermarkForCameraVideo", false),
	boolSetting("AllowWatermarkForScreenSharing", false),
	choiceSetting("ChannelRecordingDownload", "Allow", "Allow", "Block"),
	choiceSetting("EnrollUserOverride", "Disabled", "Disabled", "Enabled"),
	{Name: "InfoShownInReportMode", Kind: SettingText, Type: "String", Default: "FullInformation"},
	choiceSetting("LiveInterpretationEnabledType", "DisabledUserOverride", userOverride...),
	choiceSetting("LiveStreamingMode", "Disabled", "Disabled", "Enabled"),
	{Name: "NewMeetingRecordingExpirationDays", Kind: SettingInt, Type: "Int32", Min: -1, Max: 99999, Default: "120"},
	choiceSetting("PreferredMeetingProviderForIslandsMode", "TeamsAndSfb", "TeamsAndSfb", "Teams"),
	choiceSetting("QnAEngagementMode", "Enabled", enabledDisabled...),
	choiceSetting("RoomPeopleNameUserOverride", "Off", "Off", "On"),
	choiceSetting("SpeakerAttributionMode", "EnabledUserOverride", "Enabled", "EnabledUserOverride", "DisabledUserOverride", "Disabled"),
	choiceSetting("StreamingAttendeeMode", "Enabled", "Disabled", "Enabled"),
	choiceSetting("TeamsCameraFarEndPTZMode", "Disabled", "Disabled", "AutoAcceptInTenant", "AutoAcceptAll"),
	choiceSetting("VideoFiltersMode", "AllFilters", "NoFilters", "BlurOnly", "BlurAndDefaultBackgrounds", "AllFilters"),
	choiceSetting("WhoCanRegister", "Everyone", "Everyone", "EveryoneInCompany"),
}

// MeetingAutoAdmittedValues are AutoAdmittedUsers' documented values
// (Set-CsTeamsMeetingPolicy): who joins the organizer's meetings without
// waiting in the lobby.
var MeetingAutoAdmittedValues = []string{"EveryoneInCompany", "EveryoneInSameAndFederatedCompany", "Everyone",
	"OrganizerOnly", "EveryoneInCompanyExcludingGuests", "InvitedUsers"}

// meetingSettingIndex finds a setting by name, case-insensitively.
var meetingSettingIndex = func() map[string]*MeetingPolicySetting {
	m := make(map[string]*MeetingPolicySetting, len(MeetingPolicySettings))
	for i := range MeetingPolicySettings {
		m[strings.ToLower(MeetingPolicySettings[i].Name)] = &MeetingPolicySettings[i]
	}
	return m
}()

// MeetingSetting returns the setting of that name (any case), or nil.
func MeetingSetting(name string) *MeetingPolicySetting {
	return meetingSettingIndex[strings.ToLower(name)]
}

// Normalize returns the stored form of a value of the setting, or why it
// is not one: a bool as "True"/"False", a choice spelt as in Choices, an
// integer in range, a list's choices joined by "," (duplicates dropped),
// a GUID in lower case.
func (s *MeetingPolicySetting) Normalize(v string) (string, error) {
	t := strings.TrimSpace(v)
	switch s.Kind {
	case SettingBool:
		switch strings.ToLower(t) {
		case "true":
			return "True", nil
		case "false":
			return "False", nil
		}
		return "", fmt.Errorf("%s takes $true or $false", s.Name)
	case SettingChoice:
		if c, ok := s.choice(t); ok {
			return c, nil
		}
		return "", fmt.Errorf("%s takes one of %s", s.Name, strings.Join(s.Choices, ", "))
	case SettingInt:
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil || n < s.Min || n > s.Max {
			return "", fmt.Errorf("%s takes a whole number from %d to %d", s.Name, s.Min, s.Max)
		}
		return strconv.FormatInt(n, 10), nil
	case SettingList:
		var out []string
		for _, item := range strings.Split(t, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				continue
			}
			c, ok := s.choice(item)
			if !ok {
				return "", fmt.Errorf("%s takes %s, or several separated by commas", s.Name, strings.Join(s.Choices, ", "))
			}
			if !containsFold(out, c) {
				out = append(out, c)
			}
		}
		return strings.Join(out, ","), nil
	case SettingGUID:
		if t == "" || t == "00000000-0000-0000-0000-000000000000" {
			return "", nil
		}
		if !IsGUID(t) {
			return "", fmt.Errorf("%s takes a GUID", s.Name)
		}
		return strings.ToLower(t), nil
	}
	if strings.ContainsRune(t, 0) {
		return "", fmt.Errorf("%s holds a NUL character", s.Name)
	}
	return v, nil
}

// choice finds v among the setting's choices, any case.
func (s *MeetingPolicySetting) choice(v string) (string, bool) {
	for _, c := range s.Choices {
		if strings.EqualFold(c, v) {
			return c, true
		}
	}
	return "", false
}

func containsFold(l []string, v string) bool {
	for _, s := range l {
		if strings.EqualFold(s, v) {
			return true
		}
	}
	return false
}

// MeetingPolicy is a Teams meeting policy.
type MeetingPolicy struct {
	// Identity is "Global" or "Tag:<Name>" (PolicyIdentity's form).
	Identity string
	// Settings maps a setting's name (as in MeetingPolicySettings) to its
	// stored value; a setting it lacks has its Default.
	Settings map[string]string `json:",omitempty"`
}

// Name is the policy's name without "Tag:" ("Global" for Global): what
// a user's MeetingPolicy and the tenant default hold.
func (p *MeetingPolicy) Name() string { return AudioPolicyName(p.Identity) }

// Value is a setting's stored value: the policy's own, else the default.
func (p *MeetingPolicy) Value(name string) string {
	s := MeetingSetting(name)
	if s == nil {
		return ""
	}
	if v, ok := p.Settings[s.Name]; ok {
		return v
	}
	return s.Default
}

// Bool is a boolean setting's value.
func (p *MeetingPolicy) Bool(name string) bool { return p.Value(name) == "True" }

// Clone returns a copy whose settings can change without changing p.
func (p *MeetingPolicy) Clone() *MeetingPolicy {
	c := *p
	c.Settings = maps.Clone(p.Settings)
	if c.Settings == nil {
		c.Settings = map[string]string{}
	}
	return &c
}

// NewMeetingPolicy returns a policy of that identity with every setting
// at its default, as New-CsTeamsMeetingPolicy creates one.
func NewMeetingPolicy(identity string) *MeetingPolicy {
	p := &MeetingPolicy{Identity: PolicyIdentity(identity), Settings: map[string]string{}}
	for _, s := range MeetingPolicySettings {
		p.Settings[s.Name] = s.Default
	}
	return p
}

// Identities of the built-in meeting policies.
const MeetingPolicyGlobal = "Global"

// meetingPresets are the preset policies every tenant has besides Global
// (a 2019 capture of Get-CsTeamsMeetingPolicy in a public module's
// comment lists these seven, in this order; public scripts skip the same
// six as "default policies", and SHAPES counted 7 policies): each with the
// settings where it differs from Global's defaults, as a tenant exported
// with Microsoft365DSC in 2023 shows them.
var meetingPresets = []struct {
	identity string
	settings map[string]string
}{
	{"Tag:AllOn", map[string]string{MeetingDescription: deprecatedSame}},
	{"Tag:RestrictedAnonymousAccess", map[string]string{MeetingDescription: deprecatedSame, "LiveCaptionsEnabledType": "Disabled"}},
	{"Tag:AllOff", map[string]string{
		"AllowChannelMeetingScheduling": "False", "AllowMeetNow": "False", "AllowPrivateMeetNow": "False",
		"MeetingChatEnabledType": "Disabled", "LiveCaptionsEnabledType": "Disabled", "AllowIPVideo": "False",
		"AllowPrivateMeetingScheduling": "False", "AllowCloudRecording": "False", "AllowOutlookAddIn": "False",
		"AllowPowerPointSharing": "False", "AllowParticipantGiveRequestControl": "False", "AllowSharedNotes": "False",
		"AllowWhiteboard": "False", "ScreenSharingMode": "Disabled",
	}},
	{"Tag:RestrictedAnonymousNoRecording", map[string]string{MeetingDescription: deprecatedSimilar,
		"LiveCaptionsEnabledType": "Disabled", "AllowCloudRecording": "False"}},
	{"Tag:Default", nil},
	{"Tag:Kiosk", map[string]string{"AllowChannelMeetingScheduling": "False", "LiveCaptionsEnabledType": "Disabled",
		"AllowPrivateMeetingScheduling": "False", "AllowCloudRecording": "False", "AllowOutlookAddIn": "False"}},
}

// The presets' descriptions, as the service words them.
const (
	deprecatedSame    = "Do not assign. This policy is same as global defaults and would be deprecated"
	deprecatedSimilar = "Do not assign. This policy is similar to global defaults and would be deprecated"
)

// BuiltinMeetingPolicies returns the built-in policies as a tenant
// starts with them: Global, then the presets in the service's order.
func BuiltinMeetingPolicies() []*MeetingPolicy {
	out := []*MeetingPolicy{NewMeetingPolicy(MeetingPolicyGlobal)}
	for _, pr := range meetingPresets {
		p := NewMeetingPolicy(pr.identity)
		maps.Copy(p.Settings, pr.settings)
		out = append(out, p)
	}
	return out
}

// BuiltinMeetingPolicy returns the built-in policy with that identity
// (any form PolicyIdentity accepts), or nil.
func BuiltinMeetingPolicy(identity string) *MeetingPolicy {
	id := PolicyIdentity(identity)
	for _, p := range BuiltinMeetingPolicies() {
		if strings.EqualFold(p.Identity, id) {
			return p
		}
	}
	return nil
}

// BuiltinMeetingPolicyRank orders the built-in policies as the service
// lists them (Global 0, the presets 1…6); -1 for a custom policy.
func BuiltinMeetingPolicyRank(identity string) int {
	id := PolicyIdentity(identity)
	if id == MeetingPolicyGlobal {
		return 0
	}
	for i, pr := range meetingPresets {
		if strings.EqualFold(pr.identity, id) {
			return i + 1
		}
	}
	return -1
}

// PolicyIdentity is the identity form of a Teams policy name as users
// type it (AudioPolicyIdentity's rule, which every Teams policy follows):
// "Global" (any case) or "" is Global, "Tag:<Name>" keeps its name with
// the prefix spelt "Tag:", a bare name gets it.
func PolicyIdentity(s string) string { return AudioPolicyIdentity(s) }

// CheckMeetingPolicy reports what is wrong with a meeting policy record,
// nil when it is sound: an identity in PolicyIdentity's form with a name
// and no NUL, and only known settings, each in its stored form.
func CheckMeetingPolicy(p *MeetingPolicy) error {
	if p == nil || p.Identity != PolicyIdentity(p.Identity) || strings.TrimSpace(AudioPolicyName(p.Identity)) == "" ||
		strings.ContainsRune(p.Identity, 0) {
		return errors.New("storage: a meeting policy needs an identity, Global or Tag:<Name>")
	}
	if strings.EqualFold(p.Identity, "Tag:"+MeetingPolicyGlobal) {
		return errors.New("storage: Tag:Global would be the Global policy")
	}
	for name, v := range p.Settings {
		s := MeetingSetting(name)
		if s == nil || s.Name != name {
			return fmt.Errorf("storage: the meeting policy %s holds an unknown setting", p.Identity)
		}
		if n, err := s.Normalize(v); err != nil || n != v {
			return fmt.Errorf("storage: the meeting policy %s holds a malformed %s", p.Identity, name)
		}
	}
	return nil
}

// EffectiveMeetingPolicy returns the policy that applies to a user: the
// one assigned to them, else the one granted to the tenant
// (Grant-CsTeamsMeetingPolicy -Global), else Global.
func EffectiveMeetingPolicy(r Reader, u *User) (*MeetingPolicy, error) {
	name := u.MeetingPolicy
	if name == "" {
		s, err := r.Settings()
		if err != nil {
			return nil, err
		}
		name = s.GlobalMeetingPolicy
	}
	if name != "" {
		p, err := r.MeetingPolicy(name)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	return r.MeetingPolicy(MeetingPolicyGlobal)
}
