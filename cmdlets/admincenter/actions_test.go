package admincenter_test

import (
	"context"
	"errors"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/admincenter"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

var pinShown = regexp.MustCompile(`id="new-pin" aria-label="New PIN">(\d+)<`)

// resetPIN walks the dialog: the confirmation page, then Reset. It
// returns the result page and the form it submitted.
func resetPIN(t *testing.T, b *browser, id string) (page, url.Values) {
	t.Helper()
	confirm := b.get("/users/" + id + "/reset-pin")
	if confirm.status != http.StatusOK {
		t.Fatalf("confirmation: %d", confirm.status)
	}
	mustContain(t, confirm, "Reset PIN?")
	form := url.Values{"csrf": {field(csrfField, confirm)}, "once": {field(onceField, confirm)}}
	return b.post("/users/"+id+"/reset-pin", form), form
}

func TestResetPINShownOnce(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	id := c.userID(amos)
	mustContain(t, b.get("/users/"+id+"/reset-pin"), "An email goes to amos.marble@contoso.com.")
	res, form := resetPIN(t, b, id)
	if res.status != http.StatusOK {
		t.Fatalf("reset: %d\n%s", res.status, res.body)
	}
	if cc := res.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("PIN page Cache-Control %q", cc)
	}
	m := pinShown.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatalf("no PIN on the result page:\n%s", res.body)
	}
	pin := m[1]
	if len(pin) != 5 {
		t.Errorf("PIN %q is not of the tenant's length 5", pin)
	}
	mustContain(t, res, "An email with the new PIN was sent to amos.marble@contoso.com.")
	if strings.Contains(res.header.Get("Set-Cookie"), pin) || strings.Contains(res.header.Get("Location"), pin) {
		t.Error("the PIN is in a header")
	}
	// The shell sees the same PIN, and the same mask.
	if got := c.shell.Run("Test-TenantLeaderPin -Identity " + amos + " -Pin " + pin); got != "True" {
		t.Errorf("Test-TenantLeaderPin with the shown PIN: %q", got)
	}
	if got := c.shell.Run("(Get-CsOnlineDialInConferencingUser -Identity " + amos + ").LeaderPin"); got != "*****" {
		t.Errorf("Get-CsOnlineDialInConferencingUser LeaderPin %q", got)
	}
	// The mail, exactly as the cmdlet sends it: to the mailbox, PIN inside.
	if got := c.shell.Run("$m = Get-TenantMail -Last 1; $m.To; $m.Kind; $m.Body -match 'PIN: " + pin + "'"); got != "amos.marble@contoso.com\nPINReset\nTrue" {
		t.Errorf("outbox: %q", got)
	}
	// Audited as the admin who clicked, without the PIN.
	audit := c.shell.Run("Get-TenantAuditLog | ? Cmdlet -like 'Admin center (*' | Select-Object -Last 1 | % { $_.Account + '|' + $_.Cmdlet + '|' + $_.Target + '|' + $_.Changes }")
	if audit != globalAdmin+"|Admin center (Reset PIN)|"+amos+"|LeaderPin: ***** -> *****; Email: $null -> PINReset" {
		t.Errorf("audit record %q", audit)
	}
	// Never again: the pane, a resubmitted form (reload), the outbox.
	pane := b.get("/users?user=" + id)
	mustContain(t, pane, `<dd id="pin">*****</dd>`)
	mustNotContain(t, pane, pin)
	again := b.post("/users/"+id+"/reset-pin", form)
	if again.status != http.StatusSeeOther {
		t.Errorf("resubmitted reset: %d", again.status)
	}
	mustNotContain(t, again, pin)
	after := b.get(again.header.Get("Location"))
	mustContain(t, after, "shown once")
	mustNotContain(t, after, pin)
	if got := c.shell.Run("Test-TenantLeaderPin -Identity " + amos + " -Pin " + pin); got != "True" {
		t.Errorf("the resubmitted form reset the PIN again: %q", got)
	}
	outbox := b.get("/outbox?to=amos")
	mustContain(t, outbox, "PIN: *****", "Your Audio Conferencing PIN has been reset")
	mustNotContain(t, outbox, "PIN: "+pin)
}

