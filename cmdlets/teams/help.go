package teams

import (
	"embed"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/csshell/csshell/engine"
)

// The Get-Help text of every MicrosoftTeams (and SkypeOnlineConnector)
// cmdlet is its page in the module's reference,
// MicrosoftDocs/office-docs-powershell, kept in help/<Cmdlet>.md: the page
// as published, less what csshell's declarations say (front matter,
// SYNTAX, each parameter's yaml block, CommonParameters, RELATED LINKS).
// The first line names the page and the commit it was taken from. The
// texts are the only copy: a cmdlet with a page registers no synopsis,
// description or examples and declares its parameters without help, and
// applyHelp fills in Synopsis, Description, Examples, Notes, Outputs and
// each declared parameter's Help from the page. A cmdlet without a page
// (one being added) keeps what its registration gave it, the fallback
// help of shared declarations such as cfgInfra's included.
//
// The page's markdown is kept as written, with three marks of csshell's:
// a line "> [!csshell] …" is a note on where csshell differs from the
// service (shown as "csshell: …"); a code block fenced ```output is output
// the page shows, not code (shown in the example's remarks); and an HTML
// comment says where a paragraph comes from when it is not the page's.

//go:embed help/*.md
var helpFS embed.FS

// helpPage is one cmdlet's page, rendered as Get-Help shows it.
type helpPage struct {
	name        string
	source      string // the page's first comment: path, commit, date
	synopsis    string
	description string
	examples    []engine.Example
	params      map[string]string // lower-case parameter name → help
	paramNames  []string          // as the page names them, in its order
	outputs     []string
	notes       string
}

// current reports whether the page is today's module's (and not a retired
// cmdlet's or an older folder's).
func (p *helpPage) current() bool {
	return strings.HasPrefix(p.source, "teams/teams-ps/MicrosoftTeams/")
}

// onlineURI is the page's "online version" (its front matter, which the
// compacted page no longer holds): today's pages are published under
// /powershell/module/microsoftteams/, and the retired ones, kept under
// skype/skype-ps/skype/ and teams/teams-ps/teams/, were under
// /powershell/module/skype/ — the page's file name in lower case.
func (p *helpPage) onlineURI() string {
	file, _, _ := strings.Cut(p.source, " ")
	name := strings.ToLower(strings.TrimSuffix(path.Base(file), ".md"))
	folder := "skype"
	if p.current() {
		folder = "microsoftteams"
	}
	return "https://learn.microsoft.com/powershell/module/" + folder + "/" + name
}

// HelpURI gives Get-Help the online address of a cmdlet of this module:
// its page's (engine.ModuleHelpURIs); "" for a cmdlet without a page.
func (m versioned) HelpURI(cmdlet string) string {
	pages, err := helpPages()
	if err != nil {
		return ""
	}
	if p, ok := pages[strings.ToLower(cmdlet)]; ok {
		return p.onlineURI()
	}
	return ""
}

// helpPages are the pages by lower-case cmdlet name, read once.
var helpPages = sync.OnceValues(func() (map[string]*helpPage, error) {
	entries, err := helpFS.ReadDir("help")
	if err != nil {
		return nil, err
	}
	pages := map[string]*helpPage{}
	for _, e := range entries {
		data, err := helpFS.ReadFile(path.Join("help", e.Name()))
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(e.Name(), ".md")
		p, err := parseHelpPage(name, string(data))
		if err != nil {
			return nil, fmt.Errorf("help/%s: %w", e.Name(), err)
		}
		pages[strings.ToLower(name)] = p
	}
	return pages, nil
})

// helpMu serialises applyHelp: a declaration shared by every session of
// the process (a package-level one) is written once, by the first.
var helpMu sync.Mutex

