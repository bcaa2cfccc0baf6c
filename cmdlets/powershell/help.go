package powershell

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/format"
	"github.com/csshell/csshell/engine/value"
)

// registerHelpCmdlets adds Get-Help (and its help alias).
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
	rt.SetAliases("Get-Help", "help")
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
}

// getHelp is Get-Help.
func getHelp(c *engine.Call, prm *getHelpParams) error {
	rt := c.Runtime()
	name := prm.name.Get(c)
	if name == "" {
		return c.WriteObject(format.Rendered{Text: "\n" + aboutText(aboutTopics[0]) + "\n"})
	}
	if strings.HasPrefix(strings.ToLower(name), "about_") {
		var matches []aboutTopic
		for _, t := range aboutTopics {
			if value.Like(t.name, name, false) {
				matches = append(matches, t)
			}
		}
		if len(matches) == 1 && !value.HasWildcard(name) {
			return c.WriteObject(format.Rendered{Text: "\n" + aboutText(matches[0]) + "\n"})
		}
		if len(matches) > 0 {
			for _, t := range matches {
				if err := c.WriteObject(helpListEntry(t.name, "HelpFile", "", t.short)); err != nil {
					return err
				}
			}
			return nil
		}
		return helpNotFound(c, name)
	}
	if value.HasWildcard(name) {
		var list []*engine.CommandInfo
		for _, ci := range allCommands(rt, rt.Global()) {
			if value.Like(ci.Name, name, false) {
				list = append(list, ci)
			}
		}
		sortCommands(list)
		for _, t := range aboutTopics {
			if value.Like(t.name, name, false) {
				if err := c.WriteObject(helpListEntry(t.name, "HelpFile", "", t.short)); err != nil {
					return err
				}
			}
		}
		if len(list) == 0 {
			found := false
			for _, t := range aboutTopics {
				found = found || value.Like(t.name, name, false)
			}
			if !found {
				return helpNotFound(c, name)
			}
		}
		for _, ci := range list {
			doc := helpFor(rt, ci)
			if err := c.WriteObject(helpListEntry(ci.Name, ci.Kind.String(), ci.Module, doc.synopsis)); err != nil {
				return err
			}
		}
		return nil
	}
	ci, ok := rt.LookupCommand(name)
	if !ok {
		return helpNotFound(c, name)
	}
	if prm.online.Get(c) {
		return engine.NewError("InvalidOperation", "InvalidOperation", nil,
			"The online version of this Help topic cannot be displayed because the Internet address (URI) of the Help topic is not specified in the command code or in the help file for the command.").
			WithException("System.Management.Automation.PSInvalidOperationException")
	}
	doc := helpFor(rt, ci)
	var text string
	switch {
	case prm.parameter.Given(c):
		var b strings.Builder
		found := false
		for _, pat := range prm.parameter.Get(c) {
			for _, p := range doc.allParams() {
				if value.Like(p.Name, pat, false) {
					found = true
					b.WriteString(doc.paramBlock(p, true))
				}
			}
			if !found {
				return engine.NewError("InvalidArgument", "NoParmsFound", pat,
					"No parameter matches criteria %s.", pat).WithException("System.ArgumentException")
			}
		}
		text = "\n" + b.String()
	case prm.examples.Get(c):
		text = doc.render(helpExamplesView)
	case prm.detailed.Get(c):
		text = doc.render(helpDetailedView)
	case prm.full.Get(c):
		text = doc.render(helpFullView)
	default:
		text = doc.render(helpDefaultView)
	}
	return c.WriteObject(format.Rendered{Text: helpTrim(text)})
}

