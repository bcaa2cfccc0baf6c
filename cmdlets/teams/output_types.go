package teams

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/storage"
)

// The output types of the tenant cmdlets ([OutputType]), for tab
// completion of the properties downstream in a pipeline. Each sample is
// built by the function that builds the cmdlet's real objects, from empty
// records: the property names have that one source.
var (
	conferencingUserOutput = &engine.OutputType{Name: conferencingUserType, Sample: func() any {
		return conferencingUserObject(&UserContext{}, &storage.User{}, "")
	}}
	bridgeOutput = &engine.OutputType{Name: bridgeTypeName, Sample: func() any {
		return bridgeObject(&storage.Bridge{}, nil)
	}}
	numberOutput = &engine.OutputType{Name: numberTypeName, Sample: func() any {
		return numberObject(&storage.ServiceNumber{})
	}}
	phoneNumberOutput = &engine.OutputType{Name: phoneNumberTypeName, Sample: func() any {
		return (&acquiredNumber{}).object()
	}}
	tenantOutput = &engine.OutputType{Name: tenantTypeName, Sample: func() any {
		return tenantObject(&storage.Tenant{})
	}}
	settingsOutput = &engine.OutputType{Name: settingsTypeName, Sample: func() any {
		return settingsObject(&storage.Settings{})
	}}
	configOutput = &engine.OutputType{Name: configTypeName, Sample: func() any {
		return configObject(&storage.Tenant{})
	}}
	dialinPolicyOutput = &engine.OutputType{Name: dialinPolicyTypeName, Sample: func() any {
		return dialinPolicyObject(dialinPolicy{})
	}}
	dialoutPolicyOutput = &engine.OutputType{Name: dialoutPolicyTypeName, Sample: func() any {
		return dialoutPolicyObject(&storage.DialOutPolicy{})
	}}
	audioPolicyOutput = &engine.OutputType{Name: audioPolicyTypeName, Sample: func() any {
		return audioPolicyObject(&storage.AudioConferencingPolicy{})
	}}
	meetingPolicyOutput = &engine.OutputType{Name: meetingPolicyTypeName, Sample: func() any {
		return meetingPolicyObject(&storage.MeetingPolicy{})
	}}
	effectivePolicyOutput = &engine.OutputType{Name: effectivePolicyTypeName, Sample: func() any {
		return policyAssignmentObject("", "")
	}}
	voiceUserOutput = &engine.OutputType{Name: voiceUserType, Sample: func() any {
		return voiceUserObject(&storage.Tenant{}, &storage.User{}, false)
	}}
	userInfoOutput = &engine.OutputType{Name: userInfoType, Sample: func() any {
		return userInfoObject(&storage.User{})
	}}
	userStateOutput = &engine.OutputType{Name: userStateType, Sample: func() any {
		return userStateObject(&storage.User{})
	}}
	acpProviderOutput = &engine.OutputType{Name: acpProviderType, Sample: func() any {
		return acpProviderObject(acpProvider{})
	}}
	retiredItemOutput = &engine.OutputType{Name: retiredItemType, Sample: func() any {
		return retiredItemObject("", 0, surfaceItem{})
	}}
)

// onlineUserOutput is Get-CsOnlineUser's output type: the shape of the
// module generation loaded when completion asks (MicrosoftTeams 3.0
// renamed and dropped properties), every property of it, as the cmdlet
// builds its objects.
func onlineUserOutput(t *Tenant) *engine.OutputType {
	return &engine.OutputType{Name: "System.Management.Automation.PSCustomObject", Sample: func() any {
		s := shapeFor(t.generation(), false, "", false)
		return s.object(&onlineUserView{tn: &storage.Tenant{}, s: &storage.Settings{}, u: &storage.User{}, gen: s.gen})
	}}
}
