package syntax

import "strings"

// isArgEnd reports tokens that end a command's argument list.
func isArgEnd(t *tok) bool {
	switch t.Kind {
	case TokEOF, TokNewLine, TokSemi, TokPipe, TokRParen, TokRCurly:
		return true
	case TokOperator:
		return t.Value == "&&" || t.Value == "||"
	}
	return false
}

// parsePipelineChain parses pipelines joined by && and ||.
func (p *parser) parsePipelineChain() Statement {
	left := p.parsePipeline()
	for left != nil && !p.dead {
		t := p.peek(modeExpr)
		if t.Kind != TokOperator || (t.Value != "&&" && t.Value != "||") {
			return left
		}
		p.take(t)
		p.skipNL()
		if p.atEOF() {
			p.missing("EmptyPipelineChainElement", "A pipeline chain operator '"+t.Value+"' must be followed by a pipeline.")
			return left
		}
		right := p.parsePipeline()
		rp, ok := right.(*Pipeline)
		if !ok {
			if right != nil {
				p.errorAt(right.Ext().Start, right.Ext().End, "UnexpectedToken", "Unexpected token in pipeline chain.", false)
			}
			return left
		}
		left = &PipelineChain{Extent: Extent{left.Ext().Start, p.pos}, Left: left, Op: t.Value, Right: rp}
	}
	return left
}

// parsePipeline parses an assignment or a pipeline.
func (p *parser) parsePipeline() Statement {
	p.ws()
	start := p.pos
	pl := &Pipeline{}
	if t := p.peek(modeArg); t.Kind == TokPipe {
		// "|gps": pwsh reports the empty element at the pipe and goes on.
		p.errorAt(t.Extent.Start, t.Extent.End, "EmptyPipeElement", "An empty pipe element is not allowed.", false)
	} else {
		first := p.parsePipelineElement(true)
		if first == nil {
			return nil
		}
		// Assignment: an expression followed by an assignment operator.
		if ce, ok := first.(*CommandExpr); ok && len(ce.Redirections) == 0 {
			if t := p.peek(modeExpr); t.Kind == TokOperator && assignOps[t.Value] {
				return p.parseAssignment(ce.Expr, t)
			}
		}
		pl.Elements = append(pl.Elements, first)
	}
	for !p.dead {
		t := p.peek(modeExpr)
		if t.Kind == TokNewLine && p.pipeContinuesAfterNL() {
			p.skipNL()
			t = p.peek(modeExpr)
		}
		if t.Kind == TokOperator && t.Value == "&" {
			if n := p.scanAt(p.posAfterWS(t.Extent.End), modeExpr); isArgEnd(n) {
				p.take(t)
				pl.Background = true
				break
			}
		}
		if t.Kind != TokPipe {
			break
		}
		p.take(t)
		p.skipNL()
		n := p.peek(modeExpr)
		if n.Kind == TokEOF {
			p.errorAt(t.Extent.End, t.Extent.End, "EmptyPipeElement", "An empty pipe element is not allowed.", true)
			break
		}
		if isArgEnd(n) || n.Kind == TokPipe {
			p.errorAt(t.Extent.End, t.Extent.End, "EmptyPipeElement", "An empty pipe element is not allowed.", false)
			if n.Kind == TokPipe {
				continue // "gps| |foreach name": the next element follows
			}
			break
		}
		el := p.parsePipelineElement(false)
		if el == nil {
			break
		}
		pl.Elements = append(pl.Elements, el)
	}
	pl.Extent = Extent{start, p.pos}
	return pl
}

// posAfterWS returns the position after blanks from i, without moving.
func (p *parser) posAfterWS(i int) int {
	save, rec := p.pos, p.record
	p.record = false
	p.pos = i
	p.ws()
	j := p.pos
	p.pos, p.record = save, rec
	return j
}

// pipeContinuesAfterNL reports whether the next line starts with '|' (not
// '||'): PowerShell 7 continues the pipeline then.
func (p *parser) pipeContinuesAfterNL() bool {
	save, rec := p.pos, p.record
	p.record = false
	p.skipNL()
	ok := p.byteAt(p.pos) == '|' && p.byteAt(p.pos+1) != '|'
	p.pos, p.record = save, rec
	return ok
}

func (p *parser) parseAssignment(left Expression, op *tok) Statement {
	p.take(op)
	if !validLHS(left) || op.Value != "=" && isArray(left) {
		p.errorAt(left.Ext().Start, left.Ext().End, "InvalidLeftHandSide",
			"The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.", false)
	}
	p.skipNL()
	t := p.peek(modeExpr)
	if isArgEnd(t) {
		p.errorAt(op.Extent.End, op.Extent.End, "ExpectedValueExpression",
			"You must provide a value expression following the '"+op.Value+"' operator.", t.Kind == TokEOF)
		return &AssignmentStmt{Extent: Extent{left.Ext().Start, p.pos}, Left: left, Op: op.Value}
	}
	right := p.parseStatement()
	return &AssignmentStmt{Extent: Extent{left.Ext().Start, p.pos}, Left: left, Op: op.Value, Right: right}
}

