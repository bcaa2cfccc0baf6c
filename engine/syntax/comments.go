package syntax

import (
	"regexp"
	"sort"
	"strings"
)

var helpKeyword = regexp.MustCompile(`(?im)^\s*\.(SYNOPSIS|DESCRIPTION|PARAMETER|EXAMPLE|INPUTS|OUTPUTS|NOTES|LINK|COMPONENT|ROLE|FUNCTIONALITY|FORWARDHELPTARGETNAME|FORWARDHELPCATEGORY|REMOTEHELPRUNSPACE|EXTERNALHELP)\b`)

// finishComments fills #Requires and comment-based help once parsing is done.
func (p *parser) finishComments(root *ScriptBlock) {
	sort.Slice(p.comments, func(i, j int) bool { return p.comments[i].start < p.comments[j].start })
	for _, c := range p.comments {
		if c.block {
			continue
		}
		text := p.text[c.start:c.end]
		if len(text) >= 9 && strings.EqualFold(text[:9], "#requires") && (len(text) == 9 || text[9] == ' ' || text[9] == '\t') {
			root.Requires = append(root.Requires, &Requires{Extent: Extent{c.start, c.end}, Text: strings.TrimSpace(strings.TrimRight(text[9:], "\r"))})
		}
	}
	for _, fd := range p.funcs {
		if fd.Body != nil {
			fd.Body.HelpText = p.functionHelp(fd)
		}
	}
	root.HelpText = p.scriptHelp()
}

// commentGroup is a block comment or a run of line comments on
// consecutive lines.
type commentGroup struct {
	start, end int
	text       string
}

// groupAt returns the comment group starting with comment index i.
func (p *parser) groupAt(i int) (commentGroup, int) {
	c := p.comments[i]
	if c.block {
		body := p.text[c.start+2 : c.end]
		body = strings.TrimSuffix(body, "#>")
		return commentGroup{c.start, c.end, body}, i + 1
	}
	var lines []string
	g := commentGroup{start: c.start}
	j := i
	for j < len(p.comments) && !p.comments[j].block {
		cj := p.comments[j]
		if j > i && !onlyOneNewline(p.text[p.comments[j-1].end:cj.start]) {
			break
		}
		lines = append(lines, strings.TrimRight(p.text[cj.start+1:cj.end], "\r"))
		g.end = cj.end
		j++
	}
	g.text = strings.Join(lines, "\n")
	return g, j
}

// hasFoldedPrefix reports whether s, in lower case, starts with prefix (in
// lower case ASCII): as strings.ToLower(s) would, but without lowering
// all of s, which is the rest of the script. No other character lowers to
// an ASCII letter but the Kelvin sign, to 'k'.
func hasFoldedPrefix(s, prefix string) bool {
	var buf [16]byte
	if len(prefix) > len(buf) || strings.ContainsRune(prefix, 'k') {
		return strings.HasPrefix(strings.ToLower(s), prefix)
	}
	return len(s) >= len(prefix) && string(asciiLower(buf[:0], s[:len(prefix)])) == prefix
}

func onlyOneNewline(s string) bool {
	return strings.TrimSpace(s) == "" && strings.Count(s, "\n") == 1
}

func isHelp(text string) bool { return helpKeyword.MatchString(text) }

func (p *parser) commentIndexAt(pos int) int {
	return sort.Search(len(p.comments), func(i int) bool { return p.comments[i].start >= pos })
}

// scriptHelp finds the root script's help comment: the first comment
// group before any code.
func (p *parser) scriptHelp() string {
	for i := 0; i < len(p.comments); {
		g, next := p.groupAt(i)
		if strings.TrimSpace(p.textBetweenIgnoringComments(0, g.start)) != "" {
			return ""
		}
		if isHelp(g.text) {
			// Help directly followed (at most one blank line) by a function
			// belongs to that function.
			rest := p.text[g.end:]
			trimmed := strings.TrimLeft(rest, " \t\r\n")
			gap := rest[:len(rest)-len(trimmed)]
			if strings.Count(gap, "\n") <= 2 && hasFoldedPrefix(trimmed, "function") {
				return ""
			}
			return g.text
		}
		i = next
	}
	return ""
}

// textBetweenIgnoringComments returns text in [a, b) with comments removed.
func (p *parser) textBetweenIgnoringComments(a, b int) string {
	var sb strings.Builder
	pos := a
	for _, c := range p.comments {
		if c.start < a || c.start >= b {
			continue
		}
		sb.WriteString(p.text[pos:c.start])
		pos = c.end
	}
	if pos < b {
		sb.WriteString(p.text[pos:b])
	}
	return sb.String()
}

// functionHelp finds a function's help: before 'function', first in the
// body, or last in the body.
func (p *parser) functionHelp(fd *FunctionDef) string {
	body := fd.Body.Extent
	// First in the body.
	if i := p.commentIndexAt(body.Start + 1); i < len(p.comments) {
		g, _ := p.groupAt(i)
		if g.start < body.End && strings.TrimSpace(p.text[body.Start+1:g.start]) == "" && isHelp(g.text) {
			return g.text
		}
	}
	// Before the function keyword.
	if i := p.commentIndexAt(fd.Start) - 1; i >= 0 {
		// find the group that ends right before fd.Start
		start := i
		for start > 0 && !p.comments[start].block && !p.comments[start-1].block &&
			onlyOneNewline(p.text[p.comments[start-1].end:p.comments[start].start]) {
			start--
		}
		g, _ := p.groupAt(start)
		gap := p.text[g.end:fd.Start]
		if strings.TrimSpace(gap) == "" && strings.Count(gap, "\n") <= 2 && isHelp(g.text) {
			return g.text
		}
	}
	// Last in the body.
	if i := p.commentIndexAt(body.End) - 1; i >= 0 && p.comments[i].start > body.Start {
		start := i
		for start > 0 && !p.comments[start].block && !p.comments[start-1].block && p.comments[start-1].start > body.Start &&
			onlyOneNewline(p.text[p.comments[start-1].end:p.comments[start].start]) {
			start--
		}
		g, _ := p.groupAt(start)
		// g.end < body.End: an unterminated body (no '}') can end with
		// the comment itself.
		if g.end < body.End && strings.TrimSpace(p.text[g.end:body.End-1]) == "" && isHelp(g.text) {
			return g.text
		}
	}
	return ""
}
