package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
)

// The key codec's fuzz targets: every key keys.go builds is read back by
// the layout it documents (decodeKey below is that documentation as
// code), so two different records can never share a key and a prefix scan
// finds exactly the keys it means; and no byte string, however made,
// makes a decoder panic.

// decodedKey is a key read back by the layout of keys.go: its namespace
// and its fields (a: the tail, the length-prefixed string or the search
// word; b: what follows a length-prefixed string or a word's 0x00; seq:
// the u64 of a mail or audit key).
type decodedKey struct {
	ns   byte
	a, b string
	seq  uint64
}

var errBadKey = errors.New("not a key of the documented layout")

// decodeKey reads k by the tables at the top of keys.go.
func decodeKey(k []byte) (decodedKey, error) {
	if len(k) == 0 {
		return decodedKey{}, errBadKey
	}
	d := decodedKey{ns: k[0]}
	rest := k[1:]
	switch d.ns {
	case NSSchema, NSTenant, NSSettings, NSPending:
		if len(rest) != 0 {
			return d, errBadKey
		}
	case NSUser, NSPolicy, NSBridge, NSNumber, NSCounter, NSAudioPol, NSMeetPol, NSIdxUPN, NSIdxSIP, NSIdxSMTP, NSIdxPhone:
		d.a = string(rest)
	case NSMail, NSAudit:
		if len(rest) != 8 {
			return d, errBadKey
		}
		d.seq = binary.BigEndian.Uint64(rest)
	case NSIdxName, NSIdxAlias, NSIdxConf:
		n, w := binary.Uvarint(rest)
		if w <= 0 || n > uint64(len(rest)-w) {
			return d, errBadKey
		}
		d.a, d.b = string(rest[w:w+int(n)]), string(rest[w+int(n):])
	case NSIdxWord:
		i := bytes.IndexByte(rest, 0)
		if i < 0 {
			return d, errBadKey
		}
		d.a, d.b = string(rest[:i]), string(rest[i+1:])
	default:
		return d, errBadKey
	}
	return d, nil
}

// encodeKey builds the key of d again, with the raw layout (no case
// folding): decodeKey(encodeKey(d)) must give d back.
func encodeKey(d decodedKey) []byte {
	switch d.ns {
	case NSMail, NSAudit:
		return AppendU64([]byte{d.ns}, d.seq)
	case NSIdxName, NSIdxAlias, NSIdxConf:
		return append(appendStr([]byte{d.ns}, d.a), d.b...)
	case NSIdxWord:
		return append(append(tailKey(d.ns, d.a), 0), d.b...)
	}
	return tailKey(d.ns, d.a)
}

// keySeeds are the awkward strings the corpus starts from: empty, case,
// non-ASCII case folding that changes byte length, NUL, invalid UTF-8,
// a length prefix longer than one byte, "sip:".
var keySeeds = []string{"", "Ken.Myer@Contoso.com", "sip:Amos@x", "ẞİK", "a\x00b", "\xff\xfe", strings.Repeat("x", 200), "0"}

