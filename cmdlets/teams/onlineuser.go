package teams

import (
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// onlineUserAlways are the properties -Properties always keeps.
var onlineUserAlways = []string{"Identity", "UserPrincipalName", "Alias", "AccountEnabled", "DisplayName"}

// registerGetOnlineUser adds Get-CsOnlineUser: the parameters of every
// generation (surfaceItems withdraws the ones a generation lacks).
func registerGetOnlineUser(rt *engine.Runtime, t *Tenant) {
	p := &onlineUserParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromPipelineByName: true}},
			Help: "Specifies the user: object id (GUID), SIP address, user principal name or alias; module 2.6 and earlier also took a display name, with * wildcards."}),
		accountType: engine.Declare[string](&engine.ParamInfo{Name: "AccountType", Type: "String", ValidateSet: []string{"User", "ResourceAccount", "Guest", "SfBOnPremUser", "IneligibleUser", "Unknown"},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Returns only accounts of this type."}),
		filter:           engine.Declare[string](engine.NamedParam("Filter", "String", "Returns only the users that match a filter in Where-Object's syntax, for example {Department -eq 'Finance'} or \"FeatureTypes -contains 'AudioConferencing'\".")),
		properties:       engine.Declare[string](engine.NamedParam("Properties", "String", "Specifies the properties to return, comma-separated (Identity, UserPrincipalName, Alias, AccountEnabled and DisplayName are always returned).")),
		skipUserPolicies: engine.Declare[bool](engine.NamedParam("SkipUserPolicies", "SwitchParameter", "Leaves the policy properties out of the output.")),
		softDeletedUser:  engine.Declare[bool](engine.NamedParam("SoftDeletedUser", "SwitchParameter", "Returns soft-deleted users (the offline tenant has none).")),
		sort:             engine.Declare[any](engine.NamedParam("Sort", "String", "Sorts the output: \"<Property> [asc|desc]\", for example \"DisplayName asc\".", "OrderBy")),
		ldapFilter:       engine.Declare[string](engine.NamedParam("LdapFilter", "String", "Returns only the users that match an LDAP filter on directory attributes, for example \"l=Redmond\" or \"(&(department=Finance)(title=*))\".")),
		credential:       engine.Declare[any](engine.NamedParam("Credential", "PSCredential", "Not used by the online service.")),
		domainController: engine.Declare[string](engine.NamedParam("DomainController", "Fqdn", "Not used by the online service.")),
		onModernServer:   engine.Declare[bool](engine.NamedParam("OnModernServer", "SwitchParameter", "Returns the users homed on the current server version (every online user).", "OnLyncServer")),
		onOCS:            engine.Declare[bool](engine.NamedParam("OnOfficeCommunicationServer", "SwitchParameter", "Returns the users homed on Office Communications Server (none online).")),
		ou:               engine.Declare[string](engine.NamedParam("OU", "OUIdParameter", "Not used by the online service.")),
		unassignedUser:   engine.Declare[bool](engine.NamedParam("UnassignedUser", "SwitchParameter", "Returns the users not assigned to a Registrar pool (none online).")),
		usePreferredDC:   engine.Declare[bool](engine.NamedParam("UsePreferredDC", "SwitchParameter", "Not used by the online service.")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineUser", Module: "MicrosoftTeams",
		Synopsis: "Returns information about users who have accounts homed on Microsoft Teams or Skype for Business Online.",
		Description: "Returns the tenant's users, in the shape the loaded module generation shows (MicrosoftTeams 3.0.0 renamed and " +
			"dropped many properties). -Filter takes Where-Object's syntax, as a string or a script block: -eq, -ne, -like, " +
			"-notlike, -match, -notmatch, -contains, -notcontains, -gt, -lt, -ge, -le (also with a c or i prefix), -and, -or, " +
			"-not, parentheses, $true, $false and $null, and the OData-like eq, ne and startswith(Property,'text') of 2022, " +
			"on any property of the output; property names are case-insensitive.",
		Params: []*engine.ParamInfo{p.identity.Info(), p.accountType.Info(), p.filter.Info(), p.properties.Info(), resultSize.Info(),
			p.skipUserPolicies.Info(), p.softDeletedUser.Info(), p.sort.Info(), p.ldapFilter.Info(), p.credential.Info(),
			p.domainController.Info(), p.onModernServer.Info(), p.onOCS.Info(), p.ou.Info(), p.unassignedUser.Info(), p.usePreferredDC.Info()},
		Examples: []engine.Example{
			{Title: "One user", Code: "Get-CsOnlineUser -Identity ken.myer@contoso.com"},
			{Title: "A department", Code: "Get-CsOnlineUser -Filter {Department -eq 'Finance'}"},
			{Title: "Audio conferencing users", Code: "Get-CsOnlineUser -Filter \"FeatureTypes -contains 'AudioConferencing'\""},
			{Title: "By usage location, sorted", Code: "Get-CsOnlineUser -Filter 'UsageLocation -eq \"US\"' -ResultSize Unlimited -OrderBy \"DisplayName desc\""},
		},
		Outputs:    []string{"System.Management.Automation.PSCustomObject"},
		OutputType: onlineUserOutput(t),
		New:        engine.ProcessOnly(func(c *engine.Call) error { return getOnlineUsers(c, t, p) }),
	})
}

