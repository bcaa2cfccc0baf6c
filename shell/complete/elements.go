package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/syntax"
)

// element is one command argument as the binder sees it: a -Name, a
// -Name:value, or a value (which may span several tokens: a,b,c or
// $x.Name or (Get-Foo)).
type element struct {
	toks   []syntax.Token
	cursor bool // the cursor word is in this element (or is this empty element)
	// param is set for -Name and -Name:value; name is without the dash
	// ("" for a lone "-").
	param bool
	name  string
	colon bool // -Name: (its value is attached, or is the next element)
	// attached: the value of -Name: is in this element (-Name:value).
	attached bool
}

// elements groups toks[c.first:c.end] into arguments. An empty cursor
// word becomes an element of its own unless it continues a comma list.
func elements(toks []syntax.Token, c command, w word) []element {
	var out []element
	cur := -1 // index in out of the element being read
	prevEnd, depth := -1, 0
	prevComma := false
	placed := !w.empty()
	place := func() {
		// The empty word at the cursor: continue "a," or start a new element.
		if prevComma && cur >= 0 && prevEnd == w.start {
			out[cur].cursor = true
		} else {
			out = append(out, element{cursor: true})
			cur = -1
		}
		placed = true
	}
	for i := c.first; i < c.end; i++ {
		t := toks[i]
		if !placed && t.Extent.Start >= w.start {
			place()
		}
		if t.Kind == syntax.TokComment || t.Kind == syntax.TokLineContinuation {
			prevComma = false
			prevEnd = -1
			continue
		}
		join := cur >= 0 && (depth > 0 || t.Extent.Start == prevEnd || prevComma || t.Kind == syntax.TokComma)
		if !join {
			e := element{}
			switch {
			case t.Kind == syntax.TokParameter:
				e.param, e.name = true, t.Value
				e.colon = strings.HasSuffix(t.Text, ":")
			case isDashWord(t):
				e.param, e.name = true, t.Text[1:]
			}
			out = append(out, e)
			cur = len(out) - 1
		} else if out[cur].param && out[cur].colon {
			out[cur].attached = true
		}
		out[cur].toks = append(out[cur].toks, t)
		if i == w.idx {
			out[cur].cursor = true
		}
		switch t.Kind {
		case syntax.TokLCurly, syntax.TokLParen, syntax.TokDollarParen, syntax.TokAtParen,
			syntax.TokAtCurly, syntax.TokLBracket:
			depth++
		case syntax.TokRCurly, syntax.TokRParen, syntax.TokRBracket:
			if depth > 0 {
				depth--
			}
		}
		prevComma = t.Kind == syntax.TokComma
		prevEnd = t.Extent.End
	}
	if !placed {
		place()
	}
	return out
}

// isDashWord reports a bareword the user is typing as a parameter name
// that the tokenizer did not take as one: a lone "-", or "-*Action".
func isDashWord(t syntax.Token) bool {
	return t.Kind == syntax.TokGeneric && strings.HasPrefix(t.Text, "-") &&
		(t.Text == "-" || strings.ContainsAny(t.Text[1:2], "*?"))
}
