package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// setUserResult is what one Set-CsOnlineDialInConferencingUser change
// produced.
type setUserResult struct {
	user *storage.User
	uc   *UserContext
	pin  string // the new PIN, "" when not reset
	out  ChangeOutcome
}

// applySetUser makes the changes of Set-CsOnlineDialInConferencingUser to
// one user inside the change's transaction: every check first, then the
// writes, the mail and the audit record.
func applySetUser(c *engine.Call, t *Tenant, p *setUserParams, w storage.Writer, admin *storage.User, id string) (*setUserResult, error) {
	u, err := w.User(id)
	if err != nil {
		return nil, StoreError(err, id)
	}
	if err := checkConferencingUser(u); err != nil {
		return nil, err
	}
	uc, err := LoadUserContext(w)
	if err != nil {
		return nil, err
	}
	settings, err := w.Settings()
	if err != nil {
		return nil, err
	}
	old := *u.Conferencing
	conf := old
	cur := old.BridgeID
	target, err := targetBridge(c, w, p.bridge, cur)
	if err != nil {
		return nil, err
	}
	toll, err := bridgeNumberParam(c, w, p.conf.serviceNumber, storage.NumberToll, cur, target.ID)
	if err != nil {
		return nil, err
	}
	tollFree, err := bridgeNumberParam(c, w, p.conf.tollFreeServiceNumber, storage.NumberTollFree, cur, target.ID)
	if err != nil {
		return nil, err
	}
	if target.ID != cur {
		// Rule 35 and the bridge move: the target bridge's defaults unless
		// numbers are given; the conference id stays unless taken there.
		conf.BridgeID = target.ID
		conf.ServiceNumber = target.DefaultServiceNumber
		if conf.TollFreeServiceNumber, err = FirstTollFreeOn(w, target.ID); err != nil {
			return nil, err
		}
		if owner, taken, err := w.ConferenceIDOwner(target.ID, conf.ConferenceID); err != nil {
			return nil, err
		} else if taken && owner != u.ID {
			if conf.ConferenceID, err = storage.GenerateConferenceID(w, target.ID); err != nil {
				return nil, err
			}
		}
	}
	if toll != nil {
		conf.ServiceNumber = *toll
	}
	if tollFree != nil {
		conf.TollFreeServiceNumber = *tollFree
	}
	if p.conf.conferenceID.Given(c) {
		cid, err := conferenceIDParam(c, p.conf.conferenceID)
		if err != nil {
			return nil, err
		}
		if owner, taken, err := w.ConferenceIDOwner(conf.BridgeID, cid); err != nil {
			return nil, err
		} else if taken && owner != u.ID {
			return nil, conferenceIDTaken(cid, uc.BridgeName(conf.BridgeID))
		}
		conf.ConferenceID = cid
	}
	if p.conf.resetConferenceID.Get(c) {
		if conf.ConferenceID, err = storage.GenerateConferenceID(w, conf.BridgeID); err != nil {
			return nil, err
		}
	}
	if v, ok := p.allowPSTNOnlyMeetings.Lookup(c); ok {
		conf.AllowPSTNOnlyMeetings = v
	}
	if v, ok := p.allowTollFreeDialIn.Lookup(c); ok {
		conf.AllowTollFreeDialIn = v
	}
	res := &setUserResult{user: u, uc: uc}
	if p.resetLeaderPin.Get(c) {
		// Rule 23: the tenant's PIN length now; older PINs keep theirs.
		if res.pin, err = storage.GeneratePIN(settings.PinLength); err != nil {
			return nil, err
		}
		if conf.PIN, err = w.HashPIN(res.pin); err != nil {
			return nil, err
		}
	}
	changes := ConferencingChanges(uc, &old, &conf, res.pin != "")
	mail := storage.MailForChange(settings, userMail.send.Get(c), res.pin != "", changes)
	if len(changes) == 0 && mail == "" {
		return res, nil
	}
	u.Conferencing = &conf
	u.Modified = w.Now().UTC()
	if len(changes) > 0 {
		if err := w.PutUser(u); err != nil {
			if errors.Is(err, storage.ErrDuplicate) {
				return nil, conferenceIDTaken(conf.ConferenceID, uc.BridgeName(conf.BridgeID))
			}
			return nil, err
		}
	}
	if mail != "" {
		req := MailRequest{Kind: mail, User: u, Conf: &conf, To: userMail.to.Get(c),
			FromAddress: userMail.from.Get(c), FromName: userMail.fromName.Get(c)}
		if storage.MailCarriesPIN(mail) {
			req.PIN = res.pin
		}
		n := len(res.out.Mails)
		if err := t.QueueMail(w, &res.out, req); err != nil {
			return nil, err
		}
		if len(res.out.Mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: mail})
		}
	}
	if len(changes) > 0 {
		if err := t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes); err != nil {
			return nil, err
		}
	}
	return res, nil
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
	var b *storage.Bridge
	id := textOf(p.id.Get(c))
	if v, ok := p.id.Lookup(c); ok && v != nil {
		x, err := r.Bridge(strings.ToLower(id))
		if err != nil {
			return nil, bridgeNotFound(id)
		}
		b = x
	}
	if name := p.name.Get(c); name != "" {
		x, err := r.BridgeByName(name)
		if err != nil {
			return nil, bridgeNotFound(name)
		}
		if b != nil && b.ID != x.ID {
			return nil, bridgeMismatch(id, name)
		}
		b = x
	}
	return b, nil
}

// targetBridge is the bridge named by -BridgeId / -BridgeName, or the
// user's current one.
func targetBridge(c *engine.Call, r storage.Reader, p bridgeParams, cur string) (*storage.Bridge, error) {
	b, err := namedBridge(c, r, p)
	if err != nil {
		return nil, err
	}
	if b != nil {
		return b, nil
	}
	x, err := r.Bridge(cur)
	if err != nil {
		return nil, bridgeNotFound(cur)
	}
	return x, nil
}

// bridgeNumberParam reads -ServiceNumber or -TollFreeServiceNumber: a
// number of the given type on the user's current bridge or the target
// bridge (rule 35). nil when the parameter is absent; "" clears it.
func bridgeNumberParam(c *engine.Call, r storage.Reader, p engine.Param[string], typ, cur, target string) (*string, error) {
	raw, ok := p.Lookup(c)
	if !ok {
		return nil, nil
	}
	param := p.Name()
	if strings.TrimSpace(raw) == "" {
		if typ == storage.NumberToll {
			return nil, numberNotOnBridge(raw, param)
		}
		empty := ""
		return &empty, nil
	}
	n, err := NormalizeNumber(raw)
	if err != nil {
		return nil, err
	}
	sn, err := r.ServiceNumber(n)
	if err != nil || (!strings.EqualFold(sn.BridgeID, cur) && !strings.EqualFold(sn.BridgeID, target)) {
		return nil, numberNotOnBridge(raw, param)
	}
	if sn.Type != typ {
		kind := "toll"
		if typ == storage.NumberTollFree {
			kind = "toll-free"
		}
		return nil, engine.NewError("InvalidArgument", "WrongNumberType", raw,
			"The service number \"%s\" is not a %s number. Use a %s number of the bridge with the %s parameter.", raw, kind, kind, param).
			WithException("System.ArgumentException")
	}
	return &n, nil
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
