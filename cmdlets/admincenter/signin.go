package admincenter

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"unicode"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
)

// actionSignIn names sign-in attempts in the audit log.
const actionSignIn = "Admin center: Sign in"

// signInData is the sign-in page's.
type signInData struct {
	Next    string
	Account string
	Demo    bool
}

// signInPage shows the form; it makes the (unauthenticated) session whose
// CSRF token the form carries.
func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	ss := s.sessions.get(r)
	if ss != nil && ss.account != "" {
		http.Redirect(w, r, "/users", http.StatusSeeOther)
		return
	}
	if ss == nil {
		ss = s.sessions.create(w, r, "")
	}
	s.render(w, r, http.StatusOK, "signin", &view{Title: "Sign in", CSRF: ss.csrf,
		Data: signInData{Next: safeNext(r.URL.Query().Get("next")), Demo: s.opts.AllowDemoPasswords}})
}

// signIn checks the form: the token, the throttle, the password, the
// role. Every attempt is audited (a run of failures once, when it reaches
// the limit).
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	ss := s.sessions.get(r)
	if !s.csrfOK(r, ss) {
		s.fail(w, r, http.StatusForbidden, "Request refused", "The sign-in form had expired or came from another site. Reload the sign-in page and try again.")
		return
	}
	account := cleanAccount(r.PostFormValue("account"))
	password := r.PostFormValue("password")
	next := safeNext(r.PostFormValue("next"))
	addr := clientAddr(r)
	keys := throttleKeysFor(account, addr)
	again := func(status int, msg string) {
		s.render(w, r, status, "signin", &view{Title: "Sign in", CSRF: ss.csrf, Error: msg,
			Data: signInData{Next: next, Account: account, Demo: s.opts.AllowDemoPasswords}})
	}
	if blocked, until := s.throttle.blocked(keys); blocked {
		mins := int(math.Ceil(until.Sub(s.opts.Now()).Minutes()))
		w.Header().Set("Retry-After", fmt.Sprint(mins*60))
		again(http.StatusTooManyRequests, fmt.Sprintf("Too many failed sign-ins. Try again in %d minutes.", mins))
		return
	}
	var u *storage.User
	err := s.tenant.Store().View(func(r storage.Reader) error {
		var err error
		u, err = teams.FindAccount(r, account)
		return err
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if !teams.CheckSignInPassword(u, password, s.opts.AllowDemoPasswords) {
		outcome := "Failed: wrong account or password"
		if s.throttle.failed(keys) {
			outcome = fmt.Sprintf("Throttled: %d failures in %d minutes", throttleFailures, int(throttleWindow.Minutes()))
		}
		s.auditSignIn(account, u, addr, outcome)
		again(http.StatusUnauthorized, "Your account or password is incorrect.")
		return
	}
	if !storage.IsConferencingAdmin(u) {
		s.auditSignIn(account, u, addr, "Refused: no administrator role")
		s.render(w, r, http.StatusForbidden, "denied", &view{Title: "You don't have permission", Data: u.UserPrincipalName})
		return
	}
	if err := s.auditSignIn(account, u, addr, "Succeeded"); err != nil {
		s.internal(w, r, err)
		return
	}
	s.throttle.succeeded(keys[0])
	// A new session (and cookie) for the signed-in admin: the id the
	// sign-in form had is worth nothing from now on.
	s.sessions.drop(ss)
	s.sessions.create(w, r, u.UserPrincipalName)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// signOut ends the session.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request, ss *session) {
	s.sessions.end(w, r, ss)
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

// auditSignIn records a sign-in attempt: the account as typed (or the
// user's UPN), the client address and the outcome, never the password.
func (s *Server) auditSignIn(typed string, u *storage.User, addr, outcome string) error {
	return s.tenant.Store().Update(func(w storage.Writer) error {
		rec := &storage.AuditRecord{Time: w.Now().UTC(), Account: typed, Cmdlet: actionSignIn, Target: typed,
			Changes: []storage.Change{{Property: "SignIn", New: outcome}, {Property: "ClientAddress", New: addr}}}
		if u != nil {
			rec.Account, rec.Target, rec.TargetID = u.UserPrincipalName, u.UserPrincipalName, u.ID
		}
		if rec.Account == "" {
			rec.Account, rec.Target = "(none)", "(none)"
		}
		return w.AddAudit(rec)
	})
}

// cleanAccount is a typed account name fit for the audit log: trimmed,
// control characters dropped, at most 256 characters (RFC 5321's limit).
func cleanAccount(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > 256 {
		s = string(r[:256])
	}
	return s
}

// safeNext is where to go after sign-in: a path of this site only.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") || strings.ContainsAny(next, "\r\n") {
		return "/users"
	}
	return next
}

// internal shows the generic error page and logs the cause.
func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	fmt.Fprintf(s.opts.ErrorLog, "admincenter: %s %s: %v\n", r.Method, r.URL.Path, err)
	var nospace *storage.NoSpaceError
	msg := "The admin center could not read or change the tenant store. Nothing was changed; try again."
	if errors.As(err, &nospace) {
		msg = "The disk holding the tenant store is full. Nothing was changed; free some space and try again."
	}
	s.fail(w, r, http.StatusInternalServerError, "Something went wrong", msg)
}
