package powershell

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/csshell/csshell/engine"
)

// TestHelpNameCompletes: help's -Name completes help topics and command
// names, as Get-Help's does now that help is no longer its alias.
func TestHelpNameCompletes(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	rt := newTestRuntime(&buf)
	help, ok := rt.Cmdlet("help")
	if !ok {
		t.Fatal("no help command")
	}
	i := slices.IndexFunc(help.Params, func(p *engine.ParamInfo) bool { return strings.EqualFold(p.Name, "Name") })
	if i < 0 || help.Params[i].Complete == nil {
		t.Fatal("help -Name has no completer")
	}
	complete := help.Params[i].Complete
	if got := complete("Get-Conte"); !slices.Contains(got, "Get-Content") {
		t.Errorf(`Complete("Get-Conte") = %q, want Get-Content`, got)
	}
	if got := complete("about_Wild"); !slices.Equal(got, []string{"about_Wildcards"}) {
		t.Errorf(`Complete("about_Wild") = %q, want [about_Wildcards]`, got)
	}
	for _, p := range help.Params {
		if p.Name == "ShowWindow" {
			t.Error("help has -ShowWindow; pwsh's Unix help function does not")
		}
	}
}
