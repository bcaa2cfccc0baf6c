package engine

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// ShowError displays rec on the host's error stream in PowerShell 7's
// ConciseView, in red when colour is on.
func (rt *Runtime) ShowError(rec *ErrorRecord) {
	text := FormatError(rec)
	h := rt.host
	for _, line := range strings.Split(text, "\n") {
		h.WriteErrLine(h.Paint(line, "Red", ""))
	}
}

// FormatError renders an error record as pwsh 7's ConciseView does: one
// line "Name: message" for commands typed at the prompt, and for code from a
// script file (or a parse error) the position, the source line with the
// span underlined, and the message.
func FormatError(rec *ErrorRecord) string {
	label := rec.CommandName
	if label == "" {
		label = shortTypeName(rec.ExceptionType)
	}
	parse := rec.Category == "ParserError"
	if parse {
		label = "ParserError"
	}
	inFile := rec.HasPosition && rec.Source != nil && isFileSource(rec.Source)
	if !inFile && !(parse && rec.HasPosition && rec.Source != nil) {
		return label + ": " + rec.Message
	}
	src := rec.Source
	line, _ := syntax.LineCol(src.Text, rec.Extent.Start)
	text, lineStart := syntax.LineAt(src.Text, rec.Extent.Start)
	var b strings.Builder
	if inFile {
		fmt.Fprintf(&b, "%s: %s:%d\n", label, src.Name, line)
	} else {
		fmt.Fprintf(&b, "%s: \n", label)
	}
	b.WriteString("Line |\n")
	fmt.Fprintf(&b, "%4d |  %s\n", line, strings.ReplaceAll(text, "\t", " "))
	startCol := len([]rune(src.Text[lineStart:rec.Extent.Start]))
	end := rec.Extent.End
	if end > lineStart+len(text) {
		end = lineStart + len(text)
	}
	width := 1
	if end > rec.Extent.Start {
		width = len([]rune(src.Text[rec.Extent.Start:end]))
	}
	fmt.Fprintf(&b, "     |  %s%s\n", strings.Repeat(" ", startCol), strings.Repeat("~", width))
	msgLines := strings.Split(rec.Message, "\n")
	for i, m := range msgLines {
		if i == len(msgLines)-1 {
			fmt.Fprintf(&b, "     | %s", m)
		} else {
			fmt.Fprintf(&b, "     | %s\n", m)
		}
	}
	return b.String()
}

// isFileSource reports whether src came from a script file rather than the
// prompt or -Command text (whose names are in angle brackets).
func isFileSource(src *syntax.Source) bool {
	return src.Name != "" && !strings.HasPrefix(src.Name, "<")
}

// shortTypeName returns the last dotted segment of a .NET type name.
func shortTypeName(t string) string {
	if t == "" {
		return "Exception"
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		return t[i+1:]
	}
	return t
}
