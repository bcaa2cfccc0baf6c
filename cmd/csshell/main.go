// Command csshell is an offline PowerShell 7 compatible shell that
// emulates the audio-conferencing administration of a Teams / Skype for
// Business Online tenant.
package main

import (
	"os"

	"github.com/csshell/csshell/cmdlets"
	"github.com/csshell/csshell/shell"
	"golang.org/x/term"
)

func main() {
	os.Exit(shell.Main(shell.Config{
		Args:   os.Args[1:],
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Setup:  cmdlets.Register,
		IsTerminal: func(s any) bool {
			f, ok := s.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
	}))
}
