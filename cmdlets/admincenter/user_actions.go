package admincenter

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// The admin center's actions as the audit log names them (the Cmdlet
// column): what was clicked, and where.
const (
	actionResetPIN          = "Admin center (Reset PIN)"
	actionResetConferenceID = "Admin center (Reset conference ID)"
	actionSendInfo          = "Admin center (Send conference info in email)"
	actionEditUser          = "Admin center (Edit audio conferencing)"
	actionBridgeSettings    = "Admin center (Bridge settings)"
	actionStopMeeting       = "Admin center (End meeting)"
)

// confirmData is a confirmation dialog's.
type confirmData struct {
	Heading, Text, Button, Action, Once, Cancel string
	Mail                                        string
}

// paneLink is the Users page with the user's pane open.
func paneLink(id string) string { return "/users?user=" + url.QueryEscape(id) }

// confirmPage is the dialog before a reset: what will happen and who
// gets an email; its form carries a one-time token, so the reset it
// confirms happens once however often the result is reloaded.
func (s *Server) confirmPage(action string) func(http.ResponseWriter, *http.Request, *session) {
	return func(w http.ResponseWriter, r *http.Request, ss *session) {
		id := r.PathValue("id")
		var u *storage.User
		var settings *storage.Settings
		err := s.read(func(rd storage.Reader) error {
			var err error
			if u, err = rd.User(id); err != nil {
				return err
			}
			settings, err = rd.Settings()
			return err
		})
		if errors.Is(err, storage.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		if err != nil {
			s.internal(w, r, err)
			return
		}
		d := confirmData{Cancel: paneLink(id), Action: r.URL.Path, Mail: mailNotice(u, settings)}
		switch action {
		case actionResetPIN:
			d.Heading, d.Button = "Reset PIN?", "Reset"
			d.Text = fmt.Sprintf("%s gets a new %d-digit PIN for starting meetings by phone; the current PIN stops working. "+
				"You see the new PIN once, on the next page, and never again.", u.DisplayName, settings.PinLength)
			d.Once = s.sessions.issueOnce(ss, "reset-pin:"+id)
		case actionResetConferenceID:
			d.Heading, d.Button = "Reset conference ID?", "Reset"
			d.Text = fmt.Sprintf("%s gets a new conference ID; callers who dial the current one can no longer join their meetings. "+
				"Existing meeting invitations keep the old ID until they are updated.", u.DisplayName)
			d.Once = s.sessions.issueOnce(ss, "reset-conference-id:"+id)
		}
		s.render(w, r, http.StatusOK, "confirm", s.adminView(ss, d.Heading, "users", d))
	}
}

// mailNotice says where a PIN or information mail would go, as the
// service decides it (automatic emails, mailbox).
func mailNotice(u *storage.User, settings *storage.Settings) string {
	switch {
	case !settings.AutomaticallySendEmailsToUsers:
		return "Automatic emails are off (Bridge settings): the user gets no email; give them the information yourself."
	case !u.HasMailbox || u.PrimarySmtpAddress == "":
		return "The user has no mailbox: no email is sent."
	}
	return "An email goes to " + u.PrimarySmtpAddress + "."
}

// pinData is the page that shows a new PIN, once.
type pinData struct {
	DisplayName, UPN, PIN, Back string
	Mailed                      []string
	Warnings                    []string
}

// resetPIN resets the PIN (ApplyUserEdit, as
// Set-CsOnlineDialInConferencingUser -ResetLeaderPin) and shows it in this
// response only: never cached, never in a URL, a cookie or a log.
func (s *Server) resetPIN(w http.ResponseWriter, r *http.Request, ss *session) {
	id := r.PathValue("id")
	if !s.sessions.useOnce(ss, r.PostFormValue("once"), "reset-pin:"+id) {
		s.sessions.setFlash(ss, "That PIN reset was already made, and its PIN was shown once. To see a new PIN, reset it again.")
		http.Redirect(w, r, paneLink(id), http.StatusSeeOther)
		return
	}
	res, ok := s.editUser1(w, r, ss, id, &teams.UserEdit{Cmdlet: actionResetPIN, ResetLeaderPIN: true})
	if !ok {
		return
	}
	d := pinData{DisplayName: res.User.DisplayName, UPN: res.User.UserPrincipalName, PIN: res.PIN, Back: paneLink(id),
		Mailed: mailedTo(res), Warnings: res.Outcome.Warnings}
	s.render(w, r, http.StatusOK, "pin", s.adminView(ss, "PIN reset", "users", d))
}

// resetConferenceID gives the user a new conference ID (as -ResetConferenceId).
func (s *Server) resetConferenceID(w http.ResponseWriter, r *http.Request, ss *session) {
	id := r.PathValue("id")
	if !s.sessions.useOnce(ss, r.PostFormValue("once"), "reset-conference-id:"+id) {
		s.sessions.setFlash(ss, "That conference ID reset was already made.")
		http.Redirect(w, r, paneLink(id), http.StatusSeeOther)
		return
	}
	res, ok := s.editUser1(w, r, ss, id, &teams.UserEdit{Cmdlet: actionResetConferenceID, ResetConferenceID: true})
	if !ok {
		return
	}
	s.doneFlash(ss, res, fmt.Sprintf("The new conference ID of %s is %s.", res.User.DisplayName, res.User.Conferencing.ConferenceID))
	http.Redirect(w, r, paneLink(id), http.StatusSeeOther)
}

// sendInfo emails the user their dial-in information (as -SendEmail; no
// PIN in it).
func (s *Server) sendInfo(w http.ResponseWriter, r *http.Request, ss *session) {
	id := r.PathValue("id")
	res, ok := s.editUser1(w, r, ss, id, &teams.UserEdit{Cmdlet: actionSendInfo, SendEmail: true})
	if !ok {
		return
	}
	s.doneFlash(ss, res, "")
	http.Redirect(w, r, paneLink(id), http.StatusSeeOther)
}

// doneFlash keeps the outcome of a change for the pane: msg, where the
// mail went, the warnings.
func (s *Server) doneFlash(ss *session, res *teams.UserEditResult, msg string) {
	for _, to := range mailedTo(res) {
		msg += " An email was sent to " + to + "."
	}
	for _, warn := range res.Outcome.Warnings {
		msg += " " + warn
	}
	if msg == "" {
		msg = "Nothing changed."
	}
	s.sessions.setFlash(ss, msg)
}

// mailedTo are the addresses a change's mails went to.
func mailedTo(res *teams.UserEditResult) []string {
	var to []string
	for _, m := range res.Outcome.Mails {
		to = append(to, m.To)
	}
	return to
}

// editUser1 applies one edit as the signed-in admin, durably, and reports
// a refusal as a page (false): the cmdlet's own message.
func (s *Server) editUser1(w http.ResponseWriter, r *http.Request, ss *session, id string, edit *teams.UserEdit) (*teams.UserEditResult, bool) {
	var res *teams.UserEditResult
	err := s.tenant.ChangeAs(ss.account, func(wr storage.Writer, admin *storage.User) error {
		var err error
		res, err = s.tenant.ApplyUserEdit(wr, admin, id, edit)
		return err
	})
	if err != nil {
		s.refused(w, r, ss, err, paneLink(id))
		return nil, false
	}
	// Durable now (ChangeAs synced): the mails may leave, as Finish
	// lets a cmdlet's leave.
	res.Outcome.Warnings = append(res.Outcome.Warnings, teams.DeliverMails(r.Context(), s.opts.MailRelay(), &res.Outcome, s.opts.SendMail)...)
	return res, true
}

// refusedData is a refused change's page.
type refusedData struct{ Message, Back string }

// refused shows why the tenant refused a change, in the cmdlets' words.
func (s *Server) refused(w http.ResponseWriter, r *http.Request, ss *session, err error, back string) {
	var rec *engine.ErrorRecord
	if !errors.As(err, &rec) {
		if errors.Is(err, storage.ErrNotFound) {
			s.notFound(w, r)
			return
		}
		s.internal(w, r, err)
		return
	}
	status := http.StatusUnprocessableEntity
	switch rec.ErrorID {
	case "AccessDenied", "NotConnected":
		status = http.StatusForbidden
	case "ManagementException":
		status = http.StatusNotFound
	}
	s.render(w, r, status, "refused", s.adminView(ss, "Not changed", "users", refusedData{Message: rec.Message, Back: back}))
}
