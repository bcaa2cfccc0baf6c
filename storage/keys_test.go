package storage

import (
	"bytes"
	"encoding/binary"
	"sort"
	"strings"
	"testing"
)

func TestKeyNamespacesDistinct(t *testing.T) {
	seen := map[byte]bool{}
	for _, ns := range []byte{NSSchema, NSTenant, NSSettings, NSUser, NSPolicy, NSBridge, NSNumber, NSMail,
		NSAudit, NSCounter, NSPending, NSIdxUPN, NSIdxSIP, NSIdxName, NSIdxAlias, NSIdxWord, NSIdxConf} {
		if seen[ns] {
			t.Errorf("namespace 0x%02x used twice", ns)
		}
		seen[ns] = true
	}
}

// Length prefixes keep keys built from different splits apart (the
// collision joined strings suffer from).
func TestKeysNoCollisions(t *testing.T) {
	pairs := [][2][]byte{
		{NameKey("ab", "c"), NameKey("a", "bc")},
		{AliasKey("ab", "c"), AliasKey("a", "bc")},
		{ConfKey("ab", "1"), ConfKey("a", "b1")},
		{WordKey("ab", "c"), WordKey("a", "bc")},
	}
	for _, p := range pairs {
		if bytes.Equal(p[0], p[1]) {
			t.Errorf("collision: %q", p[0])
		}
	}
	if !bytes.HasPrefix(NameKey("Ken Myer", "id"), NamePrefix("ken myer")) || bytes.HasPrefix(NameKey("Ken Myers", "id"), NamePrefix("ken myer")) {
		t.Error("display-name prefix matches a longer name")
	}
}

func TestKeyLayouts(t *testing.T) {
	cases := []struct {
		got, want []byte
	}{
		{SchemaKey(), []byte{0x01}},
		{UserKey("AB-1"), []byte("\x04ab-1")},
		{UPNKey(" Ken.Myer@Contoso.com"), []byte("\x20ken.myer@contoso.com")},
		{SIPKey("SIP:Ken@x"), []byte("\x21ken@x")},
		{NameKey("Ken Myer", "id1"), []byte("\x22\x08ken myerid1")},
		{AliasKey("Ken.Myer", "id1"), []byte("\x23\x08ken.myerid1")},
		{WordKey("Myer", "id1"), []byte("\x24myer\x00id1")},
		{ConfKey("B1", "1234567"), []byte("\x25\x02b11234567")},
		{MailKey(258), []byte{0x08, 0, 0, 0, 0, 0, 0, 1, 2}},
		{CounterKey("mail"), []byte("\x0amail")},
	}
	for _, c := range cases {
		if !bytes.Equal(c.got, c.want) {
			t.Errorf("key %q, want %q", c.got, c.want)
		}
	}
	if seqFromKey(MailKey(258)) != 258 || IDFromWordKey(WordKey("myer", "id1")) != "id1" {
		t.Error("decoding")
	}
	if AliasOf("Ken.Myer@Contoso.com") != "ken.myer" || LowerSIP("sip:A@b") != "a@b" || SearchWord("A\x00b") != "ab" {
		t.Error("normal forms")
	}
}

// Big-endian sequence keys sort numerically; tail strings sort as strings.
func TestKeyOrder(t *testing.T) {
	keys := [][]byte{MailKey(256), MailKey(2), MailKey(1 << 40), MailKey(255)}
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
	for i, want := range []uint64{2, 255, 256, 1 << 40} {
		if seqFromKey(keys[i]) != want {
			t.Errorf("order %d: %d", i, seqFromKey(keys[i]))
		}
	}
	if bytes.Compare(UPNKey("ab@x"), UPNKey("b@x")) >= 0 {
		t.Error("UPN keys do not sort as strings")
	}
}

// seqFromKey reads the u64 after the namespace byte of a mail or audit key.
func seqFromKey(k []byte) uint64 {
	if len(k) != 9 {
		return 0
	}
	return binary.BigEndian.Uint64(k[1:])
}

func TestCallKeyRoundTrip(t *testing.T) {
	for _, c := range []struct {
		org string
		id  uint64
	}{{"5F0C-ABC", 1}, {"", 7}, {strings.Repeat("x", 300), 1 << 40}} {
		org, id, ok := ParseCallKey(CallKey(c.org, c.id))
		if !ok || org != strings.ToLower(c.org) || id != c.id {
			t.Errorf("ParseCallKey(CallKey(%q, %d)) = %q, %d, %v", c.org, c.id, org, id, ok)
		}
		if !bytes.HasPrefix(CallKey(c.org, c.id), CallPrefix(c.org)) {
			t.Errorf("CallKey(%q) is not under CallPrefix", c.org)
		}
	}
	for _, k := range [][]byte{nil, {NSCall}, {NSCall, 5, 'a'}, append(CallKey("a", 1), 0), MeetingKey("a")} {
		if _, _, ok := ParseCallKey(k); ok {
			t.Errorf("ParseCallKey(%q) accepted", k)
		}
	}
}
