package storage

import (
	"strings"
	"testing"
)

// TestMeetingPolicyTable: every setting's default is in its own stored
// form, names are unique, and the built-in policies pass the record check
// — Global at the defaults, the presets differing only where they should.
func TestMeetingPolicyTable(t *testing.T) {
	seen := map[string]bool{}
	for _, s := range MeetingPolicySettings {
		if n, err := s.Normalize(s.Default); err != nil || n != s.Default {
			t.Errorf("%s: default %q normalizes to %q, %v", s.Name, s.Default, n, err)
		}
		if seen[strings.ToLower(s.Name)] {
			t.Errorf("%s declared twice", s.Name)
		}
		seen[strings.ToLower(s.Name)] = true
		if s.Kind == SettingChoice && !containsFold(s.Choices, s.Default) {
			t.Errorf("%s: default %q is not a choice", s.Name, s.Default)
		}
	}
	all := BuiltinMeetingPolicies()
	if len(all) != 7 || all[0].Identity != MeetingPolicyGlobal || all[6].Identity != "Tag:Kiosk" {
		t.Fatalf("built-in policies: %d, first %s", len(all), all[0].Identity)
	}
	for i, p := range all {
		if err := CheckMeetingPolicy(p); err != nil {
			t.Error(err)
		}
		if BuiltinMeetingPolicyRank(strings.ToUpper(p.Identity)) != i {
			t.Errorf("%s ranks %d", p.Identity, BuiltinMeetingPolicyRank(p.Identity))
		}
		if p.Bool(MeetingAllowPSTNUsersToBypassLobby) || p.Bool(MeetingAllowAnonymousUsersToStartMeeting) ||
			p.Value(MeetingAutoAdmittedUsers) != "EveryoneInCompany" {
			t.Errorf("%s: the lobby settings are not the service's defaults", p.Identity)
		}
	}
	if got := BuiltinMeetingPolicy("alloff").Value("AllowMeetNow"); got != "False" {
		t.Errorf("AllOff AllowMeetNow = %q", got)
	}
}

// TestMeetingSettingNormalize: values are taken in any case and stored in
// one spelling; out-of-range and unknown ones are refused.
func TestMeetingSettingNormalize(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"AutoAdmittedUsers", "everyone", "Everyone"},
		{"AllowMeetNow", "false", "False"},
		{"MediaBitRateKb", " 2000 ", "2000"},
		{"NewMeetingRecordingExpirationDays", "-1", "-1"},
		{"BlockedAnonymousJoinClientTypes", "teams, acs,Teams", "Teams,ACS"},
		{"BlockedAnonymousJoinClientTypes", "", ""},
		{"RecordingAndTranscriptionCustomMessageIdentifier", "00000000-0000-0000-0000-000000000000", ""},
		{"Description", " Sales ", " Sales "},
	} {
		if got, err := MeetingSetting(c.name).Normalize(c.in); err != nil || got != c.want {
			t.Errorf("%s(%q) = %q, %v; want %q", c.name, c.in, got, err, c.want)
		}
	}
	for _, c := range [][2]string{{"AutoAdmittedUsers", "Nobody"}, {"AllowMeetNow", "yes"}, {"MediaBitRateKb", "-1"},
		{"NewMeetingRecordingExpirationDays", "100000"}, {"BlockedAnonymousJoinClientTypes", "Skype"},
		{"RecordingAndTranscriptionCustomMessageIdentifier", "x"}} {
		if got, err := MeetingSetting(c[0]).Normalize(c[1]); err == nil {
			t.Errorf("%s(%q) = %q, want an error", c[0], c[1], got)
		}
	}
}

// TestNormalizePhoneNumber: the forms Set-CsPhoneNumberAssignment takes.
func TestNormalizePhoneNumber(t *testing.T) {
	for in, want := range map[string]string{"+14255551000": "14255551000", "14255551000": "14255551000",
		"+14255551000;ext=1234": "14255551000;ext=1234", "14255551000;EXT=12": "14255551000;ext=12"} {
		if got, ok := NormalizePhoneNumber(in); !ok || got != want {
			t.Errorf("NormalizePhoneNumber(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"tel:+14255551000", "+1425", "+1 425 555 1000", "+14255551000;ext=", "+14255551000;ext=x", ""} {
		if got, ok := NormalizePhoneNumber(in); ok {
			t.Errorf("NormalizePhoneNumber(%q) = %q, want refused", in, got)
		}
	}
}