func TestForgedPostRefused(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	id := c.userID(amos)
	confirm := b.get("/users/" + id + "/reset-pin")
	once := field(onceField, confirm)
	before := c.shell.Run("Get-TenantAuditLog | Measure-Object | % Count")
	cases := map[string]func() page{
		"no token": func() page { return b.post("/users/"+id+"/reset-pin", url.Values{"once": {once}}) },
		"wrong token": func() page {
			return b.post("/users/"+id+"/reset-pin", url.Values{"once": {once}, "csrf": {"x" + field(csrfField, confirm)}})
		},
		"other site": func() page {
			req, _ := http.NewRequest(http.MethodPost, b.base+"/users/"+id+"/reset-pin",
				strings.NewReader(url.Values{"once": {once}, "csrf": {field(csrfField, confirm)}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Origin", "https://evil.example")
			return b.do(req)
		},
		"no session": func() page {
			return c.browser().post("/users/"+id+"/reset-pin", url.Values{"once": {once}, "csrf": {field(csrfField, confirm)}})
		},
	}
	for name, post := range cases {
		p := post()
		if p.status != http.StatusForbidden {
			t.Errorf("%s: status %d", name, p.status)
		}
		mustNotContain(t, p, "new-pin")
	}
	if after := c.shell.Run("Get-TenantAuditLog | Measure-Object | % Count"); after != before {
		t.Errorf("a refused POST changed the tenant: audit %s -> %s", before, after)
	}
}

func TestResetConferenceIDSeenByCmdlet(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(teamsAdmin)
	id := c.userID(amos)
	old := c.shell.Run("(Get-CsOnlineDialInConferencingUser -Identity " + amos + ").ConferenceId")
	confirm := b.get("/users/" + id + "/reset-conference-id")
	mustContain(t, confirm, "Reset conference ID?")
	p := b.post("/users/"+id+"/reset-conference-id", url.Values{"csrf": {field(csrfField, confirm)}, "once": {field(onceField, confirm)}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("reset conference id: %d\n%s", p.status, p.body)
	}
	cid := c.shell.Run("(Get-CsOnlineDialInConferencingUser -Identity " + amos + ").ConferenceId")
	if cid == old || len(cid) != 7 {
		t.Fatalf("conference ID %s -> %s", old, cid)
	}
	pane := b.get(p.header.Get("Location"))
	mustContain(t, pane, "The new conference ID of Amos Marble is "+cid+".", `<dd id="conference-id">`+cid+`</dd>`)
	audit := c.shell.Run("Get-TenantAuditLog -Last 1 | % { $_.Account + '|' + $_.Cmdlet + '|' + $_.Changes }")
	if !strings.HasPrefix(audit, teamsAdmin+"|Admin center (Reset conference ID)|ConferenceId: "+old+" -> "+cid) {
		t.Errorf("audit %q", audit)
	}
	if got := c.shell.Run("(Get-TenantMail -Last 1).Kind"); got != "Changed" {
		t.Errorf("mail kind %q", got)
	}
}

func TestSendConferenceInfo(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	id := c.userID(amos)
	p := b.post("/users/"+id+"/send-info", url.Values{"csrf": {b.csrf()}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("send info: %d", p.status)
	}
	mustContain(t, b.get(p.header.Get("Location")), "An email was sent to amos.marble@contoso.com.")
	if got := c.shell.Run("$m = Get-TenantMail -Last 1; $m.Kind; $m.Body -match 'PIN'"); got != "Info\nFalse" {
		t.Errorf("info mail: %q", got)
	}
	// No mailbox: the cmdlet's warning, no mail.
	david := c.userID("david.longmuir@contoso.com")
	p = b.post("/users/"+david+"/send-info", url.Values{"csrf": {b.csrf()}})
	mustContain(t, b.get(p.header.Get("Location")), "has no mailbox, so no email was sent")
}

func TestEditNumbersSameRulesAsCmdlet(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	id := c.userID(amos)
	form := b.get("/users/" + id + "/edit")
	mustContain(t, form, "&#43;12065550100 (Seattle)", "&#43;18005550100")
	tok := field(csrfField, form)
	p := b.post("/users/"+id+"/edit", url.Values{"csrf": {tok}, "toll": {"12065550100"}, "tollfree": {""}, "allowtollfree": {"on"}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", p.status, p.body)
	}
	got := c.shell.Run("$u = Get-CsOnlineDialInConferencingUser -Identity " + amos + "; $u.ServiceNumber; [string]$u.TollFreeServiceNumber; $u.AllowTollFreeDialIn")
	if got != "12065550100\n\nTrue" {
		t.Errorf("after the edit the cmdlet shows %q", got)
	}
	// A number of another bridge: the cmdlet's own refusal, nothing changed.
	bad := b.post("/users/"+id+"/edit", url.Values{"csrf": {tok}, "toll": {"442075550100"}, "tollfree": {""}})
	if bad.status != http.StatusUnprocessableEntity {
		t.Errorf("other bridge's number: %d", bad.status)
	}
	want := c.shell.Run("Set-CsOnlineDialInConferencingUser -Identity " + amos + " -ServiceNumber 442075550100 2>&1 | % { $_.Exception.Message }")
	if want == "" || !strings.Contains(bad.body, html.EscapeString(want)) {
		t.Errorf("the page does not give the cmdlet's message %q:\n%s", want, bad.body)
	}
	if got := c.shell.Run("(Get-CsOnlineDialInConferencingUser -Identity " + amos + ").ServiceNumber"); got != "12065550100" {
		t.Errorf("a refused edit changed the number: %s", got)
	}
}

func TestThirdPartyUserHasNoActions(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	id := c.userID("megan.bowen@contoso.com")
	pane := b.get("/users?user=" + id)
	mustContain(t, pane, "Intercall")
	mustNotContain(t, pane, `id="reset-pin"`)
	// The server refuses it all the same, in the cmdlet's words.
	confirm := b.get("/users/" + id + "/reset-pin")
	p := b.post("/users/"+id+"/reset-pin", url.Values{"csrf": {field(csrfField, confirm)}, "once": {field(onceField, confirm)}})
	if p.status != http.StatusUnprocessableEntity {
		t.Errorf("third-party reset: %d", p.status)
	}
	mustNotContain(t, p, "new-pin")
}

func TestAdminWhoLosesRoleIsRefused(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(teamsAdmin)
	tok := b.csrf()
	if out := c.shell.Run("Set-TenantUser " + teamsAdmin + " -RemoveRole 'Teams Administrator'"); out != "" {
		t.Fatalf("Set-TenantUser: %s", out)
	}
	p := b.post("/users/"+c.userID(amos)+"/send-info", url.Values{"csrf": {tok}})
	if p.status != http.StatusForbidden {
		t.Errorf("after losing the role: %d", p.status)
	}
	mustContain(t, p, "You don&#39;t have permission")
	if got := c.shell.Run("(Get-TenantMail).Count"); got != "0" {
		t.Errorf("mail sent by a former admin: %s", got)
	}
	// The session is over: even reading needs signing in again.
	if p := b.get("/users"); p.status != http.StatusSeeOther {
		t.Errorf("former admin reads /users: %d", p.status)
	}
}

func TestChangeAsRechecksTheRole(t *testing.T) {
	c := demoCenter(t)
	err := c.shell.Tenant.ChangeAs(plainUser, func(storage.Writer, *storage.User) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "Access Denied") {
		t.Errorf("ChangeAs as a non-admin: %v", err)
	}
}

func TestMailGoesToTheRelay(t *testing.T) {
	var sent []*engine.OutboundMail
	c := newCenter(t, admincenter.Options{AllowDemoPasswords: true, MailRelay: func() string { return "relay.contoso.test:25" },
		SendMail: func(_ context.Context, m *engine.OutboundMail) error { sent = append(sent, m); return nil }})
	b := c.signedIn(globalAdmin)
	res, _ := resetPIN(t, b, c.userID(amos))
	pin := pinShown.FindStringSubmatch(res.body)
	if pin == nil || len(sent) != 1 {
		t.Fatalf("%d mails relayed", len(sent))
	}
	if m := sent[0]; m.Relay != "relay.contoso.test:25" || m.To[0] != amos || !strings.Contains(string(m.Data), "PIN: "+pin[1]) {
		t.Errorf("relayed %+v", m)
	}
	// A relay that fails: the cmdlet's warning on the page, the mail kept.
	c2 := newCenter(t, admincenter.Options{AllowDemoPasswords: true, MailRelay: func() string { return "relay.contoso.test:25" },
		SendMail: func(context.Context, *engine.OutboundMail) error { return errors.New("connection refused") }})
	res, _ = resetPIN(t, c2.signedIn(globalAdmin), c2.userID(amos))
	mustContain(t, res, "is in the outbox but could not be delivered: connection refused")
}

func TestShellChangeSeenAtOnce(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	pane := "/users?user=" + c.userID(amos)
	mustContain(t, b.get(pane), "&#43;14255550100 (Redmond)")
	if out := c.shell.Run("Set-CsOnlineDialInConferencingUser -Identity " + amos + " -ServiceNumber 12065550100"); out != "" {
		t.Fatalf("Set-CsOnlineDialInConferencingUser: %s", out)
	}
	mustContain(t, b.get(pane), "&#43;12065550100 (Seattle)")
	mustContain(t, b.get("/audit?q=amos"), "Set-CsOnlineDialInConferencingUser", "ServiceNumber: 14255550100 → 12065550100")
}

func TestPINNeverLogged(t *testing.T) {
	var log strings.Builder
	c := newCenter(t, admincenter.Options{AllowDemoPasswords: true, ErrorLog: &log})
	b := c.signedIn(globalAdmin)
	res, _ := resetPIN(t, b, c.userID(amos))
	m := pinShown.FindStringSubmatch(res.body)
	if m == nil {
		t.Fatal("no PIN")
	}
	b.get("/no-such-page")
	b.post("/users/x/reset-pin", url.Values{"csrf": {"forged"}, "pin": {m[1]}})
	if strings.Contains(log.String(), m[1]) || strings.Contains(log.String(), teams.DemoAccountPassword) {
		t.Errorf("the error log holds a secret:\n%s", log.String())
	}
	if audit := c.shell.Run("Get-TenantAuditLog | Out-String"); strings.Contains(audit, m[1]) {
		t.Errorf("the audit log holds the PIN")
	}
}
