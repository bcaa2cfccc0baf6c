package teams_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/syntax"
)

// helpPending are Teams cmdlets being added by other changes; their pages
// come with them. Until then Get-Help shows what their registration gives.
var helpPending = []string{}

// helpNotDeclared are the parameters a page describes that csshell's
// cmdlet does not declare, and why. -WhatIf and -Confirm are the engine's
// (SupportsShouldProcess) and need no entry when the cmdlet supports them.
var helpNotDeclared = map[string]map[string]string{
	"Connect-MicrosoftTeams": {
		"AadAccessToken": "removed in module 2.3.2-preview", "MsAccessToken": "removed in module 2.3.2-preview",
		"Certificate": "application sign-in with a certificate object: no certificates offline", "DisableWAM": "Windows sign-in broker: nothing to disable offline",
		"Identity": "managed service identity: none offline", "ManagedServiceHostName": "managed service identity", "ManagedServicePort": "managed service identity",
		"ManagedServiceSecret": "managed service identity", "WhatIf": "csshell's Connect-MicrosoftTeams does not support ShouldProcess", "Confirm": "as -WhatIf",
	},
	"Disconnect-MicrosoftTeams": {"WhatIf": "csshell's Disconnect-MicrosoftTeams does not support ShouldProcess", "Confirm": "as -WhatIf"},
	"Get-CsUserPolicyAssignment": {
		"Break": "AutoRest's HTTP pipeline parameters: no HTTP offline", "HttpPipelineAppend": "AutoRest", "HttpPipelinePrepend": "AutoRest",
		"Proxy": "AutoRest", "ProxyCredential": "AutoRest", "ProxyUseDefaultCredentials": "AutoRest",
		"InputObject": "the identity parameter set of the AutoRest cmdlet: csshell binds -Identity from the pipeline instead",
	},
	"Grant-CsTeamsMeetingPolicy": {
		"DomainController": "the on-premises domain controller to connect to: there is none offline (the page has no text for it either)",
		"Tenant":           "the tenant to act on: csshell acts on the connected session's tenant (the page has no text for it either)",
	},
	// The settings the pages describe that storage.MeetingPolicySettings
	// does not keep (Get-CsTeamsMeetingPolicy shows the kept ones).
	"New-CsTeamsMeetingPolicy": meetingSettingsNotKept(
		"AIInterpreter", "AllowAvatarsInGallery", "AllowedUsersForMeetingContext", "AllowedUsersForMeetingDetails", "AllowImmersiveView",
		"AllowIntelligentRecap", "AllowMeetingKnowledgeGeneration", "AllowScreenContentDigitization", "AllowTasksFromTranscript",
		"AllowUserToJoinExternalMeeting", "AllowWatermarkCustomizationForCameraVideo", "AllowWatermarkCustomizationForScreenSharing",
		"AnonymousUserAuthenticationMethod", "AttendeeIdentityMasking", "AudibleRecordingNotification", "AutomaticallyStartCopilot",
		"CaptchaVerificationForMeetingJoin", "ConnectToMeetingControls", "ContentSharingInExternalMeetings", "Copilot",
		"DetectSensitiveContentDuringScreenSharing", "DisableAudioAnnouncementsForResourceAccounts", "ExternalMeetingJoin",
		"ExternalBotAccessMode", "IntelligentRecapDocxFileExpirationDays", "LobbyChat", "MeetingInviteLanguages",
		"MeetingKnowledgeExpirationDays", "NoiseSuppressionForDialInParticipants", "ParticipantNameChange", "ParticipantSlideControl",
		"PasscodeComplexity", "RealTimeText", "RecordingStorageMode", "RoomAttributeUserOverride", "SmsNotifications", "UsersCanAdmitFromLobby",
		"VoiceIsolation", "VoiceSimulationInInterpreter", "WatermarkForAnonymousUsers", "WatermarkForCameraVideoOpacity",
		"WatermarkForCameraVideoPattern", "WatermarkForScreenSharingOpacity", "WatermarkForScreenSharingPattern", "EnablePreMeetingConsent",
		"PreMeetingConsentContentIdentifier", "SyntheticMediaDetection", "SyntheticMediaDetectionAppId", "AllowMultipleScreenshare",
		"FilterProfanityInTranscript", "RecordingAndTranscriptionAudioNotification",
	),
	"Set-CsTeamsMeetingPolicy": meetingSettingsNotKept(
		"AIInterpreter", "AllowAvatarsInGallery", "AllowedUsersForMeetingContext", "AllowedUsersForMeetingDetails", "AllowImmersiveView",
		"AllowIntelligentRecap", "AllowMeetingKnowledgeGeneration", "AllowScreenContentDigitization", "AllowTasksFromTranscript",
		"AllowUserToJoinExternalMeeting", "AnonymousUserAuthenticationMethod", "AttendeeIdentityMasking", "AudibleRecordingNotification",
		"AutomaticallyStartCopilot", "CaptchaVerificationForMeetingJoin", "ConnectToMeetingControls", "ContentSharingInExternalMeetings",
		"Copilot", "DetectSensitiveContentDuringScreenSharing", "DisableAudioAnnouncementsForResourceAccounts", "ExternalMeetingJoin",
		"ExternalBotAccessMode", "IntelligentRecapDocxFileExpirationDays", "LobbyChat", "MeetingInviteLanguages",
		"MeetingKnowledgeExpirationDays", "NoiseSuppressionForDialInParticipants", "ParticipantNameChange", "ParticipantSlideControl",
		"PasscodeComplexity", "RealTimeText", "RecordingStorageMode", "RoomAttributeUserOverride", "SetRecordingAndTranscriptOwnership",
		"SmsNotifications", "UsersCanAdmitFromLobby", "VoiceIsolation", "VoiceSimulationInInterpreter", "WatermarkForAnonymousUsers",
		"WatermarkForCameraVideoOpacity", "WatermarkForCameraVideoPattern", "WatermarkForScreenSharingOpacity",
		"WatermarkForScreenSharingPattern", "EnablePreMeetingConsent", "PreMeetingConsentContentIdentifier", "SyntheticMediaDetection",
		"SyntheticMediaDetectionAppId", "AllowMultipleScreenshare", "FilterProfanityInTranscript", "RecordingAndTranscriptionAudioNotification",
	),
	"New-CsOnlineSession": {
		"OverrideAccessTokenResourceUri": "token resource of a remote session: there is no remote session offline",
	},
}

