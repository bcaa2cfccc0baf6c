package storagetest

import (
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
)

// sortedScan reads every user through ScanUsersSorted, page by page (the
// cursor fn was given starts the next page), and returns a key of each.
func sortedScan(t *testing.T, s storage.Store, byName, desc bool, page int, key func(*storage.User) string) []string {
	t.Helper()
	var out []string
	cursor := ""
	for {
		n := 0
		View(t, s, func(r storage.Reader) error {
			err := r.ScanUsersSorted(byName, desc, cursor, func(u *storage.User, c string) error {
				if n == page {
					return errPage
				}
				out = append(out, key(u))
				cursor = c
				n++
				return nil
			})
			if err == errPage {
				return nil
			}
			return err
		})
		if n < page {
			return out
		}
	}
}

var errPage = pageFull{}

// pageFull stops a scan at the end of a page.
type pageFull struct{}

func (pageFull) Error() string { return "page full" }

var _ = conformance(
	conformanceCase{"ScanUsersSorted", func(t *testing.T, s storage.Store) {
		// A user without a display name sorts by UPN among the names;
		// keys compare as the index does (the name, a zero byte, the id).
		Update(t, s, func(w storage.Writer) error {
			u := UserByUPN(t, s, "nestor.wilke@contoso.com")
			u.DisplayName = ""
			return w.PutUser(u)
		})
		var all []*storage.User
		View(t, s, func(r storage.Reader) error {
			return r.ScanUsers("", 0, func(u *storage.User) error { all = append(all, u); return nil })
		})
		sortKey := func(u *storage.User) string {
			if u.DisplayName != "" {
				return strings.ToLower(u.DisplayName)
			}
			return strings.ToLower(u.UserPrincipalName)
		}
		byName := make([]string, len(all))
		byUPN := make([]string, len(all))
		for i, u := range all {
			byName[i], byUPN[i] = sortKey(u)+"\x00"+u.ID, strings.ToLower(u.UserPrincipalName)
		}
		slices.Sort(byName)
		slices.Sort(byUPN)
		nameOf := func(u *storage.User) string { return sortKey(u) + "\x00" + u.ID }
		upnOf := func(u *storage.User) string { return strings.ToLower(u.UserPrincipalName) }
		for _, page := range []int{1, 3, 100} {
			Eq(t, "by name", sortedScan(t, s, true, false, page, nameOf), byName)
			Eq(t, "by UPN", sortedScan(t, s, false, false, page, upnOf), byUPN)
			Eq(t, "by name, descending", sortedScan(t, s, true, true, page, nameOf), reversed(byName))
			Eq(t, "by UPN, descending", sortedScan(t, s, false, true, page, upnOf), reversed(byUPN))
		}
	}},
)

// reversed is a reversed copy of s.
func reversed(s []string) []string {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}
