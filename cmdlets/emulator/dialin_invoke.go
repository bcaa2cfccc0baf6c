package emulator

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
)

// Parameter sets of Invoke-TenantDialIn.
const (
	setPhone        = "Phone"
	setDigits       = "Digits"
	setConferenceID = "ConferenceId"
	setOrganizer    = "Organizer"
)

// dialInParams are Invoke-TenantDialIn's parameters.
type dialInParams struct {
	number, callerID, digits, confID, pin engine.Param[string]
	organizer                             engine.Param[any]
}

// registerInvokeDialIn adds Invoke-TenantDialIn.
func registerInvokeDialIn(rt *engine.Runtime, t *teams.Tenant) {
	digits := engine.ParamInSets("Digits", "String", "The touch-tones the caller presses, in order: 0-9, * and #; a comma "+
		"is a pause (the caller stays silent until the prompt times out). E.g. '9212081#*37220#': conference ID, #, * for "+
		"the organizer, the PIN, #.", -1, true, setDigits)
	digits.Sensitive = true
	digits.ValidatePattern = `^[0-9*#,]+$`
	pin := engine.NamedParamInSets("LeaderPin", "String", "The organizer's PIN, keyed when the attendant asks whether the "+
		"caller is the organizer; omitted: the caller does not claim to be.", setConferenceID, setOrganizer)
	pin.Sensitive = true
	pin.Aliases = []string{"Pin"}
	pin.ValidatePattern = `^[0-9]{1,16}$`
	confID := engine.ParamInSets("ConferenceId", "String", "The conference ID the caller keys in.", -1, true, setConferenceID)
	confID.ValidatePattern = `^[0-9]{1,16}$`
	callerID := engine.NamedParam("CallerId", "String", "The caller's number in E.164 form (+ and 7 to 15 digits); omitted: withheld.")
	callerID.ValidatePattern = `^\+[0-9]{7,15}$`
	number := engine.WithCompleter(engine.NamedParam("Number", "String", "The service number dialled, with or without +; "+
		"omitted: the organizer's default toll number, or the default bridge's."), func(prefix string) []string {
		return t.CompleteServiceNumbers(strings.TrimPrefix(prefix, "+"))
	})
	organizer := t.UserIdentityParam(true, "The organizer whose meeting to call (their conference ID is keyed in).", setOrganizer)
	organizer.Name = "Organizer"
	p := &dialInParams{
		number: engine.Declare[string](number), callerID: engine.Declare[string](callerID),
		digits: engine.Declare[string](digits), confID: engine.Declare[string](confID), pin: engine.Declare[string](pin),
		organizer: engine.Declare[any](organizer),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Invoke-TenantDialIn", Module: Module, DefaultSet: setPhone,
		Synopsis: "Places a phone call to the tenant's audio conferencing, as a caller would.",
		Description: "Dials a service number and answers the conferencing auto attendant: the conference ID followed by #, " +
			"then — when the meeting has not started and anonymous callers may not start it — * for the organizer " +
			"and the leader PIN followed by #, which starts the meeting. Callers who are not the organizer wait in the lobby " +
			"until the meeting starts (by default everyone in the lobby joins then; see Set-TenantDialInOptions), or, when the " +
			"organizer's Teams meeting policy has AllowPSTNUsersToBypassLobby True, as soon as an authenticated user is in it. " +
			"With AllowAnonymousUsersToStartMeeting True in that policy, or the organizer's AllowPSTNOnlyMeetings True, nobody " +
			"is asked and the first caller starts the meeting. In the meeting the keypad " +
			"works: *1 help, *5 raise or lower your hand, *6 mute; the organizer's *21 admits the lobby, *22 mutes everyone " +
			"else, *23 turns announcements on or off. Wrong PINs count toward the PIN lockout. Returns the call, with the " +
			"transcript of the prompts played and the keys heard (a PIN's only as " + "*****" + "). Without -Digits, " +
			"-ConferenceId or -Organizer in an interactive session it is a phone: each prompt is shown and keys are read as " +
			"touch-tones (Enter stays silent, H hangs up, Q puts the phone down, leaving the call in its lobby or meeting; before that it hangs up). Only the " +
			storage.AdminRolesText("and") + " roles may place calls; every call is audited, never its digits.",
		Params: []*engine.ParamInfo{number, callerID, digits, confID, organizer, pin},
		Examples: []engine.Example{
			{Title: "The organizer starts the meeting with the PIN", Code: "$r = Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPin\n" +
				"$id = (Get-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com).ConferenceId\n" +
				"Invoke-TenantDialIn -ConferenceId $id -LeaderPin $r.LeaderPin"},
			{Title: "A caller arrives first and waits in the lobby", Code: "Invoke-TenantDialIn -Organizer amos.marble@contoso.com -CallerId +14255550123"},
			{Title: "A scripted call, key by key", Code: "Invoke-TenantDialIn -Number +14255550100 -Digits '9212081#,*6'",
				Remarks: "The conference ID and #, a pause (not the organizer), then *6 in the meeting."},
			{Title: "Pick up the phone", Code: "Invoke-TenantDialIn"},
		},
		Outputs: []string{dialInCallType},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return invokeDialIn(c, t, p) }),
	})
}

