package format

import (
	"strings"
	"unicode/utf8"

	runewidth "github.com/mattn/go-runewidth"
)

// Text that carries ANSI escape sequences, measured and cut as pwsh 7.4
// measures and cuts it (ValueStringDecorated, DisplayCells,
// StringUtil.VtSubstring): the sequences take no room, truncation keeps
// the sequences before the cut and drops those after it, and a cut
// string that had any ends with a reset so its colour does not bleed
// into the next column.

// resetSeq is $PSStyle.Reset's default.
const resetSeq = "\x1b[0m"

// vtLen returns the length of the escape sequence at s[i:] that pwsh
// recognises (ValueStringDecorated.AnsiRegex: SGR "ESC[n;…m", the private
// modes "ESC[?nh"/"ESC[?nl", and OSC 8 hyperlinks "ESC]8;;…ESC\"), or 0.
func vtLen(s string, i int) int {
	if i+1 >= len(s) || s[i] != 0x1b {
		return 0
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		if j < len(s) && s[j] == '?' {
			k := j + 1
			for k < len(s) && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k > j+1 && k < len(s) && (s[k] == 'h' || s[k] == 'l') {
				return k + 1 - i
			}
			return 0
		}
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
			j++
		}
		if j < len(s) && s[j] == 'm' {
			return j + 1 - i
		}
	case ']':
		if strings.HasPrefix(s[i:], "\x1b]8;;") {
			if k := strings.Index(s[i+5:], "\x1b\\"); k >= 0 {
				return 5 + k + 2
			}
		}
	}
	return 0
}

// hasVT reports whether s holds an escape sequence pwsh recognises.
func hasVT(s string) bool {
	for i := strings.IndexByte(s, 0x1b); i >= 0 && i < len(s); i++ {
		if s[i] == 0x1b && vtLen(s, i) > 0 {
			return true
		}
	}
	return false
}

// plain is s without its escape sequences.
func plain(s string) string {
	if !strings.Contains(s, "\x1b") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if n := vtLen(s, i); n > 0 {
			i += n - 1
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// cellWidths measures characters whatever the locale says of ambiguous
// ones ("…" is one cell, as pwsh counts it).
var cellWidths = &runewidth.Condition{}

// runeCells is the cells one character takes on the console: two for
// East Asian wide and fullwidth characters, one for everything else
// (pwsh's DisplayCells counts no character as zero).
func runeCells(r rune) int {
	if cellWidths.RuneWidth(r) == 2 {
		return 2
	}
	return 1
}

// vtCut is VtSubstring(start, length, prepend, appendStr) over the
// visible characters of s: every escape sequence before the cut is kept,
// those after it dropped; when s had any, the result ends with reset
// (appendStr going before a reset the kept part already ends with).
// length < 0 means to the end.
func vtCut(s string, start, length int, prepend, appendStr string) string {
	if !hasVT(s) {
		r := []rune(s)
		end := len(r)
		if length >= 0 && start+length < end {
			end = start + length
		}
		return prepend + string(r[min(start, len(r)):end]) + appendStr
	}
	var b strings.Builder
	copying := start == 0
	first := true
	offset := 0
	for i := 0; i < len(s); {
		if n := vtLen(s, i); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if copying {
			if first {
				b.WriteString(prepend)
				first = false
			}
			b.WriteRune(r)
			offset++
		} else if offset++; offset == start {
			copying, offset = true, 0
			continue
		}
		if copying && offset == length {
			break
		}
	}
	out := b.String()
	if strings.HasSuffix(out, resetSeq) {
		return out[:len(out)-len(resetSeq)] + appendStr + resetSeq
	}
	return out + appendStr + resetSeq
}

// truncateTail is how many visible characters of s fit in n cells
// (DisplayCells.TruncateTail).
func truncateTail(s string, n int) int {
	k, used := 0, 0
	for _, r := range plain(s) {
		w := runeCells(r)
		if used+w > n {
			break
		}
		used += w
		k++
	}
	return k
}

// truncateHead is the index of the first visible character of the
// longest tail of s that fits in n cells (DisplayCells.TruncateHead).
func truncateHead(s string, n int) int {
	r := []rune(plain(s))
	used, k := 0, len(r)
	for k > 0 {
		w := runeCells(r[k-1])
		if used+w > n {
			break
		}
		used += w
		k--
	}
	return k
}
