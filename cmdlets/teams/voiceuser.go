package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// voiceUserType is the documented output type of Get-CsOnlineVoiceUser.
const voiceUserType = "Deserialized.Microsoft.Rtc.Management.Hosted.Bvd.Types.LacUser"

// voiceUserParams are Get-CsOnlineVoiceUser's parameters.
type voiceUserParams struct {
	identity                           engine.Param[any]
	numberAssigned, numberNotAssigned  engine.Param[bool]
	pstn, evStatus                     engine.Param[[]string]
	first, skip                        engine.Param[any]
	expandLocation                     engine.Param[bool]
	locationID, civicAddressID         engine.Param[string]
	force, getFromAAD, getPendingUsers engine.Param[bool]
	searchQuery, domainController      engine.Param[string]
	tenant                             engine.Param[any]
}

// registerOnlineVoiceUser adds Get-CsOnlineVoiceUser (retired: surfaceItems
// says which generations have it).
func registerOnlineVoiceUser(rt *engine.Runtime, t *Tenant) {
	multi := func(name, help string, set ...string) engine.Param[[]string] {
		p := engine.NamedParam(name, "String[]", help)
		p.ValidateSet = set
		return engine.Declare[[]string](p)
	}
	p := &voiceUserParams{
		identity: engine.Declare[any](&engine.ParamInfo{Name: "Identity", Type: "UserIdParameter", Complete: t.CompleteUsers,
			Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}},
			Help: "The user: user principal name, SIP address or object id."}),
		numberAssigned:    engine.Declare[bool](engine.NamedParam("NumberAssigned", "SwitchParameter", "Returns only the users who have a phone number assigned.")),
		numberNotAssigned: engine.Declare[bool](engine.NamedParam("NumberNotAssigned", "SwitchParameter", "Returns only the users who have no phone number assigned.")),
		pstn:              multi("PSTNConnectivity", "Returns the users of these PSTN connectivities: All, Online (Calling Plan) or OnPremises (Phone System without a Calling Plan).", "All", "Online", "OnPremises"),
		evStatus:          multi("EnterpriseVoiceStatus", "Returns the users whose Enterprise Voice is All, Enabled or Disabled.", "All", "Enabled", "Disabled"),
		first:             engine.Declare[any](engine.NamedParam("First", "Unlimited", "The number of users to return (module 2.6 and earlier: 100 unless given).")),
		skip:              engine.Declare[any](engine.NamedParam("Skip", "Unlimited", "The number of users to skip.")),
		expandLocation:    engine.Declare[bool](engine.NamedParam("ExpandLocation", "SwitchParameter", "Shows the Location as an object rather than its id.")),
		locationID:        engine.Declare[string](engine.NamedParam("LocationId", "LocationID", "Returns the users whose number has this emergency location.")),
		civicAddressID:    engine.Declare[string](engine.NamedParam("CivicAddressId", "XdsCivicAddressId", "Returns the users whose number's location is at this civic address (the offline tenant keeps none).")),
		force:             engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Deprecated; accepted and ignored.")),
		getFromAAD:        engine.Declare[bool](engine.NamedParam("GetFromAAD", "SwitchParameter", "Deprecated; accepted and ignored.")),
		getPendingUsers:   engine.Declare[bool](engine.NamedParam("GetPendingUsers", "SwitchParameter", "Deprecated; the offline tenant has no pending users.")),
		searchQuery:       engine.Declare[string](engine.NamedParam("SearchQuery", "String", "Deprecated: returns the users whose display name, user principal name or number contains the text.")),
		domainController:  engine.Declare[string](engine.NamedParam("DomainController", "Fqdn", "Deprecated; accepted and ignored.", "DC")),
		tenant:            engine.Declare[any](engine.NamedParam("Tenant", "Guid", "Deprecated; reserved for internal Microsoft use.")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineVoiceUser", Module: "MicrosoftTeams",
		Synopsis: "Use the Get-CsOnlineVoiceUser cmdlet to retrieve a voice user's telephone number and location.",
		Description: "Returns the voice users: in module 3.0 and later the users with Phone System (a number or Enterprise Voice), " +
			"in 2.6 and earlier every user, at most 100 unless -First says otherwise. Each has Name, Id, SipDomain, DataCenter, " +
			"TenantId, PstnConnectivity (Online for a Calling Plan, OnPremises otherwise), UsageLocation, EnterpriseVoiceEnabled, " +
			"Number (the LineUri without tel:+) and Location. No longer supported on the public cloud: use Get-CsOnlineUser.",
		Params: []*engine.ParamInfo{p.civicAddressID.Info(), p.domainController.Info(), p.evStatus.Info(), p.expandLocation.Info(),
			p.first.Info(), p.force.Info(), p.getFromAAD.Info(), p.getPendingUsers.Info(), p.identity.Info(), p.locationID.Info(),
			p.numberAssigned.Info(), p.numberNotAssigned.Info(), p.pstn.Info(), p.searchQuery.Info(), p.skip.Info(), p.tenant.Info()},
		Outputs:    []string{voiceUserType},
		OutputType: voiceUserOutput,
		Examples:   []engine.Example{{Title: "Example 1", Code: "Get-CsOnlineVoiceUser -Identity Ken.Myer@contoso.com", Remarks: "Returns the user's location and phone number information."}},
		New:        engine.ProcessOnly(func(c *engine.Call) error { return getVoiceUsers(c, t, p) }),
	})
}

