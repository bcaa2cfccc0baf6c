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
		// An empty or $null identity is refused (docs/errors.md): read as
		// "every user" it would turn Get-… -Identity $x | Set-… into a bulk
		// change.
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers, ValidateNotNullOrEmpty: true,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0}}}),
		bridge: bridgeParams{
			id:   engine.Declare[any](engine.NamedParam("BridgeId", "Guid", "")),
			name: engine.Declare[string](engine.NamedParam("BridgeName", "String", "")),
		},
		serviceNumber: engine.Declare[string](engine.NamedParam("ServiceNumber", "String", "")),
		ldapFilter:    engine.Declare[string](engine.NamedParam("LdapFilter", "String", "")),
		resultSize:    declareInt(&engine.ParamInfo{Name: "ResultSize", Type: "Int32", ValidateRange: &[2]float64{0, 2147483647}, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}}),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingUser", Module: "MicrosoftTeams",
		// The class an error's FullyQualifiedErrorId names (MicrosoftDocs/
		// office-docs-powershell issue 8264, module 2.x).
		ClassName:  "Microsoft.Rtc.Management.Hosted.Cbd.GetCsOnlineDialinConferencingUserCmdlet",
		Params:     p.infos(),
		Outputs:    []string{conferencingUserType},
		OutputType: conferencingUserOutput,
		New:        engine.ProcessOnly(func(c *engine.Call) error { return getConferencingUsers(c, t, p) }),
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
	var missing error // the identity names no Microsoft conferencing user
	identity, given := "", false
	if v, ok := p.identity.Lookup(c); ok {
		identity, given = IdentityText(v), true // " " names nobody, not everyone
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
		if given {
			u, err := ResolveUser(r, identity)
			if err == nil && !EnabledWithMicrosoft(u) {
				err = notFound(identity)
			}
			missing, one = err, u
		}
		return nil
	})
	if err != nil {
		return err
	}
	if missing != nil {
		// Non-terminating, as the service's (docs/errors.md): a loop of
		// $u = Get-… -Identity $x goes on, $u holding nothing.
		return UserFail(c, missing)
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
