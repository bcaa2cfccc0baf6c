package teams

import (
	"slices"
	"strings"
	"sync"

	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// onlineUserView is what a Get-CsOnlineUser property is computed from.
type onlineUserView struct {
	tn  *storage.Tenant
	s   *storage.Settings
	u   *storage.User
	gen generation // the generation whose shape is built
}

// onlineUserProp is one property of Get-CsOnlineUser's objects in some
// generation. Which generations have it is surfaceItems' business
// (generation.hasProperty): a name the table does not mention is in
// every generation.
type onlineUserProp struct {
	name   string
	get    func(v *onlineUserView) any
	policy bool // left out by -SkipUserPolicies
}

// onlineUserProps is every property of every generation, in the order the
// objects show them: ordinal (case-sensitive) alphabetical order, as the
// live capture of 2026-08 lists them ("OnPremSipAddress" before
// "OnlineAudioConferencingRoutingPolicy").
var onlineUserProps = sortedProps(append(append(onlineUserCommonProps(), onlineUserPolicyProps()...), onlineUserLegacyProps()...))

func sortedProps(ps []onlineUserProp) []onlineUserProp {
	slices.SortFunc(ps, func(a, b onlineUserProp) int { return strings.Compare(a.name, b.name) })
	return ps
}

// constant returns a getter of a fixed value.
func constant(x any) func(*onlineUserView) any { return func(*onlineUserView) any { return x } }

// text returns a getter of a string field, $null when empty.
func text(f func(u *storage.User) string) func(*onlineUserView) any {
	return func(v *onlineUserView) any { return userNullIfEmpty(f(v.u)) }
}

// onlineUserCommonProps are the directory and Teams properties (3.0+ and
// the ones the legacy shape shares).
func onlineUserCommonProps() []onlineUserProp {
	return []onlineUserProp{
		{name: "AccountEnabled", get: constant(true)},
		{name: "AccountType", get: constant("User")},
		{name: "AdministrativeUnitReference", get: constant(nil)},
		{name: "Alias", get: func(v *onlineUserView) any { a, _, _ := strings.Cut(v.u.UserPrincipalName, "@"); return a }},
		{name: "AssignedPlan", get: func(v *onlineUserView) any { return userPlans(v, false) }},
		{name: "City", get: text(func(u *storage.User) string { return u.City })},
		{name: "Company", get: text(func(u *storage.User) string { return u.Company })},
		{name: "Country", get: text(func(u *storage.User) string { return u.Country })},
		{name: "CountryAbbreviation", get: func(v *onlineUserView) any { return userNullIfEmpty(countryCode(v.u.Country)) }},
		{name: "Department", get: text(func(u *storage.User) string { return u.Department })},
		{name: "DisplayName", get: func(v *onlineUserView) any { return v.u.DisplayName }},
		{name: "EffectivePolicyAssignments", get: effectivePolicyAssignments},
		{name: "EnterpriseVoiceEnabled", get: func(v *onlineUserView) any { return userVoiceEnabled(v.u) }},
		{name: "FeatureTypes", get: func(v *onlineUserView) any { return featureTypes(v.u) }},
		{name: "GivenName", get: text(func(u *storage.User) string { return u.GivenName })},
		{name: "HideFromAddressLists", get: constant(false)},
		{name: "HostingProvider", get: constant("sipfed.online.lync.com")},
		{name: "Identity", get: func(v *onlineUserView) any { return v.u.ID }},
		{name: "InterpretedUserType", get: constant("PureOnlineTeamsOnlyUser")},
		{name: "IsSipEnabled", get: func(v *onlineUserView) any { return v.u.SipAddress != "" }},
		{name: "LastName", get: text(func(u *storage.User) string { return u.Surname })},
		{name: "LineUri", get: func(v *onlineUserView) any { return userNullIfEmpty(userLineURI(v.u)) }},
		{name: "OnPremEnterpriseVoiceEnabled", get: constant(false)},
		{name: "OnPremHostingProvider", get: constant(nil)},
		{name: "OnPremLineUri", get: constant(nil)},
		{name: "OnPremOptionFlags", get: constant(0)},
		{name: "OnPremSIPEnabled", get: constant(false)},
		{name: "OnPremSipAddress", get: constant(nil)},
		{name: "OptionFlags", get: optionFlags},
		{name: "OwnerUrn", get: constant(nil)},
		{name: "PostalCode", get: text(func(u *storage.User) string { return u.PostalCode })},
		{name: "PreferredDataLocation", get: constant(nil)},
		{name: "PreferredLanguage", get: text(func(u *storage.User) string { return u.PreferredLanguage })},
		{name: "ProvisionedPlan", get: func(v *onlineUserView) any { return userPlans(v, true) }},
		{name: "ProxyAddresses", get: proxyAddresses},
		{name: "SipAddress", get: text(func(u *storage.User) string { return u.SipAddress })},
		{name: "SipProxyAddress", get: text(func(u *storage.User) string { return u.SipAddress })},
		{name: "SoftDeletionTimestamp", get: constant(nil)},
		{name: "StateOrProvince", get: text(func(u *storage.User) string { return u.StateOrProvince })},
		{name: "TelephoneNumbers", get: telephoneNumbers},
		{name: "TenantId", get: func(v *onlineUserView) any { return v.tn.ID }},
		{name: "Title", get: text(func(u *storage.User) string { return u.Title })},
		{name: "UsageLocation", get: text(func(u *storage.User) string { return u.UsageLocation })},
		{name: "UserDirSyncEnabled", get: constant(false)},
		{name: "UserPrincipalName", get: func(v *onlineUserView) any { return v.u.UserPrincipalName }},
		{name: "UserValidationErrors", get: func(*onlineUserView) any { return []any{} }},
		{name: "WhenChanged", get: func(v *onlineUserView) any { return v.u.Modified }},
		{name: "WhenCreated", get: func(v *onlineUserView) any { return v.u.Created }},
	}
}

// onlineUserPolicyProps are the per-user policy properties (what
// -SkipUserPolicies leaves out): the user's own assignment, $null for the
// tenant default, as the service shows them. The tenant keeps dial-out,
// audio conferencing and meeting policies; the others are always $null.
func onlineUserPolicyProps() []onlineUserProp {
	ps := []onlineUserProp{
		{name: "OnlineDialOutPolicy", get: func(v *onlineUserView) any { return userNullIfEmpty(policyName(v.u.DialOutPolicy)) }},
		{name: "TeamsAudioConferencingPolicy", get: text(func(u *storage.User) string { return u.AudioConferencingPolicy })},
		{name: "TeamsMeetingPolicy", get: func(v *onlineUserView) any { return userNullIfEmpty(userMeetingPolicy(v.u)) }},
		{name: "TeamsUpgradeEffectiveMode", get: constant("TeamsOnly")},
	}
	for _, n := range []string{
		"ApplicationAccessPolicy", "CallingLineIdentity", "DialPlan", "ExternalAccessPolicy", "LocationPolicy",
		"OnlineAudioConferencingRoutingPolicy", "OnlineVoiceRoutingPolicy", "OnlineVoicemailPolicy",
		"TeamsAIPolicy", "TeamsAppPermissionPolicy", "TeamsAppSetupPolicy", "TeamsBYODAndDesksPolicy", "TeamsCallHoldPolicy",
		"TeamsCallParkPolicy", "TeamsCallingPolicy", "TeamsChannelsPolicy", "TeamsComplianceRecordingPolicy",
		"TeamsCortanaPolicy", "TeamsEducationAssignmentsAppPolicy", "TeamsEmergencyCallRoutingPolicy",
		"TeamsEmergencyCallingPolicy", "TeamsFeedbackPolicy", "TeamsIPPhonePolicy", "TeamsMediaConnectivityPolicy",
		"TeamsMeetingBrandingPolicy", "TeamsMeetingBroadcastPolicy", "TeamsMeetingTemplatePermissionPolicy",
		"TeamsMessagingPolicy", "TeamsMobilityPolicy", "TeamsNotificationAndFeedsPolicy", "TeamsShiftsAppPolicy",
		"TeamsShiftsPolicy", "TeamsSurvivableBranchAppliancePolicy", "TeamsSyntheticAutomatedCallPolicy",
		"TeamsTargetingPolicy", "TeamsTemplatePermissionPolicy", "TeamsUpdateManagementPolicy", "TeamsUpgradeOverridePolicy",
		"TeamsUpgradePolicy", "TeamsVdiPolicy", "TeamsVerticalPackagePolicy", "TeamsVideoInteropServicePolicy",
		"TeamsVirtualAppointmentsPolicy", "TeamsWorkLocationDetectionPolicy", "TenantDialPlan",
	} {
		ps = append(ps, onlineUserProp{name: n, get: constant(nil)})
	}
	for i := range ps {
		if ps[i].name != "TeamsUpgradeEffectiveMode" {
			ps[i].policy = true
		}
	}
	return ps
}

// featureTypes is FeatureTypes: the unique features the user's licences
// give, sorted — Teams for everyone, AudioConferencing with the
// audio-conferencing licence, PhoneSystem for a voice-enabled user or one
// with a phone number, CallingPlan for a Calling Plan number.
func featureTypes(u *storage.User) []any {
	f := []any{}
	if u.AudioConferencingLicense {
		f = append(f, "AudioConferencing")
	}
	if userCallingPlan(u) {
		f = append(f, "CallingPlan")
	}
	if userVoiceEnabled(u) || userLineURI(u) != "" {
		f = append(f, "PhoneSystem")
	}
	return append(f, "Teams")
}

// userPlans is AssignedPlan (provisioned false) or ProvisionedPlan: one
// entry per service plan behind FeatureTypes (MCOSTANDARD and TEAMS1 for
// everyone, MCOMEETADV for audio conferencing, MCOEV for Phone System,
// MCOPSTN1 for a Calling Plan), as the JSON array the 3.0+ module shows.
func userPlans(v *onlineUserView, provisioned bool) []any {
	caps := []string{"MCOSTANDARD", "TEAMS1"}
	if v.u.AudioConferencingLicense {
		caps = append(caps, "MCOMEETADV")
	}
	if userVoiceEnabled(v.u) || userLineURI(v.u) != "" {
		caps = append(caps, "MCOEV")
	}
	if userCallingPlan(v.u) {
		caps = append(caps, "MCOPSTN1")
	}
	out := make([]any, 0, len(caps))
	for _, c := range caps {
		o := value.NewObject()
		if !provisioned {
			o.Set("AssignedTimestamp", v.u.Created)
		}
		o.Set("Capability", c)
		o.Set("CapabilityStatus", "Enabled")
		if provisioned {
			o.Set("ProvisioningStatus", "Success")
		}
		o.Set("ServiceInstance", "MicrosoftCommunicationsOnline/"+serviceRegion(v.u.UsageLocation)+"-01")
		o.Set("SubscribedPlanId", subscribedPlanID(v.tn.ID, c))
		out = append(out, o)
	}
	return out
}

// subscribedPlanIDs caches subscribedPlanID.
var subscribedPlanIDs sync.Map

// subscribedPlanID is the id of the tenant's subscription plan behind a
// capability: the same for every user who has it.
func subscribedPlanID(tenantID, capability string) string {
	key := tenantID + ":" + capability
	if id, ok := subscribedPlanIDs.Load(key); ok {
		return id.(string)
	}
	id := storage.StableID("plan:" + key)
	subscribedPlanIDs.Store(key, id)
	return id
}

// serviceRegion is the region of a usage location's service instance.
func serviceRegion(loc string) string {
	if _, emea := emeaLocations[strings.ToUpper(loc)]; emea {
		return "EMEA"
	}
	return "NOAM"
}

// emeaLocations are the usage locations csshell homes in EMEA.
var emeaLocations = map[string]struct{}{"GB": {}, "IE": {}, "FR": {}, "DE": {}, "NL": {}, "ES": {}, "IT": {}, "SE": {}, "CH": {}, "BE": {}}

// proxyAddresses is ProxyAddresses: the primary SMTP address and the SIP
// address, in the directory's "SMTP:"/"SIP:" form.
func proxyAddresses(v *onlineUserView) any {
	out := []any{}
	if v.u.PrimarySmtpAddress != "" {
		out = append(out, "SMTP:"+v.u.PrimarySmtpAddress)
	}
	if v.u.SipAddress != "" {
		out = append(out, "SIP:"+strings.TrimPrefix(v.u.SipAddress, "sip:"))
	}
	return out
}

// telephoneNumbers is TelephoneNumbers (6.9.0+): the user's numbers with
// their assignment category; the tenant keeps one, the primary.
func telephoneNumbers(v *onlineUserView) any {
	out := []any{}
	if uri := userLineURI(v.u); uri != "" {
		o := value.NewObject()
		o.Set("TelephoneNumber", "+"+strings.TrimPrefix(uri, "tel:+"))
		o.Set("AssignmentCategory", "Primary")
		out = append(out, o)
	}
	return out
}

// effectivePolicyAssignments is EffectivePolicyAssignments (7.1.1+): the
// policies in force for the user of the types the tenant keeps, each with
// its PolicyAssignment (displayName, assignmentType Direct for the user's
// own and Default for the tenant's, policyId, groupId).
func effectivePolicyAssignments(v *onlineUserView) any {
	entry := func(typ, own, global string) any {
		name, kind := own, "Direct"
		if own == "" {
			name, kind = global, "Default"
		}
		if name == "" {
			name = "Global"
		}
		a := value.NewObject()
		a.Set("displayName", name)
		a.Set("assignmentType", kind)
		a.Set("policyId", nil)
		a.Set("groupId", nil)
		o := value.NewObject()
		o.Set("PolicyType", typ)
		o.Set("PolicyAssignment", a)
		return o
	}
	return []any{
		entry("OnlineDialOutPolicy", policyName(v.u.DialOutPolicy), policyName(v.s.GlobalDialOutPolicy)),
		entry("TeamsAudioConferencingPolicy", v.u.AudioConferencingPolicy, v.s.GlobalAudioConferencingPolicy),
		entry("TeamsMeetingPolicy", userMeetingPolicy(v.u), globalMeetingPolicy(v.s)),
	}
}

// optionFlags is OptionFlags: 257 (SIP enabled, rich presence) until
// module 7.0.0, which no longer fills it in (ODP NOTES).
func optionFlags(v *onlineUserView) any {
	if v.gen.before("7.0.0") {
		return 257
	}
	return nil
}

// policyName is a stored policy identity without "Tag:", as the user
// object shows it.
func policyName(id string) string {
	if len(id) > 4 && strings.EqualFold(id[:4], "Tag:") {
		return id[4:]
	}
	return id
}
