package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// azureContextType is the type of Connect-MicrosoftTeams' output.
const azureContextType = "Microsoft.TeamsCmdlets.Powershell.Connect.Models.PSAzureContext"

// registerConnectTeams adds Connect-MicrosoftTeams and
// Disconnect-MicrosoftTeams.
func registerConnectTeams(rt *engine.Runtime, t *Tenant) {
	p := &connectParams{
		tenantID:        engine.Declare[string](engine.NamedParam("TenantId", "String", "")),
		accountID:       engine.Declare[string](engine.WithCompleter(engine.NamedParam("AccountId", "String", ""), t.CompleteUsers)),
		credential:      engine.Declare[any](engine.Secret(engine.NamedParam("Credential", "PSObject", ""))),
		environmentName: engine.Declare[string](engine.NamedParam("TeamsEnvironmentName", "String", "")),
		appSignIn: []engine.Param[any]{
			engine.Declare[any](engine.NamedParam("CertificateThumbprint", "String", "")),
			engine.Declare[any](engine.NamedParam("ApplicationId", "String", "")),
			engine.Declare[any](engine.Secret(engine.NamedParam("AccessTokens", "String[]", ""))),
		},
	}
	rt.Register(&engine.Cmdlet{
		Name: "Connect-MicrosoftTeams", Module: "MicrosoftTeams",
		ClassName: "Microsoft.TeamsCmdlets.Powershell.Connect.ConnectMicrosoftTeams",
		Params: []*engine.ParamInfo{p.tenantID.Info(), p.accountID.Info(), p.credential.Info(), p.environmentName.Info(),
			engine.NamedParam("UseDeviceAuthentication", "SwitchParameter", ""),
			engine.NamedParam("LogLevel", "String", ""),
			engine.NamedParam("LogFilePath", "String", ""),
			p.appSignIn[0].Info(), p.appSignIn[1].Info(), p.appSignIn[2].Info(),
		},
		Outputs: []string{azureContextType},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return connectTeams(c, t, p) }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Disconnect-MicrosoftTeams", Module: "MicrosoftTeams",
		ClassName: "Microsoft.TeamsCmdlets.Powershell.Connect.DisconnectMicrosoftTeams",
		New: engine.ProcessOnly(func(c *engine.Call) error {
			t.SetAccount("")
			return nil
		}),
	})
}

// connectParams are the parameters Connect-MicrosoftTeams reads.
type connectParams struct {
	tenantID, accountID engine.Param[string]
	credential          engine.Param[any]
	environmentName     engine.Param[string]
	// appSignIn are -CertificateThumbprint, -ApplicationId and
	// -AccessTokens: application sign-in, refused offline.
	appSignIn []engine.Param[any]
}

// connectTeams runs Connect-MicrosoftTeams.
func connectTeams(c *engine.Call, t *Tenant, p *connectParams) error {
	for _, app := range p.appSignIn {
		if app.Given(c) {
			return engine.NewError("NotImplemented", "AppSignInNotSupported", nil,
				"Application (service principal) sign-in is not supported offline: sign in with -AccountId or -Credential.").
				WithException("System.Management.Automation.PSNotSupportedException")
		}
	}
	if env := p.environmentName.Get(c); env != "" {
		return engine.NewError("InvalidArgument", "UnknownEnvironment", env,
			"The offline tenant is in the commercial cloud (AzureCloud); sign in without -TeamsEnvironmentName.").
			WithException("System.ArgumentException")
	}
	user, pw, hasPW := credentialAccount(c, p.credential, p.accountID)
	tn, acct, err := t.authenticate(c, user, pw, hasPW, p.tenantID.Get(c))
	if err != nil {
		return err
	}
	t.SetAccount(acct)
	o := value.NewObject(azureContextType, "System.Object")
	o.Set("Account", t.Account())
	o.Set("Environment", "AzureCloud")
	o.Set("Tenant", tn.ID)
	o.Set("TenantId", tn.ID)
	return c.WriteObject(o)
}

