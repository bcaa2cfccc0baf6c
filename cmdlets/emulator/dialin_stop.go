package emulator

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// registerStopMeeting adds Stop-TenantMeeting.
func registerStopMeeting(rt *engine.Runtime, t *teams.Tenant) {
	target := newMeetingTargetParams(t, "end")
	rt.Register(&engine.Cmdlet{
		Name: "Stop-TenantMeeting", Module: Module, SupportsShouldProcess: true,
		Synopsis: "Ends an organizer's dial-in meeting: every call in it and in its lobby is disconnected.",
		Description: "Ends the meeting of -Organizer or of the holder of -ConferenceId (or the meetings piped from " +
			"Get-TenantMeeting). Its calls end; the next caller finds a meeting that has not started. Only the " +
			storage.AdminRolesText("and") + " roles may use it; it is audited.",
		Params: target.infos(),
		Examples: []engine.Example{
			{Title: "End every meeting", Code: "Get-TenantMeeting | Stop-TenantMeeting"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var name string
			err := t.Read(func(r storage.Reader) error {
				u, err := oneOrganizer(r, c, target)
				if err == nil {
					name = u.UserPrincipalName
				}
				return err
			})
			if err != nil {
				return teams.UserFail(c, err)
			}
			if ok, err := c.ShouldProcess(name, "Stop the meeting"); !ok || err != nil {
				return err
			}
			err = t.Change(func(w storage.Writer, admin *storage.User) error {
				u, err := oneOrganizer(w, c, target)
				if err != nil {
					return err
				}
				_, err = StopMeeting(w, admin, c.Cmdlet.Name, u)
				return err
			})
			if err != nil {
				return teams.UserFail(c, err)
			}
			return nil
		}),
	})
}

// registerDisconnectCall adds Disconnect-TenantCall.
func registerDisconnectCall(rt *engine.Runtime, t *teams.Tenant) {
	p := &engine.ParamInfo{Name: "CallId", Type: "Int32[]", Help: "The calls to hang up (CallId of Invoke-TenantDialIn, Get-TenantMeeting's participants and lobby).",
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 0, Mandatory: true, FromPipelineByName: true}}}
	ids := engine.Declare[[]string](p)
	rt.Register(&engine.Cmdlet{
		Name: "Disconnect-TenantCall", Module: Module, SupportsShouldProcess: true,
		Synopsis: "Hangs up calls in a meeting or its lobby.",
		Description: "Ends each call: it leaves the lobby or the meeting (the meeting hears it leave when announcements are " +
			"on). When the last participant leaves, the meeting ends; callers still in the lobby wait for the next start. " +
			"Only the " + storage.AdminRolesText("and") + " roles may use it; it is audited.",
		Params: []*engine.ParamInfo{p},
		Examples: []engine.Example{
			{Title: "Hang up everyone in the lobby", Code: "(Get-TenantMeeting -Organizer amos.marble@contoso.com).Lobby | Disconnect-TenantCall"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			for _, text := range ids.Get(c) {
				id, err := strconv.Atoi(strings.TrimSpace(text))
				if err != nil {
					id = -1
				}
				if ok, err := c.ShouldProcess("call "+text, "Hang up"); err != nil {
					return err
				} else if !ok {
					continue
				}
				err = t.Change(func(w storage.Writer, admin *storage.User) error {
					m, mc, err := dialin.FindCall(w, uint64(id))
					if errors.Is(err, storage.ErrNotFound) || id <= 0 {
						return engine.NewError("ObjectNotFound", "CallNotFound", text, "No call with the id %s is in a meeting or a lobby.", text).
							WithException("System.Management.Automation.ItemNotFoundException")
					}
					if err != nil {
						return err
					}
					organizer, err := w.User(m.OrganizerID)
					if err != nil {
						return err
					}
					m, _, err = dialin.Load(w, organizer, w.Now())
					if err != nil {
						return err
					}
					dialin.Leave(m, mc.CallID, w.Now())
					if err := dialin.Save(w, m); err != nil {
						return err
					}
					return t.Audit(w, admin, c, organizer.UserPrincipalName, organizer.ID, []storage.Change{
						{Property: "CallId", New: fmt.Sprint(id)}, {Property: "CallState", Old: mc.State, New: storage.CallEnded}})
				})
				if err != nil {
					if err := teams.UserFail(c, err); err != nil {
						return err
					}
				}
			}
			return nil
		}),
	})
}
