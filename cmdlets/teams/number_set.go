package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// maxSecondaryLanguages is the most secondary languages a number has (rule 42).
const maxSecondaryLanguages = 4

// numberInfra are the Register/Unregister cmdlets' infrastructure parameters.
func numberInfra() []*engine.ParamInfo {
	return cfgInfra("Tenant", "TenantDomain", "DomainController", "Force")
}

// numberIDParams are the -Identity / -Instance parameters of a number
// cmdlet (sets UniqueNumberParams and InstanceParams).
type numberIDParams struct {
	identity, instance engine.Param[any]
}

// numberIdentityParams declares the -Identity and -Instance of a number
// cmdlet.
func (t *Tenant) numberIdentityParams() numberIDParams {
	inst := engine.ParamInSets("Instance", "PSObject", "", 0, true, "InstanceParams")
	inst.Sets[0].FromPipeline = true
	return numberIDParams{
		identity: engine.Declare[any](engine.WithCompleter(engine.ParamInSets("Identity", "String", "", 0, true, "UniqueNumberParams"), t.CompleteServiceNumbers)),
		instance: engine.Declare[any](inst),
	}
}

// infos are the declarations, -Identity then -Instance.
func (p numberIDParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.identity.Info(), p.instance.Info()}
}

// number is the number the call names by -Identity or -Instance.
func (p numberIDParams) number(c *engine.Call) string {
	if c.Set == "InstanceParams" {
		return numberText(p.instance.Get(c))
	}
	return numberText(p.identity.Get(c))
}

// numberTargetBridge returns the bridge named by -BridgeId or -BridgeName
// (nil when neither is given).
func numberTargetBridge(c *engine.Call, r storage.Reader, p bridgeParams) (*storage.Bridge, error) {
	if id := p.id.Get(c); id != nil {
		return resolveBridgeByID(r, value.ToString(id))
	}
	if name := p.name.Get(c); strings.TrimSpace(name) != "" {
		return resolveBridgeByName(r, name)
	}
	return nil, nil
}

// resolveOwnNumber is resolveNumber for a change: a number shared between
// tenants is refused with sharedNumberError.
func resolveOwnNumber(r storage.Reader, given string) (*storage.ServiceNumber, error) {
	n, err := resolveNumber(r, given)
	if err != nil {
		return nil, err
	}
	if n.IsShared {
		return nil, sharedNumberError(given)
	}
	return n, nil
}

// sharedNumberError refuses a change to a number shared between tenants
// (rules 40, 41).
func sharedNumberError(given string) *engine.ErrorRecord {
	return InvalidOperation("SharedServiceNumber", given,
		"The service number \"%s\" is shared between tenants and cannot be changed, assigned or unassigned by the tenant administrator. Contact Microsoft support.", given)
}

