package admincenter

import (
	"net/http"
	"slices"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/storage"
)

// logLimit is how many mails or audit records a log page shows (the
// newest that match).
const logLimit = 100

// mailRow is one outbox mail as the admin center shows it: a PIN mail's
// PIN is masked (it was shown once, when reset).
type mailRow struct {
	storage.Mail
	Shown string
}

// outboxData is the outbox page's.
type outboxData struct {
	To, Kind string
	Kinds    []string
	Mails    []mailRow
}

// outboxPage lists the newest mails, filtered by recipient and kind.
func (s *Server) outboxPage(w http.ResponseWriter, r *http.Request, ss *session) {
	q := r.URL.Query()
	d := &outboxData{To: capText(q.Get("to")), Kind: q.Get("kind"),
		Kinds: []string{storage.MailEnabled, storage.MailPINReset, storage.MailInfo, storage.MailChanged, storage.MailDisabled}}
	if !slices.Contains(d.Kinds, d.Kind) {
		d.Kind = ""
	}
	to := strings.ToLower(d.To)
	var mails []*storage.Mail
	err := s.read(func(rd storage.Reader) error {
		var err error
		mails, err = rd.Mail(logLimit, func(m *storage.Mail) bool {
			return (to == "" || strings.Contains(strings.ToLower(m.To), to)) && (d.Kind == "" || m.Kind == d.Kind)
		})
		return err
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	slices.Reverse(mails)
	for _, m := range mails {
		d.Mails = append(d.Mails, mailRow{Mail: *m, Shown: teams.MaskedMailBody(m)})
	}
	s.render(w, r, http.StatusOK, "outbox", s.adminView(ss, "Outbox", "outbox", d))
}

// auditData is the audit log page's.
type auditData struct {
	Query, Action string
	Records       []*storage.AuditRecord
}

// auditPage lists the newest audit records whose account, action or
// target contains the query, and whose action contains the action filter.
func (s *Server) auditPage(w http.ResponseWriter, r *http.Request, ss *session) {
	q := r.URL.Query()
	d := &auditData{Query: capText(q.Get("q")), Action: capText(q.Get("action"))}
	text, action := strings.ToLower(d.Query), strings.ToLower(d.Action)
	err := s.read(func(rd storage.Reader) error {
		var err error
		d.Records, err = rd.Audit(logLimit, func(a *storage.AuditRecord) bool {
			if action != "" && !strings.Contains(strings.ToLower(a.Cmdlet), action) {
				return false
			}
			return text == "" || strings.Contains(strings.ToLower(a.Account), text) ||
				strings.Contains(strings.ToLower(a.Target), text) || strings.EqualFold(a.TargetID, text)
		})
		return err
	})
	if err != nil {
		s.internal(w, r, err)
		return
	}
	slices.Reverse(d.Records)
	s.render(w, r, http.StatusOK, "audit", s.adminView(ss, "Audit log", "audit", d))
}

// capText is a filter's text: trimmed, at most maxQuery bytes.
func capText(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > maxQuery {
		s = s[:maxQuery]
	}
	return s
}
