package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// The types of Get-CsOnlineDialInConferencingUserInfo and
// Get-CsOnlineDialInConferencingUserState.
const (
	userInfoType  = "Microsoft.Rtc.Management.Hosted.Cbd.ConferencingUserInfo"
	userStateType = "Microsoft.Rtc.Management.Hosted.Cbd.ConferencingUserState"
)

// userStateProps are the documented ConferencingUserState properties.
var userStateProps = []string{"Identity", "SipAddress", "DisplayName", "PstnConferencingLicenseState", "Provider", "Domain",
	"TollNumber", "TollFreeNumbers", "ConferenceId", "Url"}

// userInfoProps are the properties of a user-info object: the ones a
// collection script of the service's objects lists for this cmdlet, and
// that admin scripts read (.Provider, .DefaultTollNumber); the order is
// csshell's (docs/errors.md).
var userInfoProps = []string{"Identity", "ObjectId", "DisplayName", "Provider", "ConferenceId", "DefaultTollNumber",
	"DefaultTollFreeNumbers"}

// providerDomain is the domain the service records for Microsoft as the
// audio conferencing provider.
const providerDomain = "resources.lync.com"

// providerName is a user's provider as the service shows it.
func providerName(u *storage.User) string {
	if u.Provider == "" {
		return "None"
	}
	return u.Provider
}

func licenceState(u *storage.User) string {
	if u.AudioConferencingLicense {
		return "Licensed"
	}
	return "NoLicense"
}

// registerConferencingUserInfo adds Get-CsOnlineDialInConferencingUserInfo.
func registerConferencingUserInfo(rt *engine.Runtime, t *Tenant) {
	p := &userInfoParams{
		identity:    engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers, Sets: []engine.ParamSet{{Name: "IdentityParams", Position: 0, Mandatory: true}}}),
		tenant:      tenantParams{id: handle(engine.Declare[any](userTenantParam("TenantIdParams")))},
		skip:        declareInt(engine.NamedParamInSets("Skip", "Int32", "", "TenantIdParams")),
		first:       declareInt(engine.NamedParamInSets("First", "Int32", "", "TenantIdParams")),
		searchQuery: engine.Declare[string](engine.NamedParamInSets("SearchQuery", "String", "", "TenantIdParams")),
		sel: engine.Declare[string](&engine.ParamInfo{Name: "Select", Type: "String", ValidateSet: []string{"DialInConferencingOn", "DialInConferencingOff", "ConferencingProviderMS",
			"ConferencingProviderOther", "ReadyForMigrationToCPC", "NoFilter"},
			Sets: []engine.ParamSet{{Name: "TenantIdParams", Position: -1}}}),
		filter:         engine.Declare[string](engine.NamedParamInSets("Filter", "String", "", "TenantIdParams")),
		sortDescending: engine.Declare[bool](engine.NamedParamInSets("SortDescending", "SwitchParameter", "", "TenantIdParams")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingUserInfo", Module: "MicrosoftTeams",
		DefaultSet: "TenantIdParams",
		Params: []*engine.ParamInfo{p.identity.Info(), p.tenant.id.Info(), p.skip.Info(), p.first.Info(), p.searchQuery.Info(),
			p.sel.Info(), p.filter.Info(), p.sortDescending.Info(), userDCParam(), userForceParam()},
		Outputs:    []string{userInfoType},
		OutputType: userInfoOutput,
		New:        engine.ProcessOnly(func(c *engine.Call) error { return getUserInfo(c, t, p) }),
	})
}

// userInfoParams are Get-CsOnlineDialInConferencingUserInfo's parameters.
type userInfoParams struct {
	identity         engine.Param[any]
	tenant           tenantParams
	skip, first      intParam
	searchQuery, sel engine.Param[string]
	filter           engine.Param[string]
	sortDescending   engine.Param[bool]
}

