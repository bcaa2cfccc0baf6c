package syntax

import "strings"

// mk makes a token of the given kind for the text [i, j), op its Value.
func (p *parser) mk(kind TokenKind, i, j int, op string) *tok {
	t := p.memo.newTok()
	t.Token = Token{Kind: kind, Text: p.text[i:j], Value: op, Extent: Extent{i, j}}
	return t
}

// newTok returns a new token holding tk.
func (p *parser) newTok(tk Token) *tok {
	t := p.memo.newTok()
	t.Token = tk
	return t
}

// peek skips blanks and comments and scans the next token in mode m
// without consuming it.
func (p *parser) peek(m mode) *tok {
	p.ws()
	return p.scanAt(p.pos, m)
}

// scanAt scans the token at i in mode m (memoized).
//
// A token that reads the same in expression and argument mode (a string,
// a variable, a newline, a brace; see tok.common) is scanned once for
// both, unless Tokenize records the scans. Scanning a string parses its
// subexpressions at the current nesting depth, so only a token whose scan
// stayed depthMargin below the limit is shared: when the other mode asks
// for it (a few levels deeper or shallower), a second scan would not have
// reached the limit either.
func (p *parser) scanAt(i int, m mode) *tok {
	if t := p.memo.get(i, m); t != nil {
		return t
	}
	if m != modeArgBare && !p.record {
		other := modeArg
		if m == modeArg {
			other = modeExpr
		}
		if t := p.memo.get(i, other); t != nil && t.common && t.shallow {
			p.memo.put(i, m, t)
			return t
		}
	}
	peak := p.peak
	p.peak = p.depth
	var t *tok
	switch m {
	case modeArg:
		t = p.scanArg(i)
	case modeArgBare:
		t = p.scanBare(i)
	default:
		t = p.scanExpr(i)
	}
	t.shallow = p.peak+depthMargin < maxDepth && !p.dead
	p.peak = max(peak, p.peak)
	p.memo.put(i, m, t)
	return t
}

// depthMargin bounds how much deeper or shallower the parser may be when
// it asks again for a token at the same place (in another mode, or for
// the bareword in parseArgPrimary): parseStatement, parseTernary and
// parseUnary enter a level each before reading the first token.
const depthMargin = 32

// take consumes t, which must have been scanned at the current position.
func (p *parser) take(t *tok) {
	p.pos = t.Extent.End
	p.errs = append(p.errs, t.errs...)
	p.recordTok(t.Token)
}

// scanCommon handles the tokens shared by both modes; ok is false when the
// character at i needs mode-specific treatment.
func (p *parser) scanCommon(i int) (*tok, bool) {
	if i >= len(p.text) {
		return p.newTok(Token{Kind: TokEOF, Extent: Extent{i, i}}), true
	}
	c := p.text[i]
	r, n := p.runeAt(i)
	switch c {
	case '\r':
		if p.byteAt(i+1) == '\n' {
			return p.mk(TokNewLine, i, i+2, "\n"), true
		}
		return p.mk(TokNewLine, i, i+1, "\n"), true
	case '\n':
		return p.mk(TokNewLine, i, i+1, "\n"), true
	case ';':
		return p.mk(TokSemi, i, i+1, ";"), true
	case '(':
		return p.mk(TokLParen, i, i+1, "("), true
	case ')':
		return p.mk(TokRParen, i, i+1, ")"), true
	case '{':
		return p.mk(TokLCurly, i, i+1, "{"), true
	case '}':
		return p.mk(TokRCurly, i, i+1, "}"), true
	case ',':
		return p.mk(TokComma, i, i+1, ","), true
	case '|':
		if p.byteAt(i+1) == '|' {
			return p.mk(TokOperator, i, i+2, "||"), true
		}
		return p.mk(TokPipe, i, i+1, "|"), true
	case '&':
		if p.byteAt(i+1) == '&' {
			return p.mk(TokOperator, i, i+2, "&&"), true
		}
		return p.mk(TokOperator, i, i+1, "&"), true
	case '@':
		switch p.byteAt(i + 1) {
		case '(':
			return p.mk(TokAtParen, i, i+2, "@("), true
		case '{':
			return p.mk(TokAtCurly, i, i+2, "@{"), true
		}
		if r2, n2 := p.runeAt(i + 1); n2 > 0 && (isSingleQuote(r2) || isDoubleQuote(r2)) {
			return p.scanHereString(i), true
		}
		if name, end, ok := p.variableAt(i); ok {
			t := p.mk(TokSplattedVariable, i, end, name)
			t.Value = name
			t.expr = &VariableExpr{Extent: Extent{i, end}, Name: name, Splatted: true}
			return t, true
		}
		return p.mk(TokUnknown, i, i+1, "@"), true
	case '$':
		if p.byteAt(i+1) == '(' {
			return p.mk(TokDollarParen, i, i+2, "$("), true
		}
		var t *tok
		errs := p.captureErrors(func() {
			name, end, ok := p.variableAt(i)
			if ok {
				t = p.mk(TokVariable, i, end, name)
				t.Value = name
				t.expr = &VariableExpr{Extent: Extent{i, end}, Name: name}
			}
		})
		if t != nil {
			t.errs = errs
			return t, true
		}
		return nil, false
	case '>':
		if p.byteAt(i+1) == '>' {
			return p.mk(TokRedirection, i, i+2, ">>"), true
		}
		if p.byteAt(i+1) == '&' && p.byteAt(i+2) >= '1' && p.byteAt(i+2) <= '6' {
			return p.mk(TokRedirection, i, i+3, ">&"+string(p.text[i+2])), true
		}
		return p.mk(TokRedirection, i, i+1, ">"), true
	case '<':
		if p.byteAt(i+1) == '#' {
			break
		}
		t := p.mk(TokRedirection, i, i+1, "<")
		if i+1 == len(p.text) {
			// Possibly the start of a block comment.
			t.Kind = TokUnknown
			t.errs = append(t.errs, p.newError(i, i+1, "RedirectionNotSupported", "The '<' operator is reserved for future use.", true))
		}
		return t, true
	}
	if isSingleQuote(r) {
		return p.scanSingleQuoted(i), true
	}
	if isDoubleQuote(r) {
		return p.scanDoubleQuoted(i), true
	}
	// Stream redirections: 2> 2>> 2>&1 *> *>&1 ...
	if (c >= '1' && c <= '6' || c == '*') && p.byteAt(i+1) == '>' {
		j := i + 2
		op := string(c) + ">"
		if p.byteAt(j) == '>' {
			j++
			op += ">"
		} else if p.byteAt(j) == '&' && p.byteAt(j+1) >= '1' && p.byteAt(j+1) <= '6' {
			op += "&" + string(p.text[j+1])
			j += 2
		}
		return p.mk(TokRedirection, i, j, op), true
	}
	_ = n
	return nil, false
}

