package emulator

import (
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// registerSetTenantUser adds Set-TenantUser.
func registerSetTenantUser(rt *engine.Runtime, t *teams.Tenant) {
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
		Params: []*engine.ParamInfo{
			emuIdentityParam(t, true, "The user to change: UPN, SIP address, display name, domain\\alias or object id."),
			engine.NamedParam("DisplayName", "String", "The new display name."),
			engine.NamedParam("PrimarySmtpAddress", "String", "The mailbox address (gives the user a mailbox)."),
			engine.NamedParam("Mailbox", "SwitchParameter", "Gives the user a mailbox (at the UPN unless -PrimarySmtpAddress says otherwise)."),
			engine.NamedParam("NoMailbox", "SwitchParameter", "Removes the user's mailbox: the user gets no more emails."),
			emuRoleParam("Role", "Replaces the user's administrator roles (an empty list removes them all).", false),
			emuRoleParam("AddRole", "Adds administrator roles.", false),
			emuRoleParam("RemoveRole", "Removes administrator roles.", false),
			engine.NamedParam("UsageLocation", "String", "Two-letter country code."),
			engine.NamedParam("City", "String", "The user's city."),
			engine.NamedParam("Department", "String", "The user's department."),
			engine.NamedParam("AudioConferencingLicense", "Boolean", "Assigns ($true) or removes ($false) the audio-conferencing licence."),
			engine.NamedParam("Provider", "String", "The audio-conferencing provider: Microsoft, None, or a third party's name."),
			engine.Secret(engine.NamedParam("Password", "SecureString", "A new sign-in password ($null removes it); stored only as a salted hash.")),
			engine.NamedParam("PassThru", "SwitchParameter", "Writes the changed user."),
		},
		Outputs: []string{tenantUserType},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Set-TenantUser ken.myer@contoso.com -AudioConferencingLicense $false", Remarks: "Removes Ken's licence: he is disabled for audio conferencing and gets the disable email."},
			{Title: "Example 2", Code: "Set-TenantUser amos.marble@contoso.com -AddRole \"Teams Administrator\"", Remarks: "Makes Amos a Teams administrator."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return setTenantUser(c, t) }),
	})
}