// userInfoObject builds a user-info object.
func userInfoObject(u *storage.User) *value.Object {
	o := value.NewObject(userInfoType, "System.Object")
	o.Set("Identity", u.ID)
	o.Set("ObjectId", u.ID)
	o.Set("DisplayName", u.DisplayName)
	o.Set("Provider", providerName(u))
	var conf, toll string
	tollFree := []any{}
	if c := u.Conferencing; c != nil && EnabledWithMicrosoft(u) {
		conf, toll = c.ConferenceID, c.ServiceNumber
		if c.TollFreeServiceNumber != "" {
			tollFree = append(tollFree, c.TollFreeServiceNumber)
		}
	}
	o.Set("ConferenceId", userNullIfEmpty(conf))
	o.Set("DefaultTollNumber", userNullIfEmpty(toll))
	o.Set("DefaultTollFreeNumbers", tollFree)
	return o
}

// userInfoSelected applies -Select (default DialInConferencingOn).
func userInfoSelected(sel string, u *storage.User) bool {
	switch strings.ToLower(sel) {
	case "nofilter":
		return true
	case "dialinconferencingoff":
		return !EnabledWithMicrosoft(u) && !IsThirdParty(u)
	case "conferencingproviderms":
		return EnabledWithMicrosoft(u)
	case "conferencingproviderother":
		return IsThirdParty(u)
	case "readyformigrationtocpc":
		return IsThirdParty(u) && u.AudioConferencingLicense
	}
	return EnabledWithMicrosoft(u) || IsThirdParty(u)
}