// isArray reports a comma list, which only '=' can assign ($a, $b = 1, 2).
func isArray(e Expression) bool {
	_, ok := e.(*ArrayLiteral)
	return ok
}

func validLHS(e Expression) bool {
	switch v := e.(type) {
	case *VariableExpr:
		return !v.Splatted
	case *MemberExpr:
		return !v.NullConditional // ${x}?.name = 1 is not assignable
	case *IndexExpr:
		return !v.NullConditional
	case *ConvertExpr:
		return validLHS(v.Operand)
	case *ArrayLiteral:
		for _, el := range v.Elements {
			if !validLHS(el) {
				return false
			}
		}
		return true
	case *ParenExpr:
		if pl, ok := v.Inner.(*Pipeline); ok && len(pl.Elements) == 1 {
			if ce, ok := pl.Elements[0].(*CommandExpr); ok {
				return validLHS(ce.Expr)
			}
		}
	}
	return false
}

// startsExpression reports whether the text at the current position begins
// an expression rather than a command name.
func (p *parser) startsExpression() bool {
	r, n := p.runeAt(p.pos)
	switch {
	case n == 0:
		return false
	case r == '$' || r == '(' || r == '[' || r == '{' || r == '!' || r == ',' || r == '+':
		return true
	case r == '@':
		c := p.byteAt(p.pos + 1)
		r2, _ := p.runeAt(p.pos + 1)
		if c == '(' || c == '{' {
			return true
		}
		if _, end, ok := p.variableAtQuiet(p.pos); ok {
			// @a alone is an expression (and an error: splatting is for
			// arguments); @a.txt or @a/b is a command name.
			r3, n3 := p.runeAt(end)
			return n3 == 0 || isArgTerminator(r3)
		}
		return c == '(' || c == '{' || isSingleQuote(r2) || isDoubleQuote(r2)
	case isSingleQuote(r) || isDoubleQuote(r):
		return true
	case r >= '0' && r <= '9' || r == '.' && p.byteAt(p.pos+1) >= '0' && p.byteAt(p.pos+1) <= '9':
		t := p.scanAt(p.pos, modeExpr)
		return t.Kind == TokNumber && p.endsNumber(t.Extent.End)
	case isDashRune(r):
		t := p.scanAt(p.pos, modeExpr)
		if t.Kind == TokOperator && (t.Value == "--" || unaryDashOps[t.Value]) {
			return true
		}
		if t.Kind == TokOperator && t.Value == "-" {
			n2 := p.scanAt(p.posAfterWS(t.Extent.End), modeExpr)
			return n2.Kind == TokNumber || n2.Kind == TokVariable || n2.Kind == TokLParen || n2.Kind == TokDollarParen
		}
	}
	return false
}

// endsNumber reports whether the character at i may follow a number that
// starts an expression. Anything else makes the whole word a command name,
// as pwsh's ForceStartNewTokenAfterNumber decides: "1?2:3" and "2?3:4" are
// commands, "1 ?2:3" is a ternary.
func (p *parser) endsNumber(i int) bool {
	r, n := p.runeAt(i)
	if n == 0 || isArgTerminator(r) || isDashRune(r) {
		return true
	}
	return strings.ContainsRune("!#%*+./=>]<", r)
}

// parsePipelineElement parses a command or (when first) an expression.
func (p *parser) parsePipelineElement(first bool) PipelineElement {
	p.ws()
	start := p.pos
	c := p.byteAt(p.pos)
	// Invocation operators.
	if c == '&' && p.byteAt(p.pos+1) != '&' {
		return p.parseCommand("&")
	}
	if c == '.' {
		n := p.byteAt(p.pos + 1)
		r2, _ := p.runeAt(p.pos + 1)
		if isBlankRune(r2) || n == '{' || n == '(' || n == '$' || n == '"' || n == '\'' {
			return p.parseCommand(".")
		}
	}
	if p.startsExpression() {
		e := p.parseExpr()
		if e == nil {
			return nil
		}
		ce := &CommandExpr{Expr: e}
		ce.Redirections = p.parseRedirections()
		ce.Extent = Extent{start, p.pos}
		if !first {
			p.errorAt(start, p.pos, "ExpressionsMustBeFirstInPipeline", "Expressions are only allowed as the first element of a pipeline.", false)
		}
		return ce
	}
	t := p.peek(modeArg)
	if isArgEnd(t) || t.Kind == TokRedirection || t.Kind == TokComma {
		p.unexpected(t)
		p.take(t)
		return nil
	}
	return p.parseCommand("")
}

