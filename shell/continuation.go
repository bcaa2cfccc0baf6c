package shell

import (
	"strings"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/syntax"
)

// continuation gathers the lines of one command typed at the prompt. A
// line is held back while the parser reports the text so far as
// incomplete (syntax.IsIncomplete: an open brace, paren, quote or
// here-string, a trailing pipe or backtick…) and the prompt shows ">> ";
// the command runs, as one text, when the parser is satisfied or reports a
// real error. An empty line does not end an incomplete command (as with
// PSReadLine); Ctrl-C discards it.
type continuation struct {
	lines []string
}

// Feed adds a line. It returns the whole command and true when the
// command is ready to run, or "" and false when more lines are needed.
func (c *continuation) Feed(line string) (string, bool) {
	c.lines = append(c.lines, line)
	text := strings.Join(c.lines, "\n")
	if strings.TrimSpace(text) == "" {
		c.lines = nil
		return "", true
	}
	if _, err := engine.Parse("<prompt>", text); err != nil && syntax.IsIncomplete(err) {
		return "", false
	}
	c.lines = nil
	return text, true
}

// Pending reports whether an incomplete command is being gathered.
func (c *continuation) Pending() bool { return len(c.lines) > 0 }

// Text returns the lines gathered so far, each ended by "\n" (what comes
// before the line being typed).
func (c *continuation) Text() string {
	if len(c.lines) == 0 {
		return ""
	}
	return strings.Join(c.lines, "\n") + "\n"
}

// Reset discards the gathered lines (Ctrl-C).
func (c *continuation) Reset() { c.lines = nil }
