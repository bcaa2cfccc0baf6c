package teams

import (
	"errors"
	"slices"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// The Teams audio conferencing policies: Get-, New-, Set- and
// Remove-CsTeamsAudioConferencingPolicy (Grant- is in
// audioconf_grant.go). The facts are in
// ../shared/reference/pester-teams-surface.md §2.2; the policies
// themselves, the two automatic ones included, are storage's.

// audioPolicyTypeName is the type of the policy objects. The sources give
// only PSObject; the name follows Get-CsTeamsMeetingPolicy's.
const audioPolicyTypeName = "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsAudioConferencingPolicy"

// audioPolicyKind names the policy kind in not-found errors.
const audioPolicyKind = "TeamsAudioConferencingPolicy"

// audioPolicyObject is the object the cmdlets return for p, its
// properties in the live order (SHAPES). Key, ConfigMetadata and
// ConfigId are not documented: csshell shows the policy's kind and
// identity, $null and the policy's name.
func audioPolicyObject(p *storage.AudioConferencingPolicy) *value.Object {
	o := value.NewObject(audioPolicyTypeName, "System.Object")
	nums := make([]any, len(p.MeetingInvitePhoneNumbers))
	for i, n := range p.MeetingInvitePhoneNumbers {
		nums[i] = "+" + n
	}
	o.Set("MeetingInvitePhoneNumbers", nums)
	o.Set("AllowTollFreeDialin", p.AllowTollFreeDialin)
	o.Set("Key", audioPolicyKind+":"+p.Identity)
	o.Set("Identity", p.Identity)
	o.Set("ConfigMetadata", nil)
	o.Set("ConfigId", p.Name())
	return o
}

// audioPolicyNotFound is the error for a policy identity that names none.
func audioPolicyNotFound(identity string) *engine.ErrorRecord {
	return policyNotFound(audioPolicyKind, storage.AudioPolicyIdentity(identity))
}

// audioPolicyFail reports a storage error about policy identity as
// policyNotFound when it is ErrNotFound.
func audioPolicyFail(c *engine.Call, err error, identity string) error {
	if errors.Is(err, storage.ErrNotFound) {
		return Fail(c, audioPolicyNotFound(identity))
	}
	return Fail(c, err)
}

// audioPolicyValues are -AllowTollFreeDialin and -MeetingInvitePhoneNumbers,
// shared by New- and Set-.
type audioPolicyValues struct {
	allowTollFree engine.Param[bool]
	numbers       engine.Param[any]
}

func newAudioPolicyValues(t *Tenant) audioPolicyValues {
	nums := engine.NamedParam("MeetingInvitePhoneNumbers", "Object", "")
	nums.Complete = t.CompleteServiceNumbers
	return audioPolicyValues{
		allowTollFree: engine.Declare[bool](engine.NamedParam("AllowTollFreeDialin", "Boolean", "")),
		numbers:       engine.Declare[any](nums),
	}
}

// invitePhoneNumbers reads a -MeetingInvitePhoneNumbers value (one
// number, a list, or $null for none): each must be one of the tenant's
// service numbers. The reference is silent on validation; csshell
// refuses what a meeting invite could not dial into.
func invitePhoneNumbers(r storage.Reader, v any) ([]string, error) {
	items, ok := value.Enumerate(v)
	if !ok {
		items = []any{v}
	}
	out := []string{}
	for _, it := range items {
		if it == nil {
			continue
		}
		s := strings.TrimSpace(value.ToString(it))
		if s == "" {
			continue
		}
		n, err := resolveNumber(r, s)
		if err != nil {
			var rec *engine.ErrorRecord
			if errors.As(err, &rec) && rec.ErrorID == "InvalidServiceNumber" {
				return nil, err
			}
			return nil, InvalidArgument("NotAServiceNumber", s,
				"The number \"%s\" is not a service number of the tenant. Meeting invites can show only the tenant's audio conferencing numbers (Get-CsOnlineDialInConferencingServiceNumber).", s)
		}
		if !slices.Contains(out, n.Number) {
			out = append(out, n.Number)
		}
	}
	return out, nil
}

// registerAudioPolicyCmdlets adds the Teams audio conferencing policy
// cmdlets and their list view.
func registerAudioPolicyCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: audioPolicyTypeName, Kind: format.ListView, Columns: []format.Column{
		{Property: "MeetingInvitePhoneNumbers"}, {Property: "AllowTollFreeDialin"}, {Property: "Key"}, {Property: "Identity"},
		{Property: "ConfigMetadata"}, {Property: "ConfigId"}}})
	registerGetAudioPolicy(rt, t)
	registerNewAudioPolicy(rt, t)
	registerSetAudioPolicy(rt, t)
	registerRemoveAudioPolicy(rt, t)
	registerGrantAudioPolicy(rt, t)
	registerGetUserPolicyAssignment(rt, t)
}

