package teams

import (
	"testing"

	"github.com/csshell/csshell/storage"
)

// TestMeetingSettingHelp: every setting of a meeting policy has its
// parameter help, and the help names no setting the table lacks.
func TestMeetingSettingHelp(t *testing.T) {
	for _, s := range storage.MeetingPolicySettings {
		if meetingSettingHelp[s.Name] == "" {
			t.Errorf("%s has no help", s.Name)
		}
	}
	for name := range meetingSettingHelp {
		if s := storage.MeetingSetting(name); s == nil || s.Name != name {
			t.Errorf("help for %s, which is no setting", name)
		}
	}
}
