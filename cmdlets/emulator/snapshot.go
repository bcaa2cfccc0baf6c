package emulator

import (
	"errors"
	"io/fs"
	"os"
	"strconv"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// Checkpoint-Tenant and Restore-Tenant: rehearse a risky script safely —
// checkpoint, run it, inspect (Get-TenantAuditLog), restore.

// snapshotKeyHelp explains what a snapshot holds of the tenant secret;
// both cmdlets' help carries it.
const snapshotKeyHelp = "A snapshot holds the whole tenant — users with their keyed PIN hashes, bridges, numbers, settings, " +
	"policies, the outbox with its sealed mail bodies, the audit log — but never the tenant's secret key file " +
	"(<tenant directory>.key, beside the store), so a copy of a snapshot reveals no PIN. Restored into the tenant it " +
	"was taken from, everything works. Restoring it into another tenant directory needs -AllowForeignSnapshot (the " +
	"snapshot is not authenticated by that directory's key file); there leader PINs do not verify and mail bodies " +
	"cannot be read until the original key file is copied beside that directory (close csshell first); " +
	"Restore-Tenant warns when the key files differ."

// registerTenantSnapshotCmdlets adds Checkpoint-Tenant and Restore-Tenant.
func registerTenantSnapshotCmdlets(rt *engine.Runtime, t *teams.Tenant) {
	path := engine.Declare[string](engine.ParamInSets("Path", "String", "The snapshot file.", 0, true, engine.AllSets))
	cp := &checkpointParams{path: path,
		force:    engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Replaces an existing file.")),
		passThru: engine.Declare[bool](engine.NamedParam("PassThru", "SwitchParameter", "Returns an object describing the snapshot.")),
	}
	rp := &restoreParams{path: path, force: engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Restores without asking for confirmation.")),
		foreign: engine.Declare[bool](engine.NamedParam("AllowForeignSnapshot", "SwitchParameter",
			"Accepts a snapshot this tenant's key file did not authenticate: one taken in another tenant directory (another key file) "+
				"or by an older csshell. Every record is still checked; use it only for a file you trust.")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Checkpoint-Tenant", Module: "csshell",
		Synopsis:              "Writes a consistent snapshot of the whole emulated tenant to a file.",
		Description:           "Writes a snapshot of the tenant as it is at that moment, while the shell goes on running (changes made meanwhile are not in it, each change is in it whole or not at all). An existing file is replaced only with -Force. The file is written in full and then renamed into place, readable by its owner only. Restore it with Restore-Tenant. Needs an administrator role; a checkpoint changes nothing, so it writes no audit record. " + snapshotKeyHelp,
		SupportsShouldProcess: true,
		Params:                []*engine.ParamInfo{cp.path.Info(), cp.force.Info(), cp.passThru.Info()},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Checkpoint-Tenant -Path ./before.cssnap", Remarks: "Checkpoints the tenant before a risky script."},
			{Title: "Example 2", Code: "Checkpoint-Tenant ./before.cssnap -Force -PassThru", Remarks: "Replaces the file and shows what it holds."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return checkpointTenant(c, t, cp) }),
	})
	rt.Register(&engine.Cmdlet{
		Name: "Restore-Tenant", Module: "csshell",
		Synopsis:              "Replaces the whole emulated tenant with a snapshot written by Checkpoint-Tenant.",
		Description:           "Puts the tenant back as the snapshot holds it: users, PINs, bridges, numbers, settings, policies, outbox and audit log. Checkpoint-Tenant authenticates every snapshot with a keyed MAC (HMAC-SHA256 under a key derived from the tenant's key file), so a file changed after it was written — a user made an administrator, say — is refused; a snapshot taken under another key file (or by an older csshell) is refused too unless -AllowForeignSnapshot is given. Every record is then checked before anything changes: the restored tenant must have a Global Administrator, no UPN, SIP address, mailbox address or conference ID held by two users, indexes that agree with the users, and counters past their logs. A file that is not a csshell snapshot, was written by a newer csshell, is truncated, damaged or forged, or fails those checks is refused with an error and nothing changes; a snapshot from an older csshell is brought up to date. Afterwards the session stays signed in as the same account when it exists in the restored tenant, else as its Global Administrator, and one audit record (Restore-Tenant) is added to the restored audit log. Everything changed since the checkpoint is lost: without -Force it asks for confirmation when a person is at the keyboard and fails otherwise. Needs an administrator role. The restore is all or nothing: if csshell is stopped in the middle of it (even killed), the next start finishes it from a copy of the snapshot kept beside the tenant directory (<tenant directory>.restore, readable by its owner only, removed once done). " + snapshotKeyHelp,
		SupportsShouldProcess: true, ConfirmImpact: "High",
		Params: []*engine.ParamInfo{rp.path.Info(), rp.force.Info(), rp.foreign.Info()},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Checkpoint-Tenant ./before.cssnap\n./bulk-reset.ps1 -Path users.csv\nGet-TenantAuditLog\nRestore-Tenant ./before.cssnap -Force",
				Remarks: "Rehearses a bulk script: checkpoint, run, inspect what it changed, put everything back."},
			{Title: "Example 2", Code: "Restore-Tenant ./from-lab.cssnap -AllowForeignSnapshot -Force",
				Remarks: "Restores a snapshot taken in another tenant directory; copy that directory's key file beside this one for its PINs to verify."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return restoreTenant(c, t, rp) }),
	})
}

