package storage

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// indexUser is a user with every field set, conferencing included.
func indexUser() *User {
	return &User{
		ID: "5f0c0000-0000-4000-8000-000000000001", UserPrincipalName: "Ken.Myer@contoso.com",
		DisplayName: "Ken Myer", SipAddress: "sip:ken.myer@contoso.com",
		PrimarySmtpAddress: "Ken.Myer@contoso.com", HasMailbox: true, UsageLocation: "US",
		City: "Seattle", Department: "Sales", Roles: []string{"User"}, GivenName: "Ken",
		Surname: "Myer", PhoneNumber: "14255550100", PhoneNumberType: PhoneNumberDirectRouting,
		Provider: ProviderMicrosoft, AudioConferencingLicense: true,
		Conferencing: &Conferencing{BridgeID: "b1", ConferenceID: "1234567",
			ServiceNumber: "14255550199", PIN: PINHash{Salt: []byte{1}, Hash: []byte{2}, Length: 5}},
		Created: time.Unix(1, 0).UTC(), Modified: time.Unix(2, 0).UTC(),
	}
}

// changeField sets field v (of a User or a Conferencing) to another
// value of its type; false when the type is not one it knows.
func changeField(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		v.SetString(v.String() + "X")
	case reflect.Bool:
		v.SetBool(!v.Bool())
	case reflect.Int:
		v.SetInt(v.Int() + 1)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			v.Set(reflect.Append(v, reflect.ValueOf("Other")))
		} else {
			v.Set(reflect.Append(v, reflect.ValueOf(byte(9))))
		}
	default:
		return false
	}
	return true
}

// TestUserIndexParts: the parts' entries, one after the other, are
// UserIndex's, and no two parts share a key.
func TestUserIndexParts(t *testing.T) {
	u := indexUser()
	var all []IndexEntry
	keys := map[string]bool{}
	for p := IndexParts(1); p&AllIndexParts != 0; p <<= 1 {
		for _, e := range UserIndexParts(u, p) {
			if keys[string(e.Key)] {
				t.Errorf("part %d: key %q in another part too", p, e.Key)
			}
			keys[string(e.Key)] = true
			all = append(all, e)
		}
	}
	if got := UserIndex(u); len(got) != len(all) {
		t.Errorf("UserIndex: %d entries, the parts %d", len(got), len(all))
	}
}

// TestSameIndex changes each field of a user in turn: whenever the index
// entries change, SameIndex must say so (so a field added to UserIndex
// and not to SameIndex fails here), and it must say "same" for fields
// no entry is made of.
func TestSameIndex(t *testing.T) {
	base := indexUser()
	if !SameIndex(base, base.Clone()) {
		t.Fatal("SameIndex(u, copy of u) = false")
	}
	equal := func(a, b []IndexEntry) bool {
		return slices.EqualFunc(a, b, func(a, b IndexEntry) bool {
			return string(a.Key) == string(b.Key) && string(a.Val) == string(b.Val)
		})
	}
	check := func(name string, changed *User) {
		t.Helper()
		same := equal(UserIndex(base), UserIndex(changed))
		if got := SameIndex(base, changed); got && !same {
			t.Errorf("%s changed the index entries but SameIndex = true", name)
		}
		// A part IndexPartsChanged leaves out has the same entries.
		parts := IndexPartsChanged(base, changed)
		for p := IndexParts(1); p&AllIndexParts != 0; p <<= 1 {
			if parts&p == 0 && !equal(UserIndexParts(base, p), UserIndexParts(changed, p)) {
				t.Errorf("%s changed the entries of part %d, which IndexPartsChanged leaves out", name, p)
			}
		}
		if name == "UserPrincipalName" || name == "ID" || name == "DisplayName" {
			if SameIndex(base, changed) {
				t.Errorf("%s: SameIndex = true", name)
			}
		}
	}
	ut := reflect.TypeFor[User]()
	for i := range ut.NumField() {
		u := base.Clone()
		if changeField(reflect.ValueOf(u).Elem().Field(i)) {
			check(ut.Field(i).Name, u)
		}
	}
	ct := reflect.TypeFor[Conferencing]()
	for i := range ct.NumField() {
		u := base.Clone()
		if changeField(reflect.ValueOf(u.Conferencing).Elem().Field(i)) {
			check("Conferencing."+ct.Field(i).Name, u)
		}
	}
	off := base.Clone()
	off.Conferencing = nil
	check("Conferencing (nil)", off)
	if SameIndex(base, off) {
		t.Error("a user losing its conferencing state: SameIndex = true")
	}
	reset := base.Clone()
	reset.Conferencing.PIN = PINHash{Salt: []byte{7}, Hash: []byte{8}, Length: 6, SetAt: time.Unix(3, 0)}
	reset.Modified = time.Unix(4, 0)
	if !SameIndex(base, reset) {
		t.Error("a PIN reset: SameIndex = false")
	}
}
