package cmdlets

import "github.com/csshell/csshell/engine"

// RegisterTenant adds the cmdlets that work on the tenant — the real
// MicrosoftTeams / SkypeOnlineConnector audio-conferencing cmdlets and
// csshell's emulator cmdlets (nouns without "Cs") — bound to t.
func RegisterTenant(rt *engine.Runtime, t *Tenant) {
	registerTenantUserCmdlets(rt, t)
	registerTenantConfigCmdlets(rt, t)
}
