package syntax

import (
	"strings"
	"unicode/utf8"
)

// keywordAt returns the keyword (lower case) starting at i, or "".
func (p *parser) keywordAt(i int) string {
	j := i
	for {
		r, n := p.runeAt(j)
		if n == 0 || isArgTerminator(r) || isSingleQuote(r) || isDoubleQuote(r) || r == '$' || r == '`' || r == '[' || r == '#' {
			break
		}
		j += n
	}
	if j == i || j-i > 12 {
		return ""
	}
	word := p.text[i:j]
	for k := 0; k < len(word); k++ {
		if word[k] >= utf8.RuneSelf {
			// PowerShell's keyword table compares ordinally ignoring
			// case (upper-case mappings): "brea\u212a" (the Kelvin
			// sign, its own upper case) is a command name, not
			// "break" — Unicode's lower case would make it one, five
			// bytes long in a word of seven. Only the dotless i and
			// the long s (U+0131, U+017F) upper-case to ASCII letters,
			// so pwsh would take "\u0131f" for if; csshell takes every
			// word with a letter outside ASCII for a command name.
			return ""
		}
	}
	var buf [12]byte
	return keywordText[string(asciiLower(buf[:0], word))]
}

// takeKeyword consumes the keyword kw at the current position.
func (p *parser) takeKeyword(kw string) int {
	start := p.pos
	p.pos += len(kw)
	p.recordRaw(TokKeyword, start, p.pos)
	return start
}

// parseStatement parses one statement at the current position.
func (p *parser) parseStatement() Statement {
	if !p.enter() {
		return nil
	}
	defer p.leave()
	p.ws()
	label := ""
	if p.byteAt(p.pos) == ':' && isWordStartAt(p.text, p.pos+1) {
		start := p.pos
		end := p.wordEnd(p.pos + 1)
		label = p.text[p.pos+1 : end]
		p.pos = end
		p.recordRaw(TokLabel, start, end)
		p.skipNL()
		if p.atEOF() {
			p.errorAt(start, end, "MissingLoopStatement", "Missing statement after label '"+label+"'.", true)
			return nil
		}
	}
	kw := p.keywordAt(p.pos)
	switch kw {
	case "if":
		return p.parseIf()
	case "foreach":
		return p.parseForEach(label)
	case "for":
		return p.parseFor(label)
	case "while":
		return p.parseWhile(label)
	case "do":
		return p.parseDo(label)
	case "switch":
		return p.parseSwitch(label)
	case "break", "continue":
		return p.parseBreakContinue(kw)
	case "return", "exit", "throw":
		return p.parseFlow(kw)
	case "try":
		return p.parseTry()
	case "trap":
		return p.parseTrap()
	case "function", "filter", "workflow":
		return p.parseFunction(kw)
	case "data":
		return p.parseData()
	case "class", "enum":
		return p.parseUnsupportedType(kw)
	case "param":
		// A param block that is not at the start of a script block.
		start := p.pos
		p.takeKeyword(kw)
		p.errorAt(start, p.pos, "UnexpectedToken", "Unexpected token 'param' in expression or statement.", p.atEOF())
		p.ws()
		if p.byteAt(p.pos) == '(' {
			p.parseParameterList() // the keyword is taken already
		}
		return nil
	case "else", "elseif", "catch", "until":
		// As in pwsh: after an error these are skipped (they belong to the
		// statement that failed); otherwise they are command names.
		if len(p.errs) > 0 {
			p.takeKeyword(kw)
			p.skipNL()
			return p.parseStatement()
		}
	case "using":
		start := p.pos
		before := len(p.errs)
		p.parseUsing()
		if len(p.errs) == before {
			p.errorAt(start, p.pos, "UsingMustBeAtStartOfScript", "A 'using' statement must appear before any other statements in a script.", false)
		}
		return nil
	case "from", "define", "var":
		start := p.pos
		p.takeKeyword(kw)
		p.errorAt(start, p.pos, "ReservedKeywordNotAllowed", "The '"+kw+"' keyword is not supported in this version of the language.", false)
		return nil
	}
	// Other keywords ("in", "finally", "begin", "process", "end",
	// "dynamicparam", "clean") are command names here, as in pwsh.
	return p.parsePipelineChain()
}

