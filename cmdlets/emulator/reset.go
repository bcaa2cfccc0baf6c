package emulator

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// maxSyntheticUsers is the most synthetic users one tenant holds
// (user000001 … user999999).
const maxSyntheticUsers = 999_999

// registerTenantResetCmdlet adds Reset-Tenant.
func registerTenantResetCmdlet(rt *engine.Runtime, t *teams.Tenant) {
	syn := engine.NamedParam("SyntheticUsers", "Int32", "Adds this many conferencing-enabled users with mailboxes on the default bridge (user000001@contoso.com …), written in batches.")
	syn.ValidateRange = &[2]float64{0, maxSyntheticUsers}
	rt.Register(&engine.Cmdlet{
		Name: "Reset-Tenant", Module: "csshell",
		Synopsis: "Resets the emulated tenant to the demo tenant or to an empty one.",
		Description: "-Demo replaces everything with the demo tenant (Contoso, two bridges, twelve users). -Empty keeps the tenant, " +
			"its bridges, service numbers, settings, dial-out policies and Global Administrator(s) and removes every other user, " +
			"the outbox and the audit log. -SyntheticUsers N then adds N users (100 000 take a few seconds). Afterwards the " +
			"session is signed in as the Global Administrator. The reset cannot be undone: without -Force it asks for " +
			"confirmation when a person is at the keyboard and fails otherwise. Needs an administrator role.",
		DefaultSet: "Demo", SupportsShouldProcess: true, ConfirmImpact: "High",
		Params: []*engine.ParamInfo{
			engine.ParamInSets("Demo", "SwitchParameter", "Restores the demo tenant.", -1, true, "Demo"),
			engine.ParamInSets("Empty", "SwitchParameter", "Keeps the tenant's configuration and Global Administrator(s) only.", -1, true, "Empty"),
			syn,
			engine.NamedParam("Force", "SwitchParameter", "Resets without asking for confirmation."),
		},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Reset-Tenant -Demo -Force", Remarks: "Back to the demo tenant."},
			{Title: "Example 2", Code: "Reset-Tenant -Empty -SyntheticUsers 100000 -Force", Remarks: "A tenant of 100 000 conferencing users, for load rehearsals."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return resetTenant(c, t) }),
	})
}

// resetTenant runs Reset-Tenant.
func resetTenant(c *engine.Call, t *teams.Tenant) error {
	mode := "Demo"
	if c.Set == "Empty" {
		mode = "Empty"
	}
	_, name, err := snapshotAdmin(t)
	if err != nil {
		return teams.Fail(c, err)
	}
	if ok, err := confirmWholeTenant(c, name,
		"Reset-Tenant deletes the tenant's users, outbox and audit log and cannot be undone. Run it with -Force to reset without confirmation."); err != nil || !ok {
		return err
	}
	n := c.Int("SyntheticUsers", 0)
	store := t.Store()
	if mode == "Demo" {
		err = storage.ResetDemo(store)
	} else {
		err = storage.ResetEmpty(store)
	}
	if err == nil {
		err = storage.AddSyntheticUsers(store, n)
	}
	if err != nil {
		return teams.Fail(c, teams.StoreError(err, name))
	}
	var admin string
	if err := store.View(func(r storage.Reader) error {
		var err error
		admin, err = teams.FirstGlobalAdmin(r)
		return err
	}); err != nil {
		return teams.Fail(c, teams.StoreError(err, name))
	}
	t.SetAccount(admin)
	changes := []storage.Change{{Property: "Mode", New: mode}}
	if n > 0 {
		changes = append(changes, storage.Change{Property: "SyntheticUsers", New: strconv.Itoa(n)})
	}
	return t.Do(c, func(w storage.Writer, a *storage.User) error {
		return t.Audit(w, a, c, name, "", changes)
	})
}

// confirmWholeTenant asks before Reset-Tenant or Restore-Tenant replaces
// the whole tenant named name: -WhatIf and -Confirm go through
// ShouldProcess, -Force skips the question, otherwise resetConfirm asks it;
// with no one to ask it fails (teams.Fail) with the ConfirmationRequired error
// whose message is noForce. The cmdlet goes on only when ok is true;
// otherwise it returns err.
func confirmWholeTenant(c *engine.Call, name, noForce string) (ok bool, err error) {
	if c.WhatIf() || c.Has("Confirm") {
		return c.ShouldProcess(name, c.Cmdlet.Name)
	}
	if c.Switch("Force") {
		return true, nil
	}
	if !c.Interactive() {
		return false, teams.Fail(c, teams.InvalidOperation("ConfirmationRequired", name, "%s", noForce))
	}
	return resetConfirm(c, name)
}

// resetConfirm asks, as PowerShell's ConfirmImpact High prompt does,
// whether to go on.
func resetConfirm(c *engine.Call, target string) (bool, error) {
	h := c.Host()
	h.WriteLine("")
	h.WriteLine("Confirm")
	h.WriteLine("Are you sure you want to perform this action?")
	h.WriteLine(fmt.Sprintf("Performing the operation \"%s\" on target \"%s\".", c.Cmdlet.Name, target))
	for {
		ans, err := h.Prompt(`[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): `)
		if errors.Is(err, io.EOF) {
			return false, nil // no one answered: do nothing
		}
		if err != nil {
			return false, err
		}
		switch strings.ToUpper(strings.TrimSpace(ans)) {
		case "", "Y", "A":
			return true, nil
		case "N", "L":
			return false, nil
		}
	}
}
