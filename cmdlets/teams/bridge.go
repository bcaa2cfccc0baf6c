package teams

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// bridgeTypeName is the ConfigAPI type of a conferencing bridge.
const bridgeTypeName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.ConferencingBridge"

// bridgeInterfaceName is the model interface the real objects also carry.
const bridgeInterfaceName = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.IConferencingBridge"

// conferencingDisabled reports whether the tenant's PSTN conferencing
// service status is Disabled (rule 39).
func conferencingDisabled(r storage.Reader) (bool, error) {
	tn, err := r.Tenant()
	if err != nil {
		return false, err
	}
	return strings.EqualFold(tn.ConferencingStatus, "Disabled"), nil
}

// bridgeNumbers returns the numbers of a bridge, its default number first,
// then the others in number order.
func bridgeNumbers(all []*storage.ServiceNumber, b *storage.Bridge) []*storage.ServiceNumber {
	var out []*storage.ServiceNumber
	for _, n := range all {
		if strings.EqualFold(n.BridgeID, b.ID) {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Number == b.DefaultServiceNumber, out[j].Number == b.DefaultServiceNumber
		if di != dj {
			return di
		}
		return out[i].Number < out[j].Number
	})
	return out
}

// nestedNumberObject is a service number inside a bridge object: a full
// ConferencingServiceNumber whose text (ToString, list views) is the
// number, as the module shows it (`{14255550100, 12065550100}`).
func nestedNumberObject(n *storage.ServiceNumber) *value.Object {
	o := numberObject(n)
	o.Base = n.Number
	return o
}

// bridgeObject builds the bridge object Get-… returns.
func bridgeObject(b *storage.Bridge, all []*storage.ServiceNumber) *value.Object {
	o := value.NewObject(bridgeTypeName, bridgeInterfaceName, "System.Object")
	o.Set("Identity", b.ID)
	o.Set("Name", b.Name)
	o.Set("Region", b.Region)
	numbers := bridgeNumbers(all, b)
	var def any
	list := make([]any, 0, len(numbers))
	for _, n := range numbers {
		x := nestedNumberObject(n)
		if n.Number == b.DefaultServiceNumber {
			def = x
		}
		list = append(list, x)
	}
	o.Set("DefaultServiceNumber", def)
	o.Set("IsDefault", b.IsDefault)
	o.Set("IsShared", b.IsShared)
	o.Set("ServiceNumbers", list)
	return o
}

// bridgeInfra are the bridge cmdlets' infrastructure parameters.
func bridgeInfra() []*engine.ParamInfo {
	return cfgInfra("Tenant", "TenantDomain", "DomainController", "Force")
}

// resolveBridgeByID finds a bridge by its id.
func resolveBridgeByID(r storage.Reader, id string) (*storage.Bridge, error) {
	b, err := r.Bridge(strings.ToLower(strings.TrimSpace(id)))
	if err != nil {
		return nil, StoreError(err, id)
	}
	return b, nil
}

// resolveBridgeByName finds a bridge by its name (case-insensitive).
func resolveBridgeByName(r storage.Reader, name string) (*storage.Bridge, error) {
	b, err := r.BridgeByName(name)
	if err != nil {
		return nil, StoreError(err, name)
	}
	return b, nil
}

// defaultBridge returns the tenant's default bridge (the only one when
// there is one, rule 7).
func defaultBridge(r storage.Reader) (*storage.Bridge, error) {
	bridges, err := r.Bridges()
	if err != nil {
		return nil, err
	}
	var pick *storage.Bridge
	for _, b := range bridges {
		if pick == nil || b.IsDefault {
			pick = b
		}
		if b.IsDefault {
			break
		}
	}
	if pick == nil {
		return nil, InvalidOperation("NoConferencingBridge", nil, "The tenant has no audio conferencing bridge.")
	}
	return pick, nil
}

