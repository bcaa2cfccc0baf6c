package badgerstore

import (
	"strings"

	"github.com/csshell/csshell/storage"
)

// deletePolicy removes the custom Teams policy record at key and moves
// what was assigned it — the users whose assignment (userField) and the
// tenant default (tenantField) name it — back to Global ("") in the same
// transaction; it returns those users. ErrNotFound when there is no record.
func (t *tx) deletePolicy(key []byte, name string, userField func(*storage.User) *string, tenantField func(*storage.Settings) *string) ([]*storage.User, error) {
	if ok, err := t.has(key); err != nil || !ok {
		return nil, notFoundOr(err)
	}
	var users []*storage.User
	err := t.ScanUsers("", 0, func(u *storage.User) error {
		if strings.EqualFold(*userField(u), name) {
			users = append(users, u)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := t.del(key); err != nil {
		return nil, err
	}
	for _, u := range users {
		*userField(u) = ""
		u.Modified = t.Now().UTC()
		if err := t.PutUser(u); err != nil {
			return nil, err
		}
	}
	s, err := t.Settings()
	if err != nil {
		return nil, err
	}
	if def := tenantField(s); strings.EqualFold(*def, name) {
		*def = ""
		if err := t.putJSON(storage.SettingsKey(), s); err != nil {
			return nil, err
		}
	}
	return users, nil
}
