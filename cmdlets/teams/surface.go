package teams

import "strings"

// itemKind is what a surface item is.
type itemKind int

const (
	cmdletItem    itemKind = iota // a cmdlet
	parameterItem                 // a parameter of a cmdlet
	propertyItem                  // a property of a cmdlet's output objects
	moduleItem                    // a module
)

// String names the kind as the retired-item report shows it.
func (k itemKind) String() string {
	return [...]string{"Cmdlet", "Parameter", "Property", "Module"}[k]
}

// surfaceItem is one fact of the MicrosoftTeams surface's history: an
// item that came in a later module version, or was retired, with what
// replaces it and the source. The registry (which cmdlets and parameters a
// generation has), Get-CsOnlineUser's property list, the retired-item
// warnings and report, and the README's table all read surfaceItems.
type surfaceItem struct {
	kind   itemKind
	cmdlet string // the cmdlet, for a parameter or a property
	name   string
	// added is the first MicrosoftTeams version with the item; "" when
	// the connector era had it already.
	added string
	// removed is the first MicrosoftTeams version without it; "" when
	// today's module still has it (retired items still present are
	// reported, not removed).
	removed string
	// retired says when and how the service retired it; "" for an item
	// that was only added.
	retired     string
	replacement string
	source      string
	// choice is set when no source gives the version: csshell's choice.
	choice bool
}

// The sources, as ../shared/reference names them.
const (
	srcRN      = "MicrosoftTeams release notes (learn.microsoft.com/microsoftteams/teams-powershell-release-notes)"
	srcSV      = "Teams PowerShell supported versions (learn.microsoft.com/microsoftteams/teams-powershell-supported-versions)"
	srcODP     = "MicrosoftDocs/office-docs-powershell, teams/teams-ps/MicrosoftTeams"
	srcODPSfb  = "MicrosoftDocs/office-docs-powershell, skype/skype-ps/skype (the deprecation notes)"
	srcSfBRet  = "learn.microsoft.com/microsoftteams/skype-for-business-online-retirement"
	srcOnlUser = "MicrosoftDocs/office-docs-powershell, Get-CsOnlineUser.md (\"Dropped attributes\", module 3.0.0)"
)

const (
	cmdSetUser    = "Set-CsOnlineDialInConferencingUser"
	cmdGetUser    = "Get-CsOnlineDialInConferencingUser"
	cmdOnlineUser = "Get-CsOnlineUser"
)

