package admincenter_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/admincenter"
)

func TestUsersSearchSortAndPage(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	// By any word of the name, the UPN or the SIP address.
	for q, want := range map[string]string{"amos": "Amos Marble", "MARBLE": "Amos Marble", "sip:lee": "Lee Gu", "lee.gu@": "Lee Gu", "ken my": "Ken Myer"} {
		p := b.get("/users?q=" + url.QueryEscape(q))
		mustContain(t, p, want)
		mustNotContain(t, p, "Alex Wilber")
	}
	mustContain(t, b.get("/users?q=nobody-like-this"), "No users match.")
	// Sorting the matches: "a" matches admin, Adele, Alex, Amos…
	asc := b.get("/users?q=a&sort=name")
	desc := b.get("/users?q=a&sort=name&dir=desc")
	if !(strings.Index(asc.body, "Adele Vance") < strings.Index(asc.body, "Amos Marble")) ||
		!(strings.Index(desc.body, "Amos Marble") < strings.Index(desc.body, "Adele Vance")) {
		t.Error("sorting by display name does not order the matches")
	}
	// Paging the whole list by UPN: 60 more users make two pages.
	c.shell.Run("1..60 | % { New-TenantUser ('page{0:d2}@contoso.com' -f $_) -DisplayName ('Page User {0:d2}' -f $_) } | Out-Null")
	first := b.get("/users")
	mustContain(t, first, "50 users on this page", "Next ›")
	next := between(first.body, `<a href="`, `" rel="next">`)
	if next == "" {
		t.Fatal("no next link")
	}
	second := b.get(strings.ReplaceAll(next, "&amp;", "&"))
	mustContain(t, second, "« First")
	for _, name := range []string{"Page User 01", "Page User 60"} {
		if strings.Contains(first.body, name) == strings.Contains(second.body, name) {
			t.Errorf("%s is on both pages or neither", name)
		}
	}
	// The whole list by display name, descending, over two pages: Pilar,
	// Page User 60…12 on the first; 11…01, then Nestor … Adele.
	byName := b.get("/users?sort=name&dir=desc")
	mustContain(t, byName, "50 users on this page, by display name, descending.", "Pilar Ackerman", "Page User 12")
	mustNotContain(t, byName, "Page User 11", "Adele Vance")
	if strings.Index(byName.body, "Pilar Ackerman") > strings.Index(byName.body, "Page User 60") {
		t.Error("descending display names: Pilar should come before Page User 60")
	}
	next = between(byName.body, `<a href="`, `" rel="next">`)
	if !strings.Contains(next, "sort=name") || !strings.Contains(next, "dir=desc") {
		t.Fatalf("next link %q does not keep the order", next)
	}
	rest := b.get(strings.ReplaceAll(next, "&amp;", "&"))
	mustContain(t, rest, "Page User 11", "Nestor Wilke", "Adele Vance")
	mustNotContain(t, rest, "Page User 12", "Next ›")
	if !(strings.Index(rest.body, "Page User 01") < strings.Index(rest.body, "Nestor Wilke") &&
		strings.Index(rest.body, "Nestor Wilke") < strings.Index(rest.body, "Adele Vance")) {
		t.Error("the second page is not in descending display-name order")
	}
	ascAll := b.get("/users?sort=name")
	if strings.Index(ascAll.body, "Adele Vance") > strings.Index(ascAll.body, "Alex Wilber") || strings.Contains(ascAll.body, "Pilar Ackerman") {
		t.Error("the whole list by display name does not start at Adele Vance")
	}
	// A column the store has no index for sorts search results only.
	mustContain(t, b.get("/users?sort=bridge"), "by user principal name.")
}

func TestUsersFilters(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	others := b.get("/users?filter=others")
	mustContain(t, others, "Megan Bowen", `<option value="others" selected>`)
	mustNotContain(t, others, "Amos Marble", "Nestor Wilke")
	off := b.get("/users?filter=off")
	mustContain(t, off, "Nestor Wilke", "Contoso Admin")
	mustNotContain(t, off, "Amos Marble", "Megan Bowen")
	mustContain(t, b.get("/users?filter=microsoft&q=lee"), "Lee Gu")
	mustContain(t, b.get("/users?filter=others&q=lee"), "No users match.")
	// A filter that keeps nobody stops after 5000 users read, and Next
	// reads on from there.
	c.shell.Run("Reset-Tenant -Empty -SyntheticUsers 6000 -Force")
	b = c.signedIn(c.shell.Run("(Get-TenantUser | Select-Object -First 1).UserPrincipalName"))
	p := b.get("/users?filter=others")
	mustContain(t, p, "stopped after reading 5000 users", "filter=others")
	next := strings.ReplaceAll(between(p.body, `<a href="`, `" rel="next">`), "&amp;", "&")
	if !strings.Contains(next, "after=user00") {
		t.Fatalf("next link %q", next)
	}
	last := b.get(next)
	mustContain(t, last, "No users match.")
	mustNotContain(t, last, "Next ›", "stopped after")
}

