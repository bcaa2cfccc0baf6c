package shell

import (
	"sort"
	"strings"

	"github.com/csshell/csshell/engine/syntax"
	runewidth "github.com/mattn/go-runewidth"
)

// tokenColors colours the editor's frame the way PSReadLine does: the
// typed entry token by token from the engine's tokenizer, with the colours
// of Set-PSReadLineOption -Colors (engine.ReadLineOptions); a nil
// *tokenColors draws everything plain (NO_COLOR, TERM=dumb, not a
// terminal), the selected menu row in reverse video.
type tokenColors struct {
	colors map[string]string
	// menu colours go-prompt's defaults were replaced with
	menuItem, menuSelected, menuThumb, menuTrack string
}

const sgrReset = "\x1b[0m"

// newTokenColors makes the painter for the option colours.
func newTokenColors(colors map[string]string) *tokenColors {
	return &tokenColors{
		colors:       colors,
		menuItem:     "\x1b[30;47m",
		menuSelected: "\x1b[97;44m",
		menuThumb:    "\x1b[100m",
		menuTrack:    "\x1b[47m",
	}
}

// colorSpan is a byte range of the entry and its colour's option name.
type colorSpan struct {
	start, end int
	key        string
}

// paint classifies the entry's tokens into PSReadLine's colour names.
func (c *tokenColors) paint(text string) []colorSpan {
	if c == nil || text == "" {
		return nil
	}
	toks := syntax.Tokenize(text)
	var spans []colorSpan
	commandNext := true
	for _, t := range toks {
		key := ""
		switch t.Kind {
		case syntax.TokEOF:
			continue
		case syntax.TokNewLine, syntax.TokSemi, syntax.TokPipe, syntax.TokLCurly, syntax.TokLParen,
			syntax.TokAtParen, syntax.TokDollarParen:
			commandNext = true
			if t.Kind == syntax.TokPipe {
				key = "Operator"
			}
			spans = append(spans, colorSpan{t.Extent.Start, t.Extent.End, key})
			continue
		case syntax.TokComment:
			key = "Comment"
		case syntax.TokVariable, syntax.TokSplattedVariable:
			key = "Variable"
		case syntax.TokParameter:
			key = "Parameter"
		case syntax.TokGeneric:
			if commandNext {
				key = "Command"
			}
		case syntax.TokMember:
			key = "Member"
		case syntax.TokNumber:
			key = "Number"
		case syntax.TokStringLiteral, syntax.TokStringExpandable, syntax.TokHereStringLiteral,
			syntax.TokHereStringExpandable:
			key = "String"
		case syntax.TokOperator, syntax.TokComma, syntax.TokRedirection, syntax.TokColonColon:
			key = "Operator"
			if t.Value == "&" || t.Value == "." {
				commandNext = true
				spans = append(spans, colorSpan{t.Extent.Start, t.Extent.End, key})
				continue
			}
		case syntax.TokKeyword:
			key = "Keyword"
		case syntax.TokTypeLiteral:
			key = "Type"
		}
		commandNext = false
		spans = append(spans, colorSpan{t.Extent.Start, t.Extent.End, key})
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	return spans
}

// sequence is the escape sequence of a colour name ("" for Default).
func (c *tokenColors) sequence(key string) string {
	if key == "" {
		key = "Default"
	}
	return c.colors[key]
}

// write writes s in the colour named key.
func (c *tokenColors) write(w *screenWriter, key, s string) {
	if s == "" {
		return
	}
	if c == nil {
		w.text(s)
		return
	}
	w.raw(c.sequence(key))
	w.text(s)
	w.raw(sgrReset)
}

// writeSpans writes seg, which starts at byte offset off of the entry,
// in the colours of spans; bytes in emph are emphasised.
func (c *tokenColors) writeSpans(w *screenWriter, seg string, off int, spans []colorSpan, emph [2]int) {
	if c == nil {
		w.text(seg)
		return
	}
	end := off + len(seg)
	at := off
	flush := func(upto int, key string) {
		for at < upto {
			// split at the emphasis bounds
			stop := upto
			emphasised := emph[1] > emph[0] && at >= emph[0] && at < emph[1]
			if emphasised && emph[1] < stop {
				stop = emph[1]
			} else if !emphasised && emph[1] > emph[0] && emph[0] > at && emph[0] < stop {
				stop = emph[0]
			}
			k := key
			if emphasised {
				k = "Emphasis"
			}
			c.write(w, k, seg[at-off:stop-off])
			at = stop
		}
	}
	for _, s := range spans {
		if s.end <= at {
			continue
		}
		if s.start >= end {
			break
		}
		if s.start > at {
			flush(s.start, "")
		}
		flush(min(s.end, end), s.key)
	}
	flush(end, "")
}

// writePrompt writes a prompt; an entry that does not parse shows the
// prompt's last '>' in the error colour, as PSReadLine does.
func (c *tokenColors) writePrompt(w *screenWriter, p string, parseError, continuation bool) {
	if c == nil {
		w.text(p)
		return
	}
	if continuation {
		c.write(w, "ContinuationPrompt", p)
		return
	}
	if parseError {
		if i := strings.LastIndex(p, ">"); i >= 0 {
			w.text(p[:i])
			c.write(w, "Error", ">")
			w.text(p[i+1:])
			return
		}
	}
	w.text(p)
}

// writeStatus writes the search prompt line.
func (c *tokenColors) writeStatus(w *screenWriter, s string, failing bool) {
	if c != nil && failing {
		c.write(w, "Error", s)
		return
	}
	w.text(s)
}

// writeMenuRow writes one completion menu row, at most room columns.
func (c *tokenColors) writeMenuRow(w *screenWriter, r menuRow, room int) {
	text := runewidth.Truncate(r.Text+r.Description, room-1, "")
	if c == nil {
		if r.Selected {
			w.raw("\x1b[1;7m")
		}
		w.text(text)
		if r.Selected {
			w.raw(sgrReset)
		}
		w.text(" ")
		return
	}
	if r.Selected {
		w.raw(c.menuSelected)
	} else {
		w.raw(c.menuItem)
	}
	w.text(text)
	if r.Thumb {
		w.raw(c.menuThumb)
	} else {
		w.raw(c.menuTrack)
	}
	w.text(" ")
	w.raw(sgrReset)
}
