package cmdlets

import (
	"crypto/hmac"
	"crypto/sha256"

	"github.com/csshell/csshell/storage"
)

// accountPasswordMatches reports whether password is the account's
// password (set with New-TenantUser -Password): the stored hash is
// HMAC-SHA256 keyed by the account's salt over the password. Compared in
// constant time.
func accountPasswordMatches(u *storage.User, password string) bool {
	if len(u.PasswordHash) == 0 {
		return true
	}
	m := hmac.New(sha256.New, u.PasswordSalt)
	m.Write([]byte(password))
	return hmac.Equal(m.Sum(nil), u.PasswordHash)
}
