package teams

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// applySetUser makes the changes of Set-CsOnlineDialInConferencingUser to
// one user inside the change's transaction (ApplyUserEdit: every check
// first, then the writes, the mail and the audit record).
func applySetUser(c *engine.Call, t *Tenant, p *setUserParams, w storage.Writer, admin, u *storage.User) (*UserEditResult, error) {
	edit := &UserEdit{
		Cmdlet:                   c.Cmdlet.Name,
		BridgeID:                 bridgeIDArg(c, p.bridge),
		BridgeName:               p.bridge.name.Get(c),
		ServiceNumber:            lookupText(c, p.conf.serviceNumber),
		TollFreeServiceNumber:    lookupText(c, p.conf.tollFreeServiceNumber),
		ResetConferenceID:        p.conf.resetConferenceID.Get(c),
		ResetLeaderPIN:           p.resetLeaderPin.Get(c),
		SendEmail:                userMail.send.Get(c),
		SendEmailToAddress:       userMail.to.Get(c),
		SendEmailFromAddress:     userMail.from.Get(c),
		SendEmailFromDisplayName: userMail.fromName.Get(c),
	}
	if p.conf.conferenceID.Given(c) {
		cid, err := conferenceIDParam(c, p.conf.conferenceID)
		if err != nil {
			return nil, err
		}
		edit.ConferenceID = &cid
	}
	if v, ok := p.allowPSTNOnlyMeetings.Lookup(c); ok {
		edit.AllowPSTNOnlyMeetings = &v
	}
	if v, ok := p.allowTollFreeDialIn.Lookup(c); ok {
		edit.AllowTollFreeDialIn = &v
	}
	return t.ApplyUserEditTo(w, admin, u, edit)
}

// lookupText is a string parameter's value, nil when it was not given.
func lookupText(c *engine.Call, p engine.Param[string]) *string {
	if v, ok := p.Lookup(c); ok {
		return &v
	}
	return nil
}

// bridgeIDArg is -BridgeId as text, nil when not given or $null.
func bridgeIDArg(c *engine.Call, p bridgeParams) *string {
	if v, ok := p.id.Lookup(c); ok && v != nil {
		id := textOf(v)
		return &id
	}
	return nil
}

// ConferencingChanges lists the changed properties for the audit record;
// a PIN reset is recorded masked, never with the PIN.
func ConferencingChanges(uc *UserContext, old, cur *storage.Conferencing, pinReset bool) []storage.Change {
	var out []storage.Change
	add := func(p, a, b string) {
		if a != b {
			out = append(out, storage.Change{Property: p, Old: a, New: b})
		}
	}
	add("BridgeName", uc.BridgeName(old.BridgeID), uc.BridgeName(cur.BridgeID))
	add("BridgeId", old.BridgeID, cur.BridgeID)
	add("ConferenceId", old.ConferenceID, cur.ConferenceID)
	add("ServiceNumber", old.ServiceNumber, cur.ServiceNumber)
	add("TollFreeServiceNumber", old.TollFreeServiceNumber, cur.TollFreeServiceNumber)
	add("AllowPstnOnlyMeeting", psBool(old.AllowPSTNOnlyMeetings), psBool(cur.AllowPSTNOnlyMeetings))
	add("AllowTollFreeDialIn", psBool(old.AllowTollFreeDialIn), psBool(cur.AllowTollFreeDialIn))
	if pinReset {
		out = append(out, storage.Change{Property: "LeaderPin", Old: secret.Mask, New: secret.Mask})
	}
	return out
}

// psBool is a boolean as PowerShell prints it.
func psBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// bridgeParams are a cmdlet's -BridgeId and -BridgeName.
type bridgeParams struct {
	id   engine.Param[any]
	name engine.Param[string]
}

// namedBridge is the bridge named by -BridgeId and/or -BridgeName (both
// must name the same one), nil when neither is given.
func namedBridge(c *engine.Call, r storage.Reader, p bridgeParams) (*storage.Bridge, error) {
	return namedBridgeOf(r, bridgeIDArg(c, p), p.name.Get(c))
}

// bridgeNumberParam reads -ServiceNumber or -TollFreeServiceNumber: a
// number of the given type on the user's current bridge or the target
// bridge (rule 35). nil when the parameter is absent; "" clears it.
func bridgeNumberParam(c *engine.Call, r storage.Reader, p engine.Param[string], typ, cur, target string) (*string, error) {
	return bridgeNumber(r, lookupText(c, p), p.Name(), typ, cur, target)
}

// numberNotOnBridge: the number is not one of the bridge's numbers.
func numberNotOnBridge(raw, param string) *engine.ErrorRecord {
	return engine.NewError("InvalidArgument", "ServiceNumberNotOnBridge", raw,
		"The %s \"%s\" is not assigned to the user's current bridge or to the bridge being assigned.", param, raw).
		WithException("System.ArgumentException")
}

// conferenceIDTaken: another user holds the conference id on the bridge.
func conferenceIDTaken(id, bridge string) *engine.ErrorRecord {
	return engine.NewError("ResourceExists", "ConferenceIdInUse", id,
		"The conference ID \"%s\" is already in use on the bridge \"%s\". Specify another conference ID.", id, bridge).
		WithException("System.ArgumentException")
}

// FirstTollFreeOn is a bridge's first toll-free number, "" when none.
func FirstTollFreeOn(r storage.Reader, bridgeID string) (string, error) {
	numbers, err := r.ServiceNumbers()
	if err != nil {
		return "", err
	}
	for _, n := range numbers {
		if strings.EqualFold(n.BridgeID, bridgeID) && n.Type == storage.NumberTollFree {
			return n.Number, nil
		}
	}
	return "", nil
}
