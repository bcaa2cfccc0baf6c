package syntax

import "strings"

// Binary operator precedences, as in PowerShell's TokenFlags.
const (
	precLogical    = 1
	precBitwise    = 2
	precComparison = 5
	precCoalesce   = 7
	precAdd        = 9
	precMultiply   = 10
	precFormat     = 12
	precRange      = 13
)

// dashOps maps the names of dash operators (without the dash) to their
// binary precedence; 0 means unary only.
var dashOps = map[string]int{
	"and": precLogical, "or": precLogical, "xor": precLogical,
	"band": precBitwise, "bor": precBitwise, "bxor": precBitwise,
	"not": 0, "bnot": 0,
	"f":  precFormat,
	"is": precComparison, "isnot": precComparison, "as": precComparison,
	"join": precComparison, "shl": precComparison, "shr": precComparison,
}

func init() {
	for _, base := range []string{"eq", "ne", "gt", "ge", "lt", "le", "like", "notlike",
		"match", "notmatch", "contains", "notcontains", "in", "notin", "replace", "split"} {
		dashOps[base] = precComparison
		dashOps["i"+base] = precComparison
		dashOps["c"+base] = precComparison
	}
}

// unaryDashOps are the dash operators that can be prefix operators.
var unaryDashOps = map[string]bool{"-not": true, "-bnot": true, "-split": true, "-isplit": true, "-csplit": true, "-join": true}

// binaryPrec returns the precedence of a binary operator token, or 0.
func binaryPrec(t *tok) int {
	if t.Kind != TokOperator {
		return 0
	}
	switch t.op {
	case "+", "-":
		return precAdd
	case "*", "/", "%":
		return precMultiply
	case "..":
		return precRange
	case "??":
		return precCoalesce
	}
	if strings.HasPrefix(t.op, "-") {
		return dashOps[t.op[1:]]
	}
	return 0
}

var assignOps = map[string]bool{"=": true, "+=": true, "-=": true, "*=": true, "/=": true, "%=": true, "??=": true}

// keywords are PowerShell's reserved words, lower case.
var keywords = map[string]bool{
	"if": true, "elseif": true, "else": true, "foreach": true, "for": true, "while": true,
	"do": true, "until": true, "switch": true, "break": true, "continue": true,
	"return": true, "exit": true, "throw": true, "try": true, "catch": true,
	"finally": true, "trap": true, "function": true, "filter": true, "workflow": true,
	"param": true, "begin": true, "process": true, "end": true, "dynamicparam": true,
	"clean": true, "class": true, "enum": true, "data": true, "in": true,
	"from": true, "define": true, "var": true, "using": true,
}

func (p *parser) mk(kind TokenKind, i, j int, op string) *tok {
	return &tok{Token: Token{Kind: kind, Text: p.text[i:j], Value: op, Extent: Extent{i, j}}, op: op}
}

// peek skips blanks and comments and scans the next token in mode m
// without consuming it.
func (p *parser) peek(m mode) *tok {
	p.ws()
	return p.scanAt(p.pos, m)
}

// scanAt scans the token at i in mode m (memoized).
func (p *parser) scanAt(i int, m mode) *tok {
	if t := p.memo.get(i, m); t != nil {
		return t
	}
	var t *tok
	switch m {
	case modeArg:
		t = p.scanArg(i)
	case modeArgBare:
		t = p.scanBare(i)
	default:
		t = p.scanExpr(i)
	}
	p.memo.put(i, m, t)
	return t
}

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
		return &tok{Token: Token{Kind: TokEOF, Extent: Extent{i, i}}}, true
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
			name := strings.ToLower(p.text[i+n : w])
			if _, ok := dashOps[name]; ok {
				return p.mk(TokOperator, i, w, "-"+name)
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
