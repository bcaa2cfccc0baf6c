package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// Get-CsUserPolicyAssignment (../shared/reference/pester-teams-surface.md
// §2.3): a user's direct policy assignments. The offline tenant has no
// groups, so every assignment is Direct; a policy the user holds by
// default (the tenant's or Global) is not an assignment and is not
// returned, as the service documents.

// Type names of Get-CsUserPolicyAssignment's objects.
const (
	effectivePolicyTypeName = "Microsoft.Teams.Config.Cmdlets.Models.EffectivePolicy"
	policySourceTypeName    = "Microsoft.Teams.Config.Cmdlets.Models.PolicySource"
)

// policyAssignmentObject is one assignment of a policy type.
func policyAssignmentObject(policyType, name string) *value.Object {
	src := value.NewObject(policySourceTypeName, "System.Object")
	src.Set("AssignmentType", "Direct")
	src.Set("PolicyName", name)
	src.Set("Reference", nil)
	src.Stringer = func(*value.Object) string { return name }
	o := value.NewObject(effectivePolicyTypeName, "Microsoft.Teams.Config.Cmdlets.Models.IEffectivePolicy", "System.Object")
	o.Set("PolicyType", policyType)
	o.Set("PolicyName", name)
	o.Set("PolicySource", []any{src})
	return o
}

// registerGetUserPolicyAssignment adds Get-CsUserPolicyAssignment.
func registerGetUserPolicyAssignment(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: effectivePolicyTypeName, Kind: format.TableView, Columns: []format.Column{
		{Property: "PolicyType"}, {Property: "PolicyName"}, {Property: "PolicySource"}}})
	identity := engine.Declare[string](&engine.ParamInfo{Name: "Identity", Type: "String", Complete: t.CompleteUsers,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, Mandatory: true, FromPipelineByName: true}}})
	policyType := engine.Declare[string](engine.NamedParam("PolicyType", "String", ""))
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsUserPolicyAssignment", Module: "MicrosoftTeams",
		Params:     []*engine.ParamInfo{identity.Info(), policyType.Info()},
		Outputs:    []string{effectivePolicyTypeName},
		OutputType: effectivePolicyOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var u *storage.User
			err := t.Read(func(r storage.Reader) error {
				var err error
				u, err = ResolveUser(r, identity.Get(c))
				return err
			})
			if err != nil {
				return Fail(c, err)
			}
			want := strings.TrimSpace(policyType.Get(c))
			for _, a := range []struct{ kind, name string }{
				{audioPolicyKind, u.AudioConferencingPolicy},
				{meetingPolicyKind, u.MeetingPolicy},
				{"OnlineDialOutPolicy", strings.TrimPrefix(strings.TrimPrefix(u.DialOutPolicy, "Tag:"), "tag:")},
			} {
				if a.name == "" || (want != "" && !strings.EqualFold(want, a.kind)) {
					continue
				}
				if err := c.WriteObject(policyAssignmentObject(a.kind, a.name)); err != nil {
					return err
				}
			}
			return nil
		}),
	})
}
