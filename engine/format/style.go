package format

import "strings"

// Style is how formatted output is decorated with ANSI sequences (from
// $PSStyle.Formatting, when the destination renders them): each table
// header label and its dashes in TableHeader, each list label with its
// " : " in FormatAccent, each followed by Reset. The zero Style decorates
// nothing; an empty accent decorates nothing either.
type Style struct {
	TableHeader  string
	FormatAccent string
	Reset        string
}

// wrap decorates text with accent; spaces around it stay outside, so the
// layout's padding is unchanged.
func (s Style) wrap(accent, text string) string {
	body := strings.TrimSpace(text)
	if accent == "" || body == "" {
		return text
	}
	lead := len(text) - len(strings.TrimLeft(text, " "))
	trail := len(text) - len(strings.TrimRight(text, " "))
	return text[:lead] + accent + body + s.Reset + text[len(text)-trail:]
}

// label decorates a list label as pwsh's ListWriter does: the padded
// label and its separator, spaces included, in FormatAccent.
func (s Style) label(text string) string {
	if s.FormatAccent == "" {
		return text
	}
	return s.FormatAccent + text + s.Reset
}
