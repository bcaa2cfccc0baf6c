package emulator

import (
	"fmt"
	"strings"
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// tenantUserType is the type name of the emulator's directory-user objects.
const tenantUserType = "csshell.TenantUser"

// tenantUserProperties is how many properties tenantUserObject sets: its
// object allocates their storage once.
const tenantUserProperties = 24

// tenantUserObject builds the object Get-/New-/Set-TenantUser return: the
// directory user and a summary of its conferencing state (never the PIN).
func tenantUserObject(uc *teams.UserContext, u *storage.User, now time.Time) *value.Object {
	o := value.NewObjectSized(tenantUserProperties, tenantUserType, "System.Management.Automation.PSCustomObject", "System.Object")
	o.Set("UserPrincipalName", u.UserPrincipalName)
	o.Set("DisplayName", u.DisplayName)
	o.Set("Identity", u.ID)
	o.Set("SipAddress", u.SipAddress)
	o.Set("PrimarySmtpAddress", teams.NullIfEmpty(u.PrimarySmtpAddress))
	o.Set("HasMailbox", u.HasMailbox)
	o.Set("UsageLocation", u.UsageLocation)
	o.Set("City", u.City)
	o.Set("Department", u.Department)
	o.Set("Roles", teams.StringArray(u.Roles))
	o.Set("AudioConferencingLicense", u.AudioConferencingLicense)
	o.Set("Provider", teams.NullIfEmpty(u.Provider))
	o.Set("Conferencing", teams.EnabledWithMicrosoft(u))
	var bridge, confID any
	pstnOnly := false
	if c := u.Conferencing; c != nil {
		bridge, confID = teams.NullIfEmpty(uc.BridgeName(c.BridgeID)), teams.NullIfEmpty(c.ConferenceID)
		pstnOnly = c.AllowPSTNOnlyMeetings
	}
	o.Set("BridgeName", bridge)
	o.Set("ConferenceId", confID)
	o.Set("AllowPSTNOnlyMeetings", pstnOnly)
	setPinLockout(o, u, now)
	policy := u.DialOutPolicy
	if policy == "" {
		policy = "Global"
	}
	o.Set("DialOutPolicy", policy)
	o.Set("HasPassword", len(u.PasswordHash) > 0)
	o.Set("Created", u.Created)
	o.Set("Modified", u.Modified)
	return o
}

// pinLockoutName is a lock state as PinLockout shows it (a switch, not a
// map made for every object).
func pinLockoutName(state storage.PINLockState) string {
	switch state {
	case storage.PINUnlocked:
		return "None"
	case storage.PINLockedTemporarily:
		return "Temporary"
	case storage.PINLockedPermanently:
		return "UntilReset"
	}
	return ""
}

// setPinLockout adds the leader PIN's lockout (storage/pinlockout.go),
// which the real cmdlets do not show: PinLockedOut (True while locked),
// PinLockout (None, Temporary or UntilReset), PinLockedUntil (the end of
// a temporary lockout, $null otherwise) and PinFailedAttempts (wrong PINs
// since the PIN was made). All $null for a user without a PIN.
func setPinLockout(o *value.Object, u *storage.User, now time.Time) {
	locked, kind, until, failures := any(nil), any(nil), any(nil), any(nil)
	if cf := u.Conferencing; cf != nil {
		state, end := cf.PIN.LockState(now)
		locked = state != storage.PINUnlocked
		kind = pinLockoutName(state)
		if state == storage.PINLockedTemporarily {
			until = end
		}
		failures = 0
		if l := cf.PIN.Lockout; l != nil {
			failures = l.Global
		}
	}
	o.Set("PinLockedOut", locked)
	o.Set("PinLockout", kind)
	o.Set("PinLockedUntil", until)
	o.Set("PinFailedAttempts", failures)
}

// emuIdentityParam is the -Identity of Get-/Set-/Remove-TenantUser: any
// user identity form, at position 0, from the pipeline by value and by
// property name.
func emuIdentityParam(t *teams.Tenant, mandatory bool, help string) *engine.ParamInfo {
	return &engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Help: help, Complete: t.CompleteUsers,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: mandatory, FromPipeline: true, FromPipelineByName: true}}}
}

