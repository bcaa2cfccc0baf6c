package storage

import (
	"cmp"
	"encoding/base64"
	"strconv"
	"time"
	"unicode/utf8"
)

// EncodeUser is the stored form of a user record: exactly the bytes
// json.Marshal writes for it (the tests hold the two to that), written
// without reflection — a bulk change writes every user it touches.
func EncodeUser(u *User) ([]byte, error) {
	e := recordEncoder{b: make([]byte, 0, 1536)}
	e.user(u)
	return e.result()
}

// recordEncoder appends a record's JSON; err is the first error (a
// time json.Marshal refuses); empty is true in an object no field of
// which is written yet.
type recordEncoder struct {
	b     []byte
	err   error
	empty bool
}

// open starts an object.
func (e *recordEncoder) open() {
	e.b = append(e.b, '{')
	e.empty = true
}

// key appends a field's name, after a comma unless it is the object's
// first.
func (e *recordEncoder) key(name string) {
	if !e.empty {
		e.b = append(e.b, ',')
	}
	e.empty = false
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':')
}

// result is the record written, or the first error.
func (e *recordEncoder) result() ([]byte, error) {
	if e.err != nil {
		return nil, e.err
	}
	return e.b, nil
}

// list appends a slice field of n items, null when isNil (json.Marshal's
// nil slice), item(i) writing each.
func (e *recordEncoder) list(name string, n int, isNil bool, item func(i int)) {
	e.key(name)
	if isNil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, '[')
	for i := range n {
		if i > 0 {
			e.b = append(e.b, ',')
		}
		item(i)
	}
	e.b = append(e.b, ']')
}

func (e *recordEncoder) str(name, s string) { e.key(name); e.b = appendJSONString(e.b, s) }

// strOmit is str for an omitempty string field.
func (e *recordEncoder) strOmit(name, s string) {
	if s != "" {
		e.str(name, s)
	}
}

func (e *recordEncoder) boolean(name string, v bool) {
	e.key(name)
	e.b = strconv.AppendBool(e.b, v)
}

func (e *recordEncoder) integer(name string, v int) {
	e.key(name)
	e.b = strconv.AppendInt(e.b, int64(v), 10)
}

func (e *recordEncoder) bytes(name string, v []byte) {
	e.key(name)
	if v == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.b = append(e.b, '"')
	e.b = base64.StdEncoding.AppendEncode(e.b, v)
	e.b = append(e.b, '"')
}

func (e *recordEncoder) time(name string, t time.Time) {
	e.key(name)
	e.b = append(e.b, '"')
	b, err := t.AppendText(e.b) // RFC 3339 with nanoseconds, as MarshalJSON
	if err != nil {
		e.err = cmp.Or(e.err, err)
		return
	}
	e.b = append(b, '"')
}

func (e *recordEncoder) user(u *User) {
	e.open()
	e.str("ID", u.ID)
	e.str("UserPrincipalName", u.UserPrincipalName)
	e.str("DisplayName", u.DisplayName)
	e.str("SipAddress", u.SipAddress)
	e.str("PrimarySmtpAddress", u.PrimarySmtpAddress)
	e.boolean("HasMailbox", u.HasMailbox)
	e.str("UsageLocation", u.UsageLocation)
	e.str("City", u.City)
	e.str("Department", u.Department)
	e.list("Roles", len(u.Roles), u.Roles == nil, func(i int) { e.b = appendJSONString(e.b, u.Roles[i]) })
	e.strOmit("GivenName", u.GivenName)
	e.strOmit("Surname", u.Surname)
	e.strOmit("Title", u.Title)
	e.strOmit("Company", u.Company)
	e.strOmit("Country", u.Country)
	e.strOmit("StateOrProvince", u.StateOrProvince)
	e.strOmit("PostalCode", u.PostalCode)
	e.strOmit("StreetAddress", u.StreetAddress)
	e.strOmit("PreferredLanguage", u.PreferredLanguage)
	if u.ACP != (ACPDialIn{}) { // omitzero
		e.key("ACP")
		e.open()
		e.str("TollNumber", u.ACP.TollNumber)
		e.str("TollFreeNumber", u.ACP.TollFreeNumber)
		e.str("ParticipantPassCode", u.ACP.ParticipantPassCode)
		e.str("Domain", u.ACP.Domain)
		e.str("URL", u.ACP.URL)
		e.b = append(e.b, '}')
	}
	e.boolean("AudioConferencingLicense", u.AudioConferencingLicense)
	e.str("Provider", u.Provider)
	e.bytes("PasswordHash", u.PasswordHash)
	e.bytes("PasswordSalt", u.PasswordSalt)
	e.str("DialOutPolicy", u.DialOutPolicy)
	e.strOmit("AudioConferencingPolicy", u.AudioConferencingPolicy)
	e.strOmit("MeetingPolicy", u.MeetingPolicy)
	e.strOmit("PhoneNumber", u.PhoneNumber)
	e.strOmit("PhoneNumberType", u.PhoneNumberType)
	e.strOmit("PhoneLocationID", u.PhoneLocationID)
	if u.EnterpriseVoiceEnabled {
		e.boolean("EnterpriseVoiceEnabled", true)
	}
	e.key("Conferencing")
	if c := u.Conferencing; c == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.conferencing(c)
	}
	e.time("Created", u.Created)
	e.time("Modified", u.Modified)
	e.b = append(e.b, '}')
}

func (e *recordEncoder) conferencing(c *Conferencing) {
	e.open()
	e.str("BridgeID", c.BridgeID)
	e.str("ConferenceID", c.ConferenceID)
	e.str("ServiceNumber", c.ServiceNumber)
	e.str("TollFreeServiceNumber", c.TollFreeServiceNumber)
	e.boolean("AllowPSTNOnlyMeetings", c.AllowPSTNOnlyMeetings)
	e.boolean("AllowTollFreeDialIn", c.AllowTollFreeDialIn)
	e.key("PIN")
	e.open()
	e.bytes("Salt", c.PIN.Salt)
	e.bytes("Hash", c.PIN.Hash)
	e.integer("Length", c.PIN.Length)
	e.time("SetAt", c.PIN.SetAt)
	if l := c.PIN.Lockout; l != nil { // omitempty
		e.key("Lockout")
		e.open()
		e.time("WindowStart", l.WindowStart)
		e.integer("Local", l.Local)
		e.integer("Global", l.Global)
		e.time("LockedUntil", l.LockedUntil)
		e.b = append(e.b, '}')
	}
	e.b = append(e.b, '}', '}')
}

// appendJSONString appends s as encoding/json writes a string (HTML
// characters, control characters, U+2028 and U+2029 escaped, invalid
// UTF-8 replaced by \ufffd).
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
