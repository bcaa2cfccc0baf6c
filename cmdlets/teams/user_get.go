package teams

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// registerGetConferencingUser adds Get-CsOnlineDialInConferencingUser.
func registerGetConferencingUser(rt *engine.Runtime, t *Tenant) {
	p := &getUserParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}},
			Help: "Specifies the user: SIP address, user principal name, domain\\logon name, display name or object id. Omitted: every Microsoft audio-conferencing user."}),
		bridge: bridgeParams{
			id:   engine.Declare[any](engine.NamedParam("BridgeId", "Guid", "Returns only the users of the bridge with this GUID.")),
			name: engine.Declare[string](engine.NamedParam("BridgeName", "String", "Returns only the users of the bridge with this name.")),
		},
		serviceNumber: engine.Declare[string](engine.NamedParam("ServiceNumber", "String", "Returns only the users assigned this service number (E.164, +E.164 or tel:E.164).")),
		ldapFilter:    engine.Declare[string](engine.NamedParam("LdapFilter", "String", "Returns only the users matching an LDAP filter on directory attributes, for example \"Department=Finance\" or \"l=Redmond\".")),
		resultSize: declareInt(&engine.ParamInfo{Name: "ResultSize", Type: "Int32", ValidateRange: &[2]float64{0, 2147483647}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
			Help: "Returns at most this many users (0 to 2147483647; 0 returns nothing)."}),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingUser", Module: "MicrosoftTeams",
		Synopsis: "Use the Get-CsOnlineDialInConferencingUser cmdlet to view the properties and settings of users that are enabled for dial-in conferencing and are using Microsoft as their PSTN conferencing provider.",
		Description: "Returns the users enabled for audio conferencing with Microsoft as the provider; users of a third-party " +
			"provider are not returned. The leader PIN is always shown masked.",
		Params: p.infos(),
		Examples: []engine.Example{
			{Title: "View one user", Code: "Get-CsOnlineDialInConferencingUser -Identity Ken.Myer@contoso.com"},
			{Title: "Users of a department", Code: "Get-CsOnlineDialInConferencingUser -LdapFilter \"Department=Finance\""},
			{Title: "Users of a service number", Code: "Get-CsOnlineDialInConferencingUser -ServiceNumber +14255550100 | Format-Table -Property DisplayName, SipAddress"},
		},
		Outputs: []string{conferencingUserType},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return getConferencingUsers(c, t, p) }),
	})
}

// getUserParams are Get-CsOnlineDialInConferencingUser's own parameters;
// it shares -Tenant, -TenantDomain and -AsJob with the other
// conferencing-user cmdlets.
type getUserParams struct {
	identity      engine.Param[any]
	bridge        bridgeParams
	serviceNumber engine.Param[string]
	ldapFilter    engine.Param[string]
	resultSize    intParam
}

// infos is the declaration list, in the module's order.
func (p *getUserParams) infos() []*engine.ParamInfo {
	params := []*engine.ParamInfo{p.identity.Info(), p.bridge.id.Info(), p.bridge.name.Info(), p.serviceNumber.Info(), p.ldapFilter.Info(), p.resultSize.Info()}
	params = append(params, userTenant.infos()...)
	return append(params, userDCParam(), userForceParam(), userAsJobParam())
}

// userQuery is the filters of a user listing.
type userQuery struct {
	bridgeID string // "" = any
	number   string
	ldap     *ldapFilter
}

// keep reports whether an enabled Microsoft user passes the filters.
func (q *userQuery) keep(u *storage.User) bool {
	if !EnabledWithMicrosoft(u) {
		return false
	}
	c := u.Conferencing
	if q.bridgeID != "" && !strings.EqualFold(c.BridgeID, q.bridgeID) {
		return false
	}
	if q.number != "" && c.ServiceNumber != q.number && c.TollFreeServiceNumber != q.number {
		return false
	}
	return q.ldap == nil || q.ldap.match(u)
}

