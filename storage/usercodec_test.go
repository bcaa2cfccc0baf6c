package storage

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fastDecode is DecodeUser's own decoder alone: ok false when it would
// leave the record to json.Unmarshal.
func fastDecode(val []byte) (*User, bool) {
	u := new(User)
	d := userDecoder{b: val}
	return u, d.user(u) && d.end()
}

// jsonDecode is what json.Unmarshal makes of val.
func jsonDecode(val []byte) (*User, error) {
	u := new(User)
	return u, json.Unmarshal(val, u)
}

// sameAsJSON checks that DecodeUser gives what json.Unmarshal gives (the
// same user, or an error for both), and that the fast decoder accepts
// only what json.Unmarshal reads to the same user.
func sameAsJSON(t *testing.T, val []byte) (fast bool) {
	t.Helper()
	want, werr := jsonDecode(val)
	got, gerr := DecodeUser(val)
	if (werr != nil) != (gerr != nil) {
		t.Fatalf("%s: DecodeUser error %v, json.Unmarshal %v", val, gerr, werr)
	}
	if werr == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\nDecodeUser   %#v\njson.Unmarshal %#v", val, got, want)
	}
	u, ok := fastDecode(val)
	if ok && (werr != nil || !reflect.DeepEqual(u, want)) {
		t.Fatalf("%s: the fast decoder accepted it as %#v; json.Unmarshal: %#v, %v", val, u, want, werr)
	}
	return ok
}

// randomText is a string of pieces JSON encodes in every way it can:
// plain, HTML-escaped, control characters, quotes, non-ASCII, and (when
// bad) invalid UTF-8.
func randomText(r *rand.Rand, bad bool) string {
	pieces := []string{"a", "Ken", " ", "@", "<", ">", "&", "\"", "\\", "/", "\n", "\t", "\x00", "\x1f",
		"é", "ü", "日本", "😀", "\u2028", "\u2029", "\u007f", "+1", ";ext=5"}
	if bad {
		pieces = append(pieces, "\xff", "\xe2\x82")
	}
	var sb strings.Builder
	for range r.IntN(6) {
		sb.WriteString(pieces[r.IntN(len(pieces))])
	}
	return sb.String()
}

// randomBytes is nil, empty or a few random bytes.
func randomBytes(r *rand.Rand) []byte {
	switch r.IntN(3) {
	case 0:
		return nil
	case 1:
		return []byte{}
	}
	b := make([]byte, 1+r.IntN(40))
	for i := range b {
		b[i] = byte(r.IntN(256))
	}
	return b
}

// randomTime is the zero time, a UTC one or one in a fixed zone, with or
// without nanoseconds.
func randomTime(r *rand.Rand) time.Time {
	switch r.IntN(4) {
	case 0:
		return time.Time{}
	case 1:
		return time.Unix(r.Int64N(4e9), 0).UTC()
	case 2:
		return time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(time.FixedZone("", 3600*(r.IntN(25)-12)))
	}
	return time.Unix(r.Int64N(4e9), r.Int64N(1e9)).UTC()
}

// randomUser fills every field of a User (each possibly zero) through
// reflection, so a field added to User is covered here at once.
func randomUser(r *rand.Rand, bad bool) *User {
	u := new(User)
	fill(r, reflect.ValueOf(u).Elem(), bad)
	return u
}

// fill sets v, of a type found in User, to a random value.
func fill(r *rand.Rand, v reflect.Value, bad bool) {
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(randomTime(r)))
	case v.Kind() == reflect.String:
		v.SetString(randomText(r, bad))
	case v.Kind() == reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case v.Kind() == reflect.Int:
		v.SetInt(r.Int64N(2000) - 1000)
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		v.SetBytes(randomBytes(r))
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String:
		switch r.IntN(3) {
		case 0:
			v.SetZero()
		case 1:
			v.Set(reflect.ValueOf([]string{}))
		default:
			v.Set(reflect.ValueOf([]string{randomText(r, bad), randomText(r, bad)}))
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			fill(r, v.Field(i), bad)
		}
	case v.Kind() == reflect.Pointer:
		if r.IntN(4) == 0 {
			v.SetZero()
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(r, v.Elem(), bad)
	default:
		panic("fill: a User field of a type the test does not know: " + v.Type().String())
	}
}