// helpTrim drops trailing blanks from each line, as the engine's formatter
// does.
func helpTrim(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// helpNotFound writes pwsh's HelpNotFound error.
func helpNotFound(c *engine.Call, name string) error {
	return c.WriteError(engine.NewError("ResourceUnavailable", "HelpNotFound", name,
		"Get-Help could not find %s in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https://go.microsoft.com/fwlink/?LinkID=107116.", name).
		WithException("Microsoft.PowerShell.Commands.HelpNotFoundException"))
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
		doc.name = cm.Name
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

// indentText indents each line of s by n spaces.
func indentText(s string, n int) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// allParams lists the parameters help documents (no common parameters).
func (d *helpDoc) allParams() []*binding.ParamInfo {
	if d.meta == nil {
		return nil
	}
	return d.meta.Params
}

// syntax returns the syntax lines of the command.
func (d *helpDoc) syntax() []string {
	if d.meta == nil {
		return []string{d.name}
	}
	return syntaxLines(d.name, d.meta, false)
}

// paramBlock renders one parameter's entry.
func (d *helpDoc) paramBlock(p *binding.ParamInfo, full bool) string {
	var b strings.Builder
	head := "    -" + p.Name
	if !p.IsSwitch() {
		head += " <" + paramTypeName(p.Type, false) + ">"
	}
	b.WriteString(head + "\n")
	if h := d.params[strings.ToLower(p.Name)]; h != "" {
		b.WriteString(indentText(h, 8) + "\n")
	}
	if full {
		s := binding.ParamSet{Position: -1}
		if len(p.Sets) > 0 {
			s = p.Sets[0]
		}
		required := false
		byValue, byName := false, false
		for _, ps := range p.Sets {
			required = required || ps.Mandatory
			byValue = byValue || ps.FromPipeline
			byName = byName || ps.FromPipelineByName
		}
		pos := "named"
		if s.Position >= 0 {
			n := s.Position
			pos = strconv.Itoa(n)
		}
		def := p.Default
		if def == "" && d.cmdlet {
			def = "None"
		}
		pipe := "false"
		switch {
		case byValue && byName:
			pipe = "true (ByValue, ByPropertyName)"
		case byValue:
			pipe = "true (ByValue)"
		case byName:
			pipe = "true (ByPropertyName)"
		}
		aliases := strings.Join(p.Aliases, ", ")
		if aliases == "" && d.cmdlet {
			aliases = "none"
		}
		b.WriteString("\n")
		b.WriteString("        Required?                    " + strconv.FormatBool(required) + "\n")
		b.WriteString("        Position?                    " + pos + "\n")
		b.WriteString("        Default value                " + def + "\n")
		b.WriteString("        Accept pipeline input?       " + pipe + "\n")
		b.WriteString("        Aliases                      " + aliases + "\n")
		b.WriteString("        Accept wildcard characters?  false\n")
	}
	b.WriteString("\n")
	return b.String()
}

// commonParametersText is the help entry for <CommonParameters>.
const commonParametersText = `    <CommonParameters>
        This cmdlet supports the common parameters: Verbose, Debug,
        ErrorAction, ErrorVariable, WarningAction, WarningVariable,
        OutBuffer, PipelineVariable, and OutVariable. For more information, see
        about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).

`

// parametersText is the PARAMETERS section of the detailed (full: the
// full) view: each parameter's block, then <CommonParameters> for an
// advanced function or script.
func (d *helpDoc) parametersText(full bool) string {
	var b strings.Builder
	b.WriteString("PARAMETERS\n")
	for _, p := range d.allParams() {
		b.WriteString(d.paramBlock(p, full))
	}
	if d.meta != nil && d.meta.CmdletBinding {
		b.WriteString(commonParametersText)
	}
	return b.String()
}

// render lays the help out in a view.
func (d *helpDoc) render(view helpView) string {
	var b strings.Builder
	section := func(title, body string) {
		b.WriteString(title + "\n")
		if body != "" {
			b.WriteString(indentText(body, 4) + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	section("NAME", d.name)
	if !d.hasHelp {
		b.WriteString("SYNTAX\n")
		for _, l := range d.syntax() {
			b.WriteString("    " + l + "\n")
		}
		b.WriteString("\n\n")
		if view == helpFullView || view == helpDetailedView {
			b.WriteString(d.parametersText(view == helpFullView))
			b.WriteString("\n")
		}
		aliases := "None"
		if len(d.aliases) > 0 {
			aliases = strings.Join(d.aliases, "\n")
		}
		section("ALIASES", aliases)
		b.WriteString("\n")
		section("REMARKS", "None")
		return b.String()
	}
	if d.synopsis != "" {
		section("SYNOPSIS", d.synopsis)
	}
	if view == helpExamplesView {
		b.WriteString(d.examplesText())
		return b.String()
	}
	b.WriteString("\n")
	b.WriteString("SYNTAX\n")
	for i, l := range d.syntax() {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("    " + l + "\n")
	}
	b.WriteString("\n\n")
	if d.description != "" {
		section("DESCRIPTION", d.description)
		b.WriteString("\n")
	}
	if view == helpDetailedView || view == helpFullView {
		b.WriteString(d.parametersText(view == helpFullView))
	}
	if view == helpFullView {
		section("INPUTS", strings.Join(d.inputs, "\n\n"))
		b.WriteString("\n")
		section("OUTPUTS", strings.Join(d.outputs, "\n\n"))
		b.WriteString("\n")
		if d.notes != "" {
			section("NOTES", "\n"+indentText(d.notes, 4))
			b.WriteString("\n")
		}
	}
	if view != helpDefaultView {
		b.WriteString(d.examplesText())
	}
	if view != helpDetailedView {
		section("RELATED LINKS", strings.Join(d.links, "\n"))
	}
	if view != helpFullView {
		var r []string
		r = append(r, `To see the examples, type: "Get-Help `+d.name+` -Examples"`)
		if view == helpDefaultView {
			r = append(r, `For more information, type: "Get-Help `+d.name+` -Detailed"`)
		}
		r = append(r, `For technical information, type: "Get-Help `+d.name+` -Full"`)
		section("REMARKS", strings.Join(r, "\n"))
	}
	return b.String()
}

// examplesText renders the EXAMPLES section.
func (d *helpDoc) examplesText() string {
	if len(d.examples) == 0 {
		return ""
	}
	var b strings.Builder
	for i, ex := range d.examples {
		b.WriteString("    -------------------------- EXAMPLE " + strconv.Itoa(i+1) + " --------------------------\n\n")
		b.WriteString("    PS > " + strings.ReplaceAll(ex.Code, "\n", "\n    ") + "\n\n")
		remarks := ex.Remarks
		if remarks == "" {
			remarks = ex.Title
		}
		if remarks != "" {
			b.WriteString(indentText(remarks, 4) + "\n")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// aboutTopic is a conceptual help topic.
type aboutTopic struct {
	name  string
	short string
	long  string
}

// aboutText renders an about topic.
func aboutText(t aboutTopic) string {
	return "TOPIC\n    " + t.name + "\n\nSHORT DESCRIPTION\n" + indentText(t.short, 4) + "\n\nLONG DESCRIPTION\n" + indentText(t.long, 4) + "\n"
}

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