// getUserInfo runs Get-CsOnlineDialInConferencingUserInfo.
func getUserInfo(c *engine.Call, t *Tenant, p *userInfoParams) error {
	var filter *opathNode
	if f := p.filter.Get(c); strings.TrimSpace(f) != "" {
		var err error
		if filter, err = parseOPath(f, func(p string) bool { return containsFold(userInfoProps, p) }); err != nil {
			return err
		}
	}
	var one *storage.User
	var missing error
	err := t.Read(func(r storage.Reader) error {
		if err := userCheckTenant(c, r, p.tenant); err != nil {
			return err
		}
		if c.Set == "IdentityParams" {
			one, missing = ResolveUser(r, IdentityText(p.identity.Get(c)))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if missing != nil {
		return UserFail(c, missing) // non-terminating (docs/errors.md)
	}
	if one != nil {
		return c.WriteObject(userInfoObject(one))
	}
	first, skip := p.first.Or(c, 100), p.skip.Or(c, 0)
	query := strings.ToLower(strings.TrimSpace(p.searchQuery.Get(c)))
	sel := p.sel.Get(c)
	var list []*value.Object
	err = t.ScanUsers(func(u *storage.User) bool {
		if !userInfoSelected(sel, u) {
			return false
		}
		if query != "" && !strings.Contains(strings.ToLower(u.DisplayName+" "+u.UserPrincipalName+" "+u.SipAddress), query) {
			return false
		}
		return filter == nil || filter.match(userInfoObject(u))
	}, -1, func(u *storage.User) error {
		list = append(list, userInfoObject(u))
		return nil
	})
	if err != nil {
		return err
	}
	if p.sortDescending.Get(c) {
		for i, j := 0, len(list)-1; i < j; i, j = i+1, j-1 {
			list[i], list[j] = list[j], list[i]
		}
	}
	for i, o := range list {
		if i < skip {
			continue
		}
		if first >= 0 && i-skip >= first {
			break
		}
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// registerConferencingUserState adds Get-CsOnlineDialInConferencingUserState.
func registerConferencingUserState(rt *engine.Runtime, t *Tenant) {
	identity := t.UserIdentityParam(false, "")
	identity.ValidateNotNullOrEmpty = true // as Get-CsOnlineDialInConferencingUser's
	p := &userStateParams{
		identity: engine.Declare[any](identity),
		provider: engine.Declare[string](&engine.ParamInfo{Name: "Provider", Type: "String", ValidateSet: []string{"AllProviders", "NoProviders", "Microsoft", "ThirdParty"},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}}),
		licenseState: engine.Declare[[]string](&engine.ParamInfo{Name: "LicenseState", Type: "String[]", ValidateSet: []string{"NoLicense", "Licensed"},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}}),
	}
	params := []*engine.ParamInfo{p.identity.Info(), p.provider.Info(), p.licenseState.Info(), resultSize.Info()}
	params = append(params, userTenant.infos()...)
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingUserState", Module: "MicrosoftTeams",
		Params:     append(params, userDCParam(), userForceParam()),
		Outputs:    []string{userStateType},
		OutputType: userStateOutput,
		New:        engine.ProcessOnly(func(c *engine.Call) error { return getUserState(c, t, p) }),
	})
}

// userStateParams are Get-CsOnlineDialInConferencingUserState's own
// parameters; it shares -ResultSize with Get-CsOnlineUser and -Tenant and
// -TenantDomain with the other conferencing-user cmdlets.
type userStateParams struct {
	identity     engine.Param[any]
	provider     engine.Param[string]
	licenseState engine.Param[[]string]
}

// userStateObject builds a ConferencingUserState object.
func userStateObject(u *storage.User) *value.Object {
	o := value.NewObject(userStateType, "System.Object")
	o.Set("Identity", u.ID)
	o.Set("SipAddress", u.SipAddress)
	o.Set("DisplayName", u.DisplayName)
	o.Set("PstnConferencingLicenseState", licenceState(u))
	o.Set("Provider", providerName(u))
	var domain, toll, conf, url string
	tollFree := []any{}
	if c := u.Conferencing; c != nil && EnabledWithMicrosoft(u) {
		domain, toll, conf = providerDomain, c.ServiceNumber, c.ConferenceID
		url = "https://dialin.teams.microsoft.com/" + c.BridgeID + "?id=" + c.ConferenceID
		if c.TollFreeServiceNumber != "" {
			tollFree = append(tollFree, c.TollFreeServiceNumber)
		}
	}
	o.Set("Domain", userNullIfEmpty(domain))
	o.Set("TollNumber", userNullIfEmpty(toll))
	o.Set("TollFreeNumbers", tollFree)
	o.Set("ConferenceId", userNullIfEmpty(conf))
	o.Set("Url", userNullIfEmpty(url))
	return o
}

// userStateKept applies -Provider and -LicenseState.
func userStateKept(c *engine.Call, p *userStateParams, u *storage.User) bool {
	switch strings.ToLower(p.provider.Get(c)) {
	case "noproviders":
		if u.Provider != "" {
			return false
		}
	case "microsoft":
		if !strings.EqualFold(u.Provider, storage.ProviderMicrosoft) {
			return false
		}
	case "thirdparty":
		if !IsThirdParty(u) {
			return false
		}
	}
	if states := p.licenseState.Get(c); len(states) > 0 && !containsFold(states, licenceState(u)) {
		return false
	}
	return true
}

// getUserState runs Get-CsOnlineDialInConferencingUserState.
func getUserState(c *engine.Call, t *Tenant, p *userStateParams) error {
	limit, err := resultSizeParam(c)
	if err != nil {
		return err
	}
	if limit == 0 {
		return nil
	}
	if p.identity.Given(c) {
		var u *storage.User
		err := t.Read(func(r storage.Reader) error {
			if err := userCheckTenant(c, r, userTenant); err != nil {
				return err
			}
			var err error
			u, err = ResolveUser(r, IdentityText(p.identity.Get(c)))
			return err
		})
		if err != nil {
			return UserFail(c, err)
		}
		if !userStateKept(c, p, u) {
			return nil
		}
		return c.WriteObject(userStateObject(u))
	}
	return t.ScanUsers(func(u *storage.User) bool { return userStateKept(c, p, u) }, limit,
		func(u *storage.User) error { return c.WriteObject(userStateObject(u)) })
}