// buildUserQuery reads the filter parameters; an unknown bridge is an error.
func buildUserQuery(c *engine.Call, r storage.Reader, p *getUserParams) (*userQuery, error) {
	q := &userQuery{}
	b, err := namedBridge(c, r, p.bridge)
	if err != nil {
		return nil, err
	}
	if b != nil {
		q.bridgeID = b.ID
	}
	if s := p.serviceNumber.Get(c); s != "" {
		n, err := NormalizeNumber(s)
		if err != nil {
			return nil, err
		}
		q.number = n
	}
	if f := p.ldapFilter.Get(c); strings.TrimSpace(f) != "" {
		lf, err := parseLdapFilter(f)
		if err != nil {
			return nil, err
		}
		q.ldap = lf
	}
	return q, nil
}

// bridgeNotFound is the error for a bridge id or name that names none.
func bridgeNotFound(id string) *engine.ErrorRecord {
	return engine.NewError("ObjectNotFound", "BridgeNotFound", id,
		"The conferencing bridge \"%s\" was not found.", id).
		WithException("Microsoft.Rtc.Management.ManagementException")
}

// bridgeMismatch: -BridgeId and -BridgeName name different bridges.
func bridgeMismatch(id, name string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "BridgeMismatch", name,
		"The BridgeId \"%s\" and the BridgeName \"%s\" identify different bridges. Specify one of them.", id, name).
		WithException("System.ArgumentException")
}

// getConferencingUsers runs Get-CsOnlineDialInConferencingUser.
func getConferencingUsers(c *engine.Call, t *Tenant, p *getUserParams) error {
	if err := userCheckNoJob(c); err != nil {
		return err
	}
	limit := p.resultSize.Or(c, -1)
	if limit == 0 {
		return nil
	}
	var uc *UserContext
	var q *userQuery
	var one *storage.User
	identity := ""
	if v, ok := p.identity.Lookup(c); ok {
		identity = IdentityText(v)
	}
	err := t.Read(func(r storage.Reader) error {
		if err := userCheckTenant(c, r, userTenant); err != nil {
			return err
		}
		var err error
		if uc, err = LoadUserContext(r); err != nil {
			return StoreError(err, "")
		}
		if q, err = buildUserQuery(c, r, p); err != nil {
			return err
		}
		if identity != "" {
			u, err := ResolveUser(r, identity)
			if err != nil {
				return err
			}
			if !EnabledWithMicrosoft(u) {
				return notFound(identity)
			}
			one = u
		}
		return nil
	})
	if err != nil {
		return err
	}
	if one != nil {
		if !q.keep(one) {
			return nil
		}
		return c.WriteObject(conferencingUserObject(uc, one, ""))
	}
	read := 0
	defer func() {
		if read >= progressEvery {
			c.ProgressDone()
		}
	}()
	return t.ScanUsers(q.keep, limit, func(u *storage.User) error {
		read++
		if read%progressEvery == 0 {
			c.Progress(c.Cmdlet.Name, fmt.Sprintf("%d users read", read), -1, read, 0)
		}
		return c.WriteObject(conferencingUserObject(uc, u, ""))
	})
}

// userPage is how many users a listing reads per read transaction; the
// objects are written between transactions, so a downstream cmdlet can
// change the tenant (Get-… | Set-…).
const userPage = 256

// ScanUsers calls emit for every user that keep accepts, in UPN order, at
// most limit (< 0: all), reading a page at a time.
func (t *Tenant) ScanUsers(keep func(*storage.User) bool, limit int, emit func(*storage.User) error) error {
	after, done := "", 0
	for {
		var page []*storage.User
		var last string
		n := 0
		err := t.Read(func(r storage.Reader) error {
			return r.ScanUsers(after, userPage, func(u *storage.User) error {
				n++
				last = u.UserPrincipalName
				if keep(u) {
					page = append(page, u)
				}
				return nil
			})
		})
		if err != nil {
			return StoreError(err, "")
		}
		for _, u := range page {
			if limit >= 0 && done >= limit {
				return nil
			}
			if err := emit(u); err != nil {
				return err
			}
			done++
		}
		if n < userPage {
			return nil
		}
		after = last
	}
}
