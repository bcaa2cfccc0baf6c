package storage

// The key codec: every Badger key the store writes is built and parsed here,
// and nowhere else.
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
//	0x0B                                  pending reset       value: "demo"|"empty"
//
// Secondary indexes (kept in step by PutUser and DeleteUser)
//
//	0x20 tail(lower UPN)                  UPN → user          value: user id
//	0x21 tail(lower sipless SIP)          SIP → user          value: user id
//	0x22 str(lower display name) tail(id) display name        value: empty
//	0x23 str(lower alias) tail(id)        alias (UPN local)   value: empty
//	0x24 word 0x00 tail(id)               search word         value: lower UPN
//	0x25 str(lower bridgeID) tail(confID) conference id       value: user id
//
// The UPN and SIP indexes are unique; the display-name and alias indexes are
// multi-valued, so the user id is part of the key. The search word (0x24) is
// the one field that is neither length-prefixed nor a tail: it is ended by a
// 0x00 byte (words never hold one; it is removed) so that a prefix scan over
// "0x24 prefix" finds every word starting with prefix. Its value, the
// user's lower UPN, lets SearchUsers order matches without loading users.
//
// Example: user 5f0c…, UPN Ken.Myer@contoso.com, display name "Ken Myer":
//
//	0x20 "ken.myer@contoso.com"                       → "5f0c…"
//	0x22 0x08 "ken myer" "5f0c…"                      → ""
//	0x24 "myer" 0x00 "5f0c…"                          → "ken.myer@contoso.com"

import (
	"encoding/binary"
	"strings"
)

// Namespace bytes, one per record kind and index.
const (
	nsSchema   byte = 0x01
	nsTenant   byte = 0x02
	nsSettings byte = 0x03
	nsUser     byte = 0x04
	nsPolicy   byte = 0x05
	nsBridge   byte = 0x06
	nsNumber   byte = 0x07
	nsMail     byte = 0x08
	nsAudit    byte = 0x09
	nsCounter  byte = 0x0A
	nsPending  byte = 0x0B

	nsIdxUPN   byte = 0x20
	nsIdxSIP   byte = 0x21
	nsIdxName  byte = 0x22
	nsIdxAlias byte = 0x23
	nsIdxWord  byte = 0x24
	nsIdxConf  byte = 0x25
)

// tenantNamespaces are every namespace DeleteAll clears (all but the schema
// version and the pending-reset marker).
var tenantNamespaces = []byte{
	nsTenant, nsSettings, nsUser, nsPolicy, nsBridge, nsNumber, nsMail, nsAudit, nsCounter,
	nsIdxUPN, nsIdxSIP, nsIdxName, nsIdxAlias, nsIdxWord, nsIdxConf,
}

// Counter names (0x0A keys).
const (
	counterMail  = "mail"
	counterAudit = "audit"
)

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendU64(b []byte, v uint64) []byte { return binary.BigEndian.AppendUint64(b, v) }

func tailKey(ns byte, s string) []byte {
	b := make([]byte, 0, 1+len(s))
	b = append(b, ns)
	return append(b, s...)
}

func schemaKey() []byte             { return []byte{nsSchema} }
func tenantKey() []byte             { return []byte{nsTenant} }
func settingsKey() []byte           { return []byte{nsSettings} }
func pendingKey() []byte            { return []byte{nsPending} }
func userKey(id string) []byte      { return tailKey(nsUser, strings.ToLower(id)) }
func policyKey(ident string) []byte { return tailKey(nsPolicy, strings.ToLower(ident)) }
func bridgeKey(id string) []byte    { return tailKey(nsBridge, strings.ToLower(id)) }
func numberKey(number string) []byte {
	return tailKey(nsNumber, number)
}
func counterKey(name string) []byte { return tailKey(nsCounter, name) }
func mailKey(seq uint64) []byte     { return appendU64([]byte{nsMail}, seq) }
func auditKey(seq uint64) []byte    { return appendU64([]byte{nsAudit}, seq) }

func upnKey(upn string) []byte { return tailKey(nsIdxUPN, lowerUPN(upn)) }
func sipKey(sip string) []byte { return tailKey(nsIdxSIP, lowerSIP(sip)) }

// namePrefix is the display-name index prefix of every user with that name.
func namePrefix(name string) []byte { return appendStr([]byte{nsIdxName}, strings.ToLower(name)) }
func nameKey(name, id string) []byte {
	return append(namePrefix(name), id...)
}

// aliasPrefix is the alias index prefix of every user with that alias.
func aliasPrefix(alias string) []byte { return appendStr([]byte{nsIdxAlias}, strings.ToLower(alias)) }
func aliasKey(alias, id string) []byte {
	return append(aliasPrefix(alias), id...)
}

// wordPrefix is the search-index prefix of every word starting with p.
func wordPrefix(p string) []byte { return tailKey(nsIdxWord, searchWord(p)) }
func wordKey(word, id string) []byte {
	b := wordPrefix(word)
	b = append(b, 0)
	return append(b, id...)
}

// idFromWordKey returns the user id after the 0x00 that ends the word.
func idFromWordKey(k []byte) string {
	for i := 1; i < len(k); i++ {
		if k[i] == 0 {
			return string(k[i+1:])
		}
	}
	return ""
}

// confPrefix is the conference-id index prefix of one bridge.
func confPrefix(bridgeID string) []byte {
	return appendStr([]byte{nsIdxConf}, strings.ToLower(bridgeID))
}
func confKey(bridgeID, confID string) []byte {
	return append(confPrefix(bridgeID), confID...)
}

// lowerUPN is the UPN index form of a UPN.
func lowerUPN(upn string) string { return strings.ToLower(strings.TrimSpace(upn)) }

// lowerSIP is the SIP index form: lower-case, without "sip:".
func lowerSIP(sip string) string {
	s := strings.ToLower(strings.TrimSpace(sip))
	return strings.TrimPrefix(s, "sip:")
}

// searchWord is the search index form of a word: lower-case, no 0x00.
func searchWord(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "\x00", "")
}

// aliasOf is the alias index form of a UPN: its lower-case local part.
func aliasOf(upn string) string {
	u := lowerUPN(upn)
	if i := strings.LastIndexByte(u, '@'); i >= 0 {
		return u[:i]
	}
	return u
}
