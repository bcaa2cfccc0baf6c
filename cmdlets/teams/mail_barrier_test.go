package teams_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine/effectstest"
)

// TestTenantMailRelayAfterBarrier checks that a mail is handed to the
// relay only through the runtime's mail handler, straight after the
// barrier (the tenant store's sync among it), and not at all when the
// barrier fails; the outbox keeps the mail either way.
func TestTenantMailRelayAfterBarrier(t *testing.T) {
	srv := startFakeSMTP(t)
	var buf bytes.Buffer
	rt := smtpRuntime(t, srv.ln.Addr().String(), &buf)
	log := effectstest.Install(t, rt)
	const reset = "Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPin | Out-Null"
	rt.Execute(context.Background(), "<test>", reset)
	log.Check()
	if got := strings.Join(log.Effects(), "|"); got != "mail amos.marble@contoso.com" {
		t.Errorf("effects %q, want one mail", got)
	}
	if n := len(srv.messages()); n != 1 {
		t.Fatalf("relayed %d messages, want 1", n)
	}

	log.Reset()
	log.FailBarrier(errors.New("disk on fire"))
	rt.Execute(context.Background(), "<test>", reset)
	if got := log.Effects(); len(got) != 0 {
		t.Errorf("effects despite a failed barrier: %q", got)
	}
	if n := len(srv.messages()); n != 1 {
		t.Errorf("relayed %d messages, want still 1", n)
	}
	log.FailBarrier(nil)
	buf.Reset()
	rt.Execute(context.Background(), "<test>", "(Get-TenantMail).Count")
	if got := strings.TrimSpace(buf.String()); got != "2" {
		t.Errorf("outbox holds %q mails, want 2", got)
	}
}
