package emulator_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/badgerstore"
)

// foreignSnapshot writes a snapshot of another tenant directory (another
// key file) whose demo tenant edit changed, and returns it.
func foreignSnapshot(t *testing.T, edit func(w storage.Writer) error) []byte {
	t.Helper()
	f, err := badgerstore.Open(filepath.Join(t.TempDir(), "other"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Update(edit); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Snapshot(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// setRoles gives the user upn these roles.
func setRoles(upn string, roles ...string) func(w storage.Writer) error {
	return func(w storage.Writer) error {
		us, err := w.FindUsers(upn)
		if err != nil {
			return err
		}
		us[0].Roles = roles
		return w.PutUser(us[0])
	}
}

// relabel rewrites a snapshot with its header naming keyID and its
// checksum recomputed — all that someone without the key file can do.
func relabel(t *testing.T, data []byte, keyID string) []byte {
	return rewrite(t, data, keyID, func(p []byte) []byte { return p })
}

// rewrite edits a snapshot's payload (edit must keep every length, so the
// key lists still decode), names keyID in its header and recomputes its
// checksum.
func rewrite(t *testing.T, data []byte, keyID string, edit func(payload []byte) []byte) []byte {
	t.Helper()
	var payload bytes.Buffer
	hdr, err := storage.ReadSnapshot(bytes.NewReader(data), &payload)
	if err != nil {
		t.Fatal(err)
	}
	p := edit(bytes.Clone(payload.Bytes()))
	if len(p) != payload.Len() || bytes.Equal(p, payload.Bytes()) && keyID == hdr.KeyID {
		t.Fatal("the edit changed the payload's length, or nothing")
	}
	hdr.KeyID = keyID
	var out bytes.Buffer
	if err := storage.WriteSnapshot(&out, hdr, func(w io.Writer) error { _, err := w.Write(p); return err }); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// replaceOnce replaces the one occurrence of old (same length as new).
func replaceOnce(t *testing.T, p []byte, old, new string) []byte {
	t.Helper()
	if len(old) != len(new) || bytes.Count(p, []byte(old)) != 1 {
		t.Fatalf("%q: %d occurrences, lengths %d and %d", old, bytes.Count(p, []byte(old)), len(old), len(new))
	}
	return bytes.Replace(p, []byte(old), []byte(new), 1)
}

// TestRestoreTenantCraftedSnapshots: crafted snapshots — a user made a
// Global Administrator (under another key; relabelled as this tenant's
// with the checksum recomputed), no administrator left, a UPN two users
// share, the mail counter behind its mail, cut short, garbage — are
// refused with a PowerShell error naming why, with or without
// -AllowForeignSnapshot where the records are at fault, and a checkpoint
// taken after the refusals is byte for byte the one taken before them.
func TestRestoreTenantCraftedSnapshots(t *testing.T) {
	s := syntheticSession(t, "disk")
	dir := t.TempDir()
	s.Run("Set-Location '" + dir + "'")
	// A mail in the outbox, so the mail counter numbers something.
	s.Run("Set-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com -ResetLeaderPin | Out-Null")
	s.Expect("Checkpoint-Tenant before.cssnap", "")
	good, err := os.ReadFile(filepath.Join(dir, "before.cssnap"))
	if err != nil {
		t.Fatal(err)
	}
	keyID := s.Store.(storage.Snapshotter).KeyID()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Amos made a Global Administrator in another tenant directory, the
	// header relabelled with this tenant's key id, checksum recomputed.
	admin := foreignSnapshot(t, setRoles("amos.marble@contoso.com", storage.RoleGlobalAdmin))
	write("admin.cssnap", admin)
	write("forged.cssnap", relabel(t, admin, keyID))
	write("noadmin.cssnap", foreignSnapshot(t, setRoles(storage.DemoAdminUPN)))
	// Amos's record given Alex's UPN (same length, so the key lists still
	// decode); the mail counter zeroed behind the mail it numbered.
	write("dupupn.cssnap", rewrite(t, good, "0123456789abcdef", func(p []byte) []byte {
		return replaceOnce(t, p, `"UserPrincipalName":"amos.marble@contoso.com"`, `"UserPrincipalName":"alex.wilber@contoso.com"`)
	}))
	write("counter.cssnap", rewrite(t, good, "0123456789abcdef", func(p []byte) []byte {
		at := bytes.Index(p, append([]byte{0x0a, 5}, storage.CounterKey(storage.CounterMail)...))
		if at < 0 || p[at+7] != 0x12 || p[at+8] != 8 {
			t.Fatal("no mail counter in the snapshot")
		}
		copy(p[at+9:at+17], make([]byte, 8))
		return p
	}))
	write("cut.cssnap", good[:len(good)-20])
	write("garbage.cssnap", bytes.Repeat([]byte{0x9c, 0x00, 0x41}, 4000))

	for _, c := range []struct{ line, err, id string }{
		{"Restore-Tenant admin.cssnap -Force",
			"Restore-Tenant: The snapshot 'admin.cssnap' was not written with this tenant's key file (or was written by an older csshell), so it cannot be authenticated. If you trust the file, restore it with -AllowForeignSnapshot: every record is still checked.",
			"SnapshotNotAuthenticated"},
		{"Restore-Tenant forged.cssnap -Force",
			"Restore-Tenant: The snapshot 'forged.cssnap' fails its authentication check: it was changed after Checkpoint-Tenant wrote it.",
			"SnapshotForged"},
		{"Restore-Tenant forged.cssnap -AllowForeignSnapshot -Force",
			"Restore-Tenant: The snapshot 'forged.cssnap' fails its authentication check: it was changed after Checkpoint-Tenant wrote it.",
			"SnapshotForged"},
		{"Restore-Tenant noadmin.cssnap -AllowForeignSnapshot -Force",
			"Restore-Tenant: The snapshot 'noadmin.cssnap' cannot be restored: it holds no Global Administrator, so nobody could change the tenant again.",
			"SnapshotInvalid"},
		{"Restore-Tenant dupupn.cssnap -AllowForeignSnapshot -Force",
			"Restore-Tenant: The snapshot 'dupupn.cssnap' cannot be restored: its indexes do not agree with its users.",
			"SnapshotInvalid"},
		{"Restore-Tenant counter.cssnap -AllowForeignSnapshot -Force",
			"Restore-Tenant: The snapshot 'counter.cssnap' cannot be restored: its mail counter is behind its last mail record, so new records would overwrite old ones.",
			"SnapshotInvalid"},
		{"Restore-Tenant cut.cssnap -AllowForeignSnapshot -Force",
			"Restore-Tenant: The snapshot 'cut.cssnap' is incomplete: the file ends before the snapshot does (was it copied or written only in part?).",
			"SnapshotTruncated"},
		{"Restore-Tenant garbage.cssnap -AllowForeignSnapshot -Force",
			"Restore-Tenant: The file 'garbage.cssnap' is not a csshell tenant snapshot.",
			"NotATenantSnapshot"},
	} {
		s.Expect(c.line, c.err)
		s.Expect("$Error[0].FullyQualifiedErrorId", c.id+",Microsoft.PowerShell.Commands.RestoreTenantCommand")
		s.Expect("$Error[0].CategoryInfo.Category", "InvalidData")
	}
	s.Expect("Checkpoint-Tenant after.cssnap", "")
	after, err := os.ReadFile(filepath.Join(dir, "after.cssnap"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(good, after) {
		t.Error("a refused restore changed the tenant: the checkpoints before and after differ")
	}
	for _, p := range []string{s.Store.Dir() + ".restore", s.Store.Dir() + ".restore-spool"} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s left beside the store", p)
		}
	}
	// The foreign snapshot with the administrator made is intact and
	// valid: -AllowForeignSnapshot restores it (the switch is the
	// administrator's decision to trust the file).
	s.Run("Restore-Tenant admin.cssnap -AllowForeignSnapshot -Force -WarningAction SilentlyContinue")
	s.Expect("(Get-TenantUser amos.marble@contoso.com).Roles", storage.RoleGlobalAdmin)
}

// TestRestoreTenantHelpForeign: the switch is documented in the cmdlet's
// help, and the description says what is authenticated and checked.
func TestRestoreTenantHelpForeign(t *testing.T) {
	s := syntheticSession(t, "memory")
	for _, c := range []struct{ line, want string }{
		{"Get-Help Restore-Tenant -Parameter AllowForeignSnapshot", "Every record is still checked"},
		{"Get-Help Restore-Tenant -Full", "HMAC-SHA256"},
		{"Get-Help Restore-Tenant -Full", "must have a Global Administrator"},
		{"Get-Help Restore-Tenant -Full", "The restore is all or nothing"},
	} {
		if out := s.Run(c.line); !strings.Contains(strings.Join(strings.Fields(out), " "), c.want) {
			t.Errorf("%s: no %q in\n%s", c.line, c.want, out)
		}
	}
}
