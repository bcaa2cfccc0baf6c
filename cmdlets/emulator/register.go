// Package emulator holds csshell's own cmdlets (module "csshell"): the
// tenant emulator's users, licences, outbox and audit log, Reset-Tenant,
// Checkpoint-Tenant / Restore-Tenant, Test-TenantLeaderPin, and the
// caller's side of audio conferencing (Invoke-TenantDialIn, the meeting
// cmdlets, the dial-in options). They have
// no counterpart in the real service and work on the same tenant as the
// MicrosoftTeams cmdlets of package teams.
package emulator

import (
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
)

// Module is the module name csshell's own cmdlets answer to.
const Module = "csshell"

// Register adds the emulator cmdlets bound to t.
func Register(rt *engine.Runtime, t *teams.Tenant) {
	rt.AddModule(Module)
	registerTenantEmuUserCmdlets(rt, t)
	registerTenantEmuMailCmdlets(rt, t)
	registerTenantResetCmdlet(rt, t)
	registerTenantSnapshotCmdlets(rt, t)
	registerTestLeaderPin(rt, t)
	registerDialInFormats(rt)
	registerInvokeDialIn(rt, t)
	registerMeetingCmdlets(rt, t)
	registerDialInOptions(rt, t)
}