// completeAudioPolicies lists the policies' names (without "Tag:").
func (t *Tenant) completeAudioPolicies(prefix string) []string {
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		ps, err := r.AudioConferencingPolicies()
		for _, p := range ps {
			if hasPrefixFold(p.Name(), prefix) {
				out = append(out, p.Name())
			}
		}
		return err
	})
	return out
}

// registerGetAudioPolicy adds Get-CsTeamsAudioConferencingPolicy.
func registerGetAudioPolicy(rt *engine.Runtime, t *Tenant) {
	id := engine.ParamInSets("Identity", "String", "", 0, false, "Identity")
	id.Complete = t.completeAudioPolicies
	xp := xdsParams{identity: engine.Declare[any](id),
		filter: engine.Declare[any](engine.ParamInSets("Filter", "String", "", -1, false, "Filter"))}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsTeamsAudioConferencingPolicy", Module: "MicrosoftTeams",
		DefaultSet: "Identity",
		Params:     cfgParams(xp.infos(), cfgInfra("LocalStore")),
		Outputs:    []string{audioPolicyTypeName},
		OutputType: audioPolicyOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var policies []*storage.AudioConferencingPolicy
			err := t.cfgRead(c, func(r storage.Reader) error {
				var err error
				policies, err = r.AudioConferencingPolicies()
				return err
			})
			if err != nil {
				return Fail(c, err)
			}
			return writeSelectedPolicies(c, xp, policies, func(p *storage.AudioConferencingPolicy) string { return p.Identity },
				audioPolicyObject, audioPolicyKind, storage.AudioPolicyIdentity(textOf(xp.identity.Get(c))))
		}),
	})
}

// registerNewAudioPolicy adds New-CsTeamsAudioConferencingPolicy.
func registerNewAudioPolicy(rt *engine.Runtime, t *Tenant) {
	identity := engine.Declare[string](engine.ParamInSets("Identity", "String", "", 0, true, engine.AllSets))
	vals := newAudioPolicyValues(t)
	inMemory := engine.Declare[bool](engine.NamedParam("InMemory", "SwitchParameter", ""))
	rt.Register(&engine.Cmdlet{
		Name: "New-CsTeamsAudioConferencingPolicy", Module: "MicrosoftTeams",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params:     cfgParams([]*engine.ParamInfo{identity.Info(), vals.allowTollFree.Info(), vals.numbers.Info(), inMemory.Info()}, cfgInfra("Force")),
		Outputs:    []string{audioPolicyTypeName},
		OutputType: audioPolicyOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if inMemory.Get(c) {
				return Fail(c, InvalidArgument("InMemoryNotSupported", nil, "The InMemory parameter is no longer supported: the policy is created in the tenant."))
			}
			id := storage.AudioPolicyIdentity(identity.Get(c))
			if id == storage.AudioPolicyGlobal || strings.EqualFold(id, "Tag:"+storage.AudioPolicyGlobal) || strings.TrimSpace(storage.AudioPolicyName(id)) == "" {
				return Fail(c, audioPolicyExists(id))
			}
			if ok, err := c.ShouldProcess(id, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			p := &storage.AudioConferencingPolicy{Identity: id, AllowTollFreeDialin: vals.allowTollFree.Or(c, true), MeetingInvitePhoneNumbers: []string{}}
			err := t.cfgChange(c, func(w storage.Writer, admin *storage.User) error {
				if _, err := w.AudioConferencingPolicy(id); err == nil {
					return audioPolicyExists(id)
				} else if !errors.Is(err, storage.ErrNotFound) {
					return err
				}
				if vals.numbers.Given(c) {
					nums, err := invitePhoneNumbers(w, vals.numbers.Get(c))
					if err != nil {
						return err
					}
					p.MeetingInvitePhoneNumbers = nums
				}
				if err := w.PutAudioConferencingPolicy(p); err != nil {
					return err
				}
				changes := []storage.Change{{Property: "Identity", New: id}, {Property: "AllowTollFreeDialin", New: BoolText(p.AllowTollFreeDialin)}}
				changes = AppendChange(changes, "MeetingInvitePhoneNumbers", "", audioNumbersText(p.MeetingInvitePhoneNumbers))
				return t.Audit(w, admin, c, id, "", changes)
			})
			if err != nil {
				return Fail(c, err)
			}
			return c.WriteObject(audioPolicyObject(p))
		}),
	})
}

// audioPolicyExists is New-'s error for an identity already in use.
func audioPolicyExists(id string) *engine.ErrorRecord {
	return engine.NewError("ResourceExists", "PolicyAlreadyExists", id,
		"Cannot create \"%s\" \"%s\" because it already exists.", audioPolicyKind, id).
		WithException("System.InvalidOperationException")
}

// audioNumbersText is a number list as an audit value.
func audioNumbersText(nums []string) string {
	out := make([]string, len(nums))
	for i, n := range nums {
		out[i] = "+" + n
	}
	return ListText(out)
}

