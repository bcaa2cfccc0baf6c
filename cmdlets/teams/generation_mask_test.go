package teams_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
)

// TestHistoryMasksRetiredSecrets: a secret typed to a cmdlet the loaded
// generation lacks (New-CsOnlineSession is gone from MicrosoftTeams
// 2.0.0) is masked in history as it is under the generation that has it.
func TestHistoryMasksRetiredSecrets(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "", false)
	line := `New-CsOnlineSession -UserName admin@contoso.onmicrosoft.com -Credential Zq9xK7`
	for _, gen := range []string{"", "Import-Module SkypeOnlineConnector"} {
		if gen != "" {
			s.Run(gen)
		}
		masked, _ := s.RT.HistoryLine(line)
		if strings.Contains(masked, "Zq9xK7") {
			t.Errorf("after %q: credential in clear in history: %s", gen, masked)
		}
		if !strings.Contains(masked, "admin@contoso.onmicrosoft.com") {
			t.Errorf("after %q: the user name was masked too: %s", gen, masked)
		}
	}
}
