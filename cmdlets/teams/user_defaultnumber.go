package teams

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// The parameter sets of Set-CsOnlineDialInConferencingUserDefaultNumber.
const (
	dnBridgeName = "BridgeNameParams"
	dnLocation   = "FilterByUsageLocation"
	dnUnique     = "UniqueBridgeParams"
)

// defaultNumberBatch is how many users one transaction of a bulk default
// number change updates.
const defaultNumberBatch = 500

// registerSetUserDefaultNumber adds
// Set-CsOnlineDialInConferencingUserDefaultNumber.
func registerSetUserDefaultNumber(rt *engine.Runtime, t *Tenant) {
	sp := func(name, typ string, sets map[string]bool) *engine.ParamInfo {
		p := &engine.ParamInfo{Name: name, Type: typ}
		for _, s := range []string{dnBridgeName, dnLocation, dnUnique} {
			if m, ok := sets[s]; ok {
				p.Sets = append(p.Sets, engine.ParamSet{Name: s, Position: -1, Mandatory: m})
			}
		}
		return p
	}
	all := map[string]bool{dnBridgeName: true, dnLocation: true, dnUnique: true}
	from := engine.WithCompleter(sp("FromNumber", "String",
		map[string]bool{dnBridgeName: false, dnUnique: true}), t.completeTollNumbers)
	from.AllowNull, from.AllowEmptyString = true, true
	numberType := sp("NumberType", "String", all)
	numberType.ValidateSet = []string{"Toll", "TollFree"}
	p := &defaultNumberParams{
		bridge: bridgeParams{
			name: engine.Declare[string](engine.WithCompleter(sp("BridgeName", "String", map[string]bool{dnBridgeName: true, dnLocation: false}), t.completeBridges)),
			id:   engine.Declare[any](sp("BridgeId", "Guid", map[string]bool{dnLocation: true, dnUnique: true})),
		},
		from:               engine.Declare[string](from),
		to:                 engine.Declare[string](engine.WithCompleter(sp("ToNumber", "String", all), t.completeTollNumbers)),
		numberType:         engine.Declare[string](numberType),
		country:            engine.Declare[string](sp("CountryOrRegion", "String", map[string]bool{dnBridgeName: false, dnLocation: true})),
		area:               engine.Declare[string](sp("AreaOrState", "String", map[string]bool{dnBridgeName: false, dnLocation: false})),
		city:               engine.Declare[string](sp("CapitalOrMajorCity", "String", map[string]bool{dnBridgeName: false, dnLocation: false})),
		rescheduleMeetings: engine.Declare[bool](engine.NamedParam("RescheduleMeetings", "SwitchParameter", "")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsOnlineDialInConferencingUserDefaultNumber", Module: "MicrosoftTeams",
		DefaultSet:            dnUnique,
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                p.infos(),
		New:                   engine.ProcessOnly(func(c *engine.Call) error { return setUserDefaultNumber(c, t, p) }),
	})
}

// defaultNumberParams are Set-CsOnlineDialInConferencingUserDefaultNumber's
// own parameters; it shares -Tenant and -TenantDomain with the other
// conferencing-user cmdlets.
type defaultNumberParams struct {
	bridge               bridgeParams
	from, to, numberType engine.Param[string]
	country, area, city  engine.Param[string]
	rescheduleMeetings   engine.Param[bool]
}

// infos is the declaration list, in the module's order.
func (p *defaultNumberParams) infos() []*engine.ParamInfo {
	params := []*engine.ParamInfo{p.bridge.name.Info(), p.bridge.id.Info(), p.from.Info(), p.to.Info(), p.numberType.Info(),
		p.country.Info(), p.area.Info(), p.city.Info(), p.rescheduleMeetings.Info()}
	params = append(params, userTenant.infos()...)
	return append(params, userDCParam(), userForceParam())
}

// defaultNumberPlan is a resolved bulk change.
type defaultNumberPlan struct {
	bridge   *storage.Bridge
	tollFree bool
	to       string
	hasFrom  bool
	from     string // "" with hasFrom: users without a default
	country  string
	area     string
	city     string
	// reschedule: -RescheduleMeetings, recorded in the audit log.
	reschedule bool
}

// selects reports whether a user is one the change applies to (rule 46).
func (p *defaultNumberPlan) selects(u *storage.User) bool {
	if !EnabledWithMicrosoft(u) || !strings.EqualFold(u.Conferencing.BridgeID, p.bridge.ID) {
		return false
	}
	cur := p.current(u.Conferencing)
	if cur == p.to || p.hasFrom && cur != p.from {
		return false
	}
	if p.country != "" && !countryMatches(u.UsageLocation, p.country) {
		return false
	}
	if p.area != "" && !strings.EqualFold(areaOf(u.City), p.area) {
		return false
	}
	return p.city == "" || strings.EqualFold(u.City, p.city)
}

// current is the default number the change replaces.
func (p *defaultNumberPlan) current(c *storage.Conferencing) string {
	if p.tollFree {
		return c.TollFreeServiceNumber
	}
	return c.ServiceNumber
}

