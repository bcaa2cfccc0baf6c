package syntax

import (
	"strings"
	"unicode/utf8"
)

// strBuilder accumulates the parts of a string, bareword or variable name
// as it is scanned: literal text and, in an expandable string, the
// expressions ($x, $(...)) between.
//
// Most literal text is a run of the source copied as it is (no escapes,
// no doubled quotes); while it is, the builder only remembers where the
// run starts and ends (raw), and the value is a substring of the source,
// not a copy. The first literal part is held in first rather than in
// parts, so a string with nothing to expand allocates no parts at all.
type strBuilder struct {
	src      string // the source text, for raw runs
	parts    []Expression
	first    StringConstant // the first literal part while parts is empty
	hasFirst bool
	lit      strings.Builder // the literal text so far, unless raw
	litStart int
	hasLit   bool
	raw      bool // the literal text so far is src[rawStart:rawEnd]
	rawStart int
	rawEnd   int
	quote    QuoteKind
}

// addRune adds r, which the source at offset at wrote in some other way
// (an escape, a doubled quote).
func (b *strBuilder) addRune(r rune, at int) {
	b.start(at)
	b.unraw()
	b.lit.WriteRune(r)
}

// addSrc adds the source text [from, to) as it is.
func (b *strBuilder) addSrc(from, to int) {
	if !b.hasLit {
		b.start(from)
		b.raw, b.rawStart, b.rawEnd = true, from, to
		return
	}
	if b.raw && b.rawEnd == from {
		b.rawEnd = to
		return
	}
	b.unraw()
	b.lit.WriteString(b.src[from:to])
}

// addSrcRune adds the rune r of n bytes the source has at offset at: as
// source text, or (bytes that are not UTF-8, read as U+FFFD) as a rune.
func (b *strBuilder) addSrcRune(r rune, at, n int) {
	if r == utf8.RuneError && n < utf8.RuneLen(utf8.RuneError) {
		b.addRune(r, at)
		return
	}
	b.addSrc(at, at+n)
}

// start begins a literal part at offset at unless one is open.
func (b *strBuilder) start(at int) {
	if !b.hasLit {
		b.hasLit = true
		b.litStart = at
	}
}

// unraw copies a raw run into lit, before text that is not one.
func (b *strBuilder) unraw() {
	if b.raw {
		b.lit.WriteString(b.src[b.rawStart:b.rawEnd])
		b.raw = false
	}
}

// text returns the literal text of the open part.
func (b *strBuilder) text() string {
	if b.raw {
		return b.src[b.rawStart:b.rawEnd]
	}
	return b.lit.String()
}

// flush ends the open literal part at end.
func (b *strBuilder) flush(end int) {
	if !b.hasLit {
		return
	}
	c := StringConstant{Extent: Extent{b.litStart, end}, Value: b.text(), Quote: b.quote}
	b.lit.Reset()
	b.hasLit, b.raw = false, false
	if len(b.parts) == 0 && !b.hasFirst {
		b.first, b.hasFirst = c, true
		return
	}
	b.spill()
	b.parts = append(b.parts, &c)
}

// spill moves first to parts.
func (b *strBuilder) spill() {
	if b.hasFirst {
		c := b.first
		b.parts = append(b.parts, &c)
		b.hasFirst = false
	}
}

func (b *strBuilder) addExpr(e Expression) {
	b.flush(e.Ext().Start)
	b.spill()
	b.parts = append(b.parts, e)
}

// result builds a *StringConstant when nothing was expanded, or an
// *ExpandableString.
func (b *strBuilder) result(ext Extent) Expression {
	hasExpr := false
	for _, part := range b.parts {
		if _, ok := part.(*StringConstant); !ok {
			hasExpr = true
		}
	}
	if !hasExpr {
		var value string
		switch {
		case len(b.parts) == 0 && !b.hasFirst:
			value = b.text()
		case len(b.parts) == 0 && !b.hasLit:
			value = b.first.Value
		default:
			var sb strings.Builder
			if b.hasFirst {
				sb.WriteString(b.first.Value)
			}
			for _, part := range b.parts {
				sb.WriteString(part.(*StringConstant).Value)
			}
			sb.WriteString(b.text())
			value = sb.String()
		}
		return &StringConstant{Extent: ext, Value: value, Quote: b.quote}
	}
	b.flush(ext.End)
	return &ExpandableString{Extent: ext, Parts: b.parts, Quote: b.quote}
}
