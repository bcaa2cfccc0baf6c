package admincenter

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// Options configure a Server.
type Options struct {
	// AllowDemoPasswords lets accounts without a password of their own
	// sign in with teams.DemoAccountPassword; Listen sets it only for a
	// loopback address.
	AllowDemoPasswords bool
	// Now is the clock of sessions and throttling (time.Now when nil).
	Now func() time.Time
	// ErrorLog receives internal errors (never a form value, a PIN or a
	// password); nil discards them.
	ErrorLog io.Writer
	// MailRelay is the SMTP relay (host:port) outbox mail is also
	// delivered to, as the shell's CSSHELL_SMTP (nil: that variable).
	MailRelay func() string
	// SendMail delivers to the relay (nil: engine.DefaultMailHandler).
	SendMail engine.MailHandlerFunc
}

// Server is the admin center's HTTP handler over one tenant.
type Server struct {
	tenant   *teams.Tenant
	opts     Options
	sessions *sessions
	throttle *throttle
	pages    *pages
	mux      *http.ServeMux
}

// New returns the admin center of tenant.
func New(tenant *teams.Tenant, opts Options) *Server {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.ErrorLog == nil {
		opts.ErrorLog = io.Discard
	}
	if opts.MailRelay == nil {
		opts.MailRelay = func() string { return strings.TrimSpace(os.Getenv("CSSHELL_SMTP")) }
	}
	s := &Server{tenant: tenant, opts: opts, sessions: newSessions(opts.Now), throttle: newThrottle(opts.Now), pages: loadPages()}
	s.routes()
	return s
}

// routes maps the paths. Every page but sign-in needs an administrator's
// session; every POST needs the session's CSRF token.
func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /static/{file}", serveStatic)
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("GET /signin", s.signInPage)
	m.HandleFunc("POST /signin", s.signIn)
	m.HandleFunc("POST /signout", s.admin(s.signOut))
	m.HandleFunc("GET /users", s.admin(s.usersPage))
	m.HandleFunc("GET /users/{id}/reset-pin", s.admin(s.confirmPage(actionResetPIN)))
	m.HandleFunc("POST /users/{id}/reset-pin", s.admin(s.resetPIN))
	m.HandleFunc("GET /users/{id}/reset-conference-id", s.admin(s.confirmPage(actionResetConferenceID)))
	m.HandleFunc("POST /users/{id}/reset-conference-id", s.admin(s.resetConferenceID))
	m.HandleFunc("POST /users/{id}/send-info", s.admin(s.sendInfo))
	m.HandleFunc("GET /users/{id}/edit", s.admin(s.editUserPage))
	m.HandleFunc("POST /users/{id}/edit", s.admin(s.editUser))
	m.HandleFunc("GET /bridge-settings", s.admin(s.bridgeSettingsPage))
	m.HandleFunc("POST /bridge-settings", s.admin(s.saveBridgeSettings))
	m.HandleFunc("GET /outbox", s.admin(s.outboxPage))
	m.HandleFunc("GET /audit", s.admin(s.auditPage))
	m.HandleFunc("GET /meetings", s.admin(s.meetingsPage))
	m.HandleFunc("POST /meetings/{id}/stop", s.admin(s.stopMeeting))
	m.HandleFunc("/", s.notFound)
	s.mux = m
}

// ServeHTTP sets the security headers of every response, recovers from
// a panic without showing it, and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	if r.TLS != nil {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	defer func() {
		if v := recover(); v != nil {
			if v == http.ErrAbortHandler {
				panic(v)
			}
			fmt.Fprintf(s.opts.ErrorLog, "admincenter: %s %s: internal error: %v\n", r.Method, r.URL.Path, v)
			s.fail(w, r, http.StatusInternalServerError, "Something went wrong", "The admin center could not complete the request. Nothing more is shown here; try again.")
		}
	}()
	if r.Method == http.MethodPost {
		// Form bodies are small: cap them before anything reads one.
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	}
	s.mux.ServeHTTP(w, r)
}

// contentSecurityPolicy allows only the admin center's own stylesheet and
// script; no inline code, no framing, forms post only to itself.
const contentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// noStore marks a response that must never be kept by the browser or a
// proxy (the page with a new PIN, and every signed-in page).
func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
}

// admin wraps a handler that needs an administrator signed in: no session
// goes to the sign-in page; a POST must carry the session's CSRF token and
// come from this site.
func (s *Server) admin(h func(w http.ResponseWriter, r *http.Request, ss *session)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		noStore(w)
		ss := s.sessions.get(r)
		if r.Method == http.MethodPost && !s.csrfOK(r, ss) {
			s.fail(w, r, http.StatusForbidden, "Request refused", "The request did not carry this page's security token, or came from another site. Nothing was changed. Go back, reload the page and try again.")
			return
		}
		if ss == nil || ss.account == "" {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/signin?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			s.fail(w, r, http.StatusUnauthorized, "Signed out", "Your session has ended. Sign in again.")
			return
		}
		// The role is checked on every request, not only at sign-in: an
		// admin whose role was removed (or who was removed) is out at once.
		err := s.tenant.Store().View(func(rd storage.Reader) error {
			_, err := teams.AdminAccount(rd, ss.account)
			return err
		})
		var rec *engine.ErrorRecord
		if errors.As(err, &rec) {
			s.sessions.end(w, r, ss)
			s.render(w, r, http.StatusForbidden, "denied", &view{Title: "You don't have permission", Data: ss.account})
			return
		}
		if err != nil {
			s.internal(w, r, err)
			return
		}
		h(w, r, ss)
	}
}

// csrfOK checks a POST: a live session, the form's token equal to the
// session's, and, when the browser says where the request came from, this
// site.
func (s *Server) csrfOK(r *http.Request, ss *session) bool {
	if ss == nil {
		return false
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "null" {
		u, err := url.Parse(origin)
		if err != nil || !strings.EqualFold(u.Host, r.Host) {
			return false
		}
	}
	return tokensEqual(r.PostFormValue("csrf"), ss.csrf)
}

// home sends a signed-in admin to Users, anyone else to sign in.
func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if ss := s.sessions.get(r); ss != nil && ss.account != "" {
		http.Redirect(w, r, "/users", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

// notFound is every other path: no listing, no detail.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, "Page not found", "There is no such page in the admin center.")
}

// clientAddr is the request's client IP (the port dropped).
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