// registerTenantNumberSetCmdlets adds Register-, Unregister- and
// Set-CsOnlineDialInConferencingServiceNumber.
func registerTenantNumberSetCmdlets(rt *engine.Runtime, t *Tenant) {
	bridge := bridgeParams{
		id:   engine.Declare[any](engine.NamedParam("BridgeId", "Guid", "")),
		name: engine.Declare[string](engine.WithCompleter(engine.NamedParam("BridgeName", "String", ""), t.completeBridges)),
	}
	bridgeInfos := []*engine.ParamInfo{bridge.id.Info(), bridge.name.Info()}
	register := t.numberIdentityParams()
	rt.Register(&engine.Cmdlet{
		Name: "Register-CsOnlineDialInConferencingServiceNumber", Module: "MicrosoftTeams",
		DefaultSet: "UniqueNumberParams",
		Params:     cfgParams(register.infos(), bridgeInfos, numberInfra()),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			given := register.number(c)
			return t.Do(c, func(w storage.Writer, admin *storage.User) error {
				num, err := NormalizeNumber(given)
				if err != nil {
					return err
				}
				n, err := w.ServiceNumber(num)
				if err != nil {
					return InvalidOperation("NotAServiceNumber", given,
						"The number \"%s\" is not a service number of the tenant. Only numbers of type \"service\" acquired for the tenant can be assigned to an audio conferencing bridge.", given)
				}
				if n.IsShared {
					return sharedNumberError(given)
				}
				b, err := numberTargetBridge(c, w, bridge)
				if err != nil {
					return err
				}
				if b == nil {
					if b, err = defaultBridge(w); err != nil {
						return StoreError(err, given)
					}
				}
				if n.BridgeID != "" {
					owner := n.BridgeID
					if ob, err := w.Bridge(n.BridgeID); err == nil {
						owner = ob.Name
					}
					return InvalidOperation("ServiceNumberAlreadyAssigned", given,
						"The service number \"%s\" is already assigned to the bridge \"%s\". Unregister it from that bridge first.", given, owner)
				}
				n.BridgeID = b.ID
				if err := w.PutServiceNumber(n); err != nil {
					return StoreError(err, given)
				}
				return t.Audit(w, admin, c, n.Number, "", []storage.Change{{Property: "BridgeId", Old: "", New: b.ID}})
			})
		}),
	})

	unregister := unregisterNumberParams{numberIDParams: t.numberIdentityParams(), bridge: bridge,
		removeDefault: engine.Declare[bool](engine.NamedParam("RemoveDefaultServiceNumber", "SwitchParameter", ""))}
	rt.Register(&engine.Cmdlet{
		Name: "Unregister-CsOnlineDialInConferencingServiceNumber", Module: "MicrosoftTeams",
		DefaultSet: "UniqueNumberParams",
		Params:     cfgParams(unregister.infos(), bridgeInfos, []*engine.ParamInfo{unregister.removeDefault.Info()}, numberInfra()),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			given := unregister.number(c)
			return t.Do(c, func(w storage.Writer, admin *storage.User) error {
				return unregisterNumber(c, t, &unregister, w, admin, given)
			})
		}),
	})

	languages := numberLanguageParams{numberIDParams: t.numberIdentityParams(),
		primary:   engine.Declare[string](engine.NamedParam("PrimaryLanguage", "String", "")),
		secondary: engine.Declare[[]string](engine.NamedParam("SecondaryLanguages", "String[]", "")),
		restore:   engine.Declare[bool](engine.NamedParam("RestoreDefaultLanguages", "SwitchParameter", "")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsOnlineDialInConferencingServiceNumber", Module: "MicrosoftTeams",
		DefaultSet: "UniqueNumberParams", SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: cfgParams(languages.infos(), []*engine.ParamInfo{languages.primary.Info(), languages.secondary.Info(), languages.restore.Info()},
			cfgInfra("Tenant", "DomainController", "Force")),
		New: engine.ProcessOnly(func(c *engine.Call) error {
			given := languages.number(c)
			if ok, err := c.ShouldProcess(given, c.Cmdlet.Name); err != nil || !ok {
				return err
			}
			return t.Do(c, func(w storage.Writer, admin *storage.User) error {
				return setNumberLanguages(c, t, &languages, w, admin, given)
			})
		}),
	})
}

// unregisterNumberParams are Unregister-CsOnlineDialInConferencingServiceNumber's
// own parameters (it shares -BridgeId and -BridgeName with Register-…).
type unregisterNumberParams struct {
	numberIDParams
	bridge        bridgeParams
	removeDefault engine.Param[bool]
}

// unregisterNumber performs Unregister-…ServiceNumber inside the change.
func unregisterNumber(c *engine.Call, t *Tenant, p *unregisterNumberParams, w storage.Writer, admin *storage.User, given string) error {
	n, err := resolveOwnNumber(w, given)
	if err != nil {
		return err
	}
	if n.BridgeID == "" {
		return InvalidOperation("ServiceNumberNotAssigned", given, "The service number \"%s\" is not assigned to a bridge.", given)
	}
	want, err := numberTargetBridge(c, w, p.bridge)
	if err != nil {
		return err
	}
	if want != nil && !strings.EqualFold(want.ID, n.BridgeID) {
		return InvalidOperation("ServiceNumberNotOnBridge", given,
			"The service number \"%s\" is not assigned to the bridge \"%s\".", given, want.Name)
	}
	b, err := w.Bridge(n.BridgeID)
	if err != nil {
		return StoreError(err, given)
	}
	if b.DefaultServiceNumber == n.Number {
		return InvalidOperation("DefaultServiceNumberCannotBeUnassigned", given,
			"The service number \"%s\" is the default service number of the bridge \"%s\" and cannot be unassigned. Make another toll number the bridge's default first (Set-CsOnlineDialInConferencingBridge -DefaultServiceNumber).", given, b.Name)
	}
	users, err := usersWithDefaultNumber(w, n.Number)
	if err != nil {
		return StoreError(err, given)
	}
	if len(users) > 0 && !p.removeDefault.Get(c) {
		return InvalidOperation("ServiceNumberInUse", given,
			"The service number \"%s\" is the default number of %d user(s), e.g. %s. Change their default number first (Set-CsOnlineDialInConferencingUser -ServiceNumber / -TollFreeServiceNumber), or use -RemoveDefaultServiceNumber.",
			given, len(users), users[0].UserPrincipalName)
	}
	nums, err := w.ServiceNumbers()
	if err != nil {
		return StoreError(err, given)
	}
	for _, u := range users {
		if err := replaceDefaultNumber(t, w, admin, c, u, n, b, nums); err != nil {
			return err
		}
	}
	n.BridgeID = ""
	if err := w.PutServiceNumber(n); err != nil {
		return StoreError(err, given)
	}
	return t.Audit(w, admin, c, n.Number, "", []storage.Change{{Property: "BridgeId", Old: b.ID, New: ""}})
}

