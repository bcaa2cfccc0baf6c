package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// grantAudioPolicyParams are Grant-CsTeamsAudioConferencingPolicy's
// parameters: sets Identity (a user), GrantToTenant (-Global) and
// GrantToGroup (-Group; the offline tenant has no groups).
type grantAudioPolicyParams struct {
	identity   engine.Param[any]
	policyName engine.Param[string]
	global     engine.Param[bool]
	group      engine.Param[string]
	rank       engine.Param[int]
	passThru   engine.Param[bool]
}

func newGrantAudioPolicyParams(t *Tenant) *grantAudioPolicyParams {
	return &grantAudioPolicyParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "String", Complete: t.CompleteUsers,
			Sets: []engine.ParamSet{{Name: "Identity", Position: 0, FromPipeline: true, FromPipelineByName: true}},
			Help: "The user to assign the policy to: SIP address, user principal name or object id."}),
		policyName: engine.Declare[string](&engine.ParamInfo{Name: "PolicyName", Type: "String", Complete: t.completeAudioPolicies, AllowNull: true, AllowEmptyString: true,
			Sets: []engine.ParamSet{{Name: "Identity", Position: 1}, {Name: "GrantToTenant", Position: 1}, {Name: "GrantToGroup", Position: 1}},
			Help: "The policy to assign, e.g. \"EMEA Users\" (the Tag: prefix is optional); $null removes the assignment, so the user falls back to the tenant's default."}),
		global: engine.Declare[bool](&engine.ParamInfo{Name: "Global", Type: "SwitchParameter", Sets: []engine.ParamSet{{Name: "GrantToTenant", Position: -1, Mandatory: true}},
			Help: "Assigns the policy to the tenant as a whole: the default of every user without an assignment of their own."}),
		group: engine.Declare[string](&engine.ParamInfo{Name: "Group", Type: "String", Sets: []engine.ParamSet{{Name: "GrantToGroup", Position: -1, Mandatory: true}},
			Help: "The group whose members get the policy (object id, SIP address or e-mail address)."}),
		rank: engine.Declare[int](&engine.ParamInfo{Name: "Rank", Type: "Int32", Sets: []engine.ParamSet{{Name: "GrantToGroup", Position: -1}},
			Help: "The assignment's rank among the group assignments of the same policy type."}),
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns the user the policy was granted to.")),
	}
}

// registerGrantAudioPolicy adds Grant-CsTeamsAudioConferencingPolicy.
func registerGrantAudioPolicy(rt *engine.Runtime, t *Tenant) {
	p := newGrantAudioPolicyParams(t)
	mode := cfgInfra("MsftInternalProcessingMode")[0]
	mode.Sets = []engine.ParamSet{{Name: "GrantToGroup", Position: -1}}
	rt.Register(&engine.Cmdlet{
		Name: "Grant-CsTeamsAudioConferencingPolicy", Module: "MicrosoftTeams",
		Synopsis: "Assigns a Teams audio-conferencing policy at the per-user scope.",
		Description: "Assigns an audio conferencing policy to a user (-Identity) or to the tenant (-Global). PolicyName is the " +
			"policy's name with or without \"Tag:\"; $null removes the assignment, so the user falls back to the tenant's " +
			"default. The offline tenant has no groups: -Group names none. Nothing is returned unless -PassThru is given.",
		DefaultSet:            "Identity",
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                []*engine.ParamInfo{p.identity.Info(), p.policyName.Info(), p.global.Info(), p.group.Info(), p.rank.Info(), mode, p.passThru.Info()},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Grant-CsTeamsAudioConferencingPolicy -Identity \"Ken Myer\" -PolicyName \"EMEA Users\"", Remarks: "Assigns the policy EMEA Users to Ken Myer."},
			{Title: "Example 2", Code: "Grant-CsTeamsAudioConferencingPolicy -Identity ken.myer@contoso.com -PolicyName $null", Remarks: "Removes Ken Myer's assignment."},
			{Title: "Example 3", Code: "Grant-CsTeamsAudioConferencingPolicy -Global -PolicyName AllowTollFreeDialinFalse", Remarks: "Makes the policy the tenant's default."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return grantAudioPolicy(c, t, p) }),
	})
}

// audioPolicyGrant is what Grant-CsTeamsAudioConferencingPolicy assigns.
var audioPolicyGrant = policyGrant{
	property: "TeamsAudioConferencingPolicy",
	resolve:  resolveAudioPolicyName,
	user:     func(u *storage.User) *string { return &u.AudioConferencingPolicy },
	tenant:   func(s *storage.Settings) *string { return &s.GlobalAudioConferencingPolicy },
}

// grantAudioPolicy runs Grant-CsTeamsAudioConferencingPolicy for one user
// or the tenant; a group is never found (the offline tenant has none).
func grantAudioPolicy(c *engine.Call, t *Tenant, p *grantAudioPolicyParams) error {
	if c.Set == "GrantToGroup" {
		g := p.group.Get(c)
		return Fail(c, engine.NewError("ObjectNotFound", "GroupNotFound", g,
			"Group \"%s\" was not found in the tenant.", g).WithException("System.Management.Automation.ItemNotFoundException"))
	}
	global := c.Set == "GrantToTenant"
	target := "Global"
	if !global {
		if !p.identity.Given(c) {
			return Fail(c, identityRequired())
		}
		target = IdentityText(p.identity.Get(c))
	}
	return t.grantPolicy(c, audioPolicyGrant, global, target, p.policyName.Get(c), p.passThru.Get(c))
}

// resolveAudioPolicyName returns the stored form of a -PolicyName: the
// policy's name as it is spelt in the tenant, "" for $null or Global;
// an unknown policy is an error.
func resolveAudioPolicyName(r storage.Reader, given string) (string, error) {
	if strings.TrimSpace(given) == "" || storage.AudioPolicyIdentity(given) == storage.AudioPolicyGlobal {
		return "", nil
	}
	pol, err := r.AudioConferencingPolicy(given)
	if errors.Is(err, storage.ErrNotFound) {
		return "", audioPolicyNotFound(given)
	}
	if err != nil {
		return "", err
	}
	return pol.Name(), nil
}
