package admincenter

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"sync"
	"time"
)

// The session cookie and its limits.
const (
	sessionCookie = "csshell_admin"
	// sessionIdle ends a session nobody used for this long.
	sessionIdle = 30 * time.Minute
	// sessionMax ends any session this long after sign-in.
	sessionMax = 8 * time.Hour
	// maxSessions caps the sessions kept (signed in or not): past it the
	// oldest unauthenticated ones go first.
	maxSessions = 10000
)

// session is one browser's state on the server: the cookie carries only
// its random id.
type session struct {
	id      string
	account string // UPN once signed in, "" before
	csrf    string // the token every form of this session carries
	created time.Time
	used    time.Time
	// flash is a one-time message for the next page (after a redirect).
	flash string
	// once are one-time action tokens (a confirmation page's form) by
	// token, each naming the action and target it was issued for.
	once map[string]string
}

// sessions are the server's sessions, by id.
type sessions struct {
	mu  sync.Mutex
	all map[string]*session
	now func() time.Time
}

func newSessions(now func() time.Time) *sessions {
	return &sessions{all: map[string]*session{}, now: now}
}

// randomToken is 32 random bytes, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic("admincenter: no randomness: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// tokensEqual compares two tokens in constant time.
func tokensEqual(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// get returns the live session of the request's cookie, nil when none.
func (s *sessions) get(r *http.Request) *session {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ss := s.all[c.Value]
	if ss == nil {
		return nil
	}
	now := s.now()
	if now.Sub(ss.used) > sessionIdle || now.Sub(ss.created) > sessionMax {
		delete(s.all, ss.id)
		return nil
	}
	ss.used = now
	return ss
}

// create starts a new session for account ("" before sign-in) and sets
// its cookie. Signing in always makes a new session, so an id known
// before sign-in is worth nothing after it.
func (s *sessions) create(w http.ResponseWriter, r *http.Request, account string) *session {
	now := s.now()
	ss := &session{id: randomToken(), account: account, csrf: randomToken(), created: now, used: now, once: map[string]string{}}
	s.mu.Lock()
	if len(s.all) >= maxSessions {
		s.pruneLocked(now)
	}
	s.all[ss.id] = ss
	s.mu.Unlock()
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: ss.id, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
	return ss
}

// pruneLocked drops expired sessions, then unauthenticated ones, until
// there is room.
func (s *sessions) pruneLocked(now time.Time) {
	for id, ss := range s.all {
		if now.Sub(ss.used) > sessionIdle || now.Sub(ss.created) > sessionMax {
			delete(s.all, id)
		}
	}
	for id, ss := range s.all {
		if len(s.all) < maxSessions {
			return
		}
		if ss.account == "" {
			delete(s.all, id)
		}
	}
}

// drop forgets the session (its id is worth nothing from now on).
func (s *sessions) drop(ss *session) {
	if ss != nil {
		s.mu.Lock()
		delete(s.all, ss.id)
		s.mu.Unlock()
	}
}

// end removes the session and clears the cookie.
func (s *sessions) end(w http.ResponseWriter, r *http.Request, ss *session) {
	s.drop(ss)
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
	})
}

// setFlash keeps a message for the session's next page.
func (s *sessions) setFlash(ss *session, msg string) {
	s.mu.Lock()
	ss.flash = msg
	s.mu.Unlock()
}

// takeFlash returns and clears the session's message.
func (s *sessions) takeFlash(ss *session) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := ss.flash
	ss.flash = ""
	return m
}

// issueOnce makes a one-time token for action (e.g. "reset-pin:<id>").
func (s *sessions) issueOnce(ss *session, action string) string {
	tok := randomToken()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(ss.once) > 100 {
		clear(ss.once)
	}
	ss.once[tok] = action
	return tok
}

// useOnce consumes a one-time token; false when it was not issued for
// action or was used already (a reload or a second submit of the form).
func (s *sessions) useOnce(ss *session, tok, action string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := ss.once[tok]
	if !ok || a != action {
		return false
	}
	delete(ss.once, tok)
	return true
}
