package badgerstore

import (
	"errors"
	"slices"
	"strings"

	"github.com/csshell/csshell/storage"
)

// Teams audio conferencing policies (0x0F): a record for each custom
// policy and for an automatic one that was changed; the automatic ones
// without a record are storage.BuiltinAudioConferencingPolicies'.

// AudioConferencingPolicies returns Global first, then the others in
// identity order.
func (t *tx) AudioConferencingPolicies() ([]*storage.AudioConferencingPolicy, error) {
	byKey := map[string]*storage.AudioConferencingPolicy{}
	for _, p := range storage.BuiltinAudioConferencingPolicies() {
		byKey[strings.ToLower(p.Identity)] = p
	}
	err := t.each([]byte{storage.NSAudioPol}, true, false, func(k, v []byte) (bool, error) {
		var p storage.AudioConferencingPolicy
		if err := decode(v, &p); err != nil {
			return false, err
		}
		byKey[string(k[1:])] = &p
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]*storage.AudioConferencingPolicy, 0, len(byKey))
	for _, p := range byKey {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *storage.AudioConferencingPolicy) int {
		ag, bg := a.Identity == storage.AudioPolicyGlobal, b.Identity == storage.AudioPolicyGlobal
		switch {
		case ag && !bg:
			return -1
		case bg && !ag:
			return 1
		}
		return strings.Compare(strings.ToLower(a.Identity), strings.ToLower(b.Identity))
	})
	return out, nil
}

// AudioConferencingPolicy returns one policy: its record, else the
// automatic policy of that identity, else ErrNotFound.
func (t *tx) AudioConferencingPolicy(identity string) (*storage.AudioConferencingPolicy, error) {
	id := storage.AudioPolicyIdentity(identity)
	var p storage.AudioConferencingPolicy
	err := t.getJSON(storage.AudioPolicyKey(id), &p)
	if errors.Is(err, storage.ErrNotFound) {
		if b := storage.BuiltinAudioConferencingPolicy(id); b != nil {
			return b, nil
		}
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// PutAudioConferencingPolicy inserts or replaces a policy record.
func (t *tx) PutAudioConferencingPolicy(p *storage.AudioConferencingPolicy) error {
	if err := storage.CheckAudioConferencingPolicy(p); err != nil {
		return err
	}
	rec := *p
	rec.MeetingInvitePhoneNumbers = append([]string{}, p.MeetingInvitePhoneNumbers...)
	return t.putJSON(storage.AudioPolicyKey(p.Identity), &rec)
}

// DeleteAudioConferencingPolicy removes a custom policy and moves its
// users, and the tenant default if it was this policy, back to Global.
func (t *tx) DeleteAudioConferencingPolicy(identity string) ([]*storage.User, error) {
	id := storage.AudioPolicyIdentity(identity)
	if storage.BuiltinAudioConferencingPolicy(id) != nil {
		return nil, errors.New("storage: the automatic audio conferencing policy " + id + " cannot be removed")
	}
	return t.deletePolicy(storage.AudioPolicyKey(id), storage.AudioPolicyName(id),
		func(u *storage.User) *string { return &u.AudioConferencingPolicy },
		func(s *storage.Settings) *string { return &s.GlobalAudioConferencingPolicy })
}

// checkAudioPolicyName returns ErrNotFound (wrapped, naming it) when a
// user's or the tenant's policy name names no policy; "" is the default.
func (t *tx) checkAudioPolicyName(name string) error {
	if name == "" {
		return nil
	}
	if storage.AudioPolicyIdentity(name) == storage.AudioPolicyGlobal {
		return errors.New("storage: an assignment of Global is stored as \"\"")
	}
	if _, err := t.AudioConferencingPolicy(name); err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return &missingPolicyError{kind: "audio conferencing", name: name}
		}
		return err
	}
	return nil
}

// missingPolicyError: an assignment names no policy of its kind ("audio
// conferencing", "meeting").
type missingPolicyError struct{ kind, name string }

func (e *missingPolicyError) Error() string {
	return "storage: the " + e.kind + " policy '" + e.name + "' does not exist"
}

// Unwrap makes errors.Is(err, storage.ErrNotFound) hold.
func (e *missingPolicyError) Unwrap() error { return storage.ErrNotFound }
