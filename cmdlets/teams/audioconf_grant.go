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
		DefaultSet:            "Identity",
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                p.infos(),
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return t.grant(c, p, audioPolicyGrant) }),
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
