package storagetest

import (
	"errors"
	"reflect"
	"testing"

	"github.com/csshell/csshell/storage"
)

var _ = conformance(
	conformanceCase{"PhoneNumbers", func(t *testing.T, s storage.Store) {
		ken := UserByUPN(t, s, Ken)
		amos := UserByUPN(t, s, "amos.marble@contoso.com")
		Update(t, s, func(w storage.Writer) error {
			ken.PhoneNumber, ken.PhoneNumberType, ken.EnterpriseVoiceEnabled = "14255551000;ext=12", storage.PhoneNumberDirectRouting, true
			if err := w.PutUser(ken); err != nil {
				return err
			}
			amos.PhoneNumber, amos.PhoneNumberType = "14255551000", storage.PhoneNumberDirectRouting
			amos.PhoneLocationID = "0b6e2bd1-0c2b-4b9f-9a1b-0e5f7a3c5d10"
			return w.PutUser(amos)
		})
		Check(t, s)
		View(t, s, func(r storage.Reader) error {
			all, err := r.UserPhoneNumbers()
			want := []storage.UserPhoneNumber{{Number: "14255551000", UserID: amos.ID}, {Number: "14255551000;ext=12", UserID: ken.ID}}
			if err != nil || !reflect.DeepEqual(all, want) {
				t.Errorf("UserPhoneNumbers = %v, %v; want %v", all, err, want)
			}
			if id, ok, err := r.PhoneNumberOwner("14255551000;ext=12"); err != nil || !ok || id != ken.ID {
				t.Errorf("PhoneNumberOwner = %q, %v, %v", id, ok, err)
			}
			if _, ok, err := r.PhoneNumberOwner("14255551001"); err != nil || ok {
				t.Errorf("PhoneNumberOwner of a free number = %v, %v", ok, err)
			}
			return nil
		})
		// A user's new number frees the old one; a number another user
		// holds, or a service number, is refused both ways.
		Update(t, s, func(w storage.Writer) error {
			ken.PhoneNumber = "14255551002"
			return w.PutUser(ken)
		})
		Check(t, s)
		for name, fn := range map[string]func(w storage.Writer) error{
			"another user's": func(w storage.Writer) error {
				u := *ken
				u.PhoneNumber = "14255551000"
				return w.PutUser(&u)
			},
			"a service number": func(w storage.Writer) error {
				u := *ken
				u.PhoneNumber = "14255550100"
				return w.PutUser(&u)
			},
			"a service number held by a user": func(w storage.Writer) error {
				return w.PutServiceNumber(&storage.ServiceNumber{Number: "14255551002", Type: storage.NumberToll})
			},
		} {
			if err := s.Update(fn); !errors.Is(err, storage.ErrDuplicate) {
				t.Errorf("%s: err = %v, want ErrDuplicate", name, err)
			}
		}
		for name, u := range map[string]storage.User{
			"malformed number": {PhoneNumber: "+14255551003", PhoneNumberType: storage.PhoneNumberDirectRouting},
			"unknown type":     {PhoneNumber: "14255551003", PhoneNumberType: "Skype"},
			"type, no number":  {PhoneNumberType: storage.PhoneNumberDirectRouting},
			"bad location":     {PhoneNumber: "14255551003", PhoneNumberType: storage.PhoneNumberDirectRouting, PhoneLocationID: "Seattle"},
		} {
			c := *ken
			c.PhoneNumber, c.PhoneNumberType, c.PhoneLocationID = u.PhoneNumber, u.PhoneNumberType, u.PhoneLocationID
			if err := s.Update(func(w storage.Writer) error { return w.PutUser(&c) }); err == nil {
				t.Errorf("%s: accepted", name)
			}
		}
		// Deleting a user frees their number.
		Update(t, s, func(w storage.Writer) error { return w.DeleteUser(amos.ID) })
		Check(t, s)
		View(t, s, func(r storage.Reader) error {
			all, err := r.UserPhoneNumbers()
			if err != nil || len(all) != 1 || all[0].UserID != ken.ID {
				t.Errorf("UserPhoneNumbers after the delete = %v, %v", all, err)
			}
			return nil
		})
	}},
)
