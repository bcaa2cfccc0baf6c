package teams

import (
	"fmt"
	"mime"
	"net/smtp"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// setupMailRelay makes the tenant also deliver each outbox mail to the
// SMTP server named by CSSHELL_SMTP (host:port), when it is set and no
// relay is installed yet.
func setupMailRelay(rt *engine.Runtime, t *Tenant) {
	h := rt.Host()
	if t.Deliver != nil || h == nil || h.Getenv == nil {
		return
	}
	if addr := strings.TrimSpace(h.Getenv("CSSHELL_SMTP")); addr != "" {
		t.Deliver = smtpDeliverer(addr)
	}
}

// smtpDeliverer returns a function that sends a mail through the SMTP
// server at addr (no authentication; STARTTLS when the server offers it).
func smtpDeliverer(addr string) func(m *storage.Mail) error {
	return func(m *storage.Mail) error {
		return smtp.SendMail(addr, nil, m.From, []string{m.To}, smtpMessage(m))
	}
}

// smtpMessage renders a mail as an RFC 5322 message with CRLF lines.
func smtpMessage(m *storage.Mail) []byte {
	var b strings.Builder
	from := m.From
	if m.FromDisplayName != "" {
		from = fmt.Sprintf("%s <%s>", mime.QEncoding.Encode("utf-8", m.FromDisplayName), m.From)
	}
	fmt.Fprintf(&b, "From: %s\r\n", from)
	fmt.Fprintf(&b, "To: %s\r\n", m.To)
	fmt.Fprintf(&b, "Subject: %s\r\n", mime.QEncoding.Encode("utf-8", m.Subject))
	fmt.Fprintf(&b, "Date: %s\r\n", m.Sent.Format("Mon, 02 Jan 2006 15:04:05 -0700"))
	fmt.Fprintf(&b, "Message-ID: <csshell-%d-%d@contoso.invalid>\r\n", m.Seq, m.Sent.Unix())
	b.WriteString("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	body := strings.ReplaceAll(strings.ReplaceAll(m.Body, "\r\n", "\n"), "\n", "\r\n")
	b.WriteString(body)
	if !strings.HasSuffix(body, "\r\n") {
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}
