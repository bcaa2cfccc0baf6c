package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
)

// enumValues are the names of the enum types parameters use, for
// parameters that declare the type but no ValidateSet.
var enumValues = map[string][]string{
	"actionpreference": {"SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"},
	"consolecolor": {"Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
		"DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White"},
	"confirmimpact": {"None", "Low", "Medium", "High"},
}

// pathParams are parameter names whose values are file-system paths.
var pathParams = map[string]bool{
	"path": true, "literalpath": true, "filepath": true, "outfile": true, "pspath": true,
	"destination": true, "outputdirectory": true, "directory": true, "workingdirectory": true,
}

// dirCommands take only directories by position or -Path/-LiteralPath.
var dirCommands = map[string]bool{"set-location": true, "push-location": true}

// valueWord is the argument being typed: its raw text, what it stands for
// and the quote the user opened.
type valueWord struct {
	raw   string
	value string
	quote rune
}

func newValueWord(raw string) valueWord {
	return valueWord{raw: raw, value: unquote(raw), quote: quoteOf(raw)}
}

// values completes the value of parameter p of command cmd (canonical
// name; p nil when the argument binds to no known parameter): ValidateSet
// or enum names, $true/$false for booleans, the parameter's Complete hook
// (tenant identities, bridges, numbers, policies), help topics for
// Get-Help, and file paths for path parameters and as the fallback for
// text arguments, as pwsh falls back to file names.
func (c *Completer) values(cmd string, p *binding.ParamInfo, vw valueWord, colonSwitch bool) []Suggestion {
	if p == nil {
		return c.paths(vw.value, vw.quote, anyPath)
	}
	m := newMatcher(vw.value)
	typ := strings.ToLower(strings.TrimSuffix(p.Type, "[]"))
	switch {
	case len(p.ValidateSet) > 0:
		return quoted(filterNames(p.ValidateSet, m), vw.quote, "")
	case typ == "boolean" || typ == "bool" || (p.IsSwitch() && colonSwitch):
		var out []Suggestion
		for _, b := range []string{"$true", "$false"} {
			if hasPrefixFold(b, vw.raw) || hasPrefixFold(b[1:], vw.raw) {
				out = append(out, Suggestion{Text: b, Description: "[Boolean]"})
			}
		}
		return out
	case p.IsSwitch():
		return nil
	case enumValues[typ] != nil:
		return quoted(filterNames(enumValues[typ], m), vw.quote, "["+p.Type+"]")
	case strings.EqualFold(cmd, "Get-Help") && strings.EqualFold(p.Name, "Name"):
		return c.helpTopics(p, vw)
	case p.Complete != nil:
		return quoted(dedupeStrings(c.callHook(p, vw.value)), vw.quote, "")
	case pathParams[strings.ToLower(p.Name)] || strings.HasSuffix(strings.ToLower(p.Name), "path"):
		kind := anyPath
		if dirCommands[strings.ToLower(cmd)] {
			kind = dirsOnly
		}
		return c.paths(vw.value, vw.quote, kind)
	case typ == "string" || typ == "object" || typ == "psobject" || typ == "":
		return c.paths(vw.value, vw.quote, anyPath)
	}
	return nil
}

// helpTopics completes Get-Help's -Name: command names and about_ topics
// (the Source's, and those of a Complete hook if the cmdlet has one).
func (c *Completer) helpTopics(p *binding.ParamInfo, vw valueWord) []Suggestion {
	items := c.commandNames(vw.value)
	m := newMatcher(vw.value)
	for _, t := range c.src.HelpTopics() {
		if t.Name != "" && m.match(t.Name) {
			items = append(items, Suggestion{Text: t.Name, Description: t.Synopsis})
		}
	}
	if p.Complete != nil {
		for _, v := range c.callHook(p, vw.value) {
			if v != "" && m.match(v) {
				items = append(items, Suggestion{Text: v})
			}
		}
	}
	sortItems(items)
	return quoted(dedupe(items), vw.quote, "")
}

// filterNames keeps the names that match, in their order.
func filterNames(names []string, m matcher) []Suggestion {
	var out []Suggestion
	for _, n := range names {
		if m.match(n) {
			out = append(out, Suggestion{Text: n})
		}
	}
	return out
}

// dedupeStrings turns hook results into suggestions, dropping repeats and
// empty strings, keeping the hook's order.
func dedupeStrings(vals []string) []Suggestion {
	out := make([]Suggestion, 0, len(vals))
	for _, v := range vals {
		if v != "" {
			out = append(out, Suggestion{Text: v})
		}
	}
	return dedupe(out)
}

// quoted quotes each suggestion's text as an argument and sets an empty
// description to desc.
func quoted(items []Suggestion, q rune, desc string) []Suggestion {
	for i := range items {
		items[i].Text = quote(items[i].Text, q)
		if items[i].Description == "" {
			items[i].Description = desc
		}
	}
	return capItems(items)
}
