package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets testscript run csshell in-process as the "csshell" command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"csshell": main,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the binary's
// command line, exit codes, script files and error output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "1")
			wd, err := os.Getwd()
			if err != nil {
				return err
			}
			env.Setenv("SCRIPTS", filepath.Join(wd, "..", "..", "scripts"))
			env.Setenv("HOME", env.WorkDir)
			env.Setenv("XDG_CONFIG_HOME", env.WorkDir+"/.config")
			env.Setenv("XDG_DATA_HOME", env.WorkDir+"/.local/share")
			env.Setenv("XDG_STATE_HOME", env.WorkDir+"/.local/state")
			return nil
		},
	})
}
