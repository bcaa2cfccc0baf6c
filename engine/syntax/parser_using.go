package syntax

import (
	"regexp"
	"strings"
)

// This file parses "using" statements. As in pwsh they come first in a
// script (before param()); anywhere else they are parsed and reported.

// namespacePattern is pwsh's check of a "using namespace" name: C#
// identifiers joined by dots.
var namespacePattern = regexp.MustCompile(`^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Pc}\p{Mn}\p{Mc}\p{Cf}_]*(?:\.[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Nd}\p{Pc}\p{Mn}\p{Mc}\p{Cf}_]*)*$`)

// parseUsings parses the using statements at the start of a script.
func (p *parser) parseUsings() []*Using {
	var out []*Using
	for !p.dead {
		p.skipNLSemi()
		if p.keywordAt(p.pos) != "using" {
			return out
		}
		if u := p.parseUsing(); u != nil {
			out = append(out, u)
			if u.Kind == "namespace" {
				if sc, ok := u.Name.(*StringConstant); ok {
					p.namespaces = append(p.namespaces[:len(p.namespaces):len(p.namespaces)], sc.Value)
				}
			}
		}
	}
	return out
}

// parseUsing parses one using statement at the current position; it
// returns nil after reporting an error.
func (p *parser) parseUsing() *Using {
	start := p.takeKeyword("using")
	p.ws()
	w := p.identEnd(p.pos)
	kind := strings.ToLower(p.text[p.pos:w])
	switch kind {
	case "namespace", "module", "assembly", "type", "command":
		p.recordRaw(TokKeyword, p.pos, w)
		p.pos = w
	default:
		p.errorAt(start+5, start+5, "MissingUsingStatementDirective", "Missing using directive", p.atEOF())
		return nil
	}
	dirEnd := p.pos
	p.ws()
	t := p.peek(modeArg)
	if isArgEnd(t) || t.Kind == TokComma {
		p.errorAt(dirEnd, dirEnd, "MissingUsingItemName", "Missing using name", t.Kind == TokEOF)
		return nil
	}
	item := p.parseArgPrimary()
	_, isHash := item.(*HashtableExpr)
	sc, isConst := item.(*StringConstant)
	if !isConst && !(kind == "module" && isHash) {
		text := p.text[item.Ext().Start:item.Ext().End]
		p.errorAt(item.Ext().Start, item.Ext().End, "InvalidValueForUsingItemName", "'"+text+"' is not a valid value for using name.", false)
		return nil
	}
	u := &Using{Extent: Extent{start, p.pos}, Kind: kind, Name: item}
	p.ws()
	supported := kind == "namespace" || kind == "module" || kind == "assembly"
	if p.byteAt(p.pos) == '=' && !isHash {
		// An alias: parsed, but pwsh supports none.
		p.recordRaw(TokOperator, p.pos, p.pos+1)
		p.pos++
		p.ws()
		if a := p.peek(modeArg); isArgEnd(a) {
			p.errorAt(p.pos, p.pos, "MissingNamespaceAlias", "Missing namespace alias", a.Kind == TokEOF)
			return nil
		}
		p.parseArgPrimary()
		u.End = p.pos
		supported = false
	}
	if !supported {
		p.errorAt(u.Start, u.End, "UsingStatementNotSupported", "This syntax of the 'using' statement is not supported.", false)
		return nil
	}
	if kind == "namespace" && isConst && !namespacePattern.MatchString(sc.Value) {
		p.errorAt(sc.Start, sc.End, "InvalidNamespaceValue", "The specified namespace in the 'using' statement contains invalid characters.", false)
		return nil
	}
	return u
}
