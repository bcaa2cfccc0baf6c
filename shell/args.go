// Package shell is csshell's host: the pwsh-style command line, the
// interactive loop, colours and the plain script runner used when input
// is not a terminal.
package shell

import (
	"fmt"
	"strings"
)

// Mode is what the command line asks csshell to do.
type Mode int

// The modes of a csshell run.
const (
	ModeInteractive  Mode = iota // read commands from the user (or stdin)
	ModeFile                     // -File path [args]
	ModeCommand                  // -Command text
	ModeCommandStdin             // -Command -
	ModeHelp                     // -Help
	ModeVersion                  // -Version
)

// Options is the parsed command line.
type Options struct {
	Mode           Mode
	File           string
	FileArgs       []string
	Command        string
	NoProfile      bool
	NonInteractive bool
	NoLogo         bool
	NoExit         bool
	WorkingDir     string
	// Tenant options, used by the tenant store.
	TenantPath string
	InMemory   bool
}

// flagSpec is one command-line parameter as pwsh matches it: any prefix
// of the name at least as long as min selects it, as do the listed short
// forms; the first entry that matches wins (pwsh's MatchSwitch order).
type flagSpec struct {
	name  string
	min   string
	short []string
}

// flagSpecs are pwsh's command-line parameters, plus csshell's own, in
// pwsh's matching order.
var flagSpecs = []flagSpec{
	{"Help", "h", []string{"?"}},
	{"Login", "l", nil},
	{"Version", "v", nil},
	{"NoLogo", "nol", nil},
	{"NoExit", "noe", nil},
	{"NoProfileLoadTime", "noprofileloadtime", nil},
	{"NoProfile", "nop", nil},
	{"NonInteractive", "noni", nil},
	{"Interactive", "i", nil},
	{"SSHServerMode", "sshs", nil},
	{"Command", "c", nil},
	{"WindowStyle", "w", nil},
	{"File", "f", nil},
	{"ExecutionPolicy", "ex", []string{"ep"}},
	{"EncodedCommand", "e", []string{"ec"}},
	{"SettingsFile", "settings", nil},
	{"STA", "sta", nil},
	{"MTA", "mta", nil},
	{"WorkingDirectory", "wo", []string{"wd"}},
	{"ConfigurationName", "config", nil},
	{"CustomPipeName", "custompipename", nil},
	{"InputFormat", "inp", []string{"if"}},
	{"OutputFormat", "o", []string{"of"}},
	{"TenantPath", "tenantp", nil},
	{"InMemory", "inm", nil},
}

// ArgError is a command-line error; pwsh exits with code 64 for these.
type ArgError struct{ Msg string }

func (e *ArgError) Error() string { return e.Msg }

// matchFlag resolves a flag name (without dashes) to its canonical name.
func matchFlag(name string) (string, error) {
	key := strings.ToLower(name)
	for _, f := range flagSpecs {
		for _, sh := range f.short {
			if key == sh {
				return f.name, nil
			}
		}
		full := strings.ToLower(f.name)
		if strings.HasPrefix(full, key) && len(key) >= len(f.min) {
			return f.name, nil
		}
	}
	return "", &ArgError{Msg: fmt.Sprintf("The argument '-%s' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", name)}
}

// isFlag reports whether a word is a -Flag (any dash kind).
func isFlag(s string) bool {
	return len(s) > 1 && (s[0] == '-' || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "—"))
}

// ParseArgs parses a pwsh-style command line.
func ParseArgs(args []string) (Options, error) {
	var o Options
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !isFlag(a) {
			// The first plain argument is the script file (pwsh 7).
			o.Mode, o.File, o.FileArgs = ModeFile, a, args[i+1:]
			return o, nil
		}
		name := strings.TrimLeft(a, "-–—")
		value := ""
		hasValue := false
		if n, v, ok := strings.Cut(name, ":"); ok {
			name, value, hasValue = n, v, true
		}
		if name == "" {
			continue
		}
		flag, err := matchFlag(name)
		if err != nil {
			return o, err
		}
		next := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) {
				return "", &ArgError{Msg: fmt.Sprintf("Cannot process the command because of a missing parameter. A command must follow -%s.", flag)}
			}
			i++
			return args[i], nil
		}
		switch flag {
		case "File":
			f, err := next()
			if err != nil {
				return o, &ArgError{Msg: "The argument for the -File parameter is missing. Specify the path of a script file."}
			}
			o.Mode, o.File, o.FileArgs = ModeFile, f, args[i+1:]
			return o, nil
		case "Command":
			c, err := next()
			if err != nil {
				return o, err
			}
			if c == "-" {
				o.Mode = ModeCommandStdin
				return o, nil
			}
			o.Mode = ModeCommand
			o.Command = strings.Join(append([]string{c}, args[i+1:]...), " ")
			return o, nil
		case "Help":
			o.Mode = ModeHelp
			return o, nil
		case "Version":
			o.Mode = ModeVersion
			return o, nil
		case "NoProfile", "NoProfileLoadTime":
			o.NoProfile = true
		case "NonInteractive":
			o.NonInteractive = true
		case "NoLogo":
			o.NoLogo = true
		case "NoExit":
			o.NoExit = true
		case "Interactive", "Login", "MTA", "STA", "SSHServerMode":
		case "WorkingDirectory":
			d, err := next()
			if err != nil {
				return o, err
			}
			o.WorkingDir = d
		case "TenantPath":
			d, err := next()
			if err != nil {
				return o, err
			}
			o.TenantPath = d
		case "InMemory":
			o.InMemory = true
		case "ExecutionPolicy", "InputFormat", "OutputFormat", "WindowStyle", "SettingsFile", "ConfigurationName", "CustomPipeName":
			if _, err := next(); err != nil {
				return o, err
			}
		case "EncodedCommand":
			return o, &ArgError{Msg: "-EncodedCommand is not supported by csshell; use -Command."}
		}
	}
	return o, nil
}

// Usage is the text -Help prints.
const Usage = `Usage: csshell [-File <filePath> [args]]
               [-Command { - | <script-block> [-args <arg-array>]
                             | <string> [<CommandParameters>] } ]
               [-NoLogo] [-NoExit] [-NoProfile] [-NonInteractive]
               [-WorkingDirectory <directoryPath>]
               [-TenantPath <directory>] [-InMemory]
               [-Help | -? | -Version]

csshell is an offline PowerShell 7 compatible shell that emulates the
audio-conferencing administration of a Microsoft Teams / Skype for Business
Online tenant.

  -File | -f       Runs the script file with the given arguments.
  -Command | -c    Runs the commands; '-' reads them from standard input.
  -NoProfile       Does not run the profile script.
  -NonInteractive  Never prompts (missing mandatory parameters are errors).
  -NoLogo          Hides the banner at start-up.
  -NoExit          Stays interactive after -Command or -File.
  -WorkingDirectory | -wd
                   Starts in this directory.
  -Help | -? | -h  Shows this text.
  -Version | -v    Shows the version.
`
