package emulator

import (
	"strings"
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// registerSetTenantUser adds Set-TenantUser.
func registerSetTenantUser(rt *engine.Runtime, t *teams.Tenant) {
	p := &setUserParams{
		identity:           engine.Declare[any](emuIdentityParam(t, true, "The user to change: UPN, SIP address, display name, domain\\alias or object id.")),
		displayName:        engine.Declare[string](engine.NamedParam("DisplayName", "String", "The new display name.")),
		primarySmtpAddress: engine.Declare[string](engine.NamedParam("PrimarySmtpAddress", "String", "The mailbox address (gives the user a mailbox).")),
		mailbox:            engine.Declare[bool](engine.NamedParam("Mailbox", "SwitchParameter", "Gives the user a mailbox (at the UPN unless -PrimarySmtpAddress says otherwise).")),
		noMailbox:          engine.Declare[bool](engine.NamedParam("NoMailbox", "SwitchParameter", "Removes the user's mailbox: the user gets no more emails.")),
		role:               engine.Declare[any](emuRoleParam("Role", "Replaces the user's administrator roles (an empty list removes them all).", false)),
		addRole:            engine.Declare[any](emuRoleParam("AddRole", "Adds administrator roles.", false)),
		removeRole:         engine.Declare[any](emuRoleParam("RemoveRole", "Removes administrator roles.", false)),
		usageLocation:      engine.Declare[string](engine.NamedParam("UsageLocation", "String", "Two-letter country code.")),
		city:               engine.Declare[string](engine.NamedParam("City", "String", "The user's city.")),
		department:         engine.Declare[string](engine.NamedParam("Department", "String", "The user's department.")),
		licence:            engine.Declare[bool](engine.NamedParam("AudioConferencingLicense", "Boolean", "Assigns ($true) or removes ($false) the audio-conferencing licence.")),
		provider:           engine.Declare[string](engine.NamedParam("Provider", "String", "The audio-conferencing provider: Microsoft, None, or a third party's name.")),
		password:           engine.Declare[any](engine.Secret(engine.NamedParam("Password", "SecureString", "A new sign-in password ($null removes it); stored only as a salted hash."))),
		passThru:           engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Writes the changed user.")),
		directory:          declareDirectoryParams(false),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Set-TenantUser", Module: "csshell",
		Synopsis: "Changes a directory user of the emulated tenant.",
		Description: "Changes a user's display name, mailbox (-Mailbox / -NoMailbox / -PrimarySmtpAddress, which gives the user a " +
			"mailbox), roles (-Role replaces them, -AddRole / -RemoveRole edit them), location, city, department, password, " +
			"audio-conferencing licence and provider. Conferencing follows the licence: assigning it to a Microsoft user " +
			"enables them (enable email with the PIN when emails are automatic); assigning it to a third-party user moves them " +
			"to Microsoft when AutomaticallyReplaceAcpProvider is on; removing it, or moving the user to another provider, " +
			"disables them (disable email). The last Global Administrator keeps the role. Needs an administrator role; " +
			"writes the user only with -PassThru.",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: append([]*engine.ParamInfo{p.identity.Info(), p.displayName.Info(), p.primarySmtpAddress.Info(), p.mailbox.Info(), p.noMailbox.Info(),
			p.role.Info(), p.addRole.Info(), p.removeRole.Info(), p.usageLocation.Info(), p.city.Info(), p.department.Info(),
			p.licence.Info(), p.provider.Info(), p.password.Info(), p.passThru.Info()}, p.directory.infos()...),
		Outputs: []string{tenantUserType},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Set-TenantUser ken.myer@contoso.com -AudioConferencingLicense $false", Remarks: "Removes Ken's licence: he is disabled for audio conferencing and gets the disable email."},
			{Title: "Example 2", Code: "Set-TenantUser amos.marble@contoso.com -AddRole \"Teams Administrator\"", Remarks: "Makes Amos a Teams administrator."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return setTenantUser(c, t, p) }),
	})
}

