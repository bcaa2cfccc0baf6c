package storage

import "strings"

// IndexEntry is one secondary-index key of a user and its value (see the
// index table in keys.go).
type IndexEntry struct {
	Key []byte
	Val []byte
}

// UserIndex returns every index entry of u, without duplicates. A store's
// PutUser and DeleteUser diff these lists, so an index can never outlive
// its user.
func UserIndex(u *User) []IndexEntry {
	id := u.ID
	upn := LowerUPN(u.UserPrincipalName)
	var out []IndexEntry
	seen := map[string]bool{}
	add := func(k, v []byte) {
		if !seen[string(k)] {
			seen[string(k)] = true
			out = append(out, IndexEntry{k, v})
		}
	}
	add(UPNKey(upn), []byte(id))
	if sip := LowerSIP(u.SipAddress); sip != "" {
		add(SIPKey(sip), []byte(id))
	}
	if strings.TrimSpace(u.DisplayName) != "" {
		add(NameKey(u.DisplayName, id), nil)
	}
	add(SortKey(u), nil)
	add(AliasKey(AliasOf(upn), id), nil)
	for _, w := range searchWords(u) {
		add(WordKey(w, id), []byte(upn))
	}
	if c := u.Conferencing; c != nil && c.BridgeID != "" && c.ConferenceID != "" {
		add(ConfKey(c.BridgeID, c.ConferenceID), []byte(id))
	}
	if smtp := LowerSMTP(u.PrimarySmtpAddress); smtp != "" {
		add(SMTPKey(smtp), []byte(id))
	}
	if u.PhoneNumber != "" {
		add(PhoneKey(u.PhoneNumber), []byte(id))
	}
	return out
}

// SameIndex reports whether a and b are sure to have the same index
// entries (UserIndex) because every field the entries are made of is
// equal: a change that touches none of them (a PIN reset, a setting) has
// no index entry to diff. False only means "maybe not": the caller diffs
// the entries then. Keep it in step with UserIndex.
func SameIndex(a, b *User) bool {
	return a.ID == b.ID &&
		a.UserPrincipalName == b.UserPrincipalName &&
		a.SipAddress == b.SipAddress &&
		a.DisplayName == b.DisplayName &&
		a.PrimarySmtpAddress == b.PrimarySmtpAddress &&
		a.PhoneNumber == b.PhoneNumber &&
		conferenceOf(a) == conferenceOf(b)
}

// conferenceOf is what the conference-id index entry of u is made of.
func conferenceOf(u *User) [2]string {
	if c := u.Conferencing; c != nil {
		return [2]string{c.BridgeID, c.ConferenceID}
	}
	return [2]string{}
}

// searchWords are the words SearchUsers matches a prefix against: the UPN,
// the SIP address without "sip:", the whole display name and each of its
// words, all lower-case.
func searchWords(u *User) []string {
	words := []string{LowerUPN(u.UserPrincipalName), LowerSIP(u.SipAddress)}
	name := strings.ToLower(strings.TrimSpace(u.DisplayName))
	words = append(words, name)
	words = append(words, strings.Fields(name)...)
	out := words[:0]
	for _, w := range words {
		if w = SearchWord(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}
