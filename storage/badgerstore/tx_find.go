package badgerstore

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/storage"
)

// FindUsers resolves an identity through the indexes, trying in turn: the
// object id, the UPN, the SIP address (with or without "sip:"),
// domain\alias, then the display name. The first form that matches wins;
// only a display name shared by several users gives several users (in UPN
// order). No match is not an error.
func (t *tx) FindUsers(identity string) ([]*storage.User, error) {
	ident := strings.TrimSpace(identity)
	if ident == "" {
		return nil, nil
	}
	if storage.IsGUID(ident) {
		u, err := t.userOrNil(strings.ToLower(ident))
		if err != nil || u != nil {
			return one(u), err
		}
	}
	if u, err := t.AddressOwner(ident); err != nil || u != nil {
		return one(u), err
	}
	if domain, alias, ok := strings.Cut(ident, `\`); ok {
		users, err := t.findByAlias(domain, alias)
		if err != nil || len(users) > 0 {
			return users, err
		}
	}
	return t.usersUnder(storage.NamePrefix(ident))
}

// AddressOwner implements storage.Reader.
func (t *tx) AddressOwner(address string) (*storage.User, error) {
	ident := strings.TrimSpace(address)
	if ident == "" {
		return nil, nil
	}
	for _, key := range [][]byte{storage.UPNKey(ident), storage.SIPKey(ident)} {
		id, ok, err := t.get(key)
		if err != nil {
			return nil, err
		}
		if ok {
			return t.userOrNil(string(id))
		}
	}
	return nil, nil
}

func one(u *storage.User) []*storage.User {
	if u == nil {
		return nil
	}
	return []*storage.User{u}
}

// findByAlias resolves domain\alias: domain must be the first label of one
// of the tenant's domains, and the user's UPN domain must start with it.
func (t *tx) findByAlias(domain, alias string) ([]*storage.User, error) {
	domain = strings.ToLower(strings.TrimSpace(domain))
	tn, err := t.Tenant()
	if err != nil {
		return nil, nil // no tenant, no domains
	}
	known := false
	for _, d := range tn.Domains {
		known = known || firstLabel(d) == domain
	}
	if !known {
		return nil, nil
	}
	users, err := t.usersUnder(storage.AliasPrefix(strings.TrimSpace(alias)))
	if err != nil {
		return nil, err
	}
	out := users[:0]
	for _, u := range users {
		_, d, _ := strings.Cut(storage.LowerUPN(u.UserPrincipalName), "@")
		if firstLabel(d) == domain {
			out = append(out, u)
		}
	}
	return out, nil
}

func firstLabel(domain string) string {
	l, _, _ := strings.Cut(strings.ToLower(domain), ".")
	return l
}

// usersUnder loads the users of a multi-valued index (keys ending with the
// user id), ordered by UPN.
func (t *tx) usersUnder(prefix []byte) ([]*storage.User, error) {
	var ids []string
	err := t.each(prefix, false, false, func(k, _ []byte) (bool, error) {
		ids = append(ids, string(k[len(prefix):]))
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return t.loadUsers(ids)
}

// loadUsers loads users by id (skipping any that vanished), in UPN order.
func (t *tx) loadUsers(ids []string) ([]*storage.User, error) {
	var users []*storage.User
	for _, id := range ids {
		u, err := t.userOrNil(id)
		if err != nil {
			return nil, err
		}
		if u != nil {
			users = append(users, u)
		}
	}
	sort.Slice(users, func(i, j int) bool {
		return storage.LowerUPN(users[i].UserPrincipalName) < storage.LowerUPN(users[j].UserPrincipalName)
	})
	return users, nil
}

// scanChunk is how many UPN-index entries ScanUsers reads before it closes
// its iterator and hands users to fn, so fn may read and write freely.
const scanChunk = 256

// ScanUsers calls fn for users in (lower-case) UPN order, after the UPN
// `after`, at most limit users (0 = all).
func (t *tx) ScanUsers(after string, limit int, fn func(*storage.User) error) error {
	from := storage.LowerUPN(after)
	done := 0
	for {
		type entry struct{ upn, id string }
		var batch []entry
		prefix := []byte{storage.NSIdxUPN}
		err := t.eachFrom(prefix, storage.UPNKey(from), true, false, func(k, v []byte) (bool, error) {
			upn := string(k[1:])
			if upn == from {
				return true, nil // "after", not "from"
			}
			batch = append(batch, entry{upn, string(v)})
			return len(batch) < scanChunk, nil
		})
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, e := range batch {
			u, err := t.userOrNil(e.id)
			if err != nil {
				return err
			}
			if u == nil {
				continue
			}
			if err := fn(u); err != nil {
				return err
			}
			if done++; limit > 0 && done >= limit {
				return nil
			}
		}
		from = batch[len(batch)-1].upn
	}
}

// SearchUsers lists up to limit users (0 = all) one of whose search words
// (UPN, SIP address, display name or one of its words) starts with prefix,
// case-insensitively, in UPN order: a prefix scan of the word index.
func (t *tx) SearchUsers(prefix string, limit int) ([]*storage.User, error) {
	names, err := t.SearchUserNames(prefix, limit)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(names))
	for i, n := range names {
		ids[i] = n.ID
	}
	return t.loadUsers(ids)
}

// SearchUserNames is SearchUsers from the word index alone: each entry
// names its user's id (in its key) and UPN as stored (its value, since
// schema 8), so no user is read — for completion on a big tenant, fifty
// users read were fifty blocks in fifty places. An empty prefix reads
// the first users in UPN order.
func (t *tx) SearchUserNames(prefix string, limit int) ([]storage.UserName, error) {
	p := storage.SearchWord(strings.TrimSpace(prefix))
	p = strings.TrimPrefix(p, "sip:")
	var names []storage.UserName
	if p == "" {
		err := t.ScanUsers("", limit, func(u *storage.User) error {
			names = append(names, storage.UserName{ID: u.ID, UserPrincipalName: u.UserPrincipalName})
			return nil
		})
		return names, err
	}
	type hit struct {
		lower string // the UPN lower-cased: the order
		name  storage.UserName
	}
	seen := map[string]bool{}
	var hits []hit
	err := t.each(storage.WordPrefix(p), true, false, func(k, v []byte) (bool, error) {
		id := storage.IDFromWordKey(k)
		if !seen[id] {
			seen[id] = true
			upn := string(v)
			hits = append(hits, hit{storage.LowerUPN(upn), storage.UserName{ID: id, UserPrincipalName: upn}})
		}
		// Stop at the limit: the cost follows the limit, not how many
		// index keys share a short prefix (completion on a big tenant).
		return limit <= 0 || len(hits) < limit, nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].lower != hits[j].lower {
			return hits[i].lower < hits[j].lower
		}
		return hits[i].name.ID < hits[j].name.ID
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	names = make([]storage.UserName, len(hits))
	for i, h := range hits {
		names[i] = h.name
	}
	return names, nil
}
