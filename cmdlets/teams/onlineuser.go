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
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineUser", Module: "MicrosoftTeams",
		Synopsis: "Returns information about users who have accounts homed on Microsoft Teams or Skype for Business Online.",
		Description: "Returns the tenant's users. -Filter takes the common OPATH forms (\"Department -eq 'Finance'\", " +
			"{FeatureTypes -contains 'AudioConferencing'}) with -eq, -ne, -like, -notlike, -contains, -notcontains, -gt, -lt, " +
			"-ge, -le, -and, -or, -not and parentheses; property names are case-insensitive.",
		Params: []*engine.ParamInfo{
			{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipeline: true, FromPipelineByName: true}},
				Help: "Specifies the user: user principal name, SIP address, object id, display name or domain\\logon name."},
			{Name: "AccountType", Type: "String", ValidateSet: []string{"User", "ResourceAccount", "Guest", "SfBOnPremUser", "IneligibleUser", "Unknown"},
				Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}, Help: "Returns only accounts of this type."},
			engine.NamedParam("Filter", "String", "Returns only the users that match an OPATH filter, for example \"Department -eq 'Finance'\"."),
			engine.NamedParam("Properties", "String", "Specifies the properties to return (Identity, UserPrincipalName, Alias, AccountEnabled and DisplayName are always returned)."),
			engine.NamedParam("ResultSize", "Unlimited", "Returns at most this many users (a number, or Unlimited)."),
			engine.NamedParam("SkipUserPolicies", "SwitchParameter", "Leaves the policy properties out of the output."),
			engine.NamedParam("SoftDeletedUser", "SwitchParameter", "Returns soft-deleted users (the offline tenant has none)."),
			engine.NamedParam("Sort", "SwitchParameter", "Sorts the output (by user principal name)."),
		},
		Examples: []engine.Example{
			{Title: "One user", Code: "Get-CsOnlineUser -Identity ken.myer@contoso.com"},
			{Title: "A department", Code: "Get-CsOnlineUser -Filter {Department -eq 'Finance'}"},
			{Title: "Audio conferencing users", Code: "Get-CsOnlineUser -Filter \"FeatureTypes -contains 'AudioConferencing'\""},
		},
		Outputs: []string{onlineUserType},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return getOnlineUsers(c, t) }),
	})
}

// getOnlineUsers runs Get-CsOnlineUser.
func getOnlineUsers(c *engine.Call, t *Tenant) error {
	limit, err := resultSizeParam(c)
	if err != nil {
		return err
	}
	var filter *opathNode
	if f := c.String("Filter"); strings.TrimSpace(f) != "" {
		if filter, err = parseOPath(f, isOnlineUserProp); err != nil {
			return err
		}
	}
	if limit == 0 || c.Switch("SoftDeletedUser") {
		return nil
	}
	if at := c.String("AccountType"); at != "" && !strings.EqualFold(at, "User") {
		return nil
	}
	shape := onlineUserShaper(c)
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
		if c.Has("Identity") {
			one, err = ResolveUser(r, IdentityText(c.Get("Identity")))
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

// resultSizeParam reads -ResultSize: a number or "Unlimited" (-1).
func resultSizeParam(c *engine.Call) (int, error) {
	if !c.Has("ResultSize") || c.Get("ResultSize") == nil {
		return -1, nil
	}
	s := strings.TrimSpace(c.String("ResultSize"))
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
func onlineUserShaper(c *engine.Call) func(*value.Object) *value.Object {
	var want map[string]bool
	if props := c.String("Properties"); strings.TrimSpace(props) != "" {
		want = map[string]bool{}
		for _, p := range onlineUserAlways {
			want[strings.ToLower(p)] = true
		}
		for _, p := range strings.FieldsFunc(props, func(r rune) bool { return r == ',' || r == ' ' }) {
			want[strings.ToLower(p)] = true
		}
	}
	skip := c.Switch("SkipUserPolicies")
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
	o.Set("TeamsAudioConferencingPolicy", nil)
	o.Set("TenantId", tn.ID)
	o.Set("WhenCreated", u.Created)
	o.Set("WhenChanged", u.Modified)
	return o
}
