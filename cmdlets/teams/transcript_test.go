package teams_test

import (
	"path/filepath"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
)

// TestTenantTranscripts runs the MicrosoftTeams cmdlets' transcripts
// (testdata/tenant) in memory and on disk.
func TestTenantTranscripts(t *testing.T) {
	tenanttest.RunTranscripts(t, filepath.Join("testdata", "tenant"))
}
