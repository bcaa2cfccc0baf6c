package powershell

import (
	"strconv"
	"strings"

	"github.com/csshell/csshell/engine/binding"
	"github.com/csshell/csshell/engine/format"
)

// The views below follow pwsh 7.4's help format data
// (FormatAndOutput/DefaultFormatters/Help_format_ps1xml.cs for help with
// content — MAML or comment-based —, HelpV3_format_ps1xml.cs for the
// reduced help of a command without any): section titles at column 0,
// their bodies in a frame of 4, a parameter's description and attributes
// in a further frame of 4. Long lines wrap at word boundaries to the width
// (help_wrap.go); SYNTAX has no hanging indentation in pwsh's views, so a
// wrapped syntax line continues at the section's indentation.

// helpOutput is the object Get-Help writes: the help laid out for the
// console, laid out again when a consumer (Out-String -Width, a pager)
// has another width. At the console width it uses one column less, as
// pwsh's console line output does.
func helpOutput(l *helpLayout, consoleWidth int) format.Deferred {
	columns := func(width int) int {
		if width == consoleWidth {
			return width - 1
		}
		return width
	}
	return format.Deferred{
		Text:  l.render(columns(consoleWidth)),
		Width: consoleWidth,
		Render: func(width int, _ format.Style) string {
			return l.render(columns(width))
		},
	}
}

// allParams lists the parameters help documents (no common parameters).
func (d *helpDoc) allParams() []*binding.ParamInfo {
	if d.meta == nil {
		return nil
	}
	return d.meta.Params
}

// syntax returns the syntax lines of the command; without help, with the
// type names of pwsh's generated syntax, as Get-Command -Syntax.
func (d *helpDoc) syntax() []string {
	if d.meta == nil {
		return []string{d.name}
	}
	lines := syntaxLines(d.name, d.meta, !d.hasHelp)
	if d.hasHelp && !d.meta.CmdletBinding {
		// The MAML syntax control ends every item with
		// [<CommonParameters>], also for a simple function's
		// comment-based help.
		for i := range lines {
			lines[i] += " [<CommonParameters>]"
		}
	}
	return lines
}

// paramFacts are the values of a parameter's attribute table.
type paramFacts struct {
	required, position, def, pipeline, aliases, sets string
}

// facts computes a parameter's attribute values as pwsh's help content
// has them: MAML (cmdlets: "False", "True (ByPropertyName, ByValue)",
// aliases "none", default "None", as platyPS writes them), comment-based
// help (functions, scripts: "false", "true (ByValue, ByPropertyName)", a
// 1-based position and no aliases, as HelpCommentsParser builds them), or
// a command without help (DefaultCommandHelpObjectBuilder: a 0-based
// position, "Named", aliases "None" and the parameter sets).
func (d *helpDoc) facts(p *binding.ParamInfo) paramFacts {
	s := binding.ParamSet{Position: -1, Name: "__AllParameterSets"}
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
	if !d.cmdlet {
		required, byValue, byName = s.Mandatory, s.FromPipeline, s.FromPipelineByName
	}
	f := paramFacts{required: strconv.FormatBool(required), def: p.Default}
	switch {
	case !d.hasHelp:
		f.position = "Named"
		if s.Position >= 0 {
			f.position = strconv.Itoa(s.Position)
		}
		var via []string
		if byValue {
			via = append(via, "ByValue")
		}
		if byName {
			via = append(via, "ByPropertyName")
		}
		f.pipeline = "false"
		if len(via) > 0 {
			f.pipeline = "true (" + strings.Join(via, ", ") + ")"
		}
		f.aliases = "None"
		if len(p.Aliases) > 0 {
			f.aliases = strings.Join(p.Aliases, ", ")
		}
		var sets []string
		for _, ps := range p.Sets {
			if ps.Name == "" || ps.Name == "__AllParameterSets" {
				sets = []string{"(All)"}
				break
			}
			sets = append(sets, ps.Name)
		}
		f.sets = strings.Join(sets, ", ")
	case d.cmdlet:
		f.position = "named"
		if s.Position >= 0 {
			f.position = strconv.Itoa(s.Position)
		}
		if f.def == "" {
			f.def = "None"
		}
		f.pipeline = "False"
		switch {
		case byValue && byName:
			f.pipeline = "True (ByPropertyName, ByValue)"
		case byValue:
			f.pipeline = "True (ByValue)"
		case byName:
			f.pipeline = "True (ByPropertyName)"
		}
		f.aliases = "none"
		if len(p.Aliases) > 0 {
			f.aliases = strings.Join(p.Aliases, ", ")
		}
	default:
		f.position = "named"
		if s.Position >= 0 {
			f.position = strconv.Itoa(s.Position + 1)
		}
		f.pipeline = "false"
		switch {
		case byValue && byName:
			f.pipeline = "true (ByValue, ByPropertyName)"
		case byValue:
			f.pipeline = "true (ByValue)"
		case byName:
			f.pipeline = "true (ByPropertyName)"
		}
	}
	return f
}

