package complete

import (
	"strings"

	"github.com/csshell/csshell/engine/binding"
)

// paramNames completes -Name: the command's parameters that match prefix,
// minus those already given, restricted to the parameter sets still
// possible, in declaration order with the common parameters last (as
// pwsh lists them).
func paramNames(sig *signature, ln line, prefix string) []Suggestion {
	m := newMatcher(prefix)
	var items, byAlias []Suggestion
	for _, p := range sig.all {
		if ln.bound[p] {
			continue
		}
		if sig.isDeclared(p) && !inAny(p, ln.cands) {
			continue
		}
		s := Suggestion{Text: "-" + p.Name, Description: paramDescription(p)}
		switch {
		case m.match(p.Name):
			items = append(items, s)
		case prefix != "" && aliasMatches(p, prefix):
			byAlias = append(byAlias, s)
		}
	}
	if len(items) == 0 {
		items = byAlias // -ea completes to -ErrorAction when no name starts so
	}
	return items
}

func aliasMatches(p *binding.ParamInfo, prefix string) bool {
	for _, a := range p.Aliases {
		if strings.EqualFold(a, prefix) {
			return true
		}
	}
	return false
}

// paramDescription is "[Type] short help".
func paramDescription(p *binding.ParamInfo) string {
	t := p.Type
	if t == "" {
		t = "Object"
	}
	d := "[" + t + "]"
	if h := shortHelp(p.Help); h != "" {
		d += " " + h
	}
	return d
}

// shortHelp is the first sentence of a help text, at most 80 characters.
func shortHelp(h string) string {
	h = strings.Join(strings.Fields(h), " ")
	if i := strings.Index(h, ". "); i >= 0 {
		h = h[:i+1]
	}
	if r := []rune(h); len(r) > 80 {
		h = string(r[:79]) + "…"
	}
	return h
}
