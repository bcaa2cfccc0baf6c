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

// registerSetConferencingUser adds Set-CsOnlineDialInConferencingUser.
func registerSetConferencingUser(rt *engine.Runtime, t *Tenant) {
	params := []*engine.ParamInfo{
		t.UserIdentityParam(true, "Specifies the user: SIP address, user principal name, domain\\logon name, display name or object id.",
			setUserTenantID, setUserTenantDomain),
		engine.NamedParam("BridgeId", "Guid", "Specifies the GUID of the bridge to move the user to."),
		engine.WithCompleter(engine.NamedParam("BridgeName", "String", "Specifies the name of the bridge to move the user to."), t.completeBridges),
		userTenantParam(setUserTenantID),
		userTenantDomainParam(setUserTenantDomain),
		engine.WithCompleter(engine.NamedParam("ServiceNumber", "String", "Specifies the user's default toll number for meeting invitations: a toll number of the user's bridge or of the bridge being assigned (E.164, +E.164 or tel:E.164)."), t.completeTollNumbers),
		engine.WithCompleter(engine.NamedParam("TollFreeServiceNumber", "String", "Specifies the user's default toll-free number for meeting invitations: a toll-free number of the user's bridge or of the bridge being assigned."), t.completeTollFreeNumbers),
		engine.NamedParam("AllowPSTNOnlyMeetings", "Boolean", "If $true, unauthenticated callers can start the user's meetings; if $false they wait in the lobby. Deprecated."),
		engine.NamedParam("AllowTollFreeDialIn", "Boolean", "Whether the bridge's toll-free numbers can be used to join the user's meetings."),
		engine.NamedParam("ResetLeaderPin", "SwitchParameter", "Generates a new leader PIN, shown once in the returned object and emailed to the user when emails are on."),
		engine.NamedParam("ConferenceId", "Int32", "Assigns a specific 7-digit conference ID; it must be free on the user's (target) bridge. Deprecated.", "Passcode"),
		engine.NamedParam("ResetConferenceId", "SwitchParameter", "Generates a new conference ID for the user. Deprecated.", "ResetPasscode"),
	}
	params = append(params, userSendEmailParams()...)
	params = append(params, userForceParam(), userDCParam(), userAsJobParam())
	rt.Register(&engine.Cmdlet{
		Name: "Set-CsOnlineDialInConferencingUser", Module: "MicrosoftTeams",
		Synopsis: "Use the Set-CsOnlineDialInConferencingUser cmdlet to modify the properties of a user that has been enabled for Microsoft's audio conferencing service.",
		Description: "Changes a Microsoft audio-conferencing user: bridge, default toll and toll-free numbers, conference ID, " +
			"PSTN-only meetings, toll-free dial-in, and resets the leader PIN. It does not work for users of a third-party " +
			"provider and checks the user's licence. With -ResetLeaderPin it returns the user with the new PIN in clear — the " +
			"only time the PIN is shown; without it, it returns nothing.",
		DefaultSet:            setUserTenantID,
		SupportsShouldProcess: true,
		ConfirmImpact:         "Medium",
		Params:                params,
		Examples: []engine.Example{
			{Title: "Reset a PIN", Code: "Set-CsOnlineDialInConferencingUser -Identity amos.marble@contoso.com -ResetLeaderPin"},
			{Title: "Move a user to a bridge", Code: "Set-CsOnlineDialInConferencingUser -Identity \"Ken Myer\" -BridgeName \"Conference Bridge\""},
			{Title: "Reset every PIN and keep them", Code: "$r = Get-CsOnlineDialInConferencingUser | Set-CsOnlineDialInConferencingUser -ResetLeaderPin\n$r | Select-Object DisplayName, LeaderPin"},
		},
		Outputs: []string{conferencingUserType},
		New: func() engine.Processor {
			done := 0
			return &engine.Funcs{
				OnBegin: checkSetUserParams,
				OnProcess: func(c *engine.Call) error {
					done++
					if c.HasInput && done%progressEvery == 0 {
						c.Progress(c.Cmdlet.Name, fmt.Sprintf("%d users processed", done), -1, done, 0)
					}
					return setConferencingUser(c, t)
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
func checkSetUserParams(c *engine.Call) error {
	if err := userCheckNoJob(c); err != nil {
		return err
	}
	if err := userCheckEmailParams(c, true); err != nil {
		return err
	}
	return checkConferenceIDParams(c)
}

// checkConferenceIDParams enforces rules 29 and 31, and checks numbers.
func checkConferenceIDParams(c *engine.Call) error {
	if c.Has("ConferenceId") && c.Switch("ResetConferenceId") {
		return engine.NewError("InvalidArgument", "MutuallyExclusiveParameters", nil,
			"The ConferenceId and ResetConferenceId parameters cannot be used together.").
			WithException("System.ArgumentException")
	}
	if c.Has("ConferenceId") {
		if _, err := conferenceIDParam(c); err != nil {
			return err
		}
	}
	for _, p := range []string{"ServiceNumber", "TollFreeServiceNumber"} {
		if s := c.String(p); s != "" {
			if _, err := NormalizeNumber(s); err != nil {
				return err
			}
		}
	}
	return nil
}

// conferenceIDParam returns -ConferenceId as its 7 digits (rule 29).
func conferenceIDParam(c *engine.Call) (string, error) {
	n := c.Int("ConferenceId", -1)
	if n < 1_000_000 || n > 9_999_999 {
		return "", engine.NewError("InvalidArgument", "InvalidConferenceId", c.Get("ConferenceId"),
			"The conference ID \"%s\" is not valid. A conference ID is 7 digits long and contains only numbers.", c.String("ConferenceId")).
			WithException("System.ArgumentException")
	}
	return c.String("ConferenceId"), nil
}

// setConferencingUser runs Set-CsOnlineDialInConferencingUser for one
// identity: resolve, ask (-WhatIf/-Confirm), change in one durable
// transaction, then show warnings and, with -ResetLeaderPin, the user with
// the new PIN.
func setConferencingUser(c *engine.Call, t *Tenant) error {
	identity := IdentityText(c.Get("Identity"))
	var id string
	err := t.Read(func(r storage.Reader) error {
		if err := userCheckTenant(c, r); err != nil {
			return err
		}
		u, err := ResolveUser(r, identity)
		if err != nil {
			return err
		}
		id = u.ID
		return nil
	})
	if err != nil {
		return UserFail(c, err)
	}
	ok, err := c.ShouldProcess(identity, c.Cmdlet.Name)
	if err != nil || !ok {
		return err
	}
	var res *setUserResult
	err = t.Change(func(w storage.Writer, admin *storage.User) error {
		var err error
		res, err = applySetUser(c, t, w, admin, id)
		return err
	})
	if err != nil {
		return UserFail(c, err)
	}
	t.Finish(c, &res.out)
	if res.pin == "" {
		return nil
	}
	return c.WriteObject(conferencingUserObject(res.uc, res.user, res.pin))
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
