package emulator

import (
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// registerTestLeaderPin adds Test-TenantLeaderPin, the emulator's way to
// check a PIN that was handed out (only its hash is stored).
func registerTestLeaderPin(rt *engine.Runtime, t *teams.Tenant) {
	p := &testPinParams{
		identity: engine.Declare[any](t.UserIdentityParam(true, "Specifies the user: SIP address, user principal name, domain\\logon name, display name or object id.")),
		pin: engine.Declare[string](&engine.ParamInfo{Name: "Pin", Type: "String", Sensitive: true, Sets: []engine.ParamSet{{Name: engine.AllSets, Position: 1, Mandatory: true, FromPipelineByName: true}},
			Help: "Specifies the PIN to test.", Aliases: []string{"LeaderPin"}}),
	}
	rt.Register(&engine.Cmdlet{
		Name: "Test-TenantLeaderPin", Module: "csshell",
		Synopsis: "Tests whether a PIN is a user's current leader PIN.",
		Description: "Returns True when the PIN matches the user's stored leader PIN (a keyed hash), else False. Only the " +
			storage.AdminRolesText("and") + " roles may test PINs. Every check is audited (never the PIN) and wrong PINs count " +
			"toward the PIN lockout (Skype for Business Server's PIN policy): 25 wrong PINs within 30 minutes (10 for a 4-digit " +
			"PIN) lock the PIN for an hour, 1000 in all (100 for 4 digits, 5000 for 6 or more) until an administrator resets it; " +
			"while locked, the check is refused. A right PIN resets the 30-minute count; a PIN reset clears both.",
		Params: []*engine.ParamInfo{p.identity.Info(), p.pin.Info()},
		Examples: []engine.Example{
			{Title: "Check a reset PIN", Code: "$r = Set-CsOnlineDialInConferencingUser -Identity ken.myer@contoso.com -ResetLeaderPin\nTest-TenantLeaderPin -Identity ken.myer@contoso.com -Pin $r.LeaderPin"},
		},
		Outputs: []string{"System.Boolean"},
		New:     engine.ProcessOnly(func(c *engine.Call) error { return testLeaderPin(c, t, p) }),
	})
}

// testPinParams are Test-TenantLeaderPin's parameters.
type testPinParams struct {
	identity engine.Param[any]
	pin      engine.Param[string]
}

// testLeaderPin runs Test-TenantLeaderPin. Every check counts toward the
// PIN lockout (storage/pinlockout.go) and is audited — its outcome, never
// the digits; while the PIN is locked the check is refused (and audited).
func testLeaderPin(c *engine.Call, t *teams.Tenant, p *testPinParams) error {
	identity := teams.IdentityText(p.identity.Get(c))
	pin := p.pin.Get(c)
	var ok bool
	var refused error
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		ok, refused = false, nil
		u, err := teams.ResolveUser(w, identity)
		if err != nil {
			return err
		}
		outcome, more := "Failed", []storage.Change(nil)
		if cf := u.Conferencing; cf == nil {
			outcome = "Failed (not enabled for audio conferencing)"
		} else if state, until := cf.PIN.LockState(w.Now()); state != storage.PINUnlocked {
			outcome, refused = "Refused (PIN locked)", pinLockedError(u.UserPrincipalName, state, until)
		} else {
			ok = w.VerifyPIN(cf.PIN, pin)
			if ok {
				outcome = "Succeeded"
			}
			had := cf.PIN.Lockout != nil
			state := cf.PIN.RecordCheck(ok, w.Now())
			if state != storage.PINUnlocked {
				more = append(more, storage.Change{Property: "PinLockedOut", Old: "False", New: pinLockText(cf.PIN.LockState(w.Now()))})
			}
			if had || cf.PIN.Lockout != nil {
				// The lockout is not a change of the user: Modified stays.
				if err := w.PutUser(u); err != nil {
					return teams.StoreError(err, identity)
				}
			}
		}
		changes := append([]storage.Change{{Property: "LeaderPinCheck", New: outcome}}, more...)
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, changes)
	})
	if err != nil {
		return teams.UserFail(c, err)
	}
	if refused != nil {
		return teams.Fail(c, refused)
	}
	return c.WriteObject(ok)
}

// pinLockText is a lock state as the audit log shows it.
func pinLockText(state storage.PINLockState, until time.Time) string {
	if state == storage.PINLockedPermanently {
		return "True (until an administrator resets the PIN)"
	}
	return "True (until " + until.UTC().Format(time.RFC3339) + ")"
}

// pinLockedError is the refusal of a check while the PIN is locked.
func pinLockedError(upn string, state storage.PINLockState, until time.Time) *engine.ErrorRecord {
	if state == storage.PINLockedPermanently {
		return engine.NewError("SecurityError", "PinLockedOut", upn,
			"The leader PIN of '%s' is locked after too many wrong PINs: an administrator must reset it (Set-CsOnlineDialInConferencingUser -ResetLeaderPin).", upn).
			WithException("System.UnauthorizedAccessException")
	}
	return engine.NewError("SecurityError", "PinLockedOut", upn,
		"The leader PIN of '%s' is locked after too many wrong PINs until %s: try again then, or reset it (Set-CsOnlineDialInConferencingUser -ResetLeaderPin).",
		upn, until.UTC().Format(time.RFC3339)).
		WithException("System.UnauthorizedAccessException")
}