// parseCondition parses '(' statement ')' after a keyword; it reports the
// keyword-specific errors and returns nil on failure.
func (p *parser) parseCondition(kw string, missingOpenID, missingOpenMsg, missingCondID, missingCondMsg string) (Statement, bool) {
	p.ws()
	if p.byteAt(p.pos) != '(' {
		p.missing(missingOpenID, missingOpenMsg)
		return nil, false
	}
	p.recordRaw(TokLParen, p.pos, p.pos+1)
	p.pos++
	p.skipNL()
	t := p.peek(modeExpr)
	if t.Kind == TokRParen || t.Kind == TokEOF {
		p.missing(missingCondID, missingCondMsg)
		if t.Kind == TokRParen {
			p.take(t)
		}
		return nil, false
	}
	cond := p.parseStatement()
	p.skipNL()
	if p.byteAt(p.pos) != ')' {
		p.missing("MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in '"+kw+"' statement.")
		return cond, false
	}
	p.recordRaw(TokRParen, p.pos, p.pos+1)
	p.pos++
	return cond, true
}

// bodyBlock parses the { } body required after a construct, reporting
// id/msg when it is absent.
func (p *parser) bodyBlock(id, msg string) *StatementBlock {
	p.skipNL()
	if p.byteAt(p.pos) != '{' {
		p.missing(id, msg)
		return nil
	}
	return p.parseBlock()
}

// peekKeywordAfterNL looks past newlines for one of the keywords; when
// found it consumes the newlines and returns it.
func (p *parser) peekKeywordAfterNL(kws ...string) string {
	save := p.pos
	rec := p.record
	p.record = false
	p.skipNL()
	p.record = rec
	kw := p.keywordAt(p.pos)
	for _, k := range kws {
		if kw == k {
			p.pos = save
			p.skipNL()
			return kw
		}
	}
	p.pos = save
	return ""
}

// ifMessages returns the messages of a missing '(', condition and block
// after the keyword kw ("if" or "elseif") written word; they are built
// only for a word not in lower case, so that parsing an if statement does
// not build three strings it almost never needs.
func ifMessages(kw, word string) (noParen, noCond, noBody string) {
	switch {
	case word == "if":
		return "Missing '(' after 'if' in if statement.", "Missing condition in if statement after 'if ('.",
			"Missing statement block after if ( condition )."
	case word == "elseif":
		return "Missing '(' after 'elseif' in if statement.", "Missing condition in if statement after 'elseif ('.",
			"Missing statement block after elseif ( condition )."
	}
	return "Missing '(' after '" + word + "' in if statement.", "Missing condition in if statement after '" + word + " ('.",
		"Missing statement block after " + kw + " ( condition )."
}

func (p *parser) parseIf() Statement {
	st := &IfStmt{}
	st.Start = p.pos
	kw := "if"
	for {
		kwStart := p.takeKeyword(kw)
		noParen, noCond, noBody := ifMessages(kw, p.text[kwStart:p.pos])
		cond, ok := p.parseCondition(kw, "MissingOpenParenthesisInIfStatement", noParen,
			"IfStatementMissingCondition", noCond)
		if !ok {
			st.End = p.pos
			return st
		}
		body := p.bodyBlock("MissingStatementBlock", noBody)
		if body == nil {
			st.End = p.pos
			return st
		}
		st.Clauses = append(st.Clauses, &IfClause{Extent: Extent{kwStart, p.pos}, Cond: cond, Body: body})
		next := p.peekKeywordAfterNL("elseif", "else")
		if next == "elseif" {
			kw = "elseif"
			continue
		}
		if next == "else" {
			p.takeKeyword("else")
			st.Else = p.bodyBlock("MissingStatementBlockAfterElse", "Missing statement block after 'else' keyword.")
		}
		break
	}
	st.End = p.pos
	return st
}

