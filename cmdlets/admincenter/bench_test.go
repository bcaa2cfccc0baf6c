package admincenter_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/admincenter"
	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/cmdlets/teams"
)

// benchCenter is a signed-in admin center handler over the demo tenant
// or, with synthetic > 0, a tenant of that many users
// (Reset-Tenant -Empty -SyntheticUsers), and the session cookie.
func benchCenter(b *testing.B, synthetic int) (http.Handler, []*http.Cookie) {
	b.Helper()
	sess := tenanttest.NewMemorySession(b, "", false)
	if synthetic > 0 {
		if out := sess.Run("Reset-Tenant -Empty -SyntheticUsers " + itoa(synthetic) + " -Force"); strings.Contains(out, "rror") {
			b.Fatalf("Reset-Tenant: %s", out)
		}
	}
	h := admincenter.New(sess.Tenant, admincenter.Options{AllowDemoPasswords: true})
	form := httptest.NewRecorder()
	h.ServeHTTP(form, httptest.NewRequest(http.MethodGet, "/signin", nil))
	cookies := form.Result().Cookies()
	tok := csrfField.FindStringSubmatch(form.Body.String())[1]
	account := globalAdmin
	if synthetic > 0 {
		account = sess.Run("(Get-TenantUser | Select-Object -First 1).UserPrincipalName")
	}
	req := httptest.NewRequest(http.MethodPost, "/signin", strings.NewReader(url.Values{"csrf": {tok}, "account": {account},
		"password": {teams.DemoAccountPassword}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		b.Fatalf("sign in as %s: %d %s", account, rec.Code, rec.Body.String())
	}
	return h, rec.Result().Cookies()
}

func itoa(n int) string {
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// benchGet serves path b.N times, failing unless it is 200 with want.
func benchGet(b *testing.B, h http.Handler, cookies []*http.Cookie, path, want string) {
	b.Helper()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), want) {
			b.Fatalf("GET %s: %d\n%s", path, rec.Code, rec.Body.String())
		}
	}
}

// BenchmarkUsers measures the Users page (the first page of the list, a
// page deep in it, and a search) on 100 000 users against the same pages
// on the 12-user demo tenant, measured in the same run.
func BenchmarkUsers(b *testing.B) {
	for _, size := range []struct {
		name  string
		users int
		after string
		query string
		want  string
	}{
		{"demo", 0, "ken.myer@contoso.com", "amos", "Amos Marble"},
		{"100k", 100000, "user050000@contoso.com", "user09999", "user099990@contoso.com"},
	} {
		h, cookies := benchCenter(b, size.users)
		b.Run("list/"+size.name, func(b *testing.B) { benchGet(b, h, cookies, "/users", "User principal name") })
		b.Run("page/"+size.name, func(b *testing.B) {
			benchGet(b, h, cookies, "/users?after="+url.QueryEscape(size.after), "« First")
		})
		b.Run("byname-desc/"+size.name, func(b *testing.B) {
			benchGet(b, h, cookies, "/users?sort=name&dir=desc", "by display name, descending")
		})
		b.Run("search/"+size.name, func(b *testing.B) {
			benchGet(b, h, cookies, "/users?q="+size.query+"&sort=name&dir=desc", size.want)
		})
	}
}
