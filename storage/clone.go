package storage

import "slices"

// Clone returns a deep copy of u: changing the copy's slices or
// conferencing state leaves u alone.
func (u *User) Clone() *User {
	c := *u
	c.Roles = slices.Clone(u.Roles)
	c.PasswordHash = slices.Clone(u.PasswordHash)
	c.PasswordSalt = slices.Clone(u.PasswordSalt)
	if u.Conferencing != nil {
		cf := *u.Conferencing
		cf.PIN.Salt = slices.Clone(u.Conferencing.PIN.Salt)
		cf.PIN.Hash = slices.Clone(u.Conferencing.PIN.Hash)
		if l := u.Conferencing.PIN.Lockout; l != nil {
			lc := *l
			cf.PIN.Lockout = &lc
		}
		c.Conferencing = &cf
	}
	return &c
}
