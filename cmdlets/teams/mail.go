package teams

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// The sender of the service's notification emails when the tenant does
// not override it.
const (
	defaultMailFrom     = "no-reply@microsoft.com"
	defaultMailFromName = "Microsoft Teams"
)

// MailRequest is one notification email to compose for a user.
type MailRequest struct {
	Kind string // storage.MailEnabled, MailPINReset, MailInfo, MailDisabled, MailChanged
	User *storage.User
	// Conf is the user's conferencing state to describe (after the change;
	// before it for MailDisabled).
	Conf *storage.Conferencing
	// PIN is the clear PIN, only for MailEnabled and MailPINReset.
	PIN string
	// To overrides the primary SMTP address (-SendEmailToAddress).
	To string
	// FromAddress and FromName override the sender (-SendEmailFrom*).
	FromAddress, FromName string
	// Quiet drops the no-mailbox warning: the Teams cmdlets warn only of
	// an email asked for with -SendEmail, as no source shows the service
	// warning of an automatic one (docs/errors.md).
	Quiet bool
}

// ChangeOutcome carries what a change produced besides its writes: the
// mails to deliver and the warnings to show once it is durable.
type ChangeOutcome struct {
	Mails    []*storage.Mail
	Warnings []string
}

// QueueMail composes a notification and adds it to the outbox inside the
// change's transaction. A user without a mailbox gets none (rule 21)
// unless the To address is overridden: the outcome gets a warning instead.
func (t *Tenant) QueueMail(w storage.Writer, out *ChangeOutcome, req MailRequest) error {
	to := strings.TrimSpace(req.To)
	if to == "" {
		if !req.User.HasMailbox || req.User.PrimarySmtpAddress == "" {
			if req.Quiet {
				return nil
			}
			out.Warnings = append(out.Warnings, fmt.Sprintf(
				"The user '%s' has no mailbox, so no email was sent. Use -SendEmail with -SendEmailToAddress to send the information to another address.",
				req.User.UserPrincipalName))
			return nil
		}
		to = req.User.PrimarySmtpAddress
	}
	s, err := w.Settings()
	if err != nil {
		return err
	}
	from, fromName := defaultMailFrom, defaultMailFromName
	switch {
	case req.FromAddress != "":
		from, fromName = req.FromAddress, req.FromName
	case s.SendEmailFromOverride && s.SendEmailFromAddress != "":
		from, fromName = s.SendEmailFromAddress, s.SendEmailFromDisplayName
	}
	subject, body, err := composeMail(w, req)
	if err != nil {
		return err
	}
	m := &storage.Mail{
		To: to, From: from, FromDisplayName: fromName,
		Subject: subject, Body: body, Kind: req.Kind, UserID: req.User.ID,
		Sent: w.Now().UTC(),
	}
	if err := w.AddMail(m); err != nil {
		return err
	}
	out.Mails = append(out.Mails, m)
	return nil
}

// composeMail writes the subject and body of a notification, in the
// style of the service's own emails. Only MailEnabled and MailPINReset
// bodies carry the PIN (rule 18).
func composeMail(r storage.Reader, req MailRequest) (subject, body string, err error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Hello %s,\n\n", req.User.DisplayName)
	switch req.Kind {
	case storage.MailEnabled:
		subject = "Your Audio Conferencing information"
		b.WriteString("You have been set up for Audio Conferencing with Microsoft. People can now join your meetings by phone.\n\n")
	case storage.MailPINReset:
		subject = "Your Audio Conferencing PIN has been reset"
		b.WriteString("Your administrator has reset the PIN you use to start your meetings by phone.\n\n")
	case storage.MailInfo:
		subject = "Your Audio Conferencing information"
		b.WriteString("Here is the information people need to join your meetings by phone.\n\n")
	case storage.MailChanged:
		subject = "Your Audio Conferencing information has changed"
		b.WriteString("Your administrator has changed the information people use to join your meetings by phone. " +
			"Update your existing meetings with the Meeting Migration Service so invitees get the new information.\n\n")
	case storage.MailDisabled:
		subject = "Audio Conferencing has been removed from your account"
		b.WriteString("You can no longer use Audio Conferencing with Microsoft. People will not be able to join your meetings by phone " +
			"with the dial-in information in your existing meeting invitations: remove it from those meetings.\n")
		b.WriteString(mailFooter)
		return subject, b.String(), nil
	default:
		return "", "", fmt.Errorf("unknown mail kind %q", req.Kind)
	}
	if c := req.Conf; c != nil {
		fmt.Fprintf(&b, "Conference ID: %s\n", c.ConferenceID)
		if c.ServiceNumber != "" {
			fmt.Fprintf(&b, "Dial-in number: %s\n", mailNumberLine(r, c.ServiceNumber))
		}
		if c.TollFreeServiceNumber != "" && c.AllowTollFreeDialIn {
			fmt.Fprintf(&b, "Toll-free number: %s\n", mailNumberLine(r, c.TollFreeServiceNumber))
		}
	}
	if req.PIN != "" && storage.MailCarriesPIN(req.Kind) {
		fmt.Fprintf(&b, "%s%s\n\n", mailPINPrefix, req.PIN)
		b.WriteString("You need the PIN only when you start a meeting by phone; keep it private.\n")
	}
	if req.Kind == storage.MailEnabled {
		b.WriteString("\nUse the Meeting Migration Service to add this information to the meetings you have already scheduled.\n")
	}
	b.WriteString(mailFooter)
	return subject, b.String(), nil
}

// mailFooter ends every notification.
const mailFooter = "\nThis message was sent by Microsoft Teams on behalf of your organization. Please do not reply to this email.\n"

// mailNumberLine shows a service number as +digits with its city.
func mailNumberLine(r storage.Reader, number string) string {
	s := "+" + number
	if n, err := r.ServiceNumber(number); err == nil && n.City != "" {
		s += " (" + n.City + ")"
	}
	return s
}

// Finish shows a committed change's warnings and delivers its mails to the
// SMTP relay, if one is set, through the runtime's mail handler (which
// makes the change durable first); a delivery failure is a warning (the
// outbox keeps the mail).
func (t *Tenant) Finish(c *engine.Call, out *ChangeOutcome) {
	for _, w := range out.Warnings {
		c.WriteWarning(w)
	}
	relay := mailRelay(c)
	if relay == "" {
		return
	}
	for _, m := range out.Mails {
		err := c.SendMail(outboundMail(relay, m))
		if engine.IsBarrierError(err) {
			c.WriteWarning(fmt.Sprintf("The emails were not delivered: the tenant store could not be synced: %s", err.Error()))
			return
		}
		if err != nil {
			c.WriteWarning(fmt.Sprintf("The email to '%s' is in the outbox but could not be delivered: %s", m.To, err.Error()))
		}
	}
}
