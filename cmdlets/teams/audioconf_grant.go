package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// registerGrantAudioPolicy adds Grant-CsTeamsAudioConferencingPolicy.
func registerGrantAudioPolicy(rt *engine.Runtime, t *Tenant) {
	p := newGrantParams(t, t.completeAudioPolicies, "EMEA Users")
	rt.Register(&engine.Cmdlet{
		Name: "Grant-CsTeamsAudioConferencingPolicy", Module: "MicrosoftTeams",
		Synopsis: "Assigns a Teams audio-conferencing policy at the per-user scope.",
		Description: "Assigns an audio conferencing policy to a user (-Identity) or to the tenant (-Global). PolicyName is the " +
			"policy's name with or without \"Tag:\"; $null removes the assignment, so the user falls back to the tenant's " +
			"default. The offline tenant has no groups: -Group names none. Nothing is returned unless -PassThru is given.",
		DefaultSet:            "Identity",
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                p.infos(),
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Grant-CsTeamsAudioConferencingPolicy -Identity \"Ken Myer\" -PolicyName \"EMEA Users\"", Remarks: "Assigns the policy EMEA Users to Ken Myer."},
			{Title: "Example 2", Code: "Grant-CsTeamsAudioConferencingPolicy -Identity ken.myer@contoso.com -PolicyName $null", Remarks: "Removes Ken Myer's assignment."},
			{Title: "Example 3", Code: "Grant-CsTeamsAudioConferencingPolicy -Global -PolicyName AllowTollFreeDialinFalse", Remarks: "Makes the policy the tenant's default."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return t.grant(c, p, audioPolicyGrant) }),
	})
}

// audioPolicyGrant is what Grant-CsTeamsAudioConferencingPolicy assigns.
var audioPolicyGrant = policyGrant{
	property: "TeamsAudioConferencingPolicy",
	resolve:  resolveAudioPolicyName,
	user:     func(u *storage.User) *string { return &u.AudioConferencingPolicy },
	tenant:   func(s *storage.Settings) *string { return &s.GlobalAudioConferencingPolicy },
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