func (p *parser) parseForEach(label string) Statement {
	st := &ForEachStmt{Label: label}
	st.Start = p.takeKeyword("foreach")
	defer func() { st.End = p.pos }()
	p.ws()
	// Flags such as -Parallel are not supported; skip parameters.
	for {
		t := p.peek(modeArg)
		if t.Kind != TokParameter {
			break
		}
		p.errorAt(t.Extent.Start, t.Extent.End, "InvalidForeachFlag", "The parameter "+t.Text+" is not valid for the foreach statement.", false)
		p.take(t)
		p.ws()
	}
	if p.byteAt(p.pos) != '(' {
		p.missing("MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'foreach'.")
		return st
	}
	p.recordRaw(TokLParen, p.pos, p.pos+1)
	p.pos++
	p.skipNL()
	t := p.peek(modeExpr)
	if t.Kind == TokSplattedVariable {
		p.errorAt(t.Extent.Start, t.Extent.End, "SplattingNotPermitted",
			"The splatting operator '@' cannot be used to reference variables in an expression. '@"+t.Value+"' can be used only as an argument to a command. To reference variables in an expression use '$"+t.Value+"'.", false)
		t = &tok{Token: t.Token, expr: &VariableExpr{Extent: t.Extent, Name: t.Value}}
		t.Kind = TokVariable
	}
	if t.Kind != TokVariable {
		p.missing("MissingVariableNameAfterForeach", "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}")
		return st
	}
	p.take(t)
	st.Variable = t.expr.(*VariableExpr)
	p.skipNL()
	if p.keywordAt(p.pos) != "in" {
		p.missing("MissingInInForeach", "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}")
		return st
	}
	p.takeKeyword("in")
	p.skipNL()
	if t := p.peek(modeExpr); t.Kind == TokRParen || t.Kind == TokEOF {
		p.missing("MissingForeachExpression", "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}")
		return st
	}
	st.Collection = p.parseStatement()
	p.skipNL()
	if p.byteAt(p.pos) != ')' {
		p.missing("MissingEndParenthesisAfterForeach", "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}")
		return st
	}
	p.recordRaw(TokRParen, p.pos, p.pos+1)
	p.pos++
	st.Body = p.loopBody(label, func() *StatementBlock {
		return p.bodyBlock("MissingForeachStatement", "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}")
	})
	return st
}

func (p *parser) parseFor(label string) Statement {
	st := &ForStmt{Label: label}
	st.Start = p.takeKeyword("for")
	defer func() { st.End = p.pos }()
	p.ws()
	if p.byteAt(p.pos) != '(' {
		p.missing("MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'for'.")
		return st
	}
	p.recordRaw(TokLParen, p.pos, p.pos+1)
	p.pos++
	part := func(last bool) (Statement, bool) {
		p.ws()
		for p.atNewline() {
			p.skipNL()
		}
		t := p.peek(modeExpr)
		var s Statement
		if !(t.Kind == TokSemi || t.Kind == TokRParen || t.Kind == TokEOF) {
			s = p.parseStatement()
		}
		p.ws()
		t = p.peek(modeExpr)
		switch {
		case t.Kind == TokSemi && !last:
			p.take(t)
		case t.Kind == TokNewLine && !last:
			p.skipNL()
		case t.Kind == TokRParen:
		default:
			if last || t.Kind != TokRParen {
				p.skipNL()
				if p.byteAt(p.pos) == ')' {
					return s, true
				}
				p.missing("MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in 'for' statement.")
				return s, false
			}
		}
		return s, true
	}
	var ok bool
	if st.Init, ok = part(false); !ok {
		return st
	}
	if p.byteAt(p.pos) != ')' {
		if st.Cond, ok = part(false); !ok {
			return st
		}
	}
	if p.byteAt(p.pos) != ')' {
		if st.Iter, ok = part(true); !ok {
			return st
		}
	}
	p.skipNL()
	if p.byteAt(p.pos) != ')' {
		p.missing("MissingEndParenthesisAfterStatement", "Missing closing ')' after expression in 'for' statement.")
		return st
	}
	p.recordRaw(TokRParen, p.pos, p.pos+1)
	p.pos++
	st.Body = p.loopBody(label, func() *StatementBlock {
		return p.bodyBlock("MissingLoopStatement", "Missing statement body in for loop.")
	})
	return st
}

