package teams

import (
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// onlineUserType is the type of Get-CsOnlineUser's objects.
const onlineUserType = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.OnlineUser"

// onlineUserProps are the properties of a Get-CsOnlineUser object (the
// module 3.0+ names: Identity rather than ObjectId, IsSipEnabled rather
// than Enabled; AcpInfo and OnlineDialinConferencingPolicy are gone).
var onlineUserProps = []string{
	"Identity", "UserPrincipalName", "Alias", "AccountEnabled", "AccountType", "DisplayName", "City", "Department",
	"UsageLocation", "SipAddress", "SipProxyAddress", "IsSipEnabled", "FeatureTypes", "OnlineDialOutPolicy",
	"OnlineAudioConferencingRoutingPolicy", "TeamsAudioConferencingPolicy", "TenantId", "WhenCreated", "WhenChanged",
}

// onlineUserAlways are the properties -Properties always keeps.
var onlineUserAlways = []string{"Identity", "UserPrincipalName", "Alias", "AccountEnabled", "DisplayName"}

// onlineUserPolicyProps are the properties -SkipUserPolicies leaves out.
var onlineUserPolicyProps = map[string]bool{
	"onlinedialoutpolicy": true, "onlineaudioconferencingroutingpolicy": true, "teamsaudioconferencingpolicy": true,
}

// registerGetOnlineUser adds Get-CsOnlineUser.
func registerGetOnlineUser(rt *engine.Runtime, t *Tenant) {
	p := &onlineUserParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromPipelineByName: true}},
			Help: "Specifies the user: user principal name, SIP address, object id, display name or domain\\logon name."}),
		accountType: engine.Declare[string](&engine.ParamInfo{Name: "AccountType", Type: "String", ValidateSet: []string{"User", "ResourceAccount", "Guest", "SfBOnPremUser", "IneligibleUser", "Unknown"},
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Returns only accounts of this type."}),
		filter:           engine.Declare[string](engine.NamedParam("Filter", "String", "Returns only the users that match an OPATH filter, for example \"Department -eq 'Finance'\".")),
		properties:       engine.Declare[string](engine.NamedParam("Properties", "String", "Specifies the properties to return (Identity, UserPrincipalName, Alias, AccountEnabled and DisplayName are always returned).")),
		skipUserPolicies: engine.Declare[bool](engine.NamedParam("SkipUserPolicies", "SwitchParameter", "Leaves the policy properties out of the output.")),
		softDeletedUser:  engine.Declare[bool](engine.NamedParam("SoftDeletedUser", "SwitchParameter", "Returns soft-deleted users (the offline tenant has none).")),
		sort:             engine.Declare[bool](engine.NamedParam("Sort", "SwitchParameter", "Sorts the output (by user principal name).")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineUser", Module: "MicrosoftTeams",
		Synopsis: "Returns information about users who have accounts homed on Microsoft Teams or Skype for Business Online.",
		Description: "Returns the tenant's users. -Filter takes the common OPATH forms (\"Department -eq 'Finance'\", " +
			"{FeatureTypes -contains 'AudioConferencing'}) with -eq, -ne, -like, -notlike, -contains, -notcontains, -gt, -lt, " +
			"-ge, -le, -and, -or, -not and parentheses; property names are case-insensitive.",
		Params: []*engine.ParamInfo{p.identity.Info(), p.accountType.Info(), p.filter.Info(), p.properties.Info(), resultSize.Info(),
			p.skipUserPolicies.Info(), p.softDeletedUser.Info(), p.sort.Info()},
		Examples: []engine.Example{
			{Title: "One user", Code: "Get-CsOnlineUser -Identity ken.myer@contoso.com"},
			{Title: "A department", Code: "Get-CsOnlineUser -Filter {Department -eq 'Finance'}"},
			{Title: "Audio conferencing users", Code: "Get-CsOnlineUser -Filter \"FeatureTypes -contains 'AudioConferencing'\""},
		},
		Outputs: []string{onlineUserType},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return getOnlineUsers(c, t, p) }),
	})
}

// onlineUserParams are Get-CsOnlineUser's own parameters; it shares
// -ResultSize with Get-CsOnlineDialInConferencingUserState. -Sort is
// accepted: the output is always in user principal name order.
type onlineUserParams struct {
	identity              engine.Param[any]
	accountType, filter   engine.Param[string]
	properties            engine.Param[string]
	skipUserPolicies      engine.Param[bool]
	softDeletedUser, sort engine.Param[bool]
}

