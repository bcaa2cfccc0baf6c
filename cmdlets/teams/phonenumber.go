package teams

import (
	"slices"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// Get-CsPhoneNumberAssignment (../shared/reference/pester-teams-surface.md
// §2.6): the tenant's telephone numbers — its conference (service)
// numbers and the numbers its users hold (Set-CsPhoneNumberAssignment,
// phonenumber_set.go) — with the documented filters, sorted by
// TelephoneNumber, at most -Top (500 by default, 1000 at most) after
// -Skip.
//
// There is no ConferenceBridge NumberType: the documented values are
// DirectRouting, CallingPlan and OperatorConnect, and a conference number
// is told by its Capability (ConferenceAssignment) and its
// PstnAssignmentStatus (ConferenceAssigned). csshell's service numbers
// are Microsoft-provided, so their NumberType is CallingPlan and their
// partner Microsoft.

// phoneNumberTypeName is the type of the number objects (the page's
// OUTPUTS).
const phoneNumberTypeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.SkypeTelephoneNumberMgmtCmdletAcquiredTelephoneNumber"

// Values of the number objects.
const (
	microsoftPstnPartnerID = "7fc2f2eb-89aa-41d7-93de-73d015d22ff0" // PstnPartnerId of Microsoft's numbers in every example of the page
	zeroGUID               = "00000000-0000-0000-0000-000000000000" // a Direct Routing number's empty location (the page's examples)

	statusUnassigned         = "Unassigned"
	statusUserAssigned       = "UserAssigned"
	statusConferenceAssigned = "ConferenceAssigned"

	capConference = "ConferenceAssignment"
	capVoiceApp   = "VoiceApplicationAssignment"
	capUser       = "UserAssignment"
)

// phoneNumberProps are the object's properties in the order of the page's
// examples.
var phoneNumberProps = []string{"TelephoneNumber", "OperatorId", "NumberType", "ActivationState", "AssignedPstnTargetId",
	"AssignmentCategory", "Capability", "City", "CivicAddressId", "IsoCountryCode", "IsoSubdivision", "LocationId",
	"LocationUpdateSupported", "NetworkSiteId", "PortInOrderStatus", "PstnAssignmentStatus", "PstnPartnerId", "PstnPartnerName",
	"NumberSource", "ReverseNumberLookup", "Tag", "AssignmentBlockedState", "AssignmentBlockedUntil", "SmsActivationState"}

// acquiredNumber is one of the tenant's numbers as Get- lists it.
type acquiredNumber struct {
	number       string // stored form: digits, ";ext=" and digits for an extension
	numberType   string
	status       string
	target       string // the user's object id, the bridge's id, "" when unassigned
	targetType   string // "User", "ConferenceBridge", ""
	category     string
	capabilities []string
	city         string
	country      string
	location     any // LocationId: a GUID string or nil
	civic        any // CivicAddressId
	microsoft    bool
}

// telephoneNumber is the number as the objects show it: always with "+".
func (n *acquiredNumber) telephoneNumber() string { return "+" + n.number }

// object is the number object.
func (n *acquiredNumber) object() *value.Object {
	o := value.NewObject(phoneNumberTypeName, "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.ISkypeTelephoneNumberMgmtCmdletAcquiredTelephoneNumber", "System.Object")
	var partnerID, partnerName any
	if n.microsoft {
		partnerID, partnerName = microsoftPstnPartnerID, "Microsoft"
	}
	o.Set("TelephoneNumber", n.telephoneNumber())
	o.Set("OperatorId", nil)
	o.Set("NumberType", n.numberType)
	o.Set("ActivationState", "Activated")
	o.Set("AssignedPstnTargetId", NullIfEmpty(n.target))
	o.Set("AssignmentCategory", NullIfEmpty(n.category))
	o.Set("Capability", StringArray(n.capabilities))
	o.Set("City", NullIfEmpty(n.city))
	o.Set("CivicAddressId", n.civic)
	o.Set("IsoCountryCode", NullIfEmpty(n.country))
	o.Set("IsoSubdivision", nil)
	o.Set("LocationId", n.location)
	o.Set("LocationUpdateSupported", true)
	o.Set("NetworkSiteId", nil)
	o.Set("PortInOrderStatus", nil)
	o.Set("PstnAssignmentStatus", n.status)
	o.Set("PstnPartnerId", partnerID)
	o.Set("PstnPartnerName", partnerName)
	o.Set("NumberSource", "Online")
	o.Set("ReverseNumberLookup", []any{})
	o.Set("Tag", []any{})
	o.Set("AssignmentBlockedState", "NotBlocked")
	o.Set("AssignmentBlockedUntil", nil)
	o.Set("SmsActivationState", "NotActivated")
	return o
}

// filterObject is the object -Filter reads: the number object with the
// other documented attribute names (the aliases, and the attributes the
// object does not show).
func (n *acquiredNumber) filterObject() *value.Object {
	o := n.object()
	for alias, prop := range map[string]string{"AssignmentStatus": "PstnAssignmentStatus", "AcquiredCapabilities": "Capability",
		"PartnerName": "PstnPartnerName", "TargetId": "AssignedPstnTargetId", "Tags": "Tag"} {
		v, _ := value.GetMember(o, prop)
		o.Set(alias, v)
	}
	o.Set("TargetType", NullIfEmpty(n.targetType))
	o.Set("IsOperatorConnect", n.numberType == storage.PhoneNumberOperatorConnect)
	o.Set("ResourceAccountSharedCallingPolicySupported", false)
	o.Set("SupportedCustomerActions", []any{})
	o.Set("RoutingOptions", []any{})
	return o
}

// phoneNumberFilterAttributes are the attributes -Filter takes (the
// page's list, with its aliases).
var phoneNumberFilterAttributes = []string{"TelephoneNumber", "OperatorId", "PstnAssignmentStatus", "AssignmentStatus",
	"ActivationState", "IsoCountryCode", "Capability", "AcquiredCapabilities", "IsOperatorConnect", "PstnPartnerName",
	"PartnerName", "LocationId", "CivicAddressId", "NetworkSiteId", "NumberType", "AssignedPstnTargetId", "TargetId",
	"TargetType", "AssignmentCategory", "ResourceAccountSharedCallingPolicySupported", "SupportedCustomerActions",
	"ReverseNumberLookup", "RoutingOptions", "SmsActivationState", "Tags"}

// serviceAcquired is a conference (service) number: CallingPlan,
// Microsoft's, ConferenceAssigned to its bridge (Unassigned when on none).
func serviceAcquired(n *storage.ServiceNumber) *acquiredNumber {
	a := &acquiredNumber{number: n.Number, numberType: storage.PhoneNumberCallingPlan, status: statusUnassigned,
		capabilities: []string{capConference}, city: n.City, country: isoCountryOf(n.Number), microsoft: true}
	if n.BridgeID != "" {
		a.status, a.target, a.targetType = statusConferenceAssigned, n.BridgeID, "ConferenceBridge"
	}
	return a
}

// userAcquired is a user's number: UserAssigned to the user's object id.
// A Direct Routing number shows as the page's Direct Routing examples do
// (every assignment capability, no country, the zero location unless one
// was set); a Calling Plan or Operator Connect one as Microsoft's or the
// operator's.
func userAcquired(u *storage.User) *acquiredNumber {
	a := &acquiredNumber{number: u.PhoneNumber, numberType: u.PhoneNumberType, status: statusUserAssigned, target: u.ID,
		targetType: "User", category: "Primary", capabilities: []string{capUser}}
	loc := any(nil)
	if u.PhoneLocationID != "" {
		loc = u.PhoneLocationID
	}
	switch u.PhoneNumberType {
	case storage.PhoneNumberDirectRouting:
		a.capabilities = []string{capConference, capVoiceApp, capUser}
		if loc == nil {
			loc = zeroGUID
		}
		a.civic = zeroGUID
	case storage.PhoneNumberCallingPlan:
		a.microsoft, a.country = true, isoCountryOf(u.PhoneNumber)
	default:
		a.country = isoCountryOf(u.PhoneNumber)
	}
	a.location = loc
	return a
}

// isoCountryOf is the ISO 3166 code of a number's country calling code,
// the longest known prefix; "" for one csshell does not know. +1 is
// taken as the United States (Canada and the Caribbean share it).
func isoCountryOf(number string) string {
	for n := min(3, len(number)); n > 0; n-- {
		if c, ok := callingCodes[number[:n]]; ok {
			return c
		}
	}
	return ""
}

var callingCodes = map[string]string{
	"1": "US", "7": "RU", "20": "EG", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES", "36": "HU",
	"39": "IT", "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE", "47": "NO", "48": "PL", "49": "DE",
	"51": "PE", "52": "MX", "54": "AR", "55": "BR", "56": "CL", "57": "CO", "60": "MY", "61": "AU", "62": "ID", "63": "PH",
	"64": "NZ", "65": "SG", "66": "TH", "81": "JP", "82": "KR", "84": "VN", "86": "CN", "90": "TR", "91": "IN",
	"351": "PT", "352": "LU", "353": "IE", "354": "IS", "358": "FI", "420": "CZ", "852": "HK", "886": "TW", "971": "AE", "972": "IL",
}

// tenantNumbers lists every number of the tenant, by TelephoneNumber.
func tenantNumbers(r storage.Reader) ([]*acquiredNumber, error) {
	services, err := r.ServiceNumbers()
	if err != nil {
		return nil, err
	}
	var out []*acquiredNumber
	for _, n := range services {
		out = append(out, serviceAcquired(n))
	}
	held, err := r.UserPhoneNumbers()
	if err != nil {
		return nil, err
	}
	for _, h := range held {
		u, err := r.User(h.UserID)
		if err != nil {
			return nil, err
		}
		out = append(out, userAcquired(u))
	}
	slices.SortFunc(out, func(a, b *acquiredNumber) int { return strings.Compare(a.telephoneNumber(), b.telephoneNumber()) })
	return out, nil
}

// autorestParams are the HTTP-pipeline parameters the ConfigAPI cmdlets
// carry: accepted, and without effect offline.
func autorestParams(names ...string) []*engine.ParamInfo {
	all := map[string]*engine.ParamInfo{
		"Break":                      engine.NamedParam("Break", "SwitchParameter", "Waits for a .NET debugger to attach; accepted and ignored offline."),
		"HttpPipelineAppend":         engine.NamedParam("HttpPipelineAppend", "SendAsyncStep[]", "SendAsync steps appended to the HTTP pipeline; accepted and ignored offline."),
		"HttpPipelinePrepend":        engine.NamedParam("HttpPipelinePrepend", "SendAsyncStep[]", "SendAsync steps prepended to the HTTP pipeline; accepted and ignored offline."),
		"Proxy":                      engine.NamedParam("Proxy", "Uri", "The proxy server's URI; accepted and ignored offline."),
		"ProxyCredential":            engine.NamedParam("ProxyCredential", "PSCredential", "Credentials for the proxy server; accepted and ignored offline."),
		"ProxyUseDefaultCredentials": engine.NamedParam("ProxyUseDefaultCredentials", "SwitchParameter", "Uses the current user's credentials for the proxy; accepted and ignored offline."),
	}
	out := make([]*engine.ParamInfo, 0, len(names))
	for _, n := range names {
		out = append(out, all[n])
	}
	return out
}

// phoneNumberTopDefault and phoneNumberTopMax are -Top's default and most.
const (
	phoneNumberTopDefault = 500
	phoneNumberTopMax     = 1000
)

// getPhoneNumberParams are Get-CsPhoneNumberAssignment's filters.
type getPhoneNumberParams struct {
	activation, target, category, capabilities, civic, filter, country, location, site, numberType, status engine.Param[string]
	number, contain, greater, less, startsWith                                                             engine.Param[string]
	skip, top                                                                                              engine.Param[int]
}

func newGetPhoneNumberParams(t *Tenant) *getPhoneNumberParams {
	s := func(name, help string, aliases ...string) engine.Param[string] {
		return engine.Declare[string](engine.NamedParam(name, "String", help, aliases...))
	}
	p := &getPhoneNumberParams{
		activation: s("ActivationState", "Returns the numbers in this activation state: Activated, AssignmentPending, AssignmentFailed, UpdatePending or UpdateFailed (every number of the offline tenant is Activated)."),
		target:     s("AssignedPstnTargetId", "Returns the number assigned to this user (user principal name, SIP address or object id) or other target (its id, e.g. a conference bridge's)."),
		category:   s("AssignmentCategory", "Returns the numbers of this assignment category: Primary, Alternate or Private."),
		capabilities: s("CapabilitiesContain", "Returns the numbers with these capabilities (ConferenceAssignment, VoiceApplicationAssignment, "+
			"UserAssignment, TeamsPhoneMobile); several, separated by commas, must all be present."),
		civic:      s("CivicAddressId", "Returns the numbers with this civic address id."),
		filter:     s("Filter", "Returns the numbers that match a filter, e.g. \"TelephoneNumber -like '+1425*' -and NumberType -eq 'DirectRouting'\"."),
		country:    s("IsoCountryCode", "Returns the numbers of this country (ISO 3166-1 alpha-2 code, e.g. US)."),
		location:   s("LocationId", "Returns the numbers with this emergency location id."),
		site:       s("NetworkSiteId", "Returns the numbers of this network site (the offline tenant has none)."),
		numberType: s("NumberType", "Returns the numbers of this type: DirectRouting, CallingPlan or OperatorConnect (the tenant's conference numbers are CallingPlan).", "PhoneNumberType"),
		status:     s("PstnAssignmentStatus", "Returns the numbers in this assignment status: Unassigned, UserAssigned, ConferenceAssigned, VoiceApplicationAssigned, ThirdPartyAppAssigned or PolicyAssigned."),
		number:     s("TelephoneNumber", "Returns this number (\"+\" optional; \"+12065551000;ext=524\" for an extension).", "PhoneNumber"),
		contain:    s("TelephoneNumberContain", "Returns the numbers containing these digits (an extension's too)."),
		greater:    s("TelephoneNumberGreaterThan", "Returns the numbers greater than this one."),
		less:       s("TelephoneNumberLessThan", "Returns the numbers less than this one."),
		startsWith: s("TelephoneNumberStartsWith", "Returns the numbers starting with these digits."),
	}
	p.number.Info().Complete = func(prefix string) []string { return t.completeTenantNumbers(prefix) }
	skip := engine.NamedParam("Skip", "Int32", "Skips this many numbers of the sorted result (default 0).")
	skip.ValidateRange = &[2]float64{0, 2147483647}
	top := engine.NamedParam("Top", "Int32", "Returns at most this many numbers (default 500, at most 1000).")
	top.ValidateRange = &[2]float64{1, phoneNumberTopMax}
	p.skip, p.top = engine.Declare[int](skip), engine.Declare[int](top)
	return p
}

// infos is the declaration list, the page's order.
func (p *getPhoneNumberParams) infos() []*engine.ParamInfo {
	return append([]*engine.ParamInfo{p.activation.Info(), p.target.Info(), p.category.Info(), p.capabilities.Info(), p.civic.Info(),
		p.filter.Info(), p.country.Info(), p.location.Info(), p.site.Info(), p.numberType.Info(), p.status.Info(), p.skip.Info(),
		p.number.Info(), p.contain.Info(), p.greater.Info(), p.less.Info(), p.startsWith.Info(), p.top.Info()},
		autorestParams("Break", "HttpPipelineAppend", "HttpPipelinePrepend", "Proxy", "ProxyCredential", "ProxyUseDefaultCredentials")...)
}

// completeTenantNumbers lists the tenant's numbers, with "+".
func (t *Tenant) completeTenantNumbers(prefix string) []string {
	p := strings.TrimPrefix(prefix, "+")
	var out []string
	_ = t.store.View(func(r storage.Reader) error {
		all, err := tenantNumbers(r)
		for _, n := range all {
			if strings.HasPrefix(n.number, p) {
				out = append(out, n.telephoneNumber())
			}
		}
		return err
	})
	return out
}

// numberQuery is the digits form of a number filter: "+" and spaces
// dropped, an extension's ";ext=" in lower case.
func numberQuery(s string) string {
	t := strings.TrimPrefix(strings.TrimSpace(s), "+")
	return strings.ReplaceAll(strings.ToLower(t), " ", "")
}

// registerPhoneNumberCmdlets adds Get-, Set- and Remove-CsPhoneNumberAssignment.
func registerPhoneNumberCmdlets(rt *engine.Runtime, t *Tenant) {
	cols := make([]format.Column, len(phoneNumberProps))
	for i, p := range phoneNumberProps {
		cols[i] = format.Column{Property: p}
	}
	rt.Formats.Register(format.View{TypeName: phoneNumberTypeName, Kind: format.ListView, Columns: cols})
	registerGetPhoneNumberAssignment(rt, t)
	registerSetPhoneNumberAssignment(rt, t)
	registerRemovePhoneNumberAssignment(rt, t)
}

// registerGetPhoneNumberAssignment adds Get-CsPhoneNumberAssignment.
func registerGetPhoneNumberAssignment(rt *engine.Runtime, t *Tenant) {
	p := newGetPhoneNumberParams(t)
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsPhoneNumberAssignment", Module: "MicrosoftTeams",
		ClassName: "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Cmdlets.GetCsPhoneNumberAssignment_Get", // issue office-docs-powershell#10042
		Synopsis:  "This cmdlet displays information about one or more phone numbers.",
		Description: "Returns the tenant's telephone numbers: its conference (service) numbers — NumberType CallingPlan, " +
			"Capability ConferenceAssignment, PstnAssignmentStatus ConferenceAssigned to their bridge — and the numbers assigned " +
			"to users (UserAssigned, AssignedPstnTargetId the user's object id). Results are sorted by TelephoneNumber in " +
			"ascending order; -Skip X and -Top Y skip X, then return at most Y (500 by default, up to 1000). The parameters " +
			"filter; -Filter takes \"Attribute -eq 'value'\" forms joined by -and and -or.",
		Params:     p.infos(),
		Outputs:    []string{phoneNumberTypeName},
		OutputType: phoneNumberOutput,
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Get-CsPhoneNumberAssignment -TelephoneNumber +14255550100", Remarks: "Displays one number."},
			{Title: "Example 2", Code: "Get-CsPhoneNumberAssignment -CapabilitiesContain ConferenceAssignment -PstnAssignmentStatus ConferenceAssigned",
				Remarks: "Returns the conference numbers in use."},
			{Title: "Example 3", Code: "Get-CsPhoneNumberAssignment -AssignedPstnTargetId user1@contoso.com", Remarks: "Returns the number assigned to the user."},
			{Title: "Example 4", Code: "Get-CsPhoneNumberAssignment -Filter \"TelephoneNumber -like '+1425*' -and NumberType -eq 'DirectRouting'\"",
				Remarks: "Returns the Direct Routing numbers of area code 425."},
			{Title: "Example 5", Code: "Get-CsPhoneNumberAssignment -Skip 1000 -Top 1000", Remarks: "Returns numbers 1001 through 2000 of the sorted results."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return getPhoneNumbers(c, t, p) }),
	})
}