// checkpointParams are Checkpoint-Tenant's parameters (-Path is shared
// with Restore-Tenant).
type checkpointParams struct {
	path            engine.Param[string]
	force, passThru engine.Param[bool]
}

// restoreParams are Restore-Tenant's parameters.
type restoreParams struct {
	path           engine.Param[string]
	force, foreign engine.Param[bool]
}

// snapshotStore returns the tenant store as a Snapshotter.
func snapshotStore(t *teams.Tenant) (storage.Snapshotter, error) {
	s, ok := t.Store().(storage.Snapshotter)
	if !ok {
		return nil, teams.InvalidOperation("SnapshotNotSupported", nil, "This tenant store cannot be checkpointed or restored.")
	}
	return s, nil
}

// snapshotAdmin checks that the signed-in account is an administrator and
// returns it with the tenant's name (for Checkpoint-, Restore- and
// Reset-Tenant).
func snapshotAdmin(t *teams.Tenant) (admin, tenant string, err error) {
	err = t.Read(func(r storage.Reader) error {
		me, err := t.SignedInAdmin(r)
		if err != nil {
			return err
		}
		tn, err := r.Tenant()
		if err != nil {
			return err
		}
		admin, tenant = me.UserPrincipalName, tn.Name
		return nil
	})
	return admin, tenant, err
}

// snapshotAccess is the first step of Checkpoint- and Restore-Tenant: the
// snapshotAdmin check, then the store as a Snapshotter (snapshotStore).
func snapshotAccess(t *teams.Tenant) (admin, tenant string, snap storage.Snapshotter, err error) {
	if admin, tenant, err = snapshotAdmin(t); err != nil {
		return "", "", nil, err
	}
	snap, err = snapshotStore(t)
	return admin, tenant, snap, err
}

// snapshotFail reports a refused snapshot with the path as given.
func snapshotFail(c *engine.Call, err error, raw string) error {
	var se *storage.SnapshotError
	if !errors.As(err, &se) {
		return teams.Fail(c, teams.StoreError(err, raw))
	}
	id := "SnapshotDamaged"
	switch se.Kind {
	case storage.SnapshotNotSnapshot:
		id = "NotATenantSnapshot"
	case storage.SnapshotNewer:
		id = "SnapshotFromNewerVersion"
	case storage.SnapshotTruncated:
		id = "SnapshotTruncated"
	case storage.SnapshotForeign:
		id = "SnapshotNotAuthenticated"
	case storage.SnapshotForged:
		id = "SnapshotForged"
	case storage.SnapshotInvalid:
		id = "SnapshotInvalid"
	}
	return teams.Fail(c, engine.NewError("InvalidData", id, raw, "%s", se.Message(raw)).
		WithException("System.IO.InvalidDataException"))
}

// checkpointTenant runs Checkpoint-Tenant.
func checkpointTenant(c *engine.Call, t *teams.Tenant, p *checkpointParams) error {
	_, _, snap, err := snapshotAccess(t)
	if err != nil {
		return teams.Fail(c, err)
	}
	raw := p.path.Get(c)
	path := c.ResolvePath(raw)
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return teams.Fail(c, engine.FileOpenError(path, fs.ErrPermission))
		}
		if !p.force.Get(c) {
			return teams.Fail(c, engine.NewError("ResourceExists", "SnapshotFileExists", path,
				"The file '%s' already exists. Use -Force to replace it.", raw).WithException("System.IO.IOException"))
		}
	}
	if ok, err := c.ShouldProcess(path, c.Cmdlet.Name); err != nil || !ok {
		return err
	}
	// Through the runtime's replace handler: the barrier makes what the
	// snapshot holds durable first, and the file is replaced atomically
	// (temporary file, fsync, rename, directory fsync).
	if err := c.ReplaceFile(path, 0o600, snap.Snapshot); err != nil {
		var pe *fs.PathError
		if !engine.IsBarrierError(err) && errors.As(err, &pe) {
			return teams.Fail(c, engine.FileOpenError(path, err))
		}
		return teams.Fail(c, teams.StoreError(err, raw))
	}
	hdr, err := readSnapshotFileHeader(path)
	if err != nil {
		return teams.Fail(c, teams.StoreError(err, raw))
	}
	c.WriteVerbose("Checkpointed tenant '" + hdr.TenantName + "' (" + strconv.Itoa(hdr.Users) + " users) to '" + path + "'.")
	if p.passThru.Get(c) {
		return c.WriteObject(snapshotObject(path, hdr))
	}
	return nil
}

