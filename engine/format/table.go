package format

import "strings"

// tableLayout is a table whose column widths are fixed: it writes the
// header and rows (pwsh's TableWriter).
type tableLayout struct {
	labels []string
	widths []int // -1: hidden column
	aligns []Align
	custom []bool // the label is no property of the objects (CustomTableHeaderLabel)
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

// writeHeader writes the labels and the dashes under them (as long as
// the label, at most the column) as TableWriter.GenerateHeader does: a
// label longer than its column wraps onto more lines within the column
// (Format-Table.Tests.ps1, "headers that span multiple rows"), so the
// table is never wider than the screen.
func (t *tableLayout) writeHeader(b *strings.Builder) {
	if t.hide || !t.visible() {
		return
	}
	for _, line := range t.rowLines(t.labels, true) {
		writeLine(b, line)
	}
	var line strings.Builder
	for k, w := range t.widths {
		if w <= 0 {
			continue
		}
		if k > 0 {
			line.WriteByte(' ')
		}
		n := w
		if l := t.labels[k]; l != "" && cells(l) < n {
			n = cells(l)
		}
		f := fitField(strings.Repeat("-", n), w, t.aligns[k], k < len(t.widths)-1)
		if t.style.decorates() {
			f = t.style.TableHeader + f + t.style.Reset
		}
		line.WriteString(f)
	}
	writeLine(b, line.String())
}

// writeRow writes one line: each cell cut at its first line break, padded
// or truncated with "…" to its column (TableWriter.GenerateRow).
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
		line.WriteString(t.style.closeVT(fitField(v, w, t.aligns[k], k < len(t.widths)-1), true))
	}
	writeLine(b, line.String())
}

// writeWrapped writes a row whose cells wrap onto as many lines as needed
// (Format-Table -Wrap).
func (t *tableLayout) writeWrapped(b *strings.Builder, values []string) {
	for _, line := range t.rowLines(values, false) {
		writeLine(b, line)
	}
}

// rowLines is TableWriter.GenerateTableRow: a row whose cells wrap onto
// as many lines as the tallest needs, each line of a cell padded to its
// column (the last column only when right-aligned), a cell's lines after
// the first beginning with the separator; a column with no more lines is
// blank up to the last column that has one, and that column's line is
// trimmed when the row has several lines. A header row's cells are
// decorated cell by cell, separator included.
func (t *tableLayout) rowLines(values []string, header bool) []string {
	var vis []int
	for k, w := range t.widths {
		if w > 0 {
			vis = append(vis, k)
		}
	}
	if len(vis) == 0 {
		return nil
	}
	cols := make([][]string, len(vis))
	rows := 0
	for i, k := range vis {
		v := ""
		if k < len(values) {
			v = values[k]
		}
		w, last := t.widths[k], i == len(vis)-1
		lines := wrapLines(v, w, t.style.reset())
		for j, l := range lines {
			if (!last || t.aligns[k] == AlignRight) && cells(l) < w {
				l = fitField(l, w, t.aligns[k], !last)
			}
			if i > 0 {
				l = " " + l
			}
			lines[j] = l
		}
		cols[i] = lines
		rows = max(rows, len(lines))
	}
	lastWith := make([]int, rows)
	for r := range lastWith {
		for i := range cols {
			if len(cols[i]) > r {
				lastWith[r] = i
			}
		}
	}
	for i := range cols {
		blank := 0
		if i < len(cols)-1 {
			blank = t.widths[vis[i]]
			if i > 0 {
				blank++
			}
		}
		for r := len(cols[i]); r < rows; r++ {
			if i > lastWith[r] {
				cols[i] = append(cols[i], "")
			} else {
				cols[i] = append(cols[i], spaces(blank))
			}
		}
	}
	out := make([]string, rows)
	for r := range out {
		var line strings.Builder
		for i := range cols {
			v := cols[i][r]
			if i == lastWith[r] && rows > 1 {
				v = trimRightSpace(v)
			}
			if header && t.style.decorates() {
				switch {
				case t.custom == nil || !t.custom[vis[i]]:
					v = t.style.TableHeader + v
				case v != "":
					at := min(1, i, len(v))
					v = v[:at] + t.style.CustomTableHeaderLabel + v[at:]
				}
				v += t.style.Reset
			}
			line.WriteString(v)
		}
		out[r] = line.String()
	}
	return out
}

// measureWidths is the width of each column from its label and the cells
// of rows (pwsh's auto-size over the buffered objects).
func measureWidths(labels []string, rows [][]string) []int {
	w := make([]int, len(labels))
	for k, l := range labels {
		w[k] = cells(l)
	}
	for _, r := range rows {
		for k := range w {
			if k >= len(r) {
				break
			}
			// pwsh measures the whole text, line breaks included
			// (ProcessCachedGroupOnTable), with or without -Wrap.
			w[k] = max(w[k], cells(r[k]))
		}
	}
	return w
}
