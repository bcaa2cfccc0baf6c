package pester

import "github.com/csshell/csshell/engine"

// named declares a parameter of every set that is given by name only.
func named[T any](name, typ, help string, aliases ...string) engine.Param[T] {
	return engine.Declare[T](&engine.ParamInfo{Name: name, Type: typ, Aliases: aliases, Help: help,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1}}})
}

// positional declares a parameter of every set that may also be given at
// position pos.
func positional[T any](name, typ string, pos int, help string, aliases ...string) engine.Param[T] {
	return engine.Declare[T](&engine.ParamInfo{Name: name, Type: typ, Aliases: aliases, Help: help,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: pos}}})
}

// fromPipeline declares a parameter that takes the pipeline input.
func fromPipeline[T any](name, typ, help string) engine.Param[T] {
	return engine.Declare[T](&engine.ParamInfo{Name: name, Type: typ, Help: help, AllowNull: true, AllowEmptyCollection: true, AllowEmptyString: true,
		Sets: []engine.ParamSet{{Name: engine.AllSets, Position: -1, FromPipeline: true}}})
}

// pesterError is an error of a Pester command: Pester throws its messages
// as strings, which PowerShell makes a RuntimeException.
func pesterError(id, format string, args ...any) *engine.ErrorRecord {
	return engine.NewError("InvalidOperation", id, nil, format, args...).WithException("System.Management.Automation.RuntimeException")
}
