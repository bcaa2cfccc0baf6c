package teams

import "github.com/csshell/csshell/storage"

// What Get-CsOnlineUser and Get-CsOnlineVoiceUser read of the user's
// phone number and meeting policy, which other parts of the tenant keep.
// The store keeps neither yet: every user reads as having no number,
// Enterprise Voice off and the tenant's meeting policy.

// userLineURI is the user's LineUri ("tel:+14255551000"), "" for none.
func userLineURI(*storage.User) string { return "" }

// userVoiceEnabled is the user's EnterpriseVoiceEnabled.
func userVoiceEnabled(*storage.User) bool { return false }

// userCallingPlan reports whether the user's number is a Calling Plan
// number (PSTN connectivity Online).
func userCallingPlan(*storage.User) bool { return false }

// userMeetingPolicy is the name of the user's own Teams meeting policy,
// "" for the tenant default.
func userMeetingPolicy(*storage.User) string { return "" }

// globalMeetingPolicy is the Teams meeting policy granted tenant-wide,
// "" for Global.
func globalMeetingPolicy(*storage.Settings) string { return "" }

// userLocationID is the emergency location of the user's number, "" for
// none.
func userLocationID(*storage.User) string { return "" }