// setTenantUser changes one user.
func setTenantUser(c *engine.Call, t *teams.Tenant) error {
	identity := teams.IdentityText(c.Get("Identity"))
	if c.Switch("Mailbox") && c.Switch("NoMailbox") {
		return teams.Fail(c, teams.InvalidArgument("MailboxConflict", identity, "-Mailbox and -NoMailbox cannot be used together."))
	}
	if c.Switch("NoMailbox") && c.String("PrimarySmtpAddress") != "" {
		return teams.Fail(c, teams.InvalidArgument("MailboxConflict", identity, "-PrimarySmtpAddress cannot be used with -NoMailbox."))
	}
	if c.Has("Role") && (c.Has("AddRole") || c.Has("RemoveRole")) {
		return teams.Fail(c, teams.InvalidArgument("RoleConflict", identity, "-Role cannot be used with -AddRole or -RemoveRole."))
	}
	if ok, err := c.ShouldProcess(identity, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	var out teams.ChangeOutcome
	var result *storage.User
	var uc *teams.UserContext
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		out = teams.ChangeOutcome{}
		u, err := teams.ResolveUser(w, identity)
		if err != nil {
			return err
		}
		if uc, err = teams.LoadUserContext(w); err != nil {
			return err
		}
		old := *u
		changes, err := applyTenantUserParams(c, w, u)
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
	if c.Switch("PassThru") {
		return c.WriteObject(tenantUserObject(uc, result))
	}
	return nil
}

// applyTenantUserParams applies Set-TenantUser's parameters to u and
// returns the changes (licence-driven conferencing changes excepted).
func applyTenantUserParams(c *engine.Call, w storage.Writer, u *storage.User) ([]storage.Change, error) {
	var ch []storage.Change
	str := func(prop string, field *string, v string) {
		ch = teams.AppendChange(ch, prop, *field, v)
		*field = v
	}
	if c.Has("DisplayName") {
		s := strings.TrimSpace(c.String("DisplayName"))
		if s == "" {
			return nil, teams.InvalidArgument("EmptyDisplayName", u.UserPrincipalName, "The display name cannot be empty.")
		}
		str("DisplayName", &u.DisplayName, s)
	}
	mailbox, addr := u.HasMailbox, u.PrimarySmtpAddress
	switch {
	case c.Switch("NoMailbox"):
		mailbox, addr = false, ""
	case c.String("PrimarySmtpAddress") != "":
		addr = strings.TrimSpace(c.String("PrimarySmtpAddress"))
		if !teams.MailAddressOK(addr) {
			return nil, teams.InvalidArgument("InvalidPrimarySmtpAddress", addr, "The primary SMTP address \"%s\" is not a valid email address: use the <alias>@<domain> form.", addr)
		}
		mailbox = true
	case c.Switch("Mailbox") && !u.HasMailbox:
		mailbox, addr = true, u.UserPrincipalName
	}
	ch = teams.AppendChange(ch, "HasMailbox", teams.BoolText(u.HasMailbox), teams.BoolText(mailbox))
	u.HasMailbox = mailbox
	str("PrimarySmtpAddress", &u.PrimarySmtpAddress, addr)
	roles, err := newRoles(c, u.Roles)
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
	if c.Has("UsageLocation") {
		loc, err := emuUsageLocation(c.String("UsageLocation"))
		if err != nil {
			return nil, err
		}
		str("UsageLocation", &u.UsageLocation, loc)
	}
	if c.Has("City") {
		str("City", &u.City, strings.TrimSpace(c.String("City")))
	}
	if c.Has("Department") {
		str("Department", &u.Department, strings.TrimSpace(c.String("Department")))
	}
	if c.Has("Provider") {
		p := emuProvider(c.String("Provider"))
		ch = teams.AppendChange(ch, "Provider", u.Provider, p)
		u.Provider = p
	}
	if c.Has("AudioConferencingLicense") {
		lic := c.Switch("AudioConferencingLicense")
		ch = teams.AppendChange(ch, "AudioConferencingLicense", teams.BoolText(u.AudioConferencingLicense), teams.BoolText(lic))
		if lic && !u.AudioConferencingLicense && teams.IsThirdParty(u) && !c.Has("Provider") {
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
	if c.Has("Password") {
		if pw := value.ToString(c.Get("Password")); pw == "" {
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
func newRoles(c *engine.Call, cur []string) ([]string, error) {
	if c.Has("Role") {
		roles, err := emuRoles(teams.StringList(c.Get("Role")))
		if roles == nil {
			roles = []string{}
		}
		return roles, err
	}
	roles := append([]string{}, cur...)
	if c.Has("AddRole") {
		add, err := emuRoles(teams.StringList(c.Get("AddRole")))
		if err != nil {
			return nil, err
		}
		for _, r := range add {
			if !storage.RolesInclude(roles, r) {
				roles = append(roles, r)
			}
		}
	}
	if c.Has("RemoveRole") {
		rm, err := emuRoles(teams.StringList(c.Get("RemoveRole")))
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
	rt.Register(&engine.Cmdlet{
		Name: "Remove-TenantUser", Module: "csshell",
		Synopsis: "Deletes a directory user of the emulated tenant.",
		Description: "Deletes the user and its conferencing state; its conference ID is released for reuse on its bridge. " +
			"The signed-in account and the last Global Administrator cannot be deleted. Needs an administrator role.",
		SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: []*engine.ParamInfo{emuIdentityParam(t, true, "The user to delete: UPN, SIP address, display name, domain\\alias or object id.")},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Remove-TenantUser alex.wilber@contoso.com", Remarks: "Deletes Alex Wilber."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			identity := teams.IdentityText(c.Get("Identity"))
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
