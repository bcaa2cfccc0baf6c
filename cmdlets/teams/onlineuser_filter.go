package teams

import (
	"strings"
	"unicode"

	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/value"
)

// opathNode is a parsed -Filter of Get-CsOnlineUser (the OPATH forms
// admins use): comparisons "Property -op value" joined by -and, -or,
// -not and parentheses. Property names are case-insensitive.
type opathNode struct {
	op       string // "and", "or", "not", "startswith", or a comparison operator ("eq", "like", …)
	cs       bool   // a case-sensitive operator (-ceq, -clike, …)
	prop     string
	val      any
	children []*opathNode
}

// opathOps are the comparison operators -Filter accepts, as Where-Object
// spells them (each also with a c or i prefix: -ceq, -ilike).
var opathOps = map[string]bool{
	"eq": true, "ne": true, "like": true, "notlike": true, "contains": true, "notcontains": true,
	"gt": true, "lt": true, "ge": true, "le": true, "match": true, "notmatch": true,
}

// odataOps are the comparison operators of the OData-like form the 2022
// documentation gave ("UsageLocation eq 'US'"), written without a dash.
var odataOps = map[string]bool{"eq": true, "ne": true, "gt": true, "lt": true, "ge": true, "le": true}

// splitCaseOp splits "ceq" into ("eq", true) and "ieq" into ("eq", false).
func splitCaseOp(op string) (string, bool, bool) {
	if opathOps[op] {
		return op, false, true
	}
	if len(op) > 2 && (op[0] == 'c' || op[0] == 'i') && opathOps[op[1:]] {
		return op[1:], op[0] == 'c', true
	}
	return "", false, false
}

type opathToken struct {
	kind string // "word", "op", "str", "lp", "rp", "comma", "var"
	text string
}

// parseOPath parses a filter; known reports whether a property name can
// be filtered on.
func parseOPath(src string, known func(string) bool) (*opathNode, error) {
	return parseOPathChecked(src, func(name string) error {
		if !known(name) {
			return badFilter(src, name)
		}
		return nil
	})
}

// parseOPathChecked parses a filter; check returns the error for a
// property name that cannot be filtered on, nil for one that can.
func parseOPathChecked(src string, check func(string) error) (*opathNode, error) {
	text := strings.TrimSpace(src)
	if strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}") {
		text = strings.TrimSpace(text[1 : len(text)-1])
	}
	toks, ok := lexOPath(text)
	if !ok || len(toks) == 0 {
		return nil, badFilter(src, "")
	}
	p := &opathParser{toks: toks, check: check, src: src}
	n := p.or()
	if p.err == nil && p.i != len(p.toks) {
		p.err = badFilter(src, "")
	}
	if p.err != nil {
		return nil, p.err
	}
	return n, nil
}

// lexOPath splits a filter into tokens.
func lexOPath(s string) ([]opathToken, bool) {
	var out []opathToken
	i := 0
	for i < len(s) {
		r := rune(s[i])
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '(':
			out = append(out, opathToken{"lp", "("})
			i++
		case r == ')':
			out = append(out, opathToken{"rp", ")"})
			i++
		case r == ',':
			out = append(out, opathToken{"comma", ","})
			i++
		case r == '\'' || r == '"':
			j := i + 1
			var b strings.Builder
			for {
				if j >= len(s) {
					return nil, false
				}
				if s[j] == s[i] {
					if j+1 < len(s) && s[j+1] == s[i] { // doubled quote
						b.WriteByte(s[i])
						j += 2
						continue
					}
					break
				}
				b.WriteByte(s[j])
				j++
			}
			out = append(out, opathToken{"str", b.String()})
			i = j + 1
		default:
			j := i
			for j < len(s) && !unicode.IsSpace(rune(s[j])) && s[j] != '(' && s[j] != ')' && s[j] != ',' {
				j++
			}
			w := s[i:j]
			switch {
			case strings.HasPrefix(w, "-"):
				out = append(out, opathToken{"op", strings.ToLower(w[1:])})
			case strings.HasPrefix(w, "$"):
				out = append(out, opathToken{"var", strings.ToLower(w[1:])})
			default:
				out = append(out, opathToken{"word", w})
			}
			i = j
		}
	}
	return out, true
}

