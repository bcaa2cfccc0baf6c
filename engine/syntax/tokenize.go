package syntax

import "sort"

// recordRaw notes a token of the given kind at [start, end) for Tokenize.
func (p *parser) recordRaw(kind TokenKind, start, end int) {
	if !p.record || end > len(p.text) || start >= end {
		return
	}
	p.toks[start] = Token{Kind: kind, Text: p.text[start:end], Value: p.text[start:end], Extent: Extent{start, end}}
}

// recordTok notes a scanned token for Tokenize.
func (p *parser) recordTok(t Token) {
	if !p.record || t.Kind == TokEOF {
		return
	}
	if t.Kind == TokGeneric || t.Kind == TokUnknown {
		if keywords[lower(t.Text)] && p.toks[t.Extent.Start].Kind == TokKeyword {
			return
		}
	}
	p.toks[t.Extent.Start] = t
}

// retag changes the kind of the token recorded at start.
func (p *parser) retag(start int, kind TokenKind) {
	if !p.record {
		return
	}
	if t, ok := p.toks[start]; ok {
		t.Kind = kind
		p.toks[start] = t
	}
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Tokenize splits src into tokens, best effort: it never fails, and the
// tokens (comments and newlines included) cover every significant part of
// the input in order, ending with an EOF token. Tokens are classified the
// way the parser read them, so a command name is Generic, its arguments
// Generic (barewords), Parameter, Variable and so on, a name after '.' is
// Member, and keywords are Keyword.
func Tokenize(src string) []Token {
	p := newParser(&Source{Text: src})
	p.record = true
	p.toks = map[int]Token{}
	func() {
		defer func() { _ = recover() }()
		p.parseRoot()
	}()
	starts := make([]int, 0, len(p.toks))
	for s := range p.toks {
		starts = append(starts, s)
	}
	sort.Ints(starts)
	var out []Token
	covered := 0
	fill := func(upto int) {
		// Text the parser skipped: scan it in expression mode.
		q := newParser(&Source{Text: src})
		q.pos = covered
		for q.pos < upto {
			q.ws()
			if q.pos >= upto {
				break
			}
			t := q.scanExpr(q.pos)
			if t.Extent.End <= q.pos {
				break
			}
			if t.Extent.End > upto {
				t.Extent.End = upto
				t.Text = src[t.Extent.Start:upto]
			}
			out = append(out, t.Token)
			q.pos = t.Extent.End
		}
	}
	for _, s := range starts {
		t := p.toks[s]
		if s < covered {
			continue
		}
		if s > covered {
			fill(s)
		}
		out = append(out, t)
		covered = t.Extent.End
	}
	if covered < len(src) {
		fill(len(src))
	}
	out = append(out, Token{Kind: TokEOF, Extent: Extent{len(src), len(src)}})
	return out
}