// TestDecodeUserRecords decodes random users as json.Marshal writes them:
// the same users as json.Unmarshal's, and the fast decoder reads every
// record whose strings are valid UTF-8.
func TestDecodeUserRecords(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		bad := i%3 == 0
		u := randomUser(r, bad)
		val, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		fast := sameAsJSON(t, val)
		if !fast && utf8.Valid(val) {
			t.Fatalf("the fast decoder left a record json.Marshal wrote to json.Unmarshal: %s", val)
		}
	}
}

// TestDecodeUserEveryField: a user with every field set is read by the
// fast decoder (a field added to User and not to userDecoder fails here).
func TestDecodeUserEveryField(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		u := randomUser(r, false)
		nonZero(r, reflect.ValueOf(u).Elem())
		val, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		want, err := jsonDecode(val)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := fastDecode(val)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("fast decoder: %v\n%#v\nwant %#v\n(%s)", ok, got, want, val)
		}
	}
}

// nonZero makes every zero field of v non-zero.
func nonZero(r *rand.Rand, v reflect.Value) {
	switch {
	case v.Kind() == reflect.Struct && v.Type() != reflect.TypeFor[time.Time]():
		for i := range v.NumField() {
			nonZero(r, v.Field(i))
		}
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		nonZero(r, v.Elem())
	case v.IsZero():
		for v.IsZero() || (v.Kind() == reflect.Slice && v.Len() == 0) {
			fill(r, v, false)
		}
	}
}

// TestDecodeUserOtherForms: JSON json.Marshal does not write but
// json.Unmarshal reads (or refuses) — white space, other spellings, keys
// twice, nulls, escapes, unknown fields, bad values — gives what
// json.Unmarshal gives.
func TestDecodeUserOtherForms(t *testing.T) {
	cases := []string{
		`{"ID":"a","UserPrincipalName":"k@x"}`,
		` { "ID" : "a" , "Roles" : [ "x" , "y" ] } `,
		`{"id":"a"}`, `{"ID":"a","ID":"b"}`, `{"ID":"a","Id":"b"}`, `{"Unknown":1,"ID":"a"}`,
		`{"ID":null,"HasMailbox":null,"Roles":null,"PasswordHash":null,"Conferencing":null}`,
		`{"Created":null}`, `{"ACP":null}`, `{"Conferencing":{"PIN":null}}`,
		`{"Conferencing":{"PIN":{"Lockout":null,"Length":5}}}`,
		`{"Conferencing":{"PIN":{"Length":5.0}}}`, `{"Conferencing":{"PIN":{"Length":1e2}}}`,
		`{"Conferencing":{"PIN":{"Length":-0}}}`, `{"Conferencing":{"PIN":{"Length":01}}}`,
		`{"Conferencing":{"PIN":{"Length":99999999999999999999}}}`,
		`{"Conferencing":{"PIN":{"Length":"5"}}}`, `{"HasMailbox":"true"}`, `{"HasMailbox":1}`,
		`{"DisplayName":"caf\u00e9 \u003c\/b\u003e \"q\" \\ \n\t\b\f\r"}`,
		`{"DisplayName":"\ud83d\ude00"}`, `{"DisplayName":"\ud83d"}`, `{"DisplayName":"\uzzzz"}`,
		`{"DisplayName":"\x"}`, "{\"DisplayName\":\"a\x01b\"}", "{\"DisplayName\":\"\xff\"}",
		`{"PasswordHash":"AQID"}`, `{"PasswordHash":""}`, `{"PasswordHash":"A"}`, `{"PasswordHash":"AQ\nID"}`,
		`{"PasswordHash":[1,2]}`, `{"Roles":[]}`, `{"Roles":[null]}`, `{"Roles":["a",]}`, `{"Roles":"a"}`,
		`{"Created":"2026-12-07T23:00:00Z"}`, `{"Created":"2026-12-07T23:00:00.5+01:00"}`,
		`{"Created":"2026-12-07"}`, `{"Created":"2026-12-07T23:00:00\u005a"}`, `{"Created":5}`,
		`{"ACP":{"URL":"u","URL":"v"}}`, `{"ACP":{}}`, `{"Conferencing":{}}`,
		`{"ID":"a",}`, `{"ID":"a"} x`, `{"ID":"a"}{}`, `{"ID" "a"}`, `{"ID":"a"`, `{`, ``, `null`, `[]`,
		`{"ID":tru}`, `{"HasMailbox":truex}`, `{"HasMailbox":nul}`, `{"ID":"a"}   `, "{\"ID\":\"a\"}\n",
	}
	for _, c := range cases {
		sameAsJSON(t, []byte(c))
	}
}

