package storage

// The key codec: every key the store writes is built and parsed here, and
// nowhere else. The store (storage/badgerstore) keeps these keys in Badger;
// the layout is this file's, so it is the one place to read it.
//
// Notation: ns = one namespace byte; str(s) = uvarint(len(s)) then the bytes
// of s; tail(s) = the bytes of s running to the end of the key (only ever the
// last field, so it needs no length and keys sort in plain string order);
// u64 = 8-byte big-endian unsigned integer. Strings marked "lower" are
// strings.ToLower'd first; "sipless" means a leading "sip:" is removed.
// Values are JSON unless noted.
//
// Records
//
//	0x01                                  schema version      value: u64
//	0x02                                  tenant              Tenant
//	0x03                                  settings            Settings
//	0x04 tail(lower userID)               user                User
//	0x05 tail(lower identity)             dial-out policy     policyRecord
//	0x06 tail(lower bridgeID)             bridge              Bridge
//	0x07 tail(number)                     service number      ServiceNumber
//	0x08 u64(seq)                         mail                Mail
//	0x09 u64(seq)                         audit record        AuditRecord
//	0x0A tail(name)                       counter             value: u64
//	0x0B                                  pending reset       value: "demo"|"empty"[ synthetic=N]|"restore schema=N sha256=<hex>[ keyid=<id>]"
//	0x0C tail(lower organizerID)          meeting             Meeting without its Calls (while it has calls)
//	0x0D                                  dial-in options     DialInOptions (the emulator's own switches)
//	0x0E str(lower organizerID) u64(callID) meeting call      MeetingCall (one per call, in arrival order)
//	0x0F tail(lower identity)             audio conf. policy  AudioConferencingPolicy (identity "Global" or "Tag:<Name>")
//	0x10 tail(lower identity)             meeting policy      MeetingPolicy (identity "Global" or "Tag:<Name>")
//
// Secondary indexes (kept in step by PutUser and DeleteUser)
//
//	0x20 tail(lower UPN)                  UPN → user          value: user id
//	0x21 tail(lower sipless SIP)          SIP → user          value: user id
//	0x22 str(lower display name) tail(id) display name        value: empty
//	0x23 str(lower alias) tail(id)        alias (UPN local)   value: empty
//	0x24 word 0x00 tail(id)               search word         value: lower UPN
//	0x25 str(lower bridgeID) tail(confID) conference id       value: user id
//	0x26 tail(lower primary SMTP)         mailbox address     value: user id
//	0x27 tail(phone number)               phone number        value: user id
//	0x28 sort name 0x00 tail(id)          display-name order  value: empty
//
// The UPN, SIP, conference-id, mailbox-address (primary SMTP, "smtp:"
// removed) and phone-number (the user's number in stored form,
// NormalizePhoneNumber: digits, then ";ext=" and digits) indexes are
// unique — so a user's mail, which may carry a PIN, never goes to another
// user's mailbox, and no two users hold one number; a user without a
// mailbox has no 0x26 entry, one without a number no 0x27 entry. The display-name and alias indexes are multi-valued, so the
// user id is part of the key, and so is it in the display-name order
// index (0x28: SortName, the lower-case display name — the UPN for a
// user without one — then a zero byte, in plain byte order, which the
// length-prefixed 0x22 keys are not): the admin center pages the whole
// list by name through it. The search word (0x24) is
// the one field that is neither length-prefixed nor a tail: it is ended by a
// 0x00 byte (words never hold one; it is removed) so that a prefix scan over
// "0x24 prefix" finds every word starting with prefix. Its value, the
// user's lower UPN, lets SearchUsers order matches without loading users.
//
// Example: user 5f0c…, UPN Ken.Myer@contoso.com, display name "Ken Myer":
//
//	0x20 "ken.myer@contoso.com"                       → "5f0c…"
//	0x22 0x08 "ken myer" "5f0c…"                      → ""
//	0x24 "myer" 0x00 "5f0c…"                          → "Ken.Myer@contoso.com"
//	0x26 "ken.myer@contoso.com"                       → "5f0c…"

import (
	"encoding/binary"
	"strings"
)