type opathParser struct {
	toks  []opathToken
	i     int
	err   error
	check func(string) error
	src   string
}

// peekOp reports whether the next token is the logical operator op:
// "-and", or OData's bare "and".
func (p *opathParser) peekOp(op string) bool {
	if p.i >= len(p.toks) {
		return false
	}
	t := p.toks[p.i]
	return t.kind == "op" && t.text == op || t.kind == "word" && strings.EqualFold(t.text, op)
}

func (p *opathParser) or() *opathNode {
	n := p.and()
	for p.err == nil && p.peekOp("or") {
		p.i++
		n = &opathNode{op: "or", children: []*opathNode{n, p.and()}}
	}
	return n
}

func (p *opathParser) and() *opathNode {
	n := p.unary()
	for p.err == nil && p.peekOp("and") {
		p.i++
		n = &opathNode{op: "and", children: []*opathNode{n, p.unary()}}
	}
	return n
}

func (p *opathParser) unary() *opathNode {
	if p.err != nil {
		return nil
	}
	if p.peekOp("not") {
		p.i++
		return &opathNode{op: "not", children: []*opathNode{p.unary()}}
	}
	if p.i < len(p.toks) && p.toks[p.i].kind == "lp" {
		p.i++
		n := p.or()
		if p.err == nil && (p.i >= len(p.toks) || p.toks[p.i].kind != "rp") {
			p.err = badFilter(p.src, "")
			return nil
		}
		p.i++
		return n
	}
	return p.compare()
}

func (p *opathParser) compare() *opathNode {
	if p.i < len(p.toks) && p.toks[p.i].kind == "word" && strings.EqualFold(p.toks[p.i].text, "startswith") {
		return p.startsWith()
	}
	if p.i+3 > len(p.toks) {
		p.err = badFilter(p.src, "")
		return nil
	}
	prop, op, val := p.toks[p.i], p.toks[p.i+1], p.toks[p.i+2]
	name, cs, ok := "", false, false
	switch op.kind {
	case "op":
		name, cs, ok = splitCaseOp(op.text)
	case "word":
		name, ok = strings.ToLower(op.text), odataOps[strings.ToLower(op.text)]
	}
	if prop.kind != "word" || !ok {
		p.err = badFilter(p.src, "")
		return nil
	}
	if err := p.check(prop.text); err != nil {
		p.err = err
		return nil
	}
	n := &opathNode{op: name, cs: cs, prop: prop.text}
	if n.val, ok = p.operand(val); !ok {
		return nil
	}
	p.i += 3
	return n
}

// operand is the value of a comparison: a quoted string or a bare word
// as text, $true, $false or $null.
func (p *opathParser) operand(t opathToken) (any, bool) {
	switch t.kind {
	case "str", "word":
		return t.text, true
	case "var":
		switch t.text {
		case "true":
			return true, true
		case "false":
			return false, true
		case "null":
			return nil, true
		}
		p.err = engine.NewError("InvalidArgument", "InvalidFilter", p.src,
			"The filter \"%s\" is not valid: the variable '$%s' is not known where the filter runs. Put its value in the filter (a double-quoted string, or the -f operator).", p.src, t.text).
			WithException("System.ArgumentException")
		return nil, false
	}
	p.err = badFilter(p.src, "")
	return nil, false
}

// startsWith parses OData's startswith(Property,'text').
func (p *opathParser) startsWith() *opathNode {
	if p.i+6 > len(p.toks) {
		p.err = badFilter(p.src, "")
		return nil
	}
	t := p.toks[p.i : p.i+6]
	if t[1].kind != "lp" || t[2].kind != "word" || t[3].kind != "comma" || t[5].kind != "rp" {
		p.err = badFilter(p.src, "")
		return nil
	}
	if err := p.check(t[2].text); err != nil {
		p.err = err
		return nil
	}
	n := &opathNode{op: "startswith", prop: t[2].text}
	var ok bool
	if n.val, ok = p.operand(t[4]); !ok {
		return nil
	}
	p.i += 6
	return n
}