// applyHelp gives every registered Teams cmdlet with a page its page's
// help. Today's module's pages go first: where cmdlets share a declaration
// and their pages describe it differently, the first page's text stays.
func applyHelp(rt *engine.Runtime) {
	pages, err := helpPages()
	if err != nil {
		panic("teams: " + err.Error()) // the embedded pages are part of the build
	}
	type withPage struct {
		c *engine.Cmdlet
		p *helpPage
	}
	var list []withPage
	for _, c := range rt.Cmdlets() {
		if p, ok := pages[strings.ToLower(c.Name)]; ok && slices.ContainsFunc(Modules, func(m string) bool { return strings.EqualFold(m, c.Module) }) {
			list = append(list, withPage{c, p})
		}
	}
	slices.SortStableFunc(list, func(a, b withPage) int {
		switch {
		case a.p.current() == b.p.current():
			return 0
		case a.p.current():
			return -1
		}
		return 1
	})
	helpMu.Lock()
	defer helpMu.Unlock()
	described := map[*engine.ParamInfo]bool{}
	for _, x := range list {
		c, p := x.c, x.p
		c.Synopsis, c.Description, c.Examples, c.Notes = p.synopsis, p.description, p.examples, p.notes
		if len(p.outputs) > 0 {
			c.Outputs = p.outputs
		}
		for _, pi := range c.Params {
			text, ok := p.params[strings.ToLower(pi.Name)]
			if !ok || described[pi] {
				continue
			}
			described[pi] = true
			if pi.Help != text {
				pi.Help = text
			}
		}
	}
}

// parseHelpPage reads a page (see the comment at the top of this file).
func parseHelpPage(name, src string) (*helpPage, error) {
	p := &helpPage{name: name, params: map[string]string{}}
	var section, heading string
	var body []string
	var ex *exampleParts
	title := ""
	flush := func() error {
		text := strings.Join(body, "\n")
		body = nil
		switch section {
		case "":
			if strings.TrimSpace(text) != "" {
				return fmt.Errorf("text before the first section")
			}
		case "SYNOPSIS":
			p.synopsis = renderHelpText(text)
		case "DESCRIPTION":
			p.description = renderHelpText(text)
		case "NOTES":
			p.notes = renderHelpText(text)
		case "PARAMETERS":
			if heading == "" {
				return nil
			}
			fields := strings.Fields(strings.TrimPrefix(heading, "-"))
			if len(fields) == 0 {
				return fmt.Errorf("a parameter heading without a name")
			}
			key := strings.ToLower(fields[0])
			if _, dup := p.params[key]; dup {
				return fmt.Errorf("parameter %s described twice", fields[0])
			}
			p.params[key] = renderHelpText(text)
			p.paramNames = append(p.paramNames, fields[0])
		case "INPUTS":
			// csshell's help has no INPUTS section.
		case "OUTPUTS":
			if heading != "" {
				out := heading
				if t := renderHelpText(text); t != "" {
					out += "\n" + t
				}
				p.outputs = append(p.outputs, out)
			}
		case "EXAMPLES":
			if ex != nil {
				e, err := ex.example(text)
				if err != nil {
					return fmt.Errorf("%s: %w", ex.title, err)
				}
				p.examples = append(p.examples, e)
				ex = nil
			}
		default:
			return fmt.Errorf("unknown section %q", section)
		}
		return nil
	}
	fence := false
	for _, line := range strings.Split(stripHelpComments(src, &p.source), "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			fence = !fence
		}
		switch {
		case fence || strings.HasPrefix(trimmed, "```"):
			body = append(body, line)
		case strings.HasPrefix(line, "# "):
			title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, "## "):
			if err := flush(); err != nil {
				return nil, err
			}
			section, heading = strings.ToUpper(strings.TrimSpace(line[3:])), ""
		case strings.HasPrefix(line, "### ") && slices.Contains([]string{"EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS"}, section):
			if err := flush(); err != nil {
				return nil, err
			}
			heading = strings.TrimSpace(line[4:])
			if section == "EXAMPLES" {
				ex = &exampleParts{title: strings.Trim(heading, "- ")}
			}
		default:
			body = append(body, line)
		}
	}
	if fence {
		return nil, fmt.Errorf("a code block is not closed")
	}
	if err := flush(); err != nil {
		return nil, err
	}
	switch {
	case !strings.EqualFold(title, name):
		return nil, fmt.Errorf("the page is titled %q", title)
	case p.source == "":
		return nil, fmt.Errorf("no source comment on the first line")
	}
	return p, nil
}

// exampleParts is an example being read.
type exampleParts struct{ title string }

// promptPrefix is the prompt a page's example code may start with.
var promptPrefix = regexp.MustCompile(`^PS [^>\n]*>\s?`)

