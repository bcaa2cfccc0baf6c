package teams

import (
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// The settings of a Teams meeting policy as New- and Set-CsTeamsMeetingPolicy
// take them and Get- shows them: one parameter and one property per
// setting of storage.MeetingPolicySettings (names, types, values and
// defaults are storage's; the help is here, from the Set page's parameter
// text, shortened).

// meetingSettingHelp is each setting's parameter help; every setting has
// one (TestMeetingSettingHelp).
var meetingSettingHelp = map[string]string{
	"Description":                        "Explanatory text about the policy, e.g. the users it is meant for.",
	"AllowChannelMeetingScheduling":      "Whether the user can schedule channel meetings (joining others' is not restricted).",
	"AllowMeetNow":                       "Whether the user can start ad-hoc meetings.",
	"AllowPrivateMeetNow":                "Whether the user can start an ad hoc private meeting.",
	"MeetingChatEnabledType":             "Whether users can chat in meetings: Enabled, Disabled or EnabledExceptAnonymous.",
	"AllowExternalNonTrustedMeetingChat": "Whether the user can chat in external meetings with users from non-trusted organizations.",
	"CopyRestriction":                    "Whether organizers can turn off copying and forwarding of meeting chat messages.",
	"LiveCaptionsEnabledType":            "Whether live captions are available: DisabledUserOverride (the user can turn them on) or Disabled.",
	"DesignatedPresenterRoleMode":        "The default of \"Who can present?\" in Meeting options, e.g. EveryoneUserOverride or OrganizerOnlyUserOverride.",
	"AllowIPAudio":                       "Whether audio is enabled in the user's meetings and calls.",
	"AllowIPVideo":                       "Whether video is enabled in the user's meetings and calls.",
	"AllowEngagementReport":              "Whether organizers can download the attendee engagement report: Enabled, Disabled or ForceEnabled.",
	"AllowTrackingInReport":              "Reserved for internal Microsoft use.",
	"IPAudioMode":                        "Whether audio can be turned on in meetings and group calls: EnabledOutgoingIncoming or Disabled.",
	"IPVideoMode":                        "Whether video can be turned on in meetings and group calls: EnabledOutgoingIncoming or Disabled.",
	"AllowAnonymousUsersToDialOut":       "Whether anonymous users may dial out to a PSTN number.",
	"AllowAnonymousUsersToStartMeeting": "Whether anonymous users and dial-in callers can start the user's meetings without an authenticated " +
		"participant (the replacement of AllowPSTNOnlyMeetings; the dial-in simulation honours it).",
	"AllowAnonymousUsersToJoinMeeting":                 "Whether anonymous users can join the meetings the user organizes.",
	"ConditionalAccessAttendeeVerification":            "Whether Conditional Access authentication contexts apply to users joining the user's meetings.",
	"BlockedAnonymousJoinClientTypes":                  "Client types anonymous users cannot join with: ACS, Teams, or both.",
	"AllowedStreamingMediaInput":                       "The streaming encoders the user may use: \"\", RTMP, SRT or \"RTMP,SRT\".",
	"ExplicitRecordingConsent":                         "Whether participants must consent to recording and transcription: Enabled, Disabled or LegitimateInterest.",
	"PreventComplianceRecording":                       "Whether compliance-recording users are kept out of the user's meetings: None or All (not released).",
	"EnableRecordingAndTranscriptionCustomMessage":     "Whether custom recording and transcription messages are shown (not released).",
	"RecordingAndTranscriptionCustomMessageIdentifier": "The GUID of the custom recording and transcription message (not released).",
	"AllowLocalRecording":                              "Reserved for internal Microsoft use.",
	"AutoRecording":                                    "Whether \"Record and transcribe automatically\" appears in Meeting options: Enabled or Disabled.",
	"AllowPrivateMeetingScheduling":                    "Whether the user can schedule private meetings.",
	"AutoAdmittedUsers": "Who joins the user's meetings without waiting in the lobby: EveryoneInCompany, " +
		"EveryoneInSameAndFederatedCompany, Everyone, OrganizerOnly, EveryoneInCompanyExcludingGuests or InvitedUsers " +
		"(not phone callers: see AllowPSTNUsersToBypassLobby).",
	"AllowCloudRecording":                        "Whether the user's meetings can be recorded.",
	"AllowOutlookAddIn":                          "Whether the user can schedule meetings from Outlook.",
	"AllowPowerPointSharing":                     "Whether the user can share PowerPoint presentations in meetings.",
	"AllowParticipantGiveRequestControl":         "Whether the user can give or request control of shared content.",
	"AllowExternalParticipantGiveRequestControl": "Whether external participants can be given or request control of the user's shared content.",
	"AllowSharedNotes":                           "Whether attendees can take shared meeting notes.",
	"AllowWhiteboard":                            "Whether the user can share the Whiteboard in meetings.",
	"AllowTranscription":                         "Whether post-meeting captions and transcriptions are allowed in the user's meetings.",
	"MediaBitRateKb":                             "The media bit rate (Kbps) for audio, video and app sharing in meetings.",
	"ScreenSharingMode":                          "What the user can share: SingleApplication, EntireScreen or Disabled.",
	"AllowPSTNUsersToBypassLobby": "If True, PSTN users are allowed to bypass the lobby as long as an authenticated user is joined to the " +
		"meeting (the replacement of AllowPSTNOnlyMeetings; the dial-in simulation honours it).",
	"AllowOrganizersToOverrideLobbySettings":  "Deprecated: it has no effect.",
	"AllowAnnotations":                        "Whether the user can use collaborative annotations.",
	"AllowBreakoutRooms":                      "Whether breakout rooms are available.",
	"AllowCartCaptionsScheduling":             "Whether CART captions can be added to meetings: EnabledUserOverride, DisabledUserOverride or Disabled.",
	"AllowDocumentCollaboration":              "Whether the user can use document collaboration (Live Share).",
	"AllowMeetingCoach":                       "Whether the user can turn on Speaker Coach.",
	"AllowMeetingReactions":                   "Whether live reactions are available in meetings.",
	"AllowMeetingRegistration":                "Whether the user can create meetings with registration (webinars).",
	"AllowNDIStreaming":                       "Whether NDI streaming is available.",
	"AllowNetworkConfigurationSettingsLookup": "Whether network roaming policies are looked up for users not enabled for Enterprise Voice.",
	"AllowRecordingStorageOutsideRegion":      "Whether recordings may be stored outside the tenant's country or region.",
	"AllowWatermarkForCameraVideo":            "Whether organizers can watermark camera video.",
	"AllowWatermarkForScreenSharing":          "Whether organizers can watermark shared content.",
	"ChannelRecordingDownload":                "How channel meeting recordings are saved and who can download them: Allow or Block.",
	"EnrollUserOverride":                      "Whether users can enroll their voice and face (biometric enrollment): Disabled or Enabled.",
	"InfoShownInReportMode":                   "What attendance information the attendance report shows, e.g. FullInformation.",
	"LiveInterpretationEnabledType":           "Whether organizers can set up language interpretation: DisabledUserOverride or Disabled.",
	"LiveStreamingMode":                       "Whether the user can stream meetings over RTMP: Disabled or Enabled.",
	"NewMeetingRecordingExpirationDays":       "Days before new meeting recordings expire, 1 to 99999, or -1 for never.",
	"PreferredMeetingProviderForIslandsMode":  "The Outlook add-ins users in Islands mode see: TeamsAndSfb or Teams.",
	"QnAEngagementMode":                       "Whether organizers can turn on Q&A: Enabled or Disabled.",
	"RoomPeopleNameUserOverride":              "Whether Teams Rooms can recognise people: Off or On.",
	"SpeakerAttributionMode":                  "Whether speakers are identified in transcriptions: Enabled, EnabledUserOverride, DisabledUserOverride or Disabled.",
	"StreamingAttendeeMode":                   "Whether view-only attendees can join beyond the meeting's capacity: Disabled or Enabled.",
	"TeamsCameraFarEndPTZMode":                "Far-end camera control: Disabled, AutoAcceptInTenant or AutoAcceptAll.",
	"VideoFiltersMode":                        "The video filters available: NoFilters, BlurOnly, BlurAndDefaultBackgrounds or AllFilters.",
	"WhoCanRegister":                          "Who can register for the user's webinars: Everyone or EveryoneInCompany.",
}

// meetingSettingParam is the parameter of one setting.
type meetingSettingParam struct {
	setting *storage.MeetingPolicySetting
	param   engine.Param[any]
}

// newMeetingSettingParams declares a parameter per setting (each cmdlet
// its own declarations).
func newMeetingSettingParams() []meetingSettingParam {
	out := make([]meetingSettingParam, len(storage.MeetingPolicySettings))
	for i := range storage.MeetingPolicySettings {
		s := &storage.MeetingPolicySettings[i]
		typ := s.Type
		if s.Kind == storage.SettingList {
			typ = "String[]" // a List[string]: one value, several, or "A,B"
		}
		info := engine.NamedParam(s.Name, typ, meetingSettingHelp[s.Name])
		info.Default = s.Default
		switch s.Kind {
		case storage.SettingChoice:
			info.ValidateSet = s.Choices
		case storage.SettingInt:
			info.ValidateRange = &[2]float64{float64(s.Min), float64(s.Max)}
		case storage.SettingText, storage.SettingList, storage.SettingGUID:
			info.AllowNull, info.AllowEmptyString, info.AllowEmptyCollection = true, true, true
		}
		out[i] = meetingSettingParam{setting: s, param: engine.Declare[any](info)}
	}
	return out
}

// meetingSettingInfos are the settings' declarations.
func meetingSettingInfos(ps []meetingSettingParam) []*engine.ParamInfo {
	out := make([]*engine.ParamInfo, len(ps))
	for i, p := range ps {
		out[i] = p.param.Info()
	}
	return out
}

// givenMeetingSettings returns the stored form of each setting the call
// gives, by name, or an invalid-argument error for a value the setting
// does not take.
func givenMeetingSettings(c *engine.Call, ps []meetingSettingParam) (map[string]string, error) {
	out := map[string]string{}
	for _, p := range ps {
		if !p.param.Given(c) {
			continue
		}
		v := p.param.Get(c)
		var text string
		switch p.setting.Kind {
		case storage.SettingBool:
			text = storage.BoolValue(value.ToBool(v))
		case storage.SettingList:
			items, ok := value.Enumerate(v)
			if !ok && v != nil {
				items = []any{v}
			}
			parts := make([]string, 0, len(items))
			for _, it := range items {
				if it != nil {
					parts = append(parts, value.ToString(it))
				}
			}
			text = strings.Join(parts, ",")
		default:
			if v != nil {
				text = value.ToString(v)
			}
		}
		stored, err := p.setting.Normalize(text)
		if err != nil {
			return nil, InvalidArgument("InvalidPolicySetting", text, "The value \"%s\" is not valid: %s.", text, err.Error())
		}
		out[p.setting.Name] = stored
	}
	return out, nil
}

// meetingSettingValue is a setting's value as the policy object shows it:
// a Boolean, a string ($null for none), an integer, a list, a GUID.
func meetingSettingValue(s *storage.MeetingPolicySetting, v string) any {
	switch s.Kind {
	case storage.SettingBool:
		return v == "True"
	case storage.SettingInt:
		n, _ := strconv.ParseInt(v, 10, 64)
		if s.Type == "Int32" {
			return int(n)
		}
		return n
	case storage.SettingList:
		if v == "" {
			return []any{}
		}
		return StringArray(strings.Split(v, ","))
	case storage.SettingGUID:
		if g, ok := value.ParseGuid(v); ok {
			return g
		}
		return nil
	case storage.SettingText:
		if v == "" {
			return nil
		}
	}
	return v
}
