package teams

import (
	"errors"
	"slices"
	"sync"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// Tenant is a session's connection to its tenant store: the store and the
// account signed in. Cmdlets that read or change the tenant go through it.
type Tenant struct {
	store storage.Store

	mu      sync.Mutex
	account string // UPN of the signed-in account; "" when disconnected
	// gen is the module generation loaded (generation.go); zero means
	// the newest.
	gen generation
	// sessionImported is set once Import-PSSession imported a connector
	// session: only then does the connector era have the Cs cmdlets.
	sessionImported bool
	// reload re-registers the generation's surface (generation_module.go).
	reload func()
	// groups are the session's groups of changes (group commit), one per
	// store the session has used (a throwaway copy has its own).
	groups []storeGroup
}

// storeGroup is the session's group of changes on one store.
type storeGroup struct {
	store storage.Store
	group storage.Group
}

// NewTenant connects to store, signed in as the tenant's first Global
// Administrator (the demo tenant's admin@contoso.onmicrosoft.com).
func NewTenant(store storage.Store) (*Tenant, error) {
	t := &Tenant{store: store}
	err := store.View(func(r storage.Reader) error {
		admin, err := FirstGlobalAdmin(r)
		if err != nil {
			return err
		}
		t.account = admin
		return nil
	})
	return t, err
}

// FirstGlobalAdmin returns the UPN of the first Global Administrator by UPN
// order, "" when there is none.
func FirstGlobalAdmin(r storage.Reader) (string, error) {
	var upn string
	err := r.ScanUsers("", 0, func(u *storage.User) error {
		if storage.HasRole(u, storage.RoleGlobalAdmin) {
			upn = u.UserPrincipalName
			return errFound // stop: start-up must not read every user
		}
		return nil
	})
	if errors.Is(err, errFound) {
		err = nil
	}
	return upn, err
}

// errFound stops a scan once it has what it looks for.
var errFound = errors.New("found")

// Store returns the tenant store.
func (t *Tenant) Store() storage.Store { return t.store }

// Account returns the UPN of the signed-in account ("" when disconnected).
func (t *Tenant) Account() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.account
}

// SetAccount signs in as upn ("" disconnects).
func (t *Tenant) SetAccount(upn string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.account = upn
}

// notConnected is the error for tenant cmdlets run while disconnected, as
// the MicrosoftTeams module words it.
func notConnected() *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", "NotConnected", nil,
		"You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.").
		WithException("System.UnauthorizedAccessException")
}

// accessDenied is the error for a change by an account without an admin
// role (including users trying to reset their own PIN).
func accessDenied(account string) *engine.ErrorRecord {
	return engine.NewError("PermissionDenied", "AccessDenied", account,
		"Access Denied. The account '%s' does not have permission to perform this operation: it needs the %s role.", account, storage.AdminRolesText("or")).
		WithException("System.UnauthorizedAccessException")
}

// SignedIn returns the signed-in account's user record.
func (t *Tenant) SignedIn(r storage.Reader) (*storage.User, error) {
	acct := t.Account()
	if acct == "" {
		return nil, notConnected()
	}
	users, err := r.FindUsers(acct)
	if err != nil {
		return nil, err
	}
	if len(users) != 1 {
		return nil, notConnected()
	}
	return users[0], nil
}

// SignedInAdmin returns the signed-in account's user record, or the
// access-denied error when it holds no administrator role.
func (t *Tenant) SignedInAdmin(r storage.Reader) (*storage.User, error) {
	me, err := t.SignedIn(r)
	if err != nil {
		return nil, err
	}
	if !storage.IsConferencingAdmin(me) {
		return nil, accessDenied(me.UserPrincipalName)
	}
	return me, nil
}

// group is the session's group of changes on its current store, nil
// when the store groups none (storage.Grouper).
func (t *Tenant) group() storage.Group {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, g := range t.groups {
		if g.store == t.store {
			return g.group
		}
	}
	gs, ok := t.store.(storage.Grouper)
	if !ok {
		return nil
	}
	g := gs.NewGroup()
	t.groups = append(t.groups, storeGroup{store: t.store, group: g})
	return g
}

// Sync is the session's durability barrier: it commits and syncs its
// groups of changes (on every store it used) and the store, so that
// every change made so far is durable; an error when changes were lost.
func (t *Tenant) Sync() error {
	t.mu.Lock()
	groups := slices.Clone(t.groups)
	store := t.store
	t.mu.Unlock()
	var errs []error
	for _, g := range groups {
		err := g.group.Sync()
		if err == nil && g.store != store {
			t.dropGroup(g.group) // a store left (a throwaway copy): nothing pending
		}
		errs = append(errs, err)
	}
	errs = append(errs, store.Sync())
	return errors.Join(errs...)
}