// example splits an example's markdown: its first code block (and the
// code blocks right after it) is its code, less a "PS C:\>" prompt;
// everything else, output blocks included, is its remarks.
func (x *exampleParts) example(md string) (engine.Example, error) {
	var code, rest, pending []string
	state := 0 // 0: before the code, 1: in a code block, 2: after one, 3: past the code
	fence := false
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		isFence := strings.HasPrefix(trimmed, "```")
		isCode := isFence && !fence && !strings.EqualFold(strings.TrimPrefix(trimmed, "```"), "output")
		switch {
		case state == 1:
			if isFence {
				state = 2
			} else {
				code = append(code, promptPrefix.ReplaceAllString(line, ""))
			}
			continue
		case (state == 0 || state == 2) && isCode:
			state, pending = 1, nil
			continue
		case state == 2 && trimmed == "":
			pending = append(pending, line)
			continue
		case state == 2:
			state = 3
			rest = append(rest, pending...)
		}
		if isFence {
			fence = !fence
		}
		rest = append(rest, line)
	}
	c := strings.Trim(strings.Join(code, "\n"), "\n")
	if strings.TrimSpace(c) == "" {
		return engine.Example{}, fmt.Errorf("no code")
	}
	return engine.Example{Title: x.title, Code: c, Remarks: renderHelpText(strings.Join(rest, "\n"))}, nil
}

// stripHelpComments removes HTML comments; the first one, on the first
// line, is the page's source.
func stripHelpComments(src string, source *string) string {
	var b strings.Builder
	first := true
	for {
		i := strings.Index(src, "<!--")
		if i < 0 {
			b.WriteString(src)
			return b.String()
		}
		j := strings.Index(src[i:], "-->")
		if j < 0 {
			b.WriteString(src)
			return b.String()
		}
		if first && strings.TrimSpace(src[:i]) == "" {
			*source = strings.TrimSpace(src[i+4 : i+j])
		}
		first = false
		b.WriteString(src[:i])
		src = src[i+j+3:]
	}
}

var (
	mdLink       = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdStrong     = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	mdEmphasis   = regexp.MustCompile(`(^|[^\w*\\])\*([^*\s](?:[^*]*[^*\s])?)\*($|[^\w*])`)
	mdEscape     = regexp.MustCompile(`\\([\\<>\[\]_*#|{}()])`)
	mdAdmonition = regexp.MustCompile(`^\[!(\w+)\]\s*`)
	mdBlankRuns  = regexp.MustCompile(`\n{3,}`)
)

// renderHelpText turns a page's markdown into Get-Help's plain text:
// paragraphs and lists as written, code blocks indented, inline markup
// (code spans, emphasis, links, escapes) reduced to its text, and
// admonitions ("> [!NOTE]") as "NOTE:" ("> [!csshell]": "csshell:").
func renderHelpText(md string) string {
	var out []string
	fence := false
	for _, line := range strings.Split(md, "\n") {
		line = strings.TrimRight(line, " \t")
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
			continue
		}
		if fence {
			out = append(out, "    "+line)
			continue
		}
		if rest, ok := strings.CutPrefix(line, ">"); ok {
			line = strings.TrimPrefix(rest, " ")
			if m := mdAdmonition.FindStringSubmatch(line); m != nil {
				kind := strings.ToUpper(m[1])
				if strings.EqualFold(m[1], "csshell") {
					kind = "csshell"
				}
				line = kind + ": " + line[len(m[0]):]
			}
		}
		out = append(out, strings.TrimRight(renderInline(line), " "))
	}
	text := strings.Join(out, "\n")
	return strings.Trim(mdBlankRuns.ReplaceAllString(text, "\n\n"), "\n")
}

// renderInline reduces a line's inline markup; code spans are kept as
// written, without their backticks.
func renderInline(line string) string {
	parts := strings.Split(line, "`")
	if len(parts)%2 == 0 { // an unpaired backtick: no code spans
		parts = []string{line}
	}
	for i := 0; i < len(parts); i += 2 {
		s := mdLink.ReplaceAllString(parts[i], "$1")
		s = mdStrong.ReplaceAllString(s, "$1")
		s = mdEmphasis.ReplaceAllString(s, "$1$2$3")
		parts[i] = mdEscape.ReplaceAllString(s, "$1")
	}
	return strings.Join(parts, "")
}
