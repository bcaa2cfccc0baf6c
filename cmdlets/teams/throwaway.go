package teams

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// inMemoryCloner is a store that can copy itself into memory
// (badgerstore.Badger).
type inMemoryCloner interface {
	CloneInMemory() (storage.Store, error)
}

// Throwaway switches the session to a throwaway in-memory copy of its
// tenant, signed in as the same account, until restore is called: then
// the copy is discarded and the session is back on its own tenant and
// account, whatever was done meanwhile. Invoke-Pester runs each test file
// this way, so tests never change the admin's tenant nor see each other's
// changes.
func (t *Tenant) Throwaway() (restore func(), err error) {
	cl, ok := t.store.(inMemoryCloner)
	if !ok {
		return nil, engine.NewError("NotImplemented", "TenantNotCopyable", nil, "The tenant store cannot be copied into memory.")
	}
	cp, err := cl.CloneInMemory()
	if err != nil {
		return nil, StoreError(err, "")
	}
	t.mu.Lock()
	orig, acct, gen := t.store, t.account, t.gen
	t.store = cp
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		t.store, t.account, t.gen = orig, acct, gen
		t.mu.Unlock()
		cp.Close()
	}, nil
}