func (p *parser) parseWhile(label string) Statement {
	st := &WhileStmt{Label: label}
	st.Start = p.takeKeyword("while")
	defer func() { st.End = p.pos }()
	cond, ok := p.parseCondition("while", "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword 'while'.",
		"MissingExpressionAfterKeyword", "Missing expression after 'while' in loop.")
	if !ok {
		return st
	}
	st.Cond = cond
	st.Body = p.loopBody(label, func() *StatementBlock {
		return p.bodyBlock("MissingLoopStatement", "Missing statement body in while loop.")
	})
	return st
}

func (p *parser) parseDo(label string) Statement {
	st := &DoStmt{Label: label}
	st.Start = p.takeKeyword("do")
	defer func() { st.End = p.pos }()
	st.Body = p.loopBody(label, func() *StatementBlock {
		return p.bodyBlock("MissingLoopStatement", "Missing statement body in do loop.")
	})
	if st.Body == nil {
		return st
	}
	kw := p.peekKeywordAfterNL("while", "until")
	if kw == "" {
		p.skipNL()
		p.missing("MissingWhileOrUntilInDoWhile", "Missing while or until keyword in do loop.")
		return st
	}
	st.Until = kw == "until"
	p.takeKeyword(kw)
	cond, ok := p.parseCondition(kw, "MissingOpenParenthesisAfterKeyword", "Missing opening '(' after keyword '"+kw+"'.",
		"MissingExpressionAfterKeyword", "Missing expression after '"+kw+"' in loop.")
	st.Cond = cond
	_ = ok
	return st
}

