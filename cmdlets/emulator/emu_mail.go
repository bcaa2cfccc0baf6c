package emulator

import (
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// Type names of the emulator's mail and audit objects.
const (
	tenantMailType  = "csshell.TenantMail"
	tenantAuditType = "csshell.TenantAuditRecord"
)

// emuLastParam is -Last N of the outbox and audit-log readers.
func emuLastParam(what string) *engine.ParamInfo {
	p := engine.NamedParam("Last", "Int32", "Returns only the last N "+what+".")
	p.ValidateRange = &[2]float64{1, 2147483647}
	return p
}

// mailObject builds Get-TenantMail's object.
func mailObject(m *storage.Mail) *value.Object {
	o := value.NewObject(tenantMailType, "System.Management.Automation.PSCustomObject", "System.Object")
	from := m.From
	if m.FromDisplayName != "" {
		from = m.FromDisplayName + " <" + m.From + ">"
	}
	o.Set("To", m.To)
	o.Set("From", from)
	o.Set("Subject", m.Subject)
	o.Set("Body", m.Body)
	o.Set("Kind", m.Kind)
	o.Set("Sent", m.Sent)
	return o
}

// registerTenantEmuMailCmdlets adds Get-TenantMail and Get-TenantAuditLog.
func registerTenantEmuMailCmdlets(rt *engine.Runtime, t *teams.Tenant) {
	rt.Formats.Register(format.View{TypeName: tenantMailType, Kind: format.ListView, Columns: []format.Column{
		{Property: "To"}, {Property: "From"}, {Property: "Subject"}, {Property: "Body"}, {Property: "Kind"}, {Property: "Sent"}}})
	rt.Formats.Register(format.View{TypeName: tenantAuditType, Kind: format.TableView, Columns: []format.Column{
		{Property: "Time"}, {Property: "Account"}, {Property: "Cmdlet"}, {Property: "Target"}, {Property: "Changes"}}})

	toInfo := engine.NamedParam("To", "String", "Returns only the mail to these addresses (wildcards allowed).")
	toInfo.Sets[0].Position = 0
	to, lastMails := engine.Declare[string](toInfo), engine.Declare[int](emuLastParam("emails"))
	rt.Register(&engine.Cmdlet{
		Name: "Get-TenantMail", Module: "csshell",
		Synopsis: "Reads the emulated tenant's outbox: the emails the service sent to users.",
		Description: "Lists the notification emails the tenant sent, oldest first: To, From, Subject, Body, Kind (Enabled, " +
			"PINReset, Info, Changed, Disabled) and Sent. Only the Enabled and PINReset emails contain a PIN. Administrators " +
			"see every email; other accounts see only the emails sent to their own mailbox.",
		Params:  []*engine.ParamInfo{to.Info(), lastMails.Info()},
		Outputs: []string{tenantMailType},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Get-TenantMail -To amos.marble@contoso.com -Last 1", Remarks: "Shows the last email sent to Amos."},
			{Title: "Example 2", Code: "(Get-TenantMail -Last 1).Body -match 'PIN: (\\d+)'", Remarks: "Finds the PIN in the last email."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			pattern := strings.TrimSpace(to.Get(c))
			var mails []*storage.Mail
			err := t.Read(func(r storage.Reader) error {
				me, err := t.SignedIn(r)
				if err != nil {
					return err
				}
				admin := storage.IsConferencingAdmin(me)
				keep := func(m *storage.Mail) bool {
					if !admin && !strings.EqualFold(m.To, me.PrimarySmtpAddress) && !strings.EqualFold(m.To, me.UserPrincipalName) {
						return false
					}
					return pattern == "" || value.Like(m.To, pattern, false)
				}
				mails, err = r.Mail(lastMails.Or(c, 0), keep)
				return err
			})
			if err != nil {
				return teams.Fail(c, err)
			}
			for _, m := range mails {
				if err := c.WriteObject(mailObject(m)); err != nil {
					return err
				}
			}
			return nil
		}),
	})

	id := engine.NamedParam("Identity", "String", "Returns only the records of this target: a user (any identity form), a bridge name, a service number or \"Global\" (wildcards allowed).")
	id.Sets[0].Position = 0
	id.Sets[0].FromPipelineByName = true
	audit := &auditLogParams{identity: engine.Declare[string](id), last: engine.Declare[int](emuLastParam("records"))}
	rt.Register(&engine.Cmdlet{
		Name: "Get-TenantAuditLog", Module: "csshell",
		Synopsis: "Reads the emulated tenant's audit log.",
		Description: "Lists the changes made to the tenant, oldest first: Time, Account (who), Cmdlet, Target and Changes " +
			"(\"Property: old -> new; …\"). PINs are never recorded (a reset shows LeaderPin: ***** -> *****). " +
			"Needs an administrator role.",
		Params:  []*engine.ParamInfo{audit.identity.Info(), audit.last.Info()},
		Outputs: []string{tenantAuditType},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Get-TenantAuditLog -Last 5", Remarks: "The last five changes."},
			{Title: "Example 2", Code: "Get-TenantAuditLog amos.marble@contoso.com", Remarks: "Every change to Amos."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return getAuditLog(c, t, audit) }),
	})
}

// auditLogParams are Get-TenantAuditLog's parameters.
type auditLogParams struct {
	identity engine.Param[string]
	last     engine.Param[int]
}

// getAuditLog runs Get-TenantAuditLog.
func getAuditLog(c *engine.Call, t *teams.Tenant, p *auditLogParams) error {
	target := strings.TrimSpace(p.identity.Get(c))
	var recs []*storage.AuditRecord
	err := t.Read(func(r storage.Reader) error {
		if _, err := t.SignedInAdmin(r); err != nil {
			return err
		}
		userID, number := "", ""
		if target != "" && !value.HasWildcard(target) {
			if users, err := r.FindUsers(target); err == nil && len(users) == 1 {
				userID = users[0].ID
			}
			number, _ = teams.NormalizeNumber(target)
		}
		keep := func(a *storage.AuditRecord) bool {
			switch {
			case target == "":
				return true
			case userID != "" && strings.EqualFold(a.TargetID, userID):
				return true
			case number != "" && a.Target == number:
				return true
			}
			return value.Like(a.Target, target, false) || strings.EqualFold(a.TargetID, target)
		}
		var err error
		recs, err = r.Audit(p.last.Or(c, 0), keep)
		return err
	})
	if err != nil {
		return teams.Fail(c, err)
	}
	for _, a := range recs {
		o := value.NewObject(tenantAuditType, "System.Management.Automation.PSCustomObject", "System.Object")
		o.Set("Time", a.Time)
		o.Set("Account", a.Account)
		o.Set("Cmdlet", a.Cmdlet)
		o.Set("Target", a.Target)
		o.Set("Changes", auditChangesText(a.Changes))
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// auditChangesText renders changes as "Prop: old -> new; …", an empty
// value as $null.
func auditChangesText(changes []storage.Change) string {
	parts := make([]string, len(changes))
	show := func(s string) string {
		if s == "" {
			return "$null"
		}
		return s
	}
	for i, ch := range changes {
		parts[i] = ch.Property + ": " + show(ch.Old) + " -> " + show(ch.New)
	}
	return strings.Join(parts, "; ")
}
