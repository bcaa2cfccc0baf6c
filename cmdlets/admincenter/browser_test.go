package admincenter_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/csshell/csshell/cmdlets/teams"
)

// chromiumPath is the browser the end-to-end tests drive:
// $CSSHELL_CHROMIUM, else Debian's /usr/bin/chromium.
func chromiumPath() string {
	if p := os.Getenv("CSSHELL_CHROMIUM"); p != "" {
		return p
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return "/usr/bin/chromium"
}

// newChromium starts a headless Chromium for the test, with a fresh
// profile and no network of its own. Without Chromium the test is
// skipped on a developer's machine but fails in CI ($CI set), so CI never
// passes by skipping it.
func newChromium(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("Chromium is missing (%s) and CI is set: .ci/run installs it (apt-get install chromium)", path)
		}
		t.Skipf("Chromium is not installed (%s); CI runs this test", path)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 860),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx
}

// tab drives one browser tab through the admin center.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	// shots is where screenshots go ($CSSHELL_ADMINCENTER_SCREENSHOTS),
	// "" for none.
	shots string
}

func (b *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// open loads a path of the admin center.
func (b *tab) open(path string) { b.t.Helper(); b.do(chromedp.Navigate(b.base + path)) }

// click clicks sel and waits for the page it leads to.
func (b *tab) click(sel string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.WaitEvent(cdppage.LoadEventFired, nil, chromedp.Click(sel))); err != nil {
		b.t.Fatalf("click %s: %v", sel, err)
	}
}

// text is the page's visible text.
func (b *tab) text() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string]("document.body ? document.body.innerText : ''"))
	if err != nil {
		b.t.Fatalf("page text: %v", err)
	}
	return s
}

// textOf is one element's text.
func (b *tab) textOf(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// back goes one step back in the history without waiting for a load
// (Chromium may answer a no-store POST result with its own error page),
// then gives the page a moment to settle.
func (b *tab) back() {
	b.t.Helper()
	err := chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := cdp.Call(ctx, tg, cdppage.GetNavigationHistory, cdp.Empty{})
		if err != nil || res.CurrentIndex < 1 {
			return fmt.Errorf("no history to go back to (%v)", err)
		}
		_, err = cdp.Call(ctx, tg, cdppage.NavigateToHistoryEntry, cdppage.NavigateToHistoryEntryParams{EntryID: res.Entries[res.CurrentIndex-1].ID})
		return err
	}), chromedp.Sleep(time.Second))
	if err != nil {
		b.t.Fatalf("back: %v", err)
	}
}

