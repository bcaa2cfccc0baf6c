package syntax

import "strings"

// parseExpr parses a full expression (ternary, binary, comma lists).
func (p *parser) parseExpr() Expression { return p.parseTernary(false) }

// parseExprNoComma parses an expression where ',' separates arguments.
func (p *parser) parseExprNoComma() Expression { return p.parseTernary(true) }

func (p *parser) parseTernary(noComma bool) Expression {
	if !p.enter() {
		return &StringConstant{Extent: Extent{p.pos, p.pos}}
	}
	defer p.leave()
	cond := p.parseBinary(1, noComma)
	if cond == nil {
		return nil
	}
	t := p.peek(modeExpr)
	if t.Kind != TokOperator || t.Value != "?" {
		return cond
	}
	p.take(t)
	p.skipNL()
	then := p.parseTernary(noComma)
	if then == nil {
		p.missingOperand(t)
		return cond
	}
	p.skipNL()
	c := p.peek(modeExpr)
	if c.Kind != TokOperator || c.Value != ":" {
		p.missing("MissingColonInTernaryExpression", "Missing ':' in ternary expression.")
		return &TernaryExpr{Extent: Extent{cond.Ext().Start, p.pos}, Cond: cond, Then: then, Else: then}
	}
	p.take(c)
	p.skipNL()
	els := p.parseTernary(noComma)
	if els == nil {
		p.missingOperand(c)
		els = then
	}
	return &TernaryExpr{Extent: Extent{cond.Ext().Start, p.pos}, Cond: cond, Then: then, Else: els}
}

// missingOperand reports a binary operator without its right operand.
func (p *parser) missingOperand(op *tok) {
	p.ws()
	t := p.peek(modeExpr)
	p.errorAt(op.Extent.End, op.Extent.End, "ExpectedValueExpression",
		"You must provide a value expression following the '"+op.Text+"' operator.", t.Kind == TokEOF)
	if t.Kind != TokEOF && !isArgEnd(t) {
		p.unexpected(t)
	}
}

func (p *parser) parseBinary(minPrec int, noComma bool) Expression {
	var left Expression
	if noComma {
		left = p.parseUnary()
	} else {
		left = p.parseArray()
	}
	if left == nil {
		return nil
	}
	for !p.dead {
		t := p.peek(modeExpr)
		prec := binaryPrec(t)
		if prec == 0 || prec < minPrec {
			return left
		}
		p.take(t)
		p.skipNL()
		right := p.parseBinary(prec+1, noComma)
		if right == nil {
			p.missingOperand(t)
			return left
		}
		left = &BinaryExpr{Extent: Extent{left.Ext().Start, right.Ext().End}, Op: t.Value, Left: left, Right: right, OpExtent: t.Extent}
	}
	return left
}

// parseArray parses unary expressions joined by ','.
func (p *parser) parseArray() Expression {
	first := p.parseUnary()
	if first == nil {
		return nil
	}
	t := p.peek(modeExpr)
	if t.Kind != TokComma {
		return first
	}
	arr := &ArrayLiteral{Elements: []Expression{first}}
	arr.Start = first.Ext().Start
	for t.Kind == TokComma && !p.dead {
		p.take(t)
		p.skipNL()
		el := p.parseUnary()
		if el == nil {
			n := p.peek(modeExpr)
			p.errorAt(t.Extent.End, t.Extent.End, "MissingExpressionAfterToken", "Missing expression after ','.", n.Kind == TokEOF)
			break
		}
		arr.Elements = append(arr.Elements, el)
		t = p.peek(modeExpr)
	}
	arr.End = arr.Elements[len(arr.Elements)-1].Ext().End
	return arr
}