// SchemaVersion is the version of the layout this file describes: the
// newest store layout this code reads and writes (stored under SchemaKey,
// and named in every snapshot header). Raising it goes with a migration
// step in the store. Version 2 added the mailbox-address index (0x26);
// version 3 the meetings (0x0C) and their calls (0x0E), the dial-in
// options (0x0D) and the call counter; version 4 the Teams audio
// conferencing policies (0x0F; the two automatic ones need no record);
// version 5 the Teams meeting policies (0x10; the preset ones need no
// record) and the users' phone numbers with their index (0x27; no user
// had one before, so the step converts nothing); version 6 the
// display-name order index (0x28, built for every user); version 7 the
// shared-mailbox mark (the counter CounterSharedMailbox, set when two
// users hold one mailbox address, which only a store migrated to version
// 2 can hold); version 8 the search-word entries (0x24) holding the UPN
// as stored rather than lower-cased (SchemaWordUPNCase).
const SchemaVersion = 8

// SchemaWordUPNCase is the schema from which a search-word entry's value
// is its user's UPN as stored; before it, the UPN lower-cased.
const SchemaWordUPNCase = 8

// Namespace bytes, one per record kind and index: the first byte of every
// key (see the tables above).
const (
	NSSchema   byte = 0x01 // schema version
	NSTenant   byte = 0x02 // tenant record
	NSSettings byte = 0x03 // tenant settings
	NSUser     byte = 0x04 // users, by lower-case object id
	NSPolicy   byte = 0x05 // dial-out policies, by lower-case identity
	NSBridge   byte = 0x06 // bridges, by lower-case id
	NSNumber   byte = 0x07 // service numbers
	NSMail     byte = 0x08 // the outbox, by sequence number
	NSAudit    byte = 0x09 // the audit log, by sequence number
	NSCounter  byte = 0x0A // sequence counters
	NSPending  byte = 0x0B // the pending-reset marker
	NSMeeting  byte = 0x0C // dial-in meetings, by lower-case organizer id
	NSDialIn   byte = 0x0D // the dial-in options
	NSCall     byte = 0x0E // meetings' calls, by organizer then call id
	NSAudioPol byte = 0x0F // Teams audio conferencing policies, by lower-case identity
	NSMeetPol  byte = 0x10 // Teams meeting policies, by lower-case identity

	NSIdxUPN   byte = 0x20 // UPN index (unique)
	NSIdxSIP   byte = 0x21 // SIP address index (unique)
	NSIdxName  byte = 0x22 // display-name index
	NSIdxAlias byte = 0x23 // alias index
	NSIdxWord  byte = 0x24 // search-word index
	NSIdxConf  byte = 0x25 // conference-id index (unique per bridge)
	NSIdxSMTP  byte = 0x26 // primary SMTP address index (unique)
	NSIdxPhone byte = 0x27 // phone-number index (unique)
	NSIdxSort  byte = 0x28 // display-name order index
)

// TenantNamespaces returns every namespace that holds tenant data: what
// DeleteAll clears (all but the schema version and the pending-reset
// marker).
func TenantNamespaces() []byte {
	return []byte{
		NSTenant, NSSettings, NSUser, NSPolicy, NSBridge, NSNumber, NSMail, NSAudit, NSCounter,
		NSMeeting, NSDialIn, NSCall, NSAudioPol, NSMeetPol,
		NSIdxUPN, NSIdxSIP, NSIdxName, NSIdxAlias, NSIdxWord, NSIdxConf, NSIdxSMTP, NSIdxPhone, NSIdxSort,
	}
}

// IndexNamespaces returns the namespaces of the user indexes, the entries
// UserIndex lists.
func IndexNamespaces() []byte {
	return []byte{NSIdxUPN, NSIdxSIP, NSIdxName, NSIdxAlias, NSIdxWord, NSIdxConf, NSIdxSMTP, NSIdxPhone, NSIdxSort}
}

// Counter names (0x0A keys).
const (
	CounterMail  = "mail"  // last outbox sequence number
	CounterAudit = "audit" // last audit-log sequence number
	CounterCall  = "call"  // last call id handed out (Invoke-TenantDialIn, Join-TenantMeeting)
	// CounterSharedMailbox is 1 in a store where two users may hold one
	// primary SMTP address: one migrated to the mailbox-address index
	// with an address two users shared, which the index names for one of
	// them only. Its absence lets a change that keeps a user's address
	// skip looking the address up again.
	CounterSharedMailbox = "shared-mailbox"
)

