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
	label := errorLabel(rec)
	parse := rec.Category == "ParserError"
	if !rec.HasPosition || rec.Source == nil {
		return label + ": " + rec.Message
	}
	src := rec.Source
	line, _ := syntax.LineCol(src.Text, rec.Extent.Start)
	inFile := isFileSource(src)
	if !parse && !inFile && line <= 1 {
		return label + ": " + rec.Message
	}
	text, lineStart := syntax.LineAt(src.Text, rec.Extent.Start)
	var b strings.Builder
	if inFile {
		fmt.Fprintf(&b, "%s: %s:%d\n", label, src.Name, line)
	} else {
		fmt.Fprintf(&b, "%s: \n", label)
	}
	digits := len(fmt.Sprint(line))
	head := ""
	if digits > 4 {
		head = strings.Repeat(" ", digits-4)
	}
	b.WriteString(head + "Line |\n")
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
	fmt.Fprintf(&b, "%s     |  %s%s\n", head, strings.Repeat(" ", startCol), strings.Repeat("~", width))
	msg := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(rec.Message)
	fmt.Fprintf(&b, "%s     | %s", head, msg)
	return b.String()
}

// errorLabel is the name ConciseView puts before the message: "Exception"
// for throw, else the command, else the error category (unless it is
// NotSpecified), else the exception's short type name.
func errorLabel(rec *ErrorRecord) string {
	switch {
	case rec.Category == "ParserError":
		return "ParserError"
	case rec.fromThrow:
		return "Exception"
	case rec.CommandName != "":
		return rec.CommandName
	case rec.Category != "" && rec.Category != "NotSpecified":
		return rec.Category
	}
	return shortTypeName(rec.ExceptionType)
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
