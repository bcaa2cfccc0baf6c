package syntax

import (
	"strconv"
	"strings"
)

// literalText returns the literal pieces joined (used as Token.Value).
func literalText(e Expression) string {
	switch v := e.(type) {
	case *StringConstant:
		return v.Value
	case *ExpandableString:
		var sb strings.Builder
		for _, part := range v.Parts {
			if c, ok := part.(*StringConstant); ok {
				sb.WriteString(c.Value)
			}
		}
		return sb.String()
	}
	return ""
}

// escape processes the backtick escape at i (text[i] == '`') and returns
// the offset after it.
func (p *parser) escape(b *strBuilder, i int) int {
	r, n := p.runeAt(i + 1)
	if n == 0 {
		b.addRune('`', i)
		return i + 1
	}
	switch r {
	case '0':
		b.addRune(0, i)
	case 'a':
		b.addRune('\a', i)
	case 'b':
		b.addRune('\b', i)
	case 'e':
		b.addRune(0x1b, i)
	case 'f':
		b.addRune('\f', i)
	case 'n':
		b.addRune('\n', i)
	case 'r':
		b.addRune('\r', i)
	case 't':
		b.addRune('\t', i)
	case 'v':
		b.addRune('\v', i)
	case 'u':
		return p.unicodeEscape(b, i)
	default:
		b.addRune(r, i)
	}
	return i + 1 + n
}