// setUserParams are Set-TenantUser's parameters.
type setUserParams struct {
	identity                        engine.Param[any]
	displayName, primarySmtpAddress engine.Param[string]
	mailbox, noMailbox              engine.Param[bool]
	role, addRole, removeRole       engine.Param[any]
	usageLocation, city, department engine.Param[string]
	licence                         engine.Param[bool]
	provider                        engine.Param[string]
	password                        engine.Param[any]
	passThru                        engine.Param[bool]
	directory                       directoryParams
}

// setTenantUser changes one user.
func setTenantUser(c *engine.Call, t *teams.Tenant, p *setUserParams) error {
	identity := teams.IdentityText(p.identity.Get(c))
	if p.mailbox.Get(c) && p.noMailbox.Get(c) {
		return teams.Fail(c, teams.InvalidArgument("MailboxConflict", identity, "-Mailbox and -NoMailbox cannot be used together."))
	}
	if p.noMailbox.Get(c) && p.primarySmtpAddress.Get(c) != "" {
		return teams.Fail(c, teams.InvalidArgument("MailboxConflict", identity, "-PrimarySmtpAddress cannot be used with -NoMailbox."))
	}
	if p.role.Given(c) && (p.addRole.Given(c) || p.removeRole.Given(c)) {
		return teams.Fail(c, teams.InvalidArgument("RoleConflict", identity, "-Role cannot be used with -AddRole or -RemoveRole."))
	}
	if err := checkSetUserText(c, p); err != nil {
		return teams.Fail(c, err)
	}
	if ok, err := c.ShouldProcess(identity, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	var out teams.ChangeOutcome
	var result *storage.User
	var uc *teams.UserContext
	var now time.Time
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		out = teams.ChangeOutcome{}
		u, err := teams.ResolveUser(w, identity)
		if err != nil {
			return err
		}
		now = w.Now()
		if uc, err = teams.LoadUserContext(w); err != nil {
			return err
		}
		old := *u
		changes, err := applyTenantUserParams(c, p, w, u)
		if err != nil {
			return err
		}
		if old.AudioConferencingLicense != u.AudioConferencingLicense || old.Provider != u.Provider {
			more, err := emuReconcile(t, w, uc, u, &out)
			if err != nil {
				return err
			}
			changes = append(changes, more...)
		}
		result = u
		if len(changes) == 0 {
			return nil
		}
		u.Modified = w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return teams.StoreError(err, identity)
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
	})
	if err != nil {
		return teams.Fail(c, err)
	}
	t.Finish(c, &out)
	if p.passThru.Get(c) {
		return c.WriteObject(tenantUserObject(uc, result, now))
	}
	return nil
}

// checkSetUserText refuses control characters and over-long values in
// Set-TenantUser's address and names before anything else reads them.
func checkSetUserText(c *engine.Call, p *setUserParams) error {
	return checkUserText(c, p.primarySmtpAddress, append([]namedText{{"DisplayName", p.displayName}, {"City", p.city},
		{"Department", p.department}, {"UsageLocation", p.usageLocation}, {"Provider", p.provider}}, p.directory.texts()...))
}

// namedText is a text parameter of New- or Set-TenantUser, with the name
// its errors give.
type namedText struct {
	name string
	h    engine.Param[string]
}

// checkUserText applies the address and name limits (teams.CheckAddress,
// teams.CheckDisplayName) to the parameters New- and Set-TenantUser share.
func checkUserText(c *engine.Call, smtp engine.Param[string], names []namedText) error {
	if err := teams.CheckAddress("PrimarySmtpAddress", smtp.Get(c)); err != nil {
		return err
	}
	for _, f := range names {
		if err := teams.CheckDisplayName(f.name, f.h.Get(c)); err != nil {
			return err
		}
	}
	return nil
}

