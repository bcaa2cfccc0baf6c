package format

import (
	"strings"
	"unicode/utf8"
)

// cells is the display width of s: its escape sequences take none, a
// wide character two cells (pwsh's DisplayCells.Length).
func cells(s string) int {
	n := 0
	for _, r := range plain(s) {
		n += runeCells(r)
	}
	return n
}

// spaces returns n blanks.
func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(" ", n)
}

// fitWidths is pwsh's ColumnWidthManager: columns with width 0 share the
// room left on the screen; if the table is too wide the rightmost visible
// column is shrunk, or hidden (width -1) when it cannot keep one cell.
func fitWidths(widths []int, tableWidth int) {
	const minWidth, sep = 1, 1
	allSpecified := true
	for _, w := range widths {
		if w <= 0 {
			allSpecified = false
			break
		}
	}
	if !allSpecified {
		fixed := make([]bool, len(widths))
		for k, w := range widths {
			fixed[k] = w > 0
			if w == 0 {
				widths[k] = minWidth
			}
		}
		avail := tableWidth - tableWidthOf(widths, sep)
		for avail > 0 {
			for k := range widths {
				if fixed[k] {
					continue
				}
				widths[k]++
				avail--
				if avail == 0 {
					break
				}
			}
		}
	}
	for {
		excess := tableWidthOf(widths, sep) - tableWidth
		if excess <= 0 {
			return
		}
		last := -1
		for k, w := range widths {
			if w < 0 {
				break
			}
			last = k
		}
		if last < 0 {
			return
		}
		if widths[last]-excess < minWidth {
			widths[last] = -1
			continue
		}
		widths[last] -= excess
	}
}

// tableWidthOf sums the visible widths and separators.
func tableWidthOf(widths []int, sep int) int {
	sum, n := 0, 0
	for _, w := range widths {
		if w > 0 {
			sum += w
			n++
		}
	}
	return sum + sep*(n-1)
}

// fitField pads or truncates s to width cells (TableWriter.GenerateRowField).
// Left-aligned text is cut at the tail ("abc…"), right-aligned at the head
// ("…xyz"), escape sequences kept as VtSubstring keeps them; pad=false
// leaves a short left-aligned value unpadded.
func fitField(s string, width int, align Align, pad bool) string {
	n := cells(s)
	switch {
	case n < width:
		if align == AlignRight {
			return spaces(width-n) + s
		}
		if pad {
			return s + spaces(width-n)
		}
		return s
	case n > width:
		if keep := width - 1; keep > 0 {
			if align == AlignRight {
				s = vtCut(s, truncateHead(s, keep), -1, ellipsis, "")
			} else {
				s = vtCut(s, 0, truncateTail(s, keep), "", ellipsis)
			}
		} else if align == AlignRight {
			s = vtCut(s, truncateHead(s, width), -1, "", "")
		} else {
			s = vtCut(s, 0, truncateTail(s, width), "", "")
		}
	}
	// A wide character cut in two leaves the field a cell short.
	if cells(s) < width {
		if align == AlignRight {
			return " " + s
		}
		if pad {
			return s + " "
		}
	}
	return s
}

// wrapLines is StringManipulationHelper.GenerateLines with word wrap (the
// en-US rule): s split at its line breaks, each line longer than width
// broken between words, a word longer than a line cut where the line
// ends; escape sequences take no room, a piece that had any is closed
// with reset and the next begins with the sequences seen so far.
func wrapLines(s string, width int, reset string) []string {
	if s == "" {
		return []string{s}
	}
	var out []string
	for _, line := range splitLines(s, reset) {
		if cells(line) <= width {
			out = append(out, line)
			continue
		}
		out = append(out, wrapWords(line, width, reset)...)
	}
	return out
}

