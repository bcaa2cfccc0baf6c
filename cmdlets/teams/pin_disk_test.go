package teams_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/transcript"
	"github.com/csshell/csshell/storage"
)

// pinSession is a runtime over an on-disk tenant for the PIN leak tests.
type pinSession struct {
	t     *testing.T
	store storage.Store
	rt    *engine.Runtime
	buf   bytes.Buffer
}

func openPinSession(t *testing.T, dir string) *pinSession {
	t.Helper()
	s := &pinSession{t: t}
	store := tenanttest.OpenDir(t, dir)
	s.store = store
	s.rt = transcript.NewRuntime(&s.buf, tenanttest.Setup(t, func() storage.Store { return store }))
	return s
}

// run executes script and returns its output (both streams).
func (s *pinSession) run(script string) string {
	s.t.Helper()
	s.buf.Reset()
	s.rt.Execute(context.Background(), "<test>", script)
	return strings.TrimSpace(s.buf.String())
}

// resetPin resets a user's PIN and returns it, failing unless the output
// is exactly one PIN of the tenant's length.
func (s *pinSession) resetPin(upn string, length int) string {
	s.t.Helper()
	out := s.run("(Set-CsOnlineDialInConferencingUser -Identity " + upn + " -ResetLeaderPin -WarningAction SilentlyContinue).LeaderPin")
	if !regexp.MustCompile(`^\d{` + strconv.Itoa(length) + `}$`).MatchString(out) {
		s.t.Fatalf("reset %s: got %q, want a %d-digit PIN", upn, out, length)
	}
	return out
}

// scanDir reports the files under dir whose bytes contain needle.
func scanDir(t *testing.T, dir, needle string) []string {
	t.Helper()
	var hits []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(needle)) {
			hits = append(hits, filepath.Base(path))
		}
		return nil
	})
	if err != nil {
		t.Fatalf("scan %s: %v", dir, err)
	}
	return hits
}

// TestTenantPINNeverOnDisk resets PINs on an on-disk tenant with automatic
// emails off (so no mail carries them) and checks that no file of the
// Badger directory, nor the key file beside it, holds a clear PIN, and
// that the audit log never does. 12-digit PINs make a chance match with
// other stored digits (numbers, ids, salts) negligible.
func TestTenantPINNeverOnDisk(t *testing.T) {
	// With automatic emails on, the reset mails carry the PINs: their
	// bodies are sealed with the tenant key, so the PINs are still not on
	// disk in clear.
	for _, emails := range []string{"$false", "$true"} {
		t.Run("emails "+emails, func(t *testing.T) { pinNeverOnDisk(t, emails) })
	}
}

