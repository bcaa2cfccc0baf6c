package emulator

import (
	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/storage"
)

// dialInOptionsType is the type name of Get-TenantDialInOptions' object.
const dialInOptionsType = "csshell.TenantDialInOptions"

// dialInOptionsObject is the options as an object.
func dialInOptionsObject(o *storage.DialInOptions) *value.Object {
	obj := value.NewObject(dialInOptionsType, "System.Management.Automation.PSCustomObject", "System.Object")
	obj.Set("LobbyAdmission", o.LobbyAdmission)
	return obj
}

// registerDialInOptions adds Get- and Set-TenantDialInOptions.
func registerDialInOptions(rt *engine.Runtime, t *teams.Tenant) {
	const about = "LobbyAdmission says what happens to callers waiting in the lobby when a meeting starts. AdmitOnStart " +
		"(the default): they all join when the organizer starts it with the PIN or an authenticated user joins from the app " +
		"— the seed article's rule, Skype for Business and Teams until 2021. AdmitByOrganizer: they wait until the " +
		"organizer admits them (*21 on the phone, Join-TenantMeeting -AdmitLobby) — the Teams articles since June 2021. " +
		"The sources disagree; this is the emulator's switch, not a setting of the real service."
	rt.Register(&engine.Cmdlet{
		Name: "Get-TenantDialInOptions", Module: Module,
		Synopsis:    "Returns the emulator's switches for the caller's side of audio conferencing.",
		Description: about + " Any signed-in account may read them.",
		Outputs:     []string{dialInOptionsType},
		Examples:    []engine.Example{{Title: "Which lobby rule is in force", Code: "(Get-TenantDialInOptions).LobbyAdmission"}},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var o *storage.DialInOptions
			err := t.Read(func(r storage.Reader) error {
				var err error
				o, err = r.DialInOptions()
				return err
			})
			if err != nil {
				return teams.UserFail(c, err)
			}
			return c.WriteObject(dialInOptionsObject(o))
		}),
	})
	mode := engine.NamedParam("LobbyAdmission", "String", "AdmitOnStart or AdmitByOrganizer.")
	mode.ValidateSet = storage.LobbyAdmissionModes
	lobby := engine.Declare[string](mode)
	rt.Register(&engine.Cmdlet{
		Name: "Set-TenantDialInOptions", Module: Module, SupportsShouldProcess: true,
		Synopsis:    "Changes the emulator's switches for the caller's side of audio conferencing.",
		Description: about + " Only the " + storage.AdminRolesText("and") + " roles may change them; the change is audited.",
		Params:      []*engine.ParamInfo{mode},
		Examples: []engine.Example{
			{Title: "Rehearse today's Teams rule", Code: "Set-TenantDialInOptions -LobbyAdmission AdmitByOrganizer"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			if !lobby.Given(c) {
				return nil
			}
			if ok, err := c.ShouldProcess("Global", "Set the lobby admission to "+lobby.Get(c)); !ok || err != nil {
				return err
			}
			err := t.Change(func(w storage.Writer, admin *storage.User) error {
				o, err := w.DialInOptions()
				if err != nil {
					return err
				}
				old := o.LobbyAdmission
				o.LobbyAdmission, _ = teams.Canonical(lobby.Get(c), storage.LobbyAdmissionModes)
				if err := w.PutDialInOptions(o); err != nil {
					return err
				}
				return t.Audit(w, admin, c, "Global", "", []storage.Change{{Property: "LobbyAdmission", Old: old, New: o.LobbyAdmission}})
			})
			if err != nil {
				return teams.UserFail(c, err)
			}
			return nil
		}),
	})
}