// parseUnary parses prefix operators, casts and postfix expressions. It
// returns nil (without consuming) when no expression starts here.
func (p *parser) parseUnary() Expression {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	t := p.peek(modeExpr)
	start := t.Extent.Start
	switch {
	case t.Kind == TokOperator && (t.Value == "!" || t.Value == "+" || t.Value == "-" || t.Value == "++" || t.Value == "--" || unaryDashOps[t.Value]):
		p.take(t)
		if t.Value == "-" && t.Extent.End == p.pos {
			if n := p.scanAt(p.pos, modeExpr); n.Kind == TokNumber && n.Extent.Start == t.Extent.End {
				// -5: a negative literal.
				p.take(n)
				raw := p.text[start:n.Extent.End]
				v, _, bad := parseNumber("-" + n.Text)
				if bad || v == nil {
					v = n.num
				}
				num := &NumberExpr{Extent: Extent{start, n.Extent.End}, Raw: raw, Value: v}
				return p.parsePostfixFrom(num)
			}
		}
		p.skipNL() // pwsh allows newlines after any unary operator
		operand := p.parseUnary()
		if operand == nil {
			n := p.peek(modeExpr)
			p.errorAt(t.Extent.End, t.Extent.End, "MissingExpressionAfterOperator",
				"Missing expression after unary operator '"+t.Text+"'.", n.Kind == TokEOF || p.atEOF())
			return &UnaryExpr{Extent: Extent{start, p.pos}, Op: t.Value, Operand: &StringConstant{Extent: Extent{p.pos, p.pos}}}
		}
		return &UnaryExpr{Extent: Extent{start, operand.Ext().End}, Op: t.Value, Operand: operand}
	case t.Kind == TokComma:
		p.take(t)
		p.skipNL()
		operand := p.parseUnary()
		if operand == nil {
			n := p.peek(modeExpr)
			p.errorAt(t.Extent.End, t.Extent.End, "MissingExpressionAfterOperator",
				"Missing expression after unary operator ','.", n.Kind == TokEOF)
			return &UnaryExpr{Extent: Extent{start, p.pos}, Op: ",", Operand: &StringConstant{Extent: Extent{p.pos, p.pos}}}
		}
		return &UnaryExpr{Extent: Extent{start, operand.Ext().End}, Op: ",", Operand: operand}
	case t.Kind == TokLBracket:
		return p.parseTypeExpr()
	}
	e := p.parsePostfix()
	if e == nil {
		return nil
	}
	// Postfix ++ and --.
	if n := p.peek(modeExpr); n.Kind == TokOperator && (n.Value == "++" || n.Value == "--") {
		p.take(n)
		return &UnaryExpr{Extent: Extent{e.Ext().Start, n.Extent.End}, Op: n.Value, Operand: e, Postfix: true}
	}
	return e
}

// parseTypeExpr parses [type] as a cast of the following unary
// expression, or as a type literal with member access.
func (p *parser) parseTypeExpr() Expression {
	start := p.pos
	tn, attr := p.parseTypeName()
	if tn == nil {
		return &StringConstant{Extent: Extent{start, p.pos}}
	}
	if attr != nil {
		return p.parseAttributed(attr)
	}
	te := &TypeExpr{Extent: Extent{start, p.pos}, Type: tn}
	// Member access directly after the type literal: [math]::Pi, [int].Name
	// ([int][char]'A' is a cast of a cast, not an index.)
	if c := p.byteAt(p.pos); c == ':' && p.byteAt(p.pos+1) == ':' || c == '.' || c == '[' && !isTypeNameStart(p.byteAt(p.pos+1)) {
		return p.parsePostfixFrom(te)
	}
	// A cast applies to the following unary expression.
	save := p.pos
	n := p.peek(modeExpr)
	if castOperandStart(n) {
		operand := p.parseUnary()
		if operand != nil {
			return &ConvertExpr{Extent: Extent{start, operand.Ext().End}, Type: tn, Operand: operand}
		}
	}
	p.pos = save
	return te
}

// parseAttributed parses the expression an attribute applies to, as in
// "[ValidateNotNull()][string]$name = 'x'". The attribute is kept on the
// variable the expression constrains (VariableExpr.Attributes); on any
// other expression it has no effect.
func (p *parser) parseAttributed(attr *Attribute) Expression {
	save := p.pos
	p.skipNL()
	operand := p.parseUnary()
	if operand == nil {
		p.pos = save // what follows (say "enum") is a statement of its own
		p.errorAt(attr.Start, attr.End, "UnexpectedAttribute", "Unexpected attribute '"+attr.Name+"'.", p.atEOF())
		return &StringConstant{Extent: attr.Extent}
	}
	return withAttribute(operand, attr)
}

// withAttribute returns e with attr added to the variable it constrains,
// copying the nodes on the way (scanned tokens are memoized and shared).
func withAttribute(e Expression, attr *Attribute) Expression {
	switch v := e.(type) {
	case *ConvertExpr:
		c := *v
		c.Operand = withAttribute(v.Operand, attr)
		return &c
	case *VariableExpr:
		c := *v
		c.Attributes = append([]*Attribute{attr}, v.Attributes...)
		return &c
	}
	return e
}

