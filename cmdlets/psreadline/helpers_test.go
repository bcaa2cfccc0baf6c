package psreadline

import "github.com/csshell/csshell/engine"

// engineDefaults are a fresh session's options.
func engineDefaults() engine.ReadLineOptions { return engine.DefaultReadLineOptions() }