// FuzzDecodeUser: whatever the bytes, DecodeUser gives what json.Unmarshal
// gives, and the fast decoder never accepts what json.Unmarshal reads
// otherwise.
func FuzzDecodeUser(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 8 {
		val, _ := json.Marshal(randomUser(r, false))
		f.Add(val)
	}
	f.Add([]byte(`{"Conferencing":{"PIN":{"Length":5,"Lockout":{"Local":1}}}}`))
	f.Fuzz(func(t *testing.T, val []byte) { sameAsJSON(t, val) })
}

// syntheticRecord is a synthetic user's stored record, with a PIN.
func syntheticRecord(b *testing.B) []byte {
	u := indexUser()
	u.Conferencing.PIN.Hash = make([]byte, 32)
	u.Conferencing.PIN.Salt = make([]byte, 16)
	u.Conferencing.PIN.SetAt = time.Now()
	val, err := json.Marshal(u)
	if err != nil {
		b.Fatal(err)
	}
	return val
}

// BenchmarkDecodeUser is DecodeUser on a user record; BenchmarkDecodeUserJSON
// json.Unmarshal on the same, for comparison.
func BenchmarkDecodeUser(b *testing.B) {
	val := syntheticRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeUser(val); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeUserJSON is json.Unmarshal on BenchmarkDecodeUser's record.
func BenchmarkDecodeUserJSON(b *testing.B) {
	val := syntheticRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonDecode(val); err != nil {
			b.Fatal(err)
		}
	}
}

// TestEncodeUser: EncodeUser writes exactly json.Marshal's bytes for
// random users (every field, invalid UTF-8 too), and fails where it fails
// (a time out of its range).
func TestEncodeUser(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 3000 {
		u := randomUser(r, i%2 == 0)
		if i%3 == 0 {
			nonZero(r, reflect.ValueOf(u).Elem())
		}
		want, werr := json.Marshal(u)
		got, gerr := EncodeUser(u)
		if werr != nil || gerr != nil || string(got) != string(want) {
			t.Fatalf("EncodeUser:\n%s (%v)\njson.Marshal:\n%s (%v)", got, gerr, want, werr)
		}
	}
	u := indexUser()
	u.Modified = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := EncodeUser(u); err == nil {
		t.Error("EncodeUser: a time past year 9999 encoded")
	}
}

// BenchmarkEncodeUser is EncodeUser on a user record; BenchmarkEncodeUserJSON
// json.Marshal on the same, for comparison.
func BenchmarkEncodeUser(b *testing.B) {
	u, err := DecodeUser(syntheticRecord(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EncodeUser(u); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeUserJSON is json.Marshal on BenchmarkEncodeUser's user.
func BenchmarkEncodeUserJSON(b *testing.B) {
	u, err := DecodeUser(syntheticRecord(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(u); err != nil {
			b.Fatal(err)
		}
	}
}