// meetingSettingsNotKept lists meeting-policy settings a page describes
// that csshell's meeting policies do not keep, so New- and
// Set-CsTeamsMeetingPolicy do not declare them.
func meetingSettingsNotKept(names ...string) map[string]string {
	m := map[string]string{}
	for _, n := range names {
		m[n] = "a meeting-policy setting storage.MeetingPolicySettings does not keep"
	}
	return m
}

// helpNoSynopsis are the cmdlets whose page has an empty SYNOPSIS.
var helpNoSynopsis = []string{"Disconnect-MicrosoftTeams", "New-CsTeamsAudioConferencingPolicy"}

// helpSharedText are declarations two cmdlets share whose pages describe
// them differently: the first page's text is shown for both.
var helpSharedText = map[string]string{
	// onlineuser.go declares -ResultSize once for Get-CsOnlineUser and
	// Get-CsOnlineDialInConferencingUserState; the retired cmdlet's page
	// says only "PARAMVALUE: Unlimited".
	"Get-CsOnlineDialInConferencingUserState -ResultSize": "Get-CsOnlineUser",
}

// helpGenerations are the module versions whose cmdlets and parameters,
// together, are every Teams cmdlet csshell has.
var helpGenerations = []string{
	"",
	"Import-Module MicrosoftTeams -RequiredVersion 2.6.0",
	"Import-Module SkypeOnlineConnector",
}

