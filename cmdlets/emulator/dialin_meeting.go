package emulator

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// meetingTargetParams are the -Organizer and -ConferenceId of the meeting
// cmdlets.
type meetingTargetParams struct {
	organizer engine.Param[any]
	confID    engine.Param[string]
}

// newMeetingTargetParams declares them; from the pipeline by property name
// (a meeting object has both).
func newMeetingTargetParams(t *teams.Tenant, verb string) meetingTargetParams {
	org := t.UserIdentityParam(false, "The organizer whose meeting to "+verb+".")
	org.Name = "Organizer"
	org.Sets = []engine.ParamSet{{Name: engine.AllSets, Position: 0, FromPipelineByName: true}}
	conf := engine.NamedParam("ConferenceId", "String", "The conference ID of the meeting to "+verb+" (on any bridge).")
	conf.Sets[0].FromPipelineByName = true
	return meetingTargetParams{organizer: engine.Declare[any](org), confID: engine.Declare[string](conf)}
}

// infos lists the declarations.
func (p meetingTargetParams) infos() []*engine.ParamInfo {
	return []*engine.ParamInfo{p.organizer.Info(), p.confID.Info()}
}

// organizers resolves the meetings' organizers: -Organizer, the holders
// of -ConferenceId (one per bridge), or, with neither and all set, every
// organizer with a meeting record.
func (p meetingTargetParams) organizers(r storage.Reader, c *engine.Call, all bool) ([]*storage.User, error) {
	var out []*storage.User
	if v := p.organizer.Get(c); v != nil {
		u, err := teams.ResolveUser(r, teams.IdentityText(v))
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	if id := strings.TrimSpace(p.confID.Get(c)); id != "" {
		holders, err := conferenceIDHolders(r, id)
		if err != nil {
			return nil, err
		}
		if len(out) == 1 && !slices.ContainsFunc(holders, func(u *storage.User) bool { return u.ID == out[0].ID }) {
			return nil, teams.InvalidArgument("ConferenceIdMismatch", id, "The conference ID %s is not %s's.", id, out[0].UserPrincipalName)
		}
		if len(out) == 0 {
			if len(holders) == 0 {
				return nil, engine.NewError("ObjectNotFound", "ConferenceIdNotFound", id, "No organizer has the conference ID %s.", id).
					WithException("System.Management.Automation.ItemNotFoundException")
			}
			out = holders
		}
	}
	if len(out) > 0 || !all {
		return out, nil
	}
	meetings, err := r.Meetings()
	if err != nil {
		return nil, err
	}
	for _, m := range meetings {
		u, err := r.User(m.OrganizerID)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// conferenceIDHolders returns the users holding a conference ID, on any
// bridge.
func conferenceIDHolders(r storage.Reader, id string) ([]*storage.User, error) {
	bridges, err := r.Bridges()
	if err != nil {
		return nil, err
	}
	var out []*storage.User
	for _, b := range bridges {
		userID, ok, err := r.ConferenceIDOwner(b.ID, id)
		if err != nil {
			return nil, err
		}
		if ok {
			u, err := r.User(userID)
			if err != nil {
				return nil, err
			}
			out = append(out, u)
		}
	}
	return out, nil
}

// registerMeetingCmdlets adds Get-, Join- and Stop-TenantMeeting and
// Disconnect-TenantCall.
func registerMeetingCmdlets(rt *engine.Runtime, t *teams.Tenant) {
	get := newMeetingTargetParams(t, "return")
	rt.Register(&engine.Cmdlet{
		Name: "Get-TenantMeeting", Module: Module,
		Synopsis: "Returns organizers' dial-in meetings: who is in them and who waits in the lobby.",
		Description: "Returns the meeting of an organizer (-Organizer), of the holders of a conference ID (-ConferenceId), or " +
			"every meeting that has calls. A meeting has a State (NotStarted or Started), who started it (StartedBy), its " +
			"Participants and its Lobby (the calls, with their CallId for Disconnect-TenantCall). A meeting past its length " +
			"limit has ended. Any signed-in account may read them.",
		Params:  get.infos(),
		Outputs: []string{meetingType},
		Examples: []engine.Example{
			{Title: "Who waits in the lobby", Code: "(Get-TenantMeeting -Organizer amos.marble@contoso.com).Lobby"},
			{Title: "Every meeting with calls", Code: "Get-TenantMeeting"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var out []any
			err := t.Read(func(r storage.Reader) error {
				organizers, err := get.organizers(r, c, true)
				if err != nil {
					return err
				}
				for _, u := range organizers {
					m, _, err := dialin.Load(r, u, r.Now())
					if err != nil {
						return err
					}
					if len(m.Calls) == 0 {
						if get.organizer.Get(c) == nil && get.confID.Get(c) == "" {
							continue // ended by its length limit
						}
						if u.Conferencing == nil {
							return teams.InvalidOperation("NotEnabledForConferencing", u.UserPrincipalName, "%s", noMeetingReason(u))
						}
					}
					out = append(out, meetingObject(r, u, m))
				}
				return nil
			})
			if err != nil {
				return teams.UserFail(c, err)
			}
			return c.WriteObjects(out)
		}),
	})
	registerJoinMeeting(rt, t)
	registerStopMeeting(rt, t)
	registerDisconnectCall(rt, t)
}

// registerJoinMeeting adds Join-TenantMeeting.
func registerJoinMeeting(rt *engine.Runtime, t *teams.Tenant) {
	target := newMeetingTargetParams(t, "join")
	target.organizer.Info().Sets[0].FromPipelineByName = false
	upn := engine.Declare[string](engine.WithCompleter(engine.ParamInSets("UserPrincipalName", "String",
		"The signed-in user joining from the Teams app.", 1, true, engine.AllSets), t.CompleteUsers))
	admit := engine.Declare[bool](engine.NamedParam("AdmitLobby", "SwitchParameter",
		"Admits everyone waiting in the lobby (needed only when lobby admission is AdmitByOrganizer)."))
	rt.Register(&engine.Cmdlet{
		Name: "Join-TenantMeeting", Module: Module,
		Synopsis: "Joins a user to an organizer's meeting from the Teams app, signed in.",
		Description: "An authenticated user joining from the app starts the meeting without a PIN. When lobby admission is " +
			"AdmitOnStart (the default, Get-TenantDialInOptions) everyone waiting in the lobby joins; under AdmitByOrganizer " +
			"they wait until -AdmitLobby or the organizer's *21. The user must be a user of the tenant. Returns the meeting. " +
			"Only the " + storage.AdminRolesText("and") + " roles may use it; it is audited.",
		Params:  []*engine.ParamInfo{target.organizer.Info(), target.confID.Info(), upn.Info(), admit.Info()},
		Outputs: []string{meetingType},
		Examples: []engine.Example{
			{Title: "The organizer opens the meeting in the app", Code: "Join-TenantMeeting -Organizer amos.marble@contoso.com -UserPrincipalName amos.marble@contoso.com"},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error {
			var out any
			err := t.Change(func(w storage.Writer, admin *storage.User) error {
				organizer, err := oneOrganizer(w, c, target)
				if err != nil {
					return err
				}
				user, err := teams.ResolveUser(w, upn.Get(c))
				if err != nil {
					return err
				}
				call, admitted, err := dialin.AppJoin(w, organizer, user, admit.Get(c))
				if errors.Is(err, dialin.ErrMeetingFull) {
					return teams.InvalidOperation("MeetingFull", organizer.UserPrincipalName, "The meeting of %s is full: %s.",
						organizer.UserPrincipalName, strings.TrimPrefix(err.Error(), "the meeting is full: "))
				}
				if err != nil {
					return err
				}
				m, err := w.Meeting(organizer.ID)
				if err != nil {
					return err
				}
				out = meetingObject(w, organizer, m)
				return t.Audit(w, admin, c, organizer.UserPrincipalName, organizer.ID, []storage.Change{
					{Property: "CallId", New: fmt.Sprint(call.CallID)},
					{Property: "Joined", New: user.UserPrincipalName + " (app)"},
					{Property: "Admitted", New: fmt.Sprint(len(admitted))}})
			})
			if err != nil {
				return teams.UserFail(c, err)
			}
			return c.WriteObject(out)
		}),
	})
}

// oneOrganizer resolves the one organizer a cmdlet acts on, who must be
// enabled for audio conferencing with Microsoft.
func oneOrganizer(r storage.Reader, c *engine.Call, p meetingTargetParams) (*storage.User, error) {
	organizers, err := p.organizers(r, c, false)
	if err != nil {
		return nil, err
	}
	switch {
	case len(organizers) == 0:
		return nil, teams.InvalidArgument("OrganizerRequired", nil, "Give -Organizer or -ConferenceId.")
	case len(organizers) > 1:
		return nil, teams.InvalidArgument("AmbiguousConferenceId", p.confID.Get(c), "The conference ID is held on several bridges: give -Organizer.")
	}
	u := organizers[0]
	if u.Conferencing == nil {
		return nil, teams.InvalidOperation("NotEnabledForConferencing", u.UserPrincipalName, "%s", noMeetingReason(u))
	}
	return u, nil
}