func TestUserPaneShowsMaskOnly(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	p := b.get("/users?user=" + c.userID(amos))
	mustContain(t, p, "Conference Bridge", "&#43;14255550100 (Redmond)", "9212081", `<dd id="pin">*****</dd>`, "Reset PIN", "Send conference info in email")
	mustContain(t, b.get("/users?user=no-such-id"), "No such user.")
	// Policies as the cmdlets grant them: the user's own, or the tenant's.
	c.shell.Run("Grant-CsTeamsAudioConferencingPolicy -PolicyName AllowTollFreeDialinFalse -Global")
	c.shell.Run("Grant-CsDialoutPolicy -Identity " + amos + " -PolicyName DialoutCPCDisabledPSTNDomestic")
	mustContain(t, b.get("/users?user="+c.userID(amos)), "<dd>DialoutCPCDisabledPSTNDomestic</dd>", "<dd>AllowTollFreeDialinFalse (the tenant&#39;s default)</dd>")
	// The PIN's lockout after wrong PINs shows in the pane (not the PIN);
	// a reset clears it.
	mustNotContain(t, b.get("/users?user="+c.userID(amos)), `id="pin-lock"`)
	c.shell.Run("1..30 | ForEach-Object { Test-TenantLeaderPin " + amos + " -Pin 00000 } | Out-Null")
	mustContain(t, b.get("/users?user="+c.userID(amos)), `<span class="warning" id="pin-lock">Locked after wrong PINs until `)
	c.shell.Run("Set-CsOnlineDialInConferencingUser " + amos + " -ResetLeaderPin | Out-Null")
	mustNotContain(t, b.get("/users?user="+c.userID(amos)), `id="pin-lock"`)
}