// registerTenantBridgeCmdlets adds Get- and Set-CsOnlineDialInConferencingBridge.
func registerTenantBridgeCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: bridgeTypeName, Kind: format.ListView, Columns: []format.Column{
		{Property: "Identity"}, {Property: "Name"}, {Property: "Region"}, {Property: "DefaultServiceNumber"},
		{Property: "IsDefault"}, {Property: "IsShared"}, {Property: "ServiceNumbers"}}})

	getID := engine.Declare[string](engine.ParamInSets("Identity", "Guid", "", 0, true, "UniqueBridgeParams"))
	getName := engine.Declare[string](engine.WithCompleter(engine.ParamInSets("Name", "String", "", -1, true, "BridgeNameParams"), t.completeBridges))
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsOnlineDialInConferencingBridge", Module: "MicrosoftTeams",
		DefaultSet: "EmptySet",
		Params:     cfgParams([]*engine.ParamInfo{getID.Info(), getName.Info()}, bridgeInfra()),
		Outputs:    []string{bridgeTypeName},
		OutputType: bridgeOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			return t.cfgReadList(c, cfgTenant, func(r storage.Reader) ([]*value.Object, error) {
				off, err := conferencingDisabled(r)
				if err != nil || off {
					return nil, err
				}
				all, err := r.ServiceNumbers()
				if err != nil {
					return nil, err
				}
				var bridges []*storage.Bridge
				switch c.Set {
				case "UniqueBridgeParams":
					b, err := resolveBridgeByID(r, getID.Get(c))
					if err != nil {
						return nil, err
					}
					bridges = []*storage.Bridge{b}
				case "BridgeNameParams":
					b, err := resolveBridgeByName(r, getName.Get(c))
					if err != nil {
						return nil, err
					}
					bridges = []*storage.Bridge{b}
				default:
					if bridges, err = r.Bridges(); err != nil {
						return nil, err
					}
				}
				var out []*value.Object
				for _, b := range bridges {
					out = append(out, bridgeObject(b, all))
				}
				return out, nil
			})
		}),
	})

	inst := engine.ParamInSets("Instance", "PSObject", "", 0, true, "InstanceParams")
	inst.Sets[0].FromPipeline = true
	p := &setBridgeParams{
		identity:             engine.Declare[string](engine.ParamInSets("Identity", "Guid", "", 0, true, "UniqueBridgeParams")),
		name:                 engine.Declare[string](engine.WithCompleter(engine.ParamInSets("Name", "String", "", -1, true, "BridgeNameParams"), t.completeBridges)),
		instance:             engine.Declare[any](inst),
		defaultServiceNumber: engine.Declare[any](engine.WithCompleter(engine.NamedParam("DefaultServiceNumber", "String", ""), t.completeTollNumbers)),
		setDefault:           engine.Declare[bool](engine.NamedParam("SetDefault", "SwitchParameter", "")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsOnlineDialInConferencingBridge", Module: "MicrosoftTeams",
		DefaultSet: "UniqueBridgeParams", SupportsShouldProcess: true, ConfirmImpact: "Medium",
		Params: cfgParams([]*engine.ParamInfo{p.identity.Info(), p.name.Info(), p.instance.Info(), p.defaultServiceNumber.Info(), p.setDefault.Info()},
			bridgeInfra()),
		New: engine.ProcessOnly(func(c *engine.Call) error { return setBridge(c, t, p) }),
	})
}

// setBridgeParams are Set-CsOnlineDialInConferencingBridge's own
// parameters (the infrastructure ones are cfgInfra's).
type setBridgeParams struct {
	identity, name       engine.Param[string]
	instance             engine.Param[any]
	defaultServiceNumber engine.Param[any]
	setDefault           engine.Param[bool]
}

// bridgeRequest is what one Set-…Bridge call asks for (rule 47).
type bridgeRequest struct {
	id, name     string // how the bridge is addressed (id wins over name)
	newName      string // rename (instance path only)
	number       string // new default number, "" for no change
	numberGiven  bool
	setDefault   bool
	targetString string // for messages and -WhatIf
}

