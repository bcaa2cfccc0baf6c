package teams

import "github.com/csshell/csshell/engine"

// Modules are the module names the MicrosoftTeams cmdlets answer to in
// Get-Command -Module and Get-Module: today's MicrosoftTeams module and
// the retired connectors that older scripts import.
var Modules = []string{"MicrosoftTeams", "SkypeOnlineConnector", "LyncOnlineConnector"}

// Register adds the MicrosoftTeams (and SkypeOnlineConnector) cmdlets that
// work on the tenant, bound to t: sign-in, the conferencing users, tenant
// settings and configuration, bridges, service numbers, languages and
// policies. The durability barrier (t.Sync) commits and syncs t's changes before any output.
func Register(rt *engine.Runtime, t *Tenant) {
	// Last, whatever is added below: the generations see every Teams
	// cmdlet registered here.
	defer registerGenerations(rt, t)
	registerTenantUserViews(rt)
	registerConnectTeams(rt, t)
	registerLegacySession(rt, t)
	registerGetConferencingUser(rt, t)
	registerSetConferencingUser(rt, t)
	registerEnableConferencingUser(rt, t)
	registerDisableConferencingUser(rt, t)
	registerConferencingUserInfo(rt, t)
	registerConferencingUserState(rt, t)
	registerSetUserDefaultNumber(rt, t)
	registerGetOnlineUser(rt, t)
	registerOnlineVoiceUser(rt, t)
	registerAudioConferencingProvider(rt, t)
	registerGrantDialoutPolicy(rt, t)
	registerTenantSettingsCmdlets(rt, t)
	registerTenantSettingsSetCmdlets(rt, t)
	registerTenantInfoCmdlets(rt, t)
	registerTenantBridgeCmdlets(rt, t)
	registerTenantNumberCmdlets(rt, t)
	registerTenantPolicyCmdlets(rt, t)
	registerAudioPolicyCmdlets(rt, t)
	registerRetiredReport(rt)
	registerMeetingPolicyCmdlets(rt, t)
	registerPhoneNumberCmdlets(rt, t)
	// After every registration: each cmdlet's help is its page's (help.go).
	applyHelp(rt)
	rt.AddBarrier(t.Sync)
}