// teamsCmdlets are the Teams cmdlets of every generation, by name, each
// with the union of its declared parameters.
func teamsCmdlets(t *testing.T) (map[string]*engine.Cmdlet, map[string]map[string]*engine.ParamInfo) {
	t.Helper()
	cmdlets := map[string]*engine.Cmdlet{}
	params := map[string]map[string]*engine.ParamInfo{}
	for _, gen := range helpGenerations {
		s := tenanttest.NewMemorySession(t, "", false)
		if gen != "" {
			if out := s.Run(gen); out != "" {
				t.Fatalf("%s: %s", gen, out)
			}
		}
		for _, c := range s.RT.Cmdlets() {
			if !slices.Contains(teams.Modules, c.Module) {
				continue
			}
			if _, ok := cmdlets[c.Name]; !ok {
				cmdlets[c.Name] = c
				params[c.Name] = map[string]*engine.ParamInfo{}
			}
			for _, p := range c.Params {
				params[c.Name][strings.ToLower(p.Name)] = p
			}
		}
	}
	return cmdlets, params
}

// TestHelpPagesMatchDeclarations checks every Teams cmdlet's help against
// its page: the synopsis, description and examples are the page's, every
// declared parameter has the page's text, and the page describes no
// parameter the cmdlet lacks (but the listed ones).
func TestHelpPagesMatchDeclarations(t *testing.T) {
	pages, err := teams.HelpPages()
	if err != nil {
		t.Fatal(err)
	}
	cmdlets, params := teamsCmdlets(t)
	var names []string
	for n := range cmdlets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		c := cmdlets[name]
		page, ok := pages[strings.ToLower(name)]
		if !ok {
			if !slices.Contains(helpPending, name) {
				t.Errorf("%s has no page in help/ (nor is it listed as pending)", name)
			}
			continue
		}
		if slices.Contains(helpPending, name) {
			t.Errorf("%s has a page: take it off helpPending", name)
		}
		if c.Synopsis != page.Synopsis || c.Description != page.Description || len(c.Examples) != len(page.Examples) {
			t.Errorf("%s: the synopsis, description or examples are not the page's", name)
		}
		if page.Synopsis == "" && !slices.Contains(helpNoSynopsis, name) {
			t.Errorf("%s: the page has no synopsis", name)
		}
		for key, p := range params[name] {
			want, described := page.ParamHelp[key]
			switch {
			case !described:
				t.Errorf("%s -%s: declared, but its page does not describe it", name, p.Name)
			case p.Help != want:
				if other, ok := helpSharedText[name+" -"+p.Name]; !ok || p.Help != pages[strings.ToLower(other)].ParamHelp[key] {
					t.Errorf("%s -%s: the help is not the page's:\n%q\nwant\n%q", name, p.Name, p.Help, want)
				}
			}
		}
		for _, pn := range page.Params {
			if _, declared := params[name][strings.ToLower(pn)]; declared {
				continue
			}
			if (pn == "WhatIf" || pn == "Confirm") && c.SupportsShouldProcess {
				continue
			}
			if _, ok := helpNotDeclared[name][pn]; !ok {
				t.Errorf("%s: the page describes -%s, which the cmdlet does not declare (declare it or list it in helpNotDeclared)", name, pn)
			}
		}
		for pn := range helpNotDeclared[name] {
			if !slices.Contains(page.Params, pn) {
				t.Errorf("%s: helpNotDeclared lists -%s, which the page does not describe", name, pn)
			}
		}
	}
	for key, page := range pages {
		if _, ok := cmdlets[page.Name]; !ok {
			t.Errorf("help/%s.md is the page of no Teams cmdlet", page.Name)
		}
		if page.Name != key && strings.ToLower(page.Name) != key {
			t.Errorf("help/%s.md is titled %s", key, page.Name)
		}
	}
}

// TestHelpExamplesParse parses every example's code with csshell's parser.
func TestHelpExamplesParse(t *testing.T) {
	pages, err := teams.HelpPages()
	if err != nil {
		t.Fatal(err)
	}
	for _, page := range pages {
		for i, ex := range page.Examples {
			if _, err := syntax.Parse(&syntax.Source{Name: page.Name, Text: ex.Code}); err != nil {
				t.Errorf("%s example %d (%s): %v\n%s", page.Name, i+1, ex.Title, err, ex.Code)
			}
		}
	}
}
