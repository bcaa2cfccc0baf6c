package teams

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// acpProviderType is the type of Get-CsAudioConferencingProvider's objects
// (the Skype for Business cmdlet reference's OUTPUTS).
const acpProviderType = "Microsoft.Rtc.Management.WritableConfig.Settings.AudioConferencingProvider.AudioConferencingProvider#Decorated"

// acpProvider is an audio conferencing provider the tenant's users use.
type acpProvider struct {
	name, domain, url string
}

// registerAudioConferencingProvider adds Get-CsAudioConferencingProvider
// (Skype for Business Online; gone with it, surfaceItems says when).
func registerAudioConferencingProvider(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: acpProviderType, Kind: format.ListView, Columns: []format.Column{
		{Property: "Identity"}, {Property: "Name"}, {Property: "Domain"}, {Property: "Url"}}})
	xp := xdsIdentitySets("The provider to return, by its name, for example \"Intercall\".",
		"A wildcard pattern on the providers' Identity, for example \"*Inter*\".")
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsAudioConferencingProvider", Module: "MicrosoftTeams",
		Synopsis: "Returns information about the audio conferencing providers authorized for use in the organization.",
		Description: "Returns the audio conferencing providers of the tenant: Microsoft and each third-party provider a user " +
			"is assigned to (Set-TenantUser -Provider), by name. -Identity names one; -Filter takes wildcards on the Identity. " +
			"Third-party providers were retired with Skype for Business Online on 2021-07-31.",
		DefaultSet: "Identity",
		Params:     cfgParams(xp.infos(), cfgInfra("LocalStore")),
		Outputs:    []string{acpProviderType},
		OutputType: acpProviderOutput,
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Get-CsAudioConferencingProvider", Remarks: "Returns every provider."},
			{Title: "Example 2", Code: "Get-CsAudioConferencingProvider -Identity \"Intercall\"", Remarks: "Returns one provider."},
			{Title: "Example 3", Code: "Get-CsAudioConferencingProvider -Filter \"*Inter*\"", Remarks: "Returns the providers whose Identity contains Inter."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var providers []acpProvider
			err := t.cfgRead(c, func(r storage.Reader) error {
				var err error
				providers, err = tenantProviders(r)
				return err
			})
			if err != nil {
				return Fail(c, err)
			}
			return writeSelectedPolicies(c, xp, providers, func(p acpProvider) string { return p.name }, acpProviderObject,
				"AudioConferencingProvider", strings.TrimSpace(textOf(xp.identity.Get(c))))
		}),
	})
}

// tenantProviders lists Microsoft and the third-party providers the
// tenant's users have, by name; a third party's domain and URL are those
// of its first user with a dial-in on record.
func tenantProviders(r storage.Reader) ([]acpProvider, error) {
	tn, err := r.Tenant()
	if err != nil {
		return nil, err
	}
	byName := map[string]*acpProvider{}
	err = r.ScanUsers("", 0, func(u *storage.User) error {
		if !IsThirdParty(u) {
			return nil
		}
		key := strings.ToLower(u.Provider)
		p, ok := byName[key]
		if !ok {
			p = &acpProvider{name: u.Provider, domain: thirdPartyDomain(u.Provider)}
			byName[key] = p
		}
		if p.url == "" && u.ACP.Domain != "" {
			p.domain, p.url = u.ACP.Domain, u.ACP.URL
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []acpProvider{{name: storage.ProviderMicrosoft, domain: microsoftACPDomain, url: microsoftACPURL + tn.ID}}
	for _, p := range byName {
		out = append(out, *p)
	}
	sort.SliceStable(out[1:], func(i, j int) bool { return strings.ToLower(out[1+i].name) < strings.ToLower(out[1+j].name) })
	return out, nil
}

// acpProviderObject is a provider as the cmdlet returns it.
func acpProviderObject(p acpProvider) *value.Object {
	o := value.NewObject(acpProviderType, "Microsoft.Rtc.Management.WritableConfig.Settings.AudioConferencingProvider.AudioConferencingProvider", "System.Object")
	o.Set("Identity", p.name)
	o.Set("Name", p.name)
	o.Set("Domain", p.domain)
	o.Set("Url", userNullIfEmpty(p.url))
	return o
}
