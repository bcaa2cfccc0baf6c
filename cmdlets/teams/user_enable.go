package teams

import (
	"errors"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// enableUserParams are Enable-CsOnlineDialInConferencingUser's own
// parameters; it shares -Tenant, -TenantDomain, -AsJob and the email
// parameters with the other conferencing-user cmdlets.
type enableUserParams struct {
	identity              engine.Param[any]
	allowPstnOnlyMeetings engine.Param[bool]
	conf                  confParams
	allowTollFreeDialIn   engine.Param[bool]
	replaceProvider       engine.Param[bool]
}

func newEnableUserParams(t *Tenant) *enableUserParams {
	return &enableUserParams{
		identity:              engine.Declare[any](t.UserIdentityParam(true, "")),
		allowPstnOnlyMeetings: engine.Declare[bool](engine.NamedParam("AllowPstnOnlyMeetings", "Boolean", "")),
		conf: confParams{
			conferenceID:          declareInt(engine.NamedParam("ConferenceId", "Int32", "", "Passcode")),
			serviceNumber:         engine.Declare[string](engine.WithCompleter(engine.NamedParam("ServiceNumber", "String", ""), t.completeTollNumbers)),
			tollFreeServiceNumber: engine.Declare[string](engine.WithCompleter(engine.NamedParam("TollFreeServiceNumber", "String", ""), t.completeTollFreeNumbers)),
		},
		allowTollFreeDialIn: engine.Declare[bool](engine.NamedParam("AllowTollFreeDialIn", "Boolean", "")),
		replaceProvider:     engine.Declare[bool](engine.NamedParam("ReplaceProvider", "SwitchParameter", "")),
	}
}

// infos is the declaration list, in the module's order.
func (p *enableUserParams) infos() []*engine.ParamInfo {
	params := []*engine.ParamInfo{p.identity.Info(), p.allowPstnOnlyMeetings.Info(), p.conf.conferenceID.Info(),
		p.conf.serviceNumber.Info(), p.conf.tollFreeServiceNumber.Info(), p.allowTollFreeDialIn.Info(), p.replaceProvider.Info()}
	params = append(params, userTenant.infos()...)
	params = append(params, userDCParam(), userForceParam(), userAsJobParam())
	return append(params, userSendEmailParams()...)
}

// registerEnableConferencingUser adds Enable-CsOnlineDialInConferencingUser
// (no -WhatIf/-Confirm, rule 12).
func registerEnableConferencingUser(rt *engine.Runtime, t *Tenant) {
	p := newEnableUserParams(t)
	rt.Register(&engine.Cmdlet{
		Name: "Enable-CsOnlineDialInConferencingUser", Module: "MicrosoftTeams",
		Params: p.infos(),
		New: func() engine.Processor {
			return &engine.Funcs{
				OnBegin:   func(c *engine.Call) error { return checkEnableParams(c, p) },
				OnProcess: func(c *engine.Call) error { return enableConferencingUser(c, t, p) },
			}
		},
	})
}

// checkEnableParams checks -AsJob, the email parameters (rules 14, 16),
// the conference id and the numbers.
func checkEnableParams(c *engine.Call, p *enableUserParams) error {
	if err := userCheckNoJob(c); err != nil {
		return err
	}
	if err := userCheckEmailParams(c, false); err != nil {
		return err
	}
	if userMail.from.Given(c) || userMail.fromName.Given(c) {
		c.WriteWarning("The SendEmailFromAddress and SendEmailFromDisplayName parameters are deprecated for this cmdlet and are ignored.")
	}
	return checkConferenceIDParams(c, p.conf)
}

// enableConferencingUser runs Enable-CsOnlineDialInConferencingUser for
// one identity.
func enableConferencingUser(c *engine.Call, t *Tenant, p *enableUserParams) error {
	identity := IdentityText(p.identity.Get(c))
	var out ChangeOutcome
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		out = ChangeOutcome{}
		if err := userCheckTenant(c, w, userTenant); err != nil {
			return err
		}
		u, err := ResolveUser(w, identity)
		if err != nil {
			return err
		}
		return applyEnable(c, t, p, w, admin, u, &out)
	})
	if err != nil {
		return UserFail(c, err)
	}
	t.Finish(c, &out)
	return nil
}