// bridgeRequestOf reads the call's parameters.
func bridgeRequestOf(c *engine.Call, p *setBridgeParams) bridgeRequest {
	q := bridgeRequest{setDefault: p.setDefault.Get(c)}
	if v := p.defaultServiceNumber.Get(c); v != nil {
		q.number, q.numberGiven = strings.TrimSpace(value.ToString(v)), true
	}
	switch c.Set {
	case "BridgeNameParams":
		q.name = strings.TrimSpace(p.name.Get(c))
		q.targetString = q.name
	case "InstanceParams":
		inst := p.instance.Get(c)
		if _, ok := inst.(*value.Object); !ok {
			// A positional GUID lands here (Instance is a PSObject
			// parameter at position 0 too): it is an -Identity.
			q.id = strings.TrimSpace(value.ToString(inst))
			q.targetString = q.id
			return q
		}
		q.id, _ = cfgObjectString(inst, "Identity")
		q.newName, _ = cfgObjectString(inst, "Name")
		q.newName = strings.TrimSpace(q.newName)
		if !q.numberGiven {
			if d, ok := value.GetMember(inst, "DefaultServiceNumber"); ok && d != nil {
				n, has := cfgObjectString(d, "Number")
				if !has {
					n = value.ToString(d)
				}
				if n = strings.TrimSpace(n); n != "" {
					q.number, q.numberGiven = n, true
				}
			}
		}
		if !p.setDefault.Given(c) {
			if d, ok := value.GetMember(inst, "IsDefault"); ok && d != nil {
				q.setDefault = value.ToBool(d)
			}
		}
		q.targetString = q.id
		if q.newName != "" {
			q.targetString = q.newName
		}
		if q.id == "" {
			q.targetString = value.ToString(inst)
		}
	default:
		q.id = p.identity.Get(c)
		q.targetString = q.id
	}
	return q
}

// setBridge runs Set-CsOnlineDialInConferencingBridge.
func setBridge(c *engine.Call, t *Tenant, p *setBridgeParams) error {
	q := bridgeRequestOf(c, p)
	if c.Set == "InstanceParams" && q.id == "" {
		return Fail(c, InvalidArgument("InvalidBridgeInstance", p.instance.Get(c),
			"The -Instance object is not a conferencing bridge: it has no Identity. Pass an object from Get-CsOnlineDialInConferencingBridge."))
	}
	if ok, err := c.ShouldProcess(q.targetString, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	return t.Do(c, func(w storage.Writer, admin *storage.User) error {
		var b *storage.Bridge
		var err error
		if q.id != "" {
			b, err = resolveBridgeByID(w, q.id)
		} else {
			b, err = resolveBridgeByName(w, q.name)
		}
		if err != nil {
			return err
		}
		nb := *b
		if q.numberGiven {
			num, err := bridgeDefaultNumber(w, b, q.number)
			if err != nil {
				return err
			}
			nb.DefaultServiceNumber = num
		}
		if q.setDefault {
			nb.IsDefault = true
		}
		if q.newName != "" {
			nb.Name = q.newName
		}
		var changes []storage.Change
		changes = AppendChange(changes, "Name", b.Name, nb.Name)
		changes = AppendChange(changes, "DefaultServiceNumber", b.DefaultServiceNumber, nb.DefaultServiceNumber)
		changes = AppendChange(changes, "IsDefault", BoolText(b.IsDefault), BoolText(nb.IsDefault))
		if len(changes) == 0 {
			return nil
		}
		if err := w.PutBridge(&nb); err != nil {
			if dup, ok := err.(*storage.DuplicateError); ok {
				return engine.NewError("ResourceExists", "DuplicateBridgeName", nb.Name, "%s", dup.Error()).
					WithException("System.InvalidOperationException")
			}
			return StoreError(err, nb.Name)
		}
		return t.Audit(w, admin, c, nb.Name, nb.ID, changes)
	})
}

// bridgeDefaultNumber checks a new default number for bridge b: a toll
// service number already assigned to it (rules 37, 38).
func bridgeDefaultNumber(r storage.Reader, b *storage.Bridge, given string) (string, error) {
	num, err := NormalizeNumber(given)
	if err != nil {
		return "", err
	}
	n, err := r.ServiceNumber(num)
	if err != nil || !strings.EqualFold(n.BridgeID, b.ID) {
		return "", InvalidOperation("ServiceNumberNotOnBridge", given,
			"The service number \"%s\" is not assigned to the bridge \"%s\". The default service number must be one of the bridge's service numbers.", given, b.Name)
	}
	if n.Type != storage.NumberToll {
		return "", InvalidOperation("TollFreeDefaultServiceNumber", given,
			"The service number \"%s\" is a toll-free number. Only a toll number can be the default service number of a bridge.", given)
	}
	return n.Number, nil
}
