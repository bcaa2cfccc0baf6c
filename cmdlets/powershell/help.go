package powershell

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/value"
)

// registerHelpCmdlets adds Get-Help and help.
func registerHelpCmdlets(rt *engine.Runtime) {
	p := newGetHelpParams()
	rt.Register(&engine.Cmdlet{
		Name: "Get-Help", Module: "Microsoft.PowerShell.Core",
		Synopsis:    "Displays information about PowerShell commands and concepts.",
		Description: "The Get-Help cmdlet displays information about PowerShell concepts and commands, including cmdlets, functions, scripts, and about_ topics. Get-Help with a wildcard lists the matching topics.",
		DefaultSet:  "AllUsersView",
		Params:      p.infos(),
		Examples: []engine.Example{
			{Title: "Display help about a cmdlet", Code: "Get-Help Format-Table", Remarks: "Displays the basic help of Format-Table."},
			{Title: "Display the examples", Code: "Get-Help Get-Item -Examples", Remarks: "Shows only the examples."},
		},
		New: engine.ProcessOnly(func(c *engine.Call) error { return getHelp(c, p) }),
	})
	registerHelpFunction(rt)
}

// helpDoc is the help content of a command, from cmdlet metadata or
// comment-based help.
type helpDoc struct {
	name        string
	synopsis    string
	description string
	params      map[string]string // lower-case parameter name → help
	examples    []engine.Example
	inputs      []string
	outputs     []string
	notes       string
	links       []string
	meta        *binding.Meta
	cmdlet      bool
	hasHelp     bool
	aliases     []string
	uri         string // a cmdlet's online help address
}

// getHelp is Get-Help.
func getHelp(c *engine.Call, prm *getHelpParams) error {
	out, err := helpObjects(c, prm, false)
	if err != nil {
		return err
	}
	for _, o := range out {
		if err := c.WriteObject(o); err != nil {
			return err
		}
	}
	return nil
}

// helpObjects finds the help Get-Help (or help, with full set) writes:
// a topic's help laid out for the console, a listing's rows, the entries
// of -Parameter, or the line of -Online. Errors that do not stop the
// command (HelpNotFound, NoParmsFound) are written as they are found.
func helpObjects(c *engine.Call, prm *getHelpParams, full bool) ([]any, error) {
	rt := c.Runtime()
	width := c.Host().ConsoleWidth()
	name := prm.name.Get(c)
	online := prm.online.Get(c)
	if name == "" {
		if online {
			return nil, helpNoURI()
		}
		return []any{helpOutput(aboutLayout(aboutTopics[0]), width)}, nil
	}
	if strings.HasPrefix(strings.ToLower(name), "about_") {
		var matches []aboutTopic
		for _, t := range aboutTopics {
			if value.Like(t.name, name, false) {
				matches = append(matches, t)
			}
		}
		if len(matches) == 1 && !value.HasWildcard(name) {
			if online {
				return nil, helpNoURI()
			}
			return []any{helpOutput(aboutLayout(matches[0]), width)}, nil
		}
		if len(matches) > 0 {
			if online {
				return nil, helpMultipleOnline()
			}
			var out []any
			for _, t := range matches {
				out = append(out, helpListEntry(t.name, "HelpFile", "", t.short))
			}
			return out, nil
		}
		return nil, helpNotFound(c, name)
	}
	if value.HasWildcard(name) {
		var list []*engine.CommandInfo
		for _, ci := range allCommands(rt, rt.Global()) {
			if value.Like(ci.Name, name, false) {
				list = append(list, ci)
			}
		}
		sortCommands(list)
		var out []any
		for _, t := range aboutTopics {
			if value.Like(t.name, name, false) {
				out = append(out, helpListEntry(t.name, "HelpFile", "", t.short))
			}
		}
		for _, ci := range list {
			doc := helpFor(rt, ci)
			out = append(out, helpListEntry(ci.Name, ci.Kind.String(), ci.Module, doc.synopsis))
		}
		switch {
		case len(out) == 0:
			return nil, helpNotFound(c, name)
		case online && len(out) > 1:
			return nil, helpMultipleOnline()
		case online:
			// One match is shown as the topic itself.
			return helpObjectsFor(c, prm, list[0], full)
		}
		return out, nil
	}
	ci, ok := rt.LookupCommand(name)
	if !ok {
		return nil, helpNotFound(c, name)
	}
	return helpObjectsFor(c, prm, ci, full)
}

