package format

import "strings"

// writeListEntry writes one object as "Label : value" lines (pwsh's
// ListWriter): labels padded to the longest one, values wrapped at the
// screen width with continuation lines indented to the value column;
// the label and its separator in style's FormatAccent.
func writeListEntry(b *strings.Builder, labels, values []string, width int, style Style) {
	const sep = " : "
	if len(labels) == 0 || width-len(sep)-2 < 0 {
		return
	}
	labelWidth := 0
	for _, l := range labels {
		labelWidth = max(labelWidth, cells(l))
	}
	labelWidth = min(labelWidth, width-len(sep)-1)
	indent := spaces(labelWidth + len(sep))
	field := width - labelWidth - len(sep)
	for k, l := range labels {
		if n := cells(l); n < labelWidth {
			l += spaces(labelWidth - n)
		} else if n > labelWidth {
			l = string([]rune(l)[:labelWidth])
		}
		v := ""
		if k < len(values) {
			v = values[k]
		}
		for i, line := range splitLines(v, style.reset()) {
			for j, part := range wrapLines(line, field, style.reset()) {
				part = style.closeVT(part, false)
				if i == 0 && j == 0 {
					writeLine(b, style.label(l+sep)+part)
				} else {
					writeLine(b, indent+part)
				}
			}
		}
	}
}
