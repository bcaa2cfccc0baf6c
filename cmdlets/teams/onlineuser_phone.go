package teams

import (
	"strings"

	"github.com/csshell/csshell/storage"
)

// What Get-CsOnlineUser and Get-CsOnlineVoiceUser read of the user's
// phone number and meeting policy, which other parts of the tenant
// keep (storage/phonenumber.go, storage/meetingpolicy.go).

// userLineURI is the user's LineUri ("tel:+14255551000"), "" for none.
func userLineURI(u *storage.User) string { return storage.LineURI(u) }

// userVoiceEnabled is the user's EnterpriseVoiceEnabled.
func userVoiceEnabled(u *storage.User) bool { return u.EnterpriseVoiceEnabled }

// userCallingPlan reports whether the user's number is a Calling Plan
// number (PSTN connectivity Online).
func userCallingPlan(u *storage.User) bool {
	return u.PhoneNumber != "" && strings.EqualFold(u.PhoneNumberType, storage.PhoneNumberCallingPlan)
}

// userMeetingPolicy is the name of the user's own Teams meeting policy,
// "" for the tenant default.
func userMeetingPolicy(u *storage.User) string { return u.MeetingPolicy }

// globalMeetingPolicy is the Teams meeting policy granted tenant-wide,
// "" for Global.
func globalMeetingPolicy(s *storage.Settings) string { return s.GlobalMeetingPolicy }

// userLocationID is the emergency location of the user's number, "" for
// none.
func userLocationID(u *storage.User) string { return u.PhoneLocationID }