// isTypeNameStart reports whether c can begin a type name.
func isTypeNameStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func castOperandStart(t *tok) bool {
	switch t.Kind {
	case TokNumber, TokVariable, TokStringLiteral, TokStringExpandable, TokHereStringLiteral, TokHereStringExpandable,
		TokLParen, TokDollarParen, TokAtParen, TokAtCurly, TokLCurly, TokLBracket:
		return true
	case TokOperator:
		return t.Value == "!" || t.Value == "-" || t.Value == "+" || t.Value == "++" || t.Value == "--" || unaryDashOps[t.Value]
	}
	return false
}

// parsePostfixAt parses a primary expression and its member/index chain
// at the current position.
func (p *parser) parsePostfixAt(argMode bool) Expression {
	prim := p.parsePrimary()
	if prim == nil {
		return nil
	}
	return p.parsePostfixMode(prim, argMode)
}

func (p *parser) parsePostfix() Expression { return p.parsePostfixAt(false) }

// parsePostfixFrom applies '.', '::', '?.', '[ ]', '?[ ]' and method
// calls (all written without white space before them) to e.
func (p *parser) parsePostfixFrom(e Expression) Expression { return p.parsePostfixMode(e, false) }

// parsePostfixMode is parsePostfixFrom; in argument mode (argMode) a '.'
// followed by white space or the end of the line ends the argument
// instead of starting a member name, as in pwsh's GetMemberAccessOperator.
func (p *parser) parsePostfixMode(e Expression, argMode bool) Expression {
	for !p.dead {
		i := p.pos
		c := p.byteAt(i)
		if argMode && c == '.' {
			if r, n := p.runeAt(i + 1); n == 0 || isBlankRune(r) || r == '\n' || r == '\r' {
				return e
			}
		}
		switch {
		case c == '.' && p.byteAt(i+1) != '.' || c == ':' && p.byteAt(i+1) == ':' || c == '?' && p.byteAt(i+1) == '.':
			static := c == ':'
			nullCond := c == '?'
			opLen := 1
			kind := TokDot
			if static || nullCond {
				opLen = 2
			}
			if static {
				kind = TokColonColon
			}
			if nullCond {
				kind = TokOperator
			}
			p.recordRaw(kind, i, i+opLen)
			p.pos = i + opLen
			// White space, comments and (for fluent chains) newlines may
			// follow the operator: "$r. Count", "$sb.Append('a').<newline>Append('b')".
			p.skipNL()
			member := p.parseMemberName()
			if member == nil {
				p.errorAt(i+opLen, i+opLen, "MissingPropertyName", "Missing property name after reference operator.", p.atEOF())
				return e
			}
			switch p.byteAt(p.pos) {
			case '(':
				args := p.parseMethodArgs()
				e = &InvokeMemberExpr{Extent: Extent{e.Ext().Start, p.pos}, Target: e, Member: member, Args: args, Static: static, NullConditional: nullCond}
			case '{':
				// $x.ForEach{ $_ } is $x.ForEach({ $_ }).
				arg := p.parseScriptBlockExpr()
				e = &InvokeMemberExpr{Extent: Extent{e.Ext().Start, p.pos}, Target: e, Member: member, Args: []Expression{arg}, Static: static, NullConditional: nullCond}
			default:
				e = &MemberExpr{Extent: Extent{e.Ext().Start, p.pos}, Target: e, Member: member, Static: static, NullConditional: nullCond}
			}
		case c == '[' || c == '?' && p.byteAt(i+1) == '[':
			if _, isNum := e.(*NumberExpr); isNum && c == '[' {
				return e
			}
			nullCond := c == '?'
			open := i
			if nullCond {
				open++
			}
			p.recordRaw(TokLBracket, open, open+1)
			p.pos = open + 1
			p.skipNL()
			if t := p.peek(modeExpr); t.Kind == TokRBracket {
				p.errorAt(open+1, open+1, "MissingArrayIndexExpression", "Array index expression is missing or not valid.", false)
				p.take(t)
				continue
			}
			idx := p.parseExpr()
			if idx == nil {
				p.errorAt(p.pos, p.pos, "MissingArrayIndexExpression", "Array index expression is missing or not valid.", p.atEOF())
				return e
			}
			p.skipNL()
			if p.byteAt(p.pos) != ']' {
				p.missing("MissingEndSquareBracket", "Missing ']' after array index expression.")
				return &IndexExpr{Extent: Extent{e.Ext().Start, p.pos}, Target: e, Index: idx, NullConditional: nullCond}
			}
			p.recordRaw(TokRBracket, p.pos, p.pos+1)
			p.pos++
			e = &IndexExpr{Extent: Extent{e.Ext().Start, p.pos}, Target: e, Index: idx, NullConditional: nullCond}
		default:
			return e
		}
	}
	return e
}