// getPhoneNumbers runs Get-CsPhoneNumberAssignment.
func getPhoneNumbers(c *engine.Call, t *Tenant, p *getPhoneNumberParams) error {
	var filter *opathNode
	if p.filter.Given(c) {
		var unknown string
		n, err := parseOPath(p.filter.Get(c), func(name string) bool {
			ok := slices.ContainsFunc(phoneNumberFilterAttributes, func(a string) bool { return strings.EqualFold(a, name) })
			if !ok {
				unknown = name
			}
			return ok
		})
		if err != nil {
			return Fail(c, badNumberFilter(p.filter.Get(c), unknown))
		}
		filter = n
	}
	var matched []*acquiredNumber
	err := t.Read(func(r storage.Reader) error {
		all, err := tenantNumbers(r)
		if err != nil {
			return err
		}
		targets := map[string]bool{}
		if p.target.Given(c) {
			id := strings.TrimSpace(p.target.Get(c))
			targets[strings.ToLower(id)] = true
			if us, err := r.FindUsers(id); err == nil && len(us) == 1 {
				targets[strings.ToLower(us[0].ID)] = true
			}
		}
		for _, n := range all {
			if numberSelected(c, p, n, targets) && (filter == nil || filter.match(n.filterObject())) {
				matched = append(matched, n)
			}
		}
		return nil
	})
	if err != nil {
		return Fail(c, err)
	}
	skip := min(p.skip.Get(c), len(matched))
	matched = matched[skip:]
	if top := p.top.Or(c, phoneNumberTopDefault); len(matched) > top {
		matched = matched[:top]
	}
	for _, n := range matched {
		if err := c.WriteObject(n.object()); err != nil {
			return err
		}
	}
	return nil
}

