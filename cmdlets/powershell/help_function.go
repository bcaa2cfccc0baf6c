package powershell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/format"
)

// registerHelpFunction adds help, pwsh's paging wrapper of Get-Help
// (InitialSessionState's UnixHelpFunctionText): Get-Help's parameters
// less -ShowWindow; in the AllUsersView set it shows the full view; a
// listing of topics is written as is; any other help goes through the
// pager. pwsh pipes it as `Out-String -Stream -Width (console width - 1)`
// into less (or $env:PAGER); csshell hands the same text to the host's
// pager (Out-Host -Paging's: $PAGER, else less -FRX, else more) when the
// session runs on a terminal, and otherwise writes those lines as strings
// — what pwsh's pager passes on when its output is not a terminal.
//
// It is a cmdlet here (pwsh's is a function): the engine has no
// functions written in Go.
func registerHelpFunction(rt *engine.Runtime) {
	p := newGetHelpParams()
	// -Name completes help topics and command names, as Get-Help's does
	// (the completer knows Get-Help by name; help is not an alias of it).
	p.name.Info().Complete = func(prefix string) []string {
		out := completeAboutTopics(prefix)
		for _, ci := range allCommands(rt, rt.Global()) {
			if len(ci.Name) >= len(prefix) && strings.EqualFold(ci.Name[:len(prefix)], prefix) {
				out = append(out, ci.Name)
			}
		}
		return out
	}
	var infos []*engine.ParamInfo
	for _, pi := range p.infos() {
		if pi != p.showWindow {
			infos = append(infos, pi)
		}
	}
	rt.Register(&engine.Cmdlet{
		Name: "help", Module: "Microsoft.PowerShell.Core",
		ClassName: "Microsoft.PowerShell.Commands.GetHelpCommand",
		// Its help is Get-Help's (helpFor forwards it, as pwsh's function
		// does), so a listing shows Get-Help's synopsis for it too.
		Synopsis:    "Displays information about PowerShell commands and concepts.",
		Description: "The help function runs Get-Help with the same parameters, shows the full view unless another view is asked for, and pages long help through the pager ($PAGER, else less).",
		DefaultSet:  "AllUsersView",
		Params:      infos,
		Examples: []engine.Example{
			{Title: "Read a cmdlet's full help page by page", Code: "help Set-CsOnlineDialInConferencingUser", Remarks: "Shows the full help of the cmdlet through the pager."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return helpFunction(c, p) }),
	})
}

// helpFunction is help.
func helpFunction(c *engine.Call, prm *getHelpParams) error {
	out, err := helpObjects(c, prm, c.Set == "AllUsersView")
	if err != nil || len(out) == 0 {
		return err
	}
	var text strings.Builder
	for _, o := range out {
		d, ok := o.(format.Deferred)
		if !ok {
			// A listing (HelpInfoShort) or -Online's line: not paged.
			if err := c.WriteObjects(out); err != nil {
				return err
			}
			return nil
		}
		text.WriteString(d.Render(c.Host().ConsoleWidth()-1, format.Style{}))
	}
	// The host has a pager only when its output is a terminal.
	if c.Host().Page != nil {
		return c.Page(text.String())
	}
	for _, line := range strings.Split(strings.TrimSuffix(text.String(), "\n"), "\n") {
		if err := c.WriteObject(line); err != nil {
			return err
		}
	}
	return nil
}
