package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// grantDialoutParams are Grant-CsDialoutPolicy's parameters: each
// declared once, read through its handle.
type grantDialoutParams struct {
	identity   engine.Param[any]
	policyName engine.Param[string]
	global     engine.Param[bool]
	passThru   engine.Param[bool]
	tenant     engine.Param[string]
}

func newGrantDialoutParams(t *Tenant) *grantDialoutParams {
	return &grantDialoutParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "String", Complete: t.CompleteUsers,
			Sets: []engine.ParamSet{{Name: "Identity", Position: 0, FromPipeline: true, FromPipelineByName: true}}}),
		policyName: engine.Declare[string](&engine.ParamInfo{Name: "PolicyName", Type: "String", Complete: t.completePolicies, AllowNull: true, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: "Identity", Position: 1}, {Name: "GrantToTenant", Position: 1}}}),
		global:   engine.Declare[bool](&engine.ParamInfo{Name: "Global", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "GrantToTenant", Position: -1, Mandatory: true}}}),
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "")),
		tenant:   engine.Declare[string](engine.NamedParam("Tenant", "Guid", "")),
	}
}

// infos is the declaration list, in the module's order.
func (p *grantDialoutParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.identity.Info(), p.policyName.Info(), p.global.Info(), p.passThru.Info(), p.tenant.Info(),
		userDCParam(), userAsJobParam()}
}

// registerGrantDialoutPolicy adds Grant-CsDialoutPolicy.
func registerGrantDialoutPolicy(rt *engine.Runtime, t *Tenant) {
	p := newGrantDialoutParams(t)
	rt.Register(&engine.Cmdlet{
		Name: "Grant-CsDialoutPolicy", Module: "MicrosoftTeams",
		DefaultSet:            "Identity",
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                p.infos(),
		New: func() engine.Processor {
			return &engine.Funcs{OnBegin: userCheckNoJob, OnProcess: func(c *engine.Call) error { return grantDialoutPolicy(c, t, p) }}
		},
	})
}

// dialoutPolicyGrant is what Grant-CsDialoutPolicy assigns.
var dialoutPolicyGrant = policyGrant{
	property: "OnlineDialOutPolicy",
	resolve:  resolveDialOutPolicy,
	user:     func(u *storage.User) *string { return &u.DialOutPolicy },
	tenant:   func(s *storage.Settings) *string { return &s.GlobalDialOutPolicy },
}

// grantDialoutPolicy runs Grant-CsDialoutPolicy for one user or the
// tenant (rules 54–57).
func grantDialoutPolicy(c *engine.Call, t *Tenant, p *grantDialoutParams) error {
	global := p.global.Get(c)
	target := "Global"
	if !global {
		if !p.identity.Given(c) {
			return identityRequired()
		}
		target = IdentityText(p.identity.Get(c))
	}
	return t.grantPolicy(c, dialoutPolicyGrant, global, target, strings.TrimSpace(p.policyName.Get(c)), p.passThru.Get(c))
}

// resolveDialOutPolicy returns the stored name of a policy (its identity
// without "Tag:"), "" for $null or Global; an unknown policy is an error.
func resolveDialOutPolicy(r storage.Reader, name string) (string, error) {
	bare := name
	if len(bare) >= 4 && strings.EqualFold(bare[:4], "tag:") {
		bare = bare[4:]
	}
	if bare == "" || strings.EqualFold(bare, "Global") {
		return "", nil
	}
	ps, err := r.DialOutPolicies()
	if err != nil {
		return "", StoreError(err, name)
	}
	for _, p := range ps {
		id := p.Identity
		if len(id) >= 4 && strings.EqualFold(id[:4], "tag:") {
			id = id[4:]
		} else {
			continue
		}
		if strings.EqualFold(id, bare) {
			return id, nil
		}
	}
	return "", engine.NewError("InvalidArgument", "PolicyNotFound", name,
		"Policy \"%s\" is not a user policy. You can assign only a user policy to a specific user.", name).
		WithException("System.ArgumentException")
}