// surfaceItems is the table. Versions marked choice are csshell's reading
// of a dated deprecation: the first module release after the date.
var surfaceItems = []surfaceItem{
	// Modules.
	{kind: moduleItem, name: moduleConnector, removed: "1.1.6", retired: "folded into MicrosoftTeams 1.1.6 (Sep 2020); download withdrawn, retired Feb 2021",
		replacement: "Import-Module MicrosoftTeams; Connect-MicrosoftTeams", source: srcRN},
	{kind: moduleItem, name: moduleLyncConnector, removed: "1.1.6", retired: "the connector's first name; retired with SkypeOnlineConnector",
		replacement: "Import-Module MicrosoftTeams; Connect-MicrosoftTeams", source: srcRN},

	// Sign-in.
	{kind: cmdletItem, name: "New-CsOnlineSession", removed: "2.0.0", retired: "removed in MicrosoftTeams 2.0.0 (Mar 2021)",
		replacement: "Connect-MicrosoftTeams (no Import-PSSession)", source: srcRN},
	{kind: cmdletItem, name: "Connect-MicrosoftTeams", added: "1.0.0", source: srcRN},
	{kind: cmdletItem, name: "Disconnect-MicrosoftTeams", added: "1.0.0", source: srcRN},

	// The conferencing user.
	{kind: cmdletItem, name: "Enable-CsOnlineDialInConferencingUser", removed: "4.0.0", choice: true,
		retired:     "deprecated 2021-12-31: audio conferencing follows the licence",
		replacement: "assign the Audio Conferencing licence (Set-TenantUser -AudioConferencingLicense here)", source: srcODPSfb},
	{kind: cmdletItem, name: "Disable-CsOnlineDialInConferencingUser", removed: "4.0.0", choice: true,
		retired:     "deprecated 2021-12-31: audio conferencing follows the licence",
		replacement: "remove the Audio Conferencing licence", source: srcODPSfb},
	{kind: cmdletItem, name: "Get-CsOnlineDialInConferencingUserInfo", removed: "4.0.0", choice: true,
		retired:     "deprecated 2021-12-31",
		replacement: "Get-CsOnlineDialInConferencingUser; Get-CsOnlineUser (FeatureTypes -contains 'AudioConferencing')", source: srcODPSfb},
	{kind: cmdletItem, name: "Get-CsOnlineDialInConferencingUserState", removed: "4.0.0", choice: true,
		retired:     "deprecated 2021-12-31",
		replacement: "Get-CsOnlineUser (FeatureTypes -contains 'AudioConferencing')", source: srcODPSfb},
	{kind: cmdletItem, name: "Set-CsOnlineDialInConferencingUserDefaultNumber", removed: "6.5.0", choice: true,
		retired:     "deprecated; not available after 2024-07-07",
		replacement: "Set-CsOnlineDialInConferencingUser -ServiceNumber/-TollFreeServiceNumber, or the audio conferencing policy's MeetingInvitePhoneNumbers", source: srcODP},
	{kind: parameterItem, cmdlet: cmdSetUser, name: "ConferenceId", removed: "4.0.0", choice: true,
		retired: "deprecated 2022-01-31; no longer supported", replacement: "none: conference IDs are assigned by the service", source: srcODP},
	{kind: parameterItem, cmdlet: cmdSetUser, name: "ResetConferenceId", removed: "4.0.0", choice: true,
		retired: "deprecated 2022-01-31; no longer supported", replacement: "none: conference IDs are assigned by the service", source: srcODP},
	{kind: parameterItem, cmdlet: cmdSetUser, name: "AllowPSTNOnlyMeetings",
		retired: "deprecated 2022-01-31 (still accepted)", replacement: "Set-CsTeamsMeetingPolicy -AllowPSTNUsersToBypassLobby (and AutoAdmittedUsers)", source: srcODP},
	{kind: parameterItem, cmdlet: cmdSetUser, name: "AllowTollFreeDialIn",
		retired:     "still accepted, but \"this setting can ONLY be managed using the TeamsAudioConferencingPolicy\"",
		replacement: "New-/Set-CsTeamsAudioConferencingPolicy -AllowTollFreeDialin + Grant-CsTeamsAudioConferencingPolicy", source: srcODP},
	{kind: parameterItem, cmdlet: cmdGetUser, name: "BridgeId", retired: "deprecated for TeamsOnly tenants in module 3.0+", replacement: "filter the output (Where-Object BridgeId -eq …)", source: srcODP},
	{kind: parameterItem, cmdlet: cmdGetUser, name: "BridgeName", retired: "deprecated for TeamsOnly tenants in module 3.0+", replacement: "filter the output (Where-Object BridgeName -eq …)", source: srcODP},
	{kind: parameterItem, cmdlet: cmdGetUser, name: "LdapFilter", retired: "deprecated for TeamsOnly tenants in module 3.0+", replacement: "Get-CsOnlineUser -Filter", source: srcODP},
	{kind: parameterItem, cmdlet: cmdGetUser, name: "ServiceNumber", retired: "deprecated for TeamsOnly tenants in module 3.0+", replacement: "filter the output (Where-Object ServiceNumber -eq …)", source: srcODP},
	{kind: parameterItem, cmdlet: cmdGetUser, name: "TenantDomain", retired: "deprecated for TeamsOnly tenants in module 3.0+", replacement: "none needed", source: srcODP},

	// Third-party audio conferencing providers.
	{kind: cmdletItem, name: "Get-CsAudioConferencingProvider", removed: "3.0.0", choice: true,
		retired: "third-party ACP support ended with Skype for Business Online, 2021-07-31", replacement: "Microsoft audio conferencing", source: srcSfBRet},
	{kind: cmdletItem, name: "Get-CsOnlineVoiceUser", removed: "6.0.0", choice: true,
		retired:     "no longer supported on the public and GCC clouds",
		replacement: "Get-CsOnlineUser -Filter {(FeatureTypes -contains 'PhoneSystem') -and (AccountEnabled -eq $True)}; Get-CsPhoneNumberAssignment", source: srcODP},

	// Teams-era cmdlets that came later.
	{kind: cmdletItem, name: "Get-CsTeamsAudioConferencingPolicy", added: "2.4.0", source: srcRN},
	{kind: cmdletItem, name: "Set-CsTeamsAudioConferencingPolicy", added: "2.4.0", source: srcRN},
	{kind: cmdletItem, name: "New-CsTeamsAudioConferencingPolicy", added: "2.4.0", source: srcRN},
	{kind: cmdletItem, name: "Remove-CsTeamsAudioConferencingPolicy", added: "2.4.0", source: srcRN},
	{kind: cmdletItem, name: "Grant-CsTeamsAudioConferencingPolicy", added: "2.4.0", source: srcRN},
	{kind: cmdletItem, name: "Get-CsUserPolicyAssignment", added: "1.0.0", choice: true, source: srcODP},
	{kind: cmdletItem, name: "Get-CsPhoneNumberAssignment", added: "4.0.0", source: srcODP},
	{kind: cmdletItem, name: "Set-CsPhoneNumberAssignment", added: "4.0.0", source: srcODP},
	{kind: cmdletItem, name: "Remove-CsPhoneNumberAssignment", added: "4.0.0", source: srcODP},
	{kind: parameterItem, cmdlet: "New-CsTeamsAudioConferencingPolicy", name: "InMemory", removed: "4.0.0",
		retired: "\"the InMemory switch is no longer supported\" (4.0.0)", replacement: "none", source: srcRN},

	// Get-CsOnlineUser's output in 3.0.0.
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "AcpInfo", removed: "3.0.0", retired: "dropped in module 3.0.0 (third-party ACPs are gone)", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "OnlineDialinConferencingPolicy", removed: "3.0.0", retired: "dropped in module 3.0.0",
		replacement: "FeatureTypes -contains 'AudioConferencing'", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "ObjectId", removed: "3.0.0", retired: "renamed in module 3.0.0", replacement: "Identity", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Enabled", removed: "3.0.0", retired: "renamed in module 3.0.0", replacement: "IsSipEnabled", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "FirstName", removed: "3.0.0", retired: "renamed in module 3.0.0", replacement: "GivenName", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "DirSyncEnabled", removed: "3.0.0", retired: "renamed in module 3.0.0", replacement: "UserDirSyncEnabled", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "MCOValidationErrors", removed: "3.0.0", retired: "renamed in module 3.0.0", replacement: "UserValidationErrors", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "CountryOrRegionDisplayName", removed: "3.0.0", retired: "dropped in module 3.0.0; Country from 4.2.0", replacement: "Country", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "VoicePolicy", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "FeatureTypes (CallingPlan, PhoneSystem)", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Id", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "Identity", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Sid", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "Identity", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Name", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "DisplayName or Alias", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Office", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Phone", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "LineUri", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "WindowsEmailAddress", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "UserPrincipalName / ProxyAddresses", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "ConferencingPolicy", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "TeamsMeetingPolicy", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Country", added: "4.2.0", source: srcRN},

	// Get-CsOnlineUser: the rest of 3.0.0's renames and drops that the
	// legacy shape shows, what 3.0.0 and later releases added, and the
	// parameters 3.0.0 dropped.
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "DistinguishedName", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "Identity", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Guid", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "Identity", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "ArchivingPolicy", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "ClientPolicy", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "StreetAddress", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "HomePhone", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "MobilePhone", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "Fax", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "WebPage", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "none", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "HostedVoiceMail", removed: "3.0.0", retired: "dropped in module 3.0.0", replacement: "OnlineVoicemailPolicy", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsBranchSurvivabilityPolicy", removed: "3.0.0", retired: "renamed in module 3.0.0", replacement: "TeamsSurvivableBranchAppliancePolicy", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "AccountEnabled", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "FeatureTypes", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "GivenName", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "IsSipEnabled", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "UserDirSyncEnabled", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "UserValidationErrors", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsSurvivableBranchAppliancePolicy", added: "3.0.0", source: srcOnlUser},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "AccountType", added: "4.5.1", choice: true, source: srcODP + " (the -AccountType parameter, 4.5.1)"},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "SoftDeletionTimestamp", added: "4.4.3", choice: true, source: srcODP + " (SoftDeletedUsers, 4.4.3)"},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "LocationPolicy", removed: "6.1.0", retired: "removed from the output in 6.1.0", replacement: "Get-CsPhoneNumberAssignment -IsoCountryCode", source: srcRN},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsAIPolicy", added: "6.8.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsBYODAndDesksPolicy", added: "6.8.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsMediaConnectivityPolicy", added: "6.8.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsMeetingTemplatePermissionPolicy", added: "6.8.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsVirtualAppointmentsPolicy", added: "6.8.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TeamsWorkLocationDetectionPolicy", added: "6.8.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "TelephoneNumbers", added: "6.9.0", source: srcODP},
	{kind: propertyItem, cmdlet: cmdOnlineUser, name: "EffectivePolicyAssignments", added: "7.1.1", choice: true, source: srcODP + " (7.1.1-preview)"},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "AccountType", added: "4.5.1", source: srcODP},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "Properties", added: "6.9.0", source: srcODP},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "LdapFilter", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "-Filter", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "Credential", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "Connect-MicrosoftTeams", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "DomainController", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "none", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "OnModernServer", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "none", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "OnOfficeCommunicationServer", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "none", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "OU", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "none", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "UnassignedUser", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "none", source: srcODPSfb},
	{kind: parameterItem, cmdlet: cmdOnlineUser, name: "UsePreferredDC", removed: "3.0.0", retired: "deprecated from module 3.0", replacement: "none", source: srcODPSfb},
}

// surfaceItemFor finds the item of a kind, cmdlet and name.
func surfaceItemFor(kind itemKind, cmdlet, name string) (surfaceItem, bool) {
	for _, it := range surfaceItems {
		if it.kind == kind && strings.EqualFold(it.cmdlet, cmdlet) && strings.EqualFold(it.name, name) {
			return it, true
		}
	}
	return surfaceItem{}, false
}

// hasProperty reports whether g's Get-CsOnlineUser (or another cmdlet's
// output) has the property: true for properties the table does not name.
func (g generation) hasProperty(cmdlet, name string) bool {
	it, ok := surfaceItemFor(propertyItem, cmdlet, name)
	return !ok || g.has(it.added, it.removed)
}
