package teams

import (
	"errors"
	"fmt"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// The parameter sets of Set-CsOnlineDialInConferencingUser.
const (
	setUserTenantID     = "TenantIdParams"
	setUserTenantDomain = "TenantDomainParams"
)

// setUserParams are Set-CsOnlineDialInConferencingUser's own parameters;
// it shares -AsJob and the email parameters with the other
// conferencing-user cmdlets.
type setUserParams struct {
	identity              engine.Param[any]
	bridge                bridgeParams
	tenant                tenantParams
	conf                  confParams
	allowPSTNOnlyMeetings engine.Param[bool]
	allowTollFreeDialIn   engine.Param[bool]
	resetLeaderPin        engine.Param[bool]
}

func newSetUserParams(t *Tenant) *setUserParams {
	return &setUserParams{
		identity: engine.Declare[any](t.UserIdentityParam(true, "",
			setUserTenantID, setUserTenantDomain)),
		bridge: bridgeParams{
			id:   engine.Declare[any](engine.NamedParam("BridgeId", "Guid", "")),
			name: engine.Declare[string](engine.WithCompleter(engine.NamedParam("BridgeName", "String", ""), t.completeBridges)),
		},
		tenant: tenantParams{
			id:     handle(engine.Declare[any](userTenantParam(setUserTenantID))),
			domain: handle(engine.Declare[string](userTenantDomainParam(setUserTenantDomain))),
		},
		conf: confParams{
			serviceNumber:         engine.Declare[string](engine.WithCompleter(engine.NamedParam("ServiceNumber", "String", ""), t.completeTollNumbers)),
			tollFreeServiceNumber: engine.Declare[string](engine.WithCompleter(engine.NamedParam("TollFreeServiceNumber", "String", ""), t.completeTollFreeNumbers)),
			conferenceID:          declareInt(engine.NamedParam("ConferenceId", "Int32", "", "Passcode")),
			resetConferenceID:     handle(engine.Declare[bool](engine.NamedParam("ResetConferenceId", "SwitchParameter", "", "ResetPasscode"))),
		},
		allowPSTNOnlyMeetings: engine.Declare[bool](engine.NamedParam("AllowPSTNOnlyMeetings", "Boolean", "")),
		allowTollFreeDialIn:   engine.Declare[bool](engine.NamedParam("AllowTollFreeDialIn", "Boolean", "")),
		resetLeaderPin:        engine.Declare[bool](engine.NamedParam("ResetLeaderPin", "SwitchParameter", "")),
	}
}

// infos is the declaration list, in the module's order.
func (p *setUserParams) infos() []*engine.ParamInfo {
	params := []*engine.ParamInfo{p.identity.Info(), p.bridge.id.Info(), p.bridge.name.Info()}
	params = append(params, p.tenant.infos()...)
	params = append(params, p.conf.serviceNumber.Info(), p.conf.tollFreeServiceNumber.Info(), p.allowPSTNOnlyMeetings.Info(),
		p.allowTollFreeDialIn.Info(), p.resetLeaderPin.Info(), p.conf.conferenceID.Info(), p.conf.resetConferenceID.Info())
	params = append(params, userSendEmailParams()...)
	return append(params, userForceParam(), userDCParam(), userAsJobParam())
}

// registerSetConferencingUser adds Set-CsOnlineDialInConferencingUser.
func registerSetConferencingUser(rt *engine.Runtime, t *Tenant) {
	p := newSetUserParams(t)
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsOnlineDialInConferencingUser", Module: "MicrosoftTeams",
		DefaultSet:            setUserTenantID,
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                p.infos(),
		Outputs:               []string{conferencingUserType},
		OutputType:            conferencingUserOutput,
		New: func() engine.Processor {
			done := 0
			return &engine.Funcs{
				OnBegin: func(c *engine.Call) error { return checkSetUserParams(c, p) },
				OnProcess: func(c *engine.Call) error {
					done++
					if c.HasInput && done%progressEvery == 0 {
						c.Progress(c.Cmdlet.Name, fmt.Sprintf("%d users processed", done), -1, done, 0)
					}
					return setConferencingUser(c, t, p)
				},
				OnEnd: func(c *engine.Call) error {
					if done >= progressEvery {
						c.ProgressDone()
					}
					return nil
				},
			}
		},
	})
}

// checkSetUserParams checks the parameter rules that need no tenant:
// -AsJob, the email parameters (rules 14, 15), the conference id (rules
// 29, 31) and the number formats (rule 34).
func checkSetUserParams(c *engine.Call, p *setUserParams) error {
	if err := userCheckNoJob(c); err != nil {
		return err
	}
	if err := userCheckEmailParams(c, true); err != nil {
		return err
	}
	return checkConferenceIDParams(c, p.conf)
}

