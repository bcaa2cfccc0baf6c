package complete

import (
	"io/fs"
	"os"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
)

// runtimeSource is a Source over a live session.
type runtimeSource struct {
	rt     *engine.Runtime
	topics []Topic
}

// FromRuntime adapts a session to the completer. topics are the
// conceptual help topics Get-Help knows (the engine does not list them;
// the shell passes what its help cmdlet ships), offered for Get-Help
// -Name besides the command names.
func FromRuntime(rt *engine.Runtime, topics ...Topic) Source {
	return &runtimeSource{rt: rt, topics: topics}
}

// Commands lists cmdlets, functions and aliases.
func (s *runtimeSource) Commands() []Command {
	var out []Command
	for _, c := range s.rt.Cmdlets() {
		// One line: a reference page's synopsis may run to paragraphs.
		out = append(out, Command{Name: c.Name, Kind: KindCmdlet, Synopsis: strings.Join(strings.Fields(c.Synopsis), " ")})
	}
	for _, f := range s.rt.Functions() {
		out = append(out, Command{Name: f.Name, Kind: KindFunction, Synopsis: functionSynopsis(f.Help)})
	}
	for _, a := range s.rt.Aliases() {
		out = append(out, Command{Name: a[0], Kind: KindAlias, Target: a[1]})
	}
	return out
}

// functionSynopsis is the .SYNOPSIS of comment-based help, one line.
func functionSynopsis(help string) string {
	lines := strings.Split(help, "\n")
	for i, l := range lines {
		if strings.EqualFold(strings.TrimSpace(l), ".SYNOPSIS") {
			for _, next := range lines[i+1:] {
				if t := strings.TrimSpace(next); t != "" && !strings.HasPrefix(t, ".") {
					return t
				}
			}
		}
	}
	return ""
}

// CommandMeta resolves a name as the engine would and returns its binder
// metadata; a .ps1 path is read for its param block.
func (s *runtimeSource) CommandMeta(name string) *binding.Meta {
	if strings.HasSuffix(strings.ToLower(name), ".ps1") {
		if m, _, err := s.rt.ScriptMeta(name); err == nil {
			return m
		}
		return nil
	}
	info, ok := s.rt.LookupCommand(name)
	if !ok || info == nil {
		return nil
	}
	return info.Meta()
}

// HelpTopics returns the topics given to FromRuntime.
func (s *runtimeSource) HelpTopics() []Topic { return s.topics }

// Variables lists the global scope's variables.
func (s *runtimeSource) Variables() []Variable {
	vars := s.rt.Global().Variables()
	out := make([]Variable, 0, len(vars))
	for _, v := range vars {
		out = append(out, Variable{Name: v.Name, Value: v.Value})
	}
	return out
}

// Variable reads a variable's value as $name would: the engine answers,
// automatic variables ($PWD is a PathInfo) and env: included.
func (s *runtimeSource) Variable(name string) (any, bool) { return s.rt.VariableValue(name) }

// Environment lists the environment variable names.
func (s *runtimeSource) Environment() []string {
	env := s.environ()
	out := make([]string, 0, len(env))
	for _, kv := range env {
		if k, _, _ := strings.Cut(kv, "="); k != "" {
			out = append(out, k)
		}
	}
	return out
}

func (s *runtimeSource) environ() []string {
	if h := s.rt.Host(); h != nil && h.Environ != nil {
		return h.Environ()
	}
	return os.Environ()
}

// Location is the session's current directory.
func (s *runtimeSource) Location() string { return s.rt.Location() }

// HomeDir is $HOME.
func (s *runtimeSource) HomeDir() string {
	if v, ok := s.rt.GetVariable("HOME"); ok {
		if h, ok := v.(string); ok && h != "" {
			return h
		}
	}
	h, _ := os.UserHomeDir()
	return h
}

// ReadDir lists a directory of the real file system.
func (s *runtimeSource) ReadDir(dir string) ([]fs.DirEntry, error) { return os.ReadDir(dir) }

// OutputType reads the [OutputType] of the cmdlet a name invokes (an
// alias resolves to its target); functions and scripts declare none.
func (s *runtimeSource) OutputType(command string) (string, any, bool) {
	info, ok := s.rt.LookupCommand(command)
	if !ok || info == nil || info.Cmdlet == nil || info.Cmdlet.OutputType == nil {
		return "", nil, false
	}
	t := info.Cmdlet.OutputType
	sample := t.Object()
	return t.Name, sample, sample != nil
}

// History is the session's history as Get-History lists it: the lines
// as the history keeps them (secrets masked).
func (s *runtimeSource) History() []HistoryEntry {
	hs := s.rt.History()
	out := make([]HistoryEntry, len(hs))
	for i, h := range hs {
		out[i] = HistoryEntry{ID: h.ID, CommandLine: h.CommandLine}
	}
	return out
}