// scanExpr scans one token in expression mode.
func (p *parser) scanExpr(i int) *tok {
	if c := p.byteAt(i); c >= '1' && c <= '6' && p.byteAt(i+1) == '>' && p.byteAt(i+2) != '&' {
		// In expression mode 3> is the number 3 and the redirection '>'
		// (1..3>variable:a), as pwsh's NewFileRedirectionToken decides.
		t := p.mk(TokNumber, i, i+1, p.text[i:i+1])
		t.num = int32(c - '0')
		return t
	}
	if t, ok := p.scanCommon(i); ok {
		t.common = t.Kind != TokUnknown
		return t
	}
	c := p.text[i]
	r, n := p.runeAt(i)
	two := ""
	if i+2 <= len(p.text) {
		two = p.text[i : i+2]
	}
	switch {
	case c >= '0' && c <= '9' || c == '.' && p.byteAt(i+1) >= '0' && p.byteAt(i+1) <= '9':
		end := p.numberEnd(i)
		if end > i {
			text := p.text[i:end]
			if w := p.wordEnd(end); w == end {
				if v, ok, bad := parseNumber(text); ok {
					t := p.mk(TokNumber, i, end, text)
					if bad {
						t.errs = append(t.errs, p.newError(i, end, "BadNumericConstant", "The numeric constant "+text+" is not valid.", false))
						v = float64(0)
					}
					t.num = v
					return t
				}
			}
		}
		w := p.wordEnd(i)
		if end > w {
			w = end
		}
		if w <= i {
			w = i + 1
		}
		return p.mk(TokGeneric, i, w, p.text[i:w])
	case c == '$':
		t := p.mk(TokUnknown, i, i+1, "$")
		t.errs = append(t.errs, p.newError(i, i+1, "InvalidVariableReference",
			"Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.", i+1 == len(p.text)))
		return t
	case c == '[':
		return p.mk(TokLBracket, i, i+1, "[")
	case c == ']':
		return p.mk(TokRBracket, i, i+1, "]")
	case two == "..":
		return p.mk(TokOperator, i, i+2, "..")
	case c == '.':
		return p.mk(TokDot, i, i+1, ".")
	case two == "::":
		return p.mk(TokColonColon, i, i+2, "::")
	case c == ':':
		return p.mk(TokOperator, i, i+1, ":")
	case c == '?':
		switch {
		case strings.HasPrefix(p.text[i:], "??="):
			return p.mk(TokOperator, i, i+3, "??=")
		case two == "??":
			return p.mk(TokOperator, i, i+2, "??")
		case two == "?.":
			return p.mk(TokOperator, i, i+2, "?.")
		case two == "?[":
			return p.mk(TokOperator, i, i+2, "?[")
		}
		return p.mk(TokOperator, i, i+1, "?")
	case c == '+':
		switch two {
		case "++":
			return p.mk(TokOperator, i, i+2, "++")
		case "+=":
			return p.mk(TokOperator, i, i+2, "+=")
		}
		return p.mk(TokOperator, i, i+1, "+")
	case isDashRune(r):
		if ok, n2 := p.isDashAt(i + n); ok {
			return p.mk(TokOperator, i, i+n+n2, "--")
		}
		if p.byteAt(i+n) == '=' {
			return p.mk(TokOperator, i, i+n+1, "-=")
		}
		if w := p.identEnd(i + n); w > i+n {
			if op, ok := dashOpOf(p.text[i+n : w]); ok {
				return p.mk(TokOperator, i, w, op)
			}
			// In expression mode a parameter name is letters only.
			t := p.mk(TokParameter, i, w, p.text[i+n:w])
			return t
		}
		return p.mk(TokOperator, i, i+n, "-")
	case c == '*':
		if two == "*=" {
			return p.mk(TokOperator, i, i+2, "*=")
		}
		return p.mk(TokOperator, i, i+1, "*")
	case c == '/':
		if two == "/=" {
			return p.mk(TokOperator, i, i+2, "/=")
		}
		return p.mk(TokOperator, i, i+1, "/")
	case c == '%':
		if two == "%=" {
			return p.mk(TokOperator, i, i+2, "%=")
		}
		return p.mk(TokOperator, i, i+1, "%")
	case c == '=':
		return p.mk(TokOperator, i, i+1, "=")
	case c == '!':
		return p.mk(TokOperator, i, i+1, "!")
	case isWordRune(r) || r == '_':
		w := p.wordEnd(i)
		return p.mk(TokGeneric, i, w, p.text[i:w])
	}
	if n == 0 {
		n = 1
	}
	return p.mk(TokUnknown, i, i+n, p.text[i:i+n])
}

