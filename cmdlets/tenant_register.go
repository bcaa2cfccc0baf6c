package cmdlets

import "github.com/csshell/csshell/engine"

// RegisterTenant adds the cmdlets that work on the tenant — the real
// MicrosoftTeams / SkypeOnlineConnector audio-conferencing cmdlets and
// csshell's emulator cmdlets (nouns without "Cs") — bound to t.
func RegisterTenant(rt *engine.Runtime, t *Tenant) {
	before := map[string]bool{}
	for _, c := range rt.Cmdlets() {
		before[c.Name] = true
	}
	registerTenantUserCmdlets(rt, t)
	registerTenantConfigCmdlets(rt, t)
	added := map[string]bool{}
	for _, c := range rt.Cmdlets() {
		if !before[c.Name] {
			added[c.Name] = true
		}
	}
	attachCompleters(rt, t, added)
	rt.AddBarrier(t.store.Sync)
}
