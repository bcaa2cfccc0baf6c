package admincenter_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/admincenter"
	"github.com/csshell/csshell/cmdlets/teams"
)

func TestSignInAdminReachesUsers(t *testing.T) {
	c := demoCenter(t)
	b := c.browser()
	if p := b.get("/users"); p.status != http.StatusSeeOther || !strings.HasPrefix(p.header.Get("Location"), "/signin") {
		t.Fatalf("signed out /users: %d %s", p.status, p.header.Get("Location"))
	}
	p := b.signIn(globalAdmin, teams.DemoAccountPassword)
	if p.status != http.StatusSeeOther || p.header.Get("Location") != "/users" {
		t.Fatalf("sign-in: %d %q", p.status, p.header.Get("Location"))
	}
	cookie := p.header.Get("Set-Cookie")
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/"} {
		if !strings.Contains(cookie, want) {
			t.Errorf("session cookie %q lacks %s", cookie, want)
		}
	}
	if strings.Contains(cookie, "Secure") {
		t.Errorf("plain-HTTP cookie is Secure: %q", cookie)
	}
	users := b.get("/users")
	mustContain(t, users, "Amos Marble", "amos.marble@contoso.com", "Sign out", globalAdmin)
	audit := c.shell.Run("Get-TenantAuditLog -Last 1 | % { $_.Cmdlet + ' ' + $_.Account + ' ' + $_.Changes }")
	if !strings.Contains(audit, "Admin center: Sign in "+globalAdmin) || !strings.Contains(audit, "Succeeded") {
		t.Errorf("sign-in not audited: %q", audit)
	}
}

func TestSecurityHeaders(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	for _, path := range []string{"/users", "/signin", "/no-such-page", "/outbox"} {
		p := b.get(path)
		h := p.header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "script-src 'self'") ||
			!strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	if cc := b.get("/users").header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("/users Cache-Control %q", cc)
	}
}

func TestSecureCookieOverTLS(t *testing.T) {
	c := demoCenter(t)
	tls := httptest.NewTLSServer(c.srv.Config.Handler)
	defer tls.Close()
	resp, err := tls.Client().Get(tls.URL + "/signin")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if cookie := resp.Header.Get("Set-Cookie"); !strings.Contains(cookie, "Secure") || !strings.Contains(cookie, "HttpOnly") {
		t.Errorf("TLS cookie %q", cookie)
	}
	if resp.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS over TLS")
	}
}

func TestNonAdminRefused(t *testing.T) {
	c := demoCenter(t)
	b := c.browser()
	p := b.signIn(plainUser, teams.DemoAccountPassword)
	if p.status != http.StatusForbidden {
		t.Fatalf("non-admin sign-in: %d", p.status)
	}
	mustContain(t, p, "You don&#39;t have permission", plainUser)
	if strings.Contains(p.header.Get("Set-Cookie"), "csshell_admin=") && !strings.Contains(p.header.Get("Set-Cookie"), "Max-Age=0") {
		t.Errorf("a session cookie for a non-admin: %q", p.header.Get("Set-Cookie"))
	}
	if p := b.get("/users"); p.status != http.StatusSeeOther {
		t.Errorf("non-admin reached /users: %d", p.status)
	}
	audit := c.shell.Run("Get-TenantAuditLog -Last 1 | % { $_.Account + ' ' + $_.Changes }")
	if !strings.Contains(audit, plainUser) || !strings.Contains(audit, "Refused: no administrator role") {
		t.Errorf("refusal not audited: %q", audit)
	}
	// A Teams Administrator may sign in.
	c.signedIn(teamsAdmin)
}

