package syntax

import (
	"fmt"
	"strings"
)

// Error is one parse error: where it is, PowerShell's message and error id,
// and whether more input could make the text valid (Incomplete), which is
// what the interactive shell uses to ask for a continuation line.
type Error struct {
	Source     *Source
	Extent     Extent
	ID         string // PowerShell's ErrorId, e.g. "MissingEndCurlyBrace"
	Msg        string // PowerShell's message text
	Incomplete bool
}

// Error renders the one-line form "name:line:col: message".
func (e *Error) Error() string {
	line, col := e.LineCol()
	name := "<input>"
	if e.Source != nil && e.Source.Name != "" {
		name = e.Source.Name
	}
	return fmt.Sprintf("%s:%d:%d: %s", name, line, col, e.Msg)
}

// LineCol returns the 1-based line and column (in runes) of the error start.
func (e *Error) LineCol() (line, col int) {
	if e.Source == nil {
		return 1, 1
	}
	return LineCol(e.Source.Text, e.Extent.Start)
}

// ErrorList is every parse error of one source, in source order.
type ErrorList []*Error

// Error renders all errors, one per line.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Incomplete reports whether the input ended too early: some suffix could
// make it valid. It is true when any error is marked Incomplete.
func (l ErrorList) Incomplete() bool {
	for _, e := range l {
		if e.Incomplete {
			return true
		}
	}
	return false
}

// IsIncomplete reports whether err is a parse error caused only by input
// that ended too early (an open brace, quote, here-string, trailing pipe or
// backtick): the interactive shell should read another line.
func IsIncomplete(err error) bool {
	switch e := err.(type) {
	case ErrorList:
		return e.Incomplete()
	case *Error:
		return e.Incomplete
	}
	return false
}

// LineCol converts a byte offset in text into a 1-based line and a 1-based
// column counted in runes.
func LineCol(text string, offset int) (line, col int) {
	if offset > len(text) {
		offset = len(text)
	}
	if offset < 0 {
		offset = 0
	}
	line = 1 + strings.Count(text[:offset], "\n")
	start := strings.LastIndexByte(text[:offset], '\n') + 1
	col = 1 + len([]rune(text[start:offset]))
	return line, col
}

// LineAt returns the text of the line holding offset, without its newline,
// and the byte offset where that line starts.
func LineAt(text string, offset int) (string, int) {
	if offset > len(text) {
		offset = len(text)
	}
	if offset < 0 {
		offset = 0
	}
	start := strings.LastIndexByte(text[:offset], '\n') + 1
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += start
	}
	return strings.TrimSuffix(text[start:end], "\r"), start
}
