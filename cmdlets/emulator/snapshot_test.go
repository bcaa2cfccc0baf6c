package emulator_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/storage"
)

// TestRestoreTenantPrompt: without -Force an interactive session is asked
// (ConfirmImpact High); "N" changes nothing, "Y" restores.
func TestRestoreTenantPrompt(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "n\ny\n", true)
	snap := filepath.Join(t.TempDir(), "before.cssnap")
	s.Expect("Checkpoint-Tenant -Path '"+snap+"'", "")
	s.Run("New-TenantUser sara.davis@contoso.com | Out-Null")
	out := s.Run("Restore-Tenant -Path '" + snap + "'")
	for _, want := range []string{"Confirm", "Are you sure you want to perform this action?",
		`Performing the operation "Restore-Tenant" on target "Contoso".`, `[Y] Yes  [A] Yes to All  [N] No`} {
		if !strings.Contains(out, want) {
			t.Errorf("prompt lacks %q:\n%s", want, out)
		}
	}
	s.Expect("(Get-TenantUser).Count", "13")
	s.Run("Restore-Tenant -Path '" + snap + "'")
	s.Expect("(Get-TenantUser).Count", "12")
	s.Expect("(Get-TenantAuditLog -Last 1).Cmdlet", "Restore-Tenant")
}

// TestRestoreTenantNewerSchema: a snapshot from a newer csshell is refused
// by its header, with the path as given, and nothing changes.
func TestRestoreTenantNewerSchema(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	dir := t.TempDir()
	s.RT.SetLocation(dir)
	s.Expect("Checkpoint-Tenant -Path before.cssnap", "")
	data, err := os.ReadFile(filepath.Join(dir, "before.cssnap"))
	if err != nil {
		t.Fatal(err)
	}
	newer := bytes.Replace(data, fmt.Appendf(nil, `"Schema":%d,`, storage.SchemaVersion), fmt.Appendf(nil, `"Schema":%d,`, storage.SchemaVersion+2), 1)
	if bytes.Equal(newer, data) {
		t.Fatal("no schema in the header")
	}
	if err := os.WriteFile(filepath.Join(dir, "newer.cssnap"), newer, 0o600); err != nil {
		t.Fatal(err)
	}
	s.Run("New-TenantUser sara.davis@contoso.com | Out-Null")
	s.Expect("Restore-Tenant ./newer.cssnap -Force", fmt.Sprintf(
		"Restore-Tenant: The snapshot './newer.cssnap' was written by a newer csshell (schema %d); this csshell reads schema %d and older.",
		storage.SchemaVersion+2, storage.SchemaVersion))
	s.Expect("Restore-Tenant missing.cssnap -Force",
		"Restore-Tenant: Cannot find path '"+filepath.Join(dir, "missing.cssnap")+"' because it does not exist.")
	s.Expect("(Get-TenantUser).Count", "13")
	// A damaged byte inside is caught by the checksum.
	bad := bytes.Clone(data)
	bad[len(bad)-100] ^= 1
	os.WriteFile(filepath.Join(dir, "bad.cssnap"), bad, 0o600)
	s.Expect("Restore-Tenant bad.cssnap -Force", "Restore-Tenant: The snapshot 'bad.cssnap' is damaged (its checksum does not match its contents).")
	s.Expect("(Get-TenantUser).Count", "13")
	if st, err := os.Stat(filepath.Join(dir, "before.cssnap")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("snapshot file mode: %v %v", st.Mode(), err)
	}
}

// TestRestoreTenantOtherKeyFile: another tenant directory's snapshot is
// not authenticated by this one's key: refused, and nothing changes,
// unless -AllowForeignSnapshot is given; then it is restored with a
// warning that its PINs need that directory's key file.
func TestRestoreTenantOtherKeyFile(t *testing.T) {
	a := syntheticSession(t, "disk")
	snap := filepath.Join(t.TempDir(), "a.cssnap")
	a.Run("Set-CsOnlineDialInConferencingTenantSettings -AutomaticallySendEmailsToUsers $false")
	a.Run("$k = Set-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com -ResetLeaderPin")
	pin := a.Run("$k.LeaderPin")
	a.Expect("Checkpoint-Tenant '"+snap+"'", "")
	a.Expect("Restore-Tenant '"+snap+"' -Force", "")

	b := syntheticSession(t, "disk")
	b.Run("New-TenantUser sara.davis@contoso.com | Out-Null")
	b.Expect("Restore-Tenant '"+snap+"' -Force", "Restore-Tenant: The snapshot '"+snap+"' was not written with this tenant's key file "+
		"(or was written by an older csshell), so it cannot be authenticated. If you trust the file, restore it with -AllowForeignSnapshot: "+
		"every record is still checked.")
	b.Expect("$Error[0].FullyQualifiedErrorId", "SnapshotNotAuthenticated,Microsoft.PowerShell.Commands.RestoreTenantCommand")
	b.Expect("(Get-TenantUser).Count", "13")
	out := b.Run("Restore-Tenant '" + snap + "' -AllowForeignSnapshot -Force")
	want := "WARNING: The snapshot was taken with another tenant key file: leader PINs do not verify and mail bodies cannot be read until that key file is beside this tenant, and csshell will not open this tenant again without it. Close csshell and copy that tenant's key file to '" +
		b.Store.Dir() + ".key'."
	if out != want {
		t.Errorf("got %q\nwant %q", out, want)
	}
	b.Expect("Test-TenantLeaderPin ken.myer@contoso.com "+pin, "False")
	a.Expect("Test-TenantLeaderPin ken.myer@contoso.com "+pin, "True")
}