func TestWrongPasswordThrottledAndAudited(t *testing.T) {
	c := demoCenter(t)
	b := c.browser()
	for i := 1; i <= 5; i++ {
		p := b.signIn(globalAdmin, "wrong-"+string(rune('0'+i)))
		if p.status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i, p.status)
		}
		mustContain(t, p, "Your account or password is incorrect.")
		mustNotContain(t, p, "wrong-")
	}
	// The limit reached: even the right password is refused, unchecked.
	p := b.signIn(globalAdmin, teams.DemoAccountPassword)
	if p.status != http.StatusTooManyRequests || p.header.Get("Retry-After") == "" {
		t.Fatalf("throttled attempt: %d %v", p.status, p.header)
	}
	mustContain(t, p, "Too many failed sign-ins")
	log := c.shell.Run("Get-TenantAuditLog | ? Cmdlet -eq 'Admin center: Sign in' | % { $_.Changes }")
	if n := strings.Count(log, "Failed: wrong account or password"); n != 4 {
		t.Errorf("%d failures audited, want 4 (the fifth is the throttle):\n%s", n, log)
	}
	if !strings.Contains(log, "Throttled: 5 failures in 15 minutes") {
		t.Errorf("throttle not audited:\n%s", log)
	}
	if strings.Contains(log, "wrong-") {
		t.Errorf("a password reached the audit log:\n%s", log)
	}
	// Another account from the same address is throttled too (per address).
	if p := b.signIn(teamsAdmin, teams.DemoAccountPassword); p.status != http.StatusTooManyRequests {
		t.Errorf("same address, other account: %d", p.status)
	}
	c.clock.advance(16 * time.Minute)
	if p := b.signIn(globalAdmin, teams.DemoAccountPassword); p.status != http.StatusSeeOther {
		t.Errorf("after the window: %d", p.status)
	}
}

func TestDemoPasswordOnlyWhenAllowed(t *testing.T) {
	c := newCenter(t, admincenter.Options{AllowDemoPasswords: false})
	if p := c.browser().signIn(globalAdmin, teams.DemoAccountPassword); p.status != http.StatusUnauthorized {
		t.Fatalf("demo password off loopback: %d", p.status)
	}
	if out := c.shell.Run("Set-TenantUser " + teamsAdmin + " -Password 'S3cret-Pilar!'"); out != "" {
		t.Fatalf("Set-TenantUser: %s", out)
	}
	b := c.browser()
	if p := b.signIn(teamsAdmin, "S3cret-Pilar!"); p.status != http.StatusSeeOther {
		t.Fatalf("own password: %d\n%s", p.status, p.body)
	}
	if p := c.browser().signIn(teamsAdmin, "s3cret-pilar!"); p.status != http.StatusUnauthorized {
		t.Errorf("wrong case of own password: %d", p.status)
	}
}

func TestSignInFormNeedsToken(t *testing.T) {
	c := demoCenter(t)
	b := c.browser()
	b.get("/signin")
	p := b.post("/signin", url.Values{"account": {globalAdmin}, "password": {teams.DemoAccountPassword}})
	if p.status != http.StatusForbidden {
		t.Errorf("sign-in without token: %d", p.status)
	}
}

func TestSignInNextStaysOnSite(t *testing.T) {
	c := demoCenter(t)
	b := c.browser()
	form := b.get("/signin?next=//evil.example/x")
	p := b.post("/signin", url.Values{"csrf": {field(csrfField, form)}, "account": {globalAdmin},
		"password": {teams.DemoAccountPassword}, "next": {"//evil.example/x"}})
	if loc := p.header.Get("Location"); loc != "/users" {
		t.Errorf("redirect after sign-in to %q", loc)
	}
}

func TestSignOutEndsSession(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	if p := b.post("/signout", url.Values{"csrf": {b.csrf()}}); p.status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", p.status)
	}
	if p := b.get("/users"); p.status != http.StatusSeeOther {
		t.Errorf("after sign-out /users: %d", p.status)
	}
}

func TestSessionExpiresWhenIdle(t *testing.T) {
	c := demoCenter(t)
	b := c.signedIn(globalAdmin)
	c.clock.advance(31 * time.Minute)
	if p := b.get("/users"); p.status != http.StatusSeeOther {
		t.Errorf("idle session still works: %d", p.status)
	}
}