func FuzzKeyCodec(f *testing.F) {
	for i, a := range keySeeds {
		f.Add(a, keySeeds[(i+1)%len(keySeeds)], uint64(i)*257)
	}
	f.Fuzz(func(t *testing.T, a, b string, seq uint64) {
		check := func(what string, k []byte, want decodedKey) {
			t.Helper()
			got, err := decodeKey(k)
			if err != nil || got != want {
				t.Fatalf("%s(%q, %q): key %q decodes to %+v, %v; want %+v", what, a, b, k, got, err, want)
			}
		}
		lower := strings.ToLower
		check("SchemaKey", SchemaKey(), decodedKey{ns: NSSchema})
		check("TenantKey", TenantKey(), decodedKey{ns: NSTenant})
		check("SettingsKey", SettingsKey(), decodedKey{ns: NSSettings})
		check("PendingKey", PendingKey(), decodedKey{ns: NSPending})
		check("UserKey", UserKey(a), decodedKey{ns: NSUser, a: lower(a)})
		check("PolicyKey", PolicyKey(a), decodedKey{ns: NSPolicy, a: lower(a)})
		check("BridgeKey", BridgeKey(a), decodedKey{ns: NSBridge, a: lower(a)})
		check("NumberKey", NumberKey(a), decodedKey{ns: NSNumber, a: a})
		check("CounterKey", CounterKey(a), decodedKey{ns: NSCounter, a: a})
		check("MailKey", MailKey(seq), decodedKey{ns: NSMail, seq: seq})
		check("AuditKey", AuditKey(seq), decodedKey{ns: NSAudit, seq: seq})
		check("UPNKey", UPNKey(a), decodedKey{ns: NSIdxUPN, a: LowerUPN(a)})
		check("SIPKey", SIPKey(a), decodedKey{ns: NSIdxSIP, a: LowerSIP(a)})
		check("SMTPKey", SMTPKey(a), decodedKey{ns: NSIdxSMTP, a: LowerSMTP(a)})
		check("AudioPolicyKey", AudioPolicyKey(a), decodedKey{ns: NSAudioPol, a: lower(a)})
		check("MeetingPolicyKey", MeetingPolicyKey(a), decodedKey{ns: NSMeetPol, a: lower(a)})
		check("PhoneKey", PhoneKey(a), decodedKey{ns: NSIdxPhone, a: a})
		check("NameKey", NameKey(a, b), decodedKey{ns: NSIdxName, a: lower(a), b: b})
		check("AliasKey", AliasKey(a, b), decodedKey{ns: NSIdxAlias, a: lower(a), b: b})
		check("ConfKey", ConfKey(a, b), decodedKey{ns: NSIdxConf, a: lower(a), b: b})
		check("WordKey", WordKey(a, b), decodedKey{ns: NSIdxWord, a: SearchWord(a), b: b})
		if id := IDFromWordKey(WordKey(a, b)); id != b {
			t.Fatalf("IDFromWordKey(WordKey(%q, %q)) = %q", a, b, id)
		}
		// A prefix scan finds exactly what it means: the keys of one
		// display name, alias or bridge (never a longer one's), and the
		// words starting with a prefix.
		for _, c := range []struct {
			what   string
			prefix func(string) []byte
			key    func(string, string) []byte
		}{{"Name", NamePrefix, NameKey}, {"Alias", AliasPrefix, AliasKey}, {"Conf", ConfPrefix, ConfKey}} {
			for _, other := range []string{a, b, a + b, strings.ToUpper(a)} {
				has := bytes.HasPrefix(c.key(other, b), c.prefix(a))
				if same := lower(other) == lower(a); has != same {
					t.Fatalf("%sPrefix(%q) matches %sKey(%q, …): %v, same name: %v", c.what, a, c.what, other, has, same)
				}
			}
		}
		if has, want := bytes.HasPrefix(WordKey(b, "id"), WordPrefix(a)), strings.HasPrefix(SearchWord(b), SearchWord(a)); has != want {
			t.Fatalf("WordPrefix(%q) matches WordKey(%q): %v, want %v", a, b, has, want)
		}
		// Sequence keys sort as their numbers.
		other := seq ^ uint64(len(a))<<(uint(len(b))%64)
		if c := bytes.Compare(MailKey(seq), MailKey(other)); (c < 0) != (seq < other) || (c == 0) != (seq == other) {
			t.Fatalf("MailKey(%d) vs MailKey(%d): %d", seq, other, c)
		}
	})
}

// FuzzKeyDecode feeds arbitrary bytes to every decoder of keys: none
// panics, and what decodes is the one key of its fields.
func FuzzKeyDecode(f *testing.F) {
	for _, k := range [][]byte{nil, {0x24}, {0x24, 0}, WordKey("myer", "id1"), NameKey("Ken Myer", "id1"), {0x22, 0xff, 0xff, 0xff}, {0x22, 0x80, 0x00}, MailKey(7), {0x08, 1}, UserKey("AB")} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, k []byte) {
		_ = UniqueIndex(k)
		id := IDFromWordKey(k)
		if i := bytes.IndexByte(k[min(1, len(k)):], 0); i >= 0 && id != string(k[i+2:]) {
			t.Fatalf("IDFromWordKey(%q) = %q", k, id)
		}
		d, err := decodeKey(k)
		if err != nil {
			return
		}
		again, err := decodeKey(encodeKey(d))
		if err != nil || again != d {
			t.Fatalf("%q decodes to %+v, which encodes to a key that decodes to %+v, %v", k, d, again, err)
		}
	})
}