// paramHead is a parameter's first line: "-Name <String>", and for a
// switch of a command with help "-Force [<SwitchParameter>]" (its MAML
// value is not required); without help a switch shows no type
// (DefaultCommandHelpObjectBuilder gives it no parameterValue).
func (d *helpDoc) paramHead(p *binding.ParamInfo) string {
	// Without help pwsh names the type as its syntax does
	// (GetParameterTypeString: "string", "int").
	typ := paramTypeName(p.Type, !d.hasHelp)
	switch {
	case p.IsSwitch() && d.hasHelp:
		return "-" + p.Name + " [<" + typ + ">]"
	case p.IsSwitch():
		return "-" + p.Name
	}
	return "-" + p.Name + " <" + typ + ">"
}

// paramLayout is one parameter's entry at column 0 (Get-Help -Parameter
// shows it so; PARAMETERS indents it by 4): the head, the description
// indented by 4 and, when full, the attribute table (MamlFullParameterControl,
// or the reduced view's for a command without help).
func (d *helpDoc) paramLayout(p *binding.ParamInfo, full bool) *helpLayout {
	l := &helpLayout{}
	l.line(0, d.paramHead(p))
	if h := d.params[strings.ToLower(p.Name)]; h != "" {
		l.lines(4, h)
	}
	if !full {
		l.blank()
		return l
	}
	f := d.facts(p)
	l.blank()
	row := func(label, v string) { l.line(4, label+v) }
	row("Required?                    ", f.required)
	row("Position?                    ", f.position)
	if d.hasHelp {
		row("Default value                ", f.def)
		row("Accept pipeline input?       ", f.pipeline)
		row("Aliases                      ", f.aliases)
	} else {
		row("Accept pipeline input?       ", f.pipeline)
		row("Parameter set name           ", f.sets)
		row("Aliases                      ", f.aliases)
		row("Dynamic?                     ", "false")
	}
	row("Accept wildcard characters?  ", "false")
	l.blank()
	return l
}

// commonParameters is the <CommonParameters> entry of PARAMETERS
// (HelpDisplayStrings.BaseCmdletInformation, whose lines carry their own
// four blanks and are written at the section's indentation).
func commonParameters(l *helpLayout) {
	l.line(4, "<CommonParameters>")
	l.line(4, "    This cmdlet supports the common parameters: Verbose, Debug,\n"+
		"    ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"+
		"    OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"+
		"    about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).")
	l.blank()
}

// parametersLayout is the PARAMETERS section of the detailed (full: the
// full) view: each parameter's entry, then <CommonParameters>.
func (d *helpDoc) parametersLayout(l *helpLayout, full bool) {
	l.line(0, "PARAMETERS")
	for _, p := range d.allParams() {
		l.add(4, d.paramLayout(p, full))
	}
	// The MAML views always end PARAMETERS with <CommonParameters>; the
	// reduced view only for a command that has them.
	if d.hasHelp || d.meta != nil && d.meta.CmdletBinding {
		commonParameters(l)
	}
}