// wrapWords is GenerateLinesWithWordWrap's loop over one line.
func wrapWords(line string, width int, reset string) []string {
	var out []string
	spacesLeft := width
	var single strings.Builder
	for _, w := range lineWords(line, reset) {
		word := w.word
		suffix, hasSuffix := "", false
		if w.delim == softHyphen {
			if cells(word)+1 == spacesLeft {
				suffix, hasSuffix = "-", true
			}
		} else if w.delim != "" {
			suffix, hasSuffix = w.delim, true
		}
		if hasSuffix {
			if reset != "" && strings.HasSuffix(word, reset) {
				word = word[:len(word)-len(reset)] + suffix + reset
			} else {
				word += suffix
			}
		}
		if width <= 0 {
			break
		}
		ww := cells(word)
		switch {
		case ww > width:
			// A word wider than a line: cut it where each line ends.
			vtSeqs, hasEsc := "", false
			for i := 0; i < len(word); {
				if n := vtLen(word, i); n > 0 {
					single.WriteString(word[i : i+n])
					vtSeqs += word[i : i+n]
					hasEsc = true
					i += n
					continue
				}
				r, size := utf8.DecodeRuneInString(word[i:])
				i += size
				cw := runeCells(r)
				if cw > width {
					r, cw = '?', 1
				}
				if cw > spacesLeft {
					if hasEsc && !strings.HasSuffix(single.String(), reset) {
						single.WriteString(reset)
					}
					out = append(out, single.String())
					single.Reset()
					single.WriteString(vtSeqs)
					single.WriteRune(r)
					spacesLeft = width - cw
				} else {
					single.WriteRune(r)
					spacesLeft -= cw
				}
			}
		case ww > spacesLeft:
			out = append(out, single.String())
			single.Reset()
			single.WriteString(word)
			spacesLeft = width - ww
		default:
			single.WriteString(word)
			spacesLeft -= ww
		}
	}
	return append(out, single.String())
}

// The characters GetWords treats specially: a soft hyphen breaks (and
// shows "-" only when the line ends there); a hard hyphen or a
// no-break space ends a word and, as pwsh 7.4 has it, is dropped.
const (
	softHyphen = "\u00AD"
	hardHyphen = '\u2011'
	noBreak    = '\u00A0'
)

// lineWord is a word and the delimiter that ended it.
type lineWord struct{ word, delim string }

// lineWords is StringManipulationHelper.GetWords: words split at blanks,
// tabs and soft hyphens; a word after an escape sequence starts with all
// the sequences seen so far and a word that holds any ends with reset.
func lineWords(s, reset string) []lineWord {
	var out []lineWord
	var sb strings.Builder
	vtSeqs, hasVT := "", false
	for i := 0; i < len(s); {
		if n := vtLen(s, i); n > 0 {
			sb.WriteString(s[i : i+n])
			vtSeqs += s[i : i+n]
			hasVT = true
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		delim, isDelim := "", false
		switch {
		case r == ' ' || r == '\t' || string(r) == softHyphen:
			delim, isDelim = string(r), true
		case r == hardHyphen || r == noBreak:
			isDelim = true
		}
		if !isDelim {
			sb.WriteRune(r)
			continue
		}
		w := sb.String()
		if hasVT && !strings.HasSuffix(w, reset) {
			w += reset
		}
		out = append(out, lineWord{w, delim})
		sb.Reset()
		sb.WriteString(vtSeqs)
	}
	w := sb.String()
	if hasVT {
		if w == vtSeqs {
			w = ""
		} else if !strings.HasSuffix(w, reset) {
			w += reset
		}
	}
	return append(out, lineWord{w, ""})
}

// splitLines is StringManipulationHelper.SplitLines: s split at "\n"
// with every "\r" dropped; when s holds escape sequences, a line ends
// with reset and the next begins with the sequences seen so far.
func splitLines(s, reset string) []string {
	if !strings.Contains(s, "\n") {
		return []string{strings.ReplaceAll(s, "\r", "")}
	}
	var out []string
	var sb strings.Builder
	vtSeqs, hasVT := "", false
	for i := 0; i < len(s); {
		if n := vtLen(s, i); n > 0 {
			sb.WriteString(s[i : i+n])
			vtSeqs += s[i : i+n]
			hasVT = true
			i += n
			continue
		}
		c := s[i]
		i++
		switch c {
		case '\n':
			line := sb.String()
			if hasVT && !strings.HasSuffix(line, reset) {
				line += reset
			}
			out = append(out, line)
			sb.Reset()
			sb.WriteString(vtSeqs)
		case '\r':
		default:
			sb.WriteByte(c)
		}
	}
	line := sb.String()
	if hasVT {
		if line == vtSeqs {
			line = ""
		} else if !strings.HasSuffix(line, reset) {
			line += reset
		}
	}
	return append(out, line)
}

// writeLine appends line without its trailing blanks, then a newline.
func writeLine(b *strings.Builder, line string) {
	b.WriteString(strings.TrimRight(line, " "))
	b.WriteByte('\n')
}
