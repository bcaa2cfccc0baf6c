package teams_test

import (
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
)

// TestEnableAsksForIdentity: Enable-CsOnlineDialInConferencingUser without
// -Identity prompts for it in an interactive session, as pwsh prompts for
// a missing mandatory parameter, and runs with the answer
// (testdata/tenant/identity_errors.txt has the non-interactive failure).
func TestEnableAsksForIdentity(t *testing.T) {
	s := tenanttest.NewMemorySession(t, "nestor.wilke@contoso.com\n", true)
	s.Run("Import-Module MicrosoftTeams -RequiredVersion 2.6.0")
	got := s.Run("Enable-CsOnlineDialInConferencingUser")
	if strings.Contains(got, "missing mandatory") {
		t.Fatalf("no prompt in an interactive session:\n%s", got)
	}
	for _, want := range []string{
		"Identity: ",
		`The user "nestor.wilke@contoso.com" does not have a valid license for Audio Conferencing.`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}
