package teams

import "github.com/csshell/csshell/storage"

// ChangeChecked is ReadPending(check) then Change(fn) in one store call,
// for a cmdlet whose ShouldProcess asks and shows nothing
// (engine.Call.ShouldProcessSilently), so that nothing can come between
// the check and the change: check resolves the user to change (and checks
// the arguments against the tenant) in the transaction fn then writes,
// the signed-in account is looked up once, not once per step, and fn gets
// the user check resolved instead of reading it again. The errors come in
// the order of the two steps: not connected, check's, access denied (the
// account holds no admin role), fn's. Nothing changes when any fails; as
// with Change, fn may run twice and the barrier (Sync) must be reached
// before anything about the change is shown.
func (t *Tenant) ChangeChecked(check func(r storage.Reader) (*storage.User, error), fn func(w storage.Writer, admin, u *storage.User) error) error {
	change := func(w storage.Writer) error {
		me, err := t.SignedIn(w)
		if err != nil {
			return err
		}
		u, err := check(w)
		if err != nil {
			return err
		}
		if !storage.IsConferencingAdmin(me) {
			return accessDenied(me.UserPrincipalName)
		}
		return fn(w, me, u)
	}
	if g := t.group(); g != nil {
		return g.UpdateDeferred(change)
	}
	return t.store.UpdateDeferred(change)
}
