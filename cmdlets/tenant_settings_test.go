package cmdlets

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// cfgSession is a shell session on a fresh in-memory demo tenant for Go
// tests of the tenant-level cmdlets.
type cfgSession struct {
	t      testing.TB
	rt     *engine.Runtime
	buf    *bytes.Buffer
	store  storage.Store
	tenant *Tenant
}

// newCfgSession opens a demo tenant; input is what a person types at
// prompts, and interactive says whether one is at the keyboard.
func newCfgSession(t testing.TB, input string, interactive bool) *cfgSession {
	t.Helper()
	store, err := storage.OpenInMemory()
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	tenant, err := NewTenant(store)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	tenant.SetClock(func() time.Time { return tenantClock })
	buf := &bytes.Buffer{}
	h := engine.NewHost(strings.NewReader(input), buf, buf)
	h.Interactive = interactive
	h.Getenv = func(string) string { return "" }
	rt := engine.New(h)
	Register(rt)
	RegisterTenant(rt, tenant)
	return &cfgSession{t: t, rt: rt, buf: buf, store: store, tenant: tenant}
}

// run executes one input and returns its output, trimmed.
func (s *cfgSession) run(script string) string {
	s.buf.Reset()
	s.rt.Execute(context.Background(), "<test>", script)
	return strings.TrimSpace(s.buf.String())
}

// expect runs script and fails unless its output is want.
func (s *cfgSession) expect(script, want string) {
	s.t.Helper()
	if got := s.run(script); got != want {
		s.t.Errorf("%s\n--- got ---\n%s\n--- want ---\n%s", script, got, want)
	}
}

// update changes the store directly (what no cmdlet can do).
func (s *cfgSession) update(fn func(w storage.Writer) error) {
	s.t.Helper()
	if err := s.store.Update(fn); err != nil {
		s.t.Fatalf("update: %v", err)
	}
}

// TestTenantSettingsValidation checks the settings rules on the storage
// side: a rejected Set changes nothing and writes no audit record.
func TestTenantSettingsValidation(t *testing.T) {
	s := newCfgSession(t, "", false)
	for _, bad := range []string{
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength 3",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromOverride $true",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromAddress x -SendEmailFromDisplayName y",
		"Set-CsOnlineDialInConferencingTenantSettings -EntryExitAnnouncementsType Loud",
	} {
		if out := s.run(bad); !strings.HasPrefix(out, "Set-CsOnlineDialInConferencingTenantSettings: ") {
			t.Errorf("%s: want an error, got %q", bad, out)
		}
	}
	var got *storage.Settings
	var audits []*storage.AuditRecord
	err := s.store.View(func(r storage.Reader) error {
		var err error
		if got, err = r.Settings(); err != nil {
			return err
		}
		audits, err = r.Audit(0, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	want := storage.NewDefaultSettings()
	if got.PinLength != want.PinLength || got.SendEmailFromOverride || got.SendEmailFromAddress != "" || got.EntryExitAnnouncementsType != want.EntryExitAnnouncementsType {
		t.Errorf("settings changed by rejected commands: %+v", got)
	}
	if len(audits) != 0 {
		t.Errorf("rejected commands wrote %d audit records", len(audits))
	}
}

// TestTenantSettingsRemoveKeepsGlobalDialOutPolicy: Remove-… restores the
// conferencing settings but not the tenant-wide dial-out grant stored
// beside them.
func TestTenantSettingsRemoveKeepsGlobalDialOutPolicy(t *testing.T) {
	s := newCfgSession(t, "", false)
	s.update(func(w storage.Writer) error {
		st, err := w.Settings()
		if err != nil {
			return err
		}
		st.GlobalDialOutPolicy = "DialoutCPCandPSTNDomestic"
		st.PinLength = 9
		return w.PutSettings(st)
	})
	s.expect("Remove-CsOnlineDialInConferencingTenantSettings; (Get-CsOnlineDialInConferencingTenantSettings).PinLength", "5")
	s.store.View(func(r storage.Reader) error {
		st, err := r.Settings()
		if err != nil || st.GlobalDialOutPolicy != "DialoutCPCandPSTNDomestic" {
			t.Errorf("GlobalDialOutPolicy lost: %v %+v", err, st)
		}
		return nil
	})
}
