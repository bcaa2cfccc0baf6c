package teams

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
	"github.com/csshell/csshell/internal/secret"
	"github.com/csshell/csshell/storage"
)

// conferencingUserType is the type name of the user objects of the
// *-CsOnlineDialInConferencingUser cmdlets (the MicrosoftTeams ConfigAPI
// model).
const conferencingUserType = "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.ConferencingUser"

// conferencingUserProps are the object's properties, in the module's order.
var conferencingUserProps = []string{
	"Identity", "AllowPstnOnlyMeeting", "AllowTollFreeDialIn", "BridgeId", "BridgeName", "ConferenceId",
	"DefaultTollFreeNumber", "DefaultTollNumber", "DisplayName", "LeaderPin", "ServiceNumber", "SipAddress",
	"TenantId", "TollFreeServiceNumber",
}

// UserContext is what a user object needs besides the user: the tenant id
// and the bridges by id. One is read per invocation.
type UserContext struct {
	tenantID string
	bridges  map[string]*storage.Bridge
}

// LoadUserContext reads the tenant id and the bridges.
func LoadUserContext(r storage.Reader) (*UserContext, error) {
	tn, err := r.Tenant()
	if err != nil {
		return nil, err
	}
	bs, err := r.Bridges()
	if err != nil {
		return nil, err
	}
	uc := &UserContext{tenantID: tn.ID, bridges: map[string]*storage.Bridge{}}
	for _, b := range bs {
		uc.bridges[b.ID] = b
	}
	return uc, nil
}

// BridgeName is the name of a bridge id, "" when unknown.
func (uc *UserContext) BridgeName(id string) string {
	if b, ok := uc.bridges[id]; ok {
		return b.Name
	}
	return ""
}

// conferencingUserObject builds the output object of a conferencing user.
// pin is the clear PIN to show (only Set -ResetLeaderPin passes one); ""
// shows the mask.
func conferencingUserObject(uc *UserContext, u *storage.User, pin string) *value.Object {
	o := value.NewObjectSized(14, conferencingUserType, "System.Management.Automation.PSCustomObject", "System.Object")
	c := u.Conferencing
	if c == nil {
		c = &storage.Conferencing{}
	}
	shown := secret.Mask
	if pin != "" {
		shown = pin
	}
	o.Set("Identity", u.ID)
	o.Set("AllowPstnOnlyMeeting", c.AllowPSTNOnlyMeetings)
	o.Set("AllowTollFreeDialIn", c.AllowTollFreeDialIn)
	o.Set("BridgeId", c.BridgeID)
	o.Set("BridgeName", uc.BridgeName(c.BridgeID))
	o.Set("ConferenceId", c.ConferenceID)
	o.Set("DefaultTollFreeNumber", userNullIfEmpty(c.TollFreeServiceNumber))
	o.Set("DefaultTollNumber", userNullIfEmpty(c.ServiceNumber))
	o.Set("DisplayName", u.DisplayName)
	o.Set("LeaderPin", shown)
	o.Set("ServiceNumber", userNullIfEmpty(c.ServiceNumber))
	o.Set("SipAddress", u.SipAddress)
	o.Set("TenantId", uc.tenantID)
	o.Set("TollFreeServiceNumber", userNullIfEmpty(c.TollFreeServiceNumber))
	return o
}

// userNullIfEmpty maps "" to $null, as the service shows absent values.
func userNullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// registerTenantUserViews registers the default views of the user-side
// output types: list views for the wide objects, tables for the narrow.
func registerTenantUserViews(rt *engine.Runtime) {
	rt.Formats.Register(format.View{TypeName: conferencingUserType, Kind: format.ListView, Columns: userPropCols(conferencingUserProps...)})
	rt.Formats.Register(format.View{TypeName: userStateType, Kind: format.ListView, Columns: userPropCols(userStateProps...)})
	rt.Formats.Register(format.View{TypeName: userInfoType, Kind: format.ListView, Columns: userPropCols(userInfoProps...)})
	rt.Formats.Register(format.View{TypeName: azureContextType, Kind: format.TableView, Columns: userPropCols("Account", "Environment", "Tenant", "TenantId")})
	rt.Formats.Register(format.View{TypeName: psSessionType, Kind: format.TableView, Columns: userPropCols(psSessionProps...)})
}

// userPropCols makes one column per property.
func userPropCols(names ...string) []format.Column {
	out := make([]format.Column, len(names))
	for i, n := range names {
		out[i] = format.Column{Property: n}
	}
	return out
}
