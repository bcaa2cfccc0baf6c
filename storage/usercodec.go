package storage

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"
)

// DecodeUser decodes a stored user record (JSON, as json.Marshal writes
// a User). Decoding users is most of what a bulk change costs, so the
// record's own form is read by a decoder written for it (userDecoder),
// about ten times faster than encoding/json's reflection; anything it is
// not sure to read exactly as json.Unmarshal does (an unknown or
// differently spelt field, a field given twice, a null where a value is
// expected, a surrogate escape, invalid UTF-8, a fraction in an integer,
// anything that is not valid JSON) goes to json.Unmarshal, which gives the
// result or the error it always gave. The tests hold the two to the same
// result.
func DecodeUser(val []byte) (*User, error) {
	u := new(User)
	d := userDecoder{b: val}
	if d.user(u) && d.end() {
		return u, nil
	}
	*u = User{}
	if err := json.Unmarshal(val, u); err != nil {
		return nil, err
	}
	return u, nil
}

// userDecoder reads the JSON of a user record; every method returns
// false when the input is not what it reads exactly as json.Unmarshal.
type userDecoder struct {
	b []byte
	i int
}

// ws skips JSON white space.
func (d *userDecoder) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// next is the next byte after white space, 0 at the end.
func (d *userDecoder) next() byte {
	d.ws()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

// eat consumes c when it is next.
func (d *userDecoder) eat(c byte) bool {
	if d.next() == c {
		d.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (d *userDecoder) end() bool { d.ws(); return d.i == len(d.b) }

// literal consumes the word lit (true, false, null) when it is next.
func (d *userDecoder) literal(lit string) bool {
	d.ws()
	if len(d.b)-d.i >= len(lit) && string(d.b[d.i:d.i+len(lit)]) == lit {
		d.i += len(lit)
		return true
	}
	return false
}

// object reads an object, calling field for each key (a plain string
// without escapes) with the decoder at its value; seen detects a key
// given twice (field returns its bit).
func (d *userDecoder) object(field func(key []byte) (bit uint64, ok bool)) bool {
	if !d.eat('{') {
		return false
	}
	if d.eat('}') {
		return true
	}
	var seen uint64
	for {
		if !d.eat('"') {
			return false
		}
		start := d.i
		for d.i < len(d.b) && d.b[d.i] != '"' && d.b[d.i] != '\\' && d.b[d.i] >= 0x20 && d.b[d.i] < 0x80 {
			d.i++
		}
		if d.i >= len(d.b) || d.b[d.i] != '"' {
			return false
		}
		key := d.b[start:d.i]
		d.i++
		if !d.eat(':') {
			return false
		}
		bit, ok := field(key)
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		if d.eat(',') {
			continue
		}
		return d.eat('}')
	}
}

// rawString reads a string: its value, and the token as it stands.
func (d *userDecoder) rawString() (s string, raw []byte, ok bool) {
	if !d.eat('"') {
		return "", nil, false
	}
	start := d.i
	plain, ascii := true, true
	for ; d.i < len(d.b); d.i++ {
		c := d.b[d.i]
		switch {
		case c == '"':
			body := d.b[start:d.i]
			d.i++
			raw = d.b[start-1 : d.i]
			if !ascii && !utf8.Valid(body) {
				return "", nil, false // json.Unmarshal replaces the bad bytes
			}
			if plain {
				return string(body), raw, true
			}
			s, ok = unescape(body)
			return s, raw, ok
		case c < 0x20:
			return "", nil, false
		case c == '\\':
			plain = false
			d.i++ // the escaped byte (unescape checks it)
		case c >= 0x80:
			ascii = false
		}
	}
	return "", nil, false
}

// unescape is the value of a string body with escapes; false for a
// surrogate (json.Unmarshal pairs or replaces those) or a bad escape.
func unescape(body []byte) (string, bool) {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(body) {
			return "", false
		}
		switch body[i] {
		case '"', '\\', '/':
			out = append(out, body[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if i+4 >= len(body) {
				return "", false
			}
			r, err := strconv.ParseUint(string(body[i+1:i+5]), 16, 32)
			if err != nil || (r >= 0xD800 && r < 0xE000) {
				return "", false
			}
			out = utf8.AppendRune(out, rune(r))
			i += 4
		default:
			return "", false
		}
	}
	return string(out), true
}

// str reads a string into p (null leaves it alone, as json.Unmarshal).
func (d *userDecoder) str(p *string) bool {
	if d.literal("null") {
		return true
	}
	s, _, ok := d.rawString()
	*p = s
	return ok
}

// boolean reads true or false into p (null leaves it alone).
func (d *userDecoder) boolean(p *bool) bool {
	switch {
	case d.literal("true"):
		*p = true
	case d.literal("false"):
		*p = false
	default:
		return d.literal("null")
	}
	return true
}

// integer reads an integer (no fraction, no exponent) into p.
func (d *userDecoder) integer(p *int) bool {
	if d.literal("null") {
		return true
	}
	start := d.i
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	if d.i == digits || (d.b[digits] == '0' && d.i > digits+1) {
		return false
	}
	if d.i < len(d.b) && (d.b[d.i] == '.' || d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		return false
	}
	n, err := strconv.ParseInt(string(d.b[start:d.i]), 10, strconv.IntSize)
	*p = int(n)
	return err == nil
}

// bytes reads base64 bytes into p as json.Unmarshal does (null: nil).
func (d *userDecoder) bytes(p *[]byte) bool {
	if d.literal("null") {
		*p = nil
		return true
	}
	s, _, ok := d.rawString()
	if !ok {
		return false
	}
	b := make([]byte, base64.StdEncoding.DecodedLen(len(s)))
	n, err := base64.StdEncoding.Decode(b, []byte(s))
	*p = b[:n]
	return err == nil
}

// strings reads an array of strings into p (null: nil; [] is empty, not
// nil, as with json.Unmarshal).
func (d *userDecoder) strings(p *[]string) bool {
	if d.literal("null") {
		*p = nil
		return true
	}
	if !d.eat('[') {
		return false
	}
	out := []string{}
	if !d.eat(']') {
		for {
			s, _, ok := d.rawString()
			if !ok {
				return false
			}
			out = append(out, s)
			if d.eat(',') {
				continue
			}
			if !d.eat(']') {
				return false
			}
			break
		}
	}
	*p = out
	return true
}

// time reads a time through its own UnmarshalJSON, given the token as
// json.Unmarshal gives it.
func (d *userDecoder) time(p *time.Time) bool {
	_, raw, ok := d.rawString()
	return ok && p.UnmarshalJSON(raw) == nil
}

// user reads a User's object.
func (d *userDecoder) user(u *User) bool {
	return d.object(func(key []byte) (uint64, bool) {
		switch string(key) {
		case "ID":
			return 1 << 0, d.str(&u.ID)
		case "UserPrincipalName":
			return 1 << 1, d.str(&u.UserPrincipalName)
		case "DisplayName":
			return 1 << 2, d.str(&u.DisplayName)
		case "SipAddress":
			return 1 << 3, d.str(&u.SipAddress)
		case "PrimarySmtpAddress":
			return 1 << 4, d.str(&u.PrimarySmtpAddress)
		case "HasMailbox":
			return 1 << 5, d.boolean(&u.HasMailbox)
		case "UsageLocation":
			return 1 << 6, d.str(&u.UsageLocation)
		case "City":
			return 1 << 7, d.str(&u.City)
		case "Department":
			return 1 << 8, d.str(&u.Department)
		case "Roles":
			return 1 << 9, d.strings(&u.Roles)
		case "GivenName":
			return 1 << 10, d.str(&u.GivenName)
		case "Surname":
			return 1 << 11, d.str(&u.Surname)
		case "Title":
			return 1 << 12, d.str(&u.Title)
		case "Company":
			return 1 << 13, d.str(&u.Company)
		case "Country":
			return 1 << 14, d.str(&u.Country)
		case "StateOrProvince":
			return 1 << 15, d.str(&u.StateOrProvince)
		case "PostalCode":
			return 1 << 16, d.str(&u.PostalCode)
		case "StreetAddress":
			return 1 << 17, d.str(&u.StreetAddress)
		case "PreferredLanguage":
			return 1 << 18, d.str(&u.PreferredLanguage)
		case "ACP":
			return 1 << 19, d.acp(&u.ACP)
		case "AudioConferencingLicense":
			return 1 << 20, d.boolean(&u.AudioConferencingLicense)
		case "Provider":
			return 1 << 21, d.str(&u.Provider)
		case "PasswordHash":
			return 1 << 22, d.bytes(&u.PasswordHash)
		case "PasswordSalt":
			return 1 << 23, d.bytes(&u.PasswordSalt)
		case "DialOutPolicy":
			return 1 << 24, d.str(&u.DialOutPolicy)
		case "AudioConferencingPolicy":
			return 1 << 25, d.str(&u.AudioConferencingPolicy)
		case "MeetingPolicy":
			return 1 << 26, d.str(&u.MeetingPolicy)
		case "PhoneNumber":
			return 1 << 27, d.str(&u.PhoneNumber)
		case "PhoneNumberType":
			return 1 << 28, d.str(&u.PhoneNumberType)
		case "PhoneLocationID":
			return 1 << 29, d.str(&u.PhoneLocationID)
		case "EnterpriseVoiceEnabled":
			return 1 << 30, d.boolean(&u.EnterpriseVoiceEnabled)
		case "Conferencing":
			return 1 << 31, d.conferencing(&u.Conferencing)
		case "Created":
			return 1 << 32, d.time(&u.Created)
		case "Modified":
			return 1 << 33, d.time(&u.Modified)
		}
		return 0, false
	})
}

// acp reads an ACPDialIn's object.
func (d *userDecoder) acp(a *ACPDialIn) bool {
	return d.object(func(key []byte) (uint64, bool) {
		switch string(key) {
		case "TollNumber":
			return 1 << 0, d.str(&a.TollNumber)
		case "TollFreeNumber":
			return 1 << 1, d.str(&a.TollFreeNumber)
		case "ParticipantPassCode":
			return 1 << 2, d.str(&a.ParticipantPassCode)
		case "Domain":
			return 1 << 3, d.str(&a.Domain)
		case "URL":
			return 1 << 4, d.str(&a.URL)
		}
		return 0, false
	})
}

// conferencing reads a *Conferencing (null: nil).
func (d *userDecoder) conferencing(p **Conferencing) bool {
	if d.literal("null") {
		*p = nil
		return true
	}
	c := new(Conferencing)
	*p = c
	return d.object(func(key []byte) (uint64, bool) {
		switch string(key) {
		case "BridgeID":
			return 1 << 0, d.str(&c.BridgeID)
		case "ConferenceID":
			return 1 << 1, d.str(&c.ConferenceID)
		case "ServiceNumber":
			return 1 << 2, d.str(&c.ServiceNumber)
		case "TollFreeServiceNumber":
			return 1 << 3, d.str(&c.TollFreeServiceNumber)
		case "AllowPSTNOnlyMeetings":
			return 1 << 4, d.boolean(&c.AllowPSTNOnlyMeetings)
		case "AllowTollFreeDialIn":
			return 1 << 5, d.boolean(&c.AllowTollFreeDialIn)
		case "PIN":
			return 1 << 6, d.pin(&c.PIN)
		}
		return 0, false
	})
}

// pin reads a PINHash's object.
func (d *userDecoder) pin(h *PINHash) bool {
	return d.object(func(key []byte) (uint64, bool) {
		switch string(key) {
		case "Salt":
			return 1 << 0, d.bytes(&h.Salt)
		case "Hash":
			return 1 << 1, d.bytes(&h.Hash)
		case "Length":
			return 1 << 2, d.integer(&h.Length)
		case "SetAt":
			return 1 << 3, d.time(&h.SetAt)
		case "Lockout":
			return 1 << 4, d.lockout(&h.Lockout)
		}
		return 0, false
	})
}

// lockout reads a *PINLockout (null: nil).
func (d *userDecoder) lockout(p **PINLockout) bool {
	if d.literal("null") {
		*p = nil
		return true
	}
	l := new(PINLockout)
	*p = l
	return d.object(func(key []byte) (uint64, bool) {
		switch string(key) {
		case "WindowStart":
			return 1 << 0, d.time(&l.WindowStart)
		case "Local":
			return 1 << 1, d.integer(&l.Local)
		case "Global":
			return 1 << 2, d.integer(&l.Global)
		case "LockedUntil":
			return 1 << 3, d.time(&l.LockedUntil)
		}
		return 0, false
	})
}
