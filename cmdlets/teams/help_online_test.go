package teams_test

import (
	"path"
	"strings"
	"testing"

	"github.com/csshell/csshell/cmdlets/internal/tenanttest"
	"github.com/csshell/csshell/cmdlets/teams"
)

// TestHelpOnlineAddresses: every cmdlet whose page is today's module's
// (teams/teams-ps/MicrosoftTeams/<Cmdlet>.md, whose front matter's
// "online version" is https://learn.microsoft.com/powershell/module/
// microsoftteams/<cmdlet in lower case>) names that address in
// Get-Help -Online and as the first of its RELATED LINKS.
func TestHelpOnlineAddresses(t *testing.T) {
	pages, err := teams.HelpPages()
	if err != nil {
		t.Fatal(err)
	}
	s := tenanttest.NewMemorySession(t, "", false)
	n := 0
	for _, p := range pages {
		if !p.Current {
			continue
		}
		if _, ok := s.RT.Cmdlet(p.Name); !ok {
			continue
		}
		n++
		file := strings.TrimSuffix(path.Base(strings.Fields(p.Source)[0]), ".md")
		uri := "https://learn.microsoft.com/powershell/module/microsoftteams/" + strings.ToLower(file)
		if got := s.Run("Get-Help " + p.Name + " -Online"); got != "Help URI: "+uri {
			t.Errorf("Get-Help %s -Online = %q, want %q", p.Name, got, "Help URI: "+uri)
		}
		full := s.Run("Get-Help " + p.Name + " -Full | Out-String -Width 400")
		_, links, ok := strings.Cut(full, "\nRELATED LINKS\n")
		if !ok || !strings.HasPrefix(links+"\n", "    Online Version: "+uri+"\n") {
			t.Errorf("Get-Help %s -Full: RELATED LINKS do not start with the online version %s:\n%s", p.Name, uri, links)
		}
	}
	if n < 30 {
		t.Errorf("only %d cmdlets with today's pages checked", n)
	}
}
