package storage

import (
	"errors"
	"fmt"
	"strings"
)

// Teams audio conferencing policies (Get-/Set-/New-/Remove-/Grant-
// CsTeamsAudioConferencingPolicy): whether a policy's users may have
// toll-free numbers, and the numbers their meeting invites show. The
// facts are in ../shared/reference/pester-teams-surface.md §2.2 and
// dialin-admin-center.md (the two automatic policies).
//
// The two automatic policies are built in, here and nowhere else: every
// tenant has them — a new, an emptied or a restored one alike — whether
// or not the store holds a record for them. A stored record of one
// (Set-CsTeamsAudioConferencingPolicy changed it) takes its place; a
// custom policy exists only as a stored record.

// Identities of the automatic policies.
const (
	AudioPolicyGlobal           = "Global"
	AudioPolicyNoTollFreeDialin = "Tag:AllowTollFreeDialinFalse"
)

// AudioConferencingPolicy is a Teams audio conferencing policy.
type AudioConferencingPolicy struct {
	// Identity is "Global" or "Tag:<Name>" (AudioPolicyIdentity's form).
	Identity string
	// AllowTollFreeDialin is whether the policy's users may be reached
	// on toll-free numbers (documented default True).
	AllowTollFreeDialin bool
	// MeetingInvitePhoneNumbers are the service numbers the users'
	// meeting invites show, in stored form (NormalizeNumber); none: the
	// numbers follow the user's location.
	MeetingInvitePhoneNumbers []string
}

// Name is the policy's name without "Tag:" ("Global" for Global): what
// a user's AudioConferencingPolicy and the tenant default hold.
func (p *AudioConferencingPolicy) Name() string { return AudioPolicyName(p.Identity) }

// BuiltinAudioConferencingPolicies returns the automatic policies as a
// tenant starts with them: Global (toll-free dial-in on, no numbers) and
// AllowTollFreeDialinFalse.
func BuiltinAudioConferencingPolicies() []*AudioConferencingPolicy {
	return []*AudioConferencingPolicy{
		{Identity: AudioPolicyGlobal, AllowTollFreeDialin: true, MeetingInvitePhoneNumbers: []string{}},
		{Identity: AudioPolicyNoTollFreeDialin, AllowTollFreeDialin: false, MeetingInvitePhoneNumbers: []string{}},
	}
}

// BuiltinAudioConferencingPolicy returns the automatic policy with that
// identity (any form AudioPolicyIdentity accepts), or nil.
func BuiltinAudioConferencingPolicy(identity string) *AudioConferencingPolicy {
	id := AudioPolicyIdentity(identity)
	for _, p := range BuiltinAudioConferencingPolicies() {
		if strings.EqualFold(p.Identity, id) {
			return p
		}
	}
	return nil
}

// AudioPolicyIdentity is the identity form of a policy name as users
// type it: trimmed; "Global" (any case) is Global, "Tag:<Name>" keeps
// its name with the prefix spelt "Tag:", a bare name gets it.
func AudioPolicyIdentity(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, AudioPolicyGlobal) || s == "":
		return AudioPolicyGlobal
	case len(s) >= 4 && strings.EqualFold(s[:4], "tag:"):
		return "Tag:" + s[4:]
	}
	return "Tag:" + s
}

// AudioPolicyName is a policy's name without "Tag:" ("Global" for
// Global).
func AudioPolicyName(identity string) string {
	id := AudioPolicyIdentity(identity)
	if id == AudioPolicyGlobal {
		return id
	}
	return id[4:]
}

// CheckAudioConferencingPolicy reports what is wrong with a policy
// record, nil when it is sound: an identity in AudioPolicyIdentity's
// form with a name, no NUL, and numbers in stored form.
func CheckAudioConferencingPolicy(p *AudioConferencingPolicy) error {
	if p == nil || p.Identity != AudioPolicyIdentity(p.Identity) || strings.TrimSpace(AudioPolicyName(p.Identity)) == "" ||
		strings.ContainsRune(p.Identity, 0) {
		return errors.New("storage: an audio conferencing policy needs an identity, Global or Tag:<Name>")
	}
	if strings.EqualFold(p.Identity, "Tag:"+AudioPolicyGlobal) {
		return errors.New("storage: Tag:Global would be the Global policy")
	}
	for _, n := range p.MeetingInvitePhoneNumbers {
		if n == "" || NormalizeNumber(n) != n {
			return fmt.Errorf("storage: the policy %s holds a malformed number", p.Identity)
		}
	}
	return nil
}

// EffectiveAudioConferencingPolicy returns the policy that applies to a
// user: the one assigned to them, else the one granted to the tenant
// (Grant-CsTeamsAudioConferencingPolicy -Global), else Global.
func EffectiveAudioConferencingPolicy(r Reader, u *User) (*AudioConferencingPolicy, error) {
	name := u.AudioConferencingPolicy
	if name == "" {
		s, err := r.Settings()
		if err != nil {
			return nil, err
		}
		name = s.GlobalAudioConferencingPolicy
	}
	if name != "" {
		p, err := r.AudioConferencingPolicy(name)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, ErrNotFound) {
			return nil, err
		}
	}
	return r.AudioConferencingPolicy(AudioPolicyGlobal)
}
