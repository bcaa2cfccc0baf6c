package teams

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// policyGrant is what one Grant-Cs…Policy cmdlet assigns: the property the
// audit log names, how its -PolicyName resolves to the stored name ("" for
// Global or $null), where the assignment lives on a user and on the tenant,
// each cmdlet's own.
type policyGrant struct {
	property string
	resolve  func(r storage.Reader, name string) (string, error)
	user     func(u *storage.User) *string
	tenant   func(s *storage.Settings) *string
}

// identityRequired is the error of a Grant cmdlet given neither a user nor
// -Global.
func identityRequired() *engine.ErrorRecord {
	return InvalidArgument("IdentityRequired", nil,
		"Specify the user with the Identity parameter, or use the Global parameter to grant the policy to the tenant.")
}

// grantPolicy assigns a policy to the user target names or, when global
// (target "Global"), to the tenant: checked first, confirmed
// (-WhatIf/-Confirm), changed and audited only when it differs; with
// passThru the user is written out. Failures are non-terminating (Fail).
func (t *Tenant) grantPolicy(c *engine.Call, g policyGrant, global bool, target, policyName string, passThru bool) error {
	var name, userID string
	err := t.Read(func(r storage.Reader) error {
		var err error
		if name, err = g.resolve(r, policyName); err != nil {
			return err
		}
		if !global {
			u, err := ResolveUser(r, target)
			if err != nil {
				return err
			}
			userID = u.ID
		}
		return nil
	})
	if err != nil {
		return Fail(c, err)
	}
	if ok, err := c.ShouldProcess(target, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	var granted *storage.User
	var tn *storage.Tenant
	var settings *storage.Settings
	err = t.Change(func(w storage.Writer, admin *storage.User) error {
		var err error
		if tn, err = w.Tenant(); err != nil {
			return err
		}
		if settings, err = w.Settings(); err != nil {
			return err
		}
		if global {
			field := g.tenant(settings)
			old := *field
			if old == name {
				return nil
			}
			*field = name
			if err := w.PutSettings(settings); err != nil {
				return err
			}
			return t.Audit(w, admin, c, "Global", "", []storage.Change{{Property: g.property, Old: old, New: name}})
		}
		u, err := w.User(userID)
		if err != nil {
			return err
		}
		granted = u
		field := g.user(u)
		old := *field
		if old == name {
			return nil
		}
		*field = name
		u.Modified = w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return err
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, []storage.Change{{Property: g.property, Old: old, New: name}})
	})
	if err != nil {
		return Fail(c, err)
	}
	if passThru && granted != nil {
		return c.WriteObject(onlineUserObject(tn, settings, granted))
	}
	return nil
}