// LogPrefixes are the key prefixes of the outbox, the audit log and their
// sequence counters: what ResetEmpty clears besides users.
func LogPrefixes() [][]byte {
	return [][]byte{{NSMail}, {NSAudit}, CounterKey(CounterMail), CounterKey(CounterAudit)}
}

// appendStr appends str(s): uvarint(len(s)) then the bytes of s.
func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// AppendU64 appends u64(v), the 8-byte big-endian form of v: sequence
// numbers in keys, and the schema version and counter values.
func AppendU64(b []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(b, v) }

// tailKey is ns followed by tail(s).
func tailKey(ns byte, s string) []byte {
	b := make([]byte, 0, 1+len(s))
	b = append(b, ns)
	return append(b, s...)
}

// SchemaKey is the key of the schema version.
func SchemaKey() []byte { return []byte{NSSchema} }

// TenantKey is the key of the tenant record.
func TenantKey() []byte { return []byte{NSTenant} }

// SettingsKey is the key of the tenant settings.
func SettingsKey() []byte { return []byte{NSSettings} }

// PendingKey is the key of the pending-reset marker.
func PendingKey() []byte { return []byte{NSPending} }

// UserKey is the key of a user record.
func UserKey(id string) []byte { return tailKey(NSUser, strings.ToLower(id)) }

// PolicyKey is the key of a dial-out policy record.
func PolicyKey(ident string) []byte { return tailKey(NSPolicy, strings.ToLower(ident)) }

// AudioPolicyKey is the key of a Teams audio conferencing policy record
// (identity in AudioPolicyIdentity's form, any case).
func AudioPolicyKey(identity string) []byte { return tailKey(NSAudioPol, strings.ToLower(identity)) }

// MeetingPolicyKey is the key of a Teams meeting policy record (identity
// in PolicyIdentity's form, any case).
func MeetingPolicyKey(identity string) []byte { return tailKey(NSMeetPol, strings.ToLower(identity)) }

// BridgeKey is the key of a bridge record.
func BridgeKey(id string) []byte { return tailKey(NSBridge, strings.ToLower(id)) }

// NumberKey is the key of a service number record (number in stored form,
// see NormalizeNumber).
func NumberKey(number string) []byte { return tailKey(NSNumber, number) }

// CounterKey is the key of a sequence counter (CounterMail, CounterAudit,
// CounterCall).
func CounterKey(name string) []byte { return tailKey(NSCounter, name) }

// MeetingKey is the key of an organizer's meeting record.
func MeetingKey(organizerID string) []byte { return tailKey(NSMeeting, strings.ToLower(organizerID)) }

// CallPrefix is the prefix of the call records of an organizer's meeting.
func CallPrefix(organizerID string) []byte {
	return appendStr([]byte{NSCall}, strings.ToLower(organizerID))
}

// CallKey is the key of one call of an organizer's meeting.
func CallKey(organizerID string, callID uint64) []byte {
	return AppendU64(CallPrefix(organizerID), callID)
}

// ParseCallKey splits a call key into its organizer id (lower case) and
// call id; ok is false for any other key.
func ParseCallKey(k []byte) (organizerID string, callID uint64, ok bool) {
	if len(k) < 1 || k[0] != NSCall {
		return "", 0, false
	}
	n, w := binary.Uvarint(k[1:])
	if w <= 0 || uint64(len(k)-1-w) != n+8 {
		return "", 0, false
	}
	org := k[1+w : 1+w+int(n)]
	return string(org), binary.BigEndian.Uint64(k[len(k)-8:]), true
}

// DialInOptionsKey is the key of the dial-in options.
func DialInOptionsKey() []byte { return []byte{NSDialIn} }

// MailKey is the key of outbox message seq.
func MailKey(seq uint64) []byte { return AppendU64([]byte{NSMail}, seq) }

// AuditKey is the key of audit record seq.
func AuditKey(seq uint64) []byte { return AppendU64([]byte{NSAudit}, seq) }

// UPNKey is the UPN index key of a UPN.
func UPNKey(upn string) []byte { return tailKey(NSIdxUPN, LowerUPN(upn)) }

