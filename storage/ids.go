package storage

import (
	"crypto/rand"
	"crypto/sha1"
	"fmt"
	"strings"
)

// idNamespace is the name-space UUID of StableID (RFC 9562 version 5).
var idNamespace = [16]byte{
	0x6c, 0x2f, 0x8e, 0x4a, 0x1d, 0x3b, 0x4f, 0x51,
	0x9a, 0x27, 0x0e, 0x5c, 0x43, 0xd8, 0x7b, 0x19,
}

// NewID returns a random (version 4) GUID in lower case, for new objects.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("storage: crypto/rand failed: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return formatGUID(b)
}

// StableID returns a name-based (version 5) GUID for name: the same name
// always gives the same id. The demo and synthetic users use
// StableID("user:" + lower-case UPN), so their ids are the same in every
// store, test and README example.
func StableID(name string) string {
	h := sha1.New()
	h.Write(idNamespace[:])
	h.Write([]byte(name))
	var b [16]byte
	copy(b[:], h.Sum(nil))
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return formatGUID(b)
}

// UserIDFor is the stable object id of a user created from its UPN.
func UserIDFor(upn string) string { return StableID("user:" + LowerUPN(upn)) }

func formatGUID(b [16]byte) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// IsGUID reports whether s has the 8-4-4-4-12 hex form of a GUID (an
// object id).
func IsGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// NormalizeNumber returns the stored form of a service number: E.164
// digits without '+', accepting "E.164", "+E.164" and "tel:+E.164".
func NormalizeNumber(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 4 && strings.EqualFold(s[:4], "tel:") {
		s = s[4:]
	}
	return strings.TrimPrefix(s, "+")
}