// badFilter is the error for a filter that cannot be parsed, or that
// names a property that cannot be filtered on.
func badFilter(src, prop string) *engine.ErrorRecord {
	if prop != "" {
		return engine.NewError("InvalidArgument", "InvalidFilter", src,
			"The filter \"%s\" is not valid: \"%s\" is not a property that can be filtered on.", src, prop).
			WithException("System.ArgumentException")
	}
	return engine.NewError("InvalidArgument", "InvalidFilter", src,
		"The filter \"%s\" is not valid. Use the form \"Property -Operator 'Value'\", for example \"Department -eq 'Finance'\".", src).
		WithException("System.ArgumentException")
}

// props adds the (lower-case) names of the properties the filter reads.
func (n *opathNode) props(set map[string]bool) {
	if n.prop != "" {
		set[strings.ToLower(n.prop)] = true
	}
	for _, c := range n.children {
		c.props(set)
	}
}

// match evaluates the filter against an object's properties.
func (n *opathNode) match(o any) bool {
	switch n.op {
	case "and":
		return n.children[0].match(o) && n.children[1].match(o)
	case "or":
		return n.children[0].match(o) || n.children[1].match(o)
	case "not":
		return !n.children[0].match(o)
	}
	lhs, _ := value.GetMember(o, n.prop)
	items, isList := value.Enumerate(lhs)
	if !isList || len(items) == 0 {
		// A scalar is one item; an empty list reads as $null, as an
		// empty multi-valued attribute does.
		items = []any{lhs}
		if isList {
			items = []any{nil}
		}
	}
	eq := func(x any) bool { return opathEqual(x, n.val, n.cs) }
	like := func(x any) bool { return x != nil && value.Like(value.ToString(x), value.ToString(n.val), n.cs) }
	re := func(x any) bool {
		ok, _, err := value.Match(value.ToString(x), value.ToString(n.val), n.cs)
		return x != nil && err == nil && ok
	}
	switch n.op {
	case "ne", "notcontains":
		return !anyItem(items, eq)
	case "notlike":
		return !anyItem(items, like)
	case "notmatch":
		return !anyItem(items, re)
	case "eq", "contains":
		return anyItem(items, eq)
	case "like":
		return anyItem(items, like)
	case "match":
		return anyItem(items, re)
	case "startswith":
		return anyItem(items, func(x any) bool {
			return x != nil && strings.HasPrefix(strings.ToLower(value.ToString(x)), strings.ToLower(value.ToString(n.val)))
		})
	}
	return anyItem(items, func(x any) bool {
		if x == nil || n.val == nil {
			return false
		}
		cmp, err := value.CompareValues(x, n.val, n.cs)
		if err != nil {
			return false
		}
		switch n.op {
		case "gt":
			return cmp > 0
		case "lt":
			return cmp < 0
		case "ge":
			return cmp >= 0
		}
		return cmp <= 0
	})
}

// opathEqual compares as text (case-insensitively unless cs); $null
// equals an absent or empty value.
func opathEqual(x, v any, cs bool) bool {
	if v == nil {
		return x == nil || value.ToString(x) == ""
	}
	if x == nil {
		return false
	}
	if b, ok := x.(bool); ok {
		return strings.EqualFold(psBool(b), value.ToString(v)) || value.Equal(b, v, false)
	}
	if o, ok := x.(*value.Object); ok {
		// A plan of AssignedPlan/ProvisionedPlan equals its capability,
		// with wildcards ("AssignedPlan -eq '*MCO*'", as the 2022
		// documentation has contains checks written).
		if c, ok := o.Get("Capability"); ok {
			return value.Like(value.ToString(c), value.ToString(v), cs)
		}
	}
	if cs {
		return value.ToString(x) == value.ToString(v)
	}
	return strings.EqualFold(value.ToString(x), value.ToString(v))
}

func anyItem(items []any, f func(any) bool) bool {
	for _, x := range items {
		if f(x) {
			return true
		}
	}
	return false
}
