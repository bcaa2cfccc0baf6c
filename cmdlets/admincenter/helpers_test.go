package admincenter_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/admincenter"
	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/cmdlets/teams"
)

// The demo tenant's accounts the tests sign in with.
const (
	globalAdmin = "admin@contoso.onmicrosoft.com"
	teamsAdmin  = "pilar.ackerman@contoso.com"
	plainUser   = "ken.myer@contoso.com"
	amos        = "amos.marble@contoso.com"
)

// testClock is a settable clock for sessions and throttling.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// center is an admin center over a fresh demo tenant, with the shell
// session (the same tenant) beside it.
type center struct {
	t     *testing.T
	shell *tenanttest.Session
	srv   *httptest.Server
	clock *testClock
}

// newCenter serves the admin center of a new in-memory demo tenant.
func newCenter(t *testing.T, opts admincenter.Options) *center {
	t.Helper()
	sess := tenanttest.NewMemorySession(t, "", false)
	clk := &testClock{now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	if opts.Now == nil {
		opts.Now = clk.Now
	}
	srv := httptest.NewServer(admincenter.New(sess.Tenant, opts))
	t.Cleanup(srv.Close)
	return &center{t: t, shell: sess, srv: srv, clock: clk}
}

// demoCenter is newCenter with demo passwords allowed (loopback).
func demoCenter(t *testing.T) *center {
	return newCenter(t, admincenter.Options{AllowDemoPasswords: true})
}

// browser is one client with its own cookies; it does not follow
// redirects, so tests see them.
type browser struct {
	c    *center
	http *http.Client
	base string
}

func (c *center) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{c: c, base: c.srv.URL, http: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// page is one response.
type page struct {
	status int
	header http.Header
	body   string
}

func (b *browser) do(req *http.Request) page {
	b.c.t.Helper()
	resp, err := b.http.Do(req)
	if err != nil {
		b.c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return page{status: resp.StatusCode, header: resp.Header, body: string(body)}
}

// get loads a path.
func (b *browser) get(path string) page {
	b.c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, b.base+path, nil)
	return b.do(req)
}

// post submits a form to a path.
func (b *browser) post(path string, form url.Values) page {
	b.c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var (
	csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	onceField = regexp.MustCompile(`name="once" value="([^"]+)"`)
)

// field is a hidden field's value in a page, "" when absent.
func field(re *regexp.Regexp, p page) string {
	if m := re.FindStringSubmatch(p.body); m != nil {
		return m[1]
	}
	return ""
}

// signIn signs in through the form and returns the response to the POST.
func (b *browser) signIn(account, password string) page {
	b.c.t.Helper()
	form := b.get("/signin")
	return b.post("/signin", url.Values{"csrf": {field(csrfField, form)}, "account": {account}, "password": {password}})
}

// signedIn is a browser signed in as account with the demo password.
func (c *center) signedIn(account string) *browser {
	c.t.Helper()
	b := c.browser()
	if p := b.signIn(account, teams.DemoAccountPassword); p.status != http.StatusSeeOther {
		c.t.Fatalf("sign in as %s: status %d\n%s", account, p.status, p.body)
	}
	return b
}

// csrf is the signed-in session's token, read from a page.
func (b *browser) csrf() string {
	b.c.t.Helper()
	tok := field(csrfField, b.get("/users"))
	if tok == "" {
		b.c.t.Fatal("no CSRF token on /users")
	}
	return tok
}

// userID is a user's object id, through the shell.
func (c *center) userID(upn string) string {
	c.t.Helper()
	return c.shell.Run("(Get-TenantUser " + upn + ").Identity")
}

// mustContain fails unless every want is in the page.
func mustContain(t *testing.T, p page, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(p.body, w) {
			t.Errorf("page (status %d) lacks %q:\n%s", p.status, w, p.body)
		}
	}
}

// mustNotContain fails if any of bad is in the page.
func mustNotContain(t *testing.T, p page, bad ...string) {
	t.Helper()
	for _, w := range bad {
		if w != "" && strings.Contains(p.body, w) {
			t.Errorf("page (status %d) shows %q:\n%s", p.status, w, p.body)
		}
	}
}
