package teams

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// policyGrant is what one Grant-Cs…Policy cmdlet assigns: the property the
// audit log names, how its -PolicyName resolves to the stored name ("" for
// Global or $null), where the assignment lives on a user and on the tenant,
// each cmdlet's own.
type policyGrant struct {
	property string
	resolve  func(r storage.Reader, name string) (string, error)
	user     func(u *storage.User) *string
	tenant   func(s *storage.Settings) *string
}

// grantParams are the parameters of the Teams policies' Grant cmdlets
// (Grant-CsTeamsAudioConferencingPolicy, Grant-CsTeamsMeetingPolicy):
// sets Identity (a user), GrantToTenant (-Global) and GrantToGroup
// (-Group; the offline tenant has no groups).
type grantParams struct {
	identity   engine.Param[any]
	policyName engine.Param[string]
	global     engine.Param[bool]
	group      engine.Param[string]
	rank       engine.Param[int]
	passThru   engine.Param[bool]
	mode       *engine.ParamInfo
}

// newGrantParams declares a Grant cmdlet's parameters; complete lists
// the policy names, example is one for -PolicyName's help.
func newGrantParams(t *Tenant, complete func(string) []string, example string) *grantParams {
	mode := cfgInfra("MsftInternalProcessingMode")[0]
	mode.Sets = []engine.ParamSet{{Name: "GrantToGroup", Position: -1}}
	return &grantParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "String", Complete: t.CompleteUsers,
			Sets: []engine.ParamSet{{Name: "Identity", Position: 0, FromPipeline: true, FromPipelineByName: true}},
			Help: "The user to assign the policy to: SIP address, user principal name or object id."}),
		policyName: engine.Declare[string](&engine.ParamInfo{Name: "PolicyName", Type: "String", Complete: complete, AllowNull: true, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: "Identity", Position: 1}, {Name: "GrantToTenant", Position: 1}, {Name: "GrantToGroup", Position: 1}},
			Help: "The policy to assign, e.g. \"" + example + "\" (the Tag: prefix is optional); $null removes the assignment, so the user falls back to the tenant's default."}),
		global: engine.Declare[bool](&engine.ParamInfo{Name: "Global", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "GrantToTenant", Position: -1, Mandatory: true}},
			Help: "Assigns the policy to the tenant as a whole: the default of every user without an assignment of their own."}),
		group: engine.Declare[string](&engine.ParamInfo{Name: "Group", Type: "String", Sets: []engine.ParamSet{{Name: "GrantToGroup", Position: -1, Mandatory: true}},
			Help: "The group whose members get the policy (object id, SIP address or e-mail address)."}),
		rank: engine.Declare[int](&engine.ParamInfo{Name: "Rank", Type: "Int32", Sets: []engine.ParamSet{{Name: "GrantToGroup", Position: -1}},
			Help: "The assignment's rank among the group assignments of the same policy type."}),
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns the user the policy was granted to.")),
		mode:     mode,
	}
}

// infos is the declaration list.
func (p *grantParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.identity.Info(), p.policyName.Info(), p.global.Info(), p.group.Info(), p.rank.Info(), p.mode, p.passThru.Info()}
}

// grant runs a Grant cmdlet declared with grantParams for one user or the
// tenant; a group is never found (the offline tenant has none).
func (t *Tenant) grant(c *engine.Call, p *grantParams, g policyGrant) error {
	if c.Set == "GrantToGroup" {
		grp := p.group.Get(c)
		return Fail(c, engine.NewError("ObjectNotFound", "GroupNotFound", grp,
			"Group \"%s\" was not found in the tenant.", grp).WithException("System.Management.Automation.ItemNotFoundException"))
	}
	global := c.Set == "GrantToTenant"
	target := "Global"
	if !global {
		if !p.identity.Given(c) {
			return Fail(c, identityRequired())
		}
		target = IdentityText(p.identity.Get(c))
	}
	return t.grantPolicy(c, g, global, target, p.policyName.Get(c), p.passThru.Get(c))
}

// identityRequired is the error of a Grant cmdlet given neither a user nor
// -Global.
func identityRequired() *engine.ErrorRecord {
	return InvalidArgument("IdentityRequired", nil,
		"Specify the user with the Identity parameter, or use the Global parameter to grant the policy to the tenant.")
}

// grantPolicy assigns a policy to the user target names or, when global
// (target "Global"), to the tenant: checked first, confirmed
// (-WhatIf/-Confirm), changed and audited only when it differs; with
// passThru the user is written out. Failures are non-terminating (Fail).
func (t *Tenant) grantPolicy(c *engine.Call, g policyGrant, global bool, target, policyName string, passThru bool) error {
	var name, userID string
	err := t.Read(func(r storage.Reader) error {
		var err error
		if name, err = g.resolve(r, policyName); err != nil {
			return err
		}
		if !global {
			u, err := ResolveUser(r, target)
			if err != nil {
				return err
			}
			userID = u.ID
		}
		return nil
	})
	if err != nil {
		return Fail(c, err)
	}
	if ok, err := c.ShouldProcess(target, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	var granted *storage.User
	var tn *storage.Tenant
	var settings *storage.Settings
	err = t.Change(func(w storage.Writer, admin *storage.User) error {
		var err error
		if tn, err = w.Tenant(); err != nil {
			return err
		}
		if settings, err = w.Settings(); err != nil {
			return err
		}
		if global {
			field := g.tenant(settings)
			old := *field
			if old == name {
				return nil
			}
			*field = name
			if err := w.PutSettings(settings); err != nil {
				return err
			}
			return t.Audit(w, admin, c, "Global", "", []storage.Change{{Property: g.property, Old: old, New: name}})
		}
		u, err := w.User(userID)
		if err != nil {
			return err
		}
		granted = u
		field := g.user(u)
		old := *field
		if old == name {
			return nil
		}
		*field = name
		u.Modified = w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return err
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, []storage.Change{{Property: g.property, Old: old, New: name}})
	})
	if err != nil {
		return Fail(c, err)
	}
	if passThru && granted != nil {
		return c.WriteObject(onlineUserObject(tn, settings, granted))
	}
	return nil
}