// applyEnable enables one user (rules 5–10).
func applyEnable(c *engine.Call, t *Tenant, p *enableUserParams, w storage.Writer, admin *storage.User, u *storage.User, out *ChangeOutcome) error {
	if !u.AudioConferencingLicense {
		return noLicenceError(u)
	}
	if EnabledWithMicrosoft(u) {
		return nil // rule 5: already Microsoft, nothing changes
	}
	oldProvider := u.Provider
	if IsThirdParty(u) && !p.replaceProvider.Get(c) {
		return engine.NewError("InvalidOperation", "ThirdPartyProvider", u.UserPrincipalName,
			"The user \"%s\" uses the third-party audio conferencing provider \"%s\". Use the ReplaceProvider parameter to make Microsoft the provider.",
			u.UserPrincipalName, u.Provider).WithException("System.InvalidOperationException")
	}
	settings, err := w.Settings()
	if err != nil {
		return err
	}
	bridge, err := EnableBridge(w)
	if err != nil {
		return err
	}
	uc, err := LoadUserContext(w)
	if err != nil {
		return err
	}
	conf := storage.Conferencing{
		BridgeID: bridge.ID, ServiceNumber: bridge.DefaultServiceNumber,
		AllowPSTNOnlyMeetings: settings.AllowPSTNOnlyMeetingsByDefault, AllowTollFreeDialIn: true,
	}
	if conf.TollFreeServiceNumber, err = FirstTollFreeOn(w, bridge.ID); err != nil {
		return err
	}
	if toll, err := bridgeNumberParam(c, w, p.conf.serviceNumber, storage.NumberToll, bridge.ID, bridge.ID); err != nil {
		return err
	} else if toll != nil {
		conf.ServiceNumber = *toll
	}
	if tf, err := bridgeNumberParam(c, w, p.conf.tollFreeServiceNumber, storage.NumberTollFree, bridge.ID, bridge.ID); err != nil {
		return err
	} else if tf != nil {
		conf.TollFreeServiceNumber = *tf
	}
	if p.conf.conferenceID.Given(c) {
		cid, err := conferenceIDParam(c, p.conf.conferenceID)
		if err != nil {
			return err
		}
		if _, taken, err := w.ConferenceIDOwner(bridge.ID, cid); err != nil {
			return err
		} else if taken {
			return conferenceIDTaken(cid, bridge.Name)
		}
		conf.ConferenceID = cid
	} else if conf.ConferenceID, err = storage.GenerateConferenceID(w, bridge.ID); err != nil {
		return err
	}
	if v, ok := p.allowPstnOnlyMeetings.Lookup(c); ok {
		conf.AllowPSTNOnlyMeetings = v
	}
	if v, ok := p.allowTollFreeDialIn.Lookup(c); ok {
		conf.AllowTollFreeDialIn = v
	}
	pin, err := storage.GeneratePIN(settings.PinLength)
	if err != nil {
		return err
	}
	if conf.PIN, err = w.HashPIN(pin); err != nil {
		return err
	}
	u.Provider = storage.ProviderMicrosoft
	u.Conferencing = &conf
	u.Modified = w.Now().UTC()
	if err := w.PutUser(u); err != nil {
		if errors.Is(err, storage.ErrDuplicate) {
			return conferenceIDTaken(conf.ConferenceID, bridge.Name)
		}
		return err
	}
	changes := []storage.Change{{Property: "Provider", Old: oldProvider, New: storage.ProviderMicrosoft}}
	for _, ch := range ConferencingChanges(uc, &storage.Conferencing{}, &conf, false) {
		if !strings.HasPrefix(ch.Property, "Allow") {
			changes = append(changes, ch)
		}
	}
	changes = append(changes,
		storage.Change{Property: "AllowPstnOnlyMeeting", New: psBool(conf.AllowPSTNOnlyMeetings)},
		storage.Change{Property: "AllowTollFreeDialIn", New: psBool(conf.AllowTollFreeDialIn)},
		storage.Change{Property: "LeaderPin", New: secret.Mask})
	if storage.MailOnEnableOrDisable(settings, userMail.send.Get(c)) {
		n := len(out.Mails)
		// Only an email asked for with -SendEmail warns when it cannot
		// be sent (docs/errors.md).
		err := t.QueueMail(w, out, MailRequest{Kind: storage.MailEnabled, User: u, Conf: &conf, PIN: pin, To: userMail.to.Get(c),
			Quiet: !userMail.send.Get(c)})
		if err != nil {
			return err
		}
		if len(out.Mails) > n {
			changes = append(changes, storage.Change{Property: "Email", New: storage.MailEnabled})
		}
	}
	return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
}

