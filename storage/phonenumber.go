package storage

import (
	"errors"
	"strings"
)

// Users' phone numbers (Set-/Remove-/Get-CsPhoneNumberAssignment,
// ../shared/reference/pester-teams-surface.md §2.6): a user holds at most
// one, its primary, in User.PhoneNumber with its type and emergency
// location. No two users hold the same number and no user holds a
// service number (the unique index 0x27 and PutUser see to it). The
// tenant keeps no inventory of acquired user numbers: a Direct Routing
// number needs none (the carrier is the customer's), while Calling Plan
// and Operator Connect numbers would have to be ones the tenant holds, so
// the cmdlets refuse them.

// The phone number types (NumberType).
const (
	PhoneNumberDirectRouting   = "DirectRouting"
	PhoneNumberCallingPlan     = "CallingPlan"
	PhoneNumberOperatorConnect = "OperatorConnect"
)

// PhoneNumberTypes are the documented NumberType values.
var PhoneNumberTypes = []string{PhoneNumberDirectRouting, PhoneNumberCallingPlan, PhoneNumberOperatorConnect}

// extSep separates a Direct Routing number from its extension.
const extSep = ";ext="

// NormalizePhoneNumber returns the stored form of a phone number as
// Set-CsPhoneNumberAssignment takes it — E.164 digits (7 to 15) with or
// without "+", then optionally ";ext=" and 1 to 15 digits (any case) —
// and whether it is one. "tel:" is not accepted: the cmdlet's page says
// the number "can't have tel: prefixed".
func NormalizePhoneNumber(s string) (string, bool) {
	t := strings.TrimPrefix(strings.TrimSpace(s), "+")
	num, ext, hasExt := t, "", false
	if i := strings.Index(strings.ToLower(t), extSep); i >= 0 {
		num, ext, hasExt = t[:i], t[i+len(extSep):], true
	}
	if !allDigits(num, 7, 15) || hasExt && !allDigits(ext, 1, 15) {
		return "", false
	}
	if hasExt {
		return num + extSep + ext, true
	}
	return num, true
}

// allDigits reports whether s is min to max ASCII digits.
func allDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// PhoneNumberBase is a stored number without its extension.
func PhoneNumberBase(n string) string {
	base, _, _ := strings.Cut(n, extSep)
	return base
}

// LineURI is a user's LineUri as Get-CsOnlineUser shows it —
// "tel:+14255551000" or "tel:+14255551000;ext=1234" — or "" without a
// number.
func LineURI(u *User) string {
	if u.PhoneNumber == "" {
		return ""
	}
	return "tel:+" + u.PhoneNumber
}

// CheckUserPhone reports what is wrong with a user's phone fields, nil
// when they are sound: a number in stored form with a known type, or no
// number and no type; a location only with a number, and a GUID.
func CheckUserPhone(u *User) error {
	if u.PhoneNumber == "" {
		if u.PhoneNumberType != "" || u.PhoneLocationID != "" {
			return errors.New("storage: a phone number type or location without a number")
		}
		return nil
	}
	if n, ok := NormalizePhoneNumber(u.PhoneNumber); !ok || n != u.PhoneNumber {
		return errors.New("storage: a malformed phone number")
	}
	if !containsFold(PhoneNumberTypes, u.PhoneNumberType) || u.PhoneNumberType != canonicalNumberType(u.PhoneNumberType) {
		return errors.New("storage: a phone number of an unknown type")
	}
	if u.PhoneLocationID != "" && (!IsGUID(u.PhoneLocationID) || strings.ToLower(u.PhoneLocationID) != u.PhoneLocationID) {
		return errors.New("storage: a malformed emergency location id")
	}
	return nil
}

// canonicalNumberType spells a number type as PhoneNumberTypes does.
func canonicalNumberType(t string) string {
	for _, c := range PhoneNumberTypes {
		if strings.EqualFold(c, t) {
			return c
		}
	}
	return t
}

// UserPhoneNumber is one entry of the phone-number index: a number in
// stored form and the id of the user holding it.
type UserPhoneNumber struct {
	Number string
	UserID string
}
