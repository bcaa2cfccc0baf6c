package teams

import (
	"fmt"
	"mime"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// mailRelay returns the SMTP relay (host:port) that outbox mail is also
// delivered to: CSSHELL_SMTP, read when the mail is sent; "" for none.
func mailRelay(c *engine.Call) string {
	h := c.Host()
	if h == nil || h.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(h.Getenv("CSSHELL_SMTP"))
}

// outboundMail addresses a mail to the relay, from its sender to its
// recipient, as an RFC 5322 message.
func outboundMail(relay string, m *storage.Mail) *engine.OutboundMail {
	return &engine.OutboundMail{Relay: relay, From: m.From, To: []string{m.To}, Data: smtpMessage(m)}
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
