package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// numberTypeName is the ConfigAPI type of a conferencing service number.
const numberTypeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.ConferencingServiceNumber"

// numberInterfaceName is the model interface the real objects also carry.
const numberInterfaceName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.IConferencingServiceNumber"

// numberObject builds the service-number object Get-… returns.
func numberObject(n *storage.ServiceNumber) *value.Object {
	o := value.NewObject(numberTypeName, numberInterfaceName, "System.Object")
	o.Set("Number", n.Number)
	o.Set("City", NullIfEmpty(n.City))
	o.Set("PrimaryLanguage", NullIfEmpty(n.PrimaryLanguage))
	o.Set("SecondaryLanguages", StringArray(n.SecondaryLanguages))
	o.Set("BridgeId", NullIfEmpty(n.BridgeID))
	o.Set("IsShared", n.IsShared)
	o.Set("Type", n.Type)
	return o
}

// numberText reads a service number from an -Identity or -Instance
// argument: a string, or an object with a Number property.
func numberText(v any) string {
	if o, ok := v.(*value.Object); ok {
		if s, ok := cfgObjectString(o, "Number"); ok && s != "" {
			return s
		}
	}
	return strings.TrimSpace(value.ToString(v))
}

// resolveNumber finds one of the tenant's service numbers, given in any
// of the documented forms (rule 34).
func resolveNumber(r storage.Reader, given string) (*storage.ServiceNumber, error) {
	num, err := NormalizeNumber(given)
	if err != nil {
		return nil, err
	}
	n, err := r.ServiceNumber(num)
	if err != nil {
		return nil, StoreError(err, given)
	}
	return n, nil
}

// registerTenantNumberCmdlets adds Get-CsOnlineDialInConferencingServiceNumber
// and the number cmdlets of tenant_number_set.go and tenant_number_languages.go.
func registerTenantNumberCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: numberTypeName, Kind: format.ListView, Columns: []format.Column{
		{Property: "Number"}, {Property: "City"}, {Property: "PrimaryLanguage"}, {Property: "SecondaryLanguages"},
		{Property: "BridgeId"}, {Property: "IsShared"}, {Property: "Type"}}})

	filters := []string{"FiltersParams", "UniqueBridgeParams", "TenantIdParams", "TenantDomainParams"}
	size := engine.ParamInSets("ResultSize", "Int32", "", -1, false, filters...)
	size.ValidateRange = &[2]float64{0, 2147483647}
	dc := engine.NamedParam("DomainController", "Fqdn", "")
	dc.Aliases = []string{"DC"}
	tenant := engine.ParamInSets("Tenant", "Guid", "", -1, false, "UniqueNumberParams")
	tenant.Sets = append(tenant.Sets, engine.ParamSet{Name: "TenantIdParams", Position: -1, Mandatory: true})
	p := &getNumberParams{
		identity:   engine.Declare[any](engine.WithCompleter(engine.ParamInSets("Identity", "String", "", 0, true, "UniqueNumberParams"), t.CompleteServiceNumbers)),
		bridgeID:   engine.Declare[string](engine.ParamInSets("BridgeId", "Guid", "", -1, true, "UniqueBridgeParams")),
		bridgeName: engine.Declare[string](engine.WithCompleter(engine.ParamInSets("BridgeName", "String", "", -1, false, "FiltersParams", "TenantIdParams", "TenantDomainParams"), t.completeBridges)),
		city:       engine.Declare[string](engine.ParamInSets("City", "String", "", -1, false, filters...)),
		resultSize: declareInt(size),
		tenant: tenantParams{
			id:     handle(engine.Declare[any](tenant)),
			domain: handle(engine.Declare[string](engine.ParamInSets("TenantDomain", "String", "", -1, true, "TenantDomainParams"))),
		},
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingServiceNumber", Module: "MicrosoftTeams",
		DefaultSet: "FiltersParams",
		Params: []*engine.ParamInfo{p.identity.Info(), p.bridgeID.Info(), p.bridgeName.Info(), p.city.Info(), p.resultSize.Info(),
			p.tenant.id.Info(), p.tenant.domain.Info(), dc,
			engine.NamedParam("Force", "SwitchParameter", "")},
		Outputs:    []string{numberTypeName},
		OutputType: numberOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return t.cfgReadList(c, p.tenant, func(r storage.Reader) ([]*value.Object, error) {
				if c.Set == "UniqueNumberParams" {
					n, err := resolveNumber(r, numberText(p.identity.Get(c)))
					if err != nil {
						return nil, err
					}
					return []*value.Object{numberObject(n)}, nil
				}
				bridgeID := ""
				switch {
				case p.bridgeID.Given(c):
					b, err := resolveBridgeByID(r, p.bridgeID.Get(c))
					if err != nil {
						return nil, err
					}
					bridgeID = b.ID
				case p.bridgeName.Get(c) != "":
					b, err := resolveBridgeByName(r, p.bridgeName.Get(c))
					if err != nil {
						return nil, err
					}
					bridgeID = b.ID
				}
				all, err := r.ServiceNumbers()
				if err != nil {
					return nil, err
				}
				var out []*value.Object
				limit := p.resultSize.Or(c, -1)
				city := strings.TrimSpace(p.city.Get(c))
				for _, n := range all {
					if limit >= 0 && len(out) >= limit {
						break
					}
					if bridgeID != "" && !strings.EqualFold(n.BridgeID, bridgeID) {
						continue
					}
					if city != "" && !strings.EqualFold(n.City, city) {
						continue
					}
					out = append(out, numberObject(n))
				}
				return out, nil
			})
		}),
	})
	registerTenantNumberSetCmdlets(rt, t)
	registerTenantLanguageCmdlets(rt, t)
}

// getNumberParams are Get-CsOnlineDialInConferencingServiceNumber's
// parameters (its -Tenant and -TenantDomain are its own, in its sets).
type getNumberParams struct {
	identity             engine.Param[any]
	bridgeID, bridgeName engine.Param[string]
	city                 engine.Param[string]
	resultSize           intParam
	tenant               tenantParams
}
