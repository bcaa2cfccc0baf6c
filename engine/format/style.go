package format

import "strings"

// Style is how formatted output is decorated with ANSI sequences (from
// $PSStyle.Formatting, when the destination renders them), as pwsh 7.4's
// TableWriter and ListWriter write them: each header cell of a table
// (with its leading separator and padding) in TableHeader — or, for a
// view's label that is no property of the objects, CustomTableHeaderLabel
// after the separator — each dash cell in TableHeader, each followed by
// Reset even when the accent is empty; each list label with its " : " in
// FormatAccent then Reset (nothing when FormatAccent is empty); a cell or
// list line holding escape sequences of its own ends with Reset. The zero
// Style decorates nothing.
type Style struct {
	TableHeader            string
	CustomTableHeaderLabel string
	FormatAccent           string
	Reset                  string
}

// decorates reports whether the destination renders ANSI at all.
func (s Style) decorates() bool { return s != Style{} }

// label decorates a list label as pwsh's ListWriter does: the padded
// label and its separator, spaces included, in FormatAccent.
func (s Style) label(text string) string {
	if s.FormatAccent == "" || isBlank(text) {
		return text
	}
	return s.FormatAccent + text + s.Reset
}

// reset is $PSStyle.Reset as the formatter closes text with escape
// sequences of its own: pwsh does so whatever the rendering.
func (s Style) reset() string {
	if s.Reset != "" {
		return s.Reset
	}
	return resetSeq
}

// closeVT appends Reset to text that holds escape sequences and does not
// end with Reset (TableWriter.GenerateRow, ListWriter.WriteSingleLineHelper);
// trimmed looks at the text without its trailing blanks.
func (s Style) closeVT(text string, trimmed bool) string {
	if !hasVT(text) {
		return text
	}
	end := text
	if trimmed {
		end = trimRightSpace(text)
	}
	if strings.HasSuffix(end, s.reset()) {
		return text
	}
	return text + s.reset()
}

// isBlank reports whether text is empty or white space.
func isBlank(text string) bool { return trimRightSpace(text) == "" }

// trimRightSpace drops trailing white space (String.TrimEnd).
func trimRightSpace(text string) string {
	i := len(text)
	for i > 0 && (text[i-1] == ' ' || text[i-1] == '\t' || text[i-1] == '\r' || text[i-1] == '\n') {
		i--
	}
	return text[:i]
}
