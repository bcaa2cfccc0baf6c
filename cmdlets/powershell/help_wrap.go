package powershell

import (
	"strings"
	"unicode/utf8"
)

// Help text is laid out as pwsh's ComplexWriter lays out a help object's
// custom view (FormatAndOutput/common/ComplexWriter.cs): each piece of
// text sits in a frame with a left indentation (4 for a section's body, 8
// for a parameter's description inside PARAMETERS) and an optional hanging
// first line, and lines longer than the width are wrapped at word
// boundaries (GenerateLinesWithWordWrap, used for English cultures). A
// word is wrapped with its trailing blank, so a word that only fits
// without the blank after it goes to the next line, as in pwsh; a word
// longer than a whole line is cut.

// helpLayout is help text as frames, laid out at a width by render.
type helpLayout struct {
	blocks []helpBlock
}

// helpBlock is one flush of ComplexWriter: text (which may hold newlines)
// in a frame indented by indent, whose first line is shifted left by
// hanging (pwsh's FirstLineHanging); an empty text is a blank line.
type helpBlock struct {
	indent, hanging int
	text            string
}

// line adds text (one or more lines) at indent.
func (l *helpLayout) line(indent int, text string) {
	l.blocks = append(l.blocks, helpBlock{indent: indent, text: text})
}

// lines adds each line of text as its own block at indent, so that every
// line of a multi-line value starts at the frame's indentation.
func (l *helpLayout) lines(indent int, text string) {
	for _, s := range strings.Split(text, "\n") {
		l.line(indent, s)
	}
}

// blank adds an empty line.
func (l *helpLayout) blank() { l.line(0, "") }

// add appends another layout's blocks, indented by indent more.
func (l *helpLayout) add(indent int, o *helpLayout) {
	for _, b := range o.blocks {
		if b.text != "" {
			b.indent += indent
		}
		l.blocks = append(l.blocks, b)
	}
}

// render lays the text out in columns text columns (the console's width
// less one, as pwsh's console line output keeps its last column free).
func (l *helpLayout) render(columns int) string {
	var b strings.Builder
	for _, blk := range l.blocks {
		for _, s := range blk.layout(columns) {
			b.WriteString(strings.TrimRight(s, " "))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// layout is ComplexWriter.WriteToScreen for one block.
func (blk helpBlock) layout(columns int) []string {
	if blk.text == "" {
		return []string{""}
	}
	useful := columns - blk.indent
	if useful <= 0 {
		return nil
	}
	hanging := blk.hanging
	if hanging >= useful {
		hanging = 0
	}
	firstLen, followLen := useful, useful-hanging
	lines := helpWrapLines(blk.text, firstLen, followLen)
	firstPad, followPad := strings.Repeat(" ", blk.indent), strings.Repeat(" ", blk.indent+hanging)
	for i, s := range lines {
		if i == 0 {
			lines[i] = firstPad + s
		} else {
			lines[i] = followPad + s
		}
	}
	return lines
}

// helpWrapLines wraps each line of s: the first line of each to firstLen
// cells, the lines it wraps onto to followLen.
func helpWrapLines(s string, firstLen, followLen int) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		out = append(out, helpWrap(line, firstLen, followLen)...)
	}
	return out
}

// helpWrap wraps one line at word boundaries (blank and tab), as
// GenerateLinesWithWordWrap does: each word carries the blank after it,
// a word that does not fit in what is left of the line starts a new one,
// and a word wider than a line is cut where the line ends.
func helpWrap(line string, firstLen, followLen int) []string {
	if utf8.RuneCountInString(line) <= firstLen {
		return []string{line}
	}
	var out []string
	lineWidth, left := firstLen, firstLen
	first := true
	var cur strings.Builder
	nextLine := func() {
		out = append(out, cur.String())
		cur.Reset()
		if first {
			first = false
			lineWidth = followLen
		}
	}
	for _, word := range helpWords(line) {
		w := utf8.RuneCountInString(word)
		if lineWidth <= 0 {
			break
		}
		if w > lineWidth {
			for _, r := range word {
				if left < 1 {
					nextLine()
					left = lineWidth
				}
				cur.WriteRune(r)
				left--
			}
			continue
		}
		if w > left {
			nextLine()
			left = lineWidth
		}
		cur.WriteString(word)
		left -= w
	}
	return append(out, cur.String())
}

// helpWords splits a line into words, each with the blank or tab that
// ends it (the last one has none).
func helpWords(line string) []string {
	var words []string
	start := 0
	for i, r := range line {
		if r == ' ' || r == '\t' {
			words = append(words, line[start:i+1])
			start = i + 1
		}
	}
	return append(words, line[start:])
}