func TestBridgeSettingsAsTheCmdletValidates(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	form := b.get("/bridge-settings")
	mustContain(t, form, "PIN length", `<option value="5" selected>5</option>`, "Automatically send emails")
	tok := field(csrfField, form)
	p := b.post("/bridge-settings", url.Values{"csrf": {tok}, "entryexit": {"on"}, "namerecording": {"on"},
		"announcementtype": {"ToneOnly"}, "pinlength": {"7"}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", p.status, p.body)
	}
	got := c.shell.Run("$s = Get-CsOnlineDialInConferencingTenantSettings; $s.PinLength; $s.EntryExitAnnouncementsType; $s.AutomaticallySendEmailsToUsers")
	if got != "7\nToneOnly\nFalse" {
		t.Errorf("the cmdlet reads %q", got)
	}
	audit := c.shell.Run("Get-TenantAuditLog -Last 1 | % { $_.Account + '|' + $_.Cmdlet + '|' + $_.Target }")
	if audit != globalAdmin+"|Admin center (Bridge settings)|Global" {
		t.Errorf("audit %q", audit)
	}
	// Out of range, or not a number: the cmdlet's words, nothing stored.
	for _, bad := range []string{"13", "3", "five"} {
		p := b.post("/bridge-settings", url.Values{"csrf": {tok}, "pinlength": {bad}, "announcementtype": {"UseNames"}})
		if p.status != http.StatusUnprocessableEntity {
			t.Errorf("PinLength %s: %d", bad, p.status)
		}
		mustContain(t, p, "Cannot validate argument on parameter &#39;PinLength&#39;. The "+bad+" argument is outside the allowed range of 4 to 12.")
	}
	// The same words as the cmdlet given the same form as an object.
	cmdlet := c.shell.Run("$s = Get-CsOnlineDialInConferencingTenantSettings; $s.PinLength = 13; Set-CsOnlineDialInConferencingTenantSettings -Instance $s 2>&1 | % { $_.Exception.Message }")
	if cmdlet != "Cannot validate argument on parameter 'PinLength'. The 13 argument is outside the allowed range of 4 to 12. Supply an argument that is between 4 and 12 and then try the command again." {
		t.Errorf("the cmdlet says %q", cmdlet)
	}
	p = b.post("/bridge-settings", url.Values{"csrf": {tok}, "pinlength": {"6"}, "announcementtype": {"Shout"}})
	mustContain(t, p, "The value &#34;Shout&#34; of EntryExitAnnouncementsType is not valid. Valid values are: UseNames, ToneOnly.")
	if got := c.shell.Run("(Get-CsOnlineDialInConferencingTenantSettings).PinLength"); got != "7" {
		t.Errorf("a refused form changed PinLength to %s", got)
	}
	// A PIN reset now has the new length.
	res, _ := resetPIN(t, b, c.userID(amos))
	if m := pinShown.FindStringSubmatch(res.body); m == nil || len(m[1]) != 7 {
		t.Errorf("PIN after PinLength 7: %v", m)
	}
}

func TestOutboxAndAuditFilters(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	c.shell.Run("Set-CsOnlineDialInConferencingUser -Identity lee.gu@contoso.com -SendEmail")
	c.shell.Run("Set-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com -SendEmail")
	p := b.get("/outbox?to=lee")
	mustContain(t, p, "lee.gu@contoso.com", "Your Audio Conferencing information")
	mustNotContain(t, p, "ken.myer@contoso.com")
	mustContain(t, b.get("/outbox?kind=PINReset"), "No emails.")
	a := b.get("/audit?q=ken.myer")
	mustContain(t, a, "Set-CsOnlineDialInConferencingUser", "ken.myer@contoso.com")
	mustNotContain(t, a, "lee.gu@contoso.com")
	mustContain(t, b.get("/audit?action=sign+in"), "Admin center: Sign in")
}

func TestLiveMeetings(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	mustContain(t, b.get("/meetings"), "No meeting has callers now.", `http-equiv="refresh"`)
	c.shell.Run("Invoke-TenantDialIn -Organizer amos.marble@contoso.com -CallerId +14255550111 | Out-Null")
	p := b.get("/meetings")
	mustContain(t, p, "Amos Marble", "In the lobby (1)", "&#43;14255550111", "End meeting")
	// End it, as Stop-TenantMeeting does: the caller is disconnected,
	// the shell sees no meeting, the audit names the admin.
	end := b.post("/meetings/"+c.userID(amos)+"/stop", url.Values{"csrf": {field(csrfField, p)}})
	if end.status != http.StatusSeeOther {
		t.Fatalf("end meeting: %d\n%s", end.status, end.body)
	}
	mustContain(t, b.get("/meetings"), "The meeting of Amos Marble ended: 1 calls were disconnected.", "No meeting has callers now.")
	if got := c.shell.Run("@(Get-TenantMeeting).Count"); got != "0" {
		t.Errorf("Get-TenantMeeting after the end: %s", got)
	}
	audit := c.shell.Run("Get-TenantAuditLog -Last 1 | % { $_.Account + '|' + $_.Cmdlet + '|' + $_.Target + '|' + $_.Changes }")
	if audit != globalAdmin+"|Admin center (End meeting)|"+amos+"|MeetingState: Started -> NotStarted; CallsEnded: $null -> 1" {
		t.Errorf("audit %q", audit)
	}
}

func TestNoListingNoStackTrace(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	for _, path := range []string{"/static/", "/static/../server.go", "/static/admin.css/x", "/templates/layout.html", "/users/x/y/z", "/debug/pprof/"} {
		p := b.get(path)
		if p.status != http.StatusNotFound && (p.status < 300 || p.status > 399) {
			t.Errorf("%s: %d", path, p.status)
		}
		mustNotContain(t, p, "goroutine", ".go:", "{{")
	}
	css := b.get("/static/admin.css")
	if css.status != http.StatusOK || !strings.HasPrefix(css.header.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d %s", css.status, css.header.Get("Content-Type"))
	}
	if p := b.post("/users", url.Values{"csrf": {b.csrf()}}); p.status != http.StatusMethodNotAllowed && p.status != http.StatusNotFound {
		t.Errorf("POST /users: %d", p.status)
	}
}

func TestStartStopCmdlets(t *testing.T) {
	c := demoCenter(t)
	url := c.shell.Run("Start-TenantAdminCenter -Port 0 -NoBrowser")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("Start-TenantAdminCenter: %q", url)
	}
	resp, err := http.Get(url + "signin")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Sign in") {
		t.Errorf("GET signin: %d", resp.StatusCode)
	}
	if again := c.shell.Run("Start-TenantAdminCenter -Port 0 -NoBrowser"); !strings.Contains(again, "already running at "+url) {
		t.Errorf("second start: %q", again)
	}
	if out := c.shell.Run("Stop-TenantAdminCenter"); out != "" {
		t.Errorf("stop: %q", out)
	}
	if _, err := http.Get(url + "signin"); err == nil {
		t.Error("still serving after Stop-TenantAdminCenter")
	}
	if out := c.shell.Run("Stop-TenantAdminCenter"); !strings.Contains(out, "The admin center is not running.") {
		t.Errorf("stop when stopped: %q", out)
	}
}

func TestListenWarnsAboutNetwork(t *testing.T) {
	for _, host := range []string{"127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"} {
		if !admincenter.IsLoopback(host) {
			t.Errorf("%s not counted as loopback", host)
		}
	}
	for _, host := range []string{"0.0.0.0", "192.168.1.10", "::", "example.com"} {
		if admincenter.IsLoopback(host) {
			t.Errorf("%s counted as loopback", host)
		}
	}
	for in, want := range map[string]string{"": "127.0.0.1:8450", "9000": "127.0.0.1:9000", "0.0.0.0": "0.0.0.0:8450", "[::1]:81": "[::1]:81", "::1": "[::1]:8450"} {
		if got := admincenter.Address(in); got != want {
			t.Errorf("Address(%q) = %q, want %q", in, got, want)
		}
	}
}

// between is the text between the first from and the next to.
func between(s, from, to string) string {
	i := strings.Index(s, to)
	if i < 0 {
		return ""
	}
	j := strings.LastIndex(s[:i], from)
	if j < 0 {
		return ""
	}
	return s[j+len(from) : i]
}
