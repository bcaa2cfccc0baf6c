package teams

import (
	"crypto/subtle"
	"strings"
	"sync"

	"golang.org/x/crypto/bcrypt"

	"github.com/csshell/csshell/storage"
)

// DemoAccountPassword is the documented password of the accounts that
// have none of their own (the demo tenant's, and users made without
// -Password) when they sign in to the admin center on a loopback address.
// The shell itself signs them in with any password, as it always has.
const DemoAccountPassword = "pass@word1"

// dummyHash is compared against when the account does not exist, so a
// wrong name costs the same time as a wrong password (made on first use:
// a bcrypt hash at the default cost takes tens of milliseconds, which
// csshell's start-up must not pay).
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("csshell-no-such-account"), bcrypt.DefaultCost)
	return h
})

// CheckSignInPassword reports whether password signs u in: the account's
// own password (bcrypt, as New-/Set-TenantUser -Password store it), or,
// for an account without one and only when allowDemo, DemoAccountPassword.
// u nil (no such account) is always refused, in the same time.
func CheckSignInPassword(u *storage.User, password string, allowDemo bool) bool {
	if u == nil {
		bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
		return false
	}
	if len(u.PasswordHash) == 0 {
		return allowDemo && subtle.ConstantTimeCompare([]byte(password), []byte(DemoAccountPassword)) == 1
	}
	return accountPasswordMatches(u, password)
}

// FindAccount returns the one user an account name (UPN, SIP or mail
// address) names, nil when none or several do.
func FindAccount(r storage.Reader, account string) (*storage.User, error) {
	account = strings.TrimSpace(account)
	if account == "" {
		return nil, nil
	}
	users, err := r.FindUsers(account)
	if err != nil || len(users) != 1 {
		return nil, err
	}
	u := users[0]
	// Only a sign-in name, never a display name or an object id.
	if !strings.EqualFold(u.UserPrincipalName, account) && !strings.EqualFold(u.PrimarySmtpAddress, account) &&
		!strings.EqualFold(strings.TrimPrefix(strings.ToLower(u.SipAddress), "sip:"), strings.ToLower(account)) {
		return nil, nil
	}
	return u, nil
}

// AdminAccount returns the user record of account, or the service's
// access-denied error when it holds no administrator role (a signed-in
// account may lose its role while signed in elsewhere).
func AdminAccount(r storage.Reader, account string) (*storage.User, error) {
	u, err := FindAccount(r, account)
	if err != nil {
		return nil, err
	}
	if u == nil {
		return nil, notConnected()
	}
	if !storage.IsConferencingAdmin(u) {
		return nil, accessDenied(u.UserPrincipalName)
	}
	return u, nil
}

// ChangeAs runs fn in one transaction as account, an administrator signed
// in outside the shell's session (the admin center), and syncs it before
// returning: when ChangeAs returns nil the change is on disk and may be
// shown. Nothing changes when fn fails.
func (t *Tenant) ChangeAs(account string, fn func(w storage.Writer, admin *storage.User) error) error {
	return t.store.Update(func(w storage.Writer) error {
		admin, err := AdminAccount(w, account)
		if err != nil {
			return err
		}
		return fn(w, admin)
	})
}
