// Package cmdlets wires csshell's cmdlet modules into a runtime: the core
// PowerShell cmdlets (package powershell), the MicrosoftTeams cmdlets
// (package teams), PSReadLine's (package psreadline) and csshell's own
// emulator cmdlets (package emulator).
// Nothing registers itself; cmd/csshell calls these functions.
package cmdlets

import (
	"github.com/csshell/csshell/cmdlets/admincenter"
	"github.com/csshell/csshell/cmdlets/emulator"
	"github.com/csshell/csshell/cmdlets/pester"
	"github.com/csshell/csshell/cmdlets/powershell"
	"github.com/csshell/csshell/cmdlets/psreadline"
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
)

// Register adds the core PowerShell cmdlets, which need no tenant,
// PSReadLine's, and Pester (its test files then run against no tenant).
func Register(rt *engine.Runtime) {
	powershell.Register(rt)
	psreadline.Register(rt)
	pester.Register(rt, pester.Options{})
}

// RegisterTenant adds the cmdlets that work on the tenant t: the
// MicrosoftTeams cmdlets and csshell's emulator cmdlets (with the admin
// center's Start-/Stop-TenantAdminCenter).
func RegisterTenant(rt *engine.Runtime, t *teams.Tenant) {
	teams.Register(rt, t)
	emulator.Register(rt, t)
	admincenter.Register(rt, t)
	// Pester again, now running each test file against a throwaway copy of t.
	pester.Register(rt, pester.Options{Isolate: t.Throwaway})
}
