package cmdlets

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
)

// emuHashPassword makes the stored form of an account password: a random
// 16-byte salt and HMAC-SHA256 keyed by it over the password — the form
// accountPasswordMatches (Connect-MicrosoftTeams) checks. The clear
// password is never stored.
func emuHashPassword(password string) (hash, salt []byte, err error) {
	salt = make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return nil, nil, err
	}
	m := hmac.New(sha256.New, salt)
	m.Write([]byte(password))
	return m.Sum(nil), salt, nil
}