// layout lays the help out in a view.
func (d *helpDoc) layout(view helpView) *helpLayout {
	l := &helpLayout{}
	section := func(title, body string) {
		l.line(0, title)
		if body != "" {
			l.lines(4, body)
		}
		l.blank()
	}
	syntax := func() {
		l.line(0, "SYNTAX")
		for i, s := range d.syntax() {
			if i > 0 {
				// Each syntax item ends with two newlines in both
				// views (control5 of Help_format and HelpV3_format).
				l.blank()
			}
			l.line(4, s)
		}
		l.blank()
		l.blank()
	}
	l.blank()
	section("NAME", d.name)
	if !d.hasHelp {
		syntax()
		if view == helpFullView || view == helpDetailedView {
			d.parametersLayout(l, view == helpFullView)
			l.blank()
		}
		aliases := "None"
		if len(d.aliases) > 0 {
			aliases = strings.Join(d.aliases, "\n")
		}
		section("ALIASES", aliases)
		l.blank()
		section("REMARKS", "None")
		return l
	}
	if d.synopsis != "" {
		section("SYNOPSIS", d.synopsis)
	}
	if view == helpExamplesView {
		d.examplesLayout(l)
		return l
	}
	l.blank()
	syntax()
	if d.description != "" {
		section("DESCRIPTION", d.description)
		l.blank()
	}
	if view == helpDetailedView || view == helpFullView {
		d.parametersLayout(l, view == helpFullView)
	}
	if view == helpFullView {
		section("INPUTS", strings.Join(d.inputs, "\n\n"))
		l.blank()
		section("OUTPUTS", strings.Join(d.outputs, "\n\n"))
		l.blank()
		if d.notes != "" {
			l.line(0, "NOTES")
			l.blank()
			l.lines(8, d.notes)
			l.blank()
			l.blank()
		}
	}
	if view != helpDefaultView {
		d.examplesLayout(l)
	}
	if view != helpDetailedView {
		l.line(0, "RELATED LINKS")
		for _, link := range d.relatedLinks() {
			l.line(4, link)
		}
		l.blank()
	}
	if view != helpFullView {
		l.line(0, "REMARKS")
		l.line(4, `To see the examples, type: "Get-Help `+d.name+` -Examples"`)
		l.line(4, `For more information, type: "Get-Help `+d.name+` -Detailed"`)
		l.line(4, `For technical information, type: "Get-Help `+d.name+` -Full"`)
		if len(d.relatedLinks()) > 0 {
			// RelatedLinksHelpInfoControl: its text is flushed after the
			// frames close, so its own four blanks are its indentation.
			l.line(0, `    For online help, type: "Get-Help `+d.name+` -Online"`)
		}
		l.blank()
	}
	return l
}

// relatedLinks are the RELATED LINKS lines: "Online Version: <uri>" first
// for a cmdlet with an online page (platyPS writes it as the first
// navigation link of the module's MAML), then the .LINK entries of
// comment-based help.
func (d *helpDoc) relatedLinks() []string {
	var out []string
	if u := d.onlineURI(); d.cmdlet && u != "" {
		out = append(out, "Online Version: "+u)
	}
	return append(out, d.links...)
}

// examplesLayout adds the EXAMPLES entries.
func (d *helpDoc) examplesLayout(l *helpLayout) {
	if len(d.examples) == 0 {
		return
	}
	for i, ex := range d.examples {
		l.line(4, "-------------------------- EXAMPLE "+strconv.Itoa(i+1)+" --------------------------")
		l.blank()
		l.lines(4, "PS > "+ex.Code)
		l.blank()
		remarks := ex.Remarks
		if remarks == "" {
			remarks = ex.Title
		}
		if remarks != "" {
			l.lines(4, remarks)
		}
		l.blank()
		l.blank()
	}
}

// aboutTopic is a conceptual help topic.
type aboutTopic struct {
	name  string
	short string
	long  string
}

// aboutLayout lays an about topic out.
func aboutLayout(t aboutTopic) *helpLayout {
	l := &helpLayout{}
	l.blank()
	l.line(0, "TOPIC")
	l.line(4, t.name)
	l.blank()
	l.line(0, "SHORT DESCRIPTION")
	l.lines(4, t.short)
	l.blank()
	l.line(0, "LONG DESCRIPTION")
	l.lines(4, t.long)
	l.blank()
	return l
}