// onlineUserParams are Get-CsOnlineUser's own parameters; it shares
// -ResultSize with Get-CsOnlineDialInConferencingUserState.
type onlineUserParams struct {
	identity                              engine.Param[any]
	accountType, filter, properties       engine.Param[string]
	skipUserPolicies, softDeletedUser     engine.Param[bool]
	sort                                  engine.Param[any]
	ldapFilter, domainController, ou      engine.Param[string]
	credential                            engine.Param[any]
	onModernServer, onOCS, unassignedUser engine.Param[bool]
	usePreferredDC                        engine.Param[bool]
}

// onlineUserQuery is one invocation's reading of its parameters.
type onlineUserQuery struct {
	shape  onlineUserShape
	filter *opathNode
	ldap   *ldapFilter
	order  *onlineUserOrder
	limit  int
}

// getOnlineUsers runs Get-CsOnlineUser.
func getOnlineUsers(c *engine.Call, t *Tenant, p *onlineUserParams) error {
	g := t.generation()
	_, byIdentity := p.identity.Lookup(c)
	q := onlineUserQuery{shape: shapeFor(g, byIdentity, p.properties.Get(c), p.skipUserPolicies.Get(c))}
	var err error
	if q.limit, err = resultSizeParam(c); err != nil {
		return err
	}
	if f := p.filter.Get(c); strings.TrimSpace(f) != "" {
		if q.filter, err = parseOPathChecked(f, q.shape.checkFilterProperty(f)); err != nil {
			return err
		}
	}
	if f := p.ldapFilter.Get(c); strings.TrimSpace(f) != "" {
		if q.ldap, err = parseLdapFilter(f); err != nil {
			return err
		}
	}
	if v := p.sort.Get(c); v != nil {
		if q.order, err = parseOnlineUserOrder(value.ToString(v), q.shape); err != nil {
			return err
		}
	}
	if q.limit == 0 || p.softDeletedUser.Get(c) || p.onOCS.Get(c) || p.unassignedUser.Get(c) {
		return nil
	}
	if at := p.accountType.Get(c); at != "" && !strings.EqualFold(at, "User") {
		return nil
	}
	var tn *storage.Tenant
	var s *storage.Settings
	var found []*storage.User
	err = t.Read(func(r storage.Reader) error {
		var err error
		if tn, err = r.Tenant(); err != nil {
			return StoreError(err, "")
		}
		if s, err = r.Settings(); err != nil {
			return StoreError(err, "")
		}
		if v, ok := p.identity.Lookup(c); ok {
			found, err = resolveOnlineUsers(r, g, IdentityText(v))
		}
		return err
	})
	if err != nil {
		if c.HasInput {
			return UserFail(c, err)
		}
		return err
	}
	view := func(u *storage.User) *onlineUserView { return &onlineUserView{tn: tn, s: s, u: u, gen: q.shape.gen} }
	var filterProps map[string]bool
	if q.filter != nil {
		filterProps = map[string]bool{}
		q.filter.props(filterProps)
	}
	// keep tests a user on an object of only the properties the filter
	// names: most users of a filtered listing are never built in full.
	keep := func(u *storage.User) bool {
		if q.ldap != nil && !q.ldap.match(u) {
			return false
		}
		return q.filter == nil || q.filter.match(q.shape.partial(view(u), filterProps))
	}
	if byIdentity || q.order != nil {
		return q.emitAll(c, t, found, byIdentity, keep, view)
	}
	return t.ScanUsers(keep, q.limit, func(u *storage.User) error {
		return c.WriteObject(q.shape.project(q.shape.object(view(u))))
	})
}