// unicodeEscape reads `u{hex} at i (the backtick) with pwsh's errors and
// positions (ScanUnicodeEscape); it returns the offset after it.
func (p *parser) unicodeEscape(b *strBuilder, i int) int {
	const invalid = "The Unicode escape sequence is not valid. A valid sequence is `u{ followed by one to six hex digits and a closing '}'."
	if p.byteAt(i+2) != '{' {
		p.errorAt(i, i+2, "InvalidUnicodeEscapeSequence", invalid, false)
		b.addRune('u', i)
		return i + 2
	}
	j := i + 3
	for digits := 0; ; digits++ {
		c := p.byteAt(j)
		if c == '}' && digits > 0 {
			break
		}
		switch {
		case c == '}':
			p.errorAt(i, j+1, "InvalidUnicodeEscapeSequence", invalid, false)
			return j + 1
		case !isHex(c) && digits < 6:
			p.errorAt(j, j, "InvalidUnicodeEscapeSequence", invalid, false)
			return j
		case !isHex(c):
			p.errorAt(j, j, "MissingUnicodeEscapeSequenceTerminator", "The Unicode escape sequence is missing the closing '}'.", false)
			return j
		case digits == 6:
			p.errorAt(j, j, "TooManyDigitsInUnicodeEscapeSequence", "The Unicode escape sequence contains more than the maximum of six hex digits between braces.", false)
			return j
		}
		j++
	}
	v, _ := strconv.ParseUint(p.text[i+3:j], 16, 32)
	if v > 0x10FFFF {
		p.errorAt(i+3, j, "InvalidUnicodeEscapeSequenceValue", "The Unicode escape sequence value is out of range. The maximum value is 0x10FFFF.", false)
		v = 0xFFFD
	}
	b.addRune(rune(v), i)
	return j + 1
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// variableEnd scans a variable reference at i (text[i] is '$' or '@') and
// returns its name and end; ok is false when no name follows.
func (p *parser) variableAt(i int) (name string, end int, ok bool) {
	j := i + 1
	r, n := p.runeAt(j)
	switch {
	case n == 0:
		return "", i, false
	case r == '{':
		var sb strings.Builder
		k := j + 1
		for k < len(p.text) {
			c, m := p.runeAt(k)
			if c == '}' {
				if sb.Len() == 0 {
					p.errorAt(i, k+1, "EmptyVariableReference",
						"An empty ${} variable reference was found. A name is required inside the braces.", false)
				}
				return sb.String(), k + 1, true
			}
			if c == '`' && k+1 < len(p.text) {
				// Escapes as in strings: ${a`u{2195}} is the name "a↕".
				eb := &strBuilder{src: p.text}
				k = p.escape(eb, k)
				sb.WriteString(eb.text())
				continue
			}
			sb.WriteRune(c)
			k += m
		}
		p.errorAt(i, len(p.text), "IncompleteDollarVariableReference",
			"${variable} reference starting is missing the closing '}'.", true)
		return sb.String(), len(p.text), true
	case r == '$' || r == '^' || r == '?':
		return string(r), j + n, true
	case isNameRune(r):
		// As in pwsh, '?' and ':' (but not '::') belong to the name:
		// $true? is the variable "true?" and $env:Path is drive-qualified.
		k := j
		for {
			c, m := p.runeAt(k)
			if m == 0 {
				break
			}
			if c == ':' {
				if p.byteAt(k+1) == ':' {
					break
				}
			} else if !isNameRune(c) && c != '?' {
				break
			}
			k += m
		}
		name = p.text[j:k]
		if c := strings.IndexByte(name, ':'); c >= 0 && c == len(name)-1 {
			p.errorAt(i, k, "InvalidVariableReferenceWithDrive",
				"Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", false)
		}
		return name, k, true
	}
	return "", i, false
}

// expandDollar handles a '$' at i inside an expandable string or bareword.
// It returns the offset after what it consumed.
func (p *parser) expandDollar(b *strBuilder, i int) int {
	if p.byteAt(i+1) == '(' {
		sub, end := p.parseSubExprAt(i)
		b.addExpr(sub)
		return end
	}
	name, end, ok := p.variableAt(i)
	if !ok {
		b.addSrc(i, i+1)
		return i + 1
	}
	b.addExpr(&VariableExpr{Extent: Extent{i, end}, Name: name})
	return end
}

// scanDoubleQuoted reads a "..." string whose opening quote is at i.
func (p *parser) scanDoubleQuoted(i int) *tok {
	_, qn := p.runeAt(i)
	b := &strBuilder{src: p.text, quote: DoubleQuoted}
	j := i + qn
	terminated := false
	errs := p.captureErrors(func() {
		j = p.dqBody(b, j, &terminated)
	})
	t := p.newTok(Token{Kind: TokStringExpandable, Text: p.text[i:j], Extent: Extent{i, j}})
	t.expr = b.result(t.Extent)
	t.Value = literalText(t.expr)
	t.errs = errs
	if !terminated {
		t.Unterminated = true
		t.errs = append(t.errs, p.newError(i, i+qn, "TerminatorExpectedAtEndOfString",
			`The string is missing the terminator: ".`, true))
	}
	return t
}

// dqBody scans the inside of a double-quoted string from j, up to and
// including the closing quote.
func (p *parser) dqBody(b *strBuilder, j int, terminated *bool) int {
	for j < len(p.text) {
		r, n := p.runeAt(j)
		switch {
		case isDoubleQuote(r):
			if r2, n2 := p.runeAt(j + n); n2 > 0 && isDoubleQuote(r2) {
				b.addRune(r2, j)
				j += n + n2
				continue
			}
			b.flush(j)
			*terminated = true
			return j + n
		case r == '`':
			j = p.escape(b, j)
		case r == '$':
			j = p.expandDollar(b, j)
		default:
			b.addSrcRune(r, j, n)
			j += n
		}
	}
	b.flush(j)
	return j
}

// sqBody scans the inside of a single-quoted string from j.
func (p *parser) sqBody(b *strBuilder, j int, terminated *bool) int {
	for j < len(p.text) {
		r, n := p.runeAt(j)
		if isSingleQuote(r) {
			if r2, n2 := p.runeAt(j + n); n2 > 0 && isSingleQuote(r2) {
				b.addRune(r2, j)
				j += n + n2
				continue
			}
			*terminated = true
			return j + n
		}
		b.addSrcRune(r, j, n)
		j += n
	}
	return j
}

// scanSingleQuoted reads a '...' string whose opening quote is at i.
func (p *parser) scanSingleQuoted(i int) *tok {
	_, qn := p.runeAt(i)
	b := &strBuilder{src: p.text, quote: SingleQuoted}
	terminated := false
	j := p.sqBody(b, i+qn, &terminated)
	t := p.newTok(Token{Kind: TokStringLiteral, Text: p.text[i:j], Extent: Extent{i, j}})
	t.expr = b.result(t.Extent)
	t.Value = literalText(t.expr)
	if !terminated {
		t.Unterminated = true
		t.errs = append(t.errs, p.newError(i, i+qn, "TerminatorExpectedAtEndOfString",
			`The string is missing the terminator: '.`, true))
	}
	return t
}

// scanHereString reads a here-string whose '@' is at i.
func (p *parser) scanHereString(i int) *tok {
	qr, qn := p.runeAt(i + 1)
	double := isDoubleQuote(qr)
	kind, quote, term := TokHereStringLiteral, HereSingle, "'@"
	if double {
		kind, quote, term = TokHereStringExpandable, HereDouble, `"@`
	}
	t := p.newTok(Token{Kind: kind})
	j := i + 1 + qn
	// The header must end the line.
	for j < len(p.text) {
		r, n := p.runeAt(j)
		if !isBlankRune(r) {
			break
		}
		j += n
	}
	if j < len(p.text) && !isNewlineByte(p.text[j]) {
		t.errs = append(t.errs, p.newError(j, j+1, "UnexpectedCharactersAfterHereStringHeader",
			"No characters are allowed after a here-string header but before the end of the line.", false))
		for j < len(p.text) && !isNewlineByte(p.text[j]) {
			j++
		}
	}
	if j < len(p.text) && p.text[j] == '\r' {
		j++
	}
	if j < len(p.text) && p.text[j] == '\n' {
		j++
	}
	contentStart := j
	// Find the terminator at the start of a line.
	contentEnd, end := -1, -1
	for k := contentStart; k < len(p.text); {
		if k == contentStart || p.text[k-1] == '\n' || p.text[k-1] == '\r' && p.byteAt(k) != '\n' {
			r, n := p.runeAt(k)
			if n > 0 && (double && isDoubleQuote(r) || !double && isSingleQuote(r)) && p.byteAt(k+n) == '@' && k > i+2 && contentStart <= k {
				if k == contentStart {
					contentEnd = k
				} else {
					contentEnd = k - 1
					if contentEnd > contentStart && p.text[contentEnd-1] == '\r' && p.text[contentEnd] == '\n' {
						contentEnd--
					}
				}
				end = k + n + 1
				break
			}
		}
		k++
	}
	if contentStart >= len(p.text) || (contentStart > 0 && !isNewlineByte(p.text[contentStart-1])) {
		// No newline after the header at all.
		end = -1
	}
	if end < 0 {
		contentEnd, end = len(p.text), len(p.text)
		if contentStart > end {
			contentStart = end
		}
		t.Unterminated = true
		t.errs = append(t.errs, p.newError(i, i+1+qn, "TerminatorExpectedAtEndOfString",
			"The string is missing the terminator: "+term+".", true))
	}
	b := &strBuilder{src: p.text, quote: quote}
	if double {
		t.errs = append(t.errs, p.captureErrors(func() {
			for k := contentStart; k < contentEnd; {
				r, n := p.runeAt(k)
				switch r {
				case '`':
					k = p.escape(b, k)
				case '$':
					k = p.expandDollar(b, k)
				default:
					b.addSrcRune(r, k, n)
					k += n
				}
			}
			b.flush(contentEnd)
		})...)
	} else {
		b.addSrc(contentStart, contentEnd)
	}
	t.Extent = Extent{i, end}
	t.Text = p.text[i:end]
	t.expr = b.result(t.Extent)
	t.Value = literalText(t.expr)
	return t
}

// scanBare reads a bareword argument starting at i, including embedded
// quotes, escapes and $ expansions, up to an argument terminator.
func (p *parser) scanBare(i int) *tok {
	b := &strBuilder{src: p.text, quote: Bare}
	j := i
	errs := p.captureErrors(func() {
		for j < len(p.text) {
			r, n := p.runeAt(j)
			if isArgTerminator(r) {
				return
			}
			switch {
			case r == '`':
				if c := p.byteAt(j + 1); c == '\n' || c == '\r' {
					return
				}
				j = p.escape(b, j)
			case isSingleQuote(r):
				terminated := false
				start := j
				j = p.sqBody(b, j+n, &terminated)
				if !terminated {
					p.errorAt(start, start+n, "TerminatorExpectedAtEndOfString", `The string is missing the terminator: '.`, true)
				}
			case isDoubleQuote(r):
				terminated := false
				start := j
				j = p.dqBody(b, j+n, &terminated)
				if !terminated {
					p.errorAt(start, start+n, "TerminatorExpectedAtEndOfString", `The string is missing the terminator: ".`, true)
				}
			case r == '$':
				j = p.expandDollar(b, j)
			default:
				b.addSrcRune(r, j, n)
				j += n
			}
		}
	})
	if j == i && i < len(p.text) {
		// Never return an empty token: take one character literally.
		r, n := p.runeAt(i)
		b.addSrcRune(r, i, n)
		j = i + n
	}
	t := p.newTok(Token{Kind: TokGeneric, Text: p.text[i:j], Extent: Extent{i, j}})
	t.expr = b.result(t.Extent)
	t.Value = literalText(t.expr)
	t.errs = errs
	return t
}
