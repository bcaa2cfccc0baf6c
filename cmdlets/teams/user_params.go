package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// UserIdentityParam is the -Identity of the conferencing-user cmdlets: a
// UserIdParameter at position 0 (as the MicrosoftTeams wrappers declare
// it), bound from the pipeline by value and by property name, in the given
// sets (none: every set). The MicrosoftTeams cmdlets pass no help: theirs
// is their page's (help/*.md).
func (t *Tenant) UserIdentityParam(mandatory bool, help string, sets ...string) *engine.ParamInfo {
	p := &engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Help: help, Complete: t.CompleteUsers}
	if len(sets) == 0 {
		sets = []string{engine.AllSets}
	}
	for _, s := range sets {
		p.Sets = append(p.Sets, engine.ParamSet{Name: s, Position: 0, Mandatory: mandatory, FromPipeline: true, FromPipelineByName: true})
	}
	return p
}

// The infrastructure parameters the Skype for Business Online cmdlets
// declare for internal Microsoft use; csshell accepts them.
func userTenantParam(sets ...string) *engine.ParamInfo {
	p := engine.NamedParamInSets("Tenant", "Guid", "", sets...)
	if len(sets) == 0 {
		p.Sets = []engine.ParamSet{{Name: engine.AllSets, Position: -1}}
	}
	return p
}

func userTenantDomainParam(sets ...string) *engine.ParamInfo {
	p := engine.NamedParamInSets("TenantDomain", "String", "", sets...)
	if len(sets) == 0 {
		p.Sets = []engine.ParamSet{{Name: engine.AllSets, Position: -1}}
	}
	return p
}

// userTenant is the -Tenant and -TenantDomain, in every set, of the
// conferencing-user cmdlets that declare them so.
var userTenant = tenantParams{
	id:     share[any](func() *engine.ParamInfo { return userTenantParam() }),
	domain: share[string](func() *engine.ParamInfo { return userTenantDomainParam() }),
}

// tenantParams are the -Tenant and -TenantDomain a cmdlet declares, which
// userCheckTenant compares with the signed-in tenant; nil: the cmdlet has
// no such parameter.
type tenantParams struct {
	id     paramReader[any]
	domain paramReader[string]
}

// infos are the declarations, -Tenant then -TenantDomain.
func (tp tenantParams) infos() []*engine.ParamInfo {
	var out []*engine.ParamInfo
	if tp.id != nil {
		out = append(out, tp.id.Info())
	}
	if tp.domain != nil {
		out = append(out, tp.domain.Info())
	}
	return out
}

func userDCParam() *engine.ParamInfo {
	return engine.NamedParam("DomainController", "Fqdn", "", "DC")
}

func userForceParam() *engine.ParamInfo {
	return engine.NamedParam("Force", "SwitchParameter", "")
}

// asJob is -AsJob of the service cmdlets: accepted, and refused when given
// (there are no background jobs offline).
var asJob = share[bool](func() *engine.ParamInfo { return engine.NamedParam("AsJob", "SwitchParameter", "") })

func userAsJobParam() *engine.ParamInfo { return asJob.Info() }

// userMail is -SendEmail, -SendEmailToAddress, -SendEmailFromAddress and
// -SendEmailFromDisplayName, of the cmdlets that email the user.
var userMail = mailParams{
	send:     share[bool](func() *engine.ParamInfo { return engine.NamedParam("SendEmail", "SwitchParameter", "") }),
	to:       share[string](func() *engine.ParamInfo { return engine.NamedParam("SendEmailToAddress", "String", "") }),
	from:     share[string](func() *engine.ParamInfo { return engine.NamedParam("SendEmailFromAddress", "String", "") }),
	fromName: share[string](func() *engine.ParamInfo { return engine.NamedParam("SendEmailFromDisplayName", "String", "") }),
}

// mailParams are the email parameters.
type mailParams struct {
	send     *sharedParam[bool]
	to, from *sharedParam[string]
	fromName *sharedParam[string]
}

// userSendEmailParams are the email parameters' declarations, new for one
// cmdlet.
func userSendEmailParams() []*engine.ParamInfo {
	return []*engine.ParamInfo{userMail.send.Info(), userMail.to.Info(), userMail.from.Info(), userMail.fromName.Info()}
}

// userCheckNoJob refuses -AsJob: there are no background jobs offline.
func userCheckNoJob(c *engine.Call) error {
	if asJob.Declared(c) && asJob.Get(c) {
		return engine.NewError("NotImplemented", "AsJobNotSupported", nil,
			"Background jobs are not supported offline: run %s without -AsJob.", c.Cmdlet.Name).
			WithException("System.Management.Automation.PSNotSupportedException")
	}
	return nil
}