func (p *parser) parseSwitch(label string) Statement {
	st := &SwitchStmt{Label: label}
	st.Start = p.takeKeyword("switch")
	defer func() { st.End = p.pos }()
	for {
		p.skipNL()
		t := p.peek(modeArg)
		if t.Kind != TokParameter {
			break
		}
		p.take(t)
		name := strings.ToLower(t.Value)
		switch {
		case name != "" && strings.HasPrefix("regex", name):
			st.Regex = true
		case name != "" && strings.HasPrefix("wildcard", name):
			st.Wildcard = true
		case name != "" && strings.HasPrefix("exact", name):
			st.Exact = true
		case name != "" && strings.HasPrefix("casesensitive", name):
			st.CaseSensitive = true
		case name != "" && strings.HasPrefix("file", name):
			st.File = true
			p.skipNL()
			if p.byteAt(p.pos) != '(' {
				a := p.peek(modeArg)
				if isArgEnd(a) || a.Kind == TokLCurly {
					p.missing("MissingFilenameOption", "Cannot process the 'switch' statement because of a missing file name argument to the -file option.")
					return st
				}
				arg := p.parseArgElement()
				st.Cond = &Pipeline{Extent: arg.Ext(), Elements: []PipelineElement{&CommandExpr{Extent: arg.Ext(), Expr: arg}}}
			}
		default:
			p.errorAt(t.Extent.Start, t.Extent.End, "InvalidSwitchFlag", "The parameter "+t.Text+" is not valid for the switch statement.", false)
		}
	}
	p.skipNL()
	if st.Cond == nil {
		if p.byteAt(p.pos) != '(' {
			p.missing("PipelineValueRequired", "A switch statement must have one of the following:  '-file file_name' or '( expression )'.")
			return st
		}
		lp := p.pos
		p.recordRaw(TokLParen, p.pos, p.pos+1)
		p.pos++
		p.skipNL()
		if t := p.peek(modeExpr); t.Kind == TokRParen || t.Kind == TokEOF {
			// pwsh: "switch (" and "switch ()" lack the value to switch on.
			p.errorAt(lp+1, lp+1, "PipelineValueRequired", "A switch statement must have one of the following:  '-file file_name' or '( expression )'.", t.Kind == TokEOF)
			if t.Kind == TokEOF {
				return st
			}
			p.take(t)
		} else {
			st.Cond = p.parseStatement()
			p.skipNL()
			if p.byteAt(p.pos) != ')' {
				p.missing("MissingEndParenthesisInSwitchStatement", "Missing ')' after expression in switch statement.")
				return st
			}
			p.recordRaw(TokRParen, p.pos, p.pos+1)
			p.pos++
		}
	}
	p.skipNL()
	if p.byteAt(p.pos) != '{' {
		p.missing("MissingCurlyBraceInSwitchStatement", "Missing '{' in switch statement.")
		return st
	}
	open := p.pos
	p.recordRaw(TokLCurly, open, open+1)
	p.pos++
	for !p.dead {
		p.skipNLSemi()
		t := p.peek(modeArg)
		if t.Kind == TokRCurly {
			break
		}
		if t.Kind == TokEOF {
			if len(st.Clauses) == 0 && st.Default == nil {
				p.missing("MissingSwitchConditionExpression", "Missing condition in switch statement clause.")
				return st
			}
			break
		}
		cstart := p.pos
		var pattern Expression
		if w := p.keywordWordAt(p.pos); strings.EqualFold(w, "default") && p.blockFollows(p.pos+len(w)) {
			p.pos += len(w)
			p.recordRaw(TokKeyword, cstart, p.pos)
		} else {
			if isArgEnd(t) {
				p.missing("MissingSwitchConditionExpression", "Missing condition in switch statement clause.")
				p.take(t)
				continue
			}
			pattern = p.parseArgElement()
		}
		body := p.loopBody(label, func() *StatementBlock {
			return p.bodyBlock("MissingSwitchStatementClause", "Missing statement block in switch statement clause.")
		})
		if body == nil {
			if p.atEOF() {
				return st // one error, as in pwsh
			}
			break
		}
		if pattern == nil {
			if st.Default != nil {
				p.errorAt(cstart, cstart+7, "MultipleSwitchDefaultClauses", "A switch statement can have only one default clause.", false)
			}
			st.Default = body
		} else {
			st.Clauses = append(st.Clauses, &SwitchClause{Extent: Extent{cstart, p.pos}, Pattern: pattern, Body: body})
		}
	}
	p.closeCurly(open)
	return st
}

// keywordWordAt returns the bare word at i (letters only).
func (p *parser) keywordWordAt(i int) string {
	j := p.identEnd(i)
	if r, n := p.runeAt(j); n > 0 && !isArgTerminator(r) {
		return ""
	}
	return p.text[i:j]
}

func (p *parser) parseBreakContinue(kw string) Statement {
	start := p.takeKeyword(kw)
	var lbl Expression
	t := p.peek(modeArg)
	if !isArgEnd(t) {
		lbl = p.parseArgElement()
	}
	if n := len(p.flow); n > 0 && p.flow[n-1].finally {
		sc := p.flow[n-1]
		name, isConst := lbl.(*StringConstant)
		if lbl == nil && sc.loops == 0 || isConst && !sc.hasLabel(name.Value) {
			p.controlLeavingFinally(start)
		}
	}
	if kw == "break" {
		return &BreakStmt{Extent: Extent{start, p.pos}, Label: lbl}
	}
	return &ContinueStmt{Extent: Extent{start, p.pos}, Label: lbl}
}

