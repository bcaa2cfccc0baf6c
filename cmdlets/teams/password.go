package teams

import (
	"golang.org/x/crypto/bcrypt"

	"github.com/csshell/csshell/storage"
)

// HashAccountPassword makes the stored form of an account password
// (New-TenantUser / Set-TenantUser -Password): a bcrypt hash, which
// carries its own salt and cost. The clear password is never stored.
func HashAccountPassword(password string) (hash, salt []byte, err error) {
	hash, err = bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return hash, nil, err
}

// accountPasswordMatches reports whether password is the account's
// password; an account without one (the demo accounts) accepts any.
func accountPasswordMatches(u *storage.User, password string) bool {
	if len(u.PasswordHash) == 0 {
		return true
	}
	return bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)) == nil
}
