package admincenter

import (
	"errors"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
)

// The Users list's filters, the legacy admin center's: audio
// conferencing on or off, provider Microsoft or another.
var userFilters = []struct {
	Key, Label string
	keep       func(u *storage.User) bool
}{
	{"", "All users", nil},
	{"on", "Audio conferencing on", func(u *storage.User) bool { return teams.EnabledWithMicrosoft(u) || teams.IsThirdParty(u) }},
	{"off", "Audio conferencing off", func(u *storage.User) bool { return !teams.EnabledWithMicrosoft(u) && !teams.IsThirdParty(u) }},
	{"microsoft", "Conferencing provider - Microsoft", teams.EnabledWithMicrosoft},
	{"others", "Conferencing provider - others", teams.IsThirdParty},
}

// filterOf is the keep function of a filter key (nil: every user) and
// the key itself, "" when unknown.
func filterOf(key string) (func(*storage.User) bool, string) {
	for _, f := range userFilters {
		if f.Key == key {
			return f.keep, key
		}
	}
	return nil, ""
}

// maxScan bounds the users one filtered page reads: a filter that keeps
// few users stops there and offers to continue, so no page reads the
// whole tenant.
const maxScan = 5000

// errPageFull stops a scan.
var errPageFull = errors.New("page full")

// scanUsers reads, in UPN order after the UPN after, up to want users
// that keep accepts (nil: all), reading at most maxScan. It returns them
// and the UPN to continue after ("" when the tenant has no more).
func scanUsers(r storage.Reader, after string, want int, keep func(*storage.User) bool) ([]*storage.User, string, error) {
	var users []*storage.User
	scanned, last := 0, ""
	err := r.ScanUsers(after, 0, func(u *storage.User) error {
		if len(users) == want || scanned == maxScan {
			return errPageFull // one more exists
		}
		scanned++
		last = u.UserPrincipalName
		if keep == nil || keep(u) {
			users = append(users, u)
		}
		return nil
	})
	switch {
	case errors.Is(err, errPageFull):
		return users, last, nil
	case err != nil:
		return nil, "", err
	}
	return users, "", nil
}
