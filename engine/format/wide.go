package format

import "strings"

// wideLayout lays values out in a fixed number of columns sharing the
// screen width (pwsh's Format-Wide).
type wideLayout struct {
	widths []int
	buf    []string
	style  Style // closes cells with escape sequences of their own
}

// newWideLayout makes a layout of n columns (2 when n <= 0).
func newWideLayout(n, screen int) *wideLayout {
	if n <= 0 {
		n = 2
	}
	w := make([]int, n)
	fitWidths(w, screen)
	return &wideLayout{widths: w}
}

// add buffers a value, writing the row when it is full.
func (l *wideLayout) add(b *strings.Builder, v string) {
	l.buf = append(l.buf, v)
	if len(l.buf) == len(l.widths) {
		l.flush(b)
	}
}

// flush writes a partial row.
func (l *wideLayout) flush(b *strings.Builder) {
	if len(l.buf) == 0 {
		return
	}
	var line strings.Builder
	first := true
	for k, w := range l.widths {
		if w <= 0 {
			continue
		}
		if !first {
			line.WriteByte(' ')
		}
		first = false
		v := ""
		if k < len(l.buf) {
			v = firstLine(l.buf[k])
		}
		line.WriteString(l.style.closeVT(fitField(v, w, AlignLeft, k < len(l.widths)-1), true))
	}
	writeLine(b, line.String())
	l.buf = l.buf[:0]
}

// wideValue is the value Format-Wide shows for item: the given property,
// else the view's first column, else the object's name-like property
// (Name, Id, Key, then *key, *name, *id), else the object itself.
func wideValue(item any, property string, cols []Column, limit int) (string, error) {
	if property != "" {
		return columnText(Column{Property: property}, item, limit)
	}
	if len(cols) > 0 {
		return columnText(cols[0], item, limit)
	}
	names := propertyNames(item)
	for _, want := range []string{"name", "id", "key"} {
		for _, n := range names {
			if strings.EqualFold(n, want) {
				return columnText(Column{Property: n}, item, limit)
			}
		}
	}
	for _, suf := range []string{"key", "name", "id"} {
		for _, n := range names {
			if strings.HasSuffix(strings.ToLower(n), suf) {
				return columnText(Column{Property: n}, item, limit)
			}
		}
	}
	return displayString(item, limit), nil
}
