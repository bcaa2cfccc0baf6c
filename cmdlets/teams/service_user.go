package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/storage"
)

// UserEdit is one change to a Microsoft audio-conferencing user, in the
// terms of Set-CsOnlineDialInConferencingUser's parameters. The cmdlet
// builds one from its bound parameters and the admin center from a form;
// both apply it with ApplyUserEdit, so the rules, the mail and the audit
// record of a change are written once.
type UserEdit struct {
	// Cmdlet names the change in the audit record (the cmdlet, or the
	// admin center's action).
	Cmdlet string
	// BridgeID (nil: not given) and BridgeName ("": not given) move the
	// user to another bridge; both given must name the same one.
	BridgeID   *string
	BridgeName string
	// ServiceNumber and TollFreeServiceNumber are the new default
	// numbers as typed (nil: unchanged; a toll-free "" clears it).
	ServiceNumber, TollFreeServiceNumber *string
	// ConferenceID assigns a 7-digit conference ID, checked already
	// (nil: unchanged); ResetConferenceID generates a new one.
	ConferenceID      *string
	ResetConferenceID bool
	// AllowPSTNOnlyMeetings and AllowTollFreeDialIn (nil: unchanged).
	AllowPSTNOnlyMeetings, AllowTollFreeDialIn *bool
	// ResetLeaderPIN generates a new PIN of the tenant's PinLength.
	ResetLeaderPIN bool
	// SendEmail mails the user even when nothing changed or automatic
	// emails are off; the other fields override the recipient and sender
	// (-SendEmailToAddress, -SendEmailFromAddress/-DisplayName).
	SendEmail                                                          bool
	SendEmailToAddress, SendEmailFromAddress, SendEmailFromDisplayName string
}

// UserEditResult is what ApplyUserEdit did to one user.
type UserEditResult struct {
	User    *storage.User
	Context *UserContext
	// PIN is the new PIN in clear, "" when it was not reset: the one time
	// it exists outside a mail.
	PIN string
	// Outcome holds the mails queued and the warnings to show once the
	// change is durable.
	Outcome ChangeOutcome
}

// ApplyUserEdit makes edit to the user with object id id inside the
// change's transaction: every check first, then the writes, the mail and
// the audit record (as admin). Nothing is written when nothing changes
// and no mail is due.
func (t *Tenant) ApplyUserEdit(w storage.Writer, admin *storage.User, id string, edit *UserEdit) (*UserEditResult, error) {
	u, err := w.User(id)
	if err != nil {
		return nil, StoreError(err, id)
	}
	return t.ApplyUserEditTo(w, admin, u, edit)
}