// history is the URLs of the tab's history.
func (b *tab) history() []string {
	b.t.Helper()
	urls, err := chromedp.Run(b.ctx, chromedp.Action[[]string](func(ctx context.Context, tg *chromedp.Target) ([]string, error) {
		res, err := cdp.Call(ctx, tg, cdppage.GetNavigationHistory, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		var out []string
		for _, e := range res.Entries {
			out = append(out, e.URL)
		}
		return out, nil
	}))
	if err != nil {
		b.t.Fatalf("history: %v", err)
	}
	return urls
}

// shot saves a screenshot of the viewport as name.png when asked to.
func (b *tab) shot(name string) {
	b.t.Helper()
	if b.shots == "" {
		return
	}
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, "admin-center-"+name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// signIn signs in through the form.
func (b *tab) signIn(account string) {
	b.t.Helper()
	b.open("/signin")
	b.do(chromedp.WaitVisible(chromedp.ID("account")), chromedp.SendKeys(chromedp.ID("account"), account),
		chromedp.SendKeys(chromedp.ID("password"), teams.DemoAccountPassword))
	b.click("#signin button[type=submit]")
}

// TestBrowserResetPINOnce is the seed's procedure in a real browser: sign
// in, search a user as you type, select them, Reset PIN, see it once;
// reload, back and history never show it again; the mail is in the
// outbox; the shell sees the same PIN. Then a non-admin is refused and a
// forged form from another site changes nothing.
func TestBrowserResetPINOnce(t *testing.T) {
	ctx := newChromium(t)
	c := demoCenter(t)
	b := &tab{t: t, ctx: ctx, base: c.srv.URL, shots: os.Getenv("CSSHELL_ADMINCENTER_SCREENSHOTS")}

	b.open("/users")
	if !strings.Contains(b.text(), "Sign in with a Global, Teams or Skype for Business Administrator") {
		t.Fatalf("signed out, /users shows:\n%s", b.text())
	}
	b.shot("signin")
	b.do(chromedp.WaitVisible(chromedp.ID("account")), chromedp.SendKeys(chromedp.ID("account"), globalAdmin),
		chromedp.SendKeys(chromedp.ID("password"), teams.DemoAccountPassword))
	b.click("#signin button[type=submit]")
	b.do(chromedp.WaitVisible(chromedp.ID("q")))

	// Search as you type: the list narrows without a page load.
	b.do(chromedp.SendKeys(chromedp.ID("q"), "amos"),
		chromedp.WaitNotPresent(chromedp.JSPath(`[...document.querySelectorAll('#user-list a')].filter(a => a.textContent === 'Alex Wilber')`)))
	if list := b.textOf("#user-list"); !strings.Contains(list, "Amos Marble") || strings.Contains(list, "Ken Myer") {
		t.Fatalf("after typing 'amos' the list is:\n%s", list)
	}
	b.click("#user-list tbody a")
	if got := b.textOf("#pin"); got != "*****" {
		t.Fatalf("pane PIN %q", got)
	}
	b.shot("users")

	b.click("#reset-pin")
	if !strings.Contains(b.text(), "Reset PIN?") {
		t.Fatalf("no confirmation:\n%s", b.text())
	}
	b.shot("reset-pin")
	b.click("#confirm button[type=submit]")
	pin := b.textOf("#new-pin")
	if !regexp.MustCompile(`^\d{5}$`).MatchString(pin) {
		t.Fatalf("new PIN %q", pin)
	}
	b.shot("pin")

	// Reload: the form is not made again, the PIN is not shown again.
	b.do(chromedp.Reload())
	if out := b.text(); strings.Contains(out, pin) || !strings.Contains(out, "its PIN was shown once") {
		t.Errorf("the reload shows:\n%s", out)
	}
	b.open("/users?q=amos&user=" + c.userID(amos))
	if got := b.textOf("#pin"); got != "*****" {
		t.Errorf("pane after the reset: PIN %q", got)
	}
	// Back to the result: no-store, so it is not shown from a cache.
	b.back()
	if strings.Contains(b.text(), pin) {
		t.Errorf("Back shows the PIN:\n%s", b.text())
	}
	for _, u := range b.history() {
		if strings.Contains(u, pin) {
			t.Errorf("the PIN is in the history: %s", u)
		}
	}
	// The PIN verifies in the shell, which shows only the mask.
	if got := c.shell.Run("Test-TenantLeaderPin -Identity " + amos + " -Pin " + pin); got != "True" {
		t.Errorf("Test-TenantLeaderPin: %q", got)
	}
	if got := c.shell.Run("(Get-CsOnlineDialInConferencingUser -Identity " + amos + ").LeaderPin"); got != "*****" {
		t.Errorf("Get-CsOnlineDialInConferencingUser LeaderPin %q", got)
	}
	// The mail in the outbox, PIN sealed.
	b.open("/outbox?to=amos")
	if out := b.text(); !strings.Contains(out, "Your Audio Conferencing PIN has been reset") || !strings.Contains(out, "PIN: *****") || strings.Contains(out, pin) {
		t.Errorf("outbox:\n%s", out)
	}
	b.shot("outbox")
	b.open("/bridge-settings")
	b.shot("bridge-settings")

	// A form on another site posting to the admin center changes nothing.
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<form method="post" action="%s/users/%s/send-info"><button id="go">Win a prize</button></form>`, b.base, c.userID(amos))
	}))
	defer evil.Close()
	mails := c.shell.Run("(Get-TenantMail).Count")
	b.do(chromedp.Navigate(strings.Replace(evil.URL, "127.0.0.1", "localhost", 1)))
	b.click("#go")
	if out := b.text(); !strings.Contains(out, "Request refused") {
		t.Errorf("forged POST answered:\n%s", out)
	}
	if got := c.shell.Run("(Get-TenantMail).Count"); got != mails {
		t.Errorf("the forged POST sent mail: %s -> %s", mails, got)
	}

	// Sign out; a user without an admin role is refused.
	b.open("/users")
	b.click(".signout button")
	b.signIn(plainUser)
	if out := b.text(); !strings.Contains(out, "You don't have permission") {
		t.Errorf("non-admin sees:\n%s", out)
	}
	b.open("/users")
	if !strings.Contains(b.text(), "Sign in with") {
		t.Errorf("non-admin reached /users:\n%s", b.text())
	}
}
