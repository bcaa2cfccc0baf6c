package storage

import (
	"slices"
	"strings"
)

// Who may change what (seed rule: only an admin can reset a PIN; a user
// cannot reset their own). This file is the one place the roles and the
// admin check live; the cmdlets, the emulator and any admin center ask it.

// The administrator roles that allow changes to audio-conferencing users
// and settings.
const (
	RoleGlobalAdmin = "Global Administrator"
	RoleTeamsAdmin  = "Teams Administrator"
	RoleSfBAdmin    = "Skype for Business Administrator"
)

// AdminRoles are the roles that may change conferencing users and
// settings, reset PINs and read other users' PIN checks, in the order
// messages list them.
var AdminRoles = []string{RoleGlobalAdmin, RoleTeamsAdmin, RoleSfBAdmin}

// HasRole reports whether a user holds a role (case-insensitive).
func HasRole(u *User, role string) bool {
	return u != nil && RolesInclude(u.Roles, role)
}

// RolesInclude reports whether a role list holds role (case-insensitive).
func RolesInclude(roles []string, role string) bool {
	return slices.ContainsFunc(roles, func(r string) bool { return strings.EqualFold(r, role) })
}

// IsConferencingAdmin reports whether a user holds one of AdminRoles, so
// may change conferencing users and settings. A user without one cannot
// change anything, their own PIN included.
func IsConferencingAdmin(u *User) bool {
	return slices.ContainsFunc(AdminRoles, func(r string) bool { return HasRole(u, r) })
}

// AdminRolesText names AdminRoles for messages and help, joined with conj
// ("or", "and"): "Global Administrator, Teams Administrator or Skype for
// Business Administrator".
func AdminRolesText(conj string) string {
	n := len(AdminRoles)
	return strings.Join(AdminRoles[:n-1], ", ") + " " + conj + " " + AdminRoles[n-1]
}
