package complete

import (
	"github.com/csshell/csshell/engine"
	"github.com/csshell/csshell/engine/syntax"
)

// memberChain reads "$var.A.B." backwards from the cursor word: the
// variable token and the member names before the one being typed. ok is
// false when the expression before the dot is not a plain variable path
// (a call, an index, a literal): completion never evaluates code.
func memberChain(toks []syntax.Token, w word) (root syntax.Token, names []string, typed string, ok bool) {
	i := w.idx
	if w.tok.Kind == syntax.TokMember {
		typed = w.text
		i--
		if i < 0 || toks[i].Kind != syntax.TokDot || toks[i].Extent.End != w.tok.Extent.Start {
			return root, nil, "", false // a hashtable key, not a member access
		}
	}
	// toks[i] is the Dot before the typed name.
	for {
		if i < 1 || toks[i].Kind != syntax.TokDot {
			return root, nil, "", false
		}
		prev := toks[i-1]
		if prev.Extent.End != toks[i].Extent.Start {
			return root, nil, "", false
		}
		switch prev.Kind {
		case syntax.TokVariable:
			return prev, names, typed, true
		case syntax.TokMember:
			names = append([]string{prev.Value}, names...)
			i -= 2
		default:
			return root, nil, "", false
		}
	}
}

// members completes the name after "$var." or "$var.Prop.": properties of
// the variable's current value (then its methods), when it is known. $_
// and $PSItem in a script block given to a command of a pipeline stand
// for the objects coming down it (… | Where-Object { $_.<Tab>), as pwsh
// infers them; elsewhere they are variables like the others.
func (c *Completer) members(input string, toks []syntax.Token, w word) []Suggestion {
	root, names, typed, ok := memberChain(toks, w)
	if !ok {
		return nil
	}
	var v any
	if isPipelineVariable(root.Value) {
		v = c.newInferrer(input).pipelineVariable(root.Extent.Start)
	}
	if v == nil {
		if v, ok = c.src.Variable(root.Value); !ok {
			return nil
		}
	}
	for _, n := range names {
		if v, ok = engine.GetMember(v, n); !ok {
			return nil
		}
	}
	ms := membersOf(v)
	m := newMatcher(typed)
	var props []keyed
	var methods []Suggestion
	for _, p := range ms.props {
		if p == "" || !m.match(p) {
			continue
		}
		pv, _ := engine.GetMember(v, p)
		text := p
		if needsQuotes(p) || !plainVarName(p) {
			text = quote(p, '\'')
		}
		props = append(props, keyed{p, Suggestion{Text: text, Description: valueType(pv)}})
	}
	for _, mt := range ms.methods {
		if !m.match(mt.name) {
			continue
		}
		text := mt.name + "("
		if mt.noArgs {
			text += ")"
		}
		methods = append(methods, Suggestion{Text: text, Description: "Method"})
	}
	sortItems(methods)
	return dedupe(append(sortKeyed(props), methods...))
}
