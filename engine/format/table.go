package format

import "strings"

// tableLayout is a table whose column widths are fixed: it writes the
// header and rows (pwsh's TableWriter).
type tableLayout struct {
	labels []string
	widths []int // -1: hidden column
	aligns []Align
	hide   bool
	style  Style // decorates the header lines
}

// newTableLayout fits widths (0 = share the free room) to the screen.
func newTableLayout(labels []string, widths []int, aligns []Align, screen int, hide bool) *tableLayout {
	w := append([]int(nil), widths...)
	fitWidths(w, screen)
	return &tableLayout{labels: labels, widths: w, aligns: aligns, hide: hide}
}

// visible reports whether any column has room.
func (t *tableLayout) visible() bool {
	for _, w := range t.widths {
		if w > 0 {
			return true
		}
	}
	return false
}

// writeHeader writes the labels (wrapped if a column is narrower than its
// label) and the dashes under them, as long as the label.
func (t *tableLayout) writeHeader(b *strings.Builder) {
	if t.hide || !t.visible() {
		return
	}
	t.writeCells(b, t.labels, true)
	dashes := make([]string, len(t.labels))
	for k, l := range t.labels {
		if t.widths[k] <= 0 {
			continue
		}
		n := t.widths[k]
		if l != "" && cells(l) < n {
			n = cells(l)
		}
		dashes[k] = strings.Repeat("-", n)
	}
	t.writeCells(b, dashes, true)
}

// writeRow writes one line: each cell cut at its first line break, padded
// or truncated with "…" to its column.
func (t *tableLayout) writeRow(b *strings.Builder, values []string) {
	if !t.visible() {
		return
	}
	var line strings.Builder
	first := true
	for k, w := range t.widths {
		if w <= 0 {
			continue
		}
		if !first {
			line.WriteByte(' ')
		}
		first = false
		v := ""
		if k < len(values) {
			v = firstLine(values[k])
		}
		line.WriteString(fitField(v, w, t.aligns[k], k < len(t.widths)-1))
	}
	writeLine(b, line.String())
}

// writeWrapped writes a row whose cells wrap onto as many lines as needed
// (Format-Table -Wrap).
func (t *tableLayout) writeWrapped(b *strings.Builder, values []string) {
	t.writeCells(b, values, false)
}

// writeCells writes a row wrapped onto as many lines as its cells need;
// a header row's cells are decorated with the table-header style.
func (t *tableLayout) writeCells(b *strings.Builder, values []string, header bool) {
	if !t.visible() {
		return
	}
	cols := make([][]string, len(t.widths))
	rows := 0
	for k, w := range t.widths {
		if w <= 0 {
			continue
		}
		v := ""
		if k < len(values) {
			v = values[k]
		}
		cols[k] = wrapLines(v, w)
		rows = max(rows, len(cols[k]))
	}
	for r := 0; r < rows; r++ {
		var line strings.Builder
		first := true
		for k, w := range t.widths {
			if w <= 0 {
				continue
			}
			if !first {
				line.WriteByte(' ')
			}
			first = false
			v := ""
			if r < len(cols[k]) {
				v = cols[k][r]
			}
			f := fitField(v, w, t.aligns[k], true)
			if header {
				f = t.style.wrap(t.style.TableHeader, f)
			}
			line.WriteString(f)
		}
		writeLine(b, line.String())
	}
}

// measureWidths is the width of each column from its label and the cells
// of rows (pwsh's auto-size over the buffered objects).
func measureWidths(labels []string, rows [][]string, wrap bool) []int {
	w := make([]int, len(labels))
	for k, l := range labels {
		w[k] = cells(l)
	}
	for _, r := range rows {
		for k := range w {
			if k >= len(r) {
				break
			}
			if wrap {
				for _, l := range splitLines(r[k]) {
					w[k] = max(w[k], cells(l))
				}
			} else {
				w[k] = max(w[k], cells(firstLine(r[k])))
			}
		}
	}
	return w
}