// credentialParts reads a -Credential value: an object with UserName and
// Password properties, or a plain user name.
func credentialParts(v any) (user, password string, hasPassword bool) {
	if v == nil {
		return "", "", false
	}
	if u, ok := value.GetMember(v, "UserName"); ok {
		user = strings.TrimSpace(value.ToString(u))
		if p, ok := value.GetMember(v, "Password"); ok && p != nil {
			if text, ok := value.SecureText(p); ok {
				return user, text, true // a PSCredential from Get-Credential
			}
			return user, value.ToString(p), true
		}
		return user, "", false
	}
	return strings.TrimSpace(value.ToString(v)), "", false
}

// credentialAccount reads -Credential (credentialParts); when it names no
// user, the account parameter (-AccountId, -UserName) does.
func credentialAccount(c *engine.Call, credential engine.Param[any], account engine.Param[string]) (user, password string, hasPassword bool) {
	user, password, hasPassword = credentialParts(credential.Get(c))
	if u := account.Get(c); u != "" && user == "" {
		user = u
	}
	return user, password, hasPassword
}

// authenticate checks an account of the tenant and returns its UPN: user
// "" is the tenant's first Global Administrator. An account with a
// password needs it (asked for when a person is at the keyboard).
func (t *Tenant) authenticate(c *engine.Call, user, password string, hasPassword bool, tenantID string) (*storage.Tenant, string, error) {
	var tn *storage.Tenant
	var acct *storage.User
	err := t.store.View(func(r storage.Reader) error {
		var err error
		if tn, err = r.Tenant(); err != nil {
			return StoreError(err, "")
		}
		if tenantID != "" && !tenantMatches(tn, tenantID) {
			return engine.NewError("AuthenticationError", "TenantNotFound", tenantID,
				"AADSTS90002: Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", tenantID).
				WithException("Microsoft.Identity.Client.MsalServiceException")
		}
		if user == "" {
			upn, err := FirstGlobalAdmin(r)
			if err != nil {
				return StoreError(err, "")
			}
			user = upn
		}
		users, err := r.FindUsers(user)
		if err != nil {
			return StoreError(err, user)
		}
		if len(users) != 1 || !strings.Contains(user, "@") && !strings.EqualFold(users[0].ID, user) {
			return unknownAccount(user, tn)
		}
		acct = users[0]
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	if len(acct.PasswordHash) > 0 {
		if !hasPassword && c.Interactive() && c.Host().ReadSecret != nil {
			p, err := c.Host().ReadSecret("Password for user " + acct.UserPrincipalName + ": ")
			if err != nil {
				return nil, "", err
			}
			password, hasPassword = p, true
		}
		if !hasPassword || !accountPasswordMatches(acct, password) {
			return nil, "", engine.NewError("AuthenticationError", "InvalidCredentials", acct.UserPrincipalName,
				"AADSTS50126: Error validating credentials due to invalid username or password.").
				WithException("Microsoft.Identity.Client.MsalUiRequiredException")
		}
	}
	return tn, acct.UserPrincipalName, nil
}

// unknownAccount is Azure AD's error for an account not in the directory.
func unknownAccount(user string, tn *storage.Tenant) *engine.ErrorRecord {
	return engine.NewError("AuthenticationError", "UserAccountNotFound", user,
		"AADSTS50034: The user account %s does not exist in the %s directory. To sign into this application, the account must be added to the directory.",
		user, tn.DefaultDomain).WithException("Microsoft.Identity.Client.MsalUiRequiredException")
}

// tenantMatches reports whether id names the tenant: its GUID or a domain.
func tenantMatches(tn *storage.Tenant, id string) bool {
	id = strings.TrimSpace(id)
	if strings.EqualFold(id, tn.ID) {
		return true
	}
	for _, d := range tn.Domains {
		if strings.EqualFold(d, id) {
			return true
		}
	}
	return false
}