// numberSelected reports whether a number passes the filter parameters
// the call gives (each case-insensitive; numbers with or without "+").
func numberSelected(c *engine.Call, p *getPhoneNumberParams, n *acquiredNumber, targets map[string]bool) bool {
	eq := func(param engine.Param[string], v any) bool {
		if !param.Given(c) {
			return true
		}
		s, _ := v.(string)
		return strings.EqualFold(strings.TrimSpace(param.Get(c)), s)
	}
	digits := strings.ToLower(n.number)
	switch {
	case !eq(p.activation, "Activated"), !eq(p.category, n.category), !eq(p.civic, n.civic), !eq(p.country, n.country),
		!eq(p.location, n.location), !eq(p.numberType, n.numberType), !eq(p.status, n.status), p.site.Given(c):
		return false
	case p.target.Given(c) && !targets[strings.ToLower(n.target)]:
		return false
	case p.number.Given(c) && numberQuery(p.number.Get(c)) != digits,
		p.contain.Given(c) && !strings.Contains(digits, numberQuery(p.contain.Get(c))),
		p.startsWith.Given(c) && !strings.HasPrefix(digits, numberQuery(p.startsWith.Get(c))),
		p.greater.Given(c) && digits <= numberQuery(p.greater.Get(c)),
		p.less.Given(c) && digits >= numberQuery(p.less.Get(c)):
		return false
	}
	if p.capabilities.Given(c) {
		for _, want := range strings.Split(p.capabilities.Get(c), ",") {
			want = strings.TrimSpace(want)
			if want != "" && !slices.ContainsFunc(n.capabilities, func(h string) bool { return strings.EqualFold(h, want) }) {
				return false
			}
		}
	}
	return true
}

// badNumberFilter is the error for a -Filter Get-CsPhoneNumberAssignment
// cannot read.
func badNumberFilter(src, attr string) *engine.ErrorRecord {
	if attr != "" {
		return InvalidArgument("InvalidFilter", src, "The filter \"%s\" is not valid: \"%s\" is not an attribute that can be filtered on.", src, attr)
	}
	return InvalidArgument("InvalidFilter", src,
		"The filter \"%s\" is not valid. Use the form \"Attribute -Operator 'Value'\", for example \"TelephoneNumber -like '+1425*' -and NumberType -eq 'DirectRouting'\".", src)
}