func (p *parser) parseFlow(kw string) Statement {
	start := p.takeKeyword(kw)
	if n := len(p.flow); kw == "return" && n > 0 && p.flow[n-1].finally {
		p.controlLeavingFinally(start)
	}
	var val Statement
	t := p.peek(modeExpr)
	switch t.Kind {
	case TokEOF, TokNewLine, TokSemi, TokRCurly, TokRParen, TokPipe:
	default:
		if !(t.Kind == TokOperator && (t.Value == "&&" || t.Value == "||")) {
			val = p.parsePipelineChain()
		}
	}
	ext := Extent{start, p.pos}
	switch kw {
	case "return":
		return &ReturnStmt{Extent: ext, Value: val}
	case "exit":
		return &ExitStmt{Extent: ext, Value: val}
	}
	return &ThrowStmt{Extent: ext, Value: val}
}

func (p *parser) parseTry() Statement {
	st := &TryStmt{}
	st.Start = p.takeKeyword("try")
	defer func() { st.End = p.pos }()
	st.Body = p.bodyBlock("MissingTryStatementBlock", "The Try statement is missing its statement block.")
	if st.Body == nil {
		return st
	}
	for {
		kw := p.peekKeywordAfterNL("catch", "finally")
		if kw == "" {
			break
		}
		kwStart := p.takeKeyword(kw)
		if kw == "finally" {
			p.flow = append(p.flow, flowScope{finally: true})
			st.Finally = p.bodyBlock("MissingFinallyStatementBlock", "The Finally block is missing its statement block.")
			p.flow = p.flow[:len(p.flow)-1]
			return st
		}
		cc := &CatchClause{}
		cc.Start = kwStart
		for {
			p.skipNL()
			if p.byteAt(p.pos) != '[' {
				break
			}
			tn, _ := p.parseTypeName()
			if tn != nil {
				cc.Types = append(cc.Types, tn)
			}
			// The list may continue on the next line: "catch [A]<newline>, [B] {}".
			if !p.commaAfterNL() {
				break
			}
			p.skipNL()
			p.recordRaw(TokComma, p.pos, p.pos+1)
			p.pos++
			p.skipNL()
			if p.byteAt(p.pos) != '[' {
				// pwsh reports the missing type and, ignoring the comma,
				// looks for the block without a second error.
				p.missing("MissingTypeLiteralToken", "Missing type literal.")
				if p.byteAt(p.pos) != '{' {
					return st
				}
				break
			}
		}
		cc.Body = p.bodyBlock("MissingCatchHandlerBlock", "The Catch block is missing its statement block.")
		cc.End = p.pos
		if cc.Body == nil {
			return st
		}
		st.Catches = append(st.Catches, cc)
	}
	if len(st.Catches) == 0 {
		p.missing("MissingCatchOrFinally", "The Try statement is missing its Catch or Finally block.")
	}
	return st
}

// commaAfterNL reports whether the next token, past newlines, is ','.
func (p *parser) commaAfterNL() bool {
	save, rec := p.pos, p.record
	p.record = false
	p.skipNL()
	ok := p.byteAt(p.pos) == ','
	p.pos, p.record = save, rec
	return ok
}

func (p *parser) parseTrap() Statement {
	st := &TrapStmt{}
	st.Start = p.takeKeyword("trap")
	p.skipNL()
	if p.byteAt(p.pos) == '[' {
		st.Type, _ = p.parseTypeName()
	}
	st.Body = p.bodyBlock("MissingTrapStatement", "The 'trap' statement was incomplete. A trap statement requires a body.")
	st.End = p.pos
	return st
}

