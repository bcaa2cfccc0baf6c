package cmdlets

import "github.com/csshell/csshell/engine"

// registerTenantUserCmdlets adds the user-facing tenant cmdlets: sign-in,
// the conferencing-user cmdlets, Get-CsOnlineUser, Grant-CsDialoutPolicy
// and the PIN test.
func registerTenantUserCmdlets(rt *engine.Runtime, t *Tenant) {
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
	registerGrantDialoutPolicy(rt, t)
	registerTestLeaderPin(rt, t)
	setupMailRelay(rt, t)
}
