package teams

import (
	"errors"
	"sort"
	"strings"

	"github.com/csshell/csshell/storage"
)

// completionLimit caps the values a completion hook returns, so a
// 100 000-user tenant answers as fast as the demo one (an index prefix
// scan with a limit).
const completionLimit = 50

// completeTollNumbers lists toll service numbers starting with prefix.
func (t *Tenant) completeTollNumbers(prefix string) []string {
	return t.completeNumbers(prefix, storage.NumberToll)
}

// completeTollFreeNumbers lists toll-free service numbers starting with
// prefix.
func (t *Tenant) completeTollFreeNumbers(prefix string) []string {
	return t.completeNumbers(prefix, storage.NumberTollFree)
}

// CompleteServiceNumbers lists service numbers of any type starting with
// prefix.
func (t *Tenant) CompleteServiceNumbers(prefix string) []string { return t.completeNumbers(prefix, "") }

// CompleteUsers lists UPNs of users whose UPN or SIP address starts with
// prefix, and display names of those one of whose name words does. A
// match on the UPN is answered from the search index alone; only the
// others read the user (for its SIP address or display name).
func (t *Tenant) CompleteUsers(prefix string) []string {
	prefix = strings.TrimPrefix(strings.ToLower(prefix), "sip:")
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		names, err := r.SearchUserNames(prefix, completionLimit)
		if err != nil {
			return err
		}
		for _, n := range names {
			if strings.HasPrefix(strings.ToLower(n.UserPrincipalName), prefix) {
				out = append(out, n.UserPrincipalName)
				continue
			}
			u, err := r.User(n.ID)
			if errors.Is(err, storage.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if sip := strings.TrimPrefix(strings.ToLower(u.SipAddress), "sip:"); strings.HasPrefix(sip, prefix) {
				out = append(out, u.UserPrincipalName)
				continue
			}
			out = append(out, u.DisplayName)
		}
		return nil
	})
	return sortedUnique(out)
}

// completeBridges lists bridge names starting with prefix.
func (t *Tenant) completeBridges(prefix string) []string {
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		bs, err := r.Bridges()
		for _, b := range bs {
			if hasPrefixFold(b.Name, prefix) {
				out = append(out, b.Name)
			}
		}
		return err
	})
	return sortedUnique(out)
}

// completeNumbers lists service numbers (of a type, "" for any) starting
// with prefix, ignoring a leading "+" or "tel:".
func (t *Tenant) completeNumbers(prefix, kind string) []string {
	p := strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(prefix), "tel:"), "+")
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		ns, err := r.ServiceNumbers()
		for _, n := range ns {
			if (kind == "" || n.Type == kind) && strings.HasPrefix(n.Number, p) {
				out = append(out, n.Number)
			}
		}
		return err
	})
	return sortedUnique(out)
}

// completePolicies lists dial-out policy names (without "Tag:") for
// Grant-CsDialoutPolicy -PolicyName.
func (t *Tenant) completePolicies(prefix string) []string {
	var out []string
	for _, id := range t.policyIdentities() {
		name := id
		if i := strings.IndexByte(id, ':'); i >= 0 {
			name = id[i+1:]
		}
		if name != "Global" && hasPrefixFold(name, prefix) {
			out = append(out, name)
		}
	}
	return sortedUnique(out)
}

// completePolicyIdentities lists dial-out policy identities.
func (t *Tenant) completePolicyIdentities(prefix string) []string {
	var out []string
	for _, id := range t.policyIdentities() {
		if hasPrefixFold(id, prefix) {
			out = append(out, id)
		}
	}
	return out
}

// policyIdentities returns the dial-out policy identities in store order.
func (t *Tenant) policyIdentities() []string {
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		ps, err := r.DialOutPolicies()
		for _, p := range ps {
			out = append(out, p.Identity)
		}
		return err
	})
	return out
}

// hasPrefixFold is a case-insensitive strings.HasPrefix.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// sortedUnique sorts case-insensitively and drops duplicates.
func sortedUnique(in []string) []string {
	sort.SliceStable(in, func(i, j int) bool { return strings.ToLower(in[i]) < strings.ToLower(in[j]) })
	out := in[:0]
	for i, s := range in {
		if i == 0 || !strings.EqualFold(s, in[i-1]) {
			out = append(out, s)
		}
	}
	return out
}
