package value

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// String returns the guid in .NET's default "D" form (lower-case, hyphenated).
func (g Guid) String() string {
	h := hex.EncodeToString(g[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// NewGuid returns a random (version 4) guid.
func NewGuid() Guid {
	var g Guid
	_, _ = rand.Read(g[:])
	g[6] = g[6]&0x0f | 0x40
	g[8] = g[8]&0x3f | 0x80
	return g
}

// ParseGuid parses the D, N, B and P forms of a guid.
func ParseGuid(s string) (Guid, bool) {
	var g Guid
	s = strings.TrimSpace(s)
	if len(s) == 38 && (s[0] == '{' && s[37] == '}' || s[0] == '(' && s[37] == ')') {
		s = s[1:37]
	}
	if len(s) == 36 {
		if s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
			return g, false
		}
		s = s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	}
	if len(s) != 32 {
		return g, false
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return g, false
	}
	copy(g[:], b)
	return g, true
}