// getVoiceUsers runs Get-CsOnlineVoiceUser.
func getVoiceUsers(c *engine.Call, t *Tenant, p *voiceUserParams) error {
	if p.numberAssigned.Get(c) && p.numberNotAssigned.Get(c) {
		return engine.NewError("InvalidArgument", "ParameterConflict", nil,
			"The parameters NumberAssigned and NumberNotAssigned cannot be used together.").WithException("System.ArgumentException")
	}
	g := t.generation()
	first, err := unlimitedParam(c, p.first)
	if err != nil {
		return err
	}
	if first < 0 && !p.first.Given(c) && g.before("3.0.0") {
		first = 100
	}
	skip, err := unlimitedParam(c, p.skip)
	if err != nil {
		return err
	}
	var tn *storage.Tenant
	var one *storage.User
	err = t.Read(func(r storage.Reader) error {
		var err error
		if tn, err = r.Tenant(); err != nil {
			return StoreError(err, "")
		}
		if v, ok := p.identity.Lookup(c); ok {
			one, err = ResolveUser(r, IdentityText(v))
		}
		return err
	})
	if err != nil {
		return err
	}
	keep := func(u *storage.User) bool { return voiceUserSelected(c, p, g, u) }
	expand := p.expandLocation.Get(c)
	emit := func(u *storage.User) error { return c.WriteObject(voiceUserObject(tn, u, expand)) }
	if one != nil {
		if !keep(one) {
			return nil
		}
		return emit(one)
	}
	limit := first
	if first >= 0 {
		limit = first + max(skip, 0)
	}
	skipped := 0
	return t.ScanUsers(keep, limit, func(u *storage.User) error {
		if skipped < skip {
			skipped++
			return nil
		}
		return emit(u)
	})
}

// voiceUserSelected applies the cmdlet's selection to a user.
func voiceUserSelected(c *engine.Call, p *voiceUserParams, g generation, u *storage.User) bool {
	number, connectivity := userLineURI(u) != "", voiceConnectivity(u)
	if !g.before("3.0.0") && connectivity == "" {
		return false
	}
	switch {
	case p.numberAssigned.Get(c) && !number, p.numberNotAssigned.Get(c) && number:
		return false
	}
	if vs := p.pstn.Get(c); len(vs) > 0 && !containsFold(vs, "All") && !containsFold(vs, connectivity) {
		return false
	}
	if vs := p.evStatus.Get(c); len(vs) > 0 && !containsFold(vs, "All") {
		want := "Disabled"
		if userVoiceEnabled(u) {
			want = "Enabled"
		}
		if !containsFold(vs, want) {
			return false
		}
	}
	if id := strings.TrimSpace(p.locationID.Get(c)); id != "" && !strings.EqualFold(id, userLocationID(u)) {
		return false
	}
	if p.civicAddressID.Given(c) || p.getPendingUsers.Get(c) {
		return false
	}
	if q := strings.ToLower(strings.TrimSpace(p.searchQuery.Get(c))); q != "" {
		text := strings.ToLower(u.DisplayName + " " + u.UserPrincipalName + " " + userLineURI(u))
		return strings.Contains(text, q)
	}
	return true
}

// voiceConnectivity is PstnConnectivity: Online for a Calling Plan user,
// OnPremises for another user with Phone System, "" without it.
func voiceConnectivity(u *storage.User) string {
	switch {
	case userCallingPlan(u):
		return "Online"
	case userVoiceEnabled(u) || userLineURI(u) != "":
		return "OnPremises"
	}
	return ""
}

// voiceUserObject is a user as Get-CsOnlineVoiceUser shows it.
func voiceUserObject(tn *storage.Tenant, u *storage.User, expand bool) *value.Object {
	o := value.NewObject(voiceUserType, "Deserialized.System.Object")
	_, domain, _ := strings.Cut(strings.TrimPrefix(u.SipAddress, "sip:"), "@")
	var location any
	if id := userLocationID(u); id != "" {
		location = id
		if expand {
			l := value.NewObject()
			l.Set("LocationId", id)
			l.Set("CivicAddressId", nil)
			l.Set("Description", nil)
			location = l
		}
	}
	o.Set("Name", u.DisplayName)
	o.Set("Id", u.ID)
	o.Set("SipDomain", userNullIfEmpty(domain))
	o.Set("DataCenter", serviceRegion(u.UsageLocation))
	o.Set("TenantId", tn.ID)
	o.Set("PstnConnectivity", userNullIfEmpty(voiceConnectivity(u)))
	o.Set("UsageLocation", userNullIfEmpty(u.UsageLocation))
	o.Set("EnterpriseVoiceEnabled", userVoiceEnabled(u))
	o.Set("Number", userNullIfEmpty(strings.TrimPrefix(userLineURI(u), "tel:+")))
	o.Set("Location", location)
	return o
}
