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
	op       string // "and", "or", "not", or a comparison operator ("eq", "like", …)
	prop     string
	val      any
	children []*opathNode
}

// opathOps are the comparison operators -Filter accepts.
var opathOps = map[string]bool{
	"eq": true, "ne": true, "like": true, "notlike": true, "contains": true, "notcontains": true,
	"gt": true, "lt": true, "ge": true, "le": true,
}

type opathToken struct {
	kind string // "word", "op", "str", "lp", "rp", "var", "num"
	text string
}

// parseOPath parses a filter; known reports whether a property name can
// be filtered on.
func parseOPath(src string, known func(string) bool) (*opathNode, error) {
	text := strings.TrimSpace(src)
	if strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}") {
		text = strings.TrimSpace(text[1 : len(text)-1])
	}
	toks, ok := lexOPath(text)
	if !ok || len(toks) == 0 {
		return nil, badFilter(src, "")
	}
	p := &opathParser{toks: toks, known: known, src: src}
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
			for j < len(s) && !unicode.IsSpace(rune(s[j])) && s[j] != '(' && s[j] != ')' {
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
	known func(string) bool
	src   string
}

func (p *opathParser) peekOp(op string) bool {
	return p.i < len(p.toks) && p.toks[p.i].kind == "op" && p.toks[p.i].text == op
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
	if p.i+3 > len(p.toks) {
		p.err = badFilter(p.src, "")
		return nil
	}
	prop, op, val := p.toks[p.i], p.toks[p.i+1], p.toks[p.i+2]
	if prop.kind != "word" || op.kind != "op" || !opathOps[op.text] {
		p.err = badFilter(p.src, "")
		return nil
	}
	if !p.known(prop.text) {
		p.err = badFilter(p.src, prop.text)
		return nil
	}
	n := &opathNode{op: op.text, prop: prop.text}
	switch val.kind {
	case "str", "word":
		n.val = val.text
	case "var":
		switch val.text {
		case "true":
			n.val = true
		case "false":
			n.val = false
		case "null":
			n.val = nil
		default:
			p.err = badFilter(p.src, "")
			return nil
		}
	default:
		p.err = badFilter(p.src, "")
		return nil
	}
	p.i += 3
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
	if !isList {
		items = []any{lhs}
	}
	switch n.op {
	case "ne":
		return !anyItem(items, func(x any) bool { return opathEqual(x, n.val) })
	case "notlike":
		return !anyItem(items, func(x any) bool { return value.Like(value.ToString(x), value.ToString(n.val), false) })
	case "notcontains":
		return !anyItem(items, func(x any) bool { return opathEqual(x, n.val) })
	case "eq", "contains":
		return anyItem(items, func(x any) bool { return opathEqual(x, n.val) })
	case "like":
		return anyItem(items, func(x any) bool { return value.Like(value.ToString(x), value.ToString(n.val), false) })
	}
	return anyItem(items, func(x any) bool {
		if x == nil || n.val == nil {
			return false
		}
		cmp, err := value.CompareValues(x, n.val, false)
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

// opathEqual compares case-insensitively; $null equals an absent or
// empty value.
func opathEqual(x, v any) bool {
	if v == nil {
		return x == nil || value.ToString(x) == ""
	}
	if x == nil {
		return false
	}
	if b, ok := x.(bool); ok {
		return strings.EqualFold(psBool(b), value.ToString(v)) || value.Equal(b, v, false)
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