// SIPKey is the SIP index key of a SIP address (with or without "sip:").
func SIPKey(sip string) []byte { return tailKey(NSIdxSIP, LowerSIP(sip)) }

// SMTPKey is the mailbox-address index key of a primary SMTP address.
func SMTPKey(addr string) []byte { return tailKey(NSIdxSMTP, LowerSMTP(addr)) }

// PhoneKey is the phone-number index key of a user's number (stored form,
// NormalizePhoneNumber).
func PhoneKey(number string) []byte { return tailKey(NSIdxPhone, number) }

// UniqueIndex reports whether an index key belongs to a unique index (UPN,
// SIP, conference id, mailbox address, phone number), whose value is the one user
// holding it: a store deletes such a key only for the user it names.
func UniqueIndex(key []byte) bool {
	if len(key) == 0 {
		return false
	}
	switch key[0] {
	case NSIdxUPN, NSIdxSIP, NSIdxConf, NSIdxSMTP, NSIdxPhone:
		return true
	}
	return false
}

// NamePrefix is the display-name index prefix of every user with that name.
func NamePrefix(name string) []byte { return appendStr([]byte{NSIdxName}, strings.ToLower(name)) }

// NameKey is the display-name index key of user id.
func NameKey(name, id string) []byte {
	return append(NamePrefix(name), id...)
}

// SortName is what a user sorts by in display-name order: the lower-case
// display name without surrounding spaces, or the lower-case UPN when it
// is empty (zero bytes removed, as in search words).
func SortName(u *User) string {
	if name := SearchWord(strings.TrimSpace(u.DisplayName)); name != "" {
		return name
	}
	return SearchWord(LowerUPN(u.UserPrincipalName))
}

// SortKey is the display-name order index key of a user.
func SortKey(u *User) []byte {
	b := append([]byte{NSIdxSort}, SortName(u)...)
	b = append(b, 0)
	return append(b, u.ID...)
}

// IDFromSortKey is the user id at the end of a display-name order key.
func IDFromSortKey(k []byte) string { return IDFromWordKey(k) }

// AliasPrefix is the alias index prefix of every user with that alias.
func AliasPrefix(alias string) []byte { return appendStr([]byte{NSIdxAlias}, strings.ToLower(alias)) }

// AliasKey is the alias index key of user id.
func AliasKey(alias, id string) []byte {
	return append(AliasPrefix(alias), id...)
}

// WordPrefix is the search-index prefix of every word starting with p.
func WordPrefix(p string) []byte { return tailKey(NSIdxWord, SearchWord(p)) }

// WordKey is the search-index key of one word of user id.
func WordKey(word, id string) []byte {
	b := WordPrefix(word)
	b = append(b, 0)
	return append(b, id...)
}

// IDFromWordKey returns the user id after the 0x00 that ends the word.
func IDFromWordKey(k []byte) string {
	for i := 1; i < len(k); i++ {
		if k[i] == 0 {
			return string(k[i+1:])
		}
	}
	return ""
}

// ConfPrefix is the conference-id index prefix of one bridge.
func ConfPrefix(bridgeID string) []byte {
	return appendStr([]byte{NSIdxConf}, strings.ToLower(bridgeID))
}

// ConfKey is the conference-id index key of confID on the bridge.
func ConfKey(bridgeID, confID string) []byte {
	return append(ConfPrefix(bridgeID), confID...)
}

// LowerUPN is the UPN index form of a UPN: trimmed, lower-case.
func LowerUPN(upn string) string { return strings.ToLower(strings.TrimSpace(upn)) }

// LowerSIP is the SIP index form: trimmed, lower-case, without "sip:".
func LowerSIP(sip string) string {
	s := strings.ToLower(strings.TrimSpace(sip))
	return strings.TrimPrefix(s, "sip:")
}

// LowerSMTP is the mailbox-address index form: trimmed, lower-case,
// without an "SMTP:" prefix.
func LowerSMTP(addr string) string {
	s := strings.ToLower(strings.TrimSpace(addr))
	return strings.TrimPrefix(s, "smtp:")
}

// SearchWord is the search index form of a word: lower-case, no 0x00.
func SearchWord(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "\x00", "")
}

// AliasOf is the alias index form of a UPN: its lower-case local part.
func AliasOf(upn string) string {
	u := LowerUPN(upn)
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		return u[:i]
	}
	return u
}