// invokeDialIn runs Invoke-TenantDialIn.
func invokeDialIn(c *engine.Call, t *teams.Tenant, p *dialInParams) error {
	if !p.digits.Given(c) && !p.confID.Given(c) && !p.organizer.Given(c) {
		return phoneCall(c, t, p)
	}
	var call *dialin.Call
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		var err error
		call, err = scriptedCall(w, p, c)
		if err != nil {
			return err
		}
		return auditCall(t, w, admin, c, call, call.Audit)
	})
	if err != nil {
		return teams.UserFail(c, err)
	}
	return c.WriteObject(dialInCallObject(call))
}

// scriptedCall places a call whose keys are given: -Digits as they are,
// or built from -ConferenceId/-Organizer and -LeaderPin — the PIN keyed
// only if the attendant asks whether the caller is the organizer, and
// the caller hanging up after a first refusal.
func scriptedCall(w storage.Writer, p *dialInParams, c *engine.Call) (*dialin.Call, error) {
	var organizer *storage.User
	confID := p.confID.Get(c)
	if p.organizer.Given(c) {
		u, err := teams.ResolveUser(w, teams.IdentityText(p.organizer.Get(c)))
		if err != nil {
			return nil, err
		}
		organizer = u
	}
	keys := p.digits.Get(c)
	if p.digits.Given(c) {
		confID, _, _ = strings.Cut(keys, "#")
	}
	number, err := dialNumber(w, p.number.Get(c), organizer, confID)
	if err != nil {
		return nil, err
	}
	call, err := dialin.Dial(w, number, p.callerID.Get(c))
	if err != nil || call.Done() {
		return call, err
	}
	if p.digits.Given(c) {
		return call, feed(w, call, keys, true)
	}
	if organizer != nil {
		if organizer.Conferencing == nil {
			call.Refuse(noMeetingReason(organizer))
			return call, nil
		}
		confID = organizer.Conferencing.ConferenceID
	}
	if err := feed(w, call, confID+"#", false); err != nil {
		return nil, err
	}
	if call.Waiting() == dialin.WaitLeader {
		keys := ","
		if pin := p.pin.Get(c); pin != "" {
			keys = "*" + pin + "#"
		}
		if err := feed(w, call, keys, false); err != nil {
			return nil, err
		}
	}
	if call.Waiting() != "" {
		call.GiveUp()
	}
	return call, nil
}

// feed plays keys into a call (a comma is a pause); once they run out, a
// caller still at a prompt stays silent until the attendant gives up, when
// last says these are the call's last keys.
func feed(w storage.Writer, call *dialin.Call, keys string, last bool) error {
	for i := 0; i < len(keys) && !call.Done(); i++ {
		var err error
		if keys[i] == ',' {
			err = call.Silence(w)
		} else {
			err = call.Press(w, keys[i])
		}
		if err != nil {
			return err
		}
	}
	for last && !call.Done() && call.Timeout() > 0 {
		if err := call.Silence(w); err != nil {
			return err
		}
	}
	call.Flush()
	return nil
}

// noMeetingReason says why an organizer has no meeting to call.
func noMeetingReason(u *storage.User) string {
	if teams.IsThirdParty(u) {
		return fmt.Sprintf("%s's audio conferencing provider is %s, not Microsoft: their meetings are not on the tenant's bridges.",
			u.UserPrincipalName, u.Provider)
	}
	return fmt.Sprintf("%s is not enabled for audio conferencing, so has no conference ID to dial.", u.UserPrincipalName)
}

// dialNumber is the number a call dials: -Number, else the organizer's
// default toll number (the organizer named, or the one holding the
// conference ID on some bridge), else the default bridge's.
func dialNumber(r storage.Reader, given string, organizer *storage.User, confID string) (string, error) {
	if given != "" {
		return given, nil
	}
	if organizer == nil && confID != "" {
		bridges, err := r.Bridges()
		if err != nil {
			return "", err
		}
		for _, b := range bridges {
			if id, ok, err := r.ConferenceIDOwner(b.ID, confID); err != nil {
				return "", err
			} else if ok {
				if organizer, err = r.User(id); err != nil {
					return "", err
				}
				break
			}
		}
	}
	if organizer != nil && organizer.Conferencing != nil && organizer.Conferencing.ServiceNumber != "" {
		return organizer.Conferencing.ServiceNumber, nil
	}
	bridges, err := r.Bridges()
	if err != nil {
		return "", err
	}
	for _, b := range bridges {
		if b.IsDefault && b.DefaultServiceNumber != "" {
			return b.DefaultServiceNumber, nil
		}
	}
	return "", teams.InvalidOperation("NoServiceNumber", "Number", "The tenant's default bridge has no default service number: give -Number.")
}

// auditCall records what a call did: one record, its changes (never the
// digits) after the call's id.
func auditCall(t *teams.Tenant, w storage.Writer, admin *storage.User, c *engine.Call, call *dialin.Call, changes []storage.Change) error {
	target, targetID := "+"+call.Number, ""
	if call.Organizer != "" {
		target, targetID = call.Organizer, call.OrganizerID
	}
	all := append([]storage.Change{{Property: "CallId", New: fmt.Sprint(call.ID)}}, changes...)
	return t.Audit(w, admin, c, target, targetID, all)
}
