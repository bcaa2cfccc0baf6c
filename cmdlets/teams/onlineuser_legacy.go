package teams

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/csshell/csshell/storage"
)

// onlineUserLegacyProps are the properties only the generations before
// MicrosoftTeams 3.0.0 show (surfaceItems has a propertyItem row, removed
// 3.0.0, for each): the names 3.0.0 renamed (ObjectId, Enabled,
// FirstName, DirSyncEnabled, MCOValidationErrors,
// CountryOrRegionDisplayName) and the Skype for Business Online
// attributes it dropped that scripts read (AcpInfo,
// OnlineDialinConferencingPolicy, VoicePolicy, …).
func onlineUserLegacyProps() []onlineUserProp {
	return []onlineUserProp{
		{name: "AcpInfo", get: acpInfo},
		{name: "ArchivingPolicy", get: constant(nil), policy: true},
		{name: "ClientPolicy", get: constant(nil), policy: true},
		{name: "ConferencingPolicy", get: constant(nil), policy: true},
		{name: "CountryOrRegionDisplayName", get: text(func(u *storage.User) string { return u.Country })},
		{name: "DirSyncEnabled", get: constant(false)},
		{name: "DistinguishedName", get: distinguishedName},
		{name: "Enabled", get: func(v *onlineUserView) any { return v.u.SipAddress != "" }},
		{name: "Fax", get: constant(nil)},
		{name: "FirstName", get: text(func(u *storage.User) string { return u.GivenName })},
		{name: "Guid", get: func(v *onlineUserView) any { return v.u.ID }},
		{name: "HomePhone", get: constant(nil)},
		{name: "HostedVoiceMail", get: constant(nil)},
		{name: "Id", get: distinguishedName},
		{name: "MCOValidationErrors", get: func(*onlineUserView) any { return []any{} }},
		{name: "MobilePhone", get: constant(nil)},
		{name: "Name", get: func(v *onlineUserView) any { return v.u.ID }},
		{name: "ObjectId", get: func(v *onlineUserView) any { return v.u.ID }},
		{name: "Office", get: constant(nil)},
		{name: "OnlineDialinConferencingPolicy", get: dialinConferencingPolicy, policy: true},
		{name: "Phone", get: constant(nil)},
		{name: "Sid", get: func(v *onlineUserView) any { return userSID(v.u.ID) }},
		{name: "StreetAddress", get: text(func(u *storage.User) string { return u.StreetAddress })},
		{name: "TeamsBranchSurvivabilityPolicy", get: constant(nil), policy: true},
		{name: "VoicePolicy", get: voicePolicy, policy: true},
		{name: "WebPage", get: constant(nil)},
		{name: "WindowsEmailAddress", get: text(func(u *storage.User) string { return u.PrimarySmtpAddress })},
	}
}

// distinguishedName is the user's Skype for Business Online directory
// object: CN=<object id>,OU=<tenant id>,OU=OCS Tenants,DC=lync0e001,DC=local
// (the pool name is csshell's).
func distinguishedName(v *onlineUserView) any {
	return fmt.Sprintf("CN=%s,OU=%s,OU=OCS Tenants,DC=lync0e001,DC=local", v.u.ID, v.tn.ID)
}

// dialinConferencingPolicy is OnlineDialinConferencingPolicy: ServiceAllowed
// for a user with the audio-conferencing licence, $null otherwise (the
// legacy scripts' "has a valid Audio Conferencing licence" test).
func dialinConferencingPolicy(v *onlineUserView) any {
	if v.u.AudioConferencingLicense {
		return "ServiceAllowed"
	}
	return nil
}

// voicePolicy is VoicePolicy: BusinessVoice for a Calling Plan user,
// HybridVoice for another voice-enabled user, $null otherwise.
func voicePolicy(v *onlineUserView) any {
	switch {
	case userCallingPlan(v.u):
		return "BusinessVoice"
	case userVoiceEnabled(v.u):
		return "HybridVoice"
	}
	return nil
}

// userSID is a security identifier made from the object id (the real one
// is the on-premises-style SID of the user's directory object).
func userSID(id string) string {
	h := sha256.Sum256([]byte("sid:" + strings.ToLower(id)))
	a, b, c := binary.BigEndian.Uint32(h[0:4]), binary.BigEndian.Uint32(h[4:8]), binary.BigEndian.Uint32(h[8:12])
	rid := 1000 + binary.BigEndian.Uint32(h[12:16])%900000
	return fmt.Sprintf("S-1-5-21-%d-%d-%d-%d", a, b, c, rid)
}
