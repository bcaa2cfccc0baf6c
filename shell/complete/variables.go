package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/value"
)

// automatic are the automatic variables every session has, whether or not
// the Source lists them, with what they hold.
var automatic = [][2]string{
	{"true", "Boolean true"}, {"false", "Boolean false"}, {"null", "The null value"},
	{"_", "The current pipeline object"}, {"PSItem", "The current pipeline object"},
	{"args", "Undeclared arguments of a function or script"}, {"input", "The pipeline input of a function or script"},
	{"Error", "The most recent errors"}, {"Host", "The current host"},
	{"PSVersionTable", "Version details of this session"}, {"HOME", "The user's home directory"},
	{"PWD", "The current location"}, {"PID", "The process id of this session"},
	{"LASTEXITCODE", "Exit code of the last native program or script"}, {"Matches", "The last -match captures"},
	{"MyInvocation", "Information about the current command"}, {"PSScriptRoot", "Directory of the running script"},
	{"PSCommandPath", "Path of the running script"}, {"PROFILE", "Path of the profile script"},
	{"PSBoundParameters", "Parameters passed to the current function"}, {"PSCmdlet", "The running advanced function"},
	{"ExecutionContext", "The engine's execution context"}, {"?", "Whether the last command succeeded"},
	{"IsLinux", "Running on Linux"}, {"IsMacOS", "Running on macOS"}, {"IsWindows", "Running on Windows"},
	{"env:", "Environment variables"},
}

// variableNames completes a variable reference as typed: $name, ${name},
// @name (splatting), $script:name / $global:name (the qualifier is kept)
// and $env:NAME.
func (c *Completer) variableNames(typed string) []Suggestion {
	if typed == "" || (typed[0] != '$' && typed[0] != '@') {
		return nil
	}
	sigil, rest := typed[:1], typed[1:]
	braced := strings.HasPrefix(rest, "{")
	if braced {
		rest = strings.TrimSuffix(rest[1:], "}")
	}
	qual, name := "", rest
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		qual, name = rest[:i+1], rest[i+1:]
	}
	m := newMatcher(name)
	var items []keyed
	if strings.EqualFold(qual, "env:") {
		for _, n := range sortedNames(append([]string(nil), c.src.Environment()...)) {
			if n != "" && m.match(n) {
				items = append(items, keyed{n, Suggestion{Text: varText(sigil, qual, n, braced), Description: "Environment variable"}})
			}
		}
		return dedupe(sortKeyed(items))
	}
	for _, v := range c.src.Variables() {
		if v.Name != "" && m.match(v.Name) {
			items = append(items, keyed{v.Name, Suggestion{Text: varText(sigil, qual, v.Name, braced), Description: valueType(v.Value)}})
		}
	}
	if qual == "" {
		for _, a := range automatic {
			if sigil == "@" && a[0] == "env:" {
				continue
			}
			if m.match(a[0]) {
				items = append(items, keyed{a[0], Suggestion{Text: varText(sigil, qual, a[0], braced), Description: a[1]}})
			}
		}
	}
	return dedupe(sortKeyed(items))
}

// varText writes a variable reference, braced when the name needs it.
func varText(sigil, qual, name string, braced bool) string {
	if name == "env:" {
		return sigil + name
	}
	if braced || !plainVarName(name) {
		return sigil + "{" + qual + name + "}"
	}
	return sigil + qual + name
}

// plainVarName reports whether $name needs no braces.
func plainVarName(name string) bool {
	if name == "?" || name == "^" || name == "$" {
		return true
	}
	for _, r := range name {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f) {
			return false
		}
	}
	return name != ""
}

// valueType names a value's type as a description: "[String]".
func valueType(v any) string {
	if v == nil {
		return "$null"
	}
	defer func() { _ = recover() }()
	if t := value.TypeOf(v); t != nil && t.Name != "" {
		return "[" + t.Name + "]"
	}
	return ""
}
