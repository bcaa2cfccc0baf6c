package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// registerGrantMeetingPolicy adds Grant-CsTeamsMeetingPolicy, through the
// Teams policies' one grant mechanism (policy_grant.go).
func registerGrantMeetingPolicy(rt *engine.Runtime, t *Tenant) {
	p := newGrantParams(t, t.completeMeetingPolicies, "StudentMeetingPolicy")
	rt.Register(&engine.Cmdlet{
		Name: "Grant-CsTeamsMeetingPolicy", Module: "MicrosoftTeams",
		Synopsis: "Assigns a teams meeting policy at the per-user scope.",
		Description: "Assigns a meeting policy to a user (-Identity) or to the tenant (-Global). PolicyName is the policy's name " +
			"with or without \"Tag:\"; $null removes the assignment, so the user falls back to the tenant's default. The " +
			"offline tenant has no groups: -Group names none. Nothing is returned unless -PassThru is given.",
		DefaultSet:            "Identity",
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                p.infos(),
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Grant-CsTeamsMeetingPolicy -identity \"Ken Myer\" -PolicyName StudentMeetingPolicy", Remarks: "Assigns the policy StudentMeetingPolicy to Ken Myer."},
			{Title: "Example 2", Code: "Grant-CsTeamsMeetingPolicy -Identity ken.myer@contoso.com -PolicyName $null", Remarks: "Removes Ken Myer's assignment."},
			{Title: "Example 3", Code: "Grant-CsTeamsMeetingPolicy -Global -PolicyName RestrictedAnonymousAccess", Remarks: "Makes the policy the tenant's default."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return t.grant(c, p, meetingPolicyGrant) }),
	})
}

// meetingPolicyGrant is what Grant-CsTeamsMeetingPolicy assigns.
var meetingPolicyGrant = policyGrant{
	property: meetingPolicyKind,
	resolve:  resolveMeetingPolicyName,
	user:     func(u *storage.User) *string { return &u.MeetingPolicy },
	tenant:   func(s *storage.Settings) *string { return &s.GlobalMeetingPolicy },
}

// resolveMeetingPolicyName returns the stored form of a -PolicyName: the
// policy's name as it is spelt in the tenant, "" for $null or Global; an
// unknown policy is an error.
func resolveMeetingPolicyName(r storage.Reader, given string) (string, error) {
	if strings.TrimSpace(given) == "" || storage.PolicyIdentity(given) == storage.MeetingPolicyGlobal {
		return "", nil
	}
	pol, err := r.MeetingPolicy(given)
	if errors.Is(err, storage.ErrNotFound) {
		return "", meetingPolicyNotFound(given)
	}
	if err != nil {
		return "", err
	}
	return pol.Name(), nil
}