// applyTenantUserParams applies Set-TenantUser's parameters to u and
// returns the changes (licence-driven conferencing changes excepted).
func applyTenantUserParams(c *engine.Call, p *setUserParams, w storage.Writer, u *storage.User) ([]storage.Change, error) {
	var ch []storage.Change
	str := func(prop string, field *string, v string) {
		ch = teams.AppendChange(ch, prop, *field, v)
		*field = v
	}
	if name, ok := p.displayName.Lookup(c); ok {
		s := strings.TrimSpace(name)
		if s == "" {
			return nil, teams.InvalidArgument("EmptyDisplayName", u.UserPrincipalName, "The display name cannot be empty.")
		}
		str("DisplayName", &u.DisplayName, s)
	}
	mailbox, addr := u.HasMailbox, u.PrimarySmtpAddress
	switch {
	case p.noMailbox.Get(c):
		mailbox, addr = false, ""
	case p.primarySmtpAddress.Get(c) != "":
		addr = strings.TrimSpace(p.primarySmtpAddress.Get(c))
		if !teams.MailAddressOK(addr) {
			return nil, teams.InvalidArgument("InvalidPrimarySmtpAddress", addr, "The primary SMTP address \"%s\" is not a valid email address: use the <alias>@<domain> form.", addr)
		}
		mailbox = true
	case p.mailbox.Get(c) && !u.HasMailbox:
		mailbox, addr = true, u.UserPrincipalName
	}
	ch = teams.AppendChange(ch, "HasMailbox", teams.BoolText(u.HasMailbox), teams.BoolText(mailbox))
	u.HasMailbox = mailbox
	str("PrimarySmtpAddress", &u.PrimarySmtpAddress, addr)
	roles, err := newRoles(c, p, u.Roles)
	if err != nil {
		return nil, err
	}
	if storage.RolesInclude(u.Roles, storage.RoleGlobalAdmin) && !storage.RolesInclude(roles, storage.RoleGlobalAdmin) {
		if err := keepOneGlobalAdmin(w, u); err != nil {
			return nil, err
		}
	}
	ch = teams.AppendChange(ch, "Roles", teams.ListText(u.Roles), teams.ListText(roles))
	u.Roles = roles
	if s, ok := p.usageLocation.Lookup(c); ok {
		loc, err := emuUsageLocation(s)
		if err != nil {
			return nil, err
		}
		str("UsageLocation", &u.UsageLocation, loc)
	}
	if s, ok := p.city.Lookup(c); ok {
		str("City", &u.City, strings.TrimSpace(s))
	}
	if s, ok := p.department.Lookup(c); ok {
		str("Department", &u.Department, strings.TrimSpace(s))
	}
	ch = p.directory.apply(c, u, ch)
	if s, ok := p.provider.Lookup(c); ok {
		provider := emuProvider(s)
		ch = teams.AppendChange(ch, "Provider", u.Provider, provider)
		u.Provider = provider
	}
	if lic, ok := p.licence.Lookup(c); ok {
		ch = teams.AppendChange(ch, "AudioConferencingLicense", teams.BoolText(u.AudioConferencingLicense), teams.BoolText(lic))
		if lic && !u.AudioConferencingLicense && teams.IsThirdParty(u) && !p.provider.Given(c) {
			s, err := w.Settings()
			if err != nil {
				return nil, err
			}
			if s.AutomaticallyReplaceAcpProvider {
				ch = teams.AppendChange(ch, "Provider", u.Provider, storage.ProviderMicrosoft)
				u.Provider = storage.ProviderMicrosoft
			}
		}
		u.AudioConferencingLicense = lic
	}
	if v, ok := p.password.Lookup(c); ok {
		if pw := value.ToString(v); pw == "" {
			if len(u.PasswordHash) > 0 {
				ch = append(ch, storage.Change{Property: "Password", Old: secret.Mask, New: ""})
			}
			u.PasswordHash, u.PasswordSalt = nil, nil
		} else {
			old := ""
			if len(u.PasswordHash) > 0 {
				old = secret.Mask
			}
			if u.PasswordHash, u.PasswordSalt, err = teams.HashAccountPassword(pw); err != nil {
				return nil, err
			}
			ch = append(ch, storage.Change{Property: "Password", Old: old, New: secret.Mask})
		}
	}
	return ch, nil
}

