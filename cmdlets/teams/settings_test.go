package teams_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// TestTenantSettingsValidation checks the settings rules on the storage
// side: a rejected Set changes nothing and writes no audit record.
func TestTenantSettingsValidation(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	for _, bad := range []string{
		"Set-CsOnlineDialInConferencingTenantSettings -PinLength 3",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromOverride $true",
		"Set-CsOnlineDialInConferencingTenantSettings -SendEmailFromAddress x -SendEmailFromDisplayName y",
		"Set-CsOnlineDialInConferencingTenantSettings -EntryExitAnnouncementsType Loud",
	} {
		if out := s.Run(bad); !strings.HasPrefix(out, "Set-CsOnlineDialInConferencingTenantSettings: ") {
			t.Errorf("%s: want an error, got %q", bad, out)
		}
	}
	var got *storage.Settings
	var audits []*storage.AuditRecord
	err := s.Store.View(func(r storage.Reader) error {
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
	s := tenanttest.NewMemorySession(t, "", false)
	s.Update(func(w storage.Writer) error {
		st, err := w.Settings()
		if err != nil {
			return err
		}
		st.GlobalDialOutPolicy = "DialoutCPCandPSTNDomestic"
		st.PinLength = 9
		return w.PutSettings(st)
	})
	s.Expect("Remove-CsOnlineDialInConferencingTenantSettings; (Get-CsOnlineDialInConferencingTenantSettings).PinLength", "5")
	s.Store.View(func(r storage.Reader) error {
		st, err := r.Settings()
		if err != nil || st.GlobalDialOutPolicy != "DialoutCPCandPSTNDomestic" {
			t.Errorf("GlobalDialOutPolicy lost: %v %+v", err, st)
		}
		return nil
	})
}
