package engine

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
)

// AllSets is the parameter-set name meaning "every set".
const AllSets = binding.AllSets

// ParamSet is a parameter's membership in one parameter set.
type ParamSet = binding.ParamSet

// ParamInfo describes one parameter of a cmdlet, function or script.
type ParamInfo = binding.ParamInfo

// Example is one Get-Help example.
type Example struct {
	Title   string
	Code    string
	Remarks string
}

// CommandKind tells what a command is.
type CommandKind int

// The kinds of command the runtime knows.
const (
	KindCmdlet CommandKind = iota
	KindFunction
	KindAlias
	KindScript
)

// String returns the kind as Get-Command's CommandType column shows it.
func (k CommandKind) String() string {
	switch k {
	case KindFunction:
		return "Function"
	case KindAlias:
		return "Alias"
	case KindScript:
		return "ExternalScript"
	}
	return "Cmdlet"
}

// Cmdlet is a built-in command: its metadata and its implementation. A
// cmdlet that is registered works fully.
type Cmdlet struct {
	Name        string // Verb-Noun
	Module      string // e.g. "Microsoft.PowerShell.Utility", "MicrosoftTeams", "csshell"
	Synopsis    string
	Description string
	Params      []*ParamInfo
	DefaultSet  string // default parameter set; "" when there is only one
	// SupportsShouldProcess adds -WhatIf and -Confirm.
	SupportsShouldProcess bool
	ConfirmImpact         string // "Low", "Medium" (default) or "High"
	Examples              []Example
	Outputs               []string
	// OutputType is pwsh's [OutputType] as tab completion reads it: the
	// objects the cmdlet writes, whose properties are offered downstream
	// (… | Select-Object <Tab>, … | Where-Object { $_.<Tab>). nil: not
	// declared, and nothing is offered.
	OutputType *OutputType
	Notes      string
	// ClassName is the .NET class implementing the cmdlet, used in
	// FullyQualifiedErrorId; empty means Microsoft.PowerShell.Commands.
	// <Verb><Noun>Command.
	ClassName string
	// New makes the processor of one invocation.
	New func() Processor
	// Withdrawn are parameters the implementation declares that this
	// version of the cmdlet lacks (a module version loaded without them):
	// the binder, help and completion never see them, and their handles
	// read as not given.
	Withdrawn []*ParamInfo
}

// Processor runs one invocation of a cmdlet: Begin once, Process once per
// pipeline input (or once when there is none), End once.
type Processor interface {
	Begin(c *Call) error
	Process(c *Call) error
	End(c *Call) error
}

// Funcs adapts plain functions to Processor; nil ones do nothing.
type Funcs struct {
	OnBegin   func(c *Call) error
	OnProcess func(c *Call) error
	OnEnd     func(c *Call) error
}

// Begin runs OnBegin.
func (f *Funcs) Begin(c *Call) error {
	if f.OnBegin == nil {
		return nil
	}
	return f.OnBegin(c)
}

// Process runs OnProcess.
func (f *Funcs) Process(c *Call) error {
	if f.OnProcess == nil {
		return nil
	}
	return f.OnProcess(c)
}

// End runs OnEnd.
func (f *Funcs) End(c *Call) error {
	if f.OnEnd == nil {
		return nil
	}
	return f.OnEnd(c)
}

// ProcessOnly makes a New function for a cmdlet with only a process step.
func ProcessOnly(fn func(c *Call) error) func() Processor {
	return func() Processor { return &Funcs{OnProcess: fn} }
}

// Param finds a parameter by exact (case-insensitive) name.
func (c *Cmdlet) Param(name string) *ParamInfo {
	for _, p := range c.Params {
		if strings.EqualFold(p.Name, name) {
			return p
		}
	}
	return nil
}

// Class returns the .NET class name of the cmdlet.
func (c *Cmdlet) Class() string {
	if c.ClassName != "" {
		return c.ClassName
	}
	return "Microsoft.PowerShell.Commands." + strings.ReplaceAll(c.Name, "-", "") + "Command"
}

// Verb returns the part of the name before the dash.
func (c *Cmdlet) Verb() string {
	v, _, _ := strings.Cut(c.Name, "-")
	return v
}

// Noun returns the part of the name after the dash.
func (c *Cmdlet) Noun() string {
	_, n, _ := strings.Cut(c.Name, "-")
	return n
}
