package badgerstore

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/cespare/xxhash/v2"
	"github.com/csshell/csshell/storage"
	badger "github.com/dgraph-io/badger/v4"
)

// Decoded records.
//
// Decoding JSON is most of what reading a record costs, and a bulk change
// reads the same user several times (resolving the identity, the change,
// PutUser's index diff). Two caches keep decoded values:
//
//   - userCache, the store's, keeps decoded users by the hash of their
//     stored bytes: the same bytes always decode to the same user, so a
//     hit is right whatever transaction reads it (committed or pending);
//   - a group's decoded map keeps, by key, the decoded value of what the
//     group's transaction holds at that key (read or written): the
//     transaction reads one snapshot, and every write to a key drops its
//     entry (tx.wrote, openGroup.undo), so an entry is the key's value
//     for as long as it is there. PutUser puts the user it wrote, so the
//     next read of it in the group decodes nothing.
//
// Cached values are shared and never changed: callers get deep copies.

// userCache keeps decoded user records by the hash of their stored bytes.
type userCache struct {
	mu    sync.Mutex
	users map[uint64]*storage.User
}

// userCacheSize bounds the cache; when full it is emptied (cheap, and a
// bulk change touches each user a few times in a row).
const userCacheSize = 4096

// sharedUser decodes a stored user record, through the cache: the cache's
// own value, which must not be changed.
func (c *userCache) sharedUser(val []byte) (*storage.User, error) {
	h := xxhash.Sum64(val)
	c.mu.Lock()
	if u, ok := c.users[h]; ok {
		c.mu.Unlock()
		return u, nil
	}
	c.mu.Unlock()
	u, err := storage.DecodeUser(val)
	if err != nil {
		return nil, fmt.Errorf("storage: damaged record: %w", err)
	}
	c.mu.Lock()
	if c.users == nil || len(c.users) >= userCacheSize {
		c.users = make(map[uint64]*storage.User, 64)
	}
	c.users[h] = u
	c.mu.Unlock()
	return u, nil
}

// sharedUser returns the user with that object id, decoded once per
// group (or through the store's cache): a value that must not be
// changed. ErrNotFound when there is none.
func (t *tx) sharedUser(id string) (*storage.User, error) {
	key := storage.UserKey(id)
	if t.g == nil {
		item, err := t.txn.Get(key)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil, storage.ErrNotFound
		}
		if err != nil {
			return nil, err
		}
		var u *storage.User
		err = item.Value(func(val []byte) error {
			var derr error
			u, derr = t.b.users.sharedUser(val)
			return derr
		})
		return u, err
	}
	if u, ok := t.g.decoded[string(key)].(*storage.User); ok {
		return u, nil
	}
	val, ok, err := t.get(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, storage.ErrNotFound
	}
	u, err := t.b.users.sharedUser(val)
	if err != nil {
		return nil, err
	}
	t.g.keepDecoded(key, u)
	return u, nil
}

// keepDecoded records v as the decoded value the group's transaction
// holds at key (v is then shared: never changed).
func (o *openGroup) keepDecoded(key []byte, v any) {
	if o.decoded == nil {
		o.decoded = map[string]any{}
	}
	o.decoded[string(key)] = v
}

// sharedRecord returns the JSON record at key decoded into a new T: in a
// group through its decoded map (the shared value, which must not be
// changed), else decoded from the transaction (the caller's own).
// ErrNotFound when there is none.
func sharedRecord[T any](t *tx, key []byte) (*T, error) {
	if t.g != nil {
		if v, ok := t.g.decoded[string(key)].(*T); ok {
			return v, nil
		}
	}
	v := new(T)
	if err := t.getJSON(key, v); err != nil {
		return nil, err
	}
	if t.g != nil {
		t.g.keepDecoded(key, v)
	}
	return v, nil
}

// cloneTenant is a deep copy of a tenant record.
func cloneTenant(tn *storage.Tenant) *storage.Tenant {
	c := *tn
	c.Domains = slices.Clone(tn.Domains)
	return &c
}

// cloneSettings is a deep copy of the settings (an empty list of
// domains stays an empty list, not nil).
func cloneSettings(s *storage.Settings) *storage.Settings {
	c := *s
	c.AllowedDialOutExternalDomains = append([]string{}, s.AllowedDialOutExternalDomains...)
	return &c
}