// helpObjectsFor is the help of one command in the view asked for.
func helpObjectsFor(c *engine.Call, prm *getHelpParams, ci *engine.CommandInfo, full bool) ([]any, error) {
	doc := helpFor(c.Runtime(), ci)
	width := c.Host().ConsoleWidth()
	if prm.online.Get(c) {
		uri := doc.onlineURI()
		if uri == "" {
			return nil, helpNoURI()
		}
		if u, err := url.Parse(uri); err != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
			return nil, asGetHelp(engine.NewError("InvalidOperation", "InvalidOperation", nil,
				"The protocol specified in the Uri \"%s\" is not supported. Only \"http\" and \"https\" protocols are supported.", uri).
				WithException("System.Management.Automation.PSInvalidOperationException"))
		}
		// pwsh opens the browser and says "Help URI: <uri>" (its
		// BypassOnlineHelpRetrieval test hook writes that line as
		// output); an offline shell writes the line and opens nothing.
		return []any{"Help URI: " + uri}, nil
	}
	var l *helpLayout
	switch {
	case prm.parameter.Given(c):
		// One object per parameter, in the order of the patterns, as
		// pwsh's GetParameterInfo returns them.
		var out []any
		for _, pat := range prm.parameter.Get(c) {
			for _, p := range doc.allParams() {
				if value.Like(p.Name, pat, false) {
					l := &helpLayout{}
					if len(out) == 0 {
						l.blank()
					}
					l.add(0, doc.paramLayout(p, true))
					out = append(out, helpOutput(l, width))
				}
			}
		}
		if len(out) > 0 {
			return out, nil
		}
		// pwsh passes the -Parameter array as the message's format
		// arguments, so {0} is its first pattern.
		return nil, c.WriteError(asGetHelp(engine.NewError("InvalidArgument", "NoParmsFound", doc.name,
			"No parameter matches criteria %s.", prm.parameter.Get(c)[0]).WithException("System.ArgumentException")))
	case prm.examples.Get(c):
		l = doc.layout(helpExamplesView)
	case prm.detailed.Get(c):
		l = doc.layout(helpDetailedView)
	case prm.full.Get(c) || full:
		l = doc.layout(helpFullView)
	default:
		l = doc.layout(helpDefaultView)
	}
	return []any{helpOutput(l, width)}, nil
}

// helpNoURI is pwsh's error for -Online when the help names no URI
// (HelpErrors.NoURIFound).
func helpNoURI() error {
	return asGetHelp(engine.NewError("InvalidOperation", "InvalidOperation", nil,
		"The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.").
		WithException("System.Management.Automation.PSInvalidOperationException"))
}

// helpMultipleOnline is pwsh's error for -Online when the name matches
// several topics (HelpErrors.MultipleOnlineTopicsNotSupported).
func helpMultipleOnline() error {
	return asGetHelp(engine.NewError("InvalidOperation", "InvalidOperation", nil,
		"Multiple Help topics were found. Use only one Help topic with the -Online option.").
		WithException("System.Management.Automation.PSInvalidOperationException"))
}

// helpNotFound writes pwsh's HelpNotFound error.
func helpNotFound(c *engine.Call, name string) error {
	return c.WriteError(asGetHelp(engine.NewError("ResourceUnavailable", "HelpNotFound", name,
		"Get-Help could not find %s in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116.", name).
		WithException("Microsoft.PowerShell.Commands.HelpNotFoundException")))
}

// asGetHelp marks an error as Get-Help's, also when the help function
// (which calls Get-Help in pwsh) reports it: "Get-Help: …" and
// FullyQualifiedErrorId "…,Microsoft.PowerShell.Commands.GetHelpCommand".
func asGetHelp(rec *engine.ErrorRecord) *engine.ErrorRecord {
	rec.CommandName = "Get-Help"
	rec.CommandClass = "Microsoft.PowerShell.Commands.GetHelpCommand"
	return rec
}

// helpListEntry is one row of a Get-Help listing.
func helpListEntry(name, category, module, synopsis string) *value.Object {
	o := value.NewObject("HelpInfoShort", "System.Object")
	o.Set("Name", name)
	o.Set("Category", category)
	o.Set("Module", module)
	o.Set("Synopsis", synopsis)
	return o
}

// helpFor gathers the help of a command.
func helpFor(rt *engine.Runtime, ci *engine.CommandInfo) *helpDoc {
	doc := &helpDoc{name: ci.Name, params: map[string]string{}}
	if ci.Kind == engine.KindAlias && ci.Cmdlet == nil && ci.Function == nil {
		doc.name = ci.Definition
		return doc
	}
	for _, a := range rt.Aliases() {
		target := ci.Name
		if ci.Kind == engine.KindAlias {
			target = ci.Definition
		}
		if strings.EqualFold(a[1], target) {
			doc.aliases = append(doc.aliases, a[0])
		}
	}
	switch {
	case ci.Cmdlet != nil:
		cm := ci.Cmdlet
		if strings.EqualFold(cm.Name, "help") {
			// pwsh's help function forwards its help to Get-Help's
			// (.FORWARDHELPTARGETNAME Get-Help).
			if gh, ok := rt.Cmdlet("Get-Help"); ok {
				cm = gh
				ci = engine.CommandInfoFor(gh)
			}
		}
		doc.name = cm.Name
		doc.uri = cmdletHelpURI(rt, cm.Module, cm.Name)
		doc.cmdlet, doc.hasHelp = true, true
		doc.synopsis, doc.description = cm.Synopsis, cm.Description
		doc.examples = cm.Examples
		doc.outputs = cm.Outputs
		doc.notes = cm.Notes
		doc.meta = ci.Meta()
		for _, p := range cm.Params {
			doc.params[strings.ToLower(p.Name)] = p.Help
		}
	case ci.Function != nil:
		doc.name = ci.Function.Name
		doc.meta = ci.Function.Meta()
		doc.parseComment(ci.Function.HelpText())
	case ci.Kind == engine.KindScript:
		doc.name = ci.Definition
		meta, help, err := rt.ScriptMeta(ci.Definition)
		if err == nil {
			doc.meta = meta
			doc.parseComment(help)
		}
	}
	return doc
}

