package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// Type names of the policy objects.
const (
	dialinPolicyTypeName  = "Microsoft.Rtc.Management.WritableConfig.Policy.OnlineDialinConferencing.OnlineDialinConferencingPolicy"
	dialoutPolicyTypeName = "Microsoft.Rtc.Management.WritableConfig.Policy.OnlineDialOut.OnlineDialOutPolicy"
)

// dialinPolicies are the predefined dial-in conferencing policies. The
// reference names none (a live tenant showed three instances; their
// AllowService values are undocumented): csshell takes the global policy,
// which allows the service, and one tag allowing and one refusing it.
var dialinPolicies = []dialinPolicy{
	{"Global", true},
	{"Tag:ServiceAllowed", true},
	{"Tag:ServiceNotAllowed", false},
}

// dialinPolicy is one predefined dial-in conferencing policy.
type dialinPolicy struct {
	identity string
	allow    bool
}

// dialinPolicyObject is the object Get-CsOnlineDialinConferencingPolicy
// returns for p.
func dialinPolicyObject(p dialinPolicy) *value.Object {
	o := value.NewObject(dialinPolicyTypeName, "System.Object")
	o.Set("Identity", p.identity)
	o.Set("AllowService", p.allow)
	o.Set("Description", nil)
	return o
}

// dialoutPolicyObject is the object Get-CsOnlineDialOutPolicy returns for p.
func dialoutPolicyObject(p *storage.DialOutPolicy) *value.Object {
	o := value.NewObject(dialoutPolicyTypeName, "System.Object")
	o.Set("Identity", p.Identity)
	o.Set("AllowPSTNConferencingDialOutType", p.AllowPSTNConferencingDialOutType)
	o.Set("AllowPSTNOutboundCallingType", p.AllowPSTNOutboundCallingType)
	return o
}

// writeSelectedPolicies writes obj of each policy whose identity
// -Identity or -Filter selects (xdsMatch, "Tag:" optional). When -Identity
// names one policy and none matches, it fails (cfgFail) with
// policyNotFound(kind, notFoundID).
func writeSelectedPolicies[P any](c *engine.Call, xp xdsParams, policies []P, identity func(P) string, obj func(P) *value.Object, kind, notFoundID string) error {
	found := false
	for _, p := range policies {
		if !xdsMatch(c, xp, identity(p), true) {
			continue
		}
		found = true
		if err := c.WriteObject(obj(p)); err != nil {
			return err
		}
	}
	if !found && xdsWantsOne(c, xp) {
		return Fail(c, policyNotFound(kind, notFoundID))
	}
	return nil
}

// policyNotFound is the error for an XDS policy identity that names none.
func policyNotFound(kind, identity string) *engine.ErrorRecord {
	return engine.NewError("ObjectNotFound", "PolicyNotFound", identity,
		"Cannot get \"%s\" \"%s\" because it does not exist.", kind, identity).
		WithException("System.Management.Automation.ItemNotFoundException")
}

// registerTenantPolicyCmdlets adds Get-CsOnlineDialinConferencingPolicy and
// Get-CsOnlineDialOutPolicy with their table views.
func registerTenantPolicyCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: dialinPolicyTypeName, Kind: format.TableView, Columns: []format.Column{
		{Property: "Identity"}, {Property: "AllowService"}, {Property: "Description"}}})
	rt.Formats.Register(format.View{TypeName: dialoutPolicyTypeName, Kind: format.TableView, Columns: []format.Column{
		{Property: "Identity"}, {Property: "AllowPSTNConferencingDialOutType"}, {Property: "AllowPSTNOutboundCallingType"}}})

	dialin := xdsIdentitySets("", "")
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialinConferencingPolicy", Module: "MicrosoftTeams",
		DefaultSet: "Identity",
		Params:     cfgParams(dialin.infos(), cfgInfra("LocalStore")),
		Outputs:    []string{dialinPolicyTypeName},
		OutputType: dialinPolicyOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if err := t.cfgRead(c, func(storage.Reader) error { return nil }); err != nil {
				return Fail(c, err)
			}
			return writeSelectedPolicies(c, dialin, dialinPolicies, func(p dialinPolicy) string { return p.identity }, dialinPolicyObject,
				"OnlineDialinConferencingPolicy", textOf(dialin.identity.Get(c)))
		}),
	})

	id := engine.ParamInSets("Identity", "String", "", 1, false, "Identity")
	id.Complete = t.completePolicyIdentities
	dialout := xdsParams{identity: engine.Declare[any](id),
		filter: engine.Declare[any](engine.ParamInSets("Filter", "String", "", -1, false, "Filter"))}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialOutPolicy", Module: "MicrosoftTeams",
		DefaultSet: "Identity",
		Params:     dialout.infos(),
		Outputs:    []string{dialoutPolicyTypeName},
		OutputType: dialoutPolicyOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var policies []*storage.DialOutPolicy
			err := t.cfgRead(c, func(r storage.Reader) error {
				var err error
				policies, err = r.DialOutPolicies()
				return err
			})
			if err != nil {
				return Fail(c, err)
			}
			return writeSelectedPolicies(c, dialout, policies, func(p *storage.DialOutPolicy) string { return p.Identity }, dialoutPolicyObject,
				"OnlineDialOutPolicy", strings.TrimSpace(textOf(dialout.identity.Get(c))))
		}),
	})
}
