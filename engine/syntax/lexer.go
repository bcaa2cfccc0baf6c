package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the character classes and the parts of the lexer that
// are the same in every mode: white space, comments, line continuations.
// Token scanning proper lives in lexer_scan.go (operators, punctuation),
// lexer_string.go (quoted strings, variables, barewords) and
// lexer_number.go (numeric literals).

// mode tells the scanner how to read the next token.
type mode int

const (
	modeExpr    mode = iota // expression mode: operators, numbers, names
	modeArg                 // argument (command) mode: barewords, parameters
	modeArgBare             // a whole argument word read as a bareword
)

// tok is a scanned token with the parser's extra data. The Value of an
// Operator, Redirection or Parameter token is the canonical operator or
// the parameter name.
type tok struct {
	Token
	num   any        // value of a Number token
	expr  Expression // value of a string, variable or bareword token
	errs  []*Error   // errors found while scanning this token
	colon bool       // a Parameter token written -Name:
	// common is set on a token that scanCommon read and that reads the
	// same in expression and argument mode; shallow on one whose scan
	// (a string's subexpressions) stayed far from the nesting limit.
	// scanAt shares a token that is both between the two modes.
	common, shallow bool
	id              uint32 // its chunk and place in the parser's tokMemo
}

// comment is one comment seen in the source.
type comment struct {
	start, end int
	block      bool
}

func isDashRune(r rune) bool {
	return r == '-' || r == '\u2013' || r == '\u2014' || r == '\u2015'
}

func isSingleQuote(r rune) bool {
	return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u201a' || r == '\u201b'
}

func isDoubleQuote(r rune) bool {
	return r == '"' || r == '\u201c' || r == '\u201d' || r == '\u201e'
}

func isNewlineByte(b byte) bool { return b == '\n' || b == '\r' }

// isBlankRune reports white space other than newlines.
func isBlankRune(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', '\u00a0', '\u0085':
		return true
	case '\n', '\r':
		return false
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// isNameRune reports characters allowed in a plain $variable name.
func isNameRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordRune reports characters of an identifier in expression mode
// (member names, keywords, operator names).
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isArgTerminator reports characters that end a bareword in argument mode.
func isArgTerminator(r rune) bool {
	switch r {
	case ' ', '\t', '\f', '\v', '\n', '\r', ';', ',', '|', '&', '(', ')', '{', '}', '<', '>', 0:
		return true
	}
	return isBlankRune(r)
}

// runeAt decodes the rune at i; it returns (0, 0) at the end of the text.
func (p *parser) runeAt(i int) (rune, int) {
	if i >= len(p.text) || i < 0 {
		return 0, 0
	}
	b := p.text[i]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(p.text[i:])
}

func (p *parser) byteAt(i int) byte {
	if i < 0 || i >= len(p.text) {
		return 0
	}
	return p.text[i]
}

func (p *parser) isDashAt(i int) (bool, int) {
	r, n := p.runeAt(i)
	if n > 0 && isDashRune(r) {
		return true, n
	}
	return false, 0
}

// ws skips blanks, comments and backtick line continuations, but not
// newlines.
func (p *parser) ws() {
	for p.pos < len(p.text) {
		switch c := p.text[p.pos]; c {
		case ' ', '\t':
			p.pos++
			continue
		case '\f', '\v', '`', '#', '<':
		default:
			if c < utf8.RuneSelf {
				return // no other ASCII character is blank or starts a comment
			}
		}
		r, n := p.runeAt(p.pos)
		switch {
		case isBlankRune(r):
			p.pos += n
		case r == '`' && (p.byteAt(p.pos+1) == '\n' || p.byteAt(p.pos+1) == '\r'):
			start := p.pos
			p.pos += 2
			if p.byteAt(p.pos-1) == '\r' && p.byteAt(p.pos) == '\n' {
				p.pos++
			}
			p.recordRaw(TokLineContinuation, start, p.pos)
		case r == '`' && p.pos+1 == len(p.text):
			// A trailing backtick: more input is needed.
			p.errorAt(p.pos, p.pos+1, "IncompleteInput", "Missing expression after '`'.", true)
			p.pos++
		case r == '#':
			p.lineComment()
		case r == '<' && p.byteAt(p.pos+1) == '#':
			p.blockComment()
		default:
			return
		}
	}
}

func (p *parser) lineComment() {
	start := p.pos
	end := start
	for end < len(p.text) && !isNewlineByte(p.text[end]) {
		end++
	}
	p.pos = end
	p.addComment(start, end, false)
}

func (p *parser) blockComment() {
	start := p.pos
	i := strings.Index(p.text[start+2:], "#>")
	if i < 0 {
		p.pos = len(p.text)
		p.errorAt(start, start+2, "MissingTerminatorMultiLineComment",
			"The terminator '#>' is missing from the multiline comment.", true)
		p.addComment(start, p.pos, true)
		return
	}
	p.pos = start + 2 + i + 2
	p.addComment(start, p.pos, true)
}

func (p *parser) addComment(start, end int, block bool) {
	if p.seenCmt[start] {
		return
	}
	p.seenCmt[start] = true
	p.comments = append(p.comments, comment{start, end, block})
	p.recordRaw(TokComment, start, end)
}

// atNewline reports whether the next significant character is a newline.
func (p *parser) atNewline() bool {
	p.ws()
	return p.pos < len(p.text) && isNewlineByte(p.text[p.pos])
}

// skipNL skips white space, comments and newlines.
func (p *parser) skipNL() {
	for {
		p.ws()
		if p.pos < len(p.text) && isNewlineByte(p.text[p.pos]) {
			p.recordRaw(TokNewLine, p.pos, p.pos+1)
			p.pos++
			continue
		}
		return
	}
}

// skipNLSemi skips white space, newlines and semicolons.
func (p *parser) skipNLSemi() {
	for {
		p.skipNL()
		if p.byteAt(p.pos) == ';' {
			p.recordRaw(TokSemi, p.pos, p.pos+1)
			p.pos++
			continue
		}
		return
	}
}

// restBlankFrom reports whether only blanks, newlines and comments remain
// from offset i on (so an error there is caused by the end of input).
func (p *parser) restBlankFrom(i int) bool {
	save, saveErrs, saveRec := p.pos, len(p.errs), p.record
	p.record = false
	p.pos = i
	p.skipNL()
	blank := p.pos >= len(p.text)
	p.pos = save
	p.errs = p.errs[:saveErrs]
	p.record = saveRec
	return blank
}

// atEOF reports whether nothing but blanks and comments remain.
func (p *parser) atEOF() bool { return p.restBlankFrom(p.pos) }