// getOnlineUsers runs Get-CsOnlineUser.
func getOnlineUsers(c *engine.Call, t *Tenant, p *onlineUserParams) error {
	limit, err := resultSizeParam(c)
	if err != nil {
		return err
	}
	var filter *opathNode
	if f := p.filter.Get(c); strings.TrimSpace(f) != "" {
		if filter, err = parseOPath(f, isOnlineUserProp); err != nil {
			return err
		}
	}
	if limit == 0 || p.softDeletedUser.Get(c) {
		return nil
	}
	if at := p.accountType.Get(c); at != "" && !strings.EqualFold(at, "User") {
		return nil
	}
	shape := onlineUserShaper(p.properties.Get(c), p.skipUserPolicies.Get(c))
	var tn *storage.Tenant
	var s *storage.Settings
	var one *storage.User
	err = t.Read(func(r storage.Reader) error {
		var err error
		if tn, err = r.Tenant(); err != nil {
			return StoreError(err, "")
		}
		if s, err = r.Settings(); err != nil {
			return StoreError(err, "")
		}
		if v, ok := p.identity.Lookup(c); ok {
			one, err = ResolveUser(r, IdentityText(v))
		}
		return err
	})
	if err != nil {
		if c.HasInput {
			return UserFail(c, err)
		}
		return err
	}
	emit := func(u *storage.User) error {
		o := onlineUserObject(tn, s, u)
		if filter != nil && !filter.match(o) {
			return nil
		}
		return c.WriteObject(shape(o))
	}
	if one != nil {
		return emit(one)
	}
	keep := func(u *storage.User) bool { return filter == nil || filter.match(onlineUserObject(tn, s, u)) }
	return t.ScanUsers(keep, limit, func(u *storage.User) error { return c.WriteObject(shape(onlineUserObject(tn, s, u))) })
}

// resultSize is the -ResultSize of Get-CsOnlineUser and
// Get-CsOnlineDialInConferencingUserState: a number or "Unlimited".
var resultSize = engine.Declare[any](engine.NamedParam("ResultSize", "Unlimited", "Returns at most this many users (a number, or Unlimited)."))

// resultSizeParam reads -ResultSize: a number or "Unlimited" (-1).
func resultSizeParam(c *engine.Call) (int, error) {
	v := resultSize.Get(c)
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
			"Cannot process argument transformation on parameter 'ResultSize'. Cannot convert value \"%s\" to type \"Unlimited\". The value must be a non-negative number or Unlimited.", s).
			WithException("System.Management.Automation.ParameterBindingArgumentTransformationException")
	}
	return n, nil
}

// isOnlineUserProp reports whether a name is a Get-CsOnlineUser property.
func isOnlineUserProp(name string) bool {
	for _, p := range onlineUserProps {
		if strings.EqualFold(p, name) {
			return true
		}
	}
	return false
}

// onlineUserShaper applies -Properties and -SkipUserPolicies.
func onlineUserShaper(props string, skip bool) func(*value.Object) *value.Object {
	var want map[string]bool
	if strings.TrimSpace(props) != "" {
		want = map[string]bool{}
		for _, p := range onlineUserAlways {
			want[strings.ToLower(p)] = true
		}
		for _, p := range strings.FieldsFunc(props, func(r rune) bool { return r == ',' || r == ' ' }) {
			want[strings.ToLower(p)] = true
		}
	}
	if want == nil && !skip {
		return func(o *value.Object) *value.Object { return o }
	}
	return func(o *value.Object) *value.Object {
		// A plain custom object: the default view would show the
		// left-out properties as empty rows.
		out := value.NewObject()
		for _, p := range o.Properties() {
			k := strings.ToLower(p.Name)
			if want != nil && !want[k] || skip && onlineUserPolicyProps[k] {
				continue
			}
			out.Set(p.Name, o.PropertyValue(p))
		}
		return out
	}
}

// onlineUserObject builds a Get-CsOnlineUser object.
func onlineUserObject(tn *storage.Tenant, s *storage.Settings, u *storage.User) *value.Object {
	o := value.NewObject(onlineUserType, "System.Management.Automation.PSCustomObject", "System.Object")
	alias, _, _ := strings.Cut(u.UserPrincipalName, "@")
	features := []any{}
	if u.AudioConferencingLicense {
		features = append(features, "AudioConferencing")
	}
	features = append(features, "Teams")
	dialOut := userNullIfEmpty(strings.TrimPrefix(strings.TrimPrefix(u.DialOutPolicy, "Tag:"), "tag:"))
	o.Set("Identity", u.ID)
	o.Set("UserPrincipalName", u.UserPrincipalName)
	o.Set("Alias", alias)
	o.Set("AccountEnabled", true)
	o.Set("AccountType", "User")
	o.Set("DisplayName", u.DisplayName)
	o.Set("City", userNullIfEmpty(u.City))
	o.Set("Department", userNullIfEmpty(u.Department))
	o.Set("UsageLocation", userNullIfEmpty(u.UsageLocation))
	o.Set("SipAddress", userNullIfEmpty(u.SipAddress))
	o.Set("SipProxyAddress", userNullIfEmpty(u.SipAddress))
	o.Set("IsSipEnabled", u.SipAddress != "")
	o.Set("FeatureTypes", features)
	o.Set("OnlineDialOutPolicy", dialOut)
	o.Set("OnlineAudioConferencingRoutingPolicy", nil)
	o.Set("TeamsAudioConferencingPolicy", userNullIfEmpty(u.AudioConferencingPolicy))
	o.Set("TenantId", tn.ID)
	o.Set("WhenCreated", u.Created)
	o.Set("WhenChanged", u.Modified)
	return o
}