// setUserDefaultNumber runs Set-CsOnlineDialInConferencingUserDefaultNumber.
func setUserDefaultNumber(c *engine.Call, t *Tenant, p *defaultNumberParams) error {
	plan := &defaultNumberPlan{tollFree: strings.EqualFold(p.numberType.Get(c), "TollFree"),
		country: p.country.Get(c), area: p.area.Get(c), city: p.city.Get(c), reschedule: p.rescheduleMeetings.Get(c)}
	var err error
	toNumber := p.to.Get(c)
	if plan.to, err = NormalizeNumber(toNumber); err != nil {
		return err
	}
	if raw, ok := p.from.Lookup(c); ok {
		plan.hasFrom = true
		if strings.TrimSpace(raw) != "" {
			if plan.from, err = NormalizeNumber(raw); err != nil {
				return err
			}
		}
	}
	var ids []string
	err = t.Read(func(r storage.Reader) error {
		if err := userCheckTenant(c, r, userTenant); err != nil {
			return err
		}
		if plan.bridge, err = defaultNumberBridge(c, r, p.bridge); err != nil {
			return err
		}
		typ := storage.NumberToll
		if plan.tollFree {
			typ = storage.NumberTollFree
		}
		kind := "toll"
		if plan.tollFree {
			kind = "toll-free"
		}
		sn, err := r.ServiceNumber(plan.to)
		if err != nil || !strings.EqualFold(sn.BridgeID, plan.bridge.ID) || sn.Type != typ {
			return engine.NewError("InvalidArgument", "ToNumberNotOnBridge", toNumber,
				"The number \"%s\" is not a %s number of the bridge \"%s\".", toNumber, kind, plan.bridge.Name).
				WithException("System.ArgumentException")
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = t.ScanUsers(plan.selects, -1, func(u *storage.User) error {
		ids = append(ids, u.ID)
		return nil
	})
	if err != nil {
		return err
	}
	if ok, err := c.ShouldProcess(plan.bridge.Name, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	changed := 0
	for start := 0; start < len(ids); start += defaultNumberBatch {
		batch := ids[start:min(start+defaultNumberBatch, len(ids))]
		var out ChangeOutcome
		err := t.Change(func(w storage.Writer, admin *storage.User) error {
			out = ChangeOutcome{}
			n, err := applyDefaultNumber(c, t, w, admin, plan, batch, &out)
			changed += n
			return err
		})
		if err != nil {
			return err
		}
		t.Finish(c, &out)
	}
	kind := "toll"
	if plan.tollFree {
		kind = "toll-free"
	}
	c.WriteVerbose(fmt.Sprintf("Changed the default %s number of %d users on the bridge \"%s\".", kind, changed, plan.bridge.Name))
	return nil
}

// applyDefaultNumber changes one batch of users in one transaction.
func applyDefaultNumber(c *engine.Call, t *Tenant, w storage.Writer, admin *storage.User, plan *defaultNumberPlan, ids []string, out *ChangeOutcome) (int, error) {
	s, err := w.Settings()
	if err != nil {
		return 0, err
	}
	prop := "ServiceNumber"
	if plan.tollFree {
		prop = "TollFreeServiceNumber"
	}
	n := 0
	for _, id := range ids {
		u, err := w.User(id)
		if err != nil || !plan.selects(u) {
			continue // changed or removed meanwhile
		}
		old := plan.current(u.Conferencing)
		if plan.tollFree {
			u.Conferencing.TollFreeServiceNumber = plan.to
		} else {
			u.Conferencing.ServiceNumber = plan.to
		}
		u.Modified = w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return n, err
		}
		changes := []storage.Change{{Property: prop, Old: old, New: plan.to}}
		if plan.reschedule {
			changes = append(changes, storage.Change{Property: "RescheduleMeetings", New: "True"})
		}
		if storage.MailsAutomatically(s) {
			k := len(out.Mails)
			if err := t.QueueMail(w, out, MailRequest{Kind: storage.MailChanged, User: u, Conf: u.Conferencing, Quiet: true}); err != nil {
				return n, err
			}
			if len(out.Mails) > k {
				changes = append(changes, storage.Change{Property: "Email", New: storage.MailChanged})
			}
		}
		if err := t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// defaultNumberBridge resolves -BridgeId / -BridgeName.
func defaultNumberBridge(c *engine.Call, r storage.Reader, p bridgeParams) (*storage.Bridge, error) {
	b, err := namedBridge(c, r, p)
	if err != nil {
		return nil, err
	}
	if b == nil {
		return nil, engine.NewError("InvalidArgument", "BridgeRequired", nil,
			"Specify the bridge with the BridgeId or BridgeName parameter.").WithException("System.ArgumentException")
	}
	return b, nil
}

// countryNames are the country names -CountryOrRegion accepts besides
// ISO codes.
var countryNames = map[string]string{
	"US": "United States", "GB": "United Kingdom", "IE": "Ireland", "CA": "Canada", "DE": "Germany", "FR": "France",
	"AU": "Australia", "NL": "Netherlands", "ES": "Spain", "IT": "Italy", "JP": "Japan", "IN": "India",
}

// countryMatches compares a usage location code with a code or name.
func countryMatches(code, want string) bool {
	want = strings.TrimSpace(want)
	if strings.EqualFold(code, want) {
		return true
	}
	name, ok := countryNames[strings.ToUpper(code)]
	return ok && strings.EqualFold(name, want) ||
		strings.EqualFold(want, "USA") && strings.EqualFold(code, "US") ||
		strings.EqualFold(want, "UK") && strings.EqualFold(code, "GB")
}

// areaOf is the state or area of the cities the demo tenant uses (users
// carry a city, not a state).
func areaOf(city string) string {
	switch strings.ToLower(city) {
	case "redmond", "seattle", "bellevue":
		return "WA"
	case "chicago":
		return "IL"
	case "boston":
		return "MA"
	case "london":
		return "England"
	case "dublin":
		return "Leinster"
	}
	return ""
}