// confParams are the conference-id and default-number parameters of
// Enable- and Set-CsOnlineDialInConferencingUser (each declares its own);
// resetConferenceID is nil for Enable, which has no -ResetConferenceId.
type confParams struct {
	conferenceID          intParam
	resetConferenceID     *engine.Param[bool]
	serviceNumber         engine.Param[string]
	tollFreeServiceNumber engine.Param[string]
}

// checkConferenceIDParams enforces rules 29 and 31, and checks numbers.
func checkConferenceIDParams(c *engine.Call, p confParams) error {
	if p.conferenceID.Given(c) && p.resetConferenceID != nil && p.resetConferenceID.Get(c) {
		return engine.NewError("InvalidArgument", "MutuallyExclusiveParameters", nil,
			"The ConferenceId and ResetConferenceId parameters cannot be used together.").
			WithException("System.ArgumentException")
	}
	if p.conferenceID.Given(c) {
		if _, err := conferenceIDParam(c, p.conferenceID); err != nil {
			return err
		}
	}
	for _, number := range []engine.Param[string]{p.serviceNumber, p.tollFreeServiceNumber} {
		if s := number.Get(c); s != "" {
			if _, err := NormalizeNumber(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// conferenceIDParam returns -ConferenceId as its 7 digits (rule 29).
func conferenceIDParam(c *engine.Call, p intParam) (string, error) {
	raw := p.Raw(c)
	if n := p.Or(c, -1); n < 1_000_000 || n > 9_999_999 {
		return "", engine.NewError("InvalidArgument", "InvalidConferenceId", raw,
			"The conference ID \"%s\" is not valid. A conference ID is 7 digits long and contains only numbers.", textOf(raw)).
			WithException("System.ArgumentException")
	}
	return textOf(raw), nil
}

// setConferencingUser runs Set-CsOnlineDialInConferencingUser for one
// identity: resolve, ask (-WhatIf/-Confirm), change in one durable
// transaction, then show warnings and, with -ResetLeaderPin, the user with
// the new PIN. When there is nothing to ask, resolving and changing are
// one store call (ChangeChecked).
func setConferencingUser(c *engine.Call, t *Tenant, p *setUserParams) error {
	identity := IdentityText(p.identity.Get(c))
	resolve := func(r storage.Reader) (*storage.User, error) {
		if err := userCheckTenant(c, r, p.tenant); err != nil {
			return nil, err
		}
		return ResolveUser(r, identity)
	}
	var res *UserEditResult
	apply := func(w storage.Writer, admin, u *storage.User) error {
		var err error
		res, err = applySetUser(c, t, p, w, admin, u)
		return err
	}
	var err error
	if c.ShouldProcessSilently() {
		err = t.ChangeChecked(resolve, apply)
	} else {
		err = changeAsked(c, t, identity, resolve, apply)
	}
	if err != nil {
		return UserFail(c, err)
	}
	if res == nil {
		return nil // declined (-WhatIf, or no at the prompt)
	}
	t.Finish(c, &res.Outcome)
	if res.PIN == "" {
		return nil
	}
	return c.WriteObject(conferencingUserObject(res.Context, res.User, res.PIN))
}

// changeAsked is ChangeChecked for a call whose ShouldProcess shows or
// asks something: resolve first — between the pipeline's changes, on a
// view that sees them (ReadPending) — then ask, then change the user read
// again in the change's transaction. Declining is no error and calls no
// fn.
func changeAsked(c *engine.Call, t *Tenant, identity string, resolve func(r storage.Reader) (*storage.User, error),
	fn func(w storage.Writer, admin, u *storage.User) error) error {
	var id string
	err := t.ReadPending(func(r storage.Reader) error {
		u, err := resolve(r)
		if err != nil {
			return err
		}
		id = u.ID
		return nil
	})
	if err != nil {
		return err
	}
	ok, err := c.ShouldProcess(identity, c.Cmdlet.Name)
	if err != nil || !ok {
		return err
	}
	return t.Change(func(w storage.Writer, admin *storage.User) error {
		u, err := w.User(id)
		if err != nil {
			return StoreError(err, id)
		}
		return fn(w, admin, u)
	})
}

// UserFail reports a per-user error as a non-terminating error, so a
// pipeline of users goes on; other errors end the command.
func UserFail(c *engine.Call, err error) error {
	var rec *engine.ErrorRecord
	if !errors.As(err, &rec) {
		if !errors.As(StoreError(err, ""), &rec) {
			return err
		}
	}
	return c.WriteError(rec)
}