// dropGroup forgets a group of a store the session no longer uses.
func (t *Tenant) dropGroup(g storage.Group) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.groups = slices.DeleteFunc(t.groups, func(x storeGroup) bool { return x.group == g && x.store != t.store })
}

// ReadPending runs fn like Read, but on a view that sees the session's
// changes not yet committed (its group's). fn must only read through r —
// no output, no other use of the store — since it runs with the store
// locked; the bulk paths use it between their changes, so that a
// pipeline's changes share one transaction.
func (t *Tenant) ReadPending(fn func(r storage.Reader) error) error {
	g := t.group()
	if g == nil {
		return t.Read(fn)
	}
	return g.View(func(r storage.Reader) error {
		if _, err := t.SignedIn(r); err != nil {
			return err
		}
		return fn(r)
	})
}

// Read runs fn in a Read transaction, checking the session is connected.
func (t *Tenant) Read(fn func(r storage.Reader) error) error {
	return t.store.View(func(r storage.Reader) error {
		if _, err := t.SignedIn(r); err != nil {
			return err
		}
		return fn(r)
	})
}

// Change runs fn in one durable transaction, after checking that the
// signed-in account may Change the tenant. Nothing changes when fn fails.
//
// The commit is not synced here: the runtime's durability barrier (the
// store's Sync, registered by RegisterTenant) runs before anything about
// the Change leaves the session — output, a file, a mail, or the command
// returning — so a pipeline of many changes shares one sync. On a store
// that groups changes (storage.Grouper) the changes of the session also
// share one transaction until then (group commit); fn may then run twice
// (storage.Group.UpdateDeferred), so it must have no effect outside w
// but the results it keeps.
func (t *Tenant) Change(fn func(w storage.Writer, admin *storage.User) error) error {
	change := func(w storage.Writer) error {
		admin, err := t.SignedInAdmin(w)
		if err != nil {
			return err
		}
		return fn(w, admin)
	}
	if g := t.group(); g != nil {
		return g.UpdateDeferred(change)
	}
	return t.store.UpdateDeferred(change)
}

// Audit appends an Audit record for a change made by cmdlet c.
func (t *Tenant) Audit(w storage.Writer, admin *storage.User, c *engine.Call, target, targetID string, changes []storage.Change) error {
	return w.AddAudit(&storage.AuditRecord{
		Time:     w.Now().UTC(),
		Account:  admin.UserPrincipalName,
		Cmdlet:   c.Cmdlet.Name,
		Target:   target,
		TargetID: targetID,
		Changes:  changes,
	})
}

// StoreError turns a storage error into an error record of the cmdlet.
func StoreError(err error, target string) error {
	var rec *engine.ErrorRecord
	if errors.As(err, &rec) {
		return rec
	}
	var dup *storage.DuplicateError
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return notFound(target)
	case errors.As(err, &dup):
		return engine.NewError("ResourceExists", "AlreadyExists", target, "%s", dup.Error()).
			WithException("System.InvalidOperationException")
	case errors.Is(err, storage.ErrDuplicate):
		return engine.NewError("ResourceExists", "AlreadyExists", target, "An object with the identity \"%s\" already exists.", target)
	}
	return engine.NewError("WriteError", "TenantStoreError", target, "The tenant store reported an error: %s", err.Error())
}

// progressEvery is how many users a bulk cmdlet handles between two
// progress-bar updates.
const progressEvery = 100

// generation is the module generation the session has loaded.
func (t *Tenant) generation() generation {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.gen.module == "" {
		return newestGeneration
	}
	return t.gen
}

// importedSession reports whether a connector session was imported.
func (t *Tenant) importedSession() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.sessionImported
}

// markSessionImported records an Import-PSSession of a connector session
// and brings its cmdlets into the session.
func (t *Tenant) markSessionImported() {
	t.mu.Lock()
	was := t.sessionImported
	t.sessionImported = true
	reload := t.reload
	t.mu.Unlock()
	if !was && reload != nil {
		reload()
	}
}

// setGeneration records the generation loaded.
func (t *Tenant) setGeneration(g generation) {
	t.mu.Lock()
	t.gen = g
	t.mu.Unlock()
}
