package engine

import (
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/syntax"
)

// helpRequested reports whether a command's arguments hold -?, which pwsh
// answers with the command's help instead of running it.
func helpRequested(args []binding.Arg) bool {
	for _, a := range args {
		if a.IsParam && !a.Splatted && a.Name == "?" && !a.HasValue {
			return true
		}
	}
	return false
}

// helpStage is the stage `Get-Help <command>` would be, for a command
// invoked with -?; ok is false when the session has no Get-Help or the
// command has no name to look up (a script block).
func (f *frame) helpStage(target *resolved, node *syntax.Command, out func(any) error, closer func() error) (stage, bool) {
	help, ok := f.rt.Cmdlet("Get-Help")
	if !ok {
		return nil, false
	}
	name := target.name
	switch {
	case target.cmdlet != nil:
		name = target.cmdlet.Name
	case target.script != "":
		name = target.script
	}
	if name == "" {
		return nil, false
	}
	st, err := f.newCmdletStage(help, node, []binding.Arg{{Value: name, Text: name}}, out, false, closer)
	if err != nil {
		return nil, false
	}
	return st, true
}

// ModuleHelpURIs is what a VersionedModule may also implement: the online
// address of a cmdlet's help as the module's help files give it (their
// "online version"), which Get-Help -Online prints and RELATED LINKS show;
// "" leaves the address to Get-Help's rule for the module.
type ModuleHelpURIs interface {
	HelpURI(cmdlet string) string
}