// identEnd returns the end of a run of letters (operator names).
func (p *parser) identEnd(i int) int {
	j := i
	for j < len(p.text) {
		c := p.text[j]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			break
		}
		j++
	}
	return j
}

// wordEnd returns the end of a run of identifier characters.
func (p *parser) wordEnd(i int) int {
	j := i
	for {
		r, n := p.runeAt(j)
		if n == 0 || !isWordRune(r) {
			return j
		}
		j += n
	}
}

// paramEnd returns the end of a parameter name starting at i (after the
// dash) in argument mode, as pwsh's ScanParameter reads it: everything up
// to white space, one of {}();,|&.[ , ':' or a quote. So -amos.marble is
// the parameter -amos followed by the argument .marble.
func (p *parser) paramEnd(i int) int {
	j := i
	for {
		r, n := p.runeAt(j)
		if n == 0 || isParamTerminator(r) || r == ':' || isSingleQuote(r) || isDoubleQuote(r) {
			return j
		}
		j += n
	}
}

// isParamTerminator reports the characters that end a parameter name in
// argument mode.
func isParamTerminator(r rune) bool {
	switch r {
	case '{', '}', '(', ')', ';', ',', '|', '&', '.', '[', '\n', '\r', 0:
		return true
	}
	return r == ' ' || r == '\t' || r == '\f' || r == '\v' || isBlankRune(r)
}

// scanArg scans one token in argument mode.
func (p *parser) scanArg(i int) *tok {
	if i < len(p.text) && p.text[i] == '$' && p.byteAt(i+1) != '(' {
		// Variables in argument position are handled by the command
		// parser; a lone '$' is a bareword.
		if _, _, ok := p.variableAtQuiet(i); !ok {
			return p.scanBare(i)
		}
	}
	if t, ok := p.scanCommon(i); ok && t.Kind != TokUnknown {
		// Expression mode reads "3>" as the number 3 (scanExpr).
		c := p.byteAt(i)
		t.common = !(c >= '1' && c <= '6' && p.byteAt(i+1) == '>' && p.byteAt(i+2) != '&')
		return t
	}
	r, n := p.runeAt(i)
	if isDashRune(r) {
		if ok, n2 := p.isDashAt(i + n); ok {
			if p.byteAt(i+n+n2) == '%' {
				return p.mk(TokOperator, i, i+n+n2+1, "--%")
			}
			if r3, n3 := p.runeAt(i + n + n2); n3 == 0 || isArgTerminator(r3) {
				return p.mk(TokOperator, i, i+n+n2, "--")
			}
		}
		if r2, n2 := p.runeAt(i + n); n2 > 0 && (isWordRune(r2) && !(r2 >= '0' && r2 <= '9') || r2 == '?') {
			pe := p.paramEnd(i + n)
			rn, _ := p.runeAt(pe)
			if isSingleQuote(rn) || isDoubleQuote(rn) {
				return p.scanBare(i) // e.g. -foo"bar": a bareword
			}
			t := p.mk(TokParameter, i, pe, p.text[i+n:pe])
			if rn == ':' {
				t.colon = true
				t.Extent.End = pe + 1
				t.Text = p.text[i : pe+1]
			}
			return t
		}
	}
	return p.scanBare(i)
}

// variableAtQuiet is variableAt without recording errors.
func (p *parser) variableAtQuiet(i int) (string, int, bool) {
	var name string
	var end int
	var ok bool
	p.captureErrors(func() { name, end, ok = p.variableAt(i) })
	return name, end, ok
}
