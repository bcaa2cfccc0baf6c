package emulator

import (
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
			storage.AdminRolesText("and") + " roles may test PINs.",
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

// testLeaderPin runs Test-TenantLeaderPin.
func testLeaderPin(c *engine.Call, t *teams.Tenant, p *testPinParams) error {
	identity := teams.IdentityText(p.identity.Get(c))
	pin := p.pin.Get(c)
	var ok bool
	err := t.Read(func(r storage.Reader) error {
		if _, err := t.SignedInAdmin(r); err != nil {
			return err
		}
		u, err := teams.ResolveUser(r, identity)
		if err != nil {
			return err
		}
		ok = u.Conferencing != nil && r.VerifyPIN(u.Conferencing.PIN, pin)
		return nil
	})
	if err != nil {
		return teams.UserFail(c, err)
	}
	return c.WriteObject(ok)
}