// registerSetAudioPolicy adds Set-CsTeamsAudioConferencingPolicy.
func registerSetAudioPolicy(rt *engine.Runtime, t *Tenant) {
	id := engine.ParamInSets("Identity", "String", "", 0, false, "Identity")
	id.Complete = t.completeAudioPolicies
	identity := engine.Declare[string](id)
	inst := engine.ParamInSets("Instance", "PSObject", "", -1, false, "Instance")
	inst.Sets[0].FromPipeline = true
	instance := engine.Declare[any](inst)
	vals := newAudioPolicyValues(t)
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsTeamsAudioConferencingPolicy", Module: "MicrosoftTeams",
		DefaultSet: "Identity", SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: cfgParams([]*engine.ParamInfo{identity.Info(), instance.Info(), vals.allowTollFree.Info(), vals.numbers.Info()}, cfgInfra("Force")),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			target := storage.AudioPolicyIdentity(identity.Get(c))
			var inst any
			if c.Set == "Instance" {
				inst = instance.Get(c)
				s, ok := cfgObjectString(inst, "Identity")
				if !ok || strings.TrimSpace(s) == "" {
					return Fail(c, InvalidArgument("InvalidPolicyInstance", inst,
						"The -Instance object is not an audio conferencing policy: it has no Identity. Pass an object from Get-CsTeamsAudioConferencingPolicy."))
				}
				target = storage.AudioPolicyIdentity(s)
			}
			if ok, err := c.ShouldProcess(target, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			err := t.cfgChange(c, func(w storage.Writer, admin *storage.User) error {
				p, err := w.AudioConferencingPolicy(target)
				if err != nil {
					return err
				}
				old := *p
				allow, numsV, numsGiven := p.AllowTollFreeDialin, vals.numbers.Get(c), vals.numbers.Given(c)
				if inst != nil {
					if v, ok := value.GetMember(inst, "AllowTollFreeDialin"); ok && v != nil {
						allow = value.ToBool(v)
					}
					if v, ok := value.GetMember(inst, "MeetingInvitePhoneNumbers"); ok && !numsGiven {
						numsV, numsGiven = v, true
					}
				}
				if vals.allowTollFree.Given(c) {
					allow = vals.allowTollFree.Get(c)
				}
				p.AllowTollFreeDialin = allow
				if numsGiven {
					if p.MeetingInvitePhoneNumbers, err = invitePhoneNumbers(w, numsV); err != nil {
						return err
					}
				}
				changes := AppendChange(nil, "AllowTollFreeDialin", BoolText(old.AllowTollFreeDialin), BoolText(p.AllowTollFreeDialin))
				changes = AppendChange(changes, "MeetingInvitePhoneNumbers", audioNumbersText(old.MeetingInvitePhoneNumbers), audioNumbersText(p.MeetingInvitePhoneNumbers))
				if len(changes) == 0 {
					return nil
				}
				if err := w.PutAudioConferencingPolicy(p); err != nil {
					return err
				}
				return t.Audit(w, admin, c, p.Identity, "", changes)
			})
			return audioPolicyFail(c, err, target)
		}),
	})
}

// registerRemoveAudioPolicy adds Remove-CsTeamsAudioConferencingPolicy.
func registerRemoveAudioPolicy(rt *engine.Runtime, t *Tenant) {
	id := engine.ParamInSets("Identity", "String", "", 0, true, engine.AllSets)
	id.Sets[0].FromPipelineByName = true
	id.Complete = t.completeAudioPolicies
	identity := engine.Declare[string](id)
	rt.Register(&engine.Cmdlet{
		Name: "Remove-CsTeamsAudioConferencingPolicy", Module: "MicrosoftTeams",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: cfgParams([]*engine.ParamInfo{identity.Info()}, cfgInfra("Force")),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			target := storage.AudioPolicyIdentity(identity.Get(c))
			if storage.BuiltinAudioConferencingPolicy(target) != nil {
				what := "the global policy"
				if target != storage.AudioPolicyGlobal {
					what = "the automatic policy " + target
				}
				return Fail(c, InvalidOperation("CannotRemoveBuiltinPolicy", target, "You cannot delete %s.", what))
			}
			if ok, err := c.ShouldProcess(target, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			err := t.cfgChange(c, func(w storage.Writer, admin *storage.User) error {
				p, err := w.AudioConferencingPolicy(target)
				if err != nil {
					return err
				}
				users, err := w.DeleteAudioConferencingPolicy(p.Identity)
				if err != nil {
					return err
				}
				if err := t.Audit(w, admin, c, p.Identity, "", []storage.Change{{Property: "Identity", Old: p.Identity}}); err != nil {
					return err
				}
				for _, u := range users {
					err := t.Audit(w, admin, c, u.UserPrincipalName, u.ID, []storage.Change{{Property: "TeamsAudioConferencingPolicy", Old: p.Name()}})
					if err != nil {
						return err
					}
				}
				return nil
			})
			return audioPolicyFail(c, err, target)
		}),
	})
}
