package teams

import (
	"regexp"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// tenantTypeName is the type of Get-CsTenant's object.
const tenantTypeName = "Microsoft.Rtc.Management.ADConnect.Schema.TenantObject"

// tenantObject builds Get-CsTenant's object: the properties scripts use.
func tenantObject(tn *storage.Tenant) *value.Object {
	o := value.NewObject(tenantTypeName, "System.Object")
	var id any = tn.ID
	if g, ok := value.ParseGuid(tn.ID); ok {
		id = g
	}
	o.Set("TenantId", id)
	o.Set("DisplayName", tn.Name)
	o.Set("VerifiedDomains", StringArray(tn.Domains))
	o.Set("SipDomain", StringArray(tn.Domains))
	o.Set("Domains", StringArray(tn.Domains))
	return o
}

// filterClause is one "Property -op 'value'" comparison of a -Filter.
var filterClause = regexp.MustCompile(`(?is)^\s*\{?\s*\$?(?:_\.)?([A-Za-z][A-Za-z0-9]*)\s+-(eq|ne|like|notlike|ceq|cne|clike|cnotlike)\s+(?:'([^']*)'|"([^"]*)"|(\S+?))\s*\}?\s*$`)

// matchSimpleFilter evaluates a -Filter of the form `Property -op 'value'`
// (eq, ne, like, notlike, optionally case-sensitive) against an object; a
// multi-valued property matches when any value does.
func matchSimpleFilter(o *value.Object, filter string) (bool, error) {
	m := filterClause.FindStringSubmatch(filter)
	if m == nil {
		return false, InvalidArgument("InvalidFilter", filter,
			"The filter \"%s\" is not valid. Use the form Property -eq 'value' (or -ne, -like, -notlike).", filter)
	}
	prop, op, want := m[1], strings.ToLower(m[2]), m[3]+m[4]+m[5]
	cs := strings.HasPrefix(op, "c")
	op = strings.TrimPrefix(op, "c")
	v, ok := o.Get(prop)
	if !ok {
		return false, InvalidArgument("InvalidFilterProperty", prop, "The filter property \"%s\" is not a property of the object.", prop)
	}
	items, isList := value.Enumerate(v)
	if !isList {
		items = []any{v}
	}
	any1 := false
	for _, it := range items {
		s := value.ToString(it)
		var hit bool
		switch op {
		case "eq", "ne":
			hit = s == want || (!cs && strings.EqualFold(s, want))
		default:
			hit = value.Like(s, want, cs)
		}
		if hit {
			any1 = true
			break
		}
	}
	if op == "ne" || op == "notlike" {
		return !any1, nil
	}
	return any1, nil
}

// registerTenantInfoCmdlets adds Get-CsTenant.
func registerTenantInfoCmdlets(rt *engine.Runtime, t *Tenant) {
	rt.Formats.Register(format.View{TypeName: tenantTypeName, Kind: format.ListView, Columns: []format.Column{
		{Property: "TenantId"}, {Property: "DisplayName"}, {Property: "VerifiedDomains"}, {Property: "SipDomain"}, {Property: "Domains"}}})
	id := engine.NamedParam("Identity", "Object", "")
	id.Sets[0].Position = 0
	id.Sets[0].FromPipeline = true
	id.Sets[0].FromPipelineByName = true
	rs := engine.NamedParam("ResultSize", "Int32", "")
	rs.ValidateRange = &[2]float64{0, 2147483647}
	identity := engine.Declare[any](id)
	filter := engine.Declare[string](engine.NamedParam("Filter", "String", ""))
	resultSize := declareInt(rs)
	rt.Register(&engine.Cmdlet{
		Name: "Get-CsTenant", Module: "MicrosoftTeams",
		Params:     cfgParams([]*engine.ParamInfo{identity.Info(), filter.Info(), resultSize.Info()}, cfgInfra("DomainController")),
		Outputs:    []string{tenantTypeName},
		OutputType: tenantOutput,
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var tn *storage.Tenant
			err := t.Read(func(r storage.Reader) error {
				var err error
				tn, err = r.Tenant()
				return err
			})
			if err != nil {
				return Fail(c, err)
			}
			if resultSize.Or(c, 1) == 0 {
				return nil
			}
			if want := identity.Get(c); want != nil {
				if o, ok := want.(*value.Object); ok {
					if s, ok := cfgObjectString(o, "TenantId"); ok {
						want = s
					}
				}
				s := strings.TrimSpace(value.ToString(want))
				if !strings.EqualFold(s, tn.ID) && !strings.EqualFold(s, tn.Name) {
					return Fail(c, notFound(s))
				}
			}
			o := tenantObject(tn)
			if f := filter.Get(c); f != "" {
				ok, err := matchSimpleFilter(o, f)
				if err != nil || !ok {
					return Fail(c, err)
				}
			}
			return c.WriteObject(o)
		}),
	})
}