// emitAll writes the users of -Identity, or every user sorted by -Sort
// (on objects of the sort property alone), up to -ResultSize.
func (q onlineUserQuery) emitAll(c *engine.Call, t *Tenant, found []*storage.User, byIdentity bool, keep func(*storage.User) bool, view func(*storage.User) *onlineUserView) error {
	var users []*storage.User
	add := func(u *storage.User) error {
		if keep(u) {
			users = append(users, u)
		}
		return nil
	}
	if byIdentity {
		for _, u := range found {
			_ = add(u)
		}
	} else if err := t.ScanUsers(func(*storage.User) bool { return true }, -1, add); err != nil {
		return err
	}
	if q.order != nil {
		keys := map[*storage.User]*value.Object{}
		for _, u := range users {
			keys[u] = q.shape.partial(view(u), map[string]bool{strings.ToLower(q.order.prop): true})
		}
		q.order.sort(users, func(u *storage.User) *value.Object { return keys[u] })
	}
	for i, u := range users {
		if q.limit >= 0 && i >= q.limit {
			break
		}
		if err := c.WriteObject(q.shape.project(q.shape.object(view(u)))); err != nil {
			return err
		}
	}
	return nil
}

// resolveOnlineUsers finds the users of an -Identity. Module 2.6 and
// earlier also took a display name with * wildcards (every match);
// 3.0.0 and later take one user.
func resolveOnlineUsers(r storage.Reader, g generation, identity string) ([]*storage.User, error) {
	if g.before("3.0.0") && strings.Contains(identity, "*") {
		var out []*storage.User
		err := r.ScanUsers("", 0, func(u *storage.User) error {
			if value.Like(u.DisplayName, identity, false) {
				out = append(out, u)
			}
			return nil
		})
		if err != nil {
			return nil, StoreError(err, identity)
		}
		return out, nil
	}
	u, err := ResolveUser(r, identity)
	if err != nil && !strings.ContainsAny(identity, "@:\\ ") {
		if byAlias, aerr := userByAlias(r, identity); aerr == nil {
			u, err = byAlias, nil
		}
	}
	if err != nil {
		return nil, err
	}
	if !g.before("3.0.0") && !identifiesOnline(u, identity) {
		return nil, notFound(identity)
	}
	return []*storage.User{u}, nil
}

// userByAlias finds the one user whose user principal name starts with
// alias@.
func userByAlias(r storage.Reader, alias string) (*storage.User, error) {
	var found []*storage.User
	err := r.ScanUsers("", 0, func(u *storage.User) error {
		if a, _, _ := strings.Cut(u.UserPrincipalName, "@"); strings.EqualFold(a, alias) {
			found = append(found, u)
		}
		return nil
	})
	switch {
	case err != nil:
		return nil, StoreError(err, alias)
	case len(found) == 1:
		return found[0], nil
	case len(found) > 1:
		return nil, ambiguous(alias, found)
	}
	return nil, notFound(alias)
}

// identifiesOnline reports whether identity is one of the forms module
// 3.0.0 and later take: the object id, SIP address, user principal name
// or alias — not the display name.
func identifiesOnline(u *storage.User, identity string) bool {
	id := strings.TrimSpace(identity)
	alias, _, _ := strings.Cut(u.UserPrincipalName, "@")
	for _, form := range []string{u.ID, u.UserPrincipalName, u.SipAddress, strings.TrimPrefix(u.SipAddress, "sip:"), alias} {
		if form != "" && strings.EqualFold(form, id) {
			return true
		}
	}
	return false
}

// resultSize is the -ResultSize of Get-CsOnlineUser and
// Get-CsOnlineDialInConferencingUserState: a number or "Unlimited".
var resultSize = engine.Declare[any](engine.NamedParam("ResultSize", "Unlimited", "Returns at most this many users (a number, or Unlimited)."))

// resultSizeParam reads -ResultSize: a number or "Unlimited" (-1).
func resultSizeParam(c *engine.Call) (int, error) {
	return unlimitedParam(c, resultSize)
}

// unlimitedParam reads a parameter of type Unlimited: a non-negative
// number, or "Unlimited" (-1); -1 when not given.
func unlimitedParam(c *engine.Call, h engine.Param[any]) (int, error) {
	v := h.Get(c)
	if v == nil {
		return -1, nil
	}
	s := strings.TrimSpace(value.ToString(v))
	if strings.EqualFold(s, "Unlimited") {
		return -1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, engine.NewError("InvalidArgument", "InvalidResultSize", s,
			"Cannot process argument transformation on parameter '%s'. Cannot convert value \"%s\" to type \"Unlimited\". The value must be a non-negative number or Unlimited.", h.Name(), s).
			WithException("System.Management.Automation.ParameterBindingArgumentTransformationException")
	}
	return n, nil
}
