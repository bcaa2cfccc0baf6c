package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// The Teams meeting policies: Get-, New-, Set- and
// Remove-CsTeamsMeetingPolicy (Grant- is in meeting_policy_grant.go). The
// facts are in ../shared/reference/pester-teams-surface.md §2.8; the
// policies and their settings, the seven built-in policies included, are
// storage's (storage/meetingpolicy.go), and so is their effect on phone
// callers (storage/dialin/policy.go).

// meetingPolicyTypeName is the type of the policy objects (SHAPES).
const meetingPolicyTypeName = "Microsoft.Teams.Policy.Administration.Cmdlets.Core.TeamsMeetingPolicy"

// meetingPolicyKind names the policy kind in errors and audit records.
const meetingPolicyKind = "TeamsMeetingPolicy"

// meetingPolicySynopsis is the cmdlets' synopsis, the module's.
const meetingPolicySynopsis = "The CsTeamsMeetingPolicy cmdlets enable administrators to control the type of meetings that users can " +
	"create or the features that they can access while in a meeting. It also helps determine how meetings deal with anonymous or external users."

// meetingPolicyObject is the object the cmdlets return for p: Identity,
// then every setting in the live order.
func meetingPolicyObject(p *storage.MeetingPolicy) *value.Object {
	o := value.NewObject(meetingPolicyTypeName, "System.Object")
	o.Set("Identity", p.Identity)
	for i := range storage.MeetingPolicySettings {
		s := &storage.MeetingPolicySettings[i]
		o.Set(s.Name, meetingSettingValue(s, p.Value(s.Name)))
	}
	return o
}

// meetingPolicyNotFound is the error for a policy identity that names
// none.
func meetingPolicyNotFound(identity string) *engine.ErrorRecord {
	return policyNotFound(meetingPolicyKind, storage.PolicyIdentity(identity))
}

// meetingPolicyFail reports a storage error about policy identity as
// meetingPolicyNotFound when it is ErrNotFound.
func meetingPolicyFail(c *engine.Call, err error, identity string) error {
	if errors.Is(err, storage.ErrNotFound) {
		return Fail(c, meetingPolicyNotFound(identity))
	}
	return Fail(c, err)
}

// registerMeetingPolicyCmdlets adds the Teams meeting policy cmdlets and
// their list view.
func registerMeetingPolicyCmdlets(rt *engine.Runtime, t *Tenant) {
	cols := []format.Column{{Property: "Identity"}}
	for _, s := range storage.MeetingPolicySettings {
		cols = append(cols, format.Column{Property: s.Name})
	}
	rt.Formats.Register(format.View{TypeName: meetingPolicyTypeName, Kind: format.ListView, Columns: cols})
	registerGetMeetingPolicy(rt, t)
	registerNewMeetingPolicy(rt, t)
	registerSetMeetingPolicy(rt, t)
	registerRemoveMeetingPolicy(rt, t)
	registerGrantMeetingPolicy(rt, t)
}

// completeMeetingPolicies lists the policies' names (without "Tag:").
func (t *Tenant) completeMeetingPolicies(prefix string) []string {
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		ps, err := r.MeetingPolicies()
		for _, p := range ps {
			if hasPrefixFold(p.Name(), prefix) {
				out = append(out, p.Name())
			}
		}
		return err
	})
	return out
}

// registerGetMeetingPolicy adds Get-CsTeamsMeetingPolicy.
func registerGetMeetingPolicy(rt *engine.Runtime, t *Tenant) {
	id := engine.ParamInSets("Identity", "XdsIdentity", "The policy to return: Global, or a policy's name with or without \"Tag:\" "+
		"(e.g. SalesPolicy, Tag:AllOff). Without it, every policy is returned.", 0, false, "Identity")
	id.Complete = t.completeMeetingPolicies
	xp := xdsParams{identity: engine.Declare[any](id),
		filter: engine.Declare[any](engine.ParamInSets("Filter", "String", "A wildcard pattern on the policies' Identity, e.g. \"tag:*\" for every policy but Global.", -1, false, "Filter"))}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsTeamsMeetingPolicy", Module: "MicrosoftTeams",
		Synopsis: meetingPolicySynopsis,
		Description: "Returns the tenant's Teams meeting policies: Global, the presets every tenant has (Tag:AllOn, " +
			"Tag:RestrictedAnonymousAccess, Tag:AllOff, Tag:RestrictedAnonymousNoRecording, Tag:Default, Tag:Kiosk) and the " +
			"custom ones. -Identity takes Global or a policy's name, with or without \"Tag:\"; -Filter a wildcard pattern on the identity.",
		DefaultSet: "Identity",
		Params:     cfgParams(xp.infos(), cfgInfra("Tenant", "LocalStore")),
		Outputs:    []string{meetingPolicyTypeName},
		OutputType: meetingPolicyOutput,
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Get-CsTeamsMeetingPolicy", Remarks: "Returns every meeting policy of the tenant."},
			{Title: "Example 2", Code: "Get-CsTeamsMeetingPolicy -Identity SalesPolicy", Remarks: "Returns one policy."},
			{Title: "Example 3", Code: "Get-CsTeamsMeetingPolicy | Where-Object {$_.AllowMeetNow -eq $True}", Remarks: "Returns the policies that allow Meet Now."},
			{Title: "Example 4", Code: "Get-CsTeamsMeetingPolicy -Identity Global | Select-Object AutoAdmittedUsers, AllowPSTNUsersToBypassLobby",
				Remarks: "Shows who bypasses the lobby by default."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var policies []*storage.MeetingPolicy
			err := t.cfgRead(c, func(r storage.Reader) error {
				var err error
				policies, err = r.MeetingPolicies()
				return err
			})
			if err != nil {
				return Fail(c, err)
			}
			return writeSelectedPolicies(c, xp, policies, func(p *storage.MeetingPolicy) string { return p.Identity },
				meetingPolicyObject, meetingPolicyKind, storage.PolicyIdentity(textOf(xp.identity.Get(c))))
		}),
	})
}

