package badgerstore

import (
	"errors"

	"github.com/csshell/csshell/storage"
)

// User returns the user with that object id.
func (t *tx) User(id string) (*storage.User, error) {
	u, err := t.sharedUser(id)
	if err != nil {
		return nil, err
	}
	return u.Clone(), nil
}

// userOrNil is User with ErrNotFound turned into nil.
func (t *tx) userOrNil(id string) (*storage.User, error) {
	u, err := t.User(id)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil
	}
	return u, err
}

// PutUser inserts or replaces a user and keeps every index in step.
func (t *tx) PutUser(u *storage.User) error {
	if u == nil || u.ID == "" {
		return errors.New("storage: a user needs an object id")
	}
	if storage.LowerUPN(u.UserPrincipalName) == "" {
		return errors.New("storage: a user needs a user principal name")
	}
	old, err := t.sharedUser(u.ID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	if err := t.checkUnique(u, old); err != nil {
		return err
	}
	if err := t.checkAudioPolicyName(u.AudioConferencingPolicy); err != nil {
		return err
	}
	if err := t.checkMeetingPolicyName(u.MeetingPolicy); err != nil {
		return err
	}
	if err := storage.CheckUserPhone(u); err != nil {
		return err
	}
	if err := t.writeIndex(old, u); err != nil {
		return err
	}
	key := storage.UserKey(u.ID)
	val, err := storage.EncodeUser(u)
	if err != nil {
		return err
	}
	if err := t.set(key, val); err != nil {
		return err
	}
	if t.g != nil {
		t.g.keepDecoded(key, u.Clone())
	}
	return nil
}

// checkUnique fails with a *DuplicateError when another user holds u's
// UPN, SIP address, primary SMTP address, conference id on u's bridge or
// phone number, or u's phone number is a service number. old is the
// user's record before the change (nil for a new user): a UPN, SIP
// address, conference id or phone number it already held is u's in its
// index (PutUser wrote the entry, only the user's own change takes it
// away), so it is not looked up again. So is the mailbox address, except
// in a store marked as holding a shared one (storage.CounterSharedMailbox,
// migrate_smtp.go): there an address two users share is indexed for the
// other one, and every change to this user is refused.
func (t *tx) checkUnique(u, old *storage.User) error {
	other := func(key []byte) (bool, error) {
		v, ok, err := t.get(key)
		return ok && string(v) != u.ID, err
	}
	if old == nil || old.UserPrincipalName != u.UserPrincipalName {
		if taken, err := other(storage.UPNKey(u.UserPrincipalName)); err != nil || taken {
			return dupOr(err, "user principal name", u.UserPrincipalName)
		}
	}
	if storage.LowerSIP(u.SipAddress) != "" && (old == nil || old.SipAddress != u.SipAddress) {
		if taken, err := other(storage.SIPKey(u.SipAddress)); err != nil || taken {
			return dupOr(err, "SIP address", u.SipAddress)
		}
	}
	if storage.LowerSMTP(u.PrimarySmtpAddress) != "" {
		check, err := t.mailboxToCheck(u, old)
		if err != nil {
			return err
		}
		if check {
			if taken, err := other(storage.SMTPKey(u.PrimarySmtpAddress)); err != nil || taken {
				return dupOr(err, "primary SMTP address", u.PrimarySmtpAddress)
			}
		}
	}
	if c := u.Conferencing; c != nil && c.BridgeID != "" && c.ConferenceID != "" && !sameConference(old, c) {
		if taken, err := other(storage.ConfKey(c.BridgeID, c.ConferenceID)); err != nil || taken {
			return dupOr(err, "conference ID", c.ConferenceID)
		}
	}
	if u.PhoneNumber != "" {
		if old == nil || old.PhoneNumber != u.PhoneNumber {
			if taken, err := other(storage.PhoneKey(u.PhoneNumber)); err != nil || taken {
				return dupOr(err, "phone number", "+"+u.PhoneNumber)
			}
		}
		if service, err := t.has(storage.NumberKey(u.PhoneNumber)); err != nil || service {
			return dupOr(err, "phone number (a service number)", "+"+u.PhoneNumber)
		}
	}
	return nil
}

// mailboxToCheck reports whether checkUnique looks u's mailbox address up
// in its index: an address old did not hold always; one it held only in a
// store marked as holding a shared one (storage.CounterSharedMailbox).
func (t *tx) mailboxToCheck(u, old *storage.User) (bool, error) {
	if old == nil || old.PrimarySmtpAddress != u.PrimarySmtpAddress {
		return true, nil
	}
	_, marked, err := t.get(storage.CounterKey(storage.CounterSharedMailbox))
	return marked, err
}

// sameConference reports whether old held the conference id c holds, on
// the same bridge.
func sameConference(old *storage.User, c *storage.Conferencing) bool {
	return old != nil && old.Conferencing != nil &&
		old.Conferencing.BridgeID == c.BridgeID && old.Conferencing.ConferenceID == c.ConferenceID
}

// PhoneNumberOwner returns the id of the user holding a phone number.
func (t *tx) PhoneNumberOwner(number string) (string, bool, error) {
	v, ok, err := t.getRaw(storage.PhoneKey(number))
	return string(v), ok, err
}

// UserPhoneNumbers lists the phone-number index, by number.
func (t *tx) UserPhoneNumbers() ([]storage.UserPhoneNumber, error) {
	var out []storage.UserPhoneNumber
	err := t.each([]byte{storage.NSIdxPhone}, true, false, func(k, v []byte) (bool, error) {
		out = append(out, storage.UserPhoneNumber{Number: string(k[1:]), UserID: string(v)})
		return true, nil
	})
	return out, err
}

func dupOr(err error, what, value string) error {
	if err != nil {
		return err
	}
	return &storage.DuplicateError{What: what, Value: value}
}

// writeIndex replaces old's index entries (old may be nil) by u's (u may
// be nil): stale keys are deleted, new or changed ones written, and
// unchanged ones left alone. Only the parts whose fields differ are
// diffed (storage.IndexPartsChanged): a PIN reset builds no entry at
// all, enabling a user only its conference-id entry.
func (t *tx) writeIndex(old, u *storage.User) error {
	parts := storage.AllIndexParts
	if old != nil && u != nil {
		parts = storage.IndexPartsChanged(old, u)
	}
	if parts == 0 {
		return nil
	}
	have := map[string]string{}
	if old != nil {
		for _, e := range storage.UserIndexParts(old, parts) {
			have[string(e.Key)] = string(e.Val)
		}
	}
	if u != nil {
		for _, e := range storage.UserIndexParts(u, parts) {
			v, ok := have[string(e.Key)]
			delete(have, string(e.Key))
			if ok && v == string(e.Val) {
				continue
			}
			if err := t.set(e.Key, e.Val); err != nil {
				return err
			}
		}
	}
	for k := range have {
		if storage.UniqueIndex([]byte(k)) {
			// A unique entry is deleted only for the user it names: a
			// store migrated to a new unique index may hold a value two
			// users shared, indexed for the first of them only.
			v, ok, err := t.getRaw([]byte(k))
			if err != nil {
				return err
			}
			if !ok || old == nil || string(v) != old.ID {
				continue
			}
		}
		if err := t.del([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// DeleteUser removes the user, every index entry of it and its meeting.
func (t *tx) DeleteUser(id string) error {
	old, err := t.sharedUser(id)
	if err != nil {
		return err
	}
	if err := t.writeIndex(old, nil); err != nil {
		return err
	}
	if err := t.DeleteMeeting(old.ID); err != nil {
		return err
	}
	return t.del(storage.UserKey(id))
}

// CountUsers returns how many users the tenant has (a keys-only scan).
func (t *tx) CountUsers() (int, error) {
	n := 0
	err := t.each([]byte{storage.NSUser}, false, false, func(_, _ []byte) (bool, error) {
		n++
		return true, nil
	})
	return n, err
}

// ConferenceIDOwner returns the user holding confID on the bridge.
func (t *tx) ConferenceIDOwner(bridgeID, confID string) (string, bool, error) {
	v, ok, err := t.getRaw(storage.ConfKey(bridgeID, confID))
	return string(v), ok, err
}
