package format

import "strings"

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

// wrapLines splits s into lines of at most width cells: embedded line
// breaks are honoured and long lines wrap at word boundaries, words longer
// than a line being cut (pwsh's GenerateLinesWithWordWrap).
func wrapLines(s string, width int) []string {
	if s == "" || width <= 0 {
		return []string{s}
	}
	var out []string
	for _, line := range splitLines(s) {
		if cells(line) <= width {
			out = append(out, line)
			continue
		}
		var cur strings.Builder
		left := width
		for _, word := range words(line) {
			wn := cells(word)
			if wn > width {
				for _, c := range word {
					if left < 1 {
						out = append(out, cur.String())
						cur.Reset()
						left = width
					}
					cur.WriteRune(c)
					left--
				}
				continue
			}
			if wn > left {
				out = append(out, cur.String())
				cur.Reset()
				left = width
			}
			cur.WriteString(word)
			left -= wn
		}
		out = append(out, cur.String())
	}
	return out
}

// splitLines splits at "\r\n", "\n" or "\r".
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Split(s, "\n")
}

// words splits a line into words, each keeping its trailing blanks.
func words(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, c := range s {
		if c == ' ' || c == '\t' {
			inSpace = true
			continue
		}
		if inSpace {
			out = append(out, s[start:i])
			start = i
			inSpace = false
		}
	}
	return append(out, s[start:])
}

// writeLine appends line without its trailing blanks, then a newline.
func writeLine(b *strings.Builder, line string) {
	b.WriteString(strings.TrimRight(line, " "))
	b.WriteByte('\n')
}
