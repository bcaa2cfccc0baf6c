package storage

import (
	"bytes"
	"encoding/binary"
	"sort"
	"testing"
)

func TestKeyNamespacesDistinct(t *testing.T) {
	seen := map[byte]bool{}
	for _, ns := range []byte{nsSchema, nsTenant, nsSettings, nsUser, nsPolicy, nsBridge, nsNumber, nsMail,
		nsAudit, nsCounter, nsPending, nsIdxUPN, nsIdxSIP, nsIdxName, nsIdxAlias, nsIdxWord, nsIdxConf} {
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
		{nameKey("ab", "c"), nameKey("a", "bc")},
		{aliasKey("ab", "c"), aliasKey("a", "bc")},
		{confKey("ab", "1"), confKey("a", "b1")},
		{wordKey("ab", "c"), wordKey("a", "bc")},
	}
	for _, p := range pairs {
		if bytes.Equal(p[0], p[1]) {
			t.Errorf("collision: %q", p[0])
		}
	}
	if !bytes.HasPrefix(nameKey("Ken Myer", "id"), namePrefix("ken myer")) || bytes.HasPrefix(nameKey("Ken Myers", "id"), namePrefix("ken myer")) {
		t.Error("display-name prefix matches a longer name")
	}
}

func TestKeyLayouts(t *testing.T) {
	cases := []struct {
		got, want []byte
	}{
		{schemaKey(), []byte{0x01}},
		{userKey("AB-1"), []byte("\x04ab-1")},
		{upnKey(" Ken.Myer@Contoso.com"), []byte("\x20ken.myer@contoso.com")},
		{sipKey("SIP:Ken@x"), []byte("\x21ken@x")},
		{nameKey("Ken Myer", "id1"), []byte("\x22\x08ken myerid1")},
		{aliasKey("Ken.Myer", "id1"), []byte("\x23\x08ken.myerid1")},
		{wordKey("Myer", "id1"), []byte("\x24myer\x00id1")},
		{confKey("B1", "1234567"), []byte("\x25\x02b11234567")},
		{mailKey(258), []byte{0x08, 0, 0, 0, 0, 0, 0, 1, 2}},
		{counterKey("mail"), []byte("\x0amail")},
	}
	for _, c := range cases {
		if !bytes.Equal(c.got, c.want) {
			t.Errorf("key %q, want %q", c.got, c.want)
		}
	}
	if seqFromKey(mailKey(258)) != 258 || idFromWordKey(wordKey("myer", "id1")) != "id1" {
		t.Error("decoding")
	}
	if aliasOf("Ken.Myer@Contoso.com") != "ken.myer" || lowerSIP("sip:A@b") != "a@b" || searchWord("A\x00b") != "ab" {
		t.Error("normal forms")
	}
}

// Big-endian sequence keys sort numerically; tail strings sort as strings.
func TestKeyOrder(t *testing.T) {
	keys := [][]byte{mailKey(256), mailKey(2), mailKey(1 << 40), mailKey(255)}
	sort.Slice(keys, func(i, j int) bool { return bytes.Compare(keys[i], keys[j]) < 0 })
	for i, want := range []uint64{2, 255, 256, 1 << 40} {
		if seqFromKey(keys[i]) != want {
			t.Errorf("order %d: %d", i, seqFromKey(keys[i]))
		}
	}
	if bytes.Compare(upnKey("ab@x"), upnKey("b@x")) >= 0 {
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
