package emulator

import (
	"errors"
	"strings"
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// emuByName makes a named parameter bound from the pipeline by property
// name (Import-Csv rows).
func emuByName(name, typ, help string) *engine.ParamInfo {
	p := engine.NamedParam(name, typ, help)
	p.Sets[0].FromPipelineByName = true
	return p
}

// registerNewTenantUser adds New-TenantUser.
func registerNewTenantUser(rt *engine.Runtime, t *teams.Tenant) {
	upn := &engine.ParamInfo{Name: "UserPrincipalName", Type: "String", Complete: t.CompleteUsers, Help: "The user's sign-in name, alias@domain; the domain must be one of the tenant's domains. It is also the user's SIP address.",
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}, ValidateNotNullOrEmpty: true}
	p := &newUserParams{
		upn:                   engine.Declare[string](upn),
		displayName:           engine.Declare[string](emuByName("DisplayName", "String", "The display name; default: the UPN's alias.")),
		primarySmtpAddress:    engine.Declare[string](emuByName("PrimarySmtpAddress", "String", "The mailbox address; default: the UPN.")),
		noMailbox:             engine.Declare[bool](emuByName("NoMailbox", "SwitchParameter", "The user has no mailbox (and gets no emails).")),
		role:                  engine.Declare[any](emuRoleParam("Role", "Administrator roles of the account: "+strings.Join(storage.AdminRoles, ", ")+".", true)),
		usageLocation:         engine.Declare[string](emuByName("UsageLocation", "String", "Two-letter country code; default US.")),
		city:                  engine.Declare[string](emuByName("City", "String", "The user's city.")),
		department:            engine.Declare[string](emuByName("Department", "String", "The user's department.")),
		noConferencingLicense: engine.Declare[bool](emuByName("NoAudioConferencingLicense", "SwitchParameter", "The user holds no audio-conferencing licence (and is not enabled).")),
		provider:              engine.Declare[string](emuByName("Provider", "String", "The audio-conferencing provider: Microsoft (default), None, or a third party's name (e.g. Intercall).")),
		password:              engine.Declare[any](engine.Secret(emuByName("Password", "SecureString", "A sign-in password for Connect-MicrosoftTeams; stored only as a salted hash."))),
		directory:             declareDirectoryParams(true),
	}
	p.texts = append([]namedText{{"DisplayName", p.displayName}, {"City", p.city}, {"Department", p.department},
		{"UsageLocation", p.usageLocation}, {"Provider", p.provider}}, p.directory.texts()...)
	rt.Register(&engine.Cmdlet{
		Name: "New-TenantUser", Module: "csshell",
		Synopsis: "Creates a directory user in the emulated tenant.",
		Description: "Creates a user (UPN and SIP address alias@domain, with a mailbox at -PrimarySmtpAddress, by default the UPN, " +
			"unless -NoMailbox). New users hold an audio-conferencing licence unless -NoAudioConferencingLicense is given, and " +
			"their provider is Microsoft unless -Provider names another (or None). Like the real service's licence-driven " +
			"enablement, a licensed user with Microsoft as provider is enabled for audio conferencing at once — on the tenant's " +
			"default bridge, with a new conference ID, the bridge's default numbers, a PIN of the tenant's PinLength and " +
			"AllowPSTNOnlyMeetings from AllowPSTNOnlyMeetingsByDefault — and, when AutomaticallySendEmailsToUsers is on, gets " +
			"the enable email with the PIN. -Password sets a sign-in password (stored as a salted hash) that " +
			"Connect-MicrosoftTeams then requires. Every parameter binds by property name, so Import-Csv rows can be piped in. " +
			"Needs an administrator role.",
		Params: append([]*engine.ParamInfo{p.upn.Info(), p.displayName.Info(), p.primarySmtpAddress.Info(), p.noMailbox.Info(), p.role.Info(),
			p.usageLocation.Info(), p.city.Info(), p.department.Info(), p.noConferencingLicense.Info(), p.provider.Info(), p.password.Info()},
			p.directory.infos()...),
		Outputs: []string{tenantUserType},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "New-TenantUser -UserPrincipalName sara.davis@contoso.com -DisplayName \"Sara Davis\" -City Seattle -Department Sales", Remarks: "Creates a licensed user, enabled for audio conferencing (the enable email goes to her mailbox)."},
			{Title: "Example 2", Code: "Import-Csv users.csv | New-TenantUser", Remarks: "Creates one user per CSV row (columns named like the parameters)."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return newTenantUser(c, t, p) }),
	})
}

