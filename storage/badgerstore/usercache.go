package badgerstore

import (
	"sync"

	"github.com/cespare/xxhash/v2"
	"github.com/csshell/csshell/storage"
)

// userCache keeps decoded user records by the hash of their stored bytes:
// the same bytes always decode to the same user, so a hit is correct
// whatever transaction reads it (committed or pending), and decoding JSON
// — most of a bulk change's cost — happens once per version of a user.
// Callers get a deep copy, so the cache's users are never shared.
type userCache struct {
	mu    sync.Mutex
	users map[uint64]*storage.User
}

// userCacheSize bounds the cache; when full it is emptied (cheap, and a
// bulk change touches each user a few times in a row).
const userCacheSize = 4096

// decodeUser decodes a stored user record, through the cache.
func (c *userCache) decodeUser(val []byte) (*storage.User, error) {
	h := xxhash.Sum64(val)
	c.mu.Lock()
	if u, ok := c.users[h]; ok {
		c.mu.Unlock()
		return u.Clone(), nil
	}
	c.mu.Unlock()
	u := new(storage.User)
	if err := decode(val, u); err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.users == nil || len(c.users) >= userCacheSize {
		c.users = make(map[uint64]*storage.User, 64)
	}
	c.users[h] = u.Clone()
	c.mu.Unlock()
	return u, nil
}
