package cmdlets

import "github.com/csshell/csshell/engine"

// registerTenantConfigCmdlets adds the tenant-level cmdlets: settings,
// configuration, bridges, service numbers, languages, policies, and the
// emulator cmdlets (users, mail, audit log, reset).
func registerTenantConfigCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.AddModule("csshell")
	registerTenantSettingsCmdlets(rt, t)
	registerTenantSettingsSetCmdlets(rt, t)
	registerTenantInfoCmdlets(rt, t)
	registerTenantBridgeCmdlets(rt, t)
	registerTenantNumberCmdlets(rt, t)
	registerTenantPolicyCmdlets(rt, t)
	registerTenantEmuUserCmdlets(rt, t)
	registerTenantEmuMailCmdlets(rt, t)
	registerTenantResetCmdlet(rt, t)
	registerTenantSnapshotCmdlets(rt, t)
}