// registerNewMeetingPolicy adds New-CsTeamsMeetingPolicy.
func registerNewMeetingPolicy(rt *engine.Runtime, t *Tenant) {
	identity := engine.Declare[string](engine.ParamInSets("Identity", "XdsIdentity", "The new policy's name (\"Tag:\" optional); it must not exist yet.", 0, true, engine.AllSets))
	settings := newMeetingSettingParams()
	inMemory := engine.Declare[bool](engine.NamedParam("InMemory", "SwitchParameter", "No longer supported (module 4.0.0): the policy is always created in the tenant."))
	rt.Register(&engine.Cmdlet{
		Name: "New-CsTeamsMeetingPolicy", Module: "MicrosoftTeams",
		Synopsis: "The New-CsTeamsMeetingPolicy cmdlet allows administrators to define new meeting policies that can be assigned to particular users to control Teams features related to meetings.",
		Description: "Creates a custom meeting policy. It uses all the default values for a meeting policy (those of Global as " +
			"the service ships it) except the ones given. Returns the new policy.",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params:     cfgParams([]*engine.ParamInfo{identity.Info()}, meetingSettingInfos(settings), []*engine.ParamInfo{inMemory.Info()}, cfgInfra("Tenant", "Force")),
		Outputs:    []string{meetingPolicyTypeName},
		OutputType: meetingPolicyOutput,
		Examples: []engine.Example{
			{Title: "Example 1", Code: "New-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy -AllowTranscription $True",
				Remarks: "Creates a policy with the default values except AllowTranscription."},
			{Title: "Example 2", Code: "New-CsTeamsMeetingPolicy -Identity HrMeetingPolicy -AutoAdmittedUsers \"Everyone\" -AllowMeetNow $False",
				Remarks: "Creates a policy whose meetings admit everyone and whose users cannot Meet Now."},
			{Title: "Example 3", Code: "New-CsTeamsMeetingPolicy -Identity DialInFriendly -AllowPSTNUsersToBypassLobby $True",
				Remarks: "Phone callers join the meetings of the policy's users without waiting once an authenticated user is in."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if inMemory.Get(c) {
				return Fail(c, InvalidArgument("InMemoryNotSupported", nil, "The InMemory parameter is no longer supported: the policy is created in the tenant."))
			}
			id := storage.PolicyIdentity(identity.Get(c))
			if id == storage.MeetingPolicyGlobal || strings.EqualFold(id, "Tag:"+storage.MeetingPolicyGlobal) || strings.TrimSpace(storage.AudioPolicyName(id)) == "" {
				return Fail(c, meetingPolicyExists(id))
			}
			given, err := givenMeetingSettings(c, settings)
			if err != nil {
				return Fail(c, err)
			}
			if ok, err := c.ShouldProcess(id, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			p := storage.NewMeetingPolicy(id)
			for name, v := range given {
				p.Settings[name] = v
			}
			err = t.cfgChange(c, func(w storage.Writer, admin *storage.User) error {
				if _, err := w.MeetingPolicy(id); err == nil {
					return meetingPolicyExists(id)
				} else if !errors.Is(err, storage.ErrNotFound) {
					return err
				}
				if err := w.PutMeetingPolicy(p); err != nil {
					return err
				}
				changes := []storage.Change{{Property: "Identity", New: id}}
				for _, s := range storage.MeetingPolicySettings {
					if v, ok := given[s.Name]; ok {
						changes = append(changes, storage.Change{Property: s.Name, New: v})
					}
				}
				return t.Audit(w, admin, c, id, "", changes)
			})
			if err != nil {
				return Fail(c, err)
			}
			return c.WriteObject(meetingPolicyObject(p))
		}),
	})
}

// meetingPolicyExists is New-'s error for an identity already in use.
func meetingPolicyExists(id string) *engine.ErrorRecord {
	return engine.NewError("ResourceExists", "PolicyAlreadyExists", id,
		"Cannot create \"%s\" \"%s\" because it already exists.", meetingPolicyKind, id).
		WithException("System.InvalidOperationException")
}

// registerSetMeetingPolicy adds Set-CsTeamsMeetingPolicy.
func registerSetMeetingPolicy(rt *engine.Runtime, t *Tenant) {
	id := engine.ParamInSets("Identity", "XdsIdentity", "The policy to change: Global (the default) or a policy's name with or without \"Tag:\".", 0, false, "Identity")
	id.Complete = t.completeMeetingPolicies
	identity := engine.Declare[string](id)
	settings := newMeetingSettingParams()
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsTeamsMeetingPolicy", Module: "MicrosoftTeams",
		Synopsis: meetingPolicySynopsis,
		Description: "Changes a meeting policy; without -Identity, the Global policy. The policy keeps all its values except the " +
			"ones given. The built-in presets can be changed too. Writes no output.",
		DefaultSet: "Identity", SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: cfgParams([]*engine.ParamInfo{identity.Info()}, meetingSettingInfos(settings), cfgInfra("Tenant", "Force")),
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Set-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy -AllowTranscription $True", Remarks: "Changes one value of the policy."},
			{Title: "Example 2", Code: "Set-CsTeamsMeetingPolicy -Identity HrMeetingPolicy -AutoAdmittedUsers \"Everyone\" -AllowMeetNow $False", Remarks: "Changes two values."},
			{Title: "Example 3", Code: "Set-CsTeamsMeetingPolicy -Identity Global -AllowPSTNUsersToBypassLobby $True",
				Remarks: "Phone callers bypass the lobby, once an authenticated user is in the meeting, for everyone on Global."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			target := storage.PolicyIdentity(identity.Get(c))
			given, err := givenMeetingSettings(c, settings)
			if err != nil {
				return Fail(c, err)
			}
			if ok, err := c.ShouldProcess(target, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			err = t.cfgChange(c, func(w storage.Writer, admin *storage.User) error {
				p, err := w.MeetingPolicy(target)
				if err != nil {
					return err
				}
				p = p.Clone()
				var changes []storage.Change
				for _, s := range storage.MeetingPolicySettings {
					v, ok := given[s.Name]
					if !ok {
						continue
					}
					changes = AppendChange(changes, s.Name, p.Value(s.Name), v)
					p.Settings[s.Name] = v
				}
				if len(changes) == 0 {
					return nil
				}
				if err := w.PutMeetingPolicy(p); err != nil {
					return err
				}
				return t.Audit(w, admin, c, p.Identity, "", changes)
			})
			return meetingPolicyFail(c, err, target)
		}),
	})
}