// parseMemberName parses the name after '.', '::' or '?.'.
func (p *parser) parseMemberName() Expression {
	i := p.pos
	r, n := p.runeAt(i)
	switch {
	case n == 0:
		return nil
	case isWordRune(r):
		j := p.wordEnd(i)
		p.pos = j
		p.recordRaw(TokMember, i, j)
		return &StringConstant{Extent: Extent{i, j}, Value: p.text[i:j], Quote: Bare}
	case r == '$' || isSingleQuote(r) || isDoubleQuote(r) || r == '(' || r == '@':
		return p.parsePrimary()
	}
	return nil
}

// parseMethodArgs parses ( args ) after a member name.
func (p *parser) parseMethodArgs() []Expression {
	open := p.pos
	p.recordRaw(TokLParen, open, open+1)
	p.pos++
	var args []Expression
	p.skipNL()
	if p.byteAt(p.pos) == ')' {
		p.recordRaw(TokRParen, p.pos, p.pos+1)
		p.pos++
		return args
	}
	for !p.dead {
		p.skipNL()
		a := p.parseExprNoComma()
		if a == nil {
			break
		}
		args = append(args, a)
		p.skipNL()
		if p.byteAt(p.pos) == ',' {
			p.recordRaw(TokComma, p.pos, p.pos+1)
			p.pos++
			continue
		}
		break
	}
	p.skipNL()
	if p.byteAt(p.pos) != ')' {
		p.missing("MissingEndParenthesisInMethodCall", "Missing ')' in method call.")
		return args
	}
	p.recordRaw(TokRParen, p.pos, p.pos+1)
	p.pos++
	return args
}

// parsePrimary parses a primary expression or returns nil without
// consuming anything.
func (p *parser) parsePrimary() Expression {
	t := p.peek(modeExpr)
	switch t.Kind {
	case TokNumber:
		p.take(t)
		return &NumberExpr{Extent: t.Extent, Raw: t.Text, Value: t.num}
	case TokVariable:
		p.take(t)
		return t.expr
	case TokSplattedVariable:
		p.take(t)
		name := t.Value
		p.errorAt(t.Extent.Start, t.Extent.End, "SplattingNotPermitted",
			"The splatting operator '@' cannot be used to reference variables in an expression. '@"+name+"' can be used only as an argument to a command. To reference variables in an expression use '$"+name+"'.", false)
		return &VariableExpr{Extent: t.Extent, Name: name}
	case TokStringLiteral, TokStringExpandable, TokHereStringLiteral, TokHereStringExpandable:
		p.take(t)
		return t.expr
	case TokLParen:
		return p.parseParen()
	case TokDollarParen:
		p.take(t)
		body := p.parseGroupBody(t.Extent.Start, "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.")
		return &SubExpr{Extent: Extent{t.Extent.Start, p.pos}, Body: body}
	case TokAtParen:
		p.take(t)
		body := p.parseGroupBody(t.Extent.Start, "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.")
		return &ArrayExpr{Extent: Extent{t.Extent.Start, p.pos}, Body: body}
	case TokAtCurly:
		return p.parseHashtable()
	case TokLCurly:
		return p.parseScriptBlockExpr()
	}
	return nil
}

// parseGroupBody parses statements up to ')' after $( or @(.
func (p *parser) parseGroupBody(open int, id, msg string) *StatementBlock {
	if !p.enter() {
		return &StatementBlock{}
	}
	defer p.leave()
	body := p.parseStatementList(')')
	p.skipNLSemi()
	if p.byteAt(p.pos) != ')' {
		p.errorAt(p.pos, p.pos, id, msg, p.atEOF())
		return body
	}
	p.recordRaw(TokRParen, p.pos, p.pos+1)
	p.pos++
	body.Extent = Extent{open, p.pos}
	return body
}

// parseSubExprAt parses $( ... ) at i inside a string and returns it with
// the offset after the ')'. The current position is left unchanged.
func (p *parser) parseSubExprAt(i int) (*SubExpr, int) {
	save := p.pos
	p.pos = i + 2
	body := p.parseGroupBody(i, "MissingEndParenthesisInSubexpression", "Missing closing ')' in subexpression.")
	end := p.pos
	p.pos = save
	return &SubExpr{Extent: Extent{i, end}, Body: body}, end
}

