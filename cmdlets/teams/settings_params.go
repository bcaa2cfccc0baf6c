package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// This file holds the parameter and error helpers shared by the
// tenant-level cmdlets (settings, bridges, numbers, policies, emulator).

// cfgInfra returns the service's infrastructure parameters by name:
// Tenant, TenantDomain, DomainController (alias DC), Force, LocalStore,
// AsJob, MsftInternalProcessingMode, declared anew for one cmdlet. They
// are accepted as the real cmdlets accept them; -Tenant must name this
// tenant and -AsJob is refused. Their help here is a fallback for a cmdlet
// without a page: a page's text replaces it (help.go).
func cfgInfra(names ...string) []*engine.ParamInfo {
	var out []*engine.ParamInfo
	for _, n := range names {
		switch n {
		case "Tenant":
			out = append(out, cfgTenant.id.Info())
		case "TenantDomain":
			out = append(out, cfgTenant.domain.Info())
		case "DomainController":
			out = append(out, engine.NamedParam("DomainController", "Fqdn", "Not used with the online service; accepted and ignored.", "DC"))
		case "Force":
			out = append(out, engine.NamedParam("Force", "SwitchParameter", "Suppresses warnings and confirmation prompts."))
		case "LocalStore":
			out = append(out, engine.NamedParam("LocalStore", "SwitchParameter", "Reads the local replica of the configuration store; the offline tenant has one store, so it makes no difference."))
		case "AsJob":
			out = append(out, asJob.Info())
		case "MsftInternalProcessingMode":
			out = append(out, engine.NamedParam("MsftInternalProcessingMode", "String", "Reserved for internal Microsoft use; accepted and ignored."))
		}
	}
	return out
}

// cfgTenant is the -Tenant and -TenantDomain of cfgInfra.
var cfgTenant = tenantParams{
	id: share[any](func() *engine.ParamInfo {
		return engine.NamedParam("Tenant", "Guid",
			"The tenant's id (GUID). Reserved for internal Microsoft use; when given it must be the signed-in tenant's id (Get-CsTenant | Select-Object TenantId).")
	}),
	domain: share[string](func() *engine.ParamInfo {
		return engine.NamedParam("TenantDomain", "String",
			"The tenant's domain. Reserved for internal Microsoft use; when given it must be one of the signed-in tenant's domains.")
	}),
}

// cfgParams concatenates parameter lists.
func cfgParams(lists ...[]*engine.ParamInfo) []*engine.ParamInfo {
	var out []*engine.ParamInfo
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// cfgNoJobs refuses -AsJob (there is no job infrastructure offline), as
// the user cmdlets do.
func cfgNoJobs(c *engine.Call) error { return userCheckNoJob(c) }

// cfgTenantOf is the part of cfgInfra's -Tenant / -TenantDomain the
// running cmdlet declares: the parameters cfgRead and cfgChange check
// against the signed-in tenant, as the user cmdlets do (an administrator
// reaches only their own organisation).
func cfgTenantOf(c *engine.Call) tenantParams {
	var tp tenantParams
	if cfgTenant.id.Declared(c) {
		tp.id = cfgTenant.id
	}
	if cfgTenant.domain.Declared(c) {
		tp.domain = cfgTenant.domain
	}
	return tp
}

// cfgRead runs fn in a read transaction after the -Tenant check of
// cfgInfra's parameters. Callers report its error with cfgFail.
func (t *Tenant) cfgRead(c *engine.Call, fn func(r storage.Reader) error) error {
	return t.cfgReadWith(c, cfgTenantOf(c), fn)
}

// cfgReadWith is cfgRead checking the -Tenant / -TenantDomain of tp.
func (t *Tenant) cfgReadWith(c *engine.Call, tp tenantParams, fn func(r storage.Reader) error) error {
	if err := cfgNoJobs(c); err != nil {
		return err
	}
	return t.Read(func(r storage.Reader) error {
		if err := userCheckTenant(c, r, tp); err != nil {
			return err
		}
		return fn(r)
	})
}

// cfgReadList runs collect in a config read (cfgRead, checking the
// -Tenant / -TenantDomain of tp) and writes the objects it returns; a read
// error is reported with cfgFail and nothing is written.
func (t *Tenant) cfgReadList(c *engine.Call, tp tenantParams, collect func(r storage.Reader) ([]*value.Object, error)) error {
	var out []*value.Object
	err := t.cfgReadWith(c, tp, func(r storage.Reader) error {
		var err error
		out, err = collect(r)
		return err
	})
	if err != nil {
		return Fail(c, err)
	}
	for _, o := range out {
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// cfgChange runs fn in one durable change transaction after the -Tenant
// check of cfgInfra's parameters (the admin role check is t.change's).
// Callers report its error with cfgFail.
func (t *Tenant) cfgChange(c *engine.Call, fn func(w storage.Writer, admin *storage.User) error) error {
	if err := cfgNoJobs(c); err != nil {
		return err
	}
	return t.Change(func(w storage.Writer, admin *storage.User) error {
		if err := userCheckTenant(c, w, cfgTenantOf(c)); err != nil {
			return err
		}
		return fn(w, admin)
	})
}

// Do runs a change with cfgChange and reports its error with cfgFail.
func (t *Tenant) Do(c *engine.Call, fn func(w storage.Writer, admin *storage.User) error) error {
	return Fail(c, t.cfgChange(c, fn))
}

// Fail reports an error of a tenant cmdlet as a non-terminating error
// (as the service's cmdlets do, so a pipeline goes on); nil stays nil.
func Fail(c *engine.Call, err error) error {
	if err == nil {
		return nil
	}
	return UserFail(c, err)
}

// InvalidArgument is an invalid-argument error of a tenant cmdlet.
func InvalidArgument(id string, target any, format string, args ...any) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", id, target, format, args...).
		WithException("System.ArgumentException")
}

// InvalidOperation is an invalid-operation error of a tenant cmdlet: the
// request is well formed but the tenant's state does not allow it.
func InvalidOperation(id string, target any, format string, args ...any) *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", id, target, format, args...).
		WithException("System.InvalidOperationException")
}

// AppendChange appends a change record when old and new differ.
func AppendChange(changes []storage.Change, prop, old, new string) []storage.Change {
	if old == new {
		return changes
	}
	return append(changes, storage.Change{Property: prop, Old: old, New: new})
}

// BoolText is a boolean as PowerShell prints it.
func BoolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// ListText is a string list as an audit value: "a, b, c".
func ListText(l []string) string { return strings.Join(l, ", ") }

// StringArray turns a list of strings into a PowerShell array.
func StringArray(l []string) []any {
	out := make([]any, len(l))
	for i, s := range l {
		out[i] = s
	}
	return out
}

// cfgObjectString reads a property of an -Instance object as a string,
// and whether it has it.
func cfgObjectString(v any, name string) (string, bool) {
	x, ok := value.GetMember(v, name)
	if !ok || x == nil {
		return "", ok
	}
	return value.ToString(x), true
}