// helpKeywordLine matches a comment-based help keyword line.
var helpKeywordLine = regexp.MustCompile(`(?i)^\s*\.(SYNOPSIS|DESCRIPTION|PARAMETER|EXAMPLE|INPUTS|OUTPUTS|NOTES|LINK|COMPONENT|ROLE|FUNCTIONALITY|FORWARDHELPTARGETNAME|FORWARDHELPCATEGORY|REMOTEHELPRUNSPACE|EXTERNALHELP)\b\s*(.*)$`)

// parseComment reads comment-based help.
func (d *helpDoc) parseComment(raw string) {
	if strings.TrimSpace(raw) == "" {
		return
	}
	text := strings.TrimSpace(raw)
	text = strings.TrimPrefix(text, "<#")
	text = strings.TrimSuffix(text, "#>")
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var key, arg string
	var body []string
	flush := func() {
		content := helpDedent(body)
		switch key {
		case "SYNOPSIS":
			d.synopsis = content
		case "DESCRIPTION":
			d.description = content
		case "PARAMETER":
			d.params[strings.ToLower(arg)] = content
		case "EXAMPLE":
			code, remarks, _ := strings.Cut(content, "\n")
			d.examples = append(d.examples, engine.Example{Code: code, Remarks: strings.TrimSpace(remarks)})
		case "INPUTS":
			d.inputs = append(d.inputs, content)
		case "OUTPUTS":
			d.outputs = append(d.outputs, content)
		case "NOTES":
			d.notes = content
		case "LINK":
			d.links = append(d.links, content)
		}
		body = nil
	}
	for _, l := range lines {
		l = strings.TrimPrefix(strings.TrimLeft(l, " \t"), "#")
		if m := helpKeywordLine.FindStringSubmatch(l); m != nil {
			if key != "" {
				flush()
			}
			key, arg = strings.ToUpper(m[1]), strings.TrimSpace(m[2])
			d.hasHelp = true
			continue
		}
		if key != "" {
			body = append(body, l)
		}
	}
	if key != "" {
		flush()
	}
}

// helpDedent removes the common indentation and surrounding blank lines.
func helpDedent(lines []string) string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			l = l[indent:]
		}
		out[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(out, "\n")
}

// helpView selects the sections Get-Help shows.
type helpView int

const (
	helpDefaultView helpView = iota
	helpDetailedView
	helpFullView
	helpExamplesView
)

// aboutTopics are the conceptual topics csshell ships.
var aboutTopics = []aboutTopic{
	{name: "about_csshell", short: "Describes csshell, an offline PowerShell-compatible shell for audio-conferencing administration.",
		long: "csshell runs PowerShell 7 syntax and a subset of its core cmdlets without\n" +
			"network access. Files are read and written on the local file system; the\n" +
			"tenant's audio-conferencing settings are emulated locally.\n\n" +
			"Use Get-Command to list the available commands and Get-Help <command>\n" +
			"to read about one of them."},
	{name: "about_Audio_Conferencing_PIN", short: "Explains the meeting organizer PIN used with audio conferencing.",
		long: "Users enabled for audio conferencing get a PIN that lets them start a\n" +
			"meeting when they dial in by phone. Administrators can reset a user's\n" +
			"PIN; the new PIN is sent to the user and takes effect for the next\n" +
			"meeting they start by phone."},
	{name: "about_CommonParameters", short: "Describes the parameters that can be used with any cmdlet.",
		long: "The common parameters are a set of cmdlet parameters that you can use\n" +
			"with any cmdlet: Verbose, Debug, ErrorAction, ErrorVariable,\n" +
			"WarningAction, WarningVariable, InformationAction, InformationVariable,\n" +
			"OutVariable, OutBuffer, PipelineVariable and ProgressAction. Cmdlets\n" +
			"that change the system also support WhatIf and Confirm."},
	{name: "about_Wildcards", short: "Describes how to use wildcard characters in PowerShell.",
		long: "Wildcard characters represent one or many characters:\n\n" +
			"    *      matches zero or more characters\n" +
			"    ?      matches exactly one character\n" +
			"    [a-b]  matches a range of characters\n" +
			"    [ab]   matches the specified characters\n\n" +
			"Use the backtick (`) to match a wildcard character literally."},
}

// completeAboutTopics lists the about_ topics starting with prefix, for tab
// completion of Get-Help -Name (the completer adds the command names).
func completeAboutTopics(prefix string) []string {
	var out []string
	for _, t := range aboutTopics {
		if len(t.name) >= len(prefix) && strings.EqualFold(t.name[:len(prefix)], prefix) {
			out = append(out, t.name)
		}
	}
	return out
}
