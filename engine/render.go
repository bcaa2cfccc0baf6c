package engine

import (
	"fmt"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// ShowError displays rec on the host's error stream in PowerShell 7's
// ConciseView, in $PSStyle.Formatting.Error (the position lines in
// ErrorAccent) when the terminal renders ANSI.
func (rt *Runtime) ShowError(rec *ErrorRecord) {
	var st errorStyle
	st.err, st.reset = rt.hostAccent("Error")
	st.accent, _ = rt.hostAccent("ErrorAccent")
	text := formatError(rec, st)
	h := rt.host
	for _, line := range strings.Split(text, "\n") {
		h.WriteErrLine(line)
	}
}

// streamLine is a warning, verbose or debug record as pwsh's console host
// writes it (WriteWarningLine, WriteVerboseLine, WriteDebugLine): the
// prefix and message in $PSStyle.Formatting.<style> followed by
// $PSStyle.Reset when the terminal renders ANSI, else plain.
func (rt *Runtime) streamLine(style, prefix, msg string) string {
	accent, reset := rt.hostAccent(style)
	if accent == "" && reset == "" {
		return prefix + msg
	}
	return accent + prefix + msg + reset
}

// errorStyle is the decoration of ConciseView (the ErrorRecord view of
// pwsh 7.4's PowerShellCore_format_ps1xml.cs): err for the label and
// message, accent for the position lines and the offending span, reset
// after them. The zero errorStyle is plain text.
type errorStyle struct{ err, accent, reset string }

// FormatError renders an error record as pwsh 7's ConciseView does: one
// line "Name: message" for commands typed at the prompt, and for code from a
// script file (or a parse error) the position, the source line with the
// span underlined, and the message.
func FormatError(rec *ErrorRecord) string { return formatError(rec, errorStyle{}) }

// formatError is FormatError decorated with st, sequence for sequence as
// ConciseView writes them.
func formatError(rec *ErrorRecord, st errorStyle) string {
	label := errorLabel(rec)
	parse := rec.Category == "ParserError"
	if !rec.HasPosition || rec.Source == nil {
		return st.err + label + ": " + st.err + rec.Message + st.reset
	}
	src := rec.Source
	line, _ := syntax.LineCol(src.Text, rec.Extent.Start)
	inFile := isFileSource(src)
	if !parse && !inFile && line <= 1 {
		return st.err + label + ": " + st.err + rec.Message + st.reset
	}
	text, lineStart := syntax.LineAt(src.Text, rec.Extent.Start)
	var b strings.Builder
	b.WriteString(st.err + label + ": ")
	if inFile {
		fmt.Fprintf(&b, "%s%s:%d\n", st.reset, src.Name, line)
	} else {
		b.WriteString("\n")
	}
	digits := len(fmt.Sprint(line))
	head := ""
	if digits > 4 {
		head = strings.Repeat(" ", digits-4)
	}
	fmt.Fprintf(&b, "%s%sLine |\n", st.accent, head)
	startCol := len([]rune(src.Text[lineStart:rec.Extent.Start]))
	end := rec.Extent.End
	if end > lineStart+len(text) {
		end = lineStart + len(text)
	}
	width := 1
	if end > rec.Extent.Start {
		width = len([]rune(src.Text[rec.Extent.Start:end]))
	}
	shown := " " + strings.ReplaceAll(text, "\t", " ")
	if st.accent != "" && width < len([]rune(shown)) {
		// ConciseView colours the span, not the whole line.
		r := []rune(shown)
		from, to := min(1+startCol, len(r)), min(1+startCol+width, len(r))
		shown = string(r[:from]) + st.accent + string(r[from:to]) + st.reset + string(r[to:])
	}
	fmt.Fprintf(&b, "%s%4d | %s%s\n", st.accent, line, st.reset, shown)
	prefix := st.accent + head + "     | " + st.err
	fmt.Fprintf(&b, "%s %s%s\n", prefix, strings.Repeat(" ", startCol), strings.Repeat("~", width))
	msg := strings.NewReplacer("\r\n", " ", "\n", " ", "\t", " ").Replace(rec.Message)
	b.WriteString(st.err + prefix + msg + st.reset)
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