func pinNeverOnDisk(t *testing.T, emails string) {
	dir := filepath.Join(t.TempDir(), "tenant")
	s := openPinSession(t, dir)
	if out := s.run("Set-CsOnlineDialInConferencingTenantSettings -PinLength 12 -AutomaticallySendEmailsToUsers " + emails); out != "" {
		t.Fatalf("settings: %s", out)
	}
	var pins []string
	for _, upn := range []string{"amos.marble@contoso.com", "ken.myer@contoso.com", "lee.gu@contoso.com", "amos.marble@contoso.com"} {
		pins = append(pins, s.resetPin(upn, 12))
	}
	if out := s.run("Get-CsOnlineDialInConferencingUser | Set-CsOnlineDialInConferencingUser -ResetLeaderPin -WarningAction SilentlyContinue | ForEach-Object LeaderPin"); out != "" {
		pins = append(pins, strings.Fields(out)...)
	}
	if len(pins) != 13 {
		t.Fatalf("got %d PINs, want 13", len(pins))
	}
	mail := s.run("(Get-TenantMail).Count")
	if emails == "$false" && mail != "0" {
		t.Fatalf("mail with automatic emails off: %s", mail)
	}
	if emails == "$true" && (mail == "0" || mail == "") {
		t.Fatalf("no reset mail with automatic emails on: %s", mail)
	}
	audit := s.run("Get-TenantAuditLog | Format-List * | Out-String -Width 4096")
	if err := s.store.Close(); err != nil {
		t.Fatal(err)
	}
	key, err := os.ReadFile(storage.KeyFile(dir))
	if err != nil {
		t.Fatalf("key file: %v", err)
	}
	// Positive control: the scan sees what the store writes in clear.
	if hits := scanDir(t, dir, "amos.marble@contoso.com"); len(hits) == 0 {
		t.Fatal("scan control: a stored UPN was not found on disk; the scan proves nothing")
	}
	for _, pin := range pins {
		if hits := scanDir(t, dir, pin); len(hits) > 0 {
			t.Errorf("PIN %s found on disk in %v", pin, hits)
		}
		if bytes.Contains(key, []byte(pin)) {
			t.Errorf("PIN %s found in the key file", pin)
		}
		if strings.Contains(audit, pin) {
			t.Errorf("PIN %s found in the audit log", pin)
		}
	}
	// The store still verifies the last PINs after a reopen (only hashes
	// were kept, and they are durable).
	s2 := openPinSession(t, dir)
	defer s2.store.Close()
	if out := s2.run("Test-TenantLeaderPin -Identity amos.marble@contoso.com -Pin " + pins[3]); out != "False" {
		// Amos was reset again by the pipeline: his fourth PIN is stale.
		t.Errorf("stale PIN verified: %s", out)
	}
}

// TestTenantPINOnlyInResetMail resets PINs with automatic emails on and
// checks, through the store, that the audit log never holds a PIN and
// that the outbox holds it only in the body of PIN-reset (and enable)
// mails.
func TestTenantPINOnlyInResetMail(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "tenant")
	s := openPinSession(t, dir)
	s.run("Set-CsOnlineDialInConferencingTenantSettings -PinLength 12")
	pins := map[string]string{}
	for _, upn := range []string{"amos.marble@contoso.com", "ken.myer@contoso.com", "david.longmuir@contoso.com"} {
		pins[upn] = s.resetPin(upn, 12)
	}
	s.run("Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -SendEmail")
	s.run("Set-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com -ServiceNumber 12065550100")
	s.run("Disable-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com")
	err := s.store.View(func(r storage.Reader) error {
		recs, err := r.Audit(0, nil)
		if err != nil {
			return err
		}
		for _, a := range recs {
			text := a.Account + a.Cmdlet + a.Target + a.TargetID
			for _, ch := range a.Changes {
				text += ch.Property + ch.Old + ch.New
			}
			for upn, pin := range pins {
				if strings.Contains(text, pin) {
					t.Errorf("audit record %d holds the PIN of %s", a.Seq, upn)
				}
			}
		}
		mails, err := r.Mail(0, nil)
		if err != nil {
			return err
		}
		withPIN := 0
		for _, m := range mails {
			for upn, pin := range pins {
				inHeaders := strings.Contains(m.To+m.From+m.FromDisplayName+m.Subject, pin)
				inBody := strings.Contains(m.Body, pin)
				if inHeaders || inBody && m.Kind != storage.MailPINReset && m.Kind != storage.MailEnabled {
					t.Errorf("mail %d (%s) holds the PIN of %s", m.Seq, m.Kind, upn)
				}
				if inBody {
					withPIN++
				}
			}
		}
		if withPIN != 2 { // Amos and Ken; David has no mailbox
			t.Errorf("%d mails carry a PIN, want 2", withPIN)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.store.Close(); err != nil {
		t.Fatal(err)
	}
	// The outbox is part of the store, so a mailed PIN is on disk in its
	// mail's body (reported as a storage issue: mail bodies are kept in
	// clear).
	if hits := scanDir(t, dir, pins["amos.marble@contoso.com"]); len(hits) > 0 {
		t.Logf("a mailed PIN is on disk (outbox) in %v", hits)
	}
}
