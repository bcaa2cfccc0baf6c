package syntax

import "strings"

// parseTypeName parses [TypeName] or [Attribute(args)] at the current
// position ('['). It returns the type name, and the attribute when the
// name was followed by '('.
func (p *parser) parseTypeName() (*TypeName, *Attribute) {
	open := p.pos
	p.pos++
	p.ws()
	nameStart := p.pos
	end := p.typeNameEnd(p.pos)
	if end == p.pos {
		p.errorAt(open, open+1, "MissingTypename", "Missing type name after '['.", p.atEOF())
		return nil, nil
	}
	name := strings.TrimSpace(p.text[nameStart:end])
	p.pos = end
	p.ws()
	var attr *Attribute
	if p.byteAt(p.pos) == '(' {
		attr = &Attribute{Name: name}
		attr.Start = open
		p.parseAttributeArgs(attr)
		p.ws()
	}
	if p.byteAt(p.pos) != ']' {
		if attr != nil {
			p.missing("EndSquareBracketExpectedAtEndOfAttribute", "Missing ] at end of attribute or type literal.")
		} else {
			p.missing("EndSquareBracketExpectedAtEndOfType", "Missing ] at end of type token.")
		}
		tn := &TypeName{Extent: Extent{open, p.pos}, Name: name, Namespaces: p.namespaces}
		if attr != nil {
			attr.End = p.pos
		}
		return tn, attr
	}
	p.pos++
	p.recordRaw(TokTypeLiteral, open, p.pos)
	tn := &TypeName{Extent: Extent{open, p.pos}, Name: name, Namespaces: p.namespaces}
	if attr != nil {
		attr.End = p.pos
	}
	return tn, attr
}

// typeNameEnd returns the end of a type name starting at i, including
// generic arguments and array brackets ("List[string]", "int[]").
func (p *parser) typeNameEnd(i int) int {
	j := i
	for {
		r, n := p.runeAt(j)
		if n == 0 || !(isWordRune(r) || r == '.' || r == '`' || r == '+' || r == '#') {
			break
		}
		j += n
	}
	if j == i {
		return i
	}
	for p.byteAt(j) == '[' {
		// Array rank [] [,] or generic arguments [T1, [T2]].
		k := j + 1
		for p.byteAt(k) == ',' || p.byteAt(k) == ' ' {
			k++
		}
		if p.byteAt(k) == ']' {
			j = k + 1
			continue
		}
		depth := 1
		k = j + 1
		for k < len(p.text) && depth > 0 {
			switch p.text[k] {
			case '[':
				depth++
			case ']':
				depth--
			case '\n', '\r', '(', ')', '{', '}', ';', '$', '"', '\'':
				return j
			}
			k++
		}
		if depth != 0 {
			return j
		}
		j = k
	}
	return j
}

// parseAttributeArgs parses ( positional, Named = value, Flag ).
func (p *parser) parseAttributeArgs(attr *Attribute) {
	p.pos++ // (
	for !p.dead {
		p.skipNL()
		if p.byteAt(p.pos) == ')' {
			p.pos++
			return
		}
		if p.pos >= len(p.text) {
			break
		}
		argStart := p.pos
		if r, _ := p.runeAt(p.pos); isWordRune(r) && !(r >= '0' && r <= '9') {
			j := p.wordEnd(p.pos)
			save := p.pos
			p.pos = j
			p.skipNL()
			c := p.byteAt(p.pos)
			if c == '=' {
				name := p.text[argStart:j]
				p.pos++
				p.skipNL()
				v := p.parseExprNoComma()
				if v == nil {
					p.missing("MissingExpressionInNamedArgument", "Missing statement after '=' in named argument.")
				}
				attr.Named = append(attr.Named, &NamedArgument{Extent: Extent{argStart, p.pos}, Name: name, Value: v})
			} else if c == ',' || c == ')' {
				attr.Named = append(attr.Named, &NamedArgument{Extent: Extent{argStart, j}, Name: p.text[argStart:j]})
			} else {
				p.pos = save
				v := p.parseExprNoComma()
				if v == nil {
					break
				}
				attr.Positional = append(attr.Positional, v)
			}
		} else {
			v := p.parseExprNoComma()
			if v == nil {
				break
			}
			attr.Positional = append(attr.Positional, v)
		}
		p.skipNL()
		if p.byteAt(p.pos) == ',' {
			p.pos++
			continue
		}
		if p.byteAt(p.pos) == ')' {
			p.pos++
			return
		}
		break
	}
	p.missing("MissingEndParenthesisInExpression", "Missing closing ')' in expression.")
}

// parseAttributeList parses attributes [Name(...)] (and type constraints)
// separated by white space and newlines; it stops at anything else.
func (p *parser) parseAttributeList() []*Attribute {
	var out []*Attribute
	for !p.dead && p.byteAt(p.pos) == '[' {
		_, attr := p.parseTypeName()
		if attr == nil {
			return out
		}
		out = append(out, attr)
		p.skipNL()
	}
	return out
}

// parseParamBlock parses param( ... ) at the current position.
func (p *parser) parseParamBlock(attrs []*Attribute) *ParamBlock {
	start := p.pos
	if len(attrs) > 0 {
		start = attrs[0].Start
	}
	p.takeKeyword("param")
	p.skipNL()
	pb := &ParamBlock{Attributes: attrs}
	pb.Params = p.parseParameterList()
	pb.Extent = Extent{start, p.pos}
	return pb
}

