package badgerstore

import (
	"errors"
	"slices"
	"strings"

	"github.com/csshell/csshell/storage"
)

// Teams meeting policies (0x10): a record for each custom policy and for
// a built-in one that was changed; the built-in ones without a record are
// storage.BuiltinMeetingPolicies'.

// MeetingPolicies returns the built-in policies in the service's order,
// then the custom ones in identity order.
func (t *tx) MeetingPolicies() ([]*storage.MeetingPolicy, error) {
	byKey := map[string]*storage.MeetingPolicy{}
	for _, p := range storage.BuiltinMeetingPolicies() {
		byKey[strings.ToLower(p.Identity)] = p
	}
	err := t.each([]byte{storage.NSMeetPol}, true, false, func(k, v []byte) (bool, error) {
		var p storage.MeetingPolicy
		if err := decode(v, &p); err != nil {
			return false, err
		}
		byKey[string(k[1:])] = &p
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]*storage.MeetingPolicy, 0, len(byKey))
	for _, p := range byKey {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *storage.MeetingPolicy) int {
		ra, rb := storage.BuiltinMeetingPolicyRank(a.Identity), storage.BuiltinMeetingPolicyRank(b.Identity)
		switch {
		case ra >= 0 && rb >= 0:
			return ra - rb
		case ra >= 0:
			return -1
		case rb >= 0:
			return 1
		}
		return strings.Compare(strings.ToLower(a.Identity), strings.ToLower(b.Identity))
	})
	return out, nil
}

// MeetingPolicy returns one policy: its record, else the built-in policy
// of that identity, else ErrNotFound.
func (t *tx) MeetingPolicy(identity string) (*storage.MeetingPolicy, error) {
	id := storage.PolicyIdentity(identity)
	var p storage.MeetingPolicy
	err := t.getJSON(storage.MeetingPolicyKey(id), &p)
	if errors.Is(err, storage.ErrNotFound) {
		if b := storage.BuiltinMeetingPolicy(id); b != nil {
			return b, nil
		}
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// PutMeetingPolicy inserts or replaces a policy record.
func (t *tx) PutMeetingPolicy(p *storage.MeetingPolicy) error {
	if err := storage.CheckMeetingPolicy(p); err != nil {
		return err
	}
	return t.putJSON(storage.MeetingPolicyKey(p.Identity), p.Clone())
}

// DeleteMeetingPolicy removes a custom policy and moves its users, and
// the tenant default if it was this policy, back to Global.
func (t *tx) DeleteMeetingPolicy(identity string) ([]*storage.User, error) {
	id := storage.PolicyIdentity(identity)
	if storage.BuiltinMeetingPolicy(id) != nil {
		return nil, errors.New("storage: the built-in meeting policy " + id + " cannot be removed")
	}
	return t.deletePolicy(storage.MeetingPolicyKey(id), storage.AudioPolicyName(id),
		func(u *storage.User) *string { return &u.MeetingPolicy },
		func(s *storage.Settings) *string { return &s.GlobalMeetingPolicy })
}

// checkMeetingPolicyName returns ErrNotFound (wrapped, naming it) when a
// user's or the tenant's meeting policy name names no policy; "" is the
// default.
func (t *tx) checkMeetingPolicyName(name string) error {
	if name == "" {
		return nil
	}
	if storage.PolicyIdentity(name) == storage.MeetingPolicyGlobal {
		return errors.New("storage: an assignment of Global is stored as \"\"")
	}
	if _, err := t.MeetingPolicy(name); err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return &missingPolicyError{kind: "meeting", name: name}
		}
		return err
	}
	return nil
}
