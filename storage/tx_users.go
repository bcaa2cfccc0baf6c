package storage

import (
	"errors"
	"strings"

	badger "github.com/dgraph-io/badger/v4"
)

// indexEntry is one secondary-index key of a user and its value.
type indexEntry struct {
	key []byte
	val []byte
}

// userIndex returns every index entry of u, without duplicates. PutUser and
// DeleteUser diff these lists, so an index can never outlive its user.
func userIndex(u *User) []indexEntry {
	id := u.ID
	upn := lowerUPN(u.UserPrincipalName)
	var out []indexEntry
	seen := map[string]bool{}
	add := func(k, v []byte) {
		if !seen[string(k)] {
			seen[string(k)] = true
			out = append(out, indexEntry{k, v})
		}
	}
	add(upnKey(upn), []byte(id))
	if sip := lowerSIP(u.SipAddress); sip != "" {
		add(sipKey(sip), []byte(id))
	}
	if strings.TrimSpace(u.DisplayName) != "" {
		add(nameKey(u.DisplayName, id), nil)
	}
	add(aliasKey(aliasOf(upn), id), nil)
	for _, w := range searchWords(u) {
		add(wordKey(w, id), []byte(upn))
	}
	if c := u.Conferencing; c != nil && c.BridgeID != "" && c.ConferenceID != "" {
		add(confKey(c.BridgeID, c.ConferenceID), []byte(id))
	}
	return out
}

// searchWords are the words SearchUsers matches a prefix against: the UPN,
// the SIP address without "sip:", the whole display name and each of its
// words, all lower-case.
func searchWords(u *User) []string {
	words := []string{lowerUPN(u.UserPrincipalName), lowerSIP(u.SipAddress)}
	name := strings.ToLower(strings.TrimSpace(u.DisplayName))
	words = append(words, name)
	words = append(words, strings.Fields(name)...)
	out := words[:0]
	for _, w := range words {
		if w = searchWord(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// User returns the user with that object id.
func (t *tx) User(id string) (*User, error) {
	item, err := t.txn.Get(userKey(id))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var u *User
	err = item.Value(func(val []byte) error {
		var derr error
		u, derr = t.b.users.decodeUser(val)
		return derr
	})
	return u, err
}

// userOrNil is User with ErrNotFound turned into nil.
func (t *tx) userOrNil(id string) (*User, error) {
	u, err := t.User(id)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	return u, err
}

// PutUser inserts or replaces a user and keeps every index in step.
func (t *tx) PutUser(u *User) error {
	if u == nil || u.ID == "" {
		return errors.New("storage: a user needs an object id")
	}
	if lowerUPN(u.UserPrincipalName) == "" {
		return errors.New("storage: a user needs a user principal name")
	}
	if err := t.checkUnique(u); err != nil {
		return err
	}
	old, err := t.userOrNil(u.ID)
	if err != nil {
		return err
	}
	if err := t.writeIndex(old, u); err != nil {
		return err
	}
	return t.putJSON(userKey(u.ID), u)
}

// checkUnique fails with a *DuplicateError when another user holds u's
// UPN, SIP address, or conference id on u's bridge.
func (t *tx) checkUnique(u *User) error {
	other := func(key []byte) (bool, error) {
		v, ok, err := t.getRaw(key)
		return ok && string(v) != u.ID, err
	}
	if taken, err := other(upnKey(u.UserPrincipalName)); err != nil || taken {
		return dupOr(err, "user principal name", u.UserPrincipalName)
	}
	if lowerSIP(u.SipAddress) != "" {
		if taken, err := other(sipKey(u.SipAddress)); err != nil || taken {
			return dupOr(err, "SIP address", u.SipAddress)
		}
	}
	if c := u.Conferencing; c != nil && c.BridgeID != "" && c.ConferenceID != "" {
		if taken, err := other(confKey(c.BridgeID, c.ConferenceID)); err != nil || taken {
			return dupOr(err, "conference ID", c.ConferenceID)
		}
	}
	return nil
}

func dupOr(err error, what, value string) error {
	if err != nil {
		return err
	}
	return &DuplicateError{What: what, Value: value}
}

// writeIndex replaces old's index entries (old may be nil) by u's (u may
// be nil): stale keys are deleted, new or changed ones written, and
// unchanged ones left alone (a PIN reset writes no index entry at all).
func (t *tx) writeIndex(old, u *User) error {
	have := map[string]string{}
	if old != nil {
		for _, e := range userIndex(old) {
			have[string(e.key)] = string(e.val)
		}
	}
	if u != nil {
		for _, e := range userIndex(u) {
			v, ok := have[string(e.key)]
			delete(have, string(e.key))
			if ok && v == string(e.val) {
				continue
			}
			if err := t.set(e.key, e.val); err != nil {
				return err
			}
		}
	}
	for k := range have {
		if err := t.del([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// DeleteUser removes the user and every index entry of it.
func (t *tx) DeleteUser(id string) error {
	old, err := t.User(id)
	if err != nil {
		return err
	}
	if err := t.writeIndex(old, nil); err != nil {
		return err
	}
	return t.del(userKey(id))
}

// CountUsers returns how many users the tenant has (a keys-only scan).
func (t *tx) CountUsers() (int, error) {
	n := 0
	err := t.each([]byte{nsUser}, false, false, func(_, _ []byte) (bool, error) {
		n++
		return true, nil
	})
	return n, err
}

// ConferenceIDOwner returns the user holding confID on the bridge.
func (t *tx) ConferenceIDOwner(bridgeID, confID string) (string, bool, error) {
	v, ok, err := t.getRaw(confKey(bridgeID, confID))
	return string(v), ok, err
}
