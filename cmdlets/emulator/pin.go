package emulator

import (
	"time"

	"github.com/csshell/csshell/cmdlets/teams"
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
	"github.com/csshell/csshell/storage/dialin"
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
// PIN lockout and is audited — its outcome, never the digits; while the
// PIN is locked the check is refused (and audited). dialin.CheckLeaderPIN
// is the check a caller's PIN entry makes too.
func testLeaderPin(c *engine.Call, t *teams.Tenant, p *testPinParams) error {
	identity := teams.IdentityText(p.identity.Get(c))
	pin := p.pin.Get(c)
	var check dialin.PINCheck
	var upn string
	err := t.Change(func(w storage.Writer, admin *storage.User) error {
		u, err := teams.ResolveUser(w, identity)
		if err != nil {
			return err
		}
		upn = u.UserPrincipalName
		if check, err = dialin.CheckLeaderPIN(w, u, pin); err != nil {
			return teams.StoreError(err, identity)
		}
		return t.Audit(w, admin, c, u.UserPrincipalName, u.ID, check.Changes)
	})
	if err != nil {
		return teams.UserFail(c, err)
	}
	if check.Refused {
		return teams.Fail(c, pinLockedError(upn, check.Lock, check.Until))
	}
	return c.WriteObject(check.OK)
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