// parseParen parses ( pipeline ).
func (p *parser) parseParen() Expression {
	open := p.pos
	p.recordRaw(TokLParen, open, open+1)
	p.pos++
	if !p.enter() {
		return &ParenExpr{Extent: Extent{open, p.pos}}
	}
	defer p.leave()
	p.skipNL()
	t := p.peek(modeExpr)
	if t.Kind == TokRParen {
		p.errorAt(t.Extent.Start, t.Extent.End, "ExpectedExpression", "An expression was expected after '('.", false)
		p.take(t)
		return &ParenExpr{Extent: Extent{open, p.pos}, Inner: &Pipeline{Extent: Extent{open, p.pos}}}
	}
	var inner Statement
	if t.Kind != TokEOF {
		inner = p.parseStatement()
	}
	p.skipNL()
	if p.byteAt(p.pos) != ')' {
		p.missing("MissingEndParenthesisInExpression", "Missing closing ')' in expression.")
		return &ParenExpr{Extent: Extent{open, p.pos}, Inner: inner}
	}
	p.recordRaw(TokRParen, p.pos, p.pos+1)
	p.pos++
	return &ParenExpr{Extent: Extent{open, p.pos}, Inner: inner}
}

// parseHashtable parses @{ key = value ... }.
func (p *parser) parseHashtable() Expression {
	t := p.peek(modeExpr)
	p.take(t)
	open := t.Extent.Start
	h := &HashtableExpr{}
	h.Start = open
	if !p.enter() {
		return h
	}
	defer p.leave()
	for !p.dead {
		p.skipNLSemi()
		if p.byteAt(p.pos) == '}' {
			p.recordRaw(TokRCurly, p.pos, p.pos+1)
			p.pos++
			h.End = p.pos
			return h
		}
		if p.pos >= len(p.text) {
			break
		}
		kstart := p.pos
		var key Expression
		if r, _ := p.runeAt(p.pos); isWordRune(r) && !(r >= '0' && r <= '9') {
			j := p.hashKeyEnd(p.pos)
			key = &StringConstant{Extent: Extent{p.pos, j}, Value: p.text[p.pos:j], Quote: Bare}
			p.recordRaw(TokMember, p.pos, j)
			p.pos = j
		} else {
			key = p.parseUnary()
		}
		if key == nil {
			n := p.peek(modeExpr)
			p.errorAt(n.Extent.Start, n.Extent.End, "MissingKeyInHashLiteral", "Missing key before '=' in hash literal.", false)
			p.recoverToCloser('}')
			continue
		}
		eq := p.peek(modeExpr)
		if eq.Kind != TokOperator || eq.Value != "=" {
			p.errorAt(p.pos, p.pos, "MissingEqualsInHashLiteral", "Missing '=' operator after key in hash literal.", p.atEOF())
			if p.atEOF() {
				break
			}
			p.recoverToCloser('}')
			continue
		}
		p.take(eq)
		p.skipNL()
		if n := p.peek(modeExpr); isArgEnd(n) {
			p.errorAt(p.pos, p.pos, "MissingStatementInHashLiteral", "Missing statement after '=' in hash literal.", n.Kind == TokEOF)
			if n.Kind == TokEOF {
				break
			}
			continue
		}
		if sc, ok := key.(*StringConstant); ok {
			for _, prev := range h.Pairs {
				if ps, ok := prev.Key.(*StringConstant); ok && strings.EqualFold(ps.Value, sc.Value) {
					p.errorAt(sc.Start, sc.End, "DuplicateKeyInHashLiteral", "Duplicate keys '"+sc.Value+"' are not allowed in hash literals.", false)
					break
				}
			}
		}
		val := p.parseStatement()
		h.Pairs = append(h.Pairs, &KeyValue{Extent: Extent{kstart, p.pos}, Key: key, Value: val})
		n := p.peek(modeExpr)
		if n.Kind != TokNewLine && n.Kind != TokSemi && n.Kind != TokRCurly && n.Kind != TokEOF {
			p.unexpected(n)
			p.recoverToCloser('}')
		}
	}
	// pwsh reports the missing '}' just after "@{".
	p.errorAt(open+2, open+2, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", p.atEOF())
	h.End = p.pos
	return h
}

// hashKeyEnd returns the end of a bare hashtable key.
func (p *parser) hashKeyEnd(i int) int {
	j := i
	for {
		r, n := p.runeAt(j)
		if n == 0 || !(isWordRune(r) || r == '-' || r == '.') {
			return j
		}
		j += n
	}
}
