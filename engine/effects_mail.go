package engine

import "context"

// SendMail hands m to the host's mail handler (SMTP by default) after the
// durability barrier: the recipient never reads about a change that a
// crash could still undo.
func (rt *Runtime) SendMail(ctx context.Context, m *OutboundMail) error {
	if err := rt.Barrier(); err != nil {
		return err
	}
	send := rt.host.mailHandler
	if send == nil {
		send = DefaultMailHandler()
	}
	return send(ctx, m)
}

// SendMail hands m to the mail relay after the durability barrier; see
// Runtime.SendMail.
func (c *Call) SendMail(m *OutboundMail) error { return c.rt.SendMail(c.ctx, m) }
