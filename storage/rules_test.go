package storage

import "testing"

// TestMailForChange pins the email rules of a conferencing-user change.
func TestMailForChange(t *testing.T) {
	auto, manual := &Settings{AutomaticallySendEmailsToUsers: true}, &Settings{}
	bridge := []Change{{Property: "BridgeId", Old: "a", New: "b"}}
	pstn := []Change{{Property: "AllowPstnOnlyMeeting", Old: "False", New: "True"}}
	cases := []struct {
		name        string
		s           *Settings
		send, reset bool
		changes     []Change
		want        string
	}{
		{"reset, automatic", auto, false, true, nil, MailPINReset},
		{"reset, emails off", manual, false, true, nil, ""},
		{"reset, emails off, -SendEmail", manual, true, true, nil, MailPINReset},
		{"-SendEmail alone", manual, true, false, nil, MailInfo},
		{"bridge moved, automatic", auto, false, false, bridge, MailChanged},
		{"bridge moved, emails off", manual, false, false, bridge, ""},
		{"other change, automatic", auto, false, false, pstn, ""},
	}
	for _, c := range cases {
		if got := MailForChange(c.s, c.send, c.reset, c.changes); got != c.want {
			t.Errorf("%s: MailForChange = %q, want %q", c.name, got, c.want)
		}
	}
	for kind, want := range map[string]bool{MailEnabled: true, MailPINReset: true, MailInfo: false, MailDisabled: false, MailChanged: false} {
		if MailCarriesPIN(kind) != want {
			t.Errorf("MailCarriesPIN(%s) = %v", kind, !want)
		}
	}
	if !MailOnEnableOrDisable(auto, false) || MailOnEnableOrDisable(manual, false) || !MailOnEnableOrDisable(manual, true) {
		t.Error("MailOnEnableOrDisable: enablement email follows automatic emails or -SendEmail")
	}
}

// TestAdminRoles: only the three admin roles may change conferencing, in
// any letter case; a plain user may not.
func TestAdminRoles(t *testing.T) {
	for _, r := range AdminRoles {
		if !IsConferencingAdmin(&User{Roles: []string{"x", r}}) {
			t.Errorf("%s is not an admin", r)
		}
	}
	if !IsConferencingAdmin(&User{Roles: []string{"teams administrator"}}) {
		t.Error("role names compare case-insensitively")
	}
	if IsConferencingAdmin(&User{}) || IsConferencingAdmin(&User{Roles: []string{"Helpdesk Administrator"}}) || IsConferencingAdmin(nil) {
		t.Error("a user without an admin role is an admin")
	}
}
