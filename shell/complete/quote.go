package complete

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote characters PowerShell accepts, smart quotes included
// (about_Quoting_Rules).
const (
	singleQuotes = "'‘’‚‛"
	doubleQuotes = "\"“”„"
)

// quoteOf returns the quote a typed word opens with, or 0.
func quoteOf(text string) rune {
	r, _ := utf8.DecodeRuneInString(text)
	if text != "" && (strings.ContainsRune(singleQuotes, r) || strings.ContainsRune(doubleQuotes, r)) {
		return r
	}
	return 0
}

// unquote returns the value a typed, possibly quoted and unterminated,
// word stands for: the text after its opening quote with doubled quotes
// and backtick escapes undone.
func unquote(text string) string {
	q := quoteOf(text)
	if q == 0 {
		return unescapeBare(text)
	}
	body := text[len(string(q)):]
	var b strings.Builder
	rs := []rune(body)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case strings.ContainsRune(singleQuotes, q) && strings.ContainsRune(singleQuotes, r):
			if i+1 < len(rs) && strings.ContainsRune(singleQuotes, rs[i+1]) {
				b.WriteRune(r)
				i++
				continue
			}
			return b.String() // the closing quote
		case strings.ContainsRune(doubleQuotes, q) && r == '`' && i+1 < len(rs):
			b.WriteRune(rs[i+1])
			i++
		case strings.ContainsRune(doubleQuotes, q) && strings.ContainsRune(doubleQuotes, r):
			if i+1 < len(rs) && strings.ContainsRune(doubleQuotes, rs[i+1]) {
				b.WriteRune(r)
				i++
				continue
			}
			return b.String()
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unescapeBare removes the backtick escapes of a bareword (`  → space).
func unescapeBare(s string) string {
	if !strings.Contains(s, "`") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if rs[i] == '`' && i+1 < len(rs) {
			i++
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// quote writes v as an argument: in the quote the user opened (q), or, if
// none, bare when that reads back the same and in single quotes otherwise
// ('Amos Marble').
func quote(v string, q rune) string {
	switch {
	case q != 0 && strings.ContainsRune(doubleQuotes, q):
		r := strings.NewReplacer("`", "``", "$", "`$", `"`, "`\"", "“", "`“", "”", "`”", "„", "`„")
		return string(q) + r.Replace(v) + string(q)
	case q != 0:
		return string(q) + strings.ReplaceAll(v, "'", "''") + string(q)
	case needsQuotes(v):
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return v
}

// needsQuotes reports whether a bareword would not read back as v: empty,
// whitespace, argument-mode metacharacters, or a leading character that
// starts something else (-Name, @splat, #comment, $var, a number sign…).
func needsQuotes(v string) bool {
	if v == "" {
		return true
	}
	for i, r := range v {
		if unicode.IsSpace(r) || strings.ContainsRune("'\"`$,;(){}|&"+singleQuotes[1:]+doubleQuotes[1:], r) {
			return true
		}
		if i == 0 && strings.ContainsRune("-@#<>[", r) {
			return true
		}
	}
	return false
}