// usersWithDefaultNumber lists the users whose default toll or toll-free
// number is number.
func usersWithDefaultNumber(r storage.Reader, number string) ([]*storage.User, error) {
	var out []*storage.User
	err := r.ScanUsers("", 0, func(u *storage.User) error {
		if cf := u.Conferencing; cf != nil && (cf.ServiceNumber == number || cf.TollFreeServiceNumber == number) {
			out = append(out, u)
		}
		return nil
	})
	return out, err
}

// replaceDefaultNumber gives a user who has n as a default number the
// bridge's default toll number, or another toll-free number of the bridge.
func replaceDefaultNumber(t *Tenant, w storage.Writer, admin *storage.User, c *engine.Call, u *storage.User, n *storage.ServiceNumber, b *storage.Bridge, nums []*storage.ServiceNumber) error {
	cf := *u.Conferencing
	var changes []storage.Change
	if cf.ServiceNumber == n.Number {
		changes = AppendChange(changes, "ServiceNumber", cf.ServiceNumber, b.DefaultServiceNumber)
		cf.ServiceNumber = b.DefaultServiceNumber
	}
	if cf.TollFreeServiceNumber == n.Number {
		other := ""
		for _, x := range nums {
			if x.Number != n.Number && x.Type == storage.NumberTollFree && strings.EqualFold(x.BridgeID, b.ID) {
				other = x.Number
				break
			}
		}
		changes = AppendChange(changes, "TollFreeServiceNumber", cf.TollFreeServiceNumber, other)
		cf.TollFreeServiceNumber = other
	}
	u.Conferencing = &cf
	u.Modified = w.Now().UTC()
	if err := w.PutUser(u); err != nil {
		return StoreError(err, u.UserPrincipalName)
	}
	return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
}

// numberLanguageParams are Set-CsOnlineDialInConferencingServiceNumber's
// own parameters.
type numberLanguageParams struct {
	numberIDParams
	primary   engine.Param[string]
	secondary engine.Param[[]string]
	restore   engine.Param[bool]
}

// setNumberLanguages performs Set-…ServiceNumber inside the change.
func setNumberLanguages(c *engine.Call, t *Tenant, p *numberLanguageParams, w storage.Writer, admin *storage.User, given string) error {
	n, err := resolveOwnNumber(w, given)
	if err != nil {
		return err
	}
	primary, secondary := n.PrimaryLanguage, append([]string{}, n.SecondaryLanguages...)
	restore := p.restore.Get(c)
	if restore && (p.primary.Given(c) || p.secondary.Given(c)) {
		return InvalidArgument("RestoreDefaultLanguagesConflict", given,
			"-RestoreDefaultLanguages cannot be used with -PrimaryLanguage or -SecondaryLanguages.")
	}
	if restore {
		primary, secondary = defaultLanguages(n.Number)
	}
	if code, ok := p.primary.Lookup(c); ok {
		canon, ok := canonicalLanguage(code)
		if !ok {
			return unsupportedLanguage(code)
		}
		primary = canon
	}
	if codes, ok := p.secondary.Lookup(c); ok {
		secondary = []string{}
		for _, code := range codes {
			if code = strings.TrimSpace(code); code == "" {
				continue
			}
			canon, ok := canonicalLanguage(code)
			if !ok {
				return unsupportedLanguage(code)
			}
			secondary = append(secondary, canon)
		}
	}
	if len(secondary) > maxSecondaryLanguages {
		return InvalidArgument("TooManySecondaryLanguages", given,
			"A service number can have at most %d secondary languages; %d were given.", maxSecondaryLanguages, len(secondary))
	}
	seen := map[string]bool{primary: true}
	for _, l := range secondary {
		if seen[l] {
			return InvalidArgument("DuplicateLanguage", l,
				"The language \"%s\" is given more than once: the primary and secondary languages of a number must all be different.", l)
		}
		seen[l] = true
	}
	var changes []storage.Change
	changes = AppendChange(changes, "PrimaryLanguage", n.PrimaryLanguage, primary)
	changes = AppendChange(changes, "SecondaryLanguages", ListText(n.SecondaryLanguages), ListText(secondary))
	if len(changes) == 0 {
		return nil
	}
	n.PrimaryLanguage, n.SecondaryLanguages = primary, secondary
	if err := w.PutServiceNumber(n); err != nil {
		return StoreError(err, given)
	}
	return t.Audit(w, admin, c, n.Number, "", changes)
}

// unsupportedLanguage is the error for a culture code audio conferencing
// does not offer.
func unsupportedLanguage(code string) *engine.ErrorRecord {
	return InvalidArgument("UnsupportedLanguage", code,
		"The language \"%s\" is not supported for audio conferencing. Get-CsOnlineDialInConferencingLanguagesSupported lists the supported languages.", code)
}
