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
func UserIndex(u *User) []IndexEntry { return UserIndexParts(u, AllIndexParts) }

// IndexParts names groups of a user's index entries, each made of its own
// fields and kept in namespaces of its own: a change that leaves a part's
// fields alone leaves its entries alone, so diffing the other parts is
// enough (IndexPartsChanged).
type IndexParts uint8

// The index parts.
const (
	// IndexNames: the UPN, SIP, display-name, order, alias and
	// search-word entries (the id, UPN, SIP address and display name).
	IndexNames IndexParts = 1 << iota
	// IndexConference: the conference-id entry (bridge and conference id).
	IndexConference
	// IndexMailbox: the mailbox-address entry (primary SMTP address).
	IndexMailbox
	// IndexPhone: the phone-number entry (phone number).
	IndexPhone

	// AllIndexParts is every part.
	AllIndexParts = IndexNames | IndexConference | IndexMailbox | IndexPhone
)

// IndexPartsChanged is the parts whose fields differ between a and b (a
// part whose fields are all equal has the same entries in both). Keep it
// in step with UserIndexParts.
func IndexPartsChanged(a, b *User) IndexParts {
	var p IndexParts
	if a.ID != b.ID || a.UserPrincipalName != b.UserPrincipalName ||
		a.SipAddress != b.SipAddress || a.DisplayName != b.DisplayName {
		p |= IndexNames
	}
	if a.ID != b.ID || conferenceOf(a) != conferenceOf(b) {
		p |= IndexConference
	}
	if a.ID != b.ID || a.PrimarySmtpAddress != b.PrimarySmtpAddress {
		p |= IndexMailbox
	}
	if a.ID != b.ID || a.PhoneNumber != b.PhoneNumber {
		p |= IndexPhone
	}
	return p
}

// SameIndex reports whether a and b are sure to have the same index
// entries (UserIndex) because every field the entries are made of is
// equal: a change that touches none of them (a PIN reset, a setting) has
// no index entry to diff. False only means "maybe not": the caller diffs
// the entries then.
func SameIndex(a, b *User) bool { return IndexPartsChanged(a, b) == 0 }

// conferenceOf is what the conference-id index entry of u is made of.
func conferenceOf(u *User) [2]string {
	if c := u.Conferencing; c != nil {
		return [2]string{c.BridgeID, c.ConferenceID}
	}
	return [2]string{}
}

// UserIndexParts returns u's index entries of the given parts, without
// duplicates.
func UserIndexParts(u *User, parts IndexParts) []IndexEntry {
	id := u.ID
	upn := LowerUPN(u.UserPrincipalName)
	var out []IndexEntry
	if parts&IndexNames != 0 {
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
			add(WordKey(w, id), []byte(u.UserPrincipalName))
		}
	}
	// The other parts have one entry each, in namespaces of their own.
	if c := u.Conferencing; parts&IndexConference != 0 && c != nil && c.BridgeID != "" && c.ConferenceID != "" {
		out = append(out, IndexEntry{ConfKey(c.BridgeID, c.ConferenceID), []byte(id)})
	}
	if smtp := LowerSMTP(u.PrimarySmtpAddress); parts&IndexMailbox != 0 && smtp != "" {
		out = append(out, IndexEntry{SMTPKey(smtp), []byte(id)})
	}
	if parts&IndexPhone != 0 && u.PhoneNumber != "" {
		out = append(out, IndexEntry{PhoneKey(u.PhoneNumber), []byte(id)})
	}
	return out
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
