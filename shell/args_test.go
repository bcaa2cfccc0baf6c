package shell

import (
	"reflect"
	"testing"
)

func TestParseArgs(t *testing.T) {
	cases := []struct {
		args []string
		want Options
		err  string
	}{
		{nil, Options{Mode: ModeInteractive}, ""},
		{[]string{"-NoProfile", "-Command", "1", "+", "2"}, Options{Mode: ModeCommand, Command: "1 + 2", NoProfile: true}, ""},
		{[]string{"-c", "Get-Date"}, Options{Mode: ModeCommand, Command: "Get-Date"}, ""},
		{[]string{"-COMMAND", "-"}, Options{Mode: ModeCommandStdin}, ""},
		{[]string{"-nop", "-noni", "-nol", "-f", "a.ps1", "-Name", "x"}, Options{Mode: ModeFile, File: "a.ps1", FileArgs: []string{"-Name", "x"}, NoProfile: true, NonInteractive: true, NoLogo: true}, ""},
		{[]string{"script.ps1", "arg"}, Options{Mode: ModeFile, File: "script.ps1", FileArgs: []string{"arg"}}, ""},
		{[]string{"-NoProf"}, Options{Mode: ModeInteractive, NoProfile: true}, ""},
		{[]string{"–NoLogo"}, Options{Mode: ModeInteractive, NoLogo: true}, ""},
		{[]string{"-?"}, Options{Mode: ModeHelp}, ""},
		{[]string{"-Version"}, Options{Mode: ModeVersion}, ""},
		{[]string{"-wd", "/tmp"}, Options{Mode: ModeInteractive, WorkingDir: "/tmp"}, ""},
		{[]string{"-TenantPath", "/x", "-InMemory"}, Options{Mode: ModeInteractive, TenantPath: "/x", InMemory: true}, ""},
		{[]string{"-ExecutionPolicy", "Bypass", "-c", "1"}, Options{Mode: ModeCommand, Command: "1"}, ""},
		{[]string{"-Bogus"}, Options{}, "The argument '-Bogus' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."},
		{[]string{"-No"}, Options{}, "The argument '-No' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."},
		{[]string{"-Command"}, Options{}, "Cannot process the command because of a missing parameter. A command must follow -Command."},
		{[]string{"-File"}, Options{}, "The argument for the -File parameter is missing. Specify the path of a script file."},
	}
	for _, c := range cases {
		got, err := ParseArgs(c.args)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("ParseArgs(%q) error = %v, want %q", c.args, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseArgs(%q): %v", c.args, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseArgs(%q) = %+v, want %+v", c.args, got, c.want)
		}
	}
}
