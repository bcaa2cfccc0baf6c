package emulator

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/storage"
)

// registerTenantResetCmdlet adds Reset-Tenant.
func registerTenantResetCmdlet(rt *engine.Runtime, t *teams.Tenant) {
	syn := engine.NamedParam("SyntheticUsers", "Int32", "Adds this many conferencing-enabled users with mailboxes on the default bridge (user000001@contoso.com …), written in batches.")
	syn.ValidateRange = &[2]float64{0, storage.MaxSyntheticUsers}
	p := &resetParams{
		synthetic: engine.Declare[int](syn),
		force:     engine.Declare[bool](engine.NamedParam("Force", "SwitchParameter", "Resets without asking for confirmation.")),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Reset-Tenant", Module: "csshell",
		Synopsis: "Resets the emulated tenant to the demo tenant or to an empty one.",
		Description: "-Demo replaces everything with the demo tenant (Contoso, two bridges, twelve users). -Empty keeps the tenant, " +
			"its bridges, service numbers, settings, dial-out policies and Global Administrator(s) and removes every other user, " +
			"the outbox and the audit log. -SyntheticUsers N then adds N users (100 000 take a few seconds). The reset is all or nothing: if csshell is stopped in the middle of it (even killed), the next start finishes it, so the tenant is never found half reset. Afterwards the " +
			"session is signed in as the Global Administrator. The reset cannot be undone: without -Force it asks for " +
			"confirmation when a person is at the keyboard and fails otherwise. Needs an administrator role.",
		DefaultSet: "Demo", SupportsShouldProcess: true, ConfirmImpact: "High",
		Params: []*engine.ParamInfo{
			engine.ParamInSets("Demo", "SwitchParameter", "Restores the demo tenant.", -1, true, "Demo"),
			engine.ParamInSets("Empty", "SwitchParameter", "Keeps the tenant's configuration and Global Administrator(s) only.", -1, true, "Empty"),
			p.synthetic.Info(),
			p.force.Info(),
		},
		Examples: []engine.Example{
			{Title: "Example 1", Code: "Reset-Tenant -Demo -Force", Remarks: "Back to the demo tenant."},
			{Title: "Example 2", Code: "Reset-Tenant -Empty -SyntheticUsers 100000 -Force", Remarks: "A tenant of 100 000 conferencing users, for load rehearsals."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return resetTenant(c, t, p) }),
	})
}

// resetParams are the parameters Reset-Tenant reads (-Demo and -Empty
// choose its parameter set).
type resetParams struct {
	synthetic engine.Param[int]
	force     engine.Param[bool]
}

// resetTenant runs Reset-Tenant.
func resetTenant(c *engine.Call, t *teams.Tenant, p *resetParams) error {
	mode := "Demo"
	if c.Set == "Empty" {
		mode = "Empty"
	}
	_, name, err := snapshotAdmin(t)
	if err != nil {
		return teams.Fail(c, err)
	}
	if ok, err := confirmWholeTenant(c, p.force, name,
		"Reset-Tenant deletes the tenant's users, outbox and audit log and cannot be undone. Run it with -Force to reset without confirmation."); err != nil || !ok {
		return err
	}
	n := p.synthetic.Or(c, 0)
	kind := storage.ResetKindDemo
	if mode == "Empty" {
		kind = storage.ResetKindEmpty
	}
	changes := []storage.Change{{Property: "Mode", New: mode}}
	if n > 0 {
		changes = append(changes, storage.Change{Property: "SyntheticUsers", New: strconv.Itoa(n)})
	}
	// The audit record is written by the transaction that completes the
	// reset: the reset and its record are one change, all or nothing.
	var admin string
	err = storage.Reset(t.Store(), kind, n, func(w storage.Writer) error {
		ga, err := teams.FirstGlobalAdmin(w)
		if err != nil {
			return err
		}
		admin = ga
		users, err := w.FindUsers(ga)
		if err != nil {
			return err
		}
		if len(users) != 1 {
			return storage.ErrNotFound
		}
		return t.Audit(w, users[0], c, name, "", changes)
	})
	if err != nil {
		return teams.Fail(c, teams.StoreError(err, name))
	}
	t.SetAccount(admin)
	return nil
}

// confirm is the common -Confirm, read for whether it is given at all
// (-Confirm:$false too), which Call.ShouldProcess does not tell.
var confirm = engine.Declare[bool](commonParam("Confirm"))

// commonParam is the engine's declaration of a ShouldProcess parameter.
func commonParam(name string) *engine.ParamInfo {
	for _, p := range binding.ShouldProcessParams() {
		if p.Name == name {
			return p
		}
	}
	panic("emulator: no common parameter " + name)
}

// confirmWholeTenant asks before Reset-Tenant or Restore-Tenant replaces
// the whole tenant named name: -WhatIf and -Confirm go through
// ShouldProcess, -Force (the cmdlet's force) skips the question, otherwise
// resetConfirm asks it;
// with no one to ask it fails (teams.Fail) with the ConfirmationRequired error
// whose message is noForce. The cmdlet goes on only when ok is true;
// otherwise it returns err.
func confirmWholeTenant(c *engine.Call, force engine.Param[bool], name, noForce string) (ok bool, err error) {
	if c.WhatIf() || confirm.Given(c) {
		return c.ShouldProcess(name, c.Cmdlet.Name)
	}
	if force.Get(c) {
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
