package teams

import (
	"strings"

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