// newRoles computes the roles after -Role / -AddRole / -RemoveRole.
func newRoles(c *engine.Call, p *setUserParams, cur []string) ([]string, error) {
	if v, ok := p.role.Lookup(c); ok {
		roles, err := emuRoles(teams.StringList(v))
		if roles == nil {
			roles = []string{}
		}
		return roles, err
	}
	roles := append([]string{}, cur...)
	if v, ok := p.addRole.Lookup(c); ok {
		add, err := emuRoles(teams.StringList(v))
		if err != nil {
			return nil, err
		}
		for _, r := range add {
			if !storage.RolesInclude(roles, r) {
				roles = append(roles, r)
			}
		}
	}
	if v, ok := p.removeRole.Lookup(c); ok {
		rm, err := emuRoles(teams.StringList(v))
		if err != nil {
			return nil, err
		}
		kept := roles[:0]
		for _, r := range roles {
			if !storage.RolesInclude(rm, r) {
				kept = append(kept, r)
			}
		}
		roles = kept
	}
	return roles, nil
}

// keepOneGlobalAdmin refuses a change that would leave the tenant
// without a Global Administrator (u is the one losing the role).
func keepOneGlobalAdmin(r storage.Reader, u *storage.User) error {
	others := 0
	err := r.ScanUsers("", 0, func(x *storage.User) error {
		if x.ID != u.ID && storage.HasRole(x, storage.RoleGlobalAdmin) {
			others++
		}
		return nil
	})
	if err != nil {
		return err
	}
	if others == 0 {
		return teams.InvalidOperation("LastGlobalAdministrator", u.UserPrincipalName,
			"The user \"%s\" is the tenant's last Global Administrator: the tenant must keep one.", u.UserPrincipalName)
	}
	return nil
}

// registerRemoveTenantUser adds Remove-TenantUser.
func registerRemoveTenantUser(rt *engine.Runtime, t *teams.Tenant) {
	identityParam := engine.Declare[any](emuIdentityParam(t, true, "The user to delete: UPN, SIP address, display name, domain\\alias or object id."))
	rt.Register(&engine.Cmdlet{
		Name: "Remove-TenantUser", Module: "csshell",
		Synopsis: "Deletes a directory user of the emulated tenant.",
		Description: "Deletes the user and its conferencing state; its conference ID is released for reuse on its bridge. " +
			"The signed-in account and the last Global Administrator cannot be deleted. Needs an administrator role.",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: []*engine.ParamInfo{identityParam.Info()},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Remove-TenantUser alex.wilber@contoso.com", Remarks: "Deletes Alex Wilber."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			identity := teams.IdentityText(identityParam.Get(c))
			if ok, err := c.ShouldProcess(identity, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			return t.Do(c, func(w storage.Writer, admin *storage.User) error {
				u, err := teams.ResolveUser(w, identity)
				if err != nil {
					return err
				}
				if u.ID == admin.ID {
					return teams.InvalidOperation("CannotRemoveSignedInAccount", identity,
						"The user \"%s\" is the signed-in account and cannot be deleted.", u.UserPrincipalName)
				}
				if storage.HasRole(u, storage.RoleGlobalAdmin) {
					if err := keepOneGlobalAdmin(w, u); err != nil {
						return err
					}
				}
				if err := w.DeleteUser(u.ID); err != nil {
					return teams.StoreError(err, identity)
				}
				changes := []storage.Change{{Property: "UserPrincipalName", Old: u.UserPrincipalName}}
				if cf := u.Conferencing; cf != nil {
					changes = append(changes, storage.Change{Property: "ConferenceId", Old: cf.ConferenceID})
				}
				return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
			})
		}),
	})
}
