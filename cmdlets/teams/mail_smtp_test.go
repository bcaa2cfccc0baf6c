package teams_test

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
)

// fakeSMTP is a minimal SMTP server on 127.0.0.1 that records each
// message it is given.
type fakeSMTP struct {
	ln   net.Listener
	mu   sync.Mutex
	msgs []smtpMsg
	wg   sync.WaitGroup
}

type smtpMsg struct {
	from string
	to   []string
	data string
}

func startFakeSMTP(t *testing.T) *fakeSMTP {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	s := &fakeSMTP{ln: ln}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.wg.Add(1)
			go func() {
				defer s.wg.Done()
				s.serve(conn)
			}()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		s.wg.Wait()
	})
	return s
}

// serve speaks just enough SMTP for net/smtp.SendMail.
func (s *fakeSMTP) serve(conn net.Conn) {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	say := func(line string) { conn.Write([]byte(line + "\r\n")) }
	say("220 fake.smtp ESMTP")
	var cur smtpMsg
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 fake.smtp")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			cur = smtpMsg{from: strings.Trim(strings.TrimSpace(line)[10:], "<> ")}
			say("250 OK")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			cur.to = append(cur.to, strings.Trim(strings.TrimSpace(line)[8:], "<> "))
			say("250 OK")
		case cmd == "DATA":
			say("354 go ahead")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			cur.data = b.String()
			s.mu.Lock()
			s.msgs = append(s.msgs, cur)
			s.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 OK")
		}
	}
}

func (s *fakeSMTP) messages() []smtpMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]smtpMsg(nil), s.msgs...)
}

// smtpRuntime is a runtime over an in-memory tenant whose environment sets
// CSSHELL_SMTP to addr.
func smtpRuntime(t *testing.T, addr string, buf *bytes.Buffer) *engine.Runtime {
	t.Helper()
	setup := tenanttest.Setup(t, func() storage.Store { return tenanttest.OpenMemory(t) })
	return transcript.NewRuntime(buf, func(rt *engine.Runtime) {
		rt.Host().Setenv("CSSHELL_SMTP", addr)
		setup(rt)
	})
}

// TestTenantMailSMTPRelay checks that CSSHELL_SMTP delivers each outbox
// mail to an SMTP server, as well as keeping it in the outbox.
func TestTenantMailSMTPRelay(t *testing.T) {
	srv := startFakeSMTP(t)
	var buf bytes.Buffer
	rt := smtpRuntime(t, srv.ln.Addr().String(), &buf)
	rt.Execute(context.Background(), "<test>", "$r = Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPin; $r.LeaderPin")
	pin := strings.TrimSpace(buf.String())
	if len(pin) != 5 {
		t.Fatalf("reset output %q", pin)
	}
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "Set-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com -SendEmail -SendEmailToAddress ken@example.org -SendEmailFromAddress it@contoso.com -SendEmailFromDisplayName 'Contoso IT'; (Get-TenantMail).Count")
	if got := strings.TrimSpace(buf.String()); got != "2" {
		t.Fatalf("outbox: %q", got)
	}
	msgs := srv.messages()
	if len(msgs) != 2 {
		t.Fatalf("relayed %d messages, want 2", len(msgs))
	}
	reset, info := msgs[0], msgs[1]
	if reset.from != "no-reply@microsoft.com" || len(reset.to) != 1 || reset.to[0] != "amos.marble@contoso.com" {
		t.Errorf("reset envelope: from %q to %v", reset.from, reset.to)
	}
	for _, want := range []string{"To: amos.marble@contoso.com\r\n", "Subject: Your Audio Conferencing PIN has been reset\r\n",
		"From: Microsoft Teams <no-reply@microsoft.com>\r\n", "PIN: " + pin + "\r\n", "Conference ID: 9212081\r\n"} {
		if !strings.Contains(reset.data, want) {
			t.Errorf("reset message lacks %q:\n%s", want, reset.data)
		}
	}
	if info.from != "it@contoso.com" || info.to[0] != "ken@example.org" {
		t.Errorf("info envelope: from %q to %v", info.from, info.to)
	}
	if !strings.Contains(info.data, "From: Contoso IT <it@contoso.com>\r\n") || strings.Contains(info.data, "PIN") {
		t.Errorf("info message:\n%s", info.data)
	}
}

// TestTenantMailSMTPFailure checks that an unreachable relay only warns:
// the change is made and the mail stays in the outbox.
func TestTenantMailSMTPFailure(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	var buf bytes.Buffer
	rt := smtpRuntime(t, addr, &buf)
	rt.Execute(context.Background(), "<test>", "$r = Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPin; (Get-TenantMail).Count; Test-TenantLeaderPin amos.marble@contoso.com $r.LeaderPin")
	out := buf.String()
	if !strings.Contains(out, "WARNING: The email to 'amos.marble@contoso.com' is in the outbox but could not be delivered:") {
		t.Errorf("no delivery warning:\n%s", out)
	}
	if !strings.HasSuffix(strings.TrimSpace(out), "1\nTrue") {
		t.Errorf("change or outbox lost:\n%s", out)
	}
}