// EnableBridge is the bridge a newly enabled user goes to (rule 7): the
// only bridge, else the tenant's default one.
func EnableBridge(r storage.Reader) (*storage.Bridge, error) {
	bs, err := r.Bridges()
	if err != nil {
		return nil, err
	}
	if len(bs) == 1 {
		return bs[0], nil
	}
	for _, b := range bs {
		if b.IsDefault {
			return b, nil
		}
	}
	return nil, engine.NewError("ObjectNotFound", "NoDefaultBridge", nil,
		"The tenant has no default audio conferencing bridge. Make one the default with Set-CsOnlineDialInConferencingBridge -SetDefault.").
		WithException("Microsoft.Rtc.Management.ManagementException")
}

// registerDisableConferencingUser adds Disable-CsOnlineDialInConferencingUser.
func registerDisableConferencingUser(rt *engine.Runtime, t *Tenant) {
	identity := engine.Declare[any](t.UserIdentityParam(true, ""))
	params := append([]*engine.ParamInfo{identity.Info()}, userTenant.infos()...)
	params = append(params, userDCParam(), userForceParam(), userAsJobParam())
	params = append(params, userSendEmailParams()...)
	rt.Register(&engine.Cmdlet{
		Name: "Disable-CsOnlineDialInConferencingUser", Module: "MicrosoftTeams",
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                params,
		New: func() engine.Processor {
			return &engine.Funcs{
				OnBegin: func(c *engine.Call) error {
					if err := userCheckNoJob(c); err != nil {
						return err
					}
					return userCheckEmailParams(c, true)
				},
				OnProcess: func(c *engine.Call) error { return disableConferencingUser(c, t, identity) },
			}
		},
	})
}

// disableConferencingUser runs Disable-CsOnlineDialInConferencingUser for
// one identity (rule 11).
func disableConferencingUser(c *engine.Call, t *Tenant, identityParam engine.Param[any]) error {
	identity := IdentityText(identityParam.Get(c))
	resolve := func(r storage.Reader) (*storage.User, error) {
		if err := userCheckTenant(c, r, userTenant); err != nil {
			return nil, err
		}
		return ResolveUser(r, identity)
	}
	var out ChangeOutcome
	disable := func(w storage.Writer, admin, u *storage.User) error {
		out = ChangeOutcome{}
		if IsThirdParty(u) {
			return engine.NewError("InvalidOperation", "ThirdPartyProvider", u.UserPrincipalName,
				"The user \"%s\" uses the third-party audio conferencing provider \"%s\". Use Remove-CsUserAcp to remove it.",
				u.UserPrincipalName, u.Provider).WithException("System.InvalidOperationException")
		}
		if !EnabledWithMicrosoft(u) {
			return notEnabledError(u)
		}
		uc, err := LoadUserContext(w)
		if err != nil {
			return err
		}
		old := *u.Conferencing
		u.Conferencing = nil
		u.Provider = ""
		u.Modified = w.Now().UTC()
		if err := w.PutUser(u); err != nil {
			return err
		}
		changes := []storage.Change{{Property: "Provider", Old: storage.ProviderMicrosoft, New: ""}}
		changes = append(changes, DisabledChanges(uc, &old)...)
		s, err := w.Settings()
		if err != nil {
			return err
		}
		if storage.MailOnEnableOrDisable(s, userMail.send.Get(c)) {
			n := len(out.Mails)
			err := t.QueueMail(w, &out, MailRequest{Kind: storage.MailDisabled, User: u, Conf: &old, To: userMail.to.Get(c),
				FromAddress: userMail.from.Get(c), FromName: userMail.fromName.Get(c), Quiet: !userMail.send.Get(c)})
			if err != nil {
				return err
			}
			if len(out.Mails) > n {
				changes = append(changes, storage.Change{Property: "Email", New: storage.MailDisabled})
			}
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
	}
	var err error
	if c.ShouldProcessSilently() {
		err = t.ChangeChecked(resolve, disable)
	} else {
		err = changeAsked(c, t, identity, resolve, disable)
	}
	if err != nil {
		return UserFail(c, err)
	}
	t.Finish(c, &out)
	return nil
}

// DisabledChanges records the conferencing state a disable removed.
func DisabledChanges(uc *UserContext, old *storage.Conferencing) []storage.Change {
	var out []storage.Change
	for _, ch := range ConferencingChanges(uc, old, &storage.Conferencing{}, false) {
		if strings.HasPrefix(ch.Property, "Allow") {
			continue
		}
		out = append(out, ch)
	}
	return append(out, storage.Change{Property: "LeaderPin", Old: secret.Mask, New: ""})
}