// readSnapshotFileHeader reads a snapshot file's header.
func readSnapshotFileHeader(path string) (*storage.SnapshotHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return storage.ReadSnapshotHeader(f)
}

// snapshotObject describes a snapshot file (Checkpoint-Tenant -PassThru).
func snapshotObject(path string, hdr *storage.SnapshotHeader) *value.Object {
	o := value.NewObject("csshell.TenantSnapshot")
	o.Set("Path", path)
	o.Set("TenantName", hdr.TenantName)
	o.Set("TenantId", hdr.TenantID)
	o.Set("Users", int32(hdr.Users))
	o.Set("Schema", int32(hdr.Schema))
	o.Set("Created", hdr.Created)
	if st, err := os.Stat(path); err == nil {
		o.Set("Length", st.Size())
	}
	return o
}

// restoreTenant runs Restore-Tenant.
func restoreTenant(c *engine.Call, t *teams.Tenant, p *restoreParams) error {
	admin, name, snap, err := snapshotAccess(t)
	if err != nil {
		return teams.Fail(c, err)
	}
	raw := p.path.Get(c)
	path := c.ResolvePath(raw)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return teams.Fail(c, engine.PathNotFoundError(path))
		}
		return teams.Fail(c, engine.FileOpenError(path, err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return teams.Fail(c, engine.FileOpenError(path, fs.ErrPermission))
	}
	hdr, err := storage.ReadSnapshotHeader(f)
	if err != nil {
		return snapshotFail(c, err, raw)
	}
	if ok, err := confirmWholeTenant(c, p.force, name,
		"Restore-Tenant replaces the whole tenant with the snapshot; every change made since it was taken is lost. Run it with -Force to restore without confirmation."); err != nil || !ok {
		return err
	}
	if _, err := f.Seek(0, 0); err != nil {
		return teams.Fail(c, teams.StoreError(err, raw))
	}
	if err := snap.RestoreWith(f, storage.RestoreOptions{AllowForeign: p.foreign.Get(c)}); err != nil {
		return snapshotFail(c, err, raw)
	}
	if err := afterRestore(t, c, admin, path, hdr); err != nil {
		return teams.Fail(c, teams.StoreError(err, hdr.TenantName))
	}
	if hdr.KeyID != "" && hdr.KeyID != snap.KeyID() {
		where := "the tenant directory's key file"
		if dir := t.Store().Dir(); dir != "" {
			where = "'" + storage.KeyFile(dir) + "'"
		}
		c.WriteWarning("The snapshot was taken with another tenant key file: leader PINs do not verify and mail bodies " +
			"cannot be read until that key file is beside this tenant, and csshell will not open this tenant again without it. " +
			"Close csshell and copy that tenant's key file to " + where + ".")
	}
	return nil
}

// afterRestore re-resolves the session (the signed-in account may not
// exist in the restored tenant: then its Global Administrator) and adds
// the Restore-Tenant audit record to the restored log, in the name of the
// administrator who ran it.
func afterRestore(t *teams.Tenant, c *engine.Call, admin, path string, hdr *storage.SnapshotHeader) error {
	return t.Store().Update(func(w storage.Writer) error {
		users, err := w.FindUsers(t.Account())
		if err != nil {
			return err
		}
		if len(users) != 1 {
			ga, err := teams.FirstGlobalAdmin(w)
			if err != nil {
				return err
			}
			t.SetAccount(ga)
		}
		tn, err := w.Tenant()
		if err != nil {
			return err
		}
		return w.AddAudit(&storage.AuditRecord{
			Time: w.Now().UTC(), Account: admin, Cmdlet: c.Cmdlet.Name, Target: tn.Name, TargetID: tn.ID,
			Changes: []storage.Change{
				{Property: "Snapshot", New: path},
				{Property: "SnapshotCreated", New: value.ToString(hdr.Created)},
			},
		})
	})
}