// parseRedirections parses redirections following an expression. They are
// read in argument mode, as pwsh does once the expression is complete:
// in "5 2>$null" the 2> is a redirection, in "1..3>x" the 3 was an operand.
func (p *parser) parseRedirections() []*Redirection {
	var out []*Redirection
	for !p.dead {
		t := p.peek(modeArg)
		if t.Kind != TokRedirection {
			return out
		}
		if r := p.parseRedirection(t); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (p *parser) parseRedirection(t *tok) *Redirection {
	p.take(t)
	op := t.Value
	if op == "<" {
		p.errorAt(t.Extent.Start, t.Extent.End, "RedirectionNotSupported", "The '<' operator is reserved for future use.", false)
		return nil
	}
	r := &Redirection{Extent: t.Extent, Stream: "1"}
	i := 0
	if op[0] != '>' {
		r.Stream = op[:1]
		i = 1
	}
	rest := op[i:]
	switch {
	case rest == ">>":
		r.Append = true
	case len(rest) == 3 && rest[:2] == ">&":
		r.ToStream = rest[2:]
		return r
	}
	p.ws()
	a := p.peek(modeArg)
	if isArgEnd(a) || a.Kind == TokRedirection {
		p.errorAt(t.Extent.End, t.Extent.End, "MissingFileSpecification", "Missing file specification after redirection operator.", a.Kind == TokEOF)
		return r
	}
	r.Target = p.parseArgPrimary()
	r.Extent.End = p.pos
	return r
}

// parseCommand parses a command: its name (or the expression after an
// invocation operator), its arguments and redirections.
func (p *parser) parseCommand(invocation string) PipelineElement {
	cmd := &Command{InvocationOp: invocation}
	cmd.Start = p.pos
	if invocation != "" {
		p.recordRaw(TokOperator, p.pos, p.pos+1)
		p.pos++
		p.ws()
		t := p.peek(modeArg)
		if isArgEnd(t) {
			p.errorAt(cmd.Start, cmd.Start+1, "MissingExpression", "Missing expression after '"+invocation+"' in pipeline element.", t.Kind == TokEOF)
			cmd.End = p.pos
			return cmd
		}
	}
	// The command name.
	t := p.peek(modeArg)
	if invocation == "" && (t.Kind == TokGeneric) {
		p.take(t)
		p.retag(t.Extent.Start, TokGeneric)
		cmd.Elements = append(cmd.Elements, t.expr)
	} else {
		cmd.Elements = append(cmd.Elements, p.parseArgElement())
	}
	p.parseArguments(cmd)
	cmd.End = p.pos
	return cmd
}

// parseArguments parses a command's arguments up to the end of the
// pipeline element.
func (p *parser) parseArguments(cmd *Command) {
	noMoreParams := false
	for !p.dead {
		p.ws()
		t := p.peek(modeArg)
		if isArgEnd(t) {
			return
		}
		switch {
		case t.Kind == TokOperator && t.Value == "&":
			if n := p.scanAt(p.posAfterWS(t.Extent.End), modeArg); isArgEnd(n) {
				return // background operator, handled by the pipeline
			}
			p.errorAt(t.Extent.Start, t.Extent.End, "AmpersandNotAllowed",
				`The ampersand (&) character is not allowed. The & operator is reserved for future use; wrap an ampersand in double quotation marks ("&") to pass it as part of a string.`, false)
			p.take(t)
		case t.Kind == TokRedirection:
			if r := p.parseRedirection(t); r != nil {
				cmd.Redirections = append(cmd.Redirections, r)
			}
		case t.Kind == TokParameter && !noMoreParams:
			p.take(t)
			cp := &CommandParameter{Extent: t.Extent, Name: t.Value, Colon: t.colon}
			if t.colon {
				// The value is attached unless a blank, a line continuation
				// or a comment follows the colon (then it is the next
				// argument, if any: "-Name:`" + newline + "value").
				r, _ := p.runeAt(p.pos)
				if p.pos < len(p.text) && !isArgTerminator(r) && p.posAfterWS(p.pos) == p.pos {
					cp.Argument = p.parseArgElement()
				} else {
					p.ws()
					if a := p.peek(modeArg); !isArgEnd(a) && a.Kind != TokRedirection && a.Kind != TokParameter {
						cp.Argument = p.parseArgElement()
					} else {
						p.errorAt(t.Extent.End, t.Extent.End, "ParameterRequiresArgument",
							"Parameter -"+t.Value+" requires an argument.", a.Kind == TokEOF)
					}
				}
				cp.End = p.pos
			}
			cmd.Elements = append(cmd.Elements, cp)
		case t.Kind == TokOperator && t.Value == "--" && !noMoreParams:
			p.take(t)
			noMoreParams = true
		case t.Kind == TokOperator && t.Value == "--%":
			p.take(t)
			start := p.pos
			for p.pos < len(p.text) && !isNewlineByte(p.text[p.pos]) {
				p.pos++
			}
			text := p.text[start:p.pos]
			for len(text) > 0 && (text[0] == ' ' || text[0] == '\t') {
				text = text[1:]
			}
			cmd.Elements = append(cmd.Elements, &StringConstant{Extent: Extent{start, p.pos}, Value: text, Quote: Bare})
		case t.Kind == TokComma:
			p.errorAt(t.Extent.Start, t.Extent.End, "MissingArgument", "Missing argument in parameter list.", false)
			p.take(t)
		default:
			if noMoreParams && t.Kind == TokParameter {
				b := p.scanBare(t.Extent.Start)
				p.take(b)
				cmd.Elements = append(cmd.Elements, b.expr)
				continue
			}
			before := p.pos
			cmd.Elements = append(cmd.Elements, p.parseArgElement())
			if p.pos == before {
				p.unexpected(t)
				p.take(t)
				if p.pos == before {
					p.pos++
				}
			}
		}
	}
}

// parseArgElement parses one argument, including a comma list.
func (p *parser) parseArgElement() Expression {
	first := p.parseArgPrimary()
	p.ws()
	if p.byteAt(p.pos) != ',' {
		return first
	}
	arr := &ArrayLiteral{Elements: []Expression{first}}
	arr.Start = first.Ext().Start
	for p.byteAt(p.pos) == ',' && !p.dead {
		comma := p.pos
		p.recordRaw(TokComma, p.pos, p.pos+1)
		p.pos++
		p.skipNL()
		t := p.peek(modeArg)
		if isArgEnd(t) || t.Kind == TokComma || t.Kind == TokRedirection {
			p.errorAt(comma+1, comma+1, "MissingExpression", "Missing expression after ',' in pipeline element.", t.Kind == TokEOF)
			break
		}
		arr.Elements = append(arr.Elements, p.parseArgPrimary())
		p.ws()
	}
	arr.End = p.pos
	return arr
}

// bareIsMoot reports whether scanning the argument that starts with t as
// a bareword can be skipped: the bareword would not be used, and scanning
// it would have no effect either. The bareword of a variable followed by
// the end of the argument ends where the variable does; from '(', '{',
// '@(' or '@{' it is that one character; from a closed quoted string
// followed by the end of the argument it is the same string scanned again
// (its subexpressions parsed the same way, so far from the nesting limit:
// t.shallow). Tokenize records every scan, so it skips none.
func (p *parser) bareIsMoot(t *tok) bool {
	if p.record {
		return false
	}
	switch t.Kind {
	case TokVariable:
		r, n := p.runeAt(t.Extent.End)
		return n == 0 || isArgTerminator(r)
	case TokLParen, TokLCurly, TokAtParen, TokAtCurly:
		return true
	case TokStringLiteral, TokStringExpandable:
		r, n := p.runeAt(t.Extent.End)
		return t.shallow && !t.Unterminated && (n == 0 || isArgTerminator(r))
	}
	return false
}

// parseArgPrimary parses one argument value in argument mode.
func (p *parser) parseArgPrimary() Expression {
	p.ws()
	start := p.pos
	t := p.scanAt(start, modeArg)
	switch t.Kind {
	case TokVariable, TokDollarParen, TokLParen, TokAtParen, TokAtCurly, TokLCurly, TokStringLiteral, TokStringExpandable, TokHereStringLiteral, TokHereStringExpandable:
		var bare *tok
		if !p.bareIsMoot(t) {
			bare = p.scanAt(start, modeArgBare)
		}
		e := p.parsePostfixAt(true)
		if t.Kind == TokVariable && bare != nil && p.pos < bare.Extent.End {
			// $x/foo: the whole word is an expandable bareword.
			p.pos = start
			p.take(bare)
			return bare.expr
		}
		return e
	case TokSplattedVariable:
		p.take(t)
		return t.expr
	case TokGeneric:
		p.take(t)
		if v, ok, bad := parseNumber(t.Text); ok && !bad {
			if _, isConst := t.expr.(*StringConstant); isConst {
				p.retag(t.Extent.Start, TokNumber)
				return &NumberExpr{Extent: t.Extent, Raw: t.Text, Value: v}
			}
		}
		return t.expr
	}
	// Anything else (parameter-looking text after --, stray tokens) is a bareword.
	b := p.scanBare(start)
	if b.Extent.End == start {
		b = p.mk(TokGeneric, start, start+1, p.text[start:start+1])
		b.expr = &StringConstant{Extent: b.Extent, Value: b.Text, Quote: Bare}
	}
	p.take(b)
	return b.expr
}