// userCheckEmailParams enforces rules 14 and 15 of the reference: the To
// address needs -SendEmail; the From address and From display name go
// together and need -SendEmail (fromPair false: Enable, where they are
// deprecated and only warned about).
func userCheckEmailParams(c *engine.Call, fromPair bool) error {
	m := userMail
	send := m.send.Get(c)
	if m.to.Given(c) && !send {
		return userEmailParamError("The SendEmailToAddress parameter must be used together with the SendEmail parameter.")
	}
	if !fromPair {
		return nil
	}
	from, name := m.from.Given(c), m.fromName.Given(c)
	if from != name {
		return userEmailParamError("The SendEmailFromAddress and SendEmailFromDisplayName parameters must be used together, and with the SendEmail parameter.")
	}
	if from && !send {
		return userEmailParamError("The SendEmailFromAddress and SendEmailFromDisplayName parameters must be used together with the SendEmail parameter.")
	}
	if from {
		if err := CheckAddress("SendEmailFromAddress", m.from.Get(c)); err != nil {
			return err
		}
		if err := CheckDisplayName("SendEmailFromDisplayName", m.fromName.Get(c)); err != nil {
			return err
		}
	}
	if m.to.Given(c) {
		if err := CheckAddress("SendEmailToAddress", m.to.Get(c)); err != nil {
			return err
		}
	}
	if from && !MailAddressOK(m.from.Get(c)) {
		return userEmailParamError("The SendEmailFromAddress value \"" + m.from.Get(c) + "\" is not a valid email address: use the <UserAlias>@<Domain> form.")
	}
	if m.to.Given(c) && !MailAddressOK(m.to.Get(c)) {
		return userEmailParamError("The SendEmailToAddress value \"" + m.to.Get(c) + "\" is not a valid email address: use the <UserAlias>@<Domain> form.")
	}
	return nil
}

func userEmailParamError(msg string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "InvalidEmailParameters", nil, "%s", msg).
		WithException("System.ArgumentException")
}

// MailAddressOK reports whether s looks like alias@domain.tld (and passes
// CheckAddress).
func MailAddressOK(s string) bool {
	alias, domain, ok := strings.Cut(strings.TrimSpace(s), "@")
	return ok && alias != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " <>,;") && CheckAddress("", s) == nil &&
		!strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// userCheckTenant rejects a -Tenant or -TenantDomain naming another
// tenant than the one signed in to.
func userCheckTenant(c *engine.Call, r storage.Reader, tp tenantParams) error {
	tn, err := r.Tenant()
	if err != nil {
		return StoreError(err, "")
	}
	if tp.id != nil {
		if v, ok := tp.id.Lookup(c); ok && v != nil {
			id := value.ToString(v)
			if !strings.EqualFold(id, tn.ID) {
				return userWrongTenant(id)
			}
		}
	}
	if tp.domain != nil && tp.domain.Get(c) != "" {
		d := strings.TrimSpace(tp.domain.Get(c))
		for _, x := range tn.Domains {
			if strings.EqualFold(x, d) {
				return nil
			}
		}
		return userWrongTenant(d)
	}
	return nil
}

func userWrongTenant(id string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "TenantMismatch", id,
		"The tenant \"%s\" is not the tenant of the signed-in account.", id).
		WithException("System.ArgumentException")
}

// EnabledWithMicrosoft reports whether a user conferences through Microsoft.
func EnabledWithMicrosoft(u *storage.User) bool {
	return u.Conferencing != nil && strings.EqualFold(u.Provider, storage.ProviderMicrosoft)
}

// IsThirdParty reports whether a user's provider is not Microsoft.
func IsThirdParty(u *storage.User) bool {
	return u.Provider != "" && !strings.EqualFold(u.Provider, storage.ProviderMicrosoft)
}

// thirdPartyError: the user's audio conferencing provider is another one.
func thirdPartyError(u *storage.User) *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", "ThirdPartyProvider", u.UserPrincipalName,
		"The user \"%s\" uses the third-party audio conferencing provider \"%s\". This cmdlet only works for users with Microsoft as their audio conferencing provider.",
		u.UserPrincipalName, u.Provider).WithException("System.InvalidOperationException")
}

// noLicenceError: the user holds no audio-conferencing licence.
func noLicenceError(u *storage.User) *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", "UserNotLicensed", u.UserPrincipalName,
		"The user \"%s\" does not have a valid license for Audio Conferencing.", u.UserPrincipalName).
		WithException("System.InvalidOperationException")
}

// notEnabledError: the user is not enabled for Microsoft audio conferencing.
func notEnabledError(u *storage.User) *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", "UserNotEnabled", u.UserPrincipalName,
		"The user \"%s\" is not enabled for audio conferencing with Microsoft as the provider.", u.UserPrincipalName).
		WithException("System.InvalidOperationException")
}

// checkConferencingUser applies rule 4: third-party users are refused and
// the licence is checked; the user must be enabled.
func checkConferencingUser(u *storage.User) error {
	if IsThirdParty(u) {
		return thirdPartyError(u)
	}
	if !u.AudioConferencingLicense {
		return noLicenceError(u)
	}
	if !EnabledWithMicrosoft(u) {
		return notEnabledError(u)
	}
	return nil
}