// registerRemoveMeetingPolicy adds Remove-CsTeamsMeetingPolicy.
func registerRemoveMeetingPolicy(rt *engine.Runtime, t *Tenant) {
	id := engine.ParamInSets("Identity", "XdsIdentity", "The policy to remove: a custom policy's name with or without \"Tag:\".", 0, true, engine.AllSets)
	id.Complete = t.completeMeetingPolicies
	identity := engine.Declare[string](id)
	rt.Register(&engine.Cmdlet{
		Name: "Remove-CsTeamsMeetingPolicy", Module: "MicrosoftTeams",
		Synopsis: meetingPolicySynopsis,
		Description: "Deletes a previously created meeting policy. Users it was assigned to fall back to the tenant's default " +
			"policy. You cannot delete the global policy, nor the built-in presets. Writes no output.",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params:   cfgParams([]*engine.ParamInfo{identity.Info()}, cfgInfra("Tenant", "Force")),
		Examples: []engine.Example{{Title: "Example 1", Code: "Remove-CsTeamsMeetingPolicy -Identity StudentMeetingPolicy", Remarks: "Deletes the policy; its users fall back to the tenant's default."}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			target := storage.PolicyIdentity(identity.Get(c))
			if storage.BuiltinMeetingPolicy(target) != nil {
				what := "the global policy"
				if target != storage.MeetingPolicyGlobal {
					what = "the preset policy " + storage.BuiltinMeetingPolicy(target).Identity
				}
				return Fail(c, InvalidOperation("CannotRemoveBuiltinPolicy", target, "You cannot delete %s.", what))
			}
			if ok, err := c.ShouldProcess(target, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			err := t.cfgChange(c, func(w storage.Writer, admin *storage.User) error {
				p, err := w.MeetingPolicy(target)
				if err != nil {
					return err
				}
				users, err := w.DeleteMeetingPolicy(p.Identity)
				if err != nil {
					return err
				}
				if err := t.Audit(w, admin, c, p.Identity, "", []storage.Change{{Property: "Identity", Old: p.Identity}}); err != nil {
					return err
				}
				for _, u := range users {
					err := t.Audit(w, admin, c, u.UserPrincipalName, u.ID, []storage.Change{{Property: meetingPolicyKind, Old: p.Name()}})
					if err != nil {
						return err
					}
				}
				return nil
			})
			return meetingPolicyFail(c, err, target)
		}),
	})
}