func (p *parser) parseData() Statement {
	st := &BlockStmt{Data: true}
	st.Start = p.takeKeyword("data")
	p.ws()
	if t := p.peek(modeArg); t.Kind == TokGeneric {
		p.take(t)
		st.Name = t.Value
	}
	p.ws()
	if t := p.peek(modeArg); t.Kind == TokParameter {
		// -SupportedCommand (any prefix) and its list of command names.
		p.take(t)
		bad := t.Value == "" || !strings.HasPrefix("supportedcommand", strings.ToLower(t.Value))
		if bad {
			p.errorAt(t.Extent.Start, t.Extent.End, "InvalidParameterForDataSectionStatement",
				`The "`+t.Value+`" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.`, false)
		}
		p.ws()
		if a := p.peek(modeArg); !isArgEnd(a) && a.Kind != TokLCurly && a.Kind != TokComma && !(a.Kind == TokOperator && a.Value == "&") {
			before := len(p.errs)
			p.parseArgElement()
			for _, e := range p.errs[before:] {
				bad = true
				if e.ID == "MissingExpression" { // "data -sup a,"
					e.ID = "MissingValueForSupportedCommandInDataSectionStatement"
					e.Msg = "The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter."
				}
			}
		} else if !bad {
			p.errorAt(t.Extent.End, t.Extent.End, "MissingValueForSupportedCommandInDataSectionStatement",
				"The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.", a.Kind == TokEOF)
			bad = true
		}
		if bad {
			st.Body = &StatementBlock{}
			st.End = p.pos
			return st
		}
	}
	st.Body = p.bodyBlock("MissingStatementBlockForDataSection", "The Data section is missing its statement block.")
	if st.Body == nil {
		st.Body = &StatementBlock{}
	}
	st.End = p.pos
	return st
}

func (p *parser) parseUnsupportedType(kw string) Statement {
	start := p.takeKeyword(kw)
	p.errorAt(start, p.pos, "ClassNotSupported", "The '"+kw+"' keyword is not supported in csshell.", false)
	// Skip the name, any base list, and the body.
	for !p.dead {
		p.ws()
		t := p.peek(modeExpr)
		if t.Kind == TokEOF || t.Kind == TokNewLine || t.Kind == TokSemi {
			return nil
		}
		if t.Kind == TokLCurly {
			p.parseBlockDiscard()
			return nil
		}
		p.take(t)
	}
	return nil
}

// parseBlockDiscard skips a balanced { } region without parsing it.
func (p *parser) parseBlockDiscard() {
	open := p.pos
	depth := 0
	for p.pos < len(p.text) {
		c := p.text[p.pos]
		switch {
		case c == '{':
			depth++
		case c == '}':
			depth--
			if depth == 0 {
				p.pos++
				return
			}
		case c == '\'' || c == '"':
			t := p.scanAt(p.pos, modeExpr)
			p.pos = t.Extent.End
			continue
		case c == '#' || c == '<' && p.byteAt(p.pos+1) == '#':
			p.ws()
			continue
		}
		p.pos++
	}
	p.errorAt(open, open+1, "MissingEndCurlyBrace", "Missing closing '}' in statement block or type definition.", true)
}

// flowScope is what break, continue and return may leave: a script block
// or function body, or a finally block (which they may not leave).
type flowScope struct {
	finally bool
	loops   int      // loops (and switches) open inside the scope
	labels  []string // their labels
}

func (f flowScope) hasLabel(l string) bool {
	for _, x := range f.labels {
		if strings.EqualFold(x, l) {
			return true
		}
	}
	return false
}

// loopBody parses a loop's (or switch clause's) body with the loop open
// in the current flow scope.
func (p *parser) loopBody(label string, body func() *StatementBlock) *StatementBlock {
	n := len(p.flow)
	if n == 0 {
		return body()
	}
	saved := p.flow[n-1]
	p.flow[n-1].loops++
	if label != "" {
		p.flow[n-1].labels = append(p.flow[n-1].labels[:len(saved.labels):len(saved.labels)], label)
	}
	b := body()
	p.flow[n-1] = saved
	return b
}

// controlLeavingFinally reports a break, continue or return at start that
// would leave a finally block.
func (p *parser) controlLeavingFinally(start int) {
	p.errorAt(start, p.pos, "ControlLeavingFinally", "Flow of control cannot leave a Finally block.", false)
}
