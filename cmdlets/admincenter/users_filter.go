package admincenter

import (
	"encoding/base64"
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

// scanUsers reads, in display-name order (byName) or UPN order,
// descending when desc, after the cursor after, up to want users that
// keep accepts (nil: all), reading at most maxScan. It returns them and the
// cursor to continue after ("" when the tenant has no more).
func scanUsers(r storage.Reader, byName, desc bool, after string, want int, keep func(*storage.User) bool) ([]*storage.User, string, error) {
	var users []*storage.User
	scanned, last := 0, ""
	from := after
	if byName {
		// A display-name cursor holds a zero byte (the index's name, 0,
		// the id), which a page cannot carry as text: it travels encoded.
		b, err := base64.RawURLEncoding.DecodeString(after)
		if err != nil {
			b = nil // a mangled cursor starts over
		}
		from = string(b)
	}
	err := r.ScanUsersSorted(byName, desc, from, func(u *storage.User, cursor string) error {
		if len(users) == want || scanned == maxScan {
			return errPageFull // one more exists
		}
		scanned++
		last = cursor
		if keep == nil || keep(u) {
			users = append(users, u)
		}
		return nil
	})
	if byName && last != "" {
		last = base64.RawURLEncoding.EncodeToString([]byte(last))
	}
	switch {
	case errors.Is(err, errPageFull):
		return users, last, nil
	case err != nil:
		return nil, "", err
	}
	return users, "", nil
}