// ApplyUserEditTo is ApplyUserEdit on the user u, read in the change's
// transaction (the caller resolved it there); u is changed in place.
func (t *Tenant) ApplyUserEditTo(w storage.Writer, admin, u *storage.User, edit *UserEdit) (*UserEditResult, error) {
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
	target, err := targetBridgeOf(w, edit.BridgeID, edit.BridgeName, cur)
	if err != nil {
		return nil, err
	}
	toll, err := bridgeNumber(w, edit.ServiceNumber, "ServiceNumber", storage.NumberToll, cur, target.ID)
	if err != nil {
		return nil, err
	}
	tollFree, err := bridgeNumber(w, edit.TollFreeServiceNumber, "TollFreeServiceNumber", storage.NumberTollFree, cur, target.ID)
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
	if cid := edit.ConferenceID; cid != nil {
		if owner, taken, err := w.ConferenceIDOwner(conf.BridgeID, *cid); err != nil {
			return nil, err
		} else if taken && owner != u.ID {
			return nil, conferenceIDTaken(*cid, uc.BridgeName(conf.BridgeID))
		}
		conf.ConferenceID = *cid
	}
	if edit.ResetConferenceID {
		if conf.ConferenceID, err = storage.GenerateConferenceID(w, conf.BridgeID); err != nil {
			return nil, err
		}
	}
	if v := edit.AllowPSTNOnlyMeetings; v != nil {
		conf.AllowPSTNOnlyMeetings = *v
	}
	if v := edit.AllowTollFreeDialIn; v != nil {
		conf.AllowTollFreeDialIn = *v
	}
	res := &UserEditResult{User: u, Context: uc}
	if edit.ResetLeaderPIN {
		// Rule 23: the tenant's PIN length now; older PINs keep theirs.
		if res.PIN, err = storage.GeneratePIN(settings.PinLength); err != nil {
			return nil, err
		}
		if conf.PIN, err = w.HashPIN(res.PIN); err != nil {
			return nil, err
		}
	}
	changes := ConferencingChanges(uc, &old, &conf, res.PIN != "")
	mail := storage.MailForChange(settings, edit.SendEmail, res.PIN != "", changes)
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
		// Only an email asked for with -SendEmail warns when it cannot be
		// sent (docs/errors.md).
		req := MailRequest{Kind: mail, User: u, Conf: &conf, To: edit.SendEmailToAddress,
			FromAddress: edit.SendEmailFromAddress, FromName: edit.SendEmailFromDisplayName, Quiet: !edit.SendEmail}
		if storage.MailCarriesPIN(mail) {
			req.PIN = res.PIN
		}
		n := len(res.Outcome.Mails)
		if err := t.QueueMail(w, &res.Outcome, req); err != nil {
			return nil, err
		}
		if len(res.Outcome.Mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: mail})
		}
	}
	if len(changes) > 0 {
		if err := AuditAs(w, admin, edit.Cmdlet, u.UserPrincipalName, u.ID, changes); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// AuditAs appends an audit record of a change made by admin through
// cmdlet (a cmdlet name, or the admin center's action).
func AuditAs(w storage.Writer, admin *storage.User, cmdlet, target, targetID string, changes []storage.Change) error {
	return w.AddAudit(&storage.AuditRecord{
		Time:     w.Now().UTC(),
		Account:  admin.UserPrincipalName,
		Cmdlet:   cmdlet,
		Target:   target,
		TargetID: targetID,
		Changes:  changes,
	})
}

// namedBridgeOf is the bridge named by a bridge id (nil: not given) and a
// bridge name ("": not given), which must agree; nil when neither is given.
func namedBridgeOf(r storage.Reader, id *string, name string) (*storage.Bridge, error) {
	var b *storage.Bridge
	idText := ""
	if id != nil {
		idText = *id
		x, err := r.Bridge(strings.ToLower(idText))
		if err != nil {
			return nil, bridgeNotFound(idText)
		}
		b = x
	}
	if name != "" {
		x, err := r.BridgeByName(name)
		if err != nil {
			return nil, bridgeNotFound(name)
		}
		if b != nil && b.ID != x.ID {
			return nil, bridgeMismatch(idText, name)
		}
		b = x
	}
	return b, nil
}

// targetBridgeOf is the bridge named by id and name, or the user's current
// one.
func targetBridgeOf(r storage.Reader, id *string, name, cur string) (*storage.Bridge, error) {
	b, err := namedBridgeOf(r, id, name)
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

// bridgeNumber checks a new default number given as raw (nil: not given)
// for the parameter param: a number of type typ on the user's current
// bridge or the target bridge (rule 35). nil when not given; "" clears a
// toll-free number.
func bridgeNumber(r storage.Reader, raw *string, param, typ, cur, target string) (*string, error) {
	if raw == nil {
		return nil, nil
	}
	text := *raw
	if strings.TrimSpace(text) == "" {
		if typ == storage.NumberToll {
			return nil, numberNotOnBridge(text, param)
		}
		empty := ""
		return &empty, nil
	}
	n, err := NormalizeNumber(text)
	if err != nil {
		return nil, err
	}
	sn, err := r.ServiceNumber(n)
	if err != nil || (!strings.EqualFold(sn.BridgeID, cur) && !strings.EqualFold(sn.BridgeID, target)) {
		return nil, numberNotOnBridge(text, param)
	}
	if sn.Type != typ {
		kind := "toll"
		if typ == storage.NumberTollFree {
			kind = "toll-free"
		}
		return nil, InvalidArgument("WrongNumberType", text,
			"The service number \"%s\" is not a %s number. Use a %s number of the bridge with the %s parameter.", text, kind, kind, param)
	}
	return &n, nil
}