// registerTenantEmuUserCmdlets adds New-, Get-, Set- and Remove-TenantUser.
func registerTenantEmuUserCmdlets(rt *engine.Runtime, t *teams.Tenant) {
	rt.Formats.Register(format.View{TypeName: tenantUserType, Kind: format.TableView, Columns: []format.Column{
		{Property: "UserPrincipalName"}, {Property: "DisplayName"}, {Property: "Department"}, {Property: "City"},
		{Property: "Roles"}, {Property: "Conferencing"}}})

	getIdentity := engine.Declare[any](emuIdentityParam(t, false, "The user to return; omitted: every user."))
	rt.Register(&engine.Cmdlet{
		Name: "Get-TenantUser", Module: "csshell",
		Synopsis: "Lists the directory users of the emulated tenant.",
		Description: "Returns the tenant's directory users — all of them, or one by -Identity (UPN, SIP address, display name, " +
			"domain\\alias or object id) — with their mailbox, location, roles, licence, provider and whether they are " +
			"enabled for audio conferencing with Microsoft. Any signed-in account may read them.",
		Params:  []*engine.ParamInfo{getIdentity.Info()},
		Outputs: []string{tenantUserType},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Get-TenantUser", Remarks: "Lists every user."},
			{Title: "Example 2", Code: "Get-TenantUser ken.myer@contoso.com | Format-List", Remarks: "Shows one user in full."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var uc *teams.UserContext
			var one *storage.User
			var now time.Time
			identity := ""
			if v := getIdentity.Get(c); v != nil {
				identity = teams.IdentityText(v)
			}
			err := t.Read(func(r storage.Reader) error {
				var err error
				if uc, err = teams.LoadUserContext(r); err != nil {
					return teams.StoreError(err, "")
				}
				now = r.Now()
				if identity != "" {
					one, err = teams.ResolveUser(r, identity)
				}
				return err
			})
			if err != nil {
				return teams.Fail(c, err)
			}
			if one != nil {
				return c.WriteObject(tenantUserObject(uc, one, now))
			}
			return t.ScanUsers(func(*storage.User) bool { return true }, -1, func(u *storage.User) error {
				return c.WriteObject(tenantUserObject(uc, u, now))
			})
		}),
	})
	registerNewTenantUser(rt, t)
	registerSetTenantUser(rt, t)
	registerRemoveTenantUser(rt, t)
}

// emuRoles returns the canonical role names of a -Role argument.
func emuRoles(given []string) ([]string, error) {
	all := storage.AdminRoles
	var out []string
	for _, g := range given {
		canon, ok := teams.Canonical(g, all)
		if !ok {
			return nil, teams.InvalidArgument("InvalidRole", g, "The role \"%s\" is not valid. Valid roles are: %s.", g, strings.Join(all, ", "))
		}
		if !storage.RolesInclude(out, canon) {
			out = append(out, canon)
		}
	}
	return out, nil
}

// emuRoleParam is a role-list parameter: each value one of the admin
// roles, checked like a ValidateSet, except that empty values (an empty
// Import-Csv column) are allowed and ignored.
func emuRoleParam(name, help string, byName bool) *engine.ParamInfo {
	p := engine.NamedParam(name, "String[]", help)
	p.ValidateScript = func(v any) error {
		s := strings.TrimSpace(value.ToString(v))
		if _, ok := teams.Canonical(s, storage.AdminRoles); ok || s == "" {
			return nil
		}
		return engine.MessageError(fmt.Sprintf("The argument \"%s\" does not belong to the set \"%s\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
			value.ToString(v), strings.Join(storage.AdminRoles, ",")))
	}
	p.Complete = func(prefix string) []string {
		var out []string
		for _, r := range storage.AdminRoles {
			if strings.HasPrefix(strings.ToLower(r), strings.ToLower(prefix)) {
				out = append(out, "'"+r+"'")
			}
		}
		return out
	}
	p.Sets[0].FromPipelineByName = byName
	return p
}

// emuProvider returns the canonical provider of a -Provider argument:
// "Microsoft", "" for None, or a third party's name.
func emuProvider(s string) string {
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, storage.ProviderMicrosoft):
		return storage.ProviderMicrosoft
	case s == "" || strings.EqualFold(s, "None"):
		return ""
	}
	return s
}

// emuUsageLocation checks a two-letter country code.
func emuUsageLocation(s string) (string, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return "", teams.InvalidArgument("InvalidUsageLocation", s, "The usage location \"%s\" is not valid: use a two-letter country code such as US or GB.", s)
	}
	return s, nil
}
