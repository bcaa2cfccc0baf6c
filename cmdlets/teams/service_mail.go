package teams

import (
	"context"
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine"

	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// mailPINPrefix starts the line of a notification that carries the PIN
// (composeMail).
const mailPINPrefix = "PIN: "

// MaskedMailBody is a mail's body with its PIN, if it carries one, shown
// as the mask: the admin center's outbox shows every mail but never a PIN
// again (it was shown once, when it was reset).
func MaskedMailBody(m *storage.Mail) string {
	if !storage.MailCarriesPIN(m.Kind) {
		return m.Body
	}
	lines := strings.Split(m.Body, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, mailPINPrefix) {
			lines[i] = mailPINPrefix + secret.Mask
		}
	}
	return strings.Join(lines, "\n")
}

// DeliverMails hands the mails of a change that is already durable to the
// SMTP relay (host:port, "" for none) through send (nil:
// engine.DefaultMailHandler), as Finish does for a cmdlet, and returns
// Finish's warnings for the mails that could not be delivered (the outbox
// keeps them).
func DeliverMails(ctx context.Context, relay string, out *ChangeOutcome, send engine.MailHandlerFunc) []string {
	if relay == "" {
		return nil
	}
	if send == nil {
		send = engine.DefaultMailHandler()
	}
	var warnings []string
	for _, m := range out.Mails {
		if err := send(ctx, outboundMail(relay, m)); err != nil {
			warnings = append(warnings, fmt.Sprintf("The email to '%s' is in the outbox but could not be delivered: %s", m.To, err.Error()))
		}
	}
	return warnings
}
