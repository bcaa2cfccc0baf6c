package complete

import (
	"io/fs"

	"github.com/csshell/csshell/engine/binding"
)

// Source is what the completer asks the session. Every method must be
// safe to call at each keystroke: cheap, no side effects, and the same
// answer for the same session state (the completer sorts what it gets, so
// order does not matter, except for Complete hooks whose order is kept).
type Source interface {
	// Commands lists the commands that can be invoked by name: cmdlets,
	// functions and aliases.
	Commands() []Command
	// CommandMeta returns the binder metadata of the command a name
	// invokes (an alias resolves to its target; a path ending in .ps1 is a
	// script), or nil when the name is unknown.
	CommandMeta(name string) *binding.Meta
	// HelpTopics lists the conceptual help topics (about_*), for Get-Help.
	HelpTopics() []Topic
	// Variables lists the variables visible in the session.
	Variables() []Variable
	// Variable returns a variable's current value; the name may carry a
	// scope qualifier (script:x). Automatic variables such as $PWD count.
	Variable(name string) (any, bool)
	// Environment lists the environment variable names ($env:).
	Environment() []string
	// Location is the current directory, absolute; relative paths are
	// completed against it.
	Location() string
	// HomeDir is the directory '~' stands for.
	HomeDir() string
	// ReadDir lists a directory (os.ReadDir for the real file system).
	ReadDir(dir string) ([]fs.DirEntry, error)
	// OutputType describes the objects a command writes (pwsh's
	// [OutputType]): the type's name and a sample object built as the
	// command builds them, whose properties completion offers downstream
	// of it in a pipeline. ok is false when the command declares none.
	OutputType(command string) (name string, sample any, ok bool)
	// History lists the session's history (what Get-History shows),
	// oldest first.
	History() []HistoryEntry
}

// HistoryEntry is one line of the session's history.
type HistoryEntry struct {
	ID          int64
	CommandLine string
}

// CommandKind tells what a command name denotes.
type CommandKind int

// The kinds of command names.
const (
	KindCmdlet CommandKind = iota
	KindFunction
	KindAlias
)

// Command is one invocable command name.
type Command struct {
	Name     string
	Kind     CommandKind
	Synopsis string // one line, shown as the menu description
	// Target is the command an alias stands for ("" for others).
	Target string
}

// Variable is one variable visible in the session.
type Variable struct {
	Name  string
	Value any
}

// Topic is a conceptual help topic.
type Topic struct {
	Name     string // about_Wildcards
	Synopsis string
}