// newUserParams are New-TenantUser's parameters.
type newUserParams struct {
	upn, displayName, primarySmtpAddress engine.Param[string]
	noMailbox                            engine.Param[bool]
	role                                 engine.Param[any]
	usageLocation, city, department      engine.Param[string]
	noConferencingLicense                engine.Param[bool]
	provider                             engine.Param[string]
	password                             engine.Param[any]
	directory                            directoryParams
	// texts are the names and values checkNewUserText limits, made once.
	texts []namedText
}

// newTenantUser creates one user.
func newTenantUser(c *engine.Call, t *teams.Tenant, p *newUserParams) error {
	upn := strings.TrimSpace(p.upn.Get(c))
	var out teams.ChangeOutcome
	var created *storage.User
	var uc *teams.UserContext
	var now time.Time
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		out = teams.ChangeOutcome{}
		u, err := buildNewUser(c, p, w, upn)
		if err != nil {
			return err
		}
		now = w.Now()
		if uc, err = teams.LoadUserContext(w); err != nil {
			return err
		}
		changes := newUserChanges(u)
		if emuShouldConference(u) {
			more, err := emuEnable(t, w, uc, u, &out)
			if err != nil {
				return err
			}
			changes = append(changes, more...)
		}
		if err := w.PutUser(u); err != nil {
			var dup *storage.DuplicateError
			if errors.As(err, &dup) {
				return engine.NewError("ResourceExists", "UserAlreadyExists", upn, "%s", dup.Error()).
					WithException("System.InvalidOperationException")
			}
			return err
		}
		created = u
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
	})
	if err != nil {
		return teams.Fail(c, err)
	}
	t.Finish(c, &out)
	return c.WriteObject(tenantUserObject(uc, created, now))
}