// parseParameterList parses ( $a, [T]$b = x ) at the current position.
func (p *parser) parseParameterList() []*Parameter {
	open := p.pos
	p.recordRaw(TokLParen, open, open+1)
	p.pos++
	var params []*Parameter
	for !p.dead {
		p.skipNL()
		if p.byteAt(p.pos) == ')' {
			p.recordRaw(TokRParen, p.pos, p.pos+1)
			p.pos++
			return params
		}
		prm := p.parseParameter()
		if prm == nil {
			break
		}
		for _, prev := range params {
			if strings.EqualFold(prev.Name, prm.Name) {
				p.errorAt(prm.nameStart, prm.nameStart+1+len(prm.Name), "DuplicateFormalParameter", "Duplicate parameter $"+prm.Name+" in parameter list.", false)
				break
			}
		}
		params = append(params, prm)
		p.skipNL()
		if p.byteAt(p.pos) == ',' {
			p.pos++
			continue
		}
		if p.byteAt(p.pos) == ')' {
			continue
		}
		break
	}
	p.skipNL()
	if p.pos < len(p.text) && p.byteAt(p.pos) != ')' && p.byteAt(p.pos) != '}' {
		t := p.peek(modeExpr)
		p.errorAt(t.Extent.Start, t.Extent.End, "InvalidFunctionParameter",
			"Parameter declarations are a comma-separated list of variable names with optional initializer expressions.", false)
		// Skip to the closing parenthesis.
		for !p.dead {
			t := p.peek(modeExpr)
			if t.Kind == TokEOF || t.Kind == TokRCurly {
				break
			}
			p.take(t)
			if t.Kind == TokRParen {
				return params
			}
		}
	}
	p.missing("MissingEndParenthesisInFunctionParameterList", "Missing ')' in function parameter list.")
	return params
}

// parseParameter parses one [attr][type]$name [= default].
func (p *parser) parseParameter() *Parameter {
	prm := &Parameter{}
	prm.Start = p.pos
	for p.byteAt(p.pos) == '[' && !p.dead {
		tn, attr := p.parseTypeName()
		if tn == nil {
			return nil
		}
		if attr != nil {
			prm.Attributes = append(prm.Attributes, attr)
		} else {
			prm.Types = append(prm.Types, tn)
		}
		p.skipNL()
	}
	t := p.peek(modeExpr)
	if t.Kind == TokSplattedVariable {
		p.errorAt(t.Extent.Start, t.Extent.End, "SplattingNotPermitted",
			"The splatting operator '@' cannot be used to reference variables in an expression. '@"+t.Value+"' can be used only as an argument to a command. To reference variables in an expression use '$"+t.Value+"'.", false)
		t = &tok{Token: t.Token, expr: &VariableExpr{Extent: t.Extent, Name: t.Value}}
		t.Kind = TokVariable
	}
	if t.Kind != TokVariable {
		if len(prm.Attributes)+len(prm.Types) > 0 {
			p.missing("InvalidFunctionParameter", "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.")
		}
		return nil
	}
	p.take(t)
	prm.Name = t.Value
	prm.nameStart = t.Extent.Start
	p.skipNL()
	if eq := p.peek(modeExpr); eq.Kind == TokOperator && eq.Value == "=" {
		p.take(eq)
		p.skipNL()
		prm.Default = p.parseExprNoComma()
		if prm.Default == nil {
			p.errorAt(eq.Extent.End, eq.Extent.End, "ExpectedValueExpression",
				"You must provide a value expression following the '=' operator.", p.atEOF())
		}
	}
	prm.End = p.pos
	return prm
}

// parseFunction parses function/filter Name [(params)] { body }.
func (p *parser) parseFunction(kw string) Statement {
	start := p.takeKeyword(kw)
	fd := &FunctionDef{IsFilter: kw == "filter"}
	fd.Start = start
	defer func() { fd.End = p.pos }()
	p.ws()
	t := p.peek(modeArg)
	if t.Kind != TokGeneric {
		p.missing("MissingNameAfterKeyword", "Missing name after "+kw+" keyword.")
		return fd
	}
	p.take(t)
	fd.Name = t.Text
	if sc, ok := t.expr.(*StringConstant); ok {
		fd.Name = sc.Value
	}
	p.skipNL()
	if p.byteAt(p.pos) == '(' {
		before := len(p.errs)
		fd.Params = p.parseParameterList()
		if len(p.errs) > before && p.atEOF() {
			return fd // "function foo(": one error, as in pwsh
		}
		p.skipNL()
	}
	if p.byteAt(p.pos) != '{' {
		p.missing("MissingFunctionBody", "Missing function body in function declaration.")
		return fd
	}
	open := p.pos
	p.recordRaw(TokLCurly, open, open+1)
	p.pos++
	if !p.enter() {
		return fd
	}
	defer p.leave()
	body := p.parseScriptBody(open, '}')
	p.closeCurly(open)
	body.Extent = Extent{open, p.pos}
	if fd.Params != nil && body.Params != nil {
		p.errorAt(body.Params.Start, body.Params.End, "OnlyOneParameterListAllowed",
			"The param statement cannot be used if arguments were specified in the function declaration.", false)
	}
	fd.Body = body
	p.funcs = append(p.funcs, fd)
	return fd
}