// buildNewUser checks New-TenantUser's parameters and builds the user.
func buildNewUser(c *engine.Call, p *newUserParams, w storage.Writer, upn string) (*storage.User, error) {
	if err := checkNewUserText(c, p, upn); err != nil {
		return nil, err
	}
	alias, domain, ok := strings.Cut(upn, "@")
	if !ok || alias == "" || strings.ContainsAny(upn, " <>,;\"") || strings.Count(upn, "@") != 1 {
		return nil, teams.InvalidArgument("InvalidUserPrincipalName", upn,
			"The user principal name \"%s\" is not valid: use the form alias@domain.", upn)
	}
	tn, err := w.Tenant()
	if err != nil {
		return nil, err
	}
	if !emuTenantDomain(tn, domain) {
		return nil, teams.InvalidArgument("InvalidUserPrincipalNameDomain", upn,
			"The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization: %s.",
			strings.Join(tn.Domains, ", "))
	}
	now := w.Now().UTC()
	u := &storage.User{
		ID: storage.UserIDFor(upn), UserPrincipalName: upn, DisplayName: alias,
		SipAddress: "sip:" + upn, PrimarySmtpAddress: upn, HasMailbox: true, UsageLocation: "US",
		AudioConferencingLicense: !p.noConferencingLicense.Get(c), Provider: storage.ProviderMicrosoft,
		Created: now, Modified: now,
	}
	if s := strings.TrimSpace(p.displayName.Get(c)); s != "" {
		u.DisplayName = s
	}
	if p.noMailbox.Get(c) {
		if p.primarySmtpAddress.Get(c) != "" {
			return nil, teams.InvalidArgument("MailboxConflict", upn, "-PrimarySmtpAddress cannot be used with -NoMailbox.")
		}
		u.HasMailbox, u.PrimarySmtpAddress = false, ""
	} else if s := strings.TrimSpace(p.primarySmtpAddress.Get(c)); s != "" {
		if !teams.MailAddressOK(s) {
			return nil, teams.InvalidArgument("InvalidPrimarySmtpAddress", s, "The primary SMTP address \"%s\" is not a valid email address: use the <alias>@<domain> form.", s)
		}
		u.PrimarySmtpAddress = s
	}
	if roles, ok := p.role.Lookup(c); ok {
		if u.Roles, err = emuRoles(teams.StringList(roles)); err != nil {
			return nil, err
		}
	}
	if s := p.usageLocation.Get(c); s != "" {
		if u.UsageLocation, err = emuUsageLocation(s); err != nil {
			return nil, err
		}
	}
	u.City = strings.TrimSpace(p.city.Get(c))
	u.Department = strings.TrimSpace(p.department.Get(c))
	p.directory.apply(c, u, nil)
	if provider, ok := p.provider.Lookup(c); ok {
		u.Provider = emuProvider(provider)
	}
	if v := p.password.Get(c); v != nil {
		pw := value.ToString(v)
		if pw == "" {
			return nil, teams.InvalidArgument("EmptyPassword", upn, "The password cannot be empty.")
		}
		if u.PasswordHash, u.PasswordSalt, err = teams.HashAccountPassword(pw); err != nil {
			return nil, err
		}
	}
	// The directory keeps UPNs and SIP addresses unique, not display
	// names: a display name equal to the new UPN is no conflict.
	if existing, err := w.AddressOwner(upn); err != nil {
		return nil, err
	} else if existing != nil {
		return nil, engine.NewError("ResourceExists", "UserAlreadyExists", upn,
			"A user with user principal name '%s' already exists.", upn).WithException("System.InvalidOperationException")
	}
	return u, nil
}

// checkNewUserText refuses control characters and over-long values in
// New-TenantUser's addresses and names before anything else reads them.
func checkNewUserText(c *engine.Call, p *newUserParams, upn string) error {
	if err := teams.CheckAddress("UserPrincipalName", upn); err != nil {
		return err
	}
	return checkUserText(c, p.primarySmtpAddress, p.texts)
}

// emuTenantDomain reports whether domain is one of the tenant's domains.
func emuTenantDomain(tn *storage.Tenant, domain string) bool {
	for _, d := range tn.Domains {
		if strings.EqualFold(d, domain) {
			return true
		}
	}
	return false
}

// newUserChangeRoom is room for newUserChanges' own changes and those
// emuEnable appends (conferencing, LeaderPin, Email), so the list grows
// once.
const newUserChangeRoom = 20

// newUserChanges are the audit changes of a created user (never the
// password).
func newUserChanges(u *storage.User) []storage.Change {
	ch := make([]storage.Change, 0, newUserChangeRoom)
	add := func(p, v string) {
		if v != "" {
			ch = append(ch, storage.Change{Property: p, New: v})
		}
	}
	add("UserPrincipalName", u.UserPrincipalName)
	add("DisplayName", u.DisplayName)
	add("PrimarySmtpAddress", u.PrimarySmtpAddress)
	add("HasMailbox", teams.BoolText(u.HasMailbox))
	add("UsageLocation", u.UsageLocation)
	add("City", u.City)
	add("Department", u.Department)
	for _, f := range directoryFields {
		add(f.name, *f.field(u))
	}
	add("Roles", teams.ListText(u.Roles))
	add("AudioConferencingLicense", teams.BoolText(u.AudioConferencingLicense))
	add("Provider", u.Provider)
	if len(u.PasswordHash) > 0 {
		add("Password", secret.Mask)
	}
	return ch
}
